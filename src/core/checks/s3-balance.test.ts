import assert from "node:assert/strict";
import { figures2021, report2021, runCheck, summary } from "./reports.testutil";
import { s3Balance } from "./s3-balance";

describe("s3-balance", () => {
  it("passes a consistent report", () => {
    assert.deepEqual(runCheck(s3Balance, report2021()), []);
  });

  it("names 一, 二, （七）总计 and 四 of a column where 一+二 ≠ （七）+四", () => {
    const f = figures2021();
    f.s3["carryNext"]!["total"] = 9; // 28 + 4 = 32 received, 26 + 9 = 35 accounted for
    const found = runCheck(s3Balance, report2021(f));
    assert.deepEqual(found.map(summary), [
      {
        rule: "s3-balance",
        severity: "error",
        messageId: "mismatch",
        cells: ["公开数据!J31", "公开数据!J32", "公开数据!J54", "公开数据!J55"],
        expected: 32,
        actual: 35,
      },
    ]);
    assert.deepEqual(
      { ...found[0]!.params },
      { col: "总计", new: 28, carried: 4, handled: 26, carryNext: 9, expected: 32, actual: 35 },
    );
  });

  it("counts a blank as 0", () => {
    const f = figures2021();
    f.s3["carried"]!["otherOrg"] = null; // 1 + 0 against 1 + 1
    assert.deepEqual(
      runCheck(s3Balance, report2021(f)).map((x) => [x.cells.length, x.expected, x.actual]),
      [[4, 1, 2]],
    );
  });
});
