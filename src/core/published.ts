/**
 * A published report (a Word file, a saved web page, a PDF) as the grid the label-based reader already takes:
 * the document laid out the way it looks when copied into a sheet. Each paragraph is one row with its text in
 * column A; each table takes as many rows as it has, its cells at their grid positions, merged areas kept as merges.
 * Pure: the file-format readers (src/cli/published) turn their files into Blocks; this lays them out.
 */
import type { CellRange, CellValue, SheetGrid } from "./grid";

/** A cell of a table at its grid position (0-based within the table), spanning rowSpan × colSpan grid cells. */
export interface PlacedCell {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  text: string;
}

export type Block = { kind: "text"; text: string } | { kind: "table"; cells: PlacedCell[] };

/** A published figure: digits only, with separators and the padding a page leaves (NBSP, full-width digits). */
const PLAIN_NUMBER = /^[-−]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/;

/**
 * The value a pasted cell takes: a figure printed as plain digits becomes a number (as Excel does when a page is
 * pasted), everything else stays the text as printed (12件, 12（其中修订3件）, —), so the reader notes it.
 */
export function publishedValue(text: string): CellValue {
  const t = text
    .replace(/[\s\u00a0\u3000]+/g, "")
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  if (t === "") return null;
  if (PLAIN_NUMBER.test(t)) return Number(t.replace(/,/g, "").replace("−", "-"));
  return text;
}

/** Lays the blocks out as one sheet: paragraphs in column A, tables below one another, merges as ranges. */
export function blocksToSheet(name: string, blocks: Block[]): SheetGrid {
  const values: CellValue[][] = [];
  const merges: CellRange[] = [];
  for (const b of blocks) {
    if (b.kind === "text") {
      const t = b.text.trim();
      if (t !== "") values.push([b.text]);
      continue;
    }
    if (b.cells.length === 0) continue;
    const top = values.length;
    let height = 0;
    for (const c of b.cells) height = Math.max(height, c.row + c.rowSpan);
    for (let r = 0; r < height; r++) values.push([]);
    for (const c of b.cells) {
      const row = values[top + c.row]!;
      while (row.length < c.col) row.push(null);
      row[c.col] = c.text === "" ? null : publishedValue(c.text);
      if (c.rowSpan > 1 || c.colSpan > 1) {
        merges.push({
          top: top + c.row,
          left: c.col,
          bottom: top + c.row + c.rowSpan - 1,
          right: c.col + c.colSpan - 1,
        });
      }
    }
  }
  let width = 0;
  for (const r of values) width = Math.max(width, r.length);
  for (const r of values) while (r.length < width) r.push(null);
  return { name, top: 0, left: 0, values, merges };
}

/**
 * Places rows of (rowSpan, colSpan, text) cells on a grid as HTML does: each cell takes the first grid column not
 * already covered by a cell spanning down from above.
 */
export function placeRows(rows: { rowSpan: number; colSpan: number; text: string }[][]): PlacedCell[] {
  const taken: boolean[][] = [];
  const out: PlacedCell[] = [];
  const isTaken = (r: number, c: number): boolean => Boolean(taken[r]?.[c]);
  rows.forEach((cells, r) => {
    let col = 0;
    for (const cell of cells) {
      while (isTaken(r, col)) col++;
      const rowSpan = Math.max(1, Math.min(cell.rowSpan, rows.length - r));
      const colSpan = Math.max(1, Math.min(cell.colSpan, 1000));
      for (let dr = 0; dr < rowSpan; dr++) {
        const t = (taken[r + dr] ??= []);
        for (let dc = 0; dc < colSpan; dc++) t[col + dc] = true;
      }
      out.push({ row: r, col, rowSpan, colSpan, text: cell.text });
      col += colSpan;
    }
  });
  return out;
}
