/**
 * What a cell of a sheet plan shows once Excel has calculated it, as text: the value (or the formula's
 * `result`) in the cell's number format. The Word document prints tables with it, so that every figure
 * reads as the workbook shows it.
 */
import { formatPercent } from "../shares";
import type { CellStyle, PlanCell } from "./plan";

/** A number as Excel's General format shows it in a wide enough column (up to 11 significant digits). */
export function generalText(v: number): string {
  return Number.isSafeInteger(v) ? String(v) : String(Number(v.toPrecision(11)));
}

/** Excel's ROUND of a display format without decimals: half away from zero. */
function wholeText(v: number): string {
  return String(Math.sign(v) * Math.round(Math.abs(v)));
}

/** The text a plan cell shows. Line breaks in strings are dropped (Word wraps by width). */
export function shownText(cell: PlanCell | undefined, style: CellStyle | undefined): string {
  if (!cell) return "";
  const v = cell.formula !== undefined ? cell.result : cell.value;
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v.replace(/\n/g, "");
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (!Number.isFinite(v)) return "";
  const format = style?.numberFormat ?? "General";
  const pct = /^0(?:\.(0+))?%$/.exec(format);
  if (pct) {
    const d = pct[1]?.length ?? 0;
    return formatPercent(Math.round(v * 100 * 10 ** d), d);
  }
  if (format === "0") return wholeText(v);
  return generalText(v);
}
