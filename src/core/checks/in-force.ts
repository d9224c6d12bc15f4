import { cellKey } from "../model/format";
import type { Num } from "../model/report";
import { arith, clean, defineCheck, rowLabel, sameNumber, tableCell } from "./define";

/** Heuristic: 现行有效件数(Y) = 现行有效件数(Y-1) + 本年制发件数 - 本年废止件数. */
export const inForce = defineCheck({
  id: "in-force",
  severity: "warning",
  description: {
    zh: "现行有效件数 ≈ 上年现行有效件数 + 本年制发件数 − 本年废止件数",
    en: "In force ≈ last year's in force + issued this year − repealed this year",
  },
  messages: {
    mismatch: {
      zh: "二、第二十条第（一）项“{row}”：上年现行有效{prior}件 + 本年制发{issued}件 − 本年废止{repealed}件 = {expected}件，现行有效件数填写为{actual}件。",
      en: "Section 二 item (1), “{row}”: last year in force {prior} + issued {issued} − repealed {repealed} = {expected}, but in force says {actual}.",
    },
  },
  run({ report }, emit) {
    const t = report.section2["s2.item1"];
    if (!t || t.def.format !== "2021") return;
    const priorTable = report.prior?.section2["s2.item1"];
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
      const expected = clean(prior + issued - repealed);
      if (sameNumber(expected, actual)) continue;
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
