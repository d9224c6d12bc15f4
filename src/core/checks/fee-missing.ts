import { defineCheck } from "./define";
import { reportYear } from "./prior";

/** From report year 2021 section 六 reports the 信息处理费 charged, "0 元" included. */
export const feeMissing = defineCheck({
  id: "fee-missing",
  severity: "warning",
  description: {
    zh: "2021年起的报告未填写信息处理费（无收费也应填0）",
    en: "A report for 2021 or later without the information processing fee (write 0 when none was charged)",
  },
  messages: {
    missing: {
      zh: "未填写信息处理费：2021年起的年度报告应在“六、其他需要报告的事项”中报告收取的信息处理费，未收取的填0。",
      en: "The information processing fee is missing: from 2021 section 六 reports the fee charged; write 0 when none was charged.",
    },
  },
  run(ctx, emit) {
    const year = reportYear(ctx);
    const recent = year !== undefined ? year >= 2021 : ctx.report.format === "2021";
    if (!recent) return;
    const fee = ctx.report.meta.fee;
    if (fee && (fee.value !== null || fee.issue)) return; // an unreadable fee is not-a-number's finding
    // 编制 (preparing): the fee is one more figure not filled in yet, not a mistake.
    const preparing = ctx.report.meta.mode?.value === "编制";
    emit({ messageId: "missing", cells: [fee?.cell], ...(preparing ? { severity: "info" as const } : {}) });
  },
});
