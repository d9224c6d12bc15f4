import assert from "node:assert/strict";
import { feeUnit } from "./fee-unit";
import { figures2021, report2021, runCheck, summary } from "./reports.testutil";

describe("fee-unit", () => {
  it("passes 7730.28 万元 and a fee of 0 元 or 12.5 元", () => {
    const r = report2021();
    assert.deepEqual(runCheck(feeUnit, r), []);
    r.meta.fee!.value = 12.5;
    assert.deepEqual(runCheck(feeUnit, r), []);
  });

  it("warns about 收费金额 in 万元 that looks like 元", () => {
    const f = figures2021();
    f.item8["fees"]!["amount"] = 77302800;
    const found = runCheck(feeUnit, report2021(f));
    assert.deepEqual(found.map(summary), [
      { rule: "fee-unit", severity: "warning", messageId: "wanYuan", cells: ["公开数据!B29"], actual: 77302800 },
    ]);
    assert.equal(found[0]!.params["yuan"], 7730.28);
  });

  it("warns about a 信息处理费 with fractions of a 分, or negative", () => {
    const r = report2021();
    r.meta.fee!.value = 0.125;
    assert.deepEqual(runCheck(feeUnit, r).map(summary), [
      { rule: "fee-unit", severity: "warning", messageId: "feeDecimals", cells: ["公开数据!B5"], actual: 0.125 },
    ]);
    r.meta.fee!.value = -10;
    assert.deepEqual(
      runCheck(feeUnit, r).map((f) => f.messageId),
      ["feeNegative"],
    );
  });
});
