import type { Num } from "../model/report";
import { formatPercent, MAX_DECIMALS, shareUnits } from "../shares";
import type { TieRule } from "../shares/types";
import { arith, countValue, statedUnits } from "./arithmetic";
import { defineCheck } from "./define";
import { breakdowns } from "./places";
import { priorTotalOf } from "./prior";

/**
 * A stated 同比增长/下降 x% equals (this - last) / last at the stated precision. Last year's figure is
 * the sheet's or last year's report's; failing those, the one a stated 比上年新增 D implies (total - D).
 * Without any, nothing is said.
 */
export const statedYoy = defineCheck({
  id: "stated-yoy",
  severity: "error",
  description: {
    zh: "所写“同比增长/下降x%”等于（本年−上年）÷上年，按所写精度舍入（上年数已知时）",
    en: "A stated year-on-year change equals (this − last) / last at the stated precision (when last year's figure is known)",
  },
  messages: {
    wrong: {
      zh: "{block}：本年{total}条，上年{prior}条，同比变化应为{expected}，写为{actual}。",
      en: "{block}: {total} this year against {prior} last year is a change of {expected}, but the report says {actual}.",
    },
    wrongImplied: {
      zh: "{block}：本年{total}条，比上年新增{increase}条（即上年{prior}条），同比变化应为{expected}，写为{actual}。",
      en: "{block}: {total} this year, {increase} more than last year (so {prior} last year), is a change of {expected}, but the report says {actual}.",
    },
  },
  run({ report, options }, emit) {
    for (const b of breakdowns(report)) {
      const stated = b.statedYoY;
      const total = countValue(b.total);
      if (!stated || total === undefined || stated.decimals > MAX_DECIMALS) continue;
      let priorNum: Num | undefined = priorTotalOf(report, b);
      let prior = countValue(priorNum);
      let implied = false;
      const increase = b.statedIncrease?.value != null ? arith(b.statedIncrease) : undefined;
      if (prior === undefined && increase !== undefined && Number.isInteger(increase)) {
        prior = total - increase;
        priorNum = b.statedIncrease;
        implied = true;
      }
      if (prior === undefined || prior <= 0) continue;
      const units = changeUnits(total, prior, stated.decimals, options.rounding);
      if (units === statedUnits(stated.value, stated.decimals)) continue;
      const expected = formatPercent(units, stated.decimals);
      const params = { block: b.name, total, prior, expected, actual: stated.text };
      emit({
        messageId: implied ? "wrongImplied" : "wrong",
        cells: [stated.cell, b.total?.cell, priorNum?.cell],
        params: implied ? { ...params, increase: increase! } : params,
        expected,
        actual: stated.text,
      });
    }
  },
});

/** (now - before) / before in units of 10^-decimals percent, rounded half away from zero (or to even). */
function changeUnits(now: number, before: number, decimals: number, rounding: TieRule): number {
  const diff = now - before;
  const u = shareUnits(Math.abs(diff), before, decimals, rounding) ?? 0;
  return diff < 0 ? -u : u;
}
