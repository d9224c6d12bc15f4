import { defineCheck } from "./define";
import { emitTextVerdicts } from "../text";

/** Shares in the text equal the count over the whole it names at the decimals written; one precision per list. The facts come from src/core/text (one extraction per run). */
export const textShare = defineCheck({
  id: "text-share",
  severity: "error",
  description: {
    zh: "正文所写占比等于所写件数除以所指总数、按所写小数位数舍入；同一组占比小数位数一致",
    en: "Shares in the text equal the count over the whole it names at the decimals written; one precision per list",
  },
  messages: {
    wrong: {
      zh: "正文所写占比{actual}有误：{count}÷{whole}按所写小数位数应为{expected}。",
      en: "The share {actual} in the text is wrong: {count} / {whole} at the decimals written is {expected}.",
    },
    mixed: {
      zh: "同一组占比的小数位数不一致（{list}，分别保留{decimals}位小数），应保留相同位数。",
      en: "Shares of one list are written with different decimals ({list}: {decimals} decimals); use one precision.",
    },
  },
  run: emitTextVerdicts("share", ["wrong", "mixed"]),
});
