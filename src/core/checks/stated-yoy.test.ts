import assert from "node:assert/strict";
import { num } from "../model/build";
import { at, pct, runCheck, seedReport, summary } from "./reports.testutil";
import { statedYoy } from "./stated-yoy";

describe("stated-yoy", () => {
  it("says nothing without last year's figure (the seed's 重点领域 同比增长22%)", () => {
    assert.deepEqual(runCheck(statedYoy, seedReport()), []);
  });

  it("checks (this - last) / last at the stated precision", () => {
    const r = seedReport();
    const areas = r.proactive!.children[0]!;
    areas.priorTotal = num(313, at(32, 2)); // 382 / 313 - 1 = 22.04…%
    assert.deepEqual(runCheck(statedYoy, r), []);
    areas.priorTotal = num(320, at(32, 2)); // 19.375% -> 19%
    assert.deepEqual(runCheck(statedYoy, r).map(summary), [
      {
        rule: "stated-yoy",
        severity: "error",
        messageId: "wrong",
        cells: ["公开数据!B35", "公开数据!B33", "公开数据!C33"],
        expected: "19%",
        actual: "22%",
      },
    ]);
  });

  it("checks a decrease, with negative stated values", () => {
    const r = seedReport();
    const areas = r.proactive!.children[0]!;
    areas.priorTotal = num(400, at(32, 2)); // -4.5% exactly: half away from zero -> -5%
    areas.statedYoY = pct("-4%", at(34, 1));
    assert.deepEqual(
      runCheck(statedYoy, r).map((f) => [f.expected, f.actual]),
      [["-5%", "-4%"]],
    );
    areas.statedYoY = pct("-4.5%", at(34, 1));
    assert.deepEqual(runCheck(statedYoy, r), []);
  });

  it("uses the last year a stated 比上年新增 implies when nothing else gives it", () => {
    const r = seedReport();
    r.proactive!.statedYoY = pct("50%", at(21, 1)); // 1119 with 390 new: 729 last year, 390 / 729 = 53.497…%
    assert.deepEqual(runCheck(statedYoy, r).map(summary), [
      {
        rule: "stated-yoy",
        severity: "error",
        messageId: "wrongImplied",
        cells: ["公开数据!B22", "公开数据!B19", "公开数据!B20"],
        expected: "53%",
        actual: "50%",
      },
    ]);
  });
});
