import { arith, clean, countValue, sameNumber } from "./arithmetic";
import { defineCheck } from "./define";
import { breakdowns } from "./places";
import { priorTotalOf } from "./prior";

/** A stated 比上年新增 D equals this year's total minus last year's, when last year's total is known. */
export const statedIncrease = defineCheck({
  id: "stated-increase",
  severity: "error",
  description: {
    zh: "所写“比上年新增”等于本年合计减上年合计（已知上年合计时）",
    en: "A stated increase over last year equals this year's total minus last year's (when last year's is known)",
  },
  messages: {
    wrong: {
      zh: "{block}：本年{total}条，上年{prior}条，比上年新增应为{expected}条，写为{actual}条。",
      en: "{block}: {total} this year and {prior} last year make an increase of {expected}, but the report says {actual}.",
    },
  },
  run({ report }, emit) {
    for (const b of breakdowns(report)) {
      const stated = arith(b.statedIncrease);
      const total = countValue(b.total);
      const priorNum = priorTotalOf(report, b);
      const prior = countValue(priorNum);
      if (stated === undefined || b.statedIncrease?.value === null || total === undefined || prior === undefined) {
        continue;
      }
      const expected = clean(total - prior);
      if (sameNumber(expected, stated)) continue;
      emit({
        messageId: "wrong",
        cells: [b.statedIncrease?.cell, b.total?.cell, priorNum?.cell],
        params: { block: b.name, total, prior, expected, actual: stated },
        expected,
        actual: stated,
      });
    }
  },
});
