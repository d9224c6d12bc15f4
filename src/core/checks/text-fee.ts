import { defineCheck } from "./define";
import { emitTextVerdicts } from "../text";

/** The fee sentence of the text agrees with the information processing fee figure. The facts come from src/core/text (one extraction per run). */
export const textFee = defineCheck({
  id: "text-fee",
  severity: "error",
  description: {
    zh: "正文所写信息处理费与填写的信息处理费相符",
    en: "The fee sentence of the text agrees with the information processing fee figure",
  },
  messages: {
    differs: {
      zh: "正文写“{said}”（{value}元），但信息处理费填写为{fee}元。",
      en: "The text says “{said}” ({value} yuan), but the fee figure is {fee} yuan.",
    },
  },
  run: emitTextVerdicts("fee", ["differs"]),
});
