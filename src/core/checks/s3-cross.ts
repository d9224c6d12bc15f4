/**
 * One figure of section 三 that breaks both its row (自然人…其他 = 总计) and its column (（一）…（六） = （七）总计)
 * by the same amount is one cause: s3-row-sum reports it once, naming that cell, and s3-column-sum leaves the
 * column alone. Only a pairing that is certain counts: the row's mismatch points to exactly one failing column,
 * that column's to exactly that row, and correcting the cell leaves no negative figure.
 */
import type { Num, TableData } from "../model/report";
import { arith, checkSum, clean, isBlankFigure } from "./arithmetic";
import { tableCell } from "./places";
import { cleanCount, s3Confirmed, type Fix } from "./fix";
import type { CheckContext } from "./types";

/** s3BlankTotals and the crossings of one run of the checks (several checks ask; runChecks shares one context). */
const MEMO = new WeakMap<CheckContext, { blank?: ReturnType<typeof s3BlankTotals>; crossings?: S3Crossing[] }>();
function memo(ctx: CheckContext): { blank?: ReturnType<typeof s3BlankTotals>; crossings?: S3Crossing[] } {
  let m = MEMO.get(ctx);
  if (!m) MEMO.set(ctx, (m = {}));
  return m;
}

/** s3BlankTotals of the report's section 三, computed once per run of the checks. */
export function s3BlankTotalsIn(ctx: CheckContext, t: TableData): ReturnType<typeof s3BlankTotals> {
  const m = memo(ctx);
  return (m.blank ??= s3BlankTotals(t));
}

/**
 * The figures of section 三 that break both their row and their column, computed once per run of the checks; none
 * when the column of totals was never filled in (s3-row-sum's one finding then, no figure singled out).
 */
export function s3CrossingsIn(ctx: CheckContext, t: TableData): S3Crossing[] {
  const m = memo(ctx);
  return (m.crossings ??= s3BlankTotalsIn(ctx, t).mostly ? [] : crossings(t));
}

export interface S3Crossing {
  rowKey: string;
  colKey: string;
  cell: Num;
  /** What the cell holds (0 for a blank), and the value that makes both sums hold. */
  actual: number;
  expected: number;
  row: { sum: number; total: number; totalCell?: Num };
  col: { sum: number; total: number; totalCell?: Num };
  fix?: Fix;
}

interface Miss {
  key: string;
  /** total − sum of parts. */
  delta: number;
  sum: number;
  total: number;
}

/**
 * The rows whose 总计 is blank beside applicant figures, and whether they are most of the rows that need a total
 * (applicant figures, or a 总计 filled in): then the column was never filled in, one finding for the column.
 */
function s3BlankTotals(t: TableData): { rows: string[]; mostly: boolean } {
  const parts = t.def.cols.filter((c) => c.key !== "total");
  const rows: string[] = [];
  let needing = 0;
  for (const row of t.def.rows) {
    const total = tableCell(t, row.key, "total");
    const r = checkSum(
      parts.map((c) => tableCell(t, row.key, c.key)),
      total,
    );
    if (r.kind === "blankTotal") rows.push(row.key);
    if (r.kind === "blankTotal" || (total && !isBlankFigure(total))) needing++;
  }
  return { rows, mostly: rows.length > 1 && rows.length * 2 > needing };
}

/** The crossings of a table whose 总计 column was filled in (s3CrossingsIn asks s3BlankTotals first). */
function crossings(t: TableData): S3Crossing[] {
  const parts = t.def.cols.filter((c) => c.key !== "total");
  const outcomes = t.def.rows.filter((r) => r.outcome);
  const rows: Miss[] = [];
  for (const row of t.def.rows) {
    const r = checkSum(
      parts.map((c) => tableCell(t, row.key, c.key)),
      tableCell(t, row.key, "total"),
    );
    if (r.kind === "mismatch")
      rows.push({ key: row.key, delta: clean(r.actual - r.expected), sum: r.expected, total: r.actual });
  }
  const cols: Miss[] = [];
  for (const col of t.def.cols) {
    const r = checkSum(
      outcomes.map((o) => tableCell(t, o.key, col.key)),
      tableCell(t, "handled", col.key),
    );
    if (r.kind === "mismatch")
      cols.push({ key: col.key, delta: clean(r.actual - r.expected), sum: r.expected, total: r.actual });
  }
  if (rows.length === 0 || cols.length === 0) return [];
  const outcomeKeys = new Set(outcomes.map((o) => o.key));
  // How much the cell where the row and column meet is too high, as each sum sees it (undefined: not in both).
  const excess = (row: Miss, col: Miss): number | undefined => {
    const inCol = row.key === "handled" ? col.delta : outcomeKeys.has(row.key) ? -col.delta : undefined;
    if (inCol === undefined) return undefined;
    const inRow = col.key === "total" ? row.delta : -row.delta;
    return inRow === inCol ? inRow : undefined;
  };
  const pairs = rows.flatMap((row) =>
    cols.filter((col) => excess(row, col) !== undefined).map((col) => ({ row, col, e: excess(row, col)! })),
  );
  const out: S3Crossing[] = [];
  for (const p of pairs) {
    if (pairs.filter((q) => q.row === p.row || q.col === p.col).length !== 1) continue;
    const cell = tableCell(t, p.row.key, p.col.key);
    const actual = arith(cell);
    if (!cell || actual === undefined) continue;
    const expected = clean(actual - p.e);
    if (expected < 0) continue;
    const c: S3Crossing = {
      rowKey: p.row.key,
      colKey: p.col.key,
      cell,
      actual,
      expected,
      row: { sum: p.row.sum, total: p.row.total },
      col: { sum: p.col.sum, total: p.col.total },
    };
    const rowTotal = tableCell(t, p.row.key, "total");
    const colTotal = tableCell(t, "handled", p.col.key);
    if (rowTotal) c.row.totalCell = rowTotal;
    if (colTotal) c.col.totalCell = colTotal;
    // The cell: a clean count, or a blank (filled in after the user confirms); never a formula, text or a
    // fraction. Every other figure of its row and column: a clean count (as for sumFix, judgement otherwise).
    const others = [
      ...t.def.cols.map((col) => tableCell(t, p.row.key, col.key)),
      ...[...outcomes.map((o) => o.key), "handled"].map((r) => tableCell(t, r, p.col.key)),
    ].filter((n) => n !== cell);
    const fixable =
      (cleanCount(cell) || (isBlankFigure(cell) && !!cell.cell && !cell.formula)) && others.every(cleanCount);
    const fix =
      fixable && cell.cell && Number.isSafeInteger(expected)
        ? s3Confirmed(t, p.row.key, p.col.key, { cell: cell.cell, value: expected, was: cell.value })
        : undefined;
    if (fix) c.fix = fix;
    out.push(c);
  }
  return out;
}
