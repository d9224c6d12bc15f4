import assert from "node:assert/strict";
import { colCells, figures2021, report2021, rowCells, runCheck, summary } from "./reports.testutil";
import { formatMessage } from "./index";
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

  it("gives one finding, naming every cell, for a 总计 column left blank from top to bottom; no fix", () => {
    const f = figures2021();
    for (const row of Object.keys(f.s3)) f.s3[row]!["total"] = null;
    const found = runCheck(s3RowSum, report2021(f));
    assert.deepEqual(found.map(summary), [
      { rule: "s3-row-sum", severity: "error", messageId: "blankColumn", cells: colCells("J", 31, 55) },
    ]);
    assert.equal(found[0]!.fix, undefined);
    // rows whose parts are all 0 are in the column but not counted as filled rows
    const filled = report2021().section3!.def.rows.filter((r) =>
      (f.s3[r.key] ? Object.values(f.s3[r.key]!) : []).some((v) => v),
    );
    assert.equal(
      formatMessage(found[0]!, "zh"),
      `三、“总计”列整列为空（25处），但有${filled.length}行的自然人至其他已填写；请填写各行合计。`,
    );
    assert.ok(filled.length > 1 && filled.length < 25, String(filled.length));
    assert.match(
      formatMessage(found[0]!, "en"),
      /^Section 三: the whole 总计 column is blank \(25 cells\) while \d+ rows/,
    );
  });

  it("keeps one finding per row when only some totals are blank, or when one row alone has figures", () => {
    const f = figures2021();
    for (const row of Object.keys(f.s3)) if (row !== "open") f.s3[row]!["total"] = null;
    // 予以公开 keeps its 总计 (15): every other blank total beside non-zero parts is its own finding, with its fix
    const found = runCheck(s3RowSum, report2021(f));
    assert.ok(found.length > 1);
    assert.ok(found.every((x) => x.messageId === "blankTotal" && x.cells.length === 7));

    const one = figures2021();
    for (const row of Object.keys(one.s3)) for (const col of Object.keys(one.s3[row]!)) one.s3[row]![col] = null;
    one.s3["new"]!["natural"] = 4;
    assert.deepEqual(
      runCheck(s3RowSum, report2021(one)).map((x) => [x.messageId, x.expected]),
      [["blankTotal", 4]],
    );
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
