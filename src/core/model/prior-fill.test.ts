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
    assert.equal(p.fills.length, 7 + 2, "the 三 row (7 columns) and the two 现行有效 rows; the unused blocks are left");
    assert.deepEqual(p.kept, []);
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
  });
});
