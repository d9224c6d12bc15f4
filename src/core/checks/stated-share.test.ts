import assert from "node:assert/strict";
import { pct, runCheck, SEED_CATEGORIES, seedProactive, seedReport, summary } from "./reports.testutil";
import { statedShare } from "./stated-share";

describe("stated-share", () => {
  it("passes the seed: every share is correctly rounded to whole percents (0% included)", () => {
    assert.deepEqual(runCheck(statedShare, seedReport()), []);
  });

  it("flags a share that is not the exact share at its stated precision", () => {
    const cats = SEED_CATEGORIES.map(([n, c, s]): [string, number, string] =>
      n === "工作动态信息" ? [n, c, "45.9%"] : n === "财政信息" ? [n, c, "10%"] : [n, c, s],
    );
    const r = seedReport();
    r.proactive = seedProactive(cats);
    assert.deepEqual(runCheck(statedShare, r).map(summary), [
      {
        // 514 / 1119 = 45.933…% -> 45.9% is right at 1 decimal
        rule: "stated-share",
        severity: "error",
        messageId: "wrong",
        cells: ["公开数据!D16", "公开数据!B16", "公开数据!B19"],
        expected: "9%",
        actual: "10%",
      },
    ]);
  });

  it("catches a truncated share (35/805 = 4.348% written 4.34%) and the share of the parent", () => {
    const r = seedReport();
    r.proactive = seedProactive(
      [
        ["甲", 35, "4.34%"],
        ["乙", 770, "95.65%"],
      ],
      805,
      [["丙", 382]],
    );
    r.proactive.children[0]!.shareOfParent = pct("47.4%", { sheet: "公开数据", row: 33, col: 1 });
    const found = runCheck(statedShare, r).map(summary);
    assert.deepEqual(found, [
      {
        rule: "stated-share",
        severity: "error",
        messageId: "wrong",
        cells: ["公开数据!D11", "公开数据!B11", "公开数据!B19"],
        expected: "4.35%",
        actual: "4.34%",
      },
      {
        // 382 / 805 = 47.453…%
        rule: "stated-share",
        severity: "error",
        messageId: "wrongOfParent",
        cells: ["公开数据!B34", "公开数据!B33", "公开数据!B19"],
        expected: "47.5%",
        actual: "47.4%",
      },
    ]);
  });

  it("uses the tie rule: 1/160 = 0.625% is 0.63% half-up, 0.62% half-even", () => {
    const r = seedReport();
    r.proactive = seedProactive(
      [
        ["甲", 1, "0.63%"],
        ["乙", 159, "99.38%"],
      ],
      160,
      [],
      null,
    );
    r.proactive.children = [];
    assert.deepEqual(runCheck(statedShare, r), []);
    assert.deepEqual(
      runCheck(statedShare, r, { rounding: "half-even" }).map((f) => [f.expected, f.actual]),
      [["0.62%", "0.63%"]], // 159/160 = 99.375% gives 99.38% under both rules
    );
  });

  it("accepts a largest-remainder share when that mode is on", () => {
    // 1303, 172, 24 of 1499: independent 86.92 / 11.47 / 1.60; largest remainder gives 86.93
    const r = seedReport();
    r.proactive = seedProactive(
      [
        ["甲", 1303, "86.93%"],
        ["乙", 172, "11.47%"],
        ["丙", 24, "1.60%"],
      ],
      1499,
    );
    r.proactive.children = [];
    assert.deepEqual(
      runCheck(statedShare, r).map((f) => f.expected),
      ["86.92%"],
    );
    assert.deepEqual(runCheck(statedShare, r, { largestRemainder: true }), []);
  });
});
