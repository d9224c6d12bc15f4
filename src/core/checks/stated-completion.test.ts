import assert from "node:assert/strict";
import { num } from "../model/build";
import { at, runCheck, seedReport, summary } from "./reports.testutil";
import { statedCompletion } from "./stated-completion";

describe("stated-completion", () => {
  it("says nothing without a target (the seed's 完成率124%)", () => {
    assert.deepEqual(runCheck(statedCompletion, seedReport()), []);
  });

  it("passes 1119 / 900 = 124.3% and flags 1119 / 1000 = 112%", () => {
    const r = seedReport();
    r.proactive!.target = num(900, at(21, 1));
    assert.deepEqual(runCheck(statedCompletion, r), []);
    r.proactive!.target = num(1000, at(21, 1));
    assert.deepEqual(runCheck(statedCompletion, r).map(summary), [
      {
        rule: "stated-completion",
        severity: "error",
        messageId: "wrong",
        cells: ["公开数据!B21", "公开数据!B19", "公开数据!B22"],
        expected: "112%",
        actual: "124%",
      },
    ]);
  });
});
