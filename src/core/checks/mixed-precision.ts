import { defineCheck } from "./define";
import { breakdowns } from "./places";

/** One precision per list: shares of one breakdown written with different numbers of decimals. */
export const mixedPrecision = defineCheck({
  id: "mixed-precision",
  severity: "warning",
  description: {
    zh: "同一组占比的小数位数不一致（同类数字应保留相同位数）",
    en: "Shares of one list written with different numbers of decimals (one precision per list)",
  },
  messages: {
    mixed: {
      zh: "{block}：各项占比的小数位数不一致（{found}位），应统一保留{decimals}位小数。",
      en: "{block}: the shares use different numbers of decimals ({found}); use {decimals} decimals throughout.",
    },
  },
  run({ report }, emit) {
    for (const b of breakdowns(report)) {
      const shares = b.categories.flatMap((c) => (c.share ? [c.share] : []));
      const found = [...new Set(shares.map((s) => s.decimals))].sort((a, b) => a - b);
      if (found.length < 2) continue;
      const decimals = found[found.length - 1]!;
      emit({
        messageId: "mixed",
        cells: shares.map((s) => s.cell),
        params: { block: b.name, found: found.join("/"), decimals },
        expected: decimals,
        actual: found.join("/"),
      });
    }
  },
});
