import { cellKey } from "../model/format";
import type { Num } from "../model/report";
import { arith, clean, sameNumber } from "./arithmetic";
import { defineCheck } from "./define";
import { rowLabel, tableCell } from "./places";
import { priorOf } from "./prior";

/**
 * Heuristic: 现行有效件数(Y) = 现行有效件数(Y-1) + 本年制发件数 - 本年废止件数. In the 2019 trial format:
 * 对外公开总数量(Y) is at most 对外公开总数量(Y-1) + 本年新公开数量 (more has no source).
 */
export const inForce = defineCheck({
  id: "in-force",
  severity: "warning",
  description: {
    zh: "现行有效件数 ≈ 上年现行有效件数 + 本年制发件数 − 本年废止件数（2019年格式：对外公开总数量不多于上年总数量 + 本年新公开数量）",
    en: "In force ≈ last year's in force + issued − repealed (2019 format: total public at most last year's total + published this year)",
  },
  messages: {
    mismatch: {
      zh: "二、第二十条第（一）项“{row}”：上年现行有效{prior}件 + 本年制发{issued}件 − 本年废止{repealed}件 = {expected}件，现行有效件数填写为{actual}件。",
      en: "Section 二 item (1), “{row}”: last year in force {prior} + issued {issued} − repealed {repealed} = {expected}, but in force says {actual}.",
    },
    negative: {
      zh: "二、第二十条第（一）项“{row}”：本年废止{repealed}件，多于上年现行有效{prior}件与本年制发{issued}件之和，三者不可能同时成立；现行有效件数填写为{actual}件。",
      en: "Section 二 item (1), “{row}”: {repealed} repealed is more than last year's {prior} in force plus {issued} issued; these cannot all hold. In force says {actual}.",
    },
    totalPublic: {
      zh: "二、第二十条第（一）项“{row}”：上年对外公开总数量{prior}件，本年新公开{published}件，对外公开总数量却为{actual}件，多出{extra}件未见来源。",
      en: "Section 二 item (1), “{row}”: last year's total public {prior} plus {published} published this year cannot make {actual}; {extra} have no source.",
    },
  },
  run({ report }, emit) {
    const t = report.section2["s2.item1"];
    if (!t) return;
    if (t.def.format === "2019") {
      const priorTable = priorOf(report)?.section2["s2.item1"];
      if (priorTable?.def.format !== "2019") return;
      for (const row of t.def.rows) {
        const priorNum = tableCell(priorTable, row.key, "totalPublic");
        const pubNum = tableCell(t, row.key, "published");
        const nowNum = tableCell(t, row.key, "totalPublic");
        if (priorNum?.value === null || priorNum?.value === undefined) continue;
        const prior = arith(priorNum);
        const published = arith(pubNum);
        const actual = arith(nowNum);
        if (prior === undefined || published === undefined || actual === undefined) continue;
        const extra = clean(actual - prior - published);
        if (extra <= 0) continue;
        emit({
          messageId: "totalPublic",
          cells: [nowNum?.cell, priorNum.cell, pubNum?.cell],
          params: { row: rowLabel(t.def, row.key), prior, published, actual, extra },
        });
      }
      return;
    }
    if (t.def.format !== "2021") return;
    const priorTable = priorOf(report)?.section2["s2.item1"];
    for (const row of t.def.rows) {
      let priorNum: Num | undefined = t.prior?.[cellKey(row.key, "inForce")];
      if (!priorNum && priorTable?.def.format === "2021") priorNum = tableCell(priorTable, row.key, "inForce");
      const issuedNum = tableCell(t, row.key, "issued");
      const repealedNum = tableCell(t, row.key, "repealed");
      const nowNum = tableCell(t, row.key, "inForce");
      const prior = arith(priorNum);
      const issued = arith(issuedNum);
      const repealed = arith(repealedNum);
      const actual = arith(nowNum);
      if (prior === undefined || issued === undefined || repealed === undefined || actual === undefined) continue;
      // A blank last-year figure is more likely unknown than 0: do not guess.
      if (priorNum?.value === null) continue;
      // 编制 (preparing): this year's 现行有效件数 left blank is not filled in yet.
      if (report.meta.mode?.value === "编制" && nowNum?.value === null && !nowNum.issue) continue;
      const expected = clean(prior + issued - repealed);
      if (sameNumber(expected, actual)) continue;
      if (expected < 0) {
        // No negative count is ever shown as what a cell should hold: say what cannot hold.
        emit({
          messageId: "negative",
          cells: [nowNum?.cell, priorNum?.cell, issuedNum?.cell, repealedNum?.cell],
          params: { row: rowLabel(t.def, row.key), prior, issued, repealed, actual },
        });
        continue;
      }
      emit({
        messageId: "mismatch",
        cells: [nowNum?.cell, priorNum?.cell, issuedNum?.cell, repealedNum?.cell],
        params: { row: rowLabel(t.def, row.key), prior, issued, repealed, expected, actual },
        expected,
        actual,
      });
    }
  },
});
