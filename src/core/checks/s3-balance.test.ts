import assert from "node:assert/strict";
import { figures2021, report2021, runCheck, summary } from "./reports.testutil";
import { s3Balance } from "./s3-balance";

describe("s3-balance", () => {
  it("passes a consistent report", () => {
    assert.deepEqual(runCheck(s3Balance, report2021()), []);
  });

  it("names 一, 二, （七）总计 and 四 of a column where 一+二 ≠ （七）+四", () => {
    const f = figures2021();
    // 四 of the 总计 column and of 其他 both one too high: the row still adds up, the balance does not.
    f.s3["carryNext"]!["total"] = f.s3["carryNext"]!["total"]! + 3; // 28 + 4 = 32 received, 26 + 9 = 35 accounted for
    f.s3["carryNext"]!["otherOrg"] = f.s3["carryNext"]!["otherOrg"]! + 3;
    const found = runCheck(s3Balance, report2021(f)).filter((x) => x.params["col"] === "总计");
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

  it("says nothing more about a blank total that a sum check reports, when the balance holds with its sum", () => {
    const f = figures2021();
    f.s3["handled"]!["natural"] = null; // （七）总计 blank beside items summing to 19: s3-column-sum's finding
    f.s3["new"]!["total"] = null; // 一's 总计 blank beside parts summing to 28: s3-row-sum's finding
    assert.deepEqual(runCheck(s3Balance, report2021(f)), []);
    const g = figures2021();
    for (const col of Object.keys(g.s3["handled"]!)) g.s3["handled"]![col] = null; // the whole （七） row
    assert.deepEqual(runCheck(s3Balance, report2021(g)), []);
  });

  it("says nothing more about a typed total that disagrees with its parts, when the balance holds with their sum", () => {
    const f = figures2021();
    f.s3["handled"]!["total"] = f.s3["handled"]!["total"]! + 1; // one slip in （七）总计 of the 总计 column
    assert.deepEqual(runCheck(s3Balance, report2021(f)), []);
    const g = figures2021();
    g.s3["new"]!["total"] = g.s3["new"]!["total"]! - 2; // 一's 总计 typed 2 short of its parts
    assert.deepEqual(runCheck(s3Balance, report2021(g)), []);
  });

  it("still reports the balance when it fails even with the missing total filled in", () => {
    const f = figures2021();
    f.s3["handled"]!["natural"] = null;
    f.s3["carryNext"]!["natural"] = 5; // 20 + 3 = 23 received; 19 + 5 = 24 even with （七） filled
    assert.deepEqual(
      runCheck(s3Balance, report2021(f)).map((x) => [x.params["col"], x.expected, x.actual]),
      [["自然人", 23, 5]],
    );
    // a blank that is not a missing total (一 of an applicant column) is 0, as before
    const g = figures2021();
    g.s3["new"]!["natural"] = null;
    assert.deepEqual(
      runCheck(s3Balance, report2021(g)).map((x) => [x.params["col"], x.expected, x.actual]),
      [["自然人", 3, 23]],
    );
  });
});
