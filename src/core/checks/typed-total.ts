import type { CellRef } from "../grid";
import { cellKey } from "../model/format";
import { isComputedTotal } from "../model/preparing";
import { defineCheck } from "./define";
import { breakdowns, tables, tableTitle } from "./places";

/**
 * 编制 (preparing): the sheet computes every total with a SUM formula. A number typed over one of them no
 * longer follows its parts: one finding per table, naming the cells. Nothing is said in 核对 (checking a
 * published report, whose totals are typed from the report) or when the sheet does not state its mode.
 */
export const typedTotal = defineCheck({
  id: "typed-total",
  severity: "warning",
  description: {
    zh: "编制方式下，总计、合计单元格的公式被手填数字覆盖",
    en: "Preparing (编制): a total's SUM formula overwritten by a typed number",
  },
  messages: {
    typed: {
      zh: "{block}：{count}个总计/合计单元格原为公式，现为手填数字，修改分项后不会随之更新；请恢复公式（可从相邻的合计单元格复制），或把“填报方式”改为“核对”。",
      en: "{block}: {count} total cell(s) hold a typed number instead of their SUM formula and no longer follow their parts; restore the formula (copy it from a neighbouring total), or set 填报方式 to 核对.",
    },
  },
  run(ctx, emit) {
    if (ctx.report.meta.mode?.value !== "编制") return;
    for (const t of tables(ctx.report)) {
      const cells: CellRef[] = [];
      for (const r of t.def.rows) {
        for (const c of t.def.cols) {
          if (!isComputedTotal(t.def, r.key, c.key)) continue;
          const n = t.cells[cellKey(r.key, c.key)];
          if (n?.cell && !n.formula && (n.value !== null || n.issue)) cells.push(n.cell);
        }
      }
      if (cells.length > 0)
        emit({ messageId: "typed", cells, params: { block: tableTitle(t.def), count: cells.length } });
    }
    for (const b of breakdowns(ctx.report)) {
      const n = b.total;
      if (b.categories.length === 0 || !n?.cell || n.formula || (n.value === null && !n.issue)) continue;
      emit({ messageId: "typed", cells: [n.cell], params: { block: b.name, count: 1 } });
    }
  },
});
