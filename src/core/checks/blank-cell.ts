import type { CellRef } from "../grid";
import { S4_GROUPS } from "../model/format";
import type { Num, Report } from "../model/report";
import { checkSum, isBlankFigure } from "./arithmetic";
import { defineCheck } from "./define";
import { breakdowns, figures, tableCell } from "./places";
import { nothingFilledIn } from "./no-figures";

/**
 * Blank cells where the format expects a figure: counted as 0, but the format wants 0 written out. One finding
 * per table, its cells in sheet order. A blank total beside non-zero parts is left out: the sum checks
 * (s3-row-sum, s3-column-sum, s4-group-sum, breakdown-sum) report it as an error, and it wants the sum, not 0.
 * Nothing is said about a free-form block left entirely blank (optional, not used), nor when no figure at all is
 * filled in (no-figures says it). On a sheet that states 编制 (preparing) a blank is a figure not filled in yet:
 * the same finding, as information.
 */
export const blankCell = defineCheck({
  id: "blank-cell",
  severity: "warning",
  description: {
    zh: "表格中应填数字的空白单元格（按0计算，但格式要求填写0）",
    en: "Blank cells where the format expects a figure (counted as 0; the format wants 0 written out)",
  },
  messages: {
    blank: {
      zh: "{block}：有{count}个单元格为空，已按0计算；格式要求填写0。",
      en: "{block}: {count} blank cell(s), counted as 0; the format wants 0 written out.",
    },
    unfilled: {
      zh: "{block}：尚未填写{count}项（没有的请填0；生成报告时空白按0计）。",
      en: "{block}: {count} figure(s) not filled in yet (write 0 where there is none; 生成报告 counts a blank as 0).",
    },
  },
  run(ctx, emit) {
    // A blank template: no-figures says so once, not a warning per table.
    if (nothingFilledIn(ctx)) return;
    const missingTotals = blankTotals(ctx.report);
    const preparing = ctx.report.meta.mode?.value === "编制";
    const byBlock = new Map<string, Num[]>();
    const filled = new Set<string>();
    for (const f of figures(ctx)) {
      // Something typed (a formula computes, so it does not make a block "used").
      if (f.required && (f.num.value !== null || f.num.issue) && !f.num.formula) filled.add(f.block);
      if (!f.required || !isBlankFigure(f.num) || missingTotals.has(f.num)) continue;
      const list = byBlock.get(f.block) ?? [];
      list.push(f.num);
      byBlock.set(f.block, list);
    }
    // A free-form block (主动公开政府信息分类, 重点领域信息) left entirely blank is an optional block not used.
    const freeForm = new Set(breakdowns(ctx.report).map((b) => b.name));
    for (const [block, nums] of byBlock) {
      if (freeForm.has(block) && !filled.has(block)) continue;
      const cells = nums.map((n) => n.cell).filter((c): c is CellRef => c !== undefined);
      cells.sort((a, b) => (a.sheet === b.sheet ? a.row - b.row || a.col - b.col : a.sheet < b.sheet ? -1 : 1));
      // 编制 (preparing): a blank is a figure not filled in yet, not a mistake.
      if (preparing) emit({ messageId: "unfilled", severity: "info", cells, params: { block, count: nums.length } });
      else emit({ messageId: "blank", cells, params: { block, count: nums.length } });
    }
  },
});

/** Totals that are blank beside parts summing to more than 0: an error of a sum check, not a forgotten 0. */
function blankTotals(report: Report): Set<Num> {
  const out = new Set<Num>();
  const add = (parts: (Num | undefined)[], total: Num | undefined): void => {
    if (total && checkSum(parts, total).kind === "blankTotal") out.add(total);
  };
  const s3 = report.section3;
  if (s3) {
    const parts = s3.def.cols.filter((c) => c.key !== "total");
    for (const row of s3.def.rows) {
      add(
        parts.map((c) => tableCell(s3, row.key, c.key)),
        tableCell(s3, row.key, "total"),
      );
    }
    const outcomes = s3.def.rows.filter((r) => r.outcome);
    for (const col of s3.def.cols) {
      add(
        outcomes.map((r) => tableCell(s3, r.key, col.key)),
        tableCell(s3, "handled", col.key),
      );
    }
  }
  const s4 = report.section4;
  if (s4) {
    const row = s4.def.rows[0]?.key ?? "count";
    for (const g of S4_GROUPS) {
      add(
        ["upheld", "corrected", "other", "pending"].map((p) => tableCell(s4, row, `${g.key}.${p}`)),
        tableCell(s4, row, `${g.key}.total`),
      );
    }
  }
  for (const b of breakdowns(report)) {
    if (b.partition && b.total && b.categories.length > 0)
      add(
        b.categories.map((c) => c.count),
        b.total,
      );
  }
  return out;
}
