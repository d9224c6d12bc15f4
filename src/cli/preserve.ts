/**
 * Regenerating over report sheets the user has edited: nothing the user typed is lost silently.
 * - A generated paragraph the user changed keeps the user's text; the newly generated text is written
 *   beside it (next column, formatted as the paragraph) for the user to compare, unless it is what was
 *   generated last time (nothing new to offer; a comparison text still standing from last time stays).
 * - A changed paragraph that is no longer generated, and any text the user added elsewhere in the
 *   text sheet, is kept below the new text.
 * Both are recorded, so that the next regeneration keeps them again.
 */
import { a1, cellAddress, isCellError, quoteSheetName, type CellRef, type WorkbookGrid } from "../core/grid";
import { fitRowHeights } from "../core/render/builder";
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
  /** Edited paragraphs kept in place with nothing new beside them (the generated text did not change). */
  keptAsIs: string[];
  /** Cells whose text was moved below the new text (paragraph gone, or added by the user). */
  keptBelow: string[];
}

/** Prefix of record ids for cells this module writes. */
const BESIDE = "new:";
const KEPT = "kept:";

function at(c: CellRef): string {
  return `${c.sheet}\u0000${c.row},${c.col}`;
}

function text(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "object") return isCellError(v as never) ? (v as { error: string }).error : "";
  return String(v);
}

/** Changes `plan` so that applying it keeps what the user edited in `current`. */
export function preserveEdits(plan: WorkbookPlan, current: WorkbookGrid, textSheetName: string): Preserved {
  const out: Preserved = { keptInPlace: [], keptAsIs: [], keptBelow: [] };
  const oldText = current.sheets.find((s) => s.name === textSheetName);
  const previous = readGenerationRecord(current, RECORD_SHEET);
  const textPlan = plan.sheets.find((s) => s.name === textSheetName);
  const recordIndex = plan.sheets.findIndex((s) => s.name === RECORD_SHEET);
  if (!oldText || !textPlan || recordIndex < 0) return out;
  const record = readGenerationRecord(planToGrid(plan.sheets[recordIndex]!))!;
  const recorded = new Set((previous?.entries ?? []).map((e) => `${e.cell.row},${e.cell.col}`));
  const changed = previous ? detectEditedCells(previous, current) : [];
  const changedAt = new Set(changed.map((e) => at(e.cell)));
  const edited = changed.filter((e) => e.cell.sheet === textSheetName && e.text.trim() !== "");

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
    const freshHash = hashText(fresh);
    const before = previous?.entries.find((x) => x.id === e.id && at(x.cell) === at(e.cell));
    const besideBefore = previous?.entries.find((x) => x.id === `${BESIDE}${id}`);
    const besideStands = !!besideBefore && besideBefore.hash === freshHash && !changedAt.has(at(besideBefore.cell));
    if (before?.hash === freshHash && !besideStands) {
      // Generated as last time: nothing new to compare with (the user has already seen it).
      out.keptAsIs.push(e.address);
      continue;
    }
    const beside = { row: entry.cell.row, col: entry.cell.col + 1 };
    textPlan.cells.push({ ...beside, value: fresh, ...(cell.style ? { style: cell.style } : {}) });
    // Formatted like the paragraph's column: same style (above), same width; rows fit both texts (below).
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
    // Kept text reads as a body paragraph (not as the title, the first styled cell).
    const style = textPlan.cells.find((c) => c.style === "p-body")?.style ?? textPlan.cells.find((c) => c.style)?.style;
    for (const b of below) {
      const at = { sheet: textSheetName, row, col: 0 };
      textPlan.cells.push({ row, col: 0, value: b.text, ...(style ? { style } : {}) });
      // Recorded with the hash of "" so that the next regeneration sees it as the user's and keeps it again.
      record.entries.push({ cell: at, id: `${KEPT}${b.id}`, hash: hashText("") });
      out.keptBelow.push(`${b.from} → ${cellAddress(at)}`);
      row++;
    }
  }
  if (out.keptInPlace.length > 0 || out.keptAsIs.length > 0 || out.keptBelow.length > 0) {
    // The rows were sized for the generated text: size them again for what they now hold.
    fitRowHeights(textPlan);
    const rec = recordPlan(record as GenerationRecord, RECORD_SHEET);
    plan.sheets[recordIndex] = rec;
  }
  return out;
}
