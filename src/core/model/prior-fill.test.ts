import { strict as assert } from "node:assert";
import { cellAddress } from "../grid";
import { readWorkbook } from "../read";
import { planToGrid, templateCells, templatePlan, typeIntoPlan } from "../render";
import { report2021 } from "../render/samples.testutil";
import { cellKey } from "./format";
import { priorFills } from "./prior-fill";

function freshTemplate(year: number) {
  const plan = templatePlan({ year });
  const read = readWorkbook({ sheets: [planToGrid(plan)] });
  assert.ok(read.ok);
  return { plan, cells: templateCells(plan), report: read.report };
}

describe("prior-fill: last year's figures into this year's 上年 cells", () => {
  it("fills 上年结转 from last year's 结转下年度 and 上年现行有效件数 from last year's 现行有效件数, cell by cell", () => {
    const last = report2021();
    const { cells, report } = freshTemplate(2022);
    const p = priorFills(report, last);
    const s3 = cells.tables["s3"]!;
    for (const c of s3.def.cols) {
      const at = cellAddress(s3.prior[cellKey("carried", c.key)]!);
      const fill = p.fills.find((f) => cellAddress(f.cell) === at);
      assert.equal(fill?.value, last.section3!.cells[cellKey("carryNext", c.key)]!.value, `${c.key} ${at}`);
    }
    const item1 = cells.tables["s2.item1"]!;
    for (const r of ["rules", "normativeDocs"]) {
      const at = cellAddress(item1.prior[cellKey(r, "inForce")]!);
      const want = last.section2["s2.item1"]!.cells[cellKey(r, "inForce")]!.value;
      assert.equal(p.fills.find((f) => cellAddress(f.cell) === at)?.value, want, r);
    }
    const received = cellAddress(s3.prior[cellKey("new", "total")]!);
    assert.equal(
      p.fills.find((f) => cellAddress(f.cell) === received)?.value,
      last.section3!.cells[cellKey("new", "total")]!.value,
      "上年本年新收申请（总计） = last year's 本年新收 总计",
    );
    assert.equal(
      p.fills.length,
      7 + 1 + 2,
      "the 三 row (7 columns), 上年本年新收申请（总计） and the two 现行有效 rows; the unused blocks are left",
    );
    assert.deepEqual(p.kept, []);
  });

  it("fills 上年本年新收申请（总计） from last year's own 本年新收 (its SUM), never from last year's 上年 cells", () => {
    // Last year's sheet is a template too: its parts typed, its 总计 a SUM, and its own 上年 cells filled.
    const lastYear = freshTemplate(2021);
    const s3 = lastYear.cells.tables["s3"]!;
    typeIntoPlan(lastYear.plan, [
      { cell: s3.cells[cellKey("new", "natural")]!, value: 30 },
      { cell: s3.cells[cellKey("new", "commercial")]!, value: 5 },
      { cell: s3.prior[cellKey("new", "total")]!, value: 7 },
      { cell: s3.prior[cellKey("carried", "total")]!, value: 4 },
    ]);
    const last = readWorkbook({ sheets: [planToGrid(lastYear.plan)] });
    assert.ok(last.ok);
    const { cells, report } = freshTemplate(2022);
    const at = cellAddress(cells.tables["s3"]!.prior[cellKey("new", "total")]!);
    const fill = priorFills(report, last.report).fills.find((f) => cellAddress(f.cell) === at);
    assert.equal(fill?.value, 35);
    assert.equal(fill?.what.zh, "上年本年新收申请（总计）");
    // A last-year report without its 总计 cell: the SUM of its applicant columns, when each is known.
    const parts = report2021();
    const want = parts.section3!.cells[cellKey("new", "total")]!.value;
    delete parts.section3!.cells[cellKey("new", "total")];
    assert.equal(priorFills(report, parts).fills.find((f) => cellAddress(f.cell) === at)?.value, want);
    delete parts.section3!.cells[cellKey("new", "legal")];
    assert.ok(
      priorFills(report, parts).missing.some((c) => cellAddress(c) === at),
      "a part unknown: left blank",
    );
  });

  it("never overwrites a 上年 figure already typed; a figure last year's report lacks stays blank", () => {
    const last = report2021();
    delete last.section3!.cells[cellKey("carryNext", "legal")];
    const { plan, cells } = freshTemplate(2022);
    const natural = cells.tables["s3"]!.prior[cellKey("carried", "natural")]!;
    typeIntoPlan(plan, [{ cell: natural, value: 99 }]);
    const read = readWorkbook({ sheets: [planToGrid(plan)] });
    assert.ok(read.ok);
    const p = priorFills(read.report, last);
    assert.deepEqual(p.kept.map(cellAddress), [cellAddress(natural)]);
    assert.ok(!p.fills.some((f) => cellAddress(f.cell) === cellAddress(natural)));
    const legal = cells.tables["s3"]!.prior[cellKey("carried", "legal")]!;
    assert.deepEqual(p.missing.map(cellAddress), [cellAddress(legal)]);
  });

  it("typed into the template, the figures read back as last year's (the cross-year checks use them)", () => {
    const last = report2021();
    const { plan } = freshTemplate(2022);
    const read = readWorkbook({ sheets: [planToGrid(plan)] });
    assert.ok(read.ok);
    typeIntoPlan(plan, priorFills(read.report, last).fills);
    const again = readWorkbook({ sheets: [planToGrid(plan)] });
    assert.ok(again.ok);
    const prior = again.report.prior!;
    assert.equal(
      prior.section3!.cells[cellKey("carryNext", "total")]!.value,
      last.section3!.cells[cellKey("carryNext", "total")]!.value,
    );
    assert.equal(
      prior.section2["s2.item1"]!.cells[cellKey("normativeDocs", "inForce")]!.value,
      last.section2["s2.item1"]!.cells[cellKey("normativeDocs", "inForce")]!.value,
    );
    // 上年本年新收申请（总计） is a 上年 cell of this year's 三 (for 同比), not a figure of last year's table.
    assert.equal(
      again.report.section3!.prior![cellKey("new", "total")]!.value,
      last.section3!.cells[cellKey("new", "total")]!.value,
    );
    assert.equal(prior.section3!.cells[cellKey("new", "total")], undefined);
  });
});
