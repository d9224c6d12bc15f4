import assert from "node:assert/strict";
import { blankCell } from "./blank-cell";
import { colCells, figures2021, report2021, runCheck, seedReport, summary } from "./reports.testutil";

describe("blank-cell", () => {
  it("passes a report with every figure written out", () => {
    assert.deepEqual(runCheck(blankCell, report2021()), []);
    assert.deepEqual(runCheck(blankCell, seedReport()), []);
  });

  it("gives one warning per table listing its blank cells", () => {
    const f = figures2021();
    f.s3["withheld.secret"]!["research"] = null;
    f.s3["withheld.law"]!["research"] = null;
    f.s4["count"]!["suitDirect.other"] = null;
    f.item1Prior["rules"] = null; // last year's column is optional: no warning
    const found = runCheck(blankCell, report2021(f));
    assert.deepEqual(found.map(summary), [
      {
        rule: "blank-cell",
        severity: "warning",
        messageId: "blank",
        cells: ["公开数据!F35", "公开数据!F36"],
      },
      { rule: "blank-cell", severity: "warning", messageId: "blank", cells: ["公开数据!I61"] },
    ]);
    assert.deepEqual(found[0]!.params, { block: "三、收到和处理政府信息公开申请情况", count: 2 });
  });

  it("warns about a blank category count of the free-form block", () => {
    const r = seedReport();
    r.proactive!.categories[1]!.count.value = null;
    assert.deepEqual(
      runCheck(blankCell, r).map((x) => summary(x).cells),
      [["公开数据!B12"]],
    );
  });

  it("lists the cells in sheet order (a breakdown's 合计 sits below its categories)", () => {
    const r = seedReport();
    // One 0 typed in (an entirely blank block is an optional block not used; a non-zero part makes 合计 a sum error).
    r.proactive!.categories[0]!.count.value = 0;
    for (const c of r.proactive!.categories.slice(1)) c.count.value = null;
    r.proactive!.total!.value = null;
    assert.deepEqual(
      runCheck(blankCell, r).map((x) => summary(x).cells),
      [[...colCells("B", 12, 19)]],
    );
  });

  it("leaves out a blank total beside non-zero parts (a sum check's error: it wants the sum, not 0)", () => {
    const f = figures2021();
    f.s3["open"]!["total"] = null; // parts 15: s3-row-sum's missing total
    f.s3["withheld.secret"]!["research"] = null; // a forgotten 0
    f.s4["count"]!["review.total"] = null; // review parts non-zero: s4-group-sum's missing total
    f.s4["count"]!["suitDirect.other"] = null;
    const found = runCheck(blankCell, report2021(f));
    assert.deepEqual(
      found.map((x) => [summary(x).cells, x.params["count"]]),
      [
        [["公开数据!F35"], 1],
        [["公开数据!I61"], 1],
      ],
    );
    const seed = seedReport();
    seed.proactive!.total!.value = null;
    assert.deepEqual(runCheck(blankCell, seed), []);
  });

  it("still warns about a blank total whose parts are blank or 0 (0 = 0: the format wants 0 written out)", () => {
    const f = figures2021();
    for (const col of Object.keys(f.s3["withheld.law"]!)) f.s3["withheld.law"]![col] = null;
    const found = runCheck(blankCell, report2021(f));
    assert.deepEqual(
      found.map((x) => x.params["count"]),
      [7],
    );
  });

  it("says nothing about a free-form block left entirely blank (an optional block not used)", () => {
    const r = report2021();
    const blankKeyAreas = seedReport().proactive!;
    for (const c of blankKeyAreas.categories) c.count.value = null;
    blankKeyAreas.total!.value = null;
    for (const child of blankKeyAreas.children) {
      for (const c of child.categories) c.count.value = null;
      child.total!.value = null;
    }
    r.proactive = blankKeyAreas;
    assert.deepEqual(runCheck(blankCell, r), []);
    // One figure typed in: the block is in use, and its other blank cells are warned about.
    blankKeyAreas.categories[0]!.count.value = 72;
    assert.deepEqual(
      runCheck(blankCell, r).map((x) => x.params["block"]),
      [blankKeyAreas.name],
    );
  });

  it("says nothing when no figure at all is filled in (no-figures reports that once)", () => {
    const f = figures2021();
    for (const t of [f.item1, f.item5, f.item6, f.item8, f.s3, f.s4])
      for (const row of Object.values(t)) for (const k of Object.keys(row)) row[k] = null;
    assert.deepEqual(runCheck(blankCell, report2021(f)), []);
    f.s4["count"]!["review.upheld"] = 0;
    assert.equal(runCheck(blankCell, report2021(f)).length, 6, "one 0 typed in: each table's blanks again");
  });
});
