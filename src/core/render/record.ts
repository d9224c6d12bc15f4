/**
 * What the generator wrote into the text sheet, kept in a hidden sheet, so that a later regeneration
 * can tell which cells the user edited (and not overwrite them silently).
 */
import {
  a1,
  cellAddress,
  parseA1,
  quoteSheetName,
  valueAt,
  type CellRef,
  type SheetGrid,
  type WorkbookGrid,
} from "../grid";
import { PlanBuilder } from "./builder";
import type { SheetPlan } from "./plan";
import { RECORD_SHEET } from "./settings";

export interface RecordEntry {
  cell: CellRef;
  /** Paragraph id from the narrative ("s3.outcomes"). */
  id: string;
  /** hashText of the text written. */
  hash: string;
}

export interface GenerationRecord {
  entries: RecordEntry[];
}

export const RECORD_HEADER = ["单元格", "段落", "校验值"] as const;

/** FNV-1a 32-bit over UTF-16 code units, as 8 hex digits: stable in every host, no crypto needed. */
export function hashText(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, "0");
}

/** The hidden record sheet: one row per generated cell (address, paragraph id, hash). All strings. */
export function recordPlan(record: GenerationRecord, name = RECORD_SHEET): SheetPlan {
  const b = new PlanBuilder(name, { text: { numberFormat: "@" } });
  RECORD_HEADER.forEach((h, i) => b.value(0, i, h, "text"));
  record.entries.forEach((e, i) => {
    b.value(i + 1, 0, cellAddress(e.cell), "text");
    b.value(i + 1, 1, e.id, "text");
    b.value(i + 1, 2, e.hash, "text");
  });
  return b.build({ columnWidths: { 0: 24, 1: 24, 2: 12 }, hidden: true });
}

function sheetOf(grid: SheetGrid | WorkbookGrid, name: string): SheetGrid | undefined {
  return "sheets" in grid ? grid.sheets.find((s) => s.name === name) : grid.name === name ? grid : undefined;
}

/** Parse "报告正文!A3" / "'My Sheet'!A3". */
export function parseCellAddress(address: string): CellRef | null {
  const i = address.lastIndexOf("!");
  if (i < 0) return null;
  let sheet = address.slice(0, i);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  const p = parseA1(address.slice(i + 1));
  return p ? { sheet, ...p } : null;
}

/** Read a record sheet back (from the workbook or the record sheet itself); null when there is none. */
export function readGenerationRecord(grid: SheetGrid | WorkbookGrid, name = RECORD_SHEET): GenerationRecord | null {
  const sheet = sheetOf(grid, name);
  if (!sheet) return null;
  const entries: RecordEntry[] = [];
  const bottom = sheet.top + sheet.values.length - 1;
  for (let r = 1; r <= bottom; r++) {
    const addr = valueAt(sheet, r, 0);
    const id = valueAt(sheet, r, 1);
    const hash = valueAt(sheet, r, 2);
    if (typeof addr !== "string" || typeof hash !== "string") continue;
    const cell = parseCellAddress(addr);
    if (cell) entries.push({ cell, id: typeof id === "string" ? id : "", hash });
  }
  return { entries };
}

export interface EditedCell {
  cell: CellRef;
  /** "报告正文!A3". */
  address: string;
  id: string;
  /** The text now in the cell ("" when emptied or the sheet is gone). */
  text: string;
}

/** Generated cells whose text no longer matches what was written (edited, emptied, or sheet removed). */
export function detectEditedCells(previous: GenerationRecord, current: SheetGrid | WorkbookGrid): EditedCell[] {
  const out: EditedCell[] = [];
  for (const e of previous.entries) {
    const sheet = sheetOf(current, e.cell.sheet);
    const v = sheet ? valueAt(sheet, e.cell.row, e.cell.col) : null;
    const text = v === null ? "" : typeof v === "object" ? v.error : String(v);
    if (hashText(text) !== e.hash) {
      out.push({
        cell: e.cell,
        address: `${quoteSheetName(e.cell.sheet)}!${a1(e.cell.row, e.cell.col)}`,
        id: e.id,
        text,
      });
    }
  }
  return out;
}
