import { defineCheck } from "./define";
import { emitTextVerdicts } from "../text";

/** Items listed after 其中 in the text add up to their total; a list of results covers every non-zero result of the tables. The facts come from src/core/text (one extraction per run). */
export const textSum = defineCheck({
  id: "text-sum",
  severity: "error",
  description: {
    zh: "正文中“其中”所列各项之和等于所写合计；所列办理结果覆盖表格中不为0的各项",
    en: "Items listed after 其中 in the text add up to their total; a list of results covers every non-zero result of the tables",
  },
  messages: {
    list: {
      zh: "正文所列{count}项之和为{sum}，与所写合计“{figure}”不符（相差{diff}）。",
      en: "The {count} items listed in the text sum to {sum}, not to the stated total “{figure}” (off by {diff}).",
    },
    omits: {
      zh: "正文所列办理结果之和为{sum}件，办理结果总计为{handled}件：未写{left}。",
      en: "The results listed in the text sum to {sum}, but {handled} were handled: the text leaves out {left}.",
    },
  },
  run: emitTextVerdicts("sum", ["list", "omits"]),
});
