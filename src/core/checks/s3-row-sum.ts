import type { Num } from "../model/report";
import { checkSum, defineCheck, isBlank, tableCell } from "./define";
import { s3Confirmed, sumFix } from "./fix";

/**
 * Section 三, every row: 自然人 + 商业企业 + … + 其他 = 总计. A 总计 column left blank from top to bottom
 * beside filled rows is one problem (the column was never filled in): one finding naming every cell of
 * the column, without a fix (one fix fills one cell); a few blank totals keep their own findings.
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
    blankColumn: {
      zh: "三、“总计”列整列为空（{count}处），但有{rows}行的自然人至其他已填写；请填写各行合计。",
      en: "Section 三: the whole 总计 column is blank ({count} cells) while {rows} rows have applicant figures; fill in each row's total.",
    },
    blankTotal: {
      zh: "三、“{row}”：总计为空，但自然人至其他之和为{expected}。",
      en: "Section 三, row “{row}”: missing total — 总计 is blank while the applicant columns sum to {expected}.",
    },
  },
  run({ report }, emit) {
    const t = report.section3;
    if (!t) return;
    const parts = t.def.cols.filter((c) => c.key !== "total");
    const rows = t.def.rows.map((row) => {
      const partNums = parts.map((c) => tableCell(t, row.key, c.key));
      const total = tableCell(t, row.key, "total");
      return { row, partNums, total, r: checkSum(partNums, total) };
    });
    const totals = rows.map((x) => x.total).filter((n): n is Num => n !== undefined);
    const blankRows = rows.filter((x) => x.r.kind === "blankTotal").length;
    if (blankRows > 1 && totals.every(isBlank)) {
      emit({
        messageId: "blankColumn",
        cells: totals.map((n) => n.cell),
        params: { count: totals.length, rows: blankRows },
      });
      return;
    }
    for (const { row, partNums, total, r } of rows) {
      if (r.kind === "ok" || r.kind === "unknown") continue;
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
