import { checkSum } from "./arithmetic";
import { defineCheck } from "./define";
import { colLabel, tableCell } from "./places";
import { s3Confirmed, sumFix } from "./fix";
import { s3CrossingsIn } from "./s3-cross";

/**
 * Section 三, every column: the outcome items (（一） … （六）) sum to （七）总计. A column broken by the same
 * figure that breaks a row (s3-cross) is s3-row-sum's one finding for that figure, not a second one here.
 */
export const s3ColumnSum = defineCheck({
  id: "s3-column-sum",
  severity: "error",
  description: {
    zh: "三：每一列办理结果各项（（一）至（六））之和等于（七）总计",
    en: "Section 三: in every column the outcome items （一）-（六） sum to （七）总计",
  },
  messages: {
    mismatch: {
      zh: "三、“{col}”列：办理结果各项之和为{expected}，（七）总计填写为{actual}。",
      en: "Section 三, column “{col}”: the outcome items sum to {expected}, but （七）总计 says {actual}.",
    },
    blankTotal: {
      zh: "三、“{col}”列：（七）总计为空，但办理结果各项之和为{expected}。",
      en: "Section 三, column “{col}”: missing total — （七）总计 is blank while the outcome items sum to {expected}.",
    },
  },
  run(ctx, emit) {
    const t = ctx.report.section3;
    if (!t) return;
    const outcomes = t.def.rows.filter((r) => r.outcome);
    const crossed = new Set(s3CrossingsIn(ctx, t).map((c) => c.colKey));
    for (const col of t.def.cols) {
      if (crossed.has(col.key)) continue;
      const parts = outcomes.map((r) => tableCell(t, r.key, col.key));
      const total = tableCell(t, "handled", col.key);
      const r = checkSum(parts, total);
      if (r.kind === "ok" || r.kind === "unknown") continue;
      const cells = [...parts, total].map((n) => n?.cell);
      const label = colLabel(col);
      const fix = s3Confirmed(t, "handled", col.key, sumFix(parts, total));
      if (r.kind === "blankTotal") {
        emit({
          messageId: "blankTotal",
          cells,
          params: { col: label, expected: r.expected },
          expected: r.expected,
          fix,
        });
      } else {
        emit({
          messageId: "mismatch",
          cells,
          params: { col: label, expected: r.expected, actual: r.actual },
          expected: r.expected,
          actual: r.actual,
          fix,
        });
      }
    }
  },
});
