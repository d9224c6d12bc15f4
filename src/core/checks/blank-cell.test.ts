import assert from "node:assert/strict";
import { blankCell } from "./blank-cell";
import { figures2021, report2021, runCheck, seedReport, summary } from "./reports.testutil";

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
});
