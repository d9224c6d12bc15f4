import { defineCheck } from "./define";

/** The report year could not be found (no 报告年度, no year in the title) and was not given. */
export const noYear = defineCheck({
  id: "no-year",
  severity: "warning",
  description: {
    zh: "未找到报告年度",
    en: "The report year could not be found",
  },
  messages: {
    missing: {
      zh: "未找到报告年度：请在“报告年度”旁填写年份，或在标题中写明“××××年”。与年度有关的检查未进行。",
      en: "The report year was not found: fill in 报告年度 or put the year in the title. Year-dependent checks were skipped.",
    },
  },
  run({ report, options }, emit) {
    if (report.meta.year || options.year !== undefined) return;
    emit({ messageId: "missing", cells: [] });
  },
});
