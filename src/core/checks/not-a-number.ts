import { defineCheck } from "./define";
import { figures } from "./places";

/**
 * A figure cell holding text that is not a number, an error value (#REF!), TRUE/FALSE, or a date or time (a number
 * formatted as one: never taken as a count). Formulas without a result are uncached-formula's finding.
 */
export const notANumber = defineCheck({
  id: "not-a-number",
  severity: "error",
  description: {
    zh: "数字单元格中的文字、错误值（如 #REF!）、逻辑值或日期、时间",
    en: "Text that is not a number, an error value (#REF! …), TRUE/FALSE or a date or time where a figure belongs",
  },
  messages: {
    text: {
      zh: "{label}：应填数字，填写的是“{text}”。",
      en: "{label}: a number belongs here, found “{text}”.",
    },
    errorValue: {
      zh: "{label}：单元格为错误值 {text}，请检查公式。",
      en: "{label}: the cell holds the error value {text}; check its formula.",
    },
    boolean: {
      zh: "{label}：应填数字，填写的是逻辑值 {text}。",
      en: "{label}: a number belongs here, found the logical value {text}.",
    },
    date: {
      zh: "{label}：应填数字，单元格是日期 {text}（按数字为 {serial}），未作为数字读取；如本是数字，请将单元格格式改为“常规”或“数值”后核对。",
      en: "{label}: a number belongs here, the cell is the date {text} (as a number: {serial}) and was not read as a figure; if it is a number, set the cell format to General or Number and check it.",
    },
    time: {
      zh: "{label}：应填数字，单元格是时间 {text}（按数字为 {serial}），未作为数字读取；如本是数字，请将单元格格式改为“常规”或“数值”后核对。",
      en: "{label}: a number belongs here, the cell is the time {text} (as a number: {serial}) and was not read as a figure; if it is a number, set the cell format to General or Number and check it.",
    },
  },
  run(ctx, emit) {
    for (const f of figures(ctx)) {
      const { issue, cell } = f.num;
      if (f.num.value !== null || !issue || issue === "text" || issue === "uncached-formula") continue;
      const text = f.num.text ?? "";
      if (issue === "date" || issue === "time") {
        const serial = String(Number((f.num.serial ?? 0).toPrecision(12)));
        emit({ messageId: issue, cells: [cell], params: { label: f.label(), text, serial }, actual: text });
        continue;
      }
      const messageId = issue === "error-value" ? "errorValue" : issue === "boolean" ? "boolean" : "text";
      emit({ messageId, cells: [cell], params: { label: f.label(), text }, actual: text });
    }
  },
});
