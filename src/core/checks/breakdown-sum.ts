import { checkSum, countValue } from "./arithmetic";
import { defineCheck } from "./define";
import { sumFix } from "./fix";
import type { Breakdown } from "../model/report";

/** A breakdown that partitions its total (主动公开 by category, 重点领域 by area): the parts sum to the total. */
export const breakdownSum = defineCheck({
  id: "breakdown-sum",
  severity: "error",
  description: {
    zh: "分类条数之和等于合计（主动公开各类别、重点领域各领域）；重点领域合计不超过主动公开合计",
    en: "Category counts sum to their total (proactive categories, key areas); a sub-total does not exceed its whole",
  },
  messages: {
    mismatch: {
      zh: "{block}：各类别之和为{expected}条，合计写为{actual}条。",
      en: "{block}: the categories sum to {expected}, but the total says {actual}.",
    },
    blankTotal: {
      zh: "{block}：合计为空，但各类别之和为{expected}条。",
      en: "{block}: missing total — the total is blank while the categories sum to {expected}.",
    },
    childExceeds: {
      zh: "{child}合计{actual}条，超过{block}合计{expected}条。",
      en: "{child} total {actual} exceeds the {block} total {expected}.",
    },
  },
  run({ report }, emit) {
    const walk = (b: Breakdown): void => {
      if (b.partition && b.total && b.categories.length > 0) {
        const parts = b.categories.map((c) => c.count);
        const r = checkSum(parts, b.total);
        const cells = [...parts, b.total].map((n) => n.cell);
        // Only when every category is a clean number (sumFix refuses blanks, text, fractions, formulas).
        const fix = sumFix(parts, b.total);
        if (r.kind === "mismatch") {
          emit({
            messageId: "mismatch",
            cells,
            params: { block: b.name, expected: r.expected, actual: r.actual },
            expected: r.expected,
            actual: r.actual,
            fix,
          });
        } else if (r.kind === "blankTotal") {
          emit({
            messageId: "blankTotal",
            cells,
            params: { block: b.name, expected: r.expected },
            expected: r.expected,
            fix,
          });
        }
      }
      const whole = b.total?.value !== null ? countValue(b.total) : undefined; // blank: said above
      for (const child of b.children) {
        const part = countValue(child.total);
        if (whole !== undefined && part !== undefined && part > whole) {
          emit({
            messageId: "childExceeds",
            cells: [child.total?.cell, b.total?.cell],
            params: { block: b.name, child: child.name, expected: whole, actual: part },
            expected: whole,
            actual: part,
          });
        }
        walk(child);
      }
    };
    if (report.proactive) walk(report.proactive);
  },
});
