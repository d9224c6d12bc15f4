/** toUserError: Excel's errors, as raised by the fake through the host, become clear zh/en messages. */
import { strict as assert } from "node:assert";
import { FakeExcel, FakeOfficeError } from "../support/fake-excel";
import { applyPlan, readSheet, readWorkbook, toUserError } from "../../src/excel/host";
import { HostError } from "../../src/excel/errors";

describe("host toUserError", () => {
  let fake: FakeExcel;
  beforeEach(() => {
    fake = new FakeExcel().install();
    fake.addSheet("公开数据", [["单位名称", "某局"]]);
  });
  afterEach(() => fake.uninstall());

  it("cell edit mode: readWorkbook fails at once (no fallback retry) with 请先退出单元格编辑状态", async () => {
    fake.editMode = true;
    const { cost } = await fake.measure(async () => {
      await assert.rejects(readWorkbook(), (e) => {
        const u = toUserError(e);
        assert.equal(u.code, "EditMode");
        assert.match(u.message.zh, /请先退出单元格编辑状态/);
        assert.match(u.message.en, /edit mode/);
        return true;
      });
    });
    assert.equal(cost.syncs, 1);
  });

  it("cell edit mode reported as InvalidOperation (older Excel) maps the same way", async () => {
    fake.editModeErrorCode = "InvalidOperation";
    fake.editMode = true;
    await assert.rejects(readSheet("公开数据"), (e) => toUserError(e).code === "EditMode");
  });

  it("a protected sheet: 工作表受保护", async () => {
    fake.addSheet("报告表格");
    fake.protect("报告表格");
    await assert.rejects(
      applyPlan(
        { name: "报告表格", cells: [{ row: 0, col: 0, value: 1 }], styles: {}, merges: [], columnWidths: {} },
        { replace: true },
      ),
      (e) => {
        const u = toUserError(e);
        return u.code === "Protected" && u.message.zh.startsWith("工作表受保护");
      },
    );
  });

  it("a sheet deleted while the pane was open: ItemNotFound naming it", async () => {
    await fake.deleteSheet("公开数据");
    fake.addSheet("Sheet1");
    await assert.rejects(readSheet("公开数据"), (e) => {
      const u = toUserError(e);
      return (
        u.code === "ItemNotFound" && u.message.zh.includes("“公开数据”") && /renamed or deleted/.test(u.message.en)
      );
    });
  });

  it("API not supported: 此版本的 Excel 不支持…，需要 ExcelApi 1.7", () => {
    const u = toUserError(new FakeOfficeError("ApiNotFound", "The API you are trying to use could not be found."));
    assert.equal(u.code, "ApiNotSupported");
    assert.match(u.message.zh, /^此版本的 Excel 不支持.*需要 ExcelApi 1\.7/);
    const v = toUserError(new HostError("ApiNotSupported", "x", { need: "ExcelApi 1.9" }));
    assert.match(v.message.zh, /ExcelApi 1\.9/);
  });

  it("sheet exists, payload too large, generic errors and non-errors", () => {
    assert.match(
      toUserError(new HostError("SheetExists", "", { sheets: ["报告表格", "报告正文"] })).message.zh,
      /报告表格、报告正文/,
    );
    assert.equal(toUserError(new FakeOfficeError("ResponsePayloadSizeLimitExceeded", "too big")).code, "TooLarge");
    const g = toUserError(new Error("socket closed"));
    assert.deepEqual([g.code, g.message.zh.includes("socket closed")], ["Generic", true]);
    assert.equal(toUserError("text").code, "Generic");
    assert.equal(toUserError(null).code, "Generic");
    assert.equal(toUserError({ debugInfo: { code: "AccessDenied" } }).code, "Protected");
  });
});
