import assert from "node:assert/strict";
import { figures2021, report2021, runCheck, summary } from "./reports.testutil";
import { reviewExceedsApplications } from "./review-exceeds-applications";

describe("review-exceeds-applications", () => {
  it("passes fewer reviews and suits than applications handled", () => {
    assert.deepEqual(runCheck(reviewExceedsApplications, report2021()), []);
  });

  it("warns when reviews, or suits together, outnumber the applications handled", () => {
    const f = figures2021();
    f.s4["count"]!["review.upheld"] = 25;
    f.s4["count"]!["review.total"] = 27; // 26 handled
    f.s4["count"]!["suitDirect.pending"] = 25;
    f.s4["count"]!["suitDirect.total"] = 26; // 26 + 1 = 27 suits
    const found = runCheck(reviewExceedsApplications, report2021(f));
    assert.deepEqual(found.map(summary), [
      {
        rule: "review-exceeds-applications",
        severity: "warning",
        messageId: "review",
        cells: ["公开数据!F61", "公开数据!J54"],
        expected: 26,
        actual: 27,
      },
      {
        rule: "review-exceeds-applications",
        severity: "warning",
        messageId: "suit",
        cells: ["公开数据!K61", "公开数据!P61", "公开数据!J54"],
        expected: 26,
        actual: 27,
      },
    ]);
  });

  it("is not triggered by a count equal to the handled total", () => {
    const f = figures2021();
    f.s4["count"]!["review.upheld"] = 24;
    f.s4["count"]!["review.total"] = 26;
    assert.deepEqual(runCheck(reviewExceedsApplications, report2021(f)), []);
  });
});
