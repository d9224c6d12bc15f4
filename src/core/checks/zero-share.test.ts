import assert from "node:assert/strict";
import { formatMessage } from "./index";
import { pct, runCheck, SEED_CATEGORIES, seedProactive, seedReport, summary } from "./reports.testutil";
import { zeroShare } from "./zero-share";

describe("zero-share", () => {
  it("warns about the seed's 计划总结信息 (2 条) and 规范性文件信息 (4 条) written as 0%", () => {
    const found = runCheck(zeroShare, seedReport());
    assert.deepEqual(found.map(summary), [
      {
        rule: "zero-share",
        severity: "error",
        messageId: "zero",
        cells: ["公开数据!D12", "公开数据!B12"],
        expected: "不足1%",
        actual: "0%",
      },
      {
        rule: "zero-share",
        severity: "error",
        messageId: "zero",
        cells: ["公开数据!D13", "公开数据!B13"],
        expected: "不足1%",
        actual: "0%",
      },
    ]);
    // 2 / 1119 = 0.1787…%
    assert.equal(found[0]!.params["better"], "0.2%");
    assert.equal(
      formatMessage(found[0]!, "zh"),
      "主动公开政府信息：“计划总结信息”有2条，占比却写为0%；可写为0.2%或“不足1%”。",
    );
  });

  it("passes a zero count at 0% and non-zero counts with non-zero shares", () => {
    const cats = SEED_CATEGORIES.map(([n, c, s]): [string, number, string] =>
      n === "计划总结信息" ? [n, 0, "0%"] : n === "规范性文件信息" ? [n, c, "0.36%"] : [n, c, s],
    );
    const r = seedReport();
    r.proactive = seedProactive(cats, 1117);
    assert.deepEqual(runCheck(zeroShare, r), []);
  });

  it("checks a sub-total's share of its parent: 0.00%", () => {
    const r = seedReport();
    r.proactive!.children[0]!.shareOfParent = pct("0.00%", { sheet: "公开数据", row: 33, col: 1 });
    assert.deepEqual(runCheck(zeroShare, r).slice(2).map(summary), [
      {
        rule: "zero-share",
        severity: "error",
        messageId: "zero",
        cells: ["公开数据!B34", "公开数据!B33"],
        expected: "不足0.01%",
        actual: "0.00%",
      },
    ]);
  });
});
