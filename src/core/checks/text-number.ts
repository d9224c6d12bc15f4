import { defineCheck, figures } from "./define";
import { typedText } from "./values";

/** A number typed as text ("1,234", "１２", "12件"): read as the number, but Excel will not sum it. */
export const textNumber = defineCheck({
  id: "text-number",
  severity: "warning",
  description: {
    zh: "以文本形式录入的数字（按数字读取，但 Excel 公式不会计入）",
    en: "A number typed as text (read as the number, but Excel formulas skip it)",
  },
  messages: {
    text: {
      zh: "{label}：“{text}”是文本形式的数字，已按{value}读取；请改为数字格式，以免 Excel 求和时漏算。",
      en: "{label}: “{text}” is a number typed as text, read as {value}; enter it as a number so that Excel sums it.",
    },
  },
  run(ctx, emit) {
    for (const f of figures(ctx)) {
      if (f.num.issue !== "text" || f.num.value === null) continue;
      const text = f.num.text ?? String(f.num.value);
      emit({
        messageId: "text",
        cells: [f.num.cell],
        params: { label: f.label(), text, value: f.num.value },
        expected: f.num.value,
        // The typed text, marked as such: "应为 2，实为 文本“2”" (not "应为 2，实为 2"). Hosts show `text "2"` in English.
        actual: typedText(text),
      });
    }
  },
});
