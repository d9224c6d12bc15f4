import assert from "node:assert/strict";
import { feeMissing } from "./fee-missing";
import { report2021, runCheck, seedReport, summary } from "./reports.testutil";

describe("fee-missing", () => {
  it("passes a 2021 report with the fee (0 included) and reports before 2021", () => {
    assert.deepEqual(runCheck(feeMissing, report2021()), []);
    assert.deepEqual(runCheck(feeMissing, seedReport()), []);
    const r2020 = report2021(undefined, 2020);
    delete r2020.meta.fee;
    assert.deepEqual(runCheck(feeMissing, r2020), []);
  });

  it("warns when a 2021+ report has no fee or a blank fee cell", () => {
    const r = report2021(undefined, 2022);
    r.meta.fee!.value = null;
    assert.deepEqual(runCheck(feeMissing, r).map(summary), [
      { rule: "fee-missing", severity: "warning", messageId: "missing", cells: ["公开数据!B5"] },
    ]);
    delete r.meta.fee;
    assert.deepEqual(runCheck(feeMissing, r).map(summary), [
      { rule: "fee-missing", severity: "warning", messageId: "missing", cells: [] },
    ]);
  });
});
