import assert from "node:assert/strict";
import { figures2021, report2021, rowCells, runCheck, summary } from "./reports.testutil";
import { s3RowSum } from "./s3-row-sum";
import { cellKey } from "../model/format";
import { cellAddress } from "../grid";

describe("s3-row-sum", () => {
  it("passes a consistent report", () => {
    assert.deepEqual(runCheck(s3RowSum, report2021()), []);
  });

  it("names every cell of a row whose applicant columns do not sum to 总计", () => {
    const f = figures2021();
    f.s3["open"]!["natural"] = 11; // row （一）予以公开: 11 + 3 + 0 + 0 + 2 + 0 = 16, 总计 still 15
    const found = runCheck(s3RowSum, report2021(f)).map(summary);
    assert.deepEqual(found, [
      {
        rule: "s3-row-sum",
        severity: "error",
        messageId: "mismatch",
        cells: rowCells("DEFGHIJ", 33),
        expected: 16,
        actual: 15,
      },
    ]);
  });

  it("reports a blank 总计 beside non-zero parts as a missing total", () => {
    const f = figures2021();
    f.s3["partial"]!["total"] = null;
    const found = runCheck(s3RowSum, report2021(f));
    assert.deepEqual(found.map(summary), [
      { rule: "s3-row-sum", severity: "error", messageId: "blankTotal", cells: rowCells("DEFGHIJ", 34), expected: 3 },
    ]);
    assert.equal(found[0]!.params["row"], "（二）部分公开（区分处理的，只计这一情形，不计其他情形）");
  });

  it("counts blanks as 0: a blank part that makes the row fail is an error, an all-blank row is not", () => {
    const f = figures2021();
    f.s3["open"]!["commercial"] = null; // 10 + 0 + 2 = 12 against 15
    for (const col of Object.keys(f.s3["withheld.law"]!)) f.s3["withheld.law"]![col] = null;
    assert.deepEqual(
      runCheck(s3RowSum, report2021(f)).map((x) => [x.messageId, x.expected, x.actual]),
      [["mismatch", 12, 15]],
    );
  });

  it("leaves a row with an unreadable cell to not-a-number", () => {
    const r = report2021();
    const n = r.section3!.cells[cellKey("open", "natural")]!;
    Object.assign(n, { value: null, issue: "not-a-number", text: "十" });
    r.section3!.cells[cellKey("open", "total")]!.value = 99;
    assert.deepEqual(runCheck(s3RowSum, r), []);
  });
});

describe("s3-row-sum: suggested fix", () => {
  const fixes = (r: ReturnType<typeof report2021>): [string, unknown][] =>
    runCheck(s3RowSum, r).map((x) => [x.messageId, x.fix && [cellAddress(x.fix.cell), x.fix.value]]);

  it("offers 总计 := the sum when 总计 alone is wrong (its column and the balance agree with the sum)", () => {
    const f = figures2021();
    f.s3["open"]!["total"] = 14; // parts 15; the 总计 column's items sum to （七） only with 15
    assert.deepEqual(fixes(report2021(f)), [["mismatch", ["公开数据!J33", 15]]]);
    const g = figures2021();
    g.s3["new"]!["total"] = 27; // 一: parts 28; the balance of the 总计 column holds only with 28
    assert.deepEqual(fixes(report2021(g)), [["mismatch", ["公开数据!J31", 28]]]);
  });

  it("offers the sum for a blank 总计 beside clean parts", () => {
    const f = figures2021();
    f.s3["partial"]!["total"] = null;
    assert.deepEqual(fixes(report2021(f)), [["blankTotal", ["公开数据!J34", 3]]]);
    assert.equal(runCheck(s3RowSum, report2021(f))[0]!.fix!.was, null);
    const g = figures2021();
    g.s3["open"]!["total"] = 14;
    assert.equal(runCheck(s3RowSum, report2021(g))[0]!.fix!.was, 14);
  });

  it("offers no fix when a part may be the wrong figure (its own column disagrees too)", () => {
    const f = figures2021();
    f.s3["open"]!["natural"] = 11; // the 自然人 column no longer sums either: 总计 15 is right
    assert.deepEqual(fixes(report2021(f)), [["mismatch", undefined]]);
  });

  it("offers no fix beside a blank, text, negative or fractional part, nor over a formula or a text total", () => {
    const blank = figures2021();
    blank.s3["open"]!["commercial"] = null;
    assert.deepEqual(fixes(report2021(blank)), [["mismatch", undefined]]);
    const negative = figures2021();
    negative.s3["open"]!["research"] = -1;
    negative.s3["open"]!["total"] = 20;
    assert.deepEqual(fixes(report2021(negative)), [["mismatch", undefined]]);
    const fraction = figures2021();
    fraction.s3["open"]!["research"] = 0.5;
    assert.deepEqual(fixes(report2021(fraction)), [["mismatch", undefined]]);

    const wrongTotal = (): ReturnType<typeof report2021> => {
      const g = figures2021();
      g.s3["open"]!["total"] = 14;
      return report2021(g);
    };
    const text = wrongTotal();
    Object.assign(text.section3!.cells[cellKey("open", "natural")]!, { issue: "text", text: "10" });
    assert.deepEqual(fixes(text), [["mismatch", undefined]]);
    const formula = wrongTotal();
    Object.assign(formula.section3!.cells[cellKey("open", "total")]!, { formula: "=SUM(D33:H33)" });
    assert.deepEqual(fixes(formula), [["mismatch", undefined]]);
    const textTotal = wrongTotal();
    Object.assign(textTotal.section3!.cells[cellKey("open", "total")]!, { issue: "text", text: "14" });
    assert.deepEqual(fixes(textTotal), [["mismatch", undefined]]);
  });
});
