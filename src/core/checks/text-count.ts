import { defineCheck } from "./define";
import { emitTextVerdicts } from "../text";

/** Counts in the report's text agree with the tables (received, handled, carried over, results, applicants, reviews and suits). The facts come from src/core/text (one extraction per run). */
export const textCount = defineCheck({
  id: "text-count",
  severity: "error",
  description: {
    zh: "正文中的申请件数与表格相符（受理、办结、结转、各办理结果、申请人、复议诉讼）",
    en: "Counts in the report's text agree with the tables (received, handled, carried over, results, applicants, reviews and suits)",
  },
  messages: {
    wrong: {
      zh: "正文写“{figure}”，与表格不符：表格中{what}为{expected}。",
      en: "The text says “{figure}”, but the tables give {what} = {expected}.",
    },
    scope: {
      zh: "正文写“{figure}”，等于本年新收{received}件加上年结转{carried}件，而表格本年新收为{received}件：应写明“含上年结转{carried}件”，或改为{received}件。",
      en: "The text says “{figure}”, which is {received} new plus {carried} carried over, while the tables give {received} new: say that it includes the {carried} carried over, or write {received}.",
    },
    unmatched: {
      zh: "正文写“{figure}”，与表格对不上（表格中{what}为{expected}）；句中有“{words}”，可能只是其中一部分，请核对并写明范围。",
      en: "The text says “{figure}”, which matches no figure of the tables ({what} = {expected}); the sentence says “{words}”, so it may be a part only: check it and say what it covers.",
    },
    missing: {
      zh: "“{words}”缺少数字：“{unit}”前没有写数量。",
      en: "“{words}” lacks its figure: no count before “{unit}”.",
    },
  },
  run: emitTextVerdicts("count", ["wrong", "scope", "unmatched", "missing"]),
});
