import type { CellRef } from "../grid";
import { defineCheck, figures, isBlank } from "./define";

/** Blank cells where the format expects a figure: counted as 0, but the format wants 0 written out. One finding per table. */
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
  },
  run(ctx, emit) {
    const byBlock = new Map<string, (CellRef | undefined)[]>();
    for (const f of figures(ctx)) {
      if (!f.required || !isBlank(f.num)) continue;
      const list = byBlock.get(f.block) ?? [];
      list.push(f.num.cell);
      byBlock.set(f.block, list);
    }
    for (const [block, cells] of byBlock) {
      emit({ messageId: "blank", cells, params: { block, count: cells.length } });
    }
  },
});
