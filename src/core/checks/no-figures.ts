import { cellAddress, type CellRef } from "../grid";
import { fillProgress } from "../model/preparing";
import type { CheckContext } from "./types";
import { defineCheck } from "./define";
import { figures, type FigureSite } from "./places";

/**
 * The figures a report must have and a person types: every cell of the national tables and the counts of the
 * free-form proactive block (last-year columns, the fee and the stated percentages are not this year's figures;
 * a formula is the sheet's, and the template's totals over blank parts show 0).
 */
function required(ctx: CheckContext): FigureSite[] {
  return figures(ctx).filter((f) => f.required && f.num.formula === undefined);
}

/**
 * True when the report has figures to fill and not one of them is filled in (a blank template): a number, 0
 * included, or anything unreadable counts as filled. blank-cell says nothing then (no-figures says it once).
 */
export function nothingFilledIn(ctx: CheckContext): boolean {
  // One pass, stopping at the first figure filled in (two checks ask, on every report): no list is built.
  let any = false;
  for (const f of figures(ctx)) {
    if (!f.required || f.num.formula !== undefined) continue;
    if (f.num.value !== null || f.num.issue) return false;
    any = true;
  }
  return any;
}

/** A blank template checked as it is: one error instead of "0 errors" and a blank-cell warning per table. */
export const noFigures = defineCheck({
  id: "no-figures",
  severity: "error",
  description: {
    zh: "表格中没有填写任何数字（空白模板）",
    en: "No figure filled in anywhere in the tables (a blank template)",
  },
  messages: {
    notStarted: {
      zh: "尚未填写数字（已填 0 / {count} 项）：请从 {first} 起填写本年度的分项数字，没有的填0；总计、合计由公式计算。",
      en: "No figures filled in yet (0 of {count}): fill in this year's figures from {first} on (0 where there is none); the totals compute themselves.",
    },
    empty: {
      zh: "未填写任何数据：{count}个应填数字的单元格全部为空；请从 {first} 起填写本年度的数字（没有的填0）后再核对。",
      en: "No figures filled in: all {count} cells that take a figure are blank; fill in this year's figures from {first} on (0 where there is none) and check again.",
    },
  },
  run(ctx, emit) {
    if (!nothingFilledIn(ctx)) return;
    const sites = required(ctx);
    // The first input cell of each table or block, in reading order: where to start filling in.
    const firsts = new Map<string, CellRef>();
    for (const f of sites) if (f.num.cell && !firsts.has(f.block)) firsts.set(f.block, f.num.cell);
    const cells = [...firsts.values()];
    const first = cells[0] ? cellAddress(cells[0]) : `“${sites[0]!.block}”`;
    // A template just inserted for preparing (编制) is not an error: it is where the work starts.
    if (ctx.report.meta.mode?.value === "编制") {
      emit({
        messageId: "notStarted",
        severity: "info",
        cells,
        params: { count: fillProgress(ctx.report).total, first },
      });
    } else emit({ messageId: "empty", cells, params: { count: sites.length, first } });
  },
});
