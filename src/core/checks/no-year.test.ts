import assert from "node:assert/strict";
import { noYear } from "./no-year";
import { report2021, runCheck, summary } from "./reports.testutil";

describe("no-year", () => {
  it("passes when the workbook or the options give the year", () => {
    assert.deepEqual(runCheck(noYear, report2021()), []);
    const r = report2021();
    delete r.meta.year;
    assert.deepEqual(runCheck(noYear, r, { year: 2021 }), []);
  });

  it("warns when the year was not found", () => {
    const r = report2021();
    delete r.meta.year;
    assert.deepEqual(runCheck(noYear, r).map(summary), [
      { rule: "no-year", severity: "warning", messageId: "missing", cells: [] },
    ]);
  });
});
