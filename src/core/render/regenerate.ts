/**
 * The one regeneration policy, applied by both hosts (the CLI's ExcelJS writer and the pane's Office.js writer):
 * what may be written over, what needs the user's say, and how the user's edits to generated sheets are kept.
 *
 * Which sheets (planRegeneration):
 * - A report sheet name that is the counts sheet itself: refused (the data would be lost).
 * - A report sheet that is protected: refused (unprotecting is the user's decision; Excel would refuse anyway,
 *   possibly after writing the other sheets).
 * - Report sheet names already in the workbook that this tool did not make (no generation record): the user must
 *   choose (the pane asks; the CLI needs --force).
 * - Otherwise the report sheets are rewritten (frozen panes, widths and visibility as the plan says).
 *
 * Edits to generated sheets (preserveEdits): nothing the user typed is lost silently.
 * - A generated paragraph the user changed keeps the user's text; the newly generated text is written
 *   beside it (next column, formatted as the paragraph) for the user to compare, unless it is what was
 *   generated last time (nothing new to offer; a comparison text still standing from last time stays).
 * - A changed paragraph that is no longer generated, and any text the user added elsewhere in the
 *   text sheet, is kept below the new text.
 * Both are recorded, so that the next regeneration keeps them again.
 */
import { a1, cellAddress, isCellError, quoteSheetName, type CellRef, type WorkbookGrid } from "../grid";
import { fitRowHeights } from "./builder";
import type { WorkbookPlan } from "./plan";
import { detectEditedCells, hashText, readGenerationRecord, recordPlan, type GenerationRecord } from "./record";
import { RECORD_SHEET } from "./settings";
import { planToGrid } from "./template";

export type Regeneration =
  /** Write the plan (already changed to keep the user's edits) over `replaced`, the report sheets that exist. */
  | { action: "write"; replaced: string[]; kept: Preserved }
  /** The user must choose: these sheets of the user's own carry report sheet names. */
  | { action: "ask"; sheets: string[] }
  /** Never written: a report sheet name is the counts sheet, or a report sheet is protected. */
  | { action: "refuse"; reason: "data-sheet" | "protected"; sheets: string[] };

export interface RegenerationOptions {
  /** The counts sheet the report is made from. */
  dataSheet: string;
  /** The report text sheet, whose edited paragraphs are kept. */
  textSheet: string;
  /** The user has chosen to replace sheets of their own that carry report sheet names. */
  replaceUsersSheets?: boolean;
  /** Sheets of `current` that are protected (a grid does not say). */
  protectedSheets?: readonly string[];
}

const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/**
 * Decides how `plan` may be written into the workbook `current` (its grid, as read just before) and, when it
 * may, changes `plan` so that the user's edits to generated text are kept.
 */
export function planRegeneration(plan: WorkbookPlan, current: WorkbookGrid, o: RegenerationOptions): Regeneration {
  // Excel compares sheet names without case.
  const existing = plan.sheets.map((s) => s.name).filter((n) => current.sheets.some((x) => same(x.name, n)));
  const data = existing.filter((n) => same(n, o.dataSheet));
  if (data.length > 0) return { action: "refuse", reason: "data-sheet", sheets: data };
  const locked = existing.filter((n) => o.protectedSheets?.some((p) => same(p, n)));
  if (locked.length > 0) return { action: "refuse", reason: "protected", sheets: locked };
  const generatedBefore = current.sheets.some((x) => x.name === RECORD_SHEET);
  if (existing.length > 0 && !generatedBefore && !o.replaceUsersSheets) return { action: "ask", sheets: existing };
  return { action: "write", replaced: existing, kept: preserveEdits(plan, current, o.textSheet) };
}

type Text = { zh: string; en: string };

/** Why a regeneration was refused or needs the user's choice, in both languages (the host adds what to do). */
export function regenerationProblem(r: Exclude<Regeneration, { action: "write" }>): Text {
  const zh = r.sheets.map((s) => `“${s}”`).join("、");
  const en = r.sheets.join(", ");
  if (r.action === "ask") {
    return {
      zh: `工作簿中已有工作表${zh}，且不是本工具生成的`,
      en: `the workbook already has sheet(s) ${en} not made by this tool`,
    };
  }
  if (r.reason === "protected") {
    return {
      zh: `工作表${zh}受保护，无法重新生成；请先撤销工作表保护（审阅 > 撤销工作表保护）`,
      en: `sheet(s) ${en} are protected and cannot be regenerated; unprotect them first (Review > Unprotect Sheet)`,
    };
  }
  return {
    zh: `工作簿中已有工作表${zh}（即数据所在的工作表），报告不能写在那里`,
    en: `the workbook already has sheet(s) ${en} (the data sheet itself); the report cannot be written there`,
  };
}

/** What was kept of the user's edits, as lines to show after writing (none when nothing was edited). */
export function keptEditsLines(kept: Preserved, lang: "zh" | "en"): string[] {
  const lines: string[] = [];
  const list = (cells: string[]): string => cells.join(lang === "zh" ? "、" : ", ");
  if (kept.keptInPlace.length > 0) {
    lines.push(
      lang === "zh"
        ? `保留了您修改过的 ${kept.keptInPlace.length} 段正文（${list(kept.keptInPlace)}），新生成的文字写在其右侧一列，请对照后自行取舍。`
        : `Kept ${kept.keptInPlace.length} paragraph(s) you edited (${list(kept.keptInPlace)}); the newly generated text is in the next column for you to compare.`,
    );
  }
  if (kept.keptBelow.length > 0) {
    lines.push(
      lang === "zh"
        ? `另有 ${kept.keptBelow.length} 处您写入的文字已移到正文末尾保留：${list(kept.keptBelow)}`
        : `${kept.keptBelow.length} more text(s) you wrote were kept at the end of the text sheet: ${list(kept.keptBelow)}`,
    );
  }
  return lines;
}

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
