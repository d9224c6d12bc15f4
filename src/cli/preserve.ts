/**
 * Regenerating over report sheets the user has edited: nothing the user typed is lost silently.
 * - A generated paragraph the user changed keeps the user's text; the newly generated text is written
 *   beside it (next column) for the user to compare.
 * - A changed paragraph that is no longer generated, and any text the user added elsewhere in the
 *   text sheet, is kept below the new text.
 * Both are recorded, so that the next regeneration keeps them again.
 */
import { a1, cellAddress, isCellError, quoteSheetName, type WorkbookGrid } from "../core/grid";
import {
  detectEditedCells,
  hashText,
  planToGrid,
  readGenerationRecord,
  recordPlan,
  RECORD_SHEET,
  type GenerationRecord,
  type WorkbookPlan,
} from "../core/render";

export interface Preserved {
  /** Generated paragraphs whose edited text was kept in place (the new text beside it). */
  keptInPlace: string[];
  /** Cells whose text was moved below the new text (paragraph gone, or added by the user). */
  keptBelow: string[];
}

/** Prefix of record ids for cells this module writes. */
const BESIDE = "new:";
const KEPT = "kept:";

function text(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "object") return isCellError(v as never) ? (v as { error: string }).error : "";
  return String(v);
}

/** Changes `plan` so that applying it keeps what the user edited in `current`. */
export function preserveEdits(plan: WorkbookPlan, current: WorkbookGrid, textSheetName: string): Preserved {
  const out: Preserved = { keptInPlace: [], keptBelow: [] };
  const oldText = current.sheets.find((s) => s.name === textSheetName);
  const previous = readGenerationRecord(current, RECORD_SHEET);
  const textPlan = plan.sheets.find((s) => s.name === textSheetName);
  const recordIndex = plan.sheets.findIndex((s) => s.name === RECORD_SHEET);
  if (!oldText || !textPlan || recordIndex < 0) return out;
  const record = readGenerationRecord(planToGrid(plan.sheets[recordIndex]!))!;
  const recorded = new Set((previous?.entries ?? []).map((e) => `${e.cell.row},${e.cell.col}`));
  const edited = previous
    ? detectEditedCells(previous, current).filter((e) => e.cell.sheet === textSheetName && e.text.trim() !== "")
    : [];

  const below: { text: string; from: string; id: string }[] = [];
  for (const e of edited) {
    const id = e.id.startsWith(KEPT) ? e.id.slice(KEPT.length) : e.id;
    const entry = record.entries.find((x) => x.id === id && x.cell.sheet === textSheetName);
    const cell = entry ? textPlan.cells.find((c) => c.row === entry.cell.row && c.col === entry.cell.col) : undefined;
    if (!entry || !cell) {
      below.push({ text: e.text, from: e.address, id });
      continue;
    }
    const fresh = text(cell.value);
    if (fresh === e.text) continue; // the user's text is what would be generated anyway
    cell.value = e.text;
    const beside = { row: entry.cell.row, col: entry.cell.col + 1 };
    textPlan.cells.push({ ...beside, value: fresh, ...(cell.style ? { style: cell.style } : {}) });
    textPlan.columnWidths[beside.col] ??= textPlan.columnWidths[entry.cell.col] ?? 64;
    record.entries.push({ cell: { sheet: textSheetName, ...beside }, id: `${BESIDE}${id}`, hash: hashText(fresh) });
    out.keptInPlace.push(e.address);
  }
  // Text the user added outside the generated cells (nothing of the generator's own).
  for (const [r, line] of oldText.values.entries()) {
    for (const [c, v] of line.entries()) {
      const row = oldText.top + r;
      const col = oldText.left + c;
      const t = text(v);
      if (t.trim() === "" || recorded.has(`${row},${col}`)) continue;
      below.push({ text: t, from: `${quoteSheetName(textSheetName)}!${a1(row, col)}`, id: `user:${a1(row, col)}` });
    }
  }
  if (below.length > 0) {
    let row = Math.max(-1, ...textPlan.cells.map((c) => c.row)) + 2;
    const style = textPlan.cells.find((c) => c.style)?.style;
    for (const b of below) {
      const at = { sheet: textSheetName, row, col: 0 };
      textPlan.cells.push({ row, col: 0, value: b.text, ...(style ? { style } : {}) });
      // Recorded with the hash of "" so that the next regeneration sees it as the user's and keeps it again.
      record.entries.push({ cell: at, id: `${KEPT}${b.id}`, hash: hashText("") });
      out.keptBelow.push(`${b.from} → ${cellAddress(at)}`);
      row++;
    }
  }
  if (out.keptInPlace.length > 0 || out.keptBelow.length > 0) {
    const rec = recordPlan(record as GenerationRecord, RECORD_SHEET);
    plan.sheets[recordIndex] = rec;
  }
  return out;
}
