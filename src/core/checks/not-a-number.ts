import { defineCheck, figures } from "./define";

/** A figure cell holding text that is not a number, an error value (#REF!) or TRUE/FALSE. */
export const notANumber = defineCheck({
  id: "not-a-number",
  severity: "error",
  description: {
    zh: "数字单元格中的文字、错误值（如 #REF!）或逻辑值",
    en: "Text that is not a number, an error value (#REF! …) or TRUE/FALSE where a figure belongs",
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
  },
  run(ctx, emit) {
    for (const f of figures(ctx)) {
      const { issue, cell } = f.num;
      if (f.num.value !== null || !issue || issue === "text") continue;
      const text = f.num.text ?? "";
      const messageId = issue === "error-value" ? "errorValue" : issue === "boolean" ? "boolean" : "text";
      emit({ messageId, cells: [cell], params: { label: f.label(), text }, actual: text });
    }
  },
});
