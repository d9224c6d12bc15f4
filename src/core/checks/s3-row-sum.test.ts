import assert from "node:assert/strict";
import { at, colCells, figures2021, report2021, rowCells, runCheck, summary } from "./reports.testutil";
import { formatMessage } from "./index";
import { s3ColumnSum } from "./s3-column-sum";
import { s3RowSum } from "./s3-row-sum";
import { cellKey } from "../model/format";
import { cellAddress } from "../grid";

describe("s3-row-sum", () => {
  it("passes a consistent report", () => {
    assert.deepEqual(runCheck(s3RowSum, report2021()), []);
  });

  it("names every cell of a row whose applicant columns do not sum to 总计", () => {
    const f = figures2021();
    f.s3["new"]!["natural"] = 21; // row 一: 21 + 3 + 0 + 0 + 2 + 2 = 29, 总计 still 28 (一 is in no column sum)
    const found = runCheck(s3RowSum, report2021(f)).map(summary);
    assert.deepEqual(found, [
      {
        rule: "s3-row-sum",
        severity: "error",
        messageId: "mismatch",
        cells: rowCells("DEFGHIJ", 31),
        expected: 29,
        actual: 28,
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

  it("gives one finding, naming the blank cells, for a 总计 column blank in most rows; no fix", () => {
    const f = figures2021();
    for (const row of Object.keys(f.s3)) if (row !== "open") f.s3[row]!["total"] = null;
    // 予以公开 keeps its 总计 (15); every other row with figures has none
    const found = runCheck(s3RowSum, report2021(f));
    assert.deepEqual(
      found.map((x) => [x.messageId, x.fix]),
      [["blankMost", undefined]],
    );
    const blankRows = found[0]!.params["rows"] as number;
    assert.ok(blankRows > 2);
    assert.equal(found[0]!.cells.length, blankRows, "the blank 总计 cells of the rows with figures, only");
    assert.ok(found[0]!.cells.every((c) => c.col === 9));
    assert.ok(!found[0]!.cells.some((c) => c.row === 32), "予以公开's filled 总计 is not named");
    assert.equal(
      formatMessage(found[0]!, "zh"),
      `三、“总计”列大部分未填写：${blankRows}行的自然人至其他已填写而总计为空；请填写各行合计。`,
    );
    assert.doesNotMatch(formatMessage(found[0]!, "zh") + formatMessage(found[0]!, "en"), /为0|改为|\b0\b/);
  });

  it("keeps one finding per row, each with its fix, when only a few totals are blank, or one row alone has figures", () => {
    const f = figures2021();
    f.s3["carried"]!["total"] = null; // in the 总计 column's balance
    f.s3["partial"]!["total"] = null; // in the 总计 column's sum: each fix holds with the other still blank
    const found = runCheck(s3RowSum, report2021(f));
    assert.deepEqual(
      found.map((x) => [x.messageId, x.cells.length, x.fix && x.fix.value]),
      [
        ["blankTotal", 7, 4],
        ["blankTotal", 7, 3],
      ],
    );

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
    f.s3["new"]!["commercial"] = null; // 一: 20 + 0 + 0 + 0 + 2 + 1 = 23 against 28 (一 is in no column sum)
    for (const col of Object.keys(f.s3["withheld.law"]!)) f.s3["withheld.law"]![col] = null;
    assert.deepEqual(
      runCheck(s3RowSum, report2021(f)).map((x) => [x.messageId, x.expected, x.actual]),
      [["mismatch", 23, 28]],
    );
  });

  it("a 总计 typed beside applicant columns that are all blank: says so, never that 总计 should be 0", () => {
    const f = figures2021();
    for (const col of Object.keys(f.s3["new"]!)) if (col !== "total") f.s3["new"]![col] = null;
    const found = runCheck(s3RowSum, report2021(f));
    assert.deepEqual(
      found.map((x) => [x.messageId, x.expected, x.actual, x.fix]),
      [["blankParts", undefined, 28, undefined]],
    );
    assert.equal(
      formatMessage(found[0]!, "zh"),
      "三、“一、本年新收政府信息公开申请数量”：总计填写为28，但自然人至其他均未填写；请补填各申请人列。",
    );
  });

  it("one cause, one finding: a figure that breaks its row and its column by the same amount is named, with its fix", () => {
    const f = figures2021();
    f.s3["open"]!["natural"] = 16; // 10 typed as 16: row （一） and column 自然人 both off by 6
    const r = report2021(f);
    const found = runCheck(s3RowSum, r);
    assert.deepEqual(found.map(summary), [
      {
        rule: "s3-row-sum",
        severity: "error",
        messageId: "crossing",
        cells: ["公开数据!D33", "公开数据!J33", "公开数据!D54"], // D33 the culprit, J33 its row's 总计, D54 its column's （七）总计
        expected: 10,
        actual: 16,
      },
    ]);
    assert.deepEqual(found[0]!.fix, { cell: at(32, 3), value: 10, was: 16 });
    assert.equal(
      formatMessage(found[0]!, "zh"),
      "三、“（一）予以公开”行“自然人”列的数字很可能填错：填写为16，该行自然人至其他之和为21而总计为15，该列办理结果各项之和为25而（七）总计为19，两处都相差6；改为10后行、列都相符。",
    );
    assert.deepEqual(runCheck(s3ColumnSum, r), [], "the column is not a second finding");
    // A blank cell that both sums miss: 漏填, filled in only after the user confirms.
    const g = figures2021();
    g.s3["open"]!["commercial"] = null;
    const blank = runCheck(s3RowSum, report2021(g));
    assert.deepEqual(
      blank.map((x) => [x.messageId, x.expected, x.actual, x.fix]),
      [["crossingBlank", 3, undefined, { cell: at(32, 4), value: 3, was: null }]],
    );
    assert.match(formatMessage(blank[0]!, "zh"), /^三、“（一）予以公开”行“法人或其他组织·商业企业”列为空，很可能漏填/);
  });

  it("keeps two findings when the pairing is not certain (two rows and two columns off by the same amount)", () => {
    const f = figures2021();
    f.s3["open"]!["natural"] = 11;
    f.s3["partial"]!["commercial"] = 2;
    const r = report2021(f);
    assert.deepEqual(
      runCheck(s3RowSum, r).map((x) => x.messageId),
      ["mismatch", "mismatch"],
    );
    assert.equal(runCheck(s3ColumnSum, r).length, 2);
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
    assert.deepEqual(fixes(report2021(f)), [["crossing", ["公开数据!J33", 15]]]);
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

  it("offers the part, not 总计, when the part's own column disagrees by the same amount", () => {
    const f = figures2021();
    f.s3["open"]!["natural"] = 11; // the 自然人 column no longer sums either: 总计 15 is right, D33 is not
    assert.deepEqual(fixes(report2021(f)), [["crossing", ["公开数据!D33", 10]]]);
  });

  it("offers no fix beside a blank, text, negative or fractional part, nor over a formula or a text total", () => {
    const blank = figures2021();
    blank.s3["new"]!["commercial"] = null;
    assert.deepEqual(fixes(report2021(blank)), [["mismatch", undefined]]);
    const negative = figures2021();
    negative.s3["open"]!["research"] = -1;
    negative.s3["open"]!["total"] = 20;
    assert.deepEqual(fixes(report2021(negative)), [["mismatch", undefined]]);
    const fraction = figures2021();
    fraction.s3["open"]!["research"] = 0.5;
    assert.deepEqual(fixes(report2021(fraction)), [["crossing", undefined]], "a fraction is never corrected");

    const wrongTotal = (): ReturnType<typeof report2021> => {
      const g = figures2021();
      g.s3["open"]!["total"] = 14;
      return report2021(g);
    };
    const text = wrongTotal();
    Object.assign(text.section3!.cells[cellKey("open", "natural")]!, { issue: "text", text: "10" });
    assert.deepEqual(fixes(text), [["crossing", undefined]]);
    const formula = wrongTotal();
    Object.assign(formula.section3!.cells[cellKey("open", "total")]!, { formula: "=SUM(D33:H33)" });
    assert.deepEqual(fixes(formula), [["crossing", undefined]]);
    const textTotal = wrongTotal();
    Object.assign(textTotal.section3!.cells[cellKey("open", "total")]!, { issue: "text", text: "14" });
    assert.deepEqual(fixes(textTotal), [["crossing", undefined]]);
  });
});
