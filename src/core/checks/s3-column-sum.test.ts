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
    assert.deepEqual(
      runCheck(s3ColumnSum, report2021(f)).map((x) => [x.params["col"], x.expected, x.actual, x.cells.length]),
      [["自然人", 20, 19, 20]], // 18 items + （六） + （七）总计,
    );
  });

  it("names the outcome cells and （七）总计 of a column that does not add up", () => {
    const f = figures2021();
    f.s3["handled"]!["natural"] = 20; // items sum to 19
    const found = runCheck(s3ColumnSum, report2021(f)).map(summary);
    assert.deepEqual(found, [
      {
        rule: "s3-column-sum",
        severity: "error",
        messageId: "mismatch",
        // （一） row 33 … （六）3 row 53, then （七）总计 row 54; never 一/二/四 (rows 31, 32, 55)
        cells: colCells("D", 33, 54),
        expected: 19,
        actual: 20,
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
    assert.deepEqual(fixes(s3ColumnSum, report2021(f)), [["mismatch", ["公开数据!D54", 19]]]);
    // The row check sees the same cell from the other side and does not suggest rewriting 总计 instead.
    assert.deepEqual(fixes(s3RowSum, report2021(f)), [["mismatch", undefined]]);
    const g = figures2021();
    g.s3["handled"]!["legal"] = null;
    assert.deepEqual(fixes(s3ColumnSum, report2021(g)), [["blankTotal", ["公开数据!H54", 2]]]);
  });

  it("offers no fix when an item is the likelier culprit (the row of （七） and the balance still hold)", () => {
    const f = figures2021();
    f.s3["open"]!["natural"] = 11;
    assert.deepEqual(fixes(s3ColumnSum, report2021(f)), [["mismatch", undefined]]);
  });

  it("offers no fix when the balance would not hold with the sum", () => {
    const f = figures2021();
    f.s3["handled"]!["natural"] = 18;
    f.s3["carryNext"]!["natural"] = 5; // 20 + 3 = 18 + 5: the balance holds with 18, not with 19
    f.s3["carryNext"]!["total"] = 9;
    assert.deepEqual(fixes(s3ColumnSum, report2021(f)), [["mismatch", undefined]]);
  });
});
