import { arith } from "./arithmetic";
import { defineCheck } from "./define";
import { tableCell } from "./places";

/** More 行政复议 (or 诉讼) cases than applications handled is possible (old cases) but worth a look. */
export const reviewExceedsApplications = defineCheck({
  id: "review-exceeds-applications",
  severity: "warning",
  description: {
    zh: "行政复议或行政诉讼总数多于本年办理的申请总数（可能填错）",
    en: "Administrative reviews or suits outnumber the applications handled (probably wrong)",
  },
  messages: {
    review: {
      zh: "四、行政复议总计{actual}件，多于三、（七）总计办理的申请{expected}件，请核实。",
      en: "Section 四: {actual} administrative reviews exceed the {expected} applications handled (三 （七）总计); please verify.",
    },
    suit: {
      zh: "四、行政诉讼总计{actual}件（未经复议直接起诉与复议后起诉之和），多于三、（七）总计办理的申请{expected}件，请核实。",
      en: "Section 四: {actual} lawsuits (direct plus after review) exceed the {expected} applications handled (三 （七）总计); please verify.",
    },
  },
  run({ report }, emit) {
    const s3 = report.section3;
    const s4 = report.section4;
    if (!s3 || !s4) return;
    const handledNum = tableCell(s3, "handled", "total");
    const handled = arith(handledNum);
    if (handled === undefined) return;
    const row = s4.def.rows[0]?.key ?? "count";
    const reviewNum = tableCell(s4, row, "review.total");
    const review = arith(reviewNum);
    if (review !== undefined && review > handled) {
      emit({
        messageId: "review",
        cells: [reviewNum?.cell, handledNum?.cell],
        params: { actual: review, expected: handled },
        expected: handled,
        actual: review,
      });
    }
    const direct = tableCell(s4, row, "suitDirect.total");
    const after = tableCell(s4, row, "suitAfterReview.total");
    const a = arith(direct);
    const b = arith(after);
    if (a !== undefined && b !== undefined && a + b > handled) {
      emit({
        messageId: "suit",
        cells: [direct?.cell, after?.cell, handledNum?.cell],
        params: { actual: a + b, expected: handled },
        expected: handled,
        actual: a + b,
      });
    }
  },
});
