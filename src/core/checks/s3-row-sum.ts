import { checkSum, defineCheck, tableCell } from "./define";
import { s3Confirmed, sumFix } from "./fix";

/** Section 三, every row: 自然人 + 商业企业 + … + 其他 = 总计. */
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
    blankTotal: {
      zh: "三、“{row}”：总计为空，但自然人至其他之和为{expected}。",
      en: "Section 三, row “{row}”: missing total — 总计 is blank while the applicant columns sum to {expected}.",
    },
  },
  run({ report }, emit) {
    const t = report.section3;
    if (!t) return;
    const parts = t.def.cols.filter((c) => c.key !== "total");
    for (const row of t.def.rows) {
      const partNums = parts.map((c) => tableCell(t, row.key, c.key));
      const total = tableCell(t, row.key, "total");
      const r = checkSum(partNums, total);
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
