import type { Category } from "../model/report";
import { isZeroShareForNonZero, lessThanSmallest, MAX_DECIMALS, shareUnits, formatPercent } from "../shares";
import { countValue, statedWhole } from "./arithmetic";
import { defineCheck } from "./define";
import { breakdowns } from "./places";

/** A non-zero count printed as 0% / 0.00%: a report must never say a non-zero part is 0%. */
export const zeroShare = defineCheck({
  id: "zero-share",
  severity: "error",
  description: {
    zh: "不为0的条数占比写成0%（应增加小数位或写“不足1%”）",
    en: "A non-zero count stated as 0% (use more decimals or write “不足1%”)",
  },
  messages: {
    zero: {
      zh: "{block}：“{category}”有{count}条，占比却写为{actual}；可写为{better}或“{less}”。",
      en: "{block}: “{category}” has {count}, yet its share is written {actual}; write {better} or “{less}” instead.",
    },
  },
  run({ report, options }, emit) {
    for (const b of breakdowns(report)) {
      const whole = statedWhole(b);
      const check = (c: Pick<Category, "name" | "count" | "share">, block: string, total: number | undefined): void => {
        const count = countValue(c.count);
        if (!c.share || count === undefined || !isZeroShareForNonZero(count, c.share)) return;
        const less = lessThanSmallest(Math.min(c.share.decimals, MAX_DECIMALS));
        emit({
          messageId: "zero",
          cells: [c.share.cell, c.count.cell],
          params: {
            block,
            category: c.name,
            count,
            actual: c.share.text,
            better: firstNonZero(count, total, options.rounding) ?? less,
            less,
          },
          expected: less,
          actual: c.share.text,
        });
      };
      for (const c of b.categories) check(c, b.name, whole?.value);
      for (const child of b.children) {
        if (child.total && child.shareOfParent) {
          check({ name: child.name, count: child.total, share: child.shareOfParent }, b.name, whole?.value);
        }
      }
    }
  },
});

/** The share at the fewest decimals (up to 4) that does not round to 0: 2/1119 -> "0.18%". */
function firstNonZero(count: number, total: number | undefined, rounding: "half-up" | "half-even"): string | undefined {
  if (!total) return undefined;
  for (let d = 0; d <= MAX_DECIMALS; d++) {
    const u = shareUnits(count, total, d, rounding);
    if (u) return formatPercent(u, d);
  }
  return undefined;
}
