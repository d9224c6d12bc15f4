import assert from "node:assert/strict";
import { formatMessage } from "./index";
import { runCheck, seedProactive, seedReport, summary } from "./reports.testutil";
import { sharesSum } from "./shares-sum";

describe("shares-sum", () => {
  it("warns about the seed, whose whole-percent shares sum to 99%", () => {
    const found = runCheck(sharesSum, seedReport());
    assert.deepEqual(found.map(summary), [
      {
        rule: "shares-sum",
        severity: "warning",
        messageId: "notHundred",
        cells: ["D11", "D12", "D13", "D14", "D15", "D16", "D17", "D18"].map((c) => `公开数据!${c}`),
        expected: "100%",
        actual: "99%",
      },
    ]);
    assert.match(formatMessage(found[0]!, "zh"), /^主动公开政府信息：各项占比之和为99%，不等于100%。/);
  });

  it("passes shares that sum to 100%, and lists without a share for every part", () => {
    const r = seedReport();
    r.proactive = seedProactive(
      [
        ["甲", 56, "32.56%"],
        ["乙", 12, "6.97%"],
        ["丙", 48, "27.91%"],
        ["丁", 56, "32.56%"],
      ],
      172,
    );
    assert.deepEqual(runCheck(sharesSum, r), []);
    const partial = seedReport();
    delete partial.proactive!.categories[0]!.share;
    assert.deepEqual(runCheck(sharesSum, partial), []);
  });

  it("sums at the finest precision stated: 100.01%", () => {
    const r = seedReport();
    r.proactive = seedProactive(
      [
        ["甲", 56, "32.56%"],
        ["乙", 12, "6.98%"],
        ["丙", 48, "27.91%"],
        ["丁", 56, "32.56%"],
      ],
      172,
    );
    assert.deepEqual(
      runCheck(sharesSum, r).map((f) => [f.expected, f.actual]),
      [["100.00%", "100.01%"]],
    );
  });
});
