/**
 * One plan, two writers: the CLI's ExcelJS writer and the pane's Office.js writer (on the fake Excel) must
 * leave the same workbook — values, formulas, formats, merges, widths, heights, frozen rows, visibility, names —
 * when writing the report first and when regenerating it over sheets the user froze, hid or filled.
 */
import { strict as assert } from "node:assert";
import ExcelJS from "exceljs";
import { applyPlan as applyExcelJs } from "../../src/cli/xlsx-write";
import { applyPlan as applyOfficeJs, toUserError } from "../../src/excel/host";
import { renderReport, templateForReport, type SheetPlan, type WorkbookPlan } from "../../src/core/render";
import { report2021, seedLikeReport } from "../../src/core/render/samples.testutil";
import { FakeExcel } from "../support/fake-excel";
import { fakeToExcelJs, snapshotExcelJs, snapshotFake, type WorkbookSnap } from "../support/workbook-snapshot";

// The ExcelJS workbooks are compared as written, not read back: ExcelJS reads <sz val="10.5"/> as 10.

function only(snap: WorkbookSnap, sheets: string[]): WorkbookSnap {
  return { ...snap, sheets: snap.sheets.filter((s) => sheets.includes(s.name)) };
}

function plans(): { counts: SheetPlan; report: WorkbookPlan } {
  const { plan, report } = templateForReport(report2021());
  report.proactive = seedLikeReport().proactive!;
  return {
    counts: plan,
    report: renderReport(report, { rounding: { decimals: 2, rounding: "half-up", largestRemainder: false } }),
  };
}

describe("one plan through both writers (ExcelJS and Office.js on the fake)", () => {
  let fake: FakeExcel;
  beforeEach(() => {
    fake = new FakeExcel().install();
  });
  afterEach(() => fake.uninstall());

  it("gives the same grids, formats and names", async () => {
    const { counts, report } = plans();
    const wb = new ExcelJS.Workbook();
    applyExcelJs(wb, counts);
    applyExcelJs(wb, report);
    await applyOfficeJs(counts);
    await applyOfficeJs(report);
    const names = [counts.name, ...report.sheets.map((s) => s.name)];
    const cli = only(snapshotExcelJs(wb), names);
    const pane = only(snapshotFake(fake), names);
    for (const name of names) {
      const a = cli.sheets.find((s) => s.name === name)!;
      const b = pane.sheets.find((s) => s.name === name)!;
      assert.ok(Object.keys(a.cells).length > 10, `${name} has cells`);
      assert.deepEqual(b, a, name);
    }
    assert.deepEqual(pane.names, cli.names);
  });

  it("regenerating over a report sheet the user froze, hid and filled: both writers restore the plan's sheet", async () => {
    const { report } = plans();
    const table = report.sheets[0]!.name;
    const wb = new ExcelJS.Workbook();
    applyExcelJs(wb, report);
    await applyOfficeJs(report);
    // The user's changes, in each host.
    const ws = wb.getWorksheet(table)!;
    ws.views = [{ state: "frozen", ySplit: 7, xSplit: 2 }];
    ws.state = "hidden";
    ws.getCell("Z40").value = "我的备注";
    const s = fake.sheet(table);
    s.frozenRows = 7;
    s.frozenColumns = 2;
    s.visibility = "Hidden";
    fake.sheet(table).touch(39, 25).value = "我的备注";
    applyExcelJs(wb, report);
    await applyOfficeJs(report, { replace: true });
    const cli = only(snapshotExcelJs(wb), [table]).sheets[0]!;
    const pane = only(snapshotFake(fake), [table]).sheets[0]!;
    assert.deepEqual(pane, cli);
    assert.equal(pane.hidden, false, "visible again");
    assert.equal(pane.frozenRows, report.sheets[0]!.freezeRows ?? 0, "frozen as the plan says");
    assert.equal(fake.sheet(table).frozenColumns, 0, "the user's frozen columns are undone");
    assert.equal(pane.cells.Z40, undefined, "a rewritten report sheet holds only the report");
  });

  it("regenerating over a protected report sheet: the Office.js writer refuses before writing anything", async () => {
    const { report } = plans();
    await applyOfficeJs(report);
    // A mark on the first (unprotected) sheet that a rewrite would clear: the fake, like Excel, applies a
    // batch in order, so only a check before the first write keeps it.
    fake.sheet(report.sheets[0]!.name).touch(39, 25).value = "我的备注";
    const protectedSheet = report.sheets[1]!.name;
    fake.protect(protectedSheet);
    const before = snapshotFake(fake);
    const syncs = fake.stats.syncs;
    await assert.rejects(applyOfficeJs(report, { replace: true }), (e) => {
      const u = toUserError(e);
      return u.code === "Protected" && u.data["sheets"] === protectedSheet;
    });
    assert.deepEqual(snapshotFake(fake), before, "no sheet was touched, not even the unprotected one");
    assert.equal(fake.stats.syncs - syncs, 1, "refused after the first (reading) sync");
  });

  it("the fake's workbook exports to .xlsx as it is (for the LibreOffice tier)", async () => {
    const { counts, report } = plans();
    await applyOfficeJs(counts);
    await applyOfficeJs(report);
    assert.deepEqual(snapshotExcelJs(fakeToExcelJs(fake)), snapshotFake(fake));
  });
});
