import assert from "node:assert/strict";
import { figures2021, report2021, rowCells, runCheck, summary } from "./reports.testutil";
import { s4GroupSum } from "./s4-group-sum";
import { cellAddress } from "../grid";
import { cellKey } from "../model/format";

describe("s4-group-sum", () => {
  it("passes a consistent report", () => {
    assert.deepEqual(runCheck(s4GroupSum, report2021()), []);
  });

  it("names the five cells of each group that does not add up", () => {
    const f = figures2021();
    f.s4["count"]!["review.total"] = 2; // 1 + 1 + 0 + 1 = 3
    f.s4["count"]!["suitAfterReview.total"] = null; // pending 1 beside a blank total
    const found = runCheck(s4GroupSum, report2021(f)).map(summary);
    assert.deepEqual(found, [
      {
        rule: "s4-group-sum",
        severity: "error",
        messageId: "mismatch",
        cells: rowCells("BCDEF", 61),
        expected: 3,
        actual: 2,
      },
      { rule: "s4-group-sum", severity: "error", messageId: "blankTotal", cells: rowCells("LMNOP", 61), expected: 1 },
    ]);
  });

  it("names the group in the message", () => {
    const f = figures2021();
    f.s4["count"]!["suitDirect.upheld"] = 4;
    const [finding] = runCheck(s4GroupSum, report2021(f));
    assert.equal(finding?.params["group"], "行政诉讼·未经复议直接起诉");
    assert.deepEqual([finding?.expected, finding?.actual], [4, 1]);
  });
});

describe("s4-group-sum: suggested fix", () => {
  const fixes = (r: ReturnType<typeof report2021>): [string, unknown][] =>
    runCheck(s4GroupSum, r).map((x) => [x.messageId, x.fix && [cellAddress(x.fix.cell), x.fix.value]]);

  it("offers the group's 总计 := the sum of its four, for a wrong or a blank total", () => {
    const f = figures2021();
    f.s4["count"]!["review.total"] = 2;
    f.s4["count"]!["suitAfterReview.total"] = null;
    assert.deepEqual(fixes(report2021(f)), [
      ["mismatch", ["公开数据!F61", 3]],
      ["blankTotal", ["公开数据!P61", 1]],
    ]);
  });

  it("offers no fix beside a blank, negative or text part", () => {
    const f = figures2021();
    f.s4["count"]!["review.other"] = null;
    f.s4["count"]!["review.total"] = 2;
    f.s4["count"]!["suitDirect.corrected"] = -1;
    assert.deepEqual(fixes(report2021(f)), [
      ["mismatch", undefined],
      ["mismatch", undefined],
    ]);
    const r = report2021();
    Object.assign(r.section4!.cells[cellKey("count", "review.upheld")]!, { value: 2, issue: "text", text: "2" });
    assert.deepEqual(fixes(r), [["mismatch", undefined]]);
  });
});
