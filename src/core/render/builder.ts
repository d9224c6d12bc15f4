/** A small helper to build a SheetPlan cell by cell (shared by the template and the report sheets). */
import type { CellStyle, PlanCell, PlanRange, PlanValue, SheetPlan } from "./plan";

export interface RC {
  row: number;
  col: number;
}

/** Cells by row and column as one number (Excel has 16,384 columns): no key string per cell write. */
const COLS = 16384;

export class PlanBuilder {
  private readonly cells = new Map<number, PlanCell>();
  readonly merges: PlanRange[] = [];
  readonly rowHeights: Record<number, number> = {};

  constructor(
    readonly name: string,
    readonly styles: Record<string, CellStyle>,
  ) {}

  private key(row: number, col: number): number {
    return row * COLS + col;
  }

  /** A constant (strings stay strings). */
  value(row: number, col: number, value: PlanValue, style?: string): void {
    // The cell object is built with only the fields it has (no intermediate object to clean).
    const c: PlanCell = { row, col };
    if (value !== undefined) c.value = value;
    if (style !== undefined) c.style = style;
    this.cells.set(this.key(row, col), c);
  }

  /** A formula, with the value the engine computes for it when known (PlanCell.result). */
  formula(row: number, col: number, formula: string, style?: string, result?: PlanValue): void {
    if (!formula.startsWith("=")) throw new Error(`formula must start with "=": ${formula}`);
    const c: PlanCell = { row, col, formula };
    if (result !== undefined) c.result = result;
    if (style !== undefined) c.style = style;
    this.cells.set(this.key(row, col), c);
  }

  /** Style a cell without giving it content (borders of empty or merged cells). */
  style(row: number, col: number, style: string): void {
    const c = this.cells.get(this.key(row, col));
    if (c) c.style = style;
    else this.cells.set(this.key(row, col), { row, col, style });
  }

  /** Merge a range, writing the value at its top-left and the style on every cell (so borders show). */
  merged(top: number, left: number, bottom: number, right: number, value: PlanValue, style?: string): void {
    for (let r = top; r <= bottom; r++) {
      for (let c = left; c <= right; c++) {
        if (r === top && c === left) this.value(r, c, value, style);
        else if (style) this.style(r, c, style);
      }
    }
    if (bottom > top || right > left) this.merges.push({ top, left, bottom, right });
  }

  height(row: number, points: number): void {
    this.rowHeights[row] = Math.max(this.rowHeights[row] ?? 0, points);
  }

  get(row: number, col: number): PlanCell | undefined {
    return this.cells.get(this.key(row, col));
  }

  build(extra: Omit<SheetPlan, "name" | "cells" | "styles" | "merges">): SheetPlan {
    const cells = [...this.cells.values()].sort((a, b) => a.row - b.row || a.col - b.col);
    const rowHeights = Object.keys(this.rowHeights).length ? { ...this.rowHeights } : undefined;
    return {
      name: this.name,
      cells,
      styles: this.styles,
      merges: [...this.merges],
      ...(rowHeights ? { rowHeights } : {}),
      ...extra,
    };
  }
}

/** Display width of a text in Excel character units (a CJK character counts 2). */
export function textWidth(text: string): number {
  // By UTF-16 unit rather than a string iterator (every paragraph of the text sheet is measured): a
  // surrogate pair is one character, 2 units wide, as a lone surrogate is.
  let w = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code <= 0xff) {
      w += 1;
      continue;
    }
    w += 2;
    const next = text.charCodeAt(i + 1);
    if (code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) i++;
  }
  return w;
}

/**
 * Row height (points) that shows a wrapped text in a cell `width` character units wide:
 * Excel does not grow rows of a file written by a library, so the plan sets them.
 */
export function wrappedHeight(text: string, width: number, fontSize: number): number {
  const usable = Math.max(1, width * (11 / Math.max(fontSize, 1)) - 1);
  // Most cells (labels, headers) fit on one line: a character is at most 2 units wide, so a single-line
  // text of 2 x length <= usable needs one line without measuring it.
  if (text.length * 2 <= usable && !text.includes("\n")) return Math.ceil(fontSize * 1.45 + 4);
  let lines = 0;
  for (const part of text.split("\n")) lines += wrappedLines(part, usable);
  return Math.ceil(lines * fontSize * 1.45 + 4);
}

/** Lines a text wraps to in `usable` units: whole characters per line (1 unit half-width, 2 full-width). */
function wrappedLines(text: string, usable: number): number {
  let lines = 1;
  let used = 0;
  for (let i = 0; i < text.length; i++) {
    const w = textWidth(text[i]!);
    if (used > 0 && used + w > usable) {
      lines++;
      used = 0;
    }
    used += w;
  }
  return lines;
}

/**
 * Set row heights so that wrapped strings show in full: for each wrapped string cell, the height its
 * text needs in its (merged) width, spread over the rows it spans. Keeps larger heights already set.
 */
export function fitRowHeights(plan: SheetPlan, defaultWidth = 8.43, defaultFontSize = 11): void {
  const heights: Record<number, number> = { ...(plan.rowHeights ?? {}) };
  const width = (c: number) => plan.columnWidths[c] ?? defaultWidth;
  // Merges by their top-left cell, looked up once per wrapped cell (not a scan of every merge per cell);
  // the first merge at a corner wins, as a find() over the list would.
  const mergeAt = new Map<number, PlanRange>();
  for (const m of plan.merges) {
    const k = m.top * COLS + m.left;
    if (!mergeAt.has(k)) mergeAt.set(k, m);
  }
  for (const cell of plan.cells) {
    if (typeof cell.value !== "string" || !cell.value) continue;
    const style = cell.style ? plan.styles[cell.style] : undefined;
    if (!style?.wrap) continue;
    const m = mergeAt.get(cell.row * COLS + cell.col);
    const right = m?.right ?? cell.col;
    const bottom = m?.bottom ?? cell.row;
    let w = 0;
    for (let c = cell.col; c <= right; c++) w += width(c);
    const need = wrappedHeight(cell.value, w, style.font?.size ?? defaultFontSize);
    const rows = bottom - cell.row + 1;
    let have = 0;
    for (let r = cell.row; r <= bottom; r++) have += heights[r] ?? 15;
    if (have >= need) continue;
    const per = Math.ceil(need / rows);
    for (let r = cell.row; r <= bottom; r++) heights[r] = Math.max(heights[r] ?? 15, per);
  }
  if (Object.keys(heights).length) plan.rowHeights = heights;
}
