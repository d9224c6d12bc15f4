/**
 * Varied reports for the benchmarks: the invented 2021 example (scripts/make-examples.ts) with every
 * figure multiplied by a per-report factor (sums and ratios still hold, so a clean report stays clean)
 * and, in every fifth report, the planted error of the example kept (行政复议 总计 one too many).
 */
import type { CellValue, SheetGrid } from "../src/core/grid";
import type { Report } from "../src/core/model/report";
import { planToGrid, templateForReport } from "../src/core/render";
import type { SheetPlan } from "../src/core/render/plan";
import { exampleReport, PLANTED } from "../scripts/make-examples";

export const COUNTS_SHEET = "公开数据";

/** Report number i (0-based): figures x (1 + i % 97); i % 5 === 0 keeps the planted error. */
export function variedReport(i: number): { report: Report; planted: boolean } {
  const report = exampleReport();
  const planted = i % 5 === 0;
  if (!planted) report.section4!.cells[PLANTED.key]!.value = PLANTED.correct;
  const k = 1 + (i % 97);
  scaleFigures(report, k);
  report.meta.body = { text: `示例县第${i + 1}局（虚构）` };
  return { report, planted };
}

/** Multiply every figure (Num.value) by k; years and stated percentages are left alone. */
function scaleFigures(report: Report, k: number): void {
  const seen = new Set<object>();
  const walk = (v: unknown, key: string): void => {
    if (typeof v !== "object" || v === null || seen.has(v) || key === "def" || key === "year") return;
    seen.add(v);
    const o = v as Record<string, unknown>;
    if (typeof o.value === "number" && !("decimals" in o)) {
      o.value = Math.round(o.value * k * 100) / 100;
      return;
    }
    for (const [kk, x] of Object.entries(o)) walk(x, kk);
  };
  walk(report, "");
}

/** The counts-sheet plan of report i, and its sheet as a grid (named `sheet`). */
export function variedPlan(i: number): { plan: SheetPlan; planted: boolean } {
  const { report, planted } = variedReport(i);
  return { plan: templateForReport(report).plan, planted };
}

export function variedGrid(i: number, sheet = COUNTS_SHEET): { grid: SheetGrid; planted: boolean } {
  const { plan, planted } = variedPlan(i);
  return { grid: { ...planToGrid(plan), name: sheet }, planted };
}

/** A sheet of `rows` x `cols` other content: a label, numbers, and a formula (=B{n}*2, with its value) last. */
export function otherSheet(name: string, rows: number, cols: number): SheetGrid {
  const values: CellValue[][] = [];
  const formulas: string[][] = [];
  for (let r = 0; r < rows; r++) {
    const v: CellValue[] = [];
    const f: string[] = [];
    for (let c = 0; c < cols; c++) {
      if (c === 0) v.push(`项目${r}`);
      else if (c === cols - 1) v.push((r * cols + 1) * 2);
      else v.push(r * cols + c);
      f.push(c === cols - 1 ? `=B${r + 1}*2` : "");
    }
    values.push(v);
    formulas.push(f);
  }
  return { name, top: 0, left: 0, values, formulas };
}
