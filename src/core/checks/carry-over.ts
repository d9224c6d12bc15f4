import { arith, sameNumber } from "./arithmetic";
import { defineCheck } from "./define";
import { colLabel, tableCell } from "./places";
import { priorOf } from "./prior";

/** This year's 二、上年结转 should equal last year's 四、结转下年度继续办理, column by column. */
export const carryOver = defineCheck({
  id: "carry-over",
  severity: "warning",
  description: {
    zh: "本年“二、上年结转”与上年报告“四、结转下年度继续办理”逐列一致",
    en: "This year's 二 carried over equals last year's 四 carried to next year, column by column",
  },
  messages: {
    mismatch: {
      zh: "三、“{col}”列：本年上年结转为{actual}，上年报告结转下年度继续办理为{expected}。",
      en: "Section 三, column “{col}”: carried over from last year is {actual}, but last year's report carried {expected} to this year.",
    },
  },
  run({ report }, emit) {
    const t = report.section3;
    const p = priorOf(report)?.section3;
    if (!t || !p) return;
    for (const col of t.def.cols) {
      const now = tableCell(t, "carried", col.key);
      const before = tableCell(p, "carryNext", col.key);
      // 编制 (preparing): this year's cell left blank is not filled in yet, not a 0 to compare; its 总计 is the
      // sheet's SUM of the parts compared here.
      if (report.meta.mode?.value === "编制" && ((now?.value === null && !now.issue) || now?.formula)) continue;
      const a = arith(now);
      // A blank last-year cell means "not known" (the template's last-year row left empty), not 0.
      const e = before?.value === null || before?.value === undefined ? undefined : arith(before);
      if (a === undefined || e === undefined || sameNumber(a, e)) continue;
      emit({
        messageId: "mismatch",
        cells: [now?.cell, before?.cell],
        params: { col: colLabel(col), expected: e, actual: a },
        expected: e,
        actual: a,
      });
    }
  },
});
