import { cellAddress } from "../grid";
import { defineCheck } from "./define";
import { figures } from "./places";

/** Cells named in the message at most; the finding's cells list them all. */
const SHOWN = 8;

/**
 * Figures held by formulas the file has no result for (written by a program, never opened in Excel): their value is
 * unknown here, but Excel will show one. One cause, one finding, naming every such cell.
 */
export const uncachedFormula = defineCheck({
  id: "uncached-formula",
  severity: "error",
  description: {
    zh: "公式没有计算结果（文件未在 Excel 中保存过）",
    en: "Formulas without a calculated result (the file was never saved by Excel)",
  },
  messages: {
    uncached: {
      zh: "{count} 个数字单元格的公式没有计算结果（{cells}），无法读取其数值。请在 Excel 中打开并保存一次，以便计算公式结果。",
      en: "{count} figure cell(s) hold formulas without a calculated result ({cells}); their values cannot be read. Open and save the file once in Excel so that the formulas are calculated.",
    },
  },
  run(ctx, emit) {
    const cells = figures(ctx)
      .filter((f) => f.num.issue === "uncached-formula" && f.num.cell)
      .map((f) => f.num.cell!);
    if (cells.length === 0) return;
    const names = cells.slice(0, SHOWN).map(cellAddress).join("、") + (cells.length > SHOWN ? "…" : "");
    emit({ messageId: "uncached", cells, params: { count: cells.length, cells: names } });
  },
});
