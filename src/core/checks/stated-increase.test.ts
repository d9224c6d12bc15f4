import assert from "node:assert/strict";
import { emptyReport, num } from "../model/build";
import { at, runCheck, seedProactive, seedReport, summary } from "./reports.testutil";
import { statedIncrease } from "./stated-increase";

describe("stated-increase", () => {
  it("says nothing when last year's total is unknown (the seed)", () => {
    assert.deepEqual(runCheck(statedIncrease, seedReport()), []);
  });

  it("passes 1119 - 729 = 390 and flags 1119 - 700", () => {
    const r = seedReport();
    r.proactive!.priorTotal = num(729, at(18, 2));
    assert.deepEqual(runCheck(statedIncrease, r), []);
    r.proactive!.priorTotal = num(700, at(18, 2));
    assert.deepEqual(runCheck(statedIncrease, r).map(summary), [
      {
        rule: "stated-increase",
        severity: "error",
        messageId: "wrong",
        cells: ["公开数据!B20", "公开数据!B19", "公开数据!C19"],
        expected: 419,
        actual: 390,
      },
    ]);
  });

  it("takes last year's total from last year's report", () => {
    const r = seedReport();
    r.prior = emptyReport("free-form", "2017");
    r.prior.proactive = seedProactive();
    r.prior.proactive.total = num(800, at(18, 1, "2017"));
    assert.deepEqual(
      runCheck(statedIncrease, r).map((f) => [summary(f).cells, f.expected, f.actual]),
      [[["公开数据!B20", "公开数据!B19", "'2017'!B19"], 319, 390]],
    );
  });
});
