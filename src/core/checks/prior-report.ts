import { defineCheck } from "./define";
import { priorMismatch } from "./prior";

/**
 * Last year's report is compared with this one before any cross-year check: another unit or not the year
 * before is one warning, and the cross-year checks (carry-over, in-force, copied-forward, 同比) skip it.
 */
export const priorReport = defineCheck({
  id: "prior-report",
  severity: "warning",
  description: {
    zh: "上年报告与本报告是同一单位、上一年度（否则不做跨年核对）",
    en: "Last year's report is the same unit's report of the year before (else no cross-year checks)",
  },
  messages: {
    unit: {
      zh: "上年报告是另一单位的（“{there}”，本报告为“{here}”），未做跨年核对。",
      en: "Last year's report is another unit's (“{there}”; this report is “{here}”); cross-year checks were skipped.",
    },
    year: {
      zh: "上年报告是另一年度的（{actual}年，应为{expected}年），未做跨年核对。",
      en: "Last year's report is of another year ({actual}, expected {expected}); cross-year checks were skipped.",
    },
  },
  run({ report }, emit) {
    const m = priorMismatch(report);
    if (!m) return;
    const cells = [report.meta.body?.cell, report.meta.year?.cell];
    if (m.kind === "unit") emit({ messageId: "unit", cells, params: { here: m.here, there: m.there } });
    else
      emit({
        messageId: "year",
        cells,
        params: { expected: m.expected, actual: m.actual },
        expected: m.expected,
        actual: m.actual,
      });
  },
});
