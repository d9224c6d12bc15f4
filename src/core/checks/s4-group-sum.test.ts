import assert from "node:assert/strict";
import { figures2021, report2021, rowCells, runCheck, summary } from "./reports.testutil";
import { s4GroupSum } from "./s4-group-sum";

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
