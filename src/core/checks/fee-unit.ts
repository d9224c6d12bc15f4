import { defineCheck } from "./define";
import { tableCell } from "./places";

/** Above this a body's 收费金额 in 万元 (10亿元) is almost certainly a figure in 元 typed into the 万元 column. */
export const WAN_YUAN_LIMIT = 100000;

/** Amounts in the wrong unit: 收费金额 in 万元 that looks like 元; 信息处理费 (元) with more than 2 decimals or negative. */
export const feeUnit = defineCheck({
  id: "fee-unit",
  severity: "warning",
  description: {
    zh: "金额单位疑似有误：收费金额（万元）数额过大疑为元；信息处理费（元）超过2位小数或为负数",
    en: "Amounts in a doubtful unit: 收费金额 (万元) so large it looks like 元; 信息处理费 (元) with over 2 decimals or negative",
  },
  messages: {
    wanYuan: {
      zh: "二、行政事业性收费金额为{value}万元（即{yuan}亿元），数额异常，是否误填了以元为单位的金额？",
      en: "Section 二: the fees amount to {value} 万元 ({yuan} 亿元), which looks like a figure in 元 typed into the 万元 column.",
    },
    feeDecimals: {
      zh: "信息处理费为{value}元，超过2位小数（分），请核实单位。",
      en: "The information processing fee is {value} 元, with more than 2 decimals (below 1 分); check the unit.",
    },
    feeNegative: {
      zh: "信息处理费为{value}元，不能为负数。",
      en: "The information processing fee is {value} 元; it cannot be negative.",
    },
  },
  run({ report }, emit) {
    const t = report.section2["s2.item8"];
    const amount = t ? tableCell(t, "fees", "amount") : undefined;
    if (amount && amount.value !== null && amount.value > WAN_YUAN_LIMIT) {
      emit({
        messageId: "wanYuan",
        cells: [amount.cell],
        params: { value: amount.value, yuan: Number((amount.value / 10000).toFixed(4)) },
        actual: amount.value,
      });
    }
    const fee = report.meta.fee;
    if (fee && fee.value !== null) {
      if (fee.value < 0) {
        emit({ messageId: "feeNegative", cells: [fee.cell], params: { value: fee.value }, actual: fee.value });
      } else if (!Number.isInteger(Math.round(fee.value * 100 * 1e6) / 1e6)) {
        emit({ messageId: "feeDecimals", cells: [fee.cell], params: { value: fee.value }, actual: fee.value });
      }
    }
  },
});
