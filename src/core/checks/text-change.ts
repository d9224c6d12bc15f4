import { defineCheck } from "./define";
import { emitTextVerdicts } from "../text";

/** Year-on-year changes in the text agree with last year's report (when last year's figure is known). The facts come from src/core/text (one extraction per run). */
export const textChange = defineCheck({
  id: "text-change",
  severity: "error",
  description: {
    zh: "正文所写“同比增长/下降x%”“较上年增加/减少x件”与上年报告相符（上年数已知时）",
    en: "Year-on-year changes in the text agree with last year's report (when last year's figure is known)",
  },
  messages: {
    percent: {
      zh: "正文所写同比变化{actual}有误：本年{now}件、上年{last}件，应为{expected}。",
      en: "The year-on-year change {actual} in the text is wrong: {now} this year against {last} last year is {expected}.",
    },
    count: {
      zh: "正文所写较上年变化{actual}件有误：本年{now}件、上年{last}件，相差{expected}件。",
      en: "The change of {actual} over last year in the text is wrong: {now} this year against {last} last year is {expected}.",
    },
  },
  run: emitTextVerdicts("change", ["percent", "count"]),
});
