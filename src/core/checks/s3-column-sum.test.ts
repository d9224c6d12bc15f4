import assert from "node:assert/strict";
import { FORMAT_2021 } from "../model/format";
import { colCells, figures2021, report2021, runCheck, s3Figures, summary } from "./reports.testutil";
import { s3ColumnSum } from "./s3-column-sum";
import { s3RowSum } from "./s3-row-sum";
import { cellAddress } from "../grid";

describe("s3-column-sum", () => {
  it("passes a consistent report, also with （六）其他处理 as one row", () => {
    assert.deepEqual(runCheck(s3ColumnSum, report2021()), []);
    const f = figures2021();
    f.s3Def = FORMAT_2021.section3SingleOther;
    f.s3 = s3Figures(f.s3Def);
    assert.deepEqual(runCheck(s3ColumnSum, report2021(f)), []);
    f.s3["other"]!["natural"] = 2; // the single row is part of the sum: natural now 20 against 19
    f.s3["other"]!["total"]! += 1; // (its row still adds up: the 总计 column breaks too)
    assert.deepEqual(
      runCheck(s3ColumnSum, report2021(f)).map((x) => [x.params["col"], x.expected, x.actual, x.cells.length]),
      [
        ["自然人", 20, 19, 20], // 18 items + （六） + （七）总计
        ["总计", 27, 26, 20],
      ],
    );
  });

  it("names the outcome cells and （七）总计 of a column that does not add up", () => {
    const f = figures2021();
    f.s3["open"]!["natural"] = 11; // items sum to 20 against （七） 19
    f.s3["open"]!["commercial"] = 2; // (its row still adds up: two columns break, no row)
    const found = runCheck(s3ColumnSum, report2021(f)).map(summary);
    assert.equal(found.length, 2);
    assert.deepEqual(found.slice(0, 1), [
      {
        rule: "s3-column-sum",
        severity: "error",
        messageId: "mismatch",
        // （一） row 33 … （六）3 row 53, then （七）总计 row 54; never 一/二/四 (rows 31, 32, 55)
        cells: colCells("D", 33, 54),
        expected: 20,
        actual: 19,
      },
    ]);
  });

  it("reports a blank （七）总计 beside non-zero items as a missing total", () => {
    const f = figures2021();
    f.s3["handled"]!["legal"] = null;
    const found = runCheck(s3ColumnSum, report2021(f));
    assert.deepEqual(found.map(summary), [
      { rule: "s3-column-sum", severity: "error", messageId: "blankTotal", cells: colCells("H", 33, 54), expected: 2 },
    ]);
    assert.equal(found[0]!.params["col"], "法人或其他组织·法律服务机构");
  });
});

describe("s3-column-sum: suggested fix", () => {
  const fixes = (check: typeof s3ColumnSum, r: ReturnType<typeof report2021>): [string, unknown][] =>
    runCheck(check, r).map((x) => [x.messageId, x.fix && [cellAddress(x.fix.cell), x.fix.value]]);

  it("offers （七）总计 := the items' sum when its row and the column's balance hold with that value", () => {
    const f = figures2021();
    f.s3["handled"]!["natural"] = 18; // items 19; 一 20 + 二 3 = 19 + 四 4, and the （七） row sums to 总计 with 19
    // One cell breaks its row and its column: one finding (s3-row-sum's), naming D54 with its fix.
    assert.deepEqual(fixes(s3ColumnSum, report2021(f)), []);
    assert.deepEqual(fixes(s3RowSum, report2021(f)), [["crossing", ["公开数据!D54", 19]]]);
    const g = figures2021();
    g.s3["handled"]!["legal"] = null;
    assert.deepEqual(fixes(s3ColumnSum, report2021(g)), [["blankTotal", ["公开数据!H54", 2]]]);
  });

  it("offers no fix for （七）总计 when an item is the likelier culprit (the row of （七） and the balance still hold)", () => {
    const f = figures2021();
    f.s3["open"]!["natural"] = 11;
    f.s3["open"]!["commercial"] = 2;
    assert.deepEqual(fixes(s3ColumnSum, report2021(f)), [
      ["mismatch", undefined],
      ["mismatch", undefined],
    ]);
  });

  it("offers no fix when the balance would not hold with the sum", () => {
    const f = figures2021();
    f.s3["handled"]!["natural"] = 18;
    f.s3["carryNext"]!["natural"] = 5; // 20 + 3 = 18 + 5: the balance holds with 18, not with 19
    f.s3["carryNext"]!["total"] = 7;
    assert.deepEqual(fixes(s3ColumnSum, report2021(f)), []);
    assert.deepEqual(fixes(s3RowSum, report2021(f)), [["crossing", undefined]]);
  });
});
