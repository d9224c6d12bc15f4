import type { Breakdown } from "../model/report";
import { formatPercent } from "../shares";
import { statedUnits } from "./arithmetic";
import { defineCheck } from "./define";
import { breakdowns } from "./places";

/** Stated shares of a partition that do not add up to 100% at their precision (rounding gap, undisclosed). */
export const sharesSum = defineCheck({
  id: "shares-sum",
  severity: "warning",
  description: {
    zh: "构成整体的各项所写占比之和不等于100%（四舍五入误差应加注说明）",
    en: "Stated shares of a whole that do not sum to 100% (a rounding gap should be disclosed in a note)",
  },
  messages: {
    notHundred: {
      zh: "{block}：各项占比之和为{actual}，不等于100%。如系四舍五入所致，请加注“注：因四舍五入，各项占比之和可能不等于100%”，或改用最大余数法。",
      en: "{block}: the stated shares sum to {actual}, not 100%. If rounding is the cause, add the note “注：因四舍五入，各项占比之和可能不等于100%” or use largest remainder.",
    },
  },
  run({ report }, emit) {
    for (const b of breakdowns(report)) check(b);
    function check(b: Breakdown): void {
      if (!b.partition || b.categories.length < 2) return;
      const shares = b.categories.map((c) => c.share);
      if (shares.some((s) => s === undefined)) return;
      const decimals = Math.max(...shares.map((s) => s!.decimals));
      const sum = shares.reduce((a, s) => a + statedUnits(s!.value, decimals), 0);
      const whole = 100 * 10 ** decimals;
      if (sum === whole) return;
      const actual = formatPercent(sum, decimals);
      emit({
        messageId: "notHundred",
        cells: shares.map((s) => s!.cell),
        params: { block: b.name, actual },
        expected: formatPercent(whole, decimals),
        actual,
      });
    }
  },
});
