/** Shared state of one sheet read, and label lookups against the verbatim labels of the format. */
import { cellAddress, type CellRef } from "../grid";
import type { ColDef, RowDef, TableDef } from "../model/format";
import { cellKeys } from "../model/format";
import type { LabelMatch, Num, ReadNote, TableData } from "../model/report";
import { cellId, SheetIndex, type TextCell } from "./sheet-index";
import { deviations, normLabel } from "./text";
import { cellNum } from "./values";

export interface ReadCtx {
  ix: SheetIndex;
  notes: ReadNote[];
  notFound: ReadNote[];
  /** Cells that belong to a table or metadata (not narrative text). */
  used: Set<number>;
  textNumbers: CellRef[];
  /** Figures beyond 2^53 (kept as read, but not exact). */
  unsafe: CellRef[];
}

export function newCtx(ix: SheetIndex): ReadCtx {
  return { ix, notes: [], notFound: [], used: new Set(), textNumbers: [], unsafe: [] };
}

export function use(ctx: ReadCtx, row: number, col: number): void {
  ctx.used.add(cellId(row, col));
}

/** Label cells that match a verbatim label (by core, or by the core without parenthesised parts). */
export function findLabel(ix: SheetIndex, expected: string): TextCell[] {
  const e = normLabel(expected);
  if (!e) return [];
  const a = ix.find(e.core);
  if (!e.alias) return a;
  const b = ix.find(e.alias);
  if (b.length === 0) return a;
  if (a.length === 0) return b;
  const seen = new Set(a);
  return [...a, ...b.filter((c) => !seen.has(c))].sort((x, y) => x.row - y.row || x.col - y.col);
}

export function labelMatch(ix: SheetIndex, cell: TextCell, expected: string): LabelMatch {
  const e = normLabel(expected)!;
  const f = cell.label ?? e;
  return {
    cell: ix.ref(cell.row, cell.col),
    found: cell.raw,
    expected,
    deviations: deviations(f, e, f.core !== e.core),
  };
}

/** What a table reader found: label rows and header columns by key, in absolute positions. */
export interface Found {
  anchor: { row: number; col: number };
  rows: Map<string, { row: number; match?: LabelMatch }>;
  cols: Map<string, { col: number; match?: LabelMatch }>;
  /** Other cells that belong to the table (titles, headers, notes). */
  extra: { row: number; col: number }[];
  /** Last-year column (section 二 item1), by column key of the current year. */
  priorCols?: Map<string, { col: number; match?: LabelMatch }>;
  /** Last-year row (section 三 carry-over), by row key. */
  priorRows?: Map<string, { row: number; match?: LabelMatch }>;
}

export function score(f: Found): number {
  return f.rows.size + f.cols.size;
}

export function readFigure(ctx: ReadCtx, row: number, col: number): Num {
  const n = cellNum(ctx.ix.sheet, row, col);
  use(ctx, row, col);
  if (n.issue === "text" && n.cell) ctx.textNumbers.push(n.cell);
  if (n.value !== null && Math.abs(n.value) > Number.MAX_SAFE_INTEGER && n.cell) ctx.unsafe.push(n.cell);
  return n;
}

/** Build the TableData of a definition from what was found. */
export function buildTable(ctx: ReadCtx, def: TableDef, f: Found): TableData {
  const t: TableData = { def, cells: {}, rowLabels: {}, colLabels: {}, missingRows: [], missingCols: [] };
  for (const c of f.extra) use(ctx, c.row, c.col);
  // Columns found, looked up once per table (not once per row), and the format's prebuilt cell keys.
  const cols = def.cols.map((c) => f.cols.get(c.key)?.col);
  const keys = cellKeys(def);
  def.rows.forEach((r, i) => {
    const hit = f.rows.get(r.key);
    if (!hit) {
      t.missingRows.push(r.key);
      return;
    }
    if (hit.match) {
      t.rowLabels[r.key] = hit.match;
      use(ctx, hit.match.cell.row, hit.match.cell.col);
    }
    const rowKeys = keys[i]!;
    cols.forEach((col, j) => {
      if (col !== undefined) t.cells[rowKeys[j]!] = readFigure(ctx, hit.row, col);
    });
  });
  for (const c of def.cols) {
    const hit = f.cols.get(c.key);
    if (!hit) t.missingCols.push(c.key);
    else if (hit.match) {
      t.colLabels[c.key] = hit.match;
      use(ctx, hit.match.cell.row, hit.match.cell.col);
    }
  }
  return t;
}

export function rowLabelOf(def: TableDef, key: string): string {
  const r: RowDef | undefined = def.rows.find((x) => x.key === key);
  if (!r) return key;
  return [...(r.parents ?? []).slice(1), r.label].join("") || def.title;
}

export function colLabelOf(def: TableDef, key: string): string {
  const c: ColDef | undefined = def.cols.find((x) => x.key === key);
  if (!c) return key;
  return c.parents && c.parents.length > 0 && def.section === "四" ? `${c.parents.join("/")}/${c.label}` : c.label;
}

/** notFound notes for the rows and columns a found table lacks. */
export function noteMissing(ctx: ReadCtx, t: TableData): void {
  for (const key of t.missingRows) {
    ctx.notFound.push({
      code: "missing-row",
      cells: [],
      params: { table: t.def.id, row: key, label: rowLabelOf(t.def, key) },
    });
  }
  for (const key of t.missingCols) {
    ctx.notFound.push({
      code: "missing-col",
      cells: [],
      params: { table: t.def.id, col: key, label: colLabelOf(t.def, key) },
    });
  }
}

export function places(refs: CellRef[]): string {
  return refs.map((r) => cellAddress(r)).join(", ");
}
