import assert from "node:assert/strict";
import { formatMessage } from "./index";
import { reportCopy } from "./report-copy";
import { at, report2021, runCheck, summary } from "./reports.testutil";

describe("report-copy", () => {
  it("says nothing for a report that is not a copy", () => {
    assert.deepEqual(runCheck(reportCopy, report2021()), []);
  });

  it("an identical copy is one note naming the other sheet", () => {
    const r = report2021();
    r.copy = { of: "原件", differences: [], count: 0 };
    const f = runCheck(reportCopy, r);
    assert.deepEqual(f.map(summary), [{ rule: "report-copy", severity: "info", messageId: "same", cells: [] }]);
    assert.match(formatMessage(f[0]!, "zh"), /“原件”.*副本/);
  });

  it("a differing copy is one warning naming both cells of every difference", () => {
    const r = report2021();
    r.copy = {
      of: "原件",
      count: 1,
      differences: [
        { label: "三：（一）予以公开／自然人", cell: at(12, 3), value: 6, otherCell: at(12, 3, "原件"), other: 5 },
      ],
    };
    const f = runCheck(reportCopy, r);
    assert.equal(f.length, 1);
    assert.equal(f[0]!.severity, "warning");
    assert.equal(f[0]!.cells.length, 2);
    assert.match(formatMessage(f[0]!, "zh"), /1 个数字不同：三：（一）予以公开／自然人 .*D13 为 6，原件!D13 为 5/);
    assert.match(formatMessage(f[0]!, "en"), /1 figure\(s\) differ/);
  });
});
