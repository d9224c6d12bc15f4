import type { CellRef } from "../grid";
import type { TableData } from "../model/report";
import { sameNumber } from "./arithmetic";
import { defineCheck } from "./define";
import { priorOf } from "./prior";

/** Fewer shared figures than this say nothing about copying (a last-year row of 7 carry-over cells, say). */
const MIN_COMPARED = 10;

/** Every figure identical to last year's report: probably last year's sheet copied forward. */
export const copiedForward = defineCheck({
  id: "copied-forward",
  severity: "warning",
  description: {
    zh: "本年所有数字与上年报告完全相同（疑似沿用上年数据）",
    en: "Every figure identical to last year's report (probably copied forward)",
  },
  messages: {
    identical: {
      zh: "本年{count}个数字与上年报告完全相同，请确认不是沿用了上年的数据。",
      en: "All {count} figures are identical to last year's report; make sure last year's figures were not copied forward.",
    },
  },
  run({ report }, emit) {
    const prior = priorOf(report);
    if (!prior) return;
    const pairs: [TableData | undefined, TableData | undefined][] = [
      [report.section3, prior.section3],
      [report.section4, prior.section4],
      ...Object.entries(report.section2).map(([id, t]): [TableData, TableData | undefined] => [t, prior.section2[id]]),
    ];
    let compared = 0;
    let nonZero = false;
    const cells: CellRef[] = [];
    for (const [now, before] of pairs) {
      if (!now || !before || now.def.format !== before.def.format) continue;
      for (const [key, n] of Object.entries(now.cells)) {
        const p = before.cells[key];
        if (n.value === null || !p || p.value === null) continue;
        if (!sameNumber(n.value, p.value)) return;
        compared++;
        if (n.value !== 0) nonZero = true;
        if (n.cell) cells.push(n.cell);
      }
    }
    // All zeros two years running is plausible for a small body.
    if (compared < MIN_COMPARED || !nonZero) return;
    emit({ messageId: "identical", cells, params: { count: compared } });
  },
});
