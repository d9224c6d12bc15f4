import { strict as assert } from "node:assert";
import { numberFormatKind, type SheetGrid } from "../grid";
import { cellNum, parseNumberText, parsePercent, readFigureText, serialDateText, serialTimeText } from "./values";

describe("read/values: cells to figures", () => {
  it("reads numbers typed as text", () => {
    assert.equal(parseNumberText("12"), 12);
    assert.equal(parseNumberText(" 12 "), 12);
    assert.equal(parseNumberText("1,234"), 1234);
    assert.equal(parseNumberText("1,234,567.5"), 1234567.5);
    assert.equal(parseNumberText("１２"), 12);
    assert.equal(parseNumberText("12件"), 12);
    assert.equal(parseNumberText("12条"), 12);
    assert.equal(parseNumberText("7730.28万元"), 7730.28);
    assert.equal(parseNumberText("-4"), -4);
    assert.equal(parseNumberText("\u22124"), -4);
  });

  it("rejects text that is not a number", () => {
    for (const s of ["", "无", "—", "12,34", "1.2.3", "12%", "abc", "１２个月", "1e5"])
      assert.equal(parseNumberText(s), null, s);
  });

  it("reads what published tables print for a figure: zero marks as 0, the leading number of an annotation", () => {
    for (const z of ["—", "-", "－", "——", "/", "／", "无", " 无 ", "〇"])
      assert.deepEqual(readFigureText(z), { value: 0, reading: "zero-mark" }, z);
    assert.deepEqual(readFigureText("12（其中修订3件）"), { value: 12, reading: "annotated" });
    assert.deepEqual(readFigureText("40(含到期自然失效15件)"), { value: 40, reading: "annotated" });
    assert.deepEqual(readFigureText("3,001件"), { value: 3001 });
    assert.deepEqual(readFigureText("３００１"), { value: 3001 });
    for (const no of ["无法统计", "—5", "12（其中", "（3件）", "abc"]) assert.equal(readFigureText(no), null, no);
  });

  const sheet: SheetGrid = {
    name: "公开数据",
    top: 2,
    left: 1,
    values: [[5, 0, null, "12", "二十", { error: "#REF!" }, true, " ", Number.NaN, "1,234"]],
    formulas: [[null, "=SUM(A1:A2)"]],
  };

  it("keeps blank (null) distinct from 0, with the absolute cell", () => {
    assert.deepEqual(cellNum(sheet, 2, 1), { value: 5, cell: { sheet: "公开数据", row: 2, col: 1 } });
    assert.deepEqual(cellNum(sheet, 2, 2), {
      value: 0,
      cell: { sheet: "公开数据", row: 2, col: 2 },
      formula: "=SUM(A1:A2)",
    });
    assert.deepEqual(cellNum(sheet, 2, 3), { value: null, cell: { sheet: "公开数据", row: 2, col: 3 } });
    assert.deepEqual(cellNum(sheet, 2, 8).value, null);
    assert.equal(cellNum(sheet, 2, 8).issue, undefined);
    assert.deepEqual(cellNum(sheet, 40, 40), { value: null, cell: { sheet: "公开数据", row: 40, col: 40 } });
  });

  it("marks text numbers, non-numbers, errors and booleans", () => {
    assert.deepEqual(cellNum(sheet, 2, 4), {
      value: 12,
      cell: { sheet: "公开数据", row: 2, col: 4 },
      text: "12",
      issue: "text",
    });
    assert.deepEqual(cellNum(sheet, 2, 5), {
      value: null,
      cell: { sheet: "公开数据", row: 2, col: 5 },
      text: "二十",
      issue: "not-a-number",
    });
    assert.deepEqual(cellNum(sheet, 2, 6), {
      value: null,
      cell: { sheet: "公开数据", row: 2, col: 6 },
      text: "#REF!",
      issue: "error-value",
    });
    assert.deepEqual(cellNum(sheet, 2, 7), {
      value: null,
      cell: { sheet: "公开数据", row: 2, col: 7 },
      text: "TRUE",
      issue: "boolean",
    });
    assert.equal(cellNum(sheet, 2, 9).issue, "not-a-number");
    assert.equal(cellNum(sheet, 2, 10).value, 1234);
  });

  it("never reads a date, a time or a formula without a result as a count", () => {
    const g: SheetGrid = {
      name: "公开数据",
      top: 0,
      left: 0,
      values: [[45047, 0.5, null, 7, 45047.75]],
      formulas: [[null, null, "=SUM(A9:A10)", "=3+4"]],
      kinds: [["date", "time", "uncached", null, "date"]],
    };
    const at = (col: number) => ({ sheet: "公开数据", row: 0, col });
    assert.deepEqual(cellNum(g, 0, 0), { value: null, cell: at(0), issue: "date", text: "2023-05-01", serial: 45047 });
    assert.deepEqual(cellNum(g, 0, 1), { value: null, cell: at(1), issue: "time", text: "12:00", serial: 0.5 });
    assert.deepEqual(cellNum(g, 0, 2), {
      value: null,
      cell: at(2),
      formula: "=SUM(A9:A10)",
      issue: "uncached-formula",
    });
    assert.deepEqual(cellNum(g, 0, 3), { value: 7, cell: at(3), formula: "=3+4" });
    assert.equal(cellNum(g, 0, 4).text, "2023-05-01 18:00");
    // On the 1904 date system the same cell holds 43585 and names the same date.
    const g1904: SheetGrid = { ...g, values: [[43585]], formulas: undefined, kinds: [["date"]], date1904: true };
    assert.deepEqual(cellNum(g1904, 0, 0), {
      value: null,
      cell: at(0),
      issue: "date",
      text: "2023-05-01",
      serial: 43585,
    });
    // Without kinds (a host that does not know), the old reading stands.
    assert.equal(cellNum({ ...g, kinds: undefined }, 0, 0).value, 45047);
  });

  it("shows serials as Excel shows them", () => {
    assert.equal(serialDateText(1), "1900-01-01");
    assert.equal(serialDateText(59), "1900-02-28");
    assert.equal(serialDateText(60), "1900-02-29");
    assert.equal(serialDateText(61), "1900-03-01");
    assert.equal(serialDateText(44197), "2021-01-01");
    // The 1904 date system (a workbook first made by Excel for Mac): serial 0 is 1904-01-01, 43585 is 2023-05-01.
    assert.equal(serialDateText(0, true), "1904-01-01");
    assert.equal(serialDateText(43585, true), "2023-05-01");
    assert.equal(serialDateText(43585.5, true), "2023-05-01 12:00");
    assert.equal(serialTimeText(0.75), "18:00");
    assert.equal(serialTimeText(1.5), "36:00");
    assert.equal(serialTimeText(0.5 + 1 / 86400), "12:00:01");
  });

  it("tells date and time number formats from the rest", () => {
    for (const f of [
      "yyyy-mm-dd",
      "m/d/yy",
      "mm-dd-yy",
      'yyyy"年"m"月"d"日"',
      "[$-804]yyyy年m月d日",
      "d-mmm",
      "mmm-yy",
      "yyyy-mm-dd hh:mm",
      "[DBNum1]m月d日",
      "aaaa",
      "mmmm",
    ])
      assert.equal(numberFormatKind(f), "date", f);
    for (const f of ["h:mm", "hh:mm:ss", "[h]:mm", "mm:ss", "h:mm AM/PM", "[mm]:ss", 'h"时"mm"分"'])
      assert.equal(numberFormatKind(f), "time", f);
    for (const f of [
      undefined,
      "",
      "General",
      "0",
      "0.00",
      "#,##0",
      "0%",
      "0.00E+00",
      '0"件"',
      '#,##0"天"',
      "@",
      "[Red]0;[Blue]-0",
      "[DBNum1]General",
      '"m"0',
      "\\d0",
      "0_);(0)",
    ])
      assert.equal(numberFormatKind(f), null, String(f));
  });

  it("reads stated percentages as typed", () => {
    assert.deepEqual(parsePercent("6%", "fraction"), { text: "6%", value: 6, decimals: 0 });
    assert.deepEqual(parsePercent("86.92％", "fraction"), { text: "86.92％", value: 86.92, decimals: 2 });
    assert.deepEqual(parsePercent("1.60%", "fraction"), { text: "1.60%", value: 1.6, decimals: 2 });
    assert.deepEqual(parsePercent("占34%", "fraction"), { text: "占34%", value: 34, decimals: 0 });
    assert.deepEqual(parsePercent(0.06, "fraction"), { text: "6%", value: 6, decimals: 0 });
    assert.deepEqual(parsePercent(0.8692, "fraction"), { text: "86.92%", value: 86.92, decimals: 2 });
    assert.deepEqual(parsePercent(53.5, "percent"), { text: "53.5%", value: 53.5, decimals: 1 });
    assert.deepEqual(parsePercent("22", "percent"), { text: "22%", value: 22, decimals: 0 });
    assert.equal(parsePercent("很多", "percent"), undefined);
    assert.equal(parsePercent(null, "percent"), undefined);
  });
});
