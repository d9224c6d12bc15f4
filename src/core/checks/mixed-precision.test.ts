import assert from "node:assert/strict";
import { mixedPrecision } from "./mixed-precision";
import { runCheck, seedProactive, seedReport, summary } from "./reports.testutil";

describe("mixed-precision", () => {
  it("passes the seed: every share in whole percents", () => {
    assert.deepEqual(runCheck(mixedPrecision, seedReport()), []);
  });

  it("warns about one list written with 0 and 2 decimals, naming every share", () => {
    const r = seedReport();
    r.proactive = seedProactive(
      [
        ["甲", 1303, "86.92%"],
        ["乙", 172, "11.47%"],
        ["丙", 24, "2%"],
      ],
      1499,
    );
    const found = runCheck(mixedPrecision, r);
    assert.deepEqual(found.map(summary), [
      {
        rule: "mixed-precision",
        severity: "warning",
        messageId: "mixed",
        cells: ["公开数据!D11", "公开数据!D12", "公开数据!D13"],
        expected: 2,
        actual: "0/2",
      },
    ]);
  });
});
