/**
 * One pass over a sheet: every text cell, and the short CJK ones normalised and indexed by their core,
 * so that finding a label is a map lookup (no rows x labels x columns string work).
 */
import type { CellRange, CellRef, CellValue, SheetGrid } from "../grid";
import { valueAt } from "../grid";
import { maybeLabel, normLabel, type NormLabel } from "./text";

export interface TextCell {
  row: number;
  col: number;
  raw: string;
  /** Present for short texts with CJK characters (label candidates). */
  label?: NormLabel;
}

const KEY_COLS = 1 << 15;
export function cellId(row: number, col: number): number {
  return row * KEY_COLS + col;
}

export class SheetIndex {
  readonly sheet: SheetGrid;
  readonly name: string;
  /** Label cells (short texts made of label characters), row-major. */
  readonly labels: TextCell[] = [];
  private readonly byCore = new Map<string, TextCell[]>();
  private readonly labelById = new Map<number, TextCell>();
  private readonly rowCache = new Map<number, TextCell[]>();
  /** Built on the first merge() lookup (most sheets are read with few or none). */
  private mergeByCell: Map<number, CellRange> | undefined;
  private readonly top: number;
  private readonly left: number;
  /** Number of non-blank cells. */
  nonBlank = 0;

  constructor(sheet: SheetGrid) {
    this.sheet = sheet;
    this.name = String(sheet.name ?? "");
    this.top = sheet.top;
    this.left = sheet.left;
    const rows = sheet.values;
    for (let r = 0; r < rows.length; r++) {
      const line = rows[r]!;
      for (let c = 0; c < line.length; c++) {
        const v = line[c];
        if (v === null || v === undefined) continue;
        this.nonBlank++;
        if (typeof v !== "string" || !maybeLabel(v)) continue;
        const label = normLabel(v);
        if (!label) continue;
        const cell: TextCell = { row: this.top + r, col: this.left + c, raw: v, label };
        this.labels.push(cell);
        this.labelById.set(cellId(cell.row, cell.col), cell);
        this.add(label.core, cell);
        if (label.alias) this.add(label.alias, cell);
      }
    }
  }

  private add(key: string, cell: TextCell): void {
    let list = this.byCore.get(key);
    if (!list) this.byCore.set(key, (list = []));
    if (list[list.length - 1] !== cell) list.push(cell);
  }

  /** Label cells whose core (or alias) equals the given key, row-major. */
  find(core: string): TextCell[] {
    return this.byCore.get(core) ?? [];
  }

  /** Text cells of one row (non-blank strings), left to right. */
  rowTexts(row: number): TextCell[] {
    const hit = this.rowCache.get(row);
    if (hit) return hit;
    const out: TextCell[] = [];
    const line = this.sheet.values[row - this.top];
    if (line) {
      for (let c = 0; c < line.length; c++) {
        const v = line[c];
        if (typeof v !== "string" || v.trim() === "") continue;
        const col = this.left + c;
        out.push(this.labelById.get(cellId(row, col)) ?? { row, col, raw: v });
      }
    }
    this.rowCache.set(row, out);
    return out;
  }

  /** Every non-blank text cell for which `pred(raw)` holds, row-major. */
  texts(pred: (raw: string) => boolean = () => true): TextCell[] {
    const out: TextCell[] = [];
    const rows = this.sheet.values;
    for (let r = 0; r < rows.length; r++) {
      const line = rows[r]!;
      for (let c = 0; c < line.length; c++) {
        const v = line[c];
        if (typeof v !== "string" || !pred(v) || v.trim() === "") continue;
        const row = this.top + r;
        const col = this.left + c;
        out.push(this.labelById.get(cellId(row, col)) ?? { row, col, raw: v });
      }
    }
    return out;
  }

  value(row: number, col: number): CellValue {
    return valueAt(this.sheet, row, col);
  }

  merge(row: number, col: number): CellRange | undefined {
    if (!this.mergeByCell) {
      this.mergeByCell = new Map();
      for (const m of this.sheet.merges ?? []) {
        if (m.bottom - m.top > 2000 || m.right - m.left > 200) continue;
        for (let r = m.top; r <= m.bottom; r++)
          for (let c = m.left; c <= m.right; c++) this.mergeByCell.set(cellId(r, c), m);
      }
    }
    return this.mergeByCell.get(cellId(row, col));
  }

  ref(row: number, col: number): CellRef {
    return { sheet: this.name, row, col };
  }
}
