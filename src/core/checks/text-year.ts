import { defineCheck } from "./define";
import { emitTextVerdicts } from "../text";

/** Years in the text that mean the report year are the report year (±1 for 结转至 next year and 上年结转). The facts come from src/core/text (one extraction per run). */
export const textYear = defineCheck({
  id: "text-year",
  severity: "warning",
  description: {
    zh: "正文中指本年度的年份与报告年度相符（结转至下一年度、上年结转的年份相应加减1）",
    en: "Years in the text that mean the report year are the report year (±1 for 结转至 next year and 上年结转)",
  },
  messages: {
    this: {
      zh: "正文写{found}年，但报告年度为{year}年（疑似沿用其他年度的文字）。",
      en: "The text says {found}, but the report is for {year} (perhaps another year's text reused).",
    },
    next: {
      zh: "正文写结转至{found}年，下一年度应为{want}年。",
      en: "The text carries over to {found}; the next year is {want}.",
    },
    last: {
      zh: "正文写{found}年转入本年，上一年度应为{want}年。",
      en: "The text says carried over from {found}; last year is {want}.",
    },
  },
  run: emitTextVerdicts("year", ["this", "next", "last"]),
});
