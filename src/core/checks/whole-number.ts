import { defineCheck } from "./define";
import { figures } from "./places";

/** Counts are whole numbers >= 0; 本年增/减 may be negative; 万元 amounts may have decimals but not be negative. */
export const wholeNumber = defineCheck({
  id: "whole-number",
  severity: "error",
  description: {
    zh: "件数、条数为不小于0的整数；本年增/减可为负；万元金额可有小数但不为负",
    en: "Counts are whole numbers >= 0; 本年增/减 may be negative; amounts in 万元 may have decimals but are >= 0",
  },
  messages: {
    fraction: {
      zh: "{label}：件数应为整数，填写为{value}。",
      en: "{label}: a count must be a whole number, found {value}.",
    },
    negative: {
      zh: "{label}：件数不能为负数，填写为{value}。",
      en: "{label}: a count cannot be negative, found {value}.",
    },
    negativeAmount: {
      zh: "{label}：金额不能为负数，填写为{value}。",
      en: "{label}: an amount cannot be negative, found {value}.",
    },
  },
  run(ctx, emit) {
    for (const f of figures(ctx)) {
      const v = f.num.value;
      if (v === null || f.kind === "yuan") continue; // the fee in 元 is fee-unit's
      // The label is built only for a figure with a finding (most figures have none).
      const params = () => ({ label: f.label(), value: v });
      if (f.kind === "wan-yuan") {
        if (v < 0) emit({ messageId: "negativeAmount", cells: [f.num.cell], params: params(), actual: v });
        continue;
      }
      if (!Number.isInteger(v)) {
        emit({ messageId: "fraction", cells: [f.num.cell], params: params(), actual: v });
      } else if (v < 0 && f.kind === "count") {
        emit({ messageId: "negative", cells: [f.num.cell], params: params(), actual: v });
      }
    }
  },
});
