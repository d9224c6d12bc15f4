/** Selection, events and settings through the host, against the fake Excel. */
import { hostMessage } from "../../src/taskpane/i18n";
import { strict as assert } from "node:assert";
import { FakeExcel } from "../support/fake-excel";
import {
  applyPlan,
  loadSettings,
  onSheetChanged,
  onSheetDeletedOrRenamed,
  saveSettings,
  selectCells,
  selectNamedRange,
  supportsExcelApi,
  toUserError,
  type SheetLifecycleEvent,
} from "../../src/excel/host";

describe("host selection, events and settings (fake Excel)", () => {
  let fake: FakeExcel;
  beforeEach(() => {
    fake = new FakeExcel().install();
    fake.addSheet("公开数据", [["单位名称", "某局"]]);
    fake.addSheet("报告表格", [["x"]]);
  });
  afterEach(() => fake.uninstall());

  it("selectCells activates the first ref's sheet and selects all its cells as areas, in 1 sync", async () => {
    const { cost } = await fake.measure(() =>
      selectCells([
        { sheet: "公开数据", row: 4, col: 1 },
        { sheet: "公开数据", row: 5, col: 1 },
        { sheet: "公开数据", row: 9, col: 3 },
        { sheet: "报告表格", row: 0, col: 0 },
      ]),
    );
    assert.equal(cost.syncs, 1);
    assert.equal(fake.activeSheet(), "公开数据");
    assert.deepEqual(fake.selection(), { sheet: "公开数据", address: "B5:B6,D10" });
  });

  it("selectCells selects only the first area before ExcelApi 1.18 (RangeAreas.select)", async () => {
    fake.maxApi = "1.17";
    await selectCells([
      { sheet: "报告表格", row: 2, col: 2 },
      { sheet: "报告表格", row: 7, col: 0 },
    ]);
    assert.deepEqual(fake.selection(), { sheet: "报告表格", address: "C3" });
    assert.equal(fake.activeSheet(), "报告表格");
  });

  it("selectCells on a deleted sheet gives ItemNotFound naming the sheet", async () => {
    await assert.rejects(selectCells([{ sheet: "已删除", row: 0, col: 0 }]), (e) => {
      const u = toUserError(e);
      return u.code === "ItemNotFound" && hostMessage("zh", u).includes("已删除");
    });
  });

  it("selectNamedRange activates the name's sheet and selects its range", async () => {
    await applyPlan({
      sheets: [],
      names: [{ name: "报告_表三", sheet: "报告表格", range: { top: 3, left: 0, bottom: 30, right: 9 }, title: "三" }],
    });
    const { cost } = await fake.measure(() => selectNamedRange("报告_表三"));
    assert.equal(cost.syncs, 1);
    assert.deepEqual(fake.selection(), { sheet: "报告表格", address: "A4:J31" });
    await assert.rejects(selectNamedRange("没有"), (e) => toUserError(e).code === "ItemNotFound");
  });

  it("onSheetChanged calls the handler with the edited addresses; the remover really removes it", async () => {
    const seen: string[][] = [];
    const remove = await onSheetChanged("公开数据", (addresses) => seen.push(addresses));
    assert.equal(fake.handlerCount("changed"), 1);
    await fake.edit("公开数据", "B5", 12);
    await fake.edit("报告表格", "B5", 1); // another sheet: not reported
    await fake.edit("公开数据", "C2:D3", 0);
    assert.deepEqual(seen, [["B5"], ["C2:D3"]]);
    const { cost } = await fake.measure(() => remove());
    assert.equal(cost.syncs, 1);
    assert.equal(fake.handlerCount("changed"), 0);
    await fake.edit("公开数据", "B6", 13);
    assert.equal(seen.length, 2, "no call after removal");
  });

  it("onSheetChanged: a handler that throws does not break the next edit", async () => {
    let calls = 0;
    const original = console.error;
    console.error = () => undefined;
    try {
      const remove = await onSheetChanged("公开数据", () => {
        calls++;
        throw new Error("boom");
      });
      await fake.edit("公开数据", "A1", 1);
      await fake.edit("公开数据", "A2", 2);
      await remove();
    } finally {
      console.error = original;
    }
    assert.equal(calls, 2);
  });

  it("onSheetChanged needs ExcelApi 1.7 and says so", async () => {
    fake.maxApi = "1.6";
    await assert.rejects(
      onSheetChanged("公开数据", () => undefined),
      (e) => {
        const u = toUserError(e);
        return u.code === "ApiNotSupported" && hostMessage("zh", u).includes("Excel 2019");
      },
    );
  });

  it("onSheetDeletedOrRenamed reports a rename (ExcelApi 1.17) and a deletion of that sheet only", async () => {
    const events: SheetLifecycleEvent[] = [];
    const remove = await onSheetDeletedOrRenamed("公开数据", (e) => events.push(e));
    await fake.renameSheet("报告表格", "别的");
    await fake.renameSheet("公开数据", "数据2021");
    await fake.deleteSheet("别的");
    await fake.deleteSheet("数据2021");
    assert.deepEqual(events, [
      { type: "renamed", sheet: "公开数据", newName: "数据2021" },
      { type: "deleted", sheet: "数据2021" },
    ]);
    await remove();
    assert.equal(fake.handlerCount(), 0);
  });

  it("onSheetDeletedOrRenamed still reports deletion where renames cannot be seen (ExcelApi 1.7)", async () => {
    fake.maxApi = "1.7";
    const events: SheetLifecycleEvent[] = [];
    const remove = await onSheetDeletedOrRenamed("公开数据", (e) => events.push(e));
    await fake.renameSheet("公开数据", "改名");
    await fake.deleteSheet("改名");
    assert.deepEqual(events, [{ type: "deleted", sheet: "公开数据" }]);
    await remove();
  });

  it("settings are stored in the document and saved", async () => {
    assert.equal(loadSettings("rounding"), undefined);
    await saveSettings("rounding", { decimals: 2, tie: "halfUp" });
    assert.deepEqual(loadSettings("rounding"), { decimals: 2, tie: "halfUp" });
    assert.deepEqual(fake.savedSettings.get("rounding"), { decimals: 2, tie: "halfUp" });
    fake.settingsSaveFails = true;
    await assert.rejects(saveSettings("x", 1));
  });

  it("supportsExcelApi follows Office", () => {
    fake.maxApi = "1.8";
    assert.equal(supportsExcelApi(8), true);
    assert.equal(supportsExcelApi(9), false);
  });
});
