/** toUserError: Excel's errors, as raised by the fake through the host, become clear zh/en messages. */
import { hostMessage } from "../../src/taskpane/i18n";
import { strict as assert } from "node:assert";
import { FakeExcel, FakeOfficeError } from "../support/fake-excel";
import { applyPlan, loadSheetGrid, loadWorkbookGrid, toUserError } from "../../src/excel/host";
import { HostError } from "../../src/excel/errors";
import { shareUnits } from "../../src/core/shares";

describe("host toUserError", () => {
  let fake: FakeExcel;
  beforeEach(() => {
    fake = new FakeExcel().install();
    fake.addSheet("公开数据", [["单位名称", "某局"]]);
  });
  afterEach(() => fake.uninstall());

  it("cell edit mode: loadWorkbookGrid fails at once (no fallback retry) with 请先结束单元格编辑（按 Enter 或 Esc）", async () => {
    fake.editMode = true;
    const { cost } = await fake.measure(async () => {
      await assert.rejects(loadWorkbookGrid(), (e) => {
        const u = toUserError(e);
        assert.equal(u.code, "EditMode");
        assert.equal(hostMessage("zh", u), "请先结束单元格编辑（按 Enter 或 Esc）");
        assert.match(hostMessage("en", u), /press Enter or Esc/);
        return true;
      });
    });
    assert.equal(cost.syncs, 1);
  });

  it("cell edit mode reported as InvalidOperation (older Excel) maps the same way", async () => {
    fake.editModeErrorCode = "InvalidOperation";
    fake.editMode = true;
    await assert.rejects(loadSheetGrid("公开数据"), (e) => toUserError(e).code === "EditMode");
  });

  it("a protected sheet: 工作表“报告表格”受保护 (named when the host knows it)", async () => {
    fake.addSheet("报告表格");
    fake.protect("报告表格");
    await assert.rejects(
      applyPlan(
        { name: "报告表格", cells: [{ row: 0, col: 0, value: 1 }], styles: {}, merges: [], columnWidths: {} },
        { replace: true },
      ),
      (e) => {
        const u = toUserError(e);
        return u.code === "Protected" && hostMessage("zh", u).startsWith("工作表“报告表格”受保护，无法写入");
      },
    );
    // Excel's own AccessDenied carries no sheet: the message stays general.
    assert.equal(
      hostMessage("zh", toUserError({ code: "AccessDenied" })),
      "工作表受保护，无法写入。请在“审阅 > 撤消工作表保护”后重试。",
    );
  });

  it("a sheet deleted while the pane was open: ItemNotFound naming it", async () => {
    await fake.deleteSheet("公开数据");
    fake.addSheet("Sheet1");
    await assert.rejects(loadSheetGrid("公开数据"), (e) => {
      const u = toUserError(e);
      return (
        u.code === "ItemNotFound" &&
        hostMessage("zh", u).includes("“公开数据”") &&
        /renamed or deleted/.test(hostMessage("en", u))
      );
    });
  });

  it("API not supported: 此版本的 Excel 不支持…，需要 ExcelApi 1.7", () => {
    const u = toUserError(new FakeOfficeError("ApiNotFound", "The API you are trying to use could not be found."));
    assert.equal(u.code, "ApiNotSupported");
    assert.equal(hostMessage("zh", u), "此功能需要 Excel 2019 或更新版本（或 Microsoft 365、网页版 Excel）");
    const v = toUserError(new HostError("ApiNotSupported", "x", { need: "ExcelApi 1.9" }));
    assert.match(hostMessage("zh", v), /^此功能需要 Excel 2021 或更新版本/);
  });

  it("sheet exists, payload too large, generic errors and non-errors", () => {
    assert.match(
      hostMessage("zh", toUserError(new HostError("SheetExists", "", { sheets: ["报告表格", "报告正文"] }))),
      /报告表格、报告正文/,
    );
    assert.equal(toUserError(new FakeOfficeError("ResponsePayloadSizeLimitExceeded", "too big")).code, "TooLarge");
    const g = toUserError(new Error("socket closed"));
    assert.deepEqual([g.code, hostMessage("zh", g).includes("socket closed")], ["Generic", true]);
    assert.equal(toUserError("text").code, "Generic");
    assert.equal(toUserError(null).code, "Generic");
    assert.equal(toUserError({ debugInfo: { code: "AccessDenied" } }).code, "Protected");
  });

  it("a share too large to compute exactly without BigInt (IE11, EdgeHTML): plain words, no figure", () => {
    let thrown: unknown;
    const g = globalThis as { BigInt?: unknown };
    const saved = g.BigInt;
    delete g.BigInt;
    try {
      shareUnits(1_000_000_000_000, 3_000_000_000_000, 2, "half-up");
    } catch (e) {
      thrown = e;
    } finally {
      g.BigInt = saved;
    }
    const u = toUserError(thrown);
    assert.equal(u.code, "NoExactArithmetic");
    assert.match(
      hostMessage("zh", u),
      /^表中数字过大，.*无法精确计算占比，因此未给出结果。.*Excel 2021、Microsoft 365 或网页版 Excel/,
    );
    assert.match(hostMessage("en", u), /too large .* no result is given/);
  });
});
