import { checkStatedShare } from "../shares";
import { countValue } from "./arithmetic";
import { defineCheck } from "./define";
import { breakdowns } from "./places";

/** A stated 完成率 p% equals total / target at the stated precision, when the target is known. */
export const statedCompletion = defineCheck({
  id: "stated-completion",
  severity: "error",
  description: {
    zh: "所写“完成率”等于合计 ÷ 年度目标，按所写精度舍入（年度目标已知时）",
    en: "A stated completion rate equals total / target at the stated precision (when the target is known)",
  },
  messages: {
    wrong: {
      zh: "{block}：合计{total}条，年度目标{target}条，完成率应为{expected}，写为{actual}。",
      en: "{block}: {total} against a target of {target} is a completion rate of {expected}, but the report says {actual}.",
    },
  },
  run({ report, options }, emit) {
    for (const b of breakdowns(report)) {
      const stated = b.statedCompletion;
      const total = countValue(b.total);
      const target = b.target?.value ? countValue(b.target) : undefined;
      if (!stated || total === undefined || !target) continue;
      const r = checkStatedShare(total, target, stated, options.rounding);
      if (r.ok || r.expectedUnits === null) continue;
      emit({
        messageId: "wrong",
        cells: [stated.cell, b.total?.cell, b.target?.cell],
        params: { block: b.name, total, target, expected: r.expectedText, actual: stated.text },
        expected: r.expectedText,
        actual: stated.text,
      });
    }
  },
});
