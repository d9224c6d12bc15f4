import type { Num } from "../model/report";
import { checkSum, isBlankFigure } from "./arithmetic";
import { defineCheck } from "./define";
import { colLabel, tableCell } from "./places";
import { s3Confirmed, sumFix } from "./fix";
import { s3BlankTotalsIn, s3CrossingsIn } from "./s3-cross";

/**
 * Section 三, every row: 自然人 + 商业企业 + … + 其他 = 总计. One cause, one finding:
 * - a 总计 column left blank in most of the rows that have figures is one problem (the column was never filled
 *   in): one finding naming the blank cells, without a fix (one fix fills one cell); a few blank totals keep
 *   their own findings, each with its fix;
 * - a figure that breaks its row and its column by the same amount (s3-cross) is one finding naming that cell,
 *   with the two totals as context; s3-column-sum then says nothing about that column;
 * - a 总计 typed beside applicant columns that are all blank says so, and never that the total should be 0.
 */
export const s3RowSum = defineCheck({
  id: "s3-row-sum",
  severity: "error",
  description: {
    zh: "三：每一行各申请人列（自然人至其他）之和等于总计",
    en: "Section 三: in every row the applicant columns sum to 总计",
  },
  messages: {
    mismatch: {
      zh: "三、“{row}”：自然人至其他之和为{expected}，总计填写为{actual}。",
      en: "Section 三, row “{row}”: the applicant columns sum to {expected}, but 总计 says {actual}.",
    },
    blankParts: {
      zh: "三、“{row}”：总计填写为{actual}，但自然人至其他均未填写；请补填各申请人列。",
      en: "Section 三, row “{row}”: 总计 says {actual} but every applicant column is blank; fill in the applicant columns.",
    },
    blankColumn: {
      zh: "三、“总计”列整列为空（{count}处），但有{rows}行的自然人至其他已填写；请填写各行合计。",
      en: "Section 三: the whole 总计 column is blank ({count} cells) while {rows} rows have applicant figures; fill in each row's total.",
    },
    blankMost: {
      zh: "三、“总计”列大部分未填写：{rows}行的自然人至其他已填写而总计为空；请填写各行合计。",
      en: "Section 三: the 总计 column is mostly blank: {rows} rows have applicant figures but no total; fill in each row's total.",
    },
    blankTotal: {
      zh: "三、“{row}”：总计为空，但自然人至其他之和为{expected}。",
      en: "Section 三, row “{row}”: missing total — 总计 is blank while the applicant columns sum to {expected}.",
    },
    crossingBlank: {
      zh: "三、“{row}”行“{col}”列为空，很可能漏填：该行自然人至其他之和为{rowSum}而总计为{rowTotal}，该列办理结果各项之和为{colSum}而（七）总计为{colTotal}，两处都相差{diff}；填为{expected}后行、列都相符。",
      en: "Section 三, the blank cell in row “{row}”, column “{col}” was probably left out: its row's applicant columns sum to {rowSum} against 总计 {rowTotal}, and its column's outcome items sum to {colSum} against （七）总计 {colTotal}, both off by {diff}; {expected} makes both hold.",
    },
    crossing: {
      zh: "三、“{row}”行“{col}”列的数字很可能填错：填写为{actual}，该行自然人至其他之和为{rowSum}而总计为{rowTotal}，该列办理结果各项之和为{colSum}而（七）总计为{colTotal}，两处都相差{diff}；改为{expected}后行、列都相符。",
      en: "Section 三, the figure in row “{row}”, column “{col}” is probably wrong: it says {actual}; its row's applicant columns sum to {rowSum} against 总计 {rowTotal}, and its column's outcome items sum to {colSum} against （七）总计 {colTotal}, both off by {diff}; {expected} makes both hold.",
    },
  },
  run(ctx, emit) {
    const t = ctx.report.section3;
    if (!t) return;
    const parts = t.def.cols.filter((c) => c.key !== "total");
    const rows = t.def.rows.map((row) => {
      const partNums = parts.map((c) => tableCell(t, row.key, c.key));
      const total = tableCell(t, row.key, "total");
      return { row, partNums, total, r: checkSum(partNums, total) };
    });
    const totals = rows.map((x) => x.total).filter((n): n is Num => n !== undefined);
    const blank = s3BlankTotalsIn(ctx, t);
    if (blank.mostly) {
      const all = totals.every(isBlankFigure);
      emit({
        messageId: all ? "blankColumn" : "blankMost",
        cells: all
          ? totals.map((n) => n.cell)
          : rows.filter((x) => blank.rows.includes(x.row.key)).map((x) => x.total?.cell),
        params: { count: totals.length, rows: blank.rows.length },
      });
      return;
    }
    const crossings = new Map(s3CrossingsIn(ctx, t).map((c) => [c.rowKey, c]));
    for (const { row, partNums, total, r } of rows) {
      if (r.kind === "ok" || r.kind === "unknown") continue;
      const cross = crossings.get(row.key);
      if (cross) {
        const col = t.def.cols.find((c) => c.key === cross.colKey)!;
        const cells = [cross.cell.cell, cross.row.totalCell?.cell, cross.col.totalCell?.cell];
        emit({
          messageId: isBlankFigure(cross.cell) ? "crossingBlank" : "crossing",
          cells: cells.filter((c, i) => c && cells.findIndex((d) => d && sameCell(c, d)) === i),
          params: {
            row: row.label,
            col: colLabel(col),
            actual: cross.actual,
            expected: cross.expected,
            rowSum: cross.row.sum,
            rowTotal: cross.row.total,
            colSum: cross.col.sum,
            colTotal: cross.col.total,
            diff: Math.abs(cross.actual - cross.expected),
          },
          expected: cross.expected,
          ...(isBlankFigure(cross.cell) ? {} : { actual: cross.actual }),
          fix: cross.fix,
        });
        continue;
      }
      const cells = [...partNums, total].map((n) => n?.cell);
      // 总计 also sits in its column (and, for 一/二/（七）/四, the balance): offered only when those hold too.
      const fix = s3Confirmed(t, row.key, "total", sumFix(partNums, total));
      if (r.kind === "blankTotal") {
        emit({
          messageId: "blankTotal",
          cells,
          params: { row: row.label, expected: r.expected },
          expected: r.expected,
          fix,
        });
      } else if (partNums.every(isBlankFigure)) {
        emit({ messageId: "blankParts", cells, params: { row: row.label, actual: r.actual }, actual: r.actual });
      } else {
        emit({
          messageId: "mismatch",
          cells,
          params: { row: row.label, expected: r.expected, actual: r.actual },
          expected: r.expected,
          actual: r.actual,
          fix,
        });
      }
    }
  },
});

function sameCell(a: { sheet: string; row: number; col: number }, b: { sheet: string; row: number; col: number }) {
  return a.sheet === b.sheet && a.row === b.row && a.col === b.col;
}
