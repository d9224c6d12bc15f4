/**
 * Printing the report tables (issue 16): no table label at the foot of a page with its table on the next.
 * Excel repeats one band of rows per sheet at most (print titles), so the sheet cannot repeat each table's
 * own header rows; instead a manual page break goes before every table (with its label) that does not fit
 * in what is left of the page, and a table taller than a page breaks only between rows that no merged
 * label spans, after its header rows and first row.
 */
import type { NamedRangePlan, SheetPlan } from "./plan";

/**
 * Printable height (points) of a landscape A4 page with Excel's "Normal" margins (0.75 in top and bottom):
 * 595.3 - 108. The command line sets 0.6 in and fit-to-width only ever shrinks, so a page holds at least this.
 */
export const LANDSCAPE_A4_PRINT_HEIGHT = 487;
/** Excel's height for a row with no height of its own and text no larger than 11 pt. */
const DEFAULT_ROW_HEIGHT = 15;

/** A table with its label rows above it and its note rows below, and where it may break inside. */
export interface PrintBlock {
  /** First row: the label (or section heading) above the table. */
  start: number;
  /** Last row: the table's last row or the note under it. */
  end: number;
  /** Rows inside the block before which a page may break (rows no merge spans from above). */
  breakable: number[];
}

/** Row heights of the plan: its own, or (no height set) what Excel gives its largest font. */
export function planRowHeight(plan: SheetPlan): (row: number) => number {
  const font = new Map<number, number>();
  for (const c of plan.cells) {
    const size = c.style ? plan.styles[c.style]?.font?.size : undefined;
    if (size && (c.value !== undefined || c.formula)) font.set(c.row, Math.max(font.get(c.row) ?? 0, size));
  }
  return (row) => plan.rowHeights?.[row] ?? Math.max(DEFAULT_ROW_HEIGHT, Math.ceil((font.get(row) ?? 0) * 1.4));
}

function rowStyles(plan: SheetPlan): Map<number, Set<string>> {
  const styles = new Map<number, Set<string>>();
  for (const c of plan.cells) {
    if (c.value === undefined && !c.formula) continue;
    const set = styles.get(c.row) ?? new Set<string>();
    set.add(c.style ?? "");
    styles.set(c.row, set);
  }
  return styles;
}

/**
 * The sheet's tables as print blocks, in sheet order. A merged label taller than a page (三、本年度办理结果
 * down column A of table 三) does not keep its rows together: the page must break inside it anyway.
 */
export function printBlocks(
  plan: SheetPlan,
  names: readonly NamedRangePlan[],
  pageHeight = LANDSCAPE_A4_PRINT_HEIGHT,
  height = planRowHeight(plan),
): PrintBlock[] {
  const spanHeight = (top: number, bottom: number) => {
    let s = 0;
    for (let r = top; r <= bottom; r++) s += height(r);
    return s;
  };
  const keepers = plan.merges.filter((m) => m.bottom > m.top && spanHeight(m.top, m.bottom) <= pageHeight);
  const styles = rowStyles(plan);
  const only = (row: number, style: string) => {
    const s = styles.get(row);
    return !!s && [...s].every((x) => x === style);
  };
  const tables = names.filter((n) => n.sheet === plan.name).sort((a, b) => a.range.top - b.range.top);
  return tables.map(({ range }) => {
    let start = range.top;
    while (start > 0 && only(start - 1, "title")) start--;
    let end = range.bottom;
    while (only(end + 1, "note")) end++;
    // Header rows and the first row stay with the label.
    let body = range.top;
    while (body < range.bottom && only(body, "th")) body++;
    const breakable: number[] = [];
    for (let r = body + 1; r <= end; r++) {
      const spanned = keepers.some((m) => m.top < r && m.bottom >= r && m.right >= range.left && m.left <= range.right);
      if (!spanned) breakable.push(r);
    }
    return { start, end, breakable };
  });
}

/**
 * The rows a manual page break goes before (0-based, ascending): a block that does not fit in what is left
 * of the page starts a new one; a block taller than a page breaks at its breakable rows as late as fits.
 */
export function tablePageBreaks(
  plan: SheetPlan,
  names: readonly NamedRangePlan[],
  pageHeight = LANDSCAPE_A4_PRINT_HEIGHT,
): number[] {
  const height = planRowHeight(plan);
  const blocks = printBlocks(plan, names, pageHeight, height);
  const sum = (from: number, to: number) => {
    let s = 0;
    for (let r = from; r < to; r++) s += height(r);
    return s;
  };
  const breaks: number[] = [];
  let used = 0;
  let row = 0;
  const pageBreak = (r: number) => {
    if (r > 0 && used > 0) breaks.push(r);
    used = 0;
  };
  for (const block of blocks) {
    // Rows between tables: Excel breaks where they overflow.
    for (; row < block.start; row++) {
      const h = height(row);
      used = used + h > pageHeight ? h : used + h;
    }
    if (used + sum(block.start, block.end + 1) > pageHeight) pageBreak(block.start);
    const cuts = [block.start, ...block.breakable, block.end + 1];
    for (let i = 0; i + 1 < cuts.length; i++) {
      const piece = sum(cuts[i]!, cuts[i + 1]!);
      if (used + piece > pageHeight) pageBreak(cuts[i]!);
      // A piece taller than a page (it should not happen) is left to Excel.
      used = (used + piece) % pageHeight || pageHeight;
    }
    row = block.end + 1;
  }
  return breaks;
}
