import { strict as assert } from "node:assert";
import type { SheetGrid, WorkbookGrid } from "../grid";
import { cellKey } from "../model/format";
import { report2021 } from "../checks/reports.testutil";
import { planToGrid, renderReport, templateForReport } from "../render";
import { DEFAULT_ROUNDING } from "../shares/types";
import { checkWorkbook } from "../workbook";
import { readReports, readWorkbook } from "./index";

/** A filled counts sheet of `unit` for `year`, on sheet `name`. */
function unitSheet(
  name: string,
  unit: string,
  year = 2021,
  tweak?: (r: ReturnType<typeof report2021>) => void,
): SheetGrid {
  const r = report2021(undefined, year);
  r.meta.body = { text: unit };
  tweak?.(r);
  return planToGrid(templateForReport(r, { sheet: name, unit, year }).plan);
}

function ok<T extends { ok: boolean }>(r: T): Extract<T, { ok: true }> {
  if (!r.ok) assert.fail(JSON.stringify((r as unknown as { error: unknown }).error));
  return r as Extract<T, { ok: true }>;
}

describe("read: readReports (every report of a workbook)", () => {
  it("one entry per unit sheet, in workbook order, each with its unit and its own cells", () => {
    const wb: WorkbookGrid = {
      sheets: [
        unitSheet("甲局", "某县甲局"),
        { name: "说明", top: 0, left: 0, values: [["填表说明"]] },
        unitSheet("乙局", "某县乙局"),
      ],
    };
    const r = ok(readReports(wb));
    assert.deepEqual(
      r.reports.map((x) => [x.sheet, x.unit]),
      [
        ["甲局", "某县甲局"],
        ["乙局", "某县乙局"],
      ],
    );
    assert.equal(r.primary, 0);
    for (const x of r.reports) assert.equal(x.report.section3?.cells[cellKey("new", "total")]?.cell?.sheet, x.sheet);
    assert.ok(r.reports.every((x) => !x.report.copy));
  });

  it("primary is the sheet named 公开数据, else the first", () => {
    const wb: WorkbookGrid = { sheets: [unitSheet("甲局", "某县甲局"), unitSheet("公开数据", "某县乙局")] };
    assert.equal(ok(readReports(wb)).primary, 1);
  });

  it("never takes the generated sheets (报告表格, 报告正文, the hidden record) for a report", () => {
    const counts = templateForReport(report2021(), { unit: "某县甲局" });
    const plan = renderReport(counts.report, { rounding: DEFAULT_ROUNDING });
    const wb: WorkbookGrid = { sheets: [planToGrid(counts.plan), ...plan.sheets.map((s) => planToGrid(s))] };
    assert.ok(wb.sheets.length >= 3, wb.sheets.map((s) => s.name).join());
    const r = ok(readReports(wb));
    assert.deepEqual(
      r.reports.map((x) => x.sheet),
      ["公开数据"],
    );
    // Renamed, the table sheet is still not a report: its figures are formulas into the counts sheet.
    const renamed = { sheets: wb.sheets.map((s) => (s.name === "报告表格" ? { ...s, name: "表格（复制）" } : s)) };
    assert.deepEqual(
      ok(readReports(renamed)).reports.map((x) => x.sheet),
      ["公开数据"],
    );
    // And the single reader does not call the workbook ambiguous.
    const single = ok(readWorkbook(wb));
    assert.ok(!single.report.notes.some((n) => n.code === "ambiguous"));
  });

  it("a second copy: identical copies say so; a differing copy names every differing cell on both sheets", () => {
    const same = ok(readReports({ sheets: [unitSheet("原件", "某县甲局"), unitSheet("副本", "某县甲局")] }));
    assert.equal(same.reports.length, 2);
    assert.deepEqual(same.reports[1]!.report.copy, { of: "原件", differences: [], count: 0 });
    const differ = ok(
      readReports({
        sheets: [
          unitSheet("原件", "某县甲局"),
          unitSheet("副本", "某县甲局", 2021, (r) => {
            r.section3!.cells[cellKey("open", "natural")]!.value! += 1;
          }),
        ],
      }),
    );
    const copy = differ.reports[1]!.report.copy!;
    assert.equal(copy.of, "原件");
    assert.equal(copy.count, 1);
    assert.equal(copy.differences[0]!.cell?.sheet, "副本");
    assert.equal(copy.differences[0]!.otherCell?.sheet, "原件");
    assert.equal(copy.differences[0]!.value, copy.differences[0]!.other! + 1);
    // Another year of the same unit is not a copy (this year's and last year's side by side).
    const years = ok(
      readReports({ sheets: [unitSheet("2021", "某县甲局", 2021), unitSheet("2022", "某县甲局", 2022)] }),
    );
    assert.ok(years.reports.every((x) => !x.report.copy));
  });

  it("checkWorkbook: findings per report, each naming its own sheet", () => {
    const wb: WorkbookGrid = {
      sheets: [
        unitSheet("甲局", "某县甲局"),
        unitSheet("乙局", "某县乙局", 2021, (r) => {
          r.section4!.cells[cellKey("count", "review.total")]!.value! += 1;
        }),
      ],
    };
    const r = ok(checkWorkbook(wb));
    assert.deepEqual(
      r.reports.map((x) => [x.sheet, x.unit, x.year, x.findings.filter((f) => f.severity === "error").length]),
      [
        ["甲局", "某县甲局", 2021, 0],
        ["乙局", "某县乙局", 2021, 1],
      ],
    );
    assert.ok(r.reports[1]!.findings.every((f) => f.cells.every((c) => c.sheet === "乙局")));
  });

  it("opts.sheet reads that one sheet; errors are values", () => {
    const wb: WorkbookGrid = { sheets: [unitSheet("甲局", "某县甲局"), unitSheet("乙局", "某县乙局")] };
    assert.deepEqual(
      ok(readReports(wb, { sheet: "乙局" })).reports.map((x) => x.sheet),
      ["乙局"],
    );
    const bad = readReports(wb, { sheet: "丙局" });
    assert.ok(!bad.ok && bad.error.code === "sheet-not-found");
    const none = readReports({ sheets: [{ name: "说明", top: 0, left: 0, values: [["只有说明"]] }] });
    assert.ok(!none.ok && none.error.code === "no-table");
  });
});
