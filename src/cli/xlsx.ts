/**
 * The ExcelJS host, reading side: an .xlsx file -> WorkbookGrid (the engine's input).
 * Writing (applyPlan) lives in ./xlsx-write and is re-exported here so that the host has one entry point.
 *
 * Value mapping, chosen to match what Office.js `range.values` gives the add-in:
 * - numbers, text, booleans as they are; rich text and hyperlinks -> their plain text;
 * - dates -> Excel serial numbers (1900 or 1904 date system as the workbook says), as Excel shows them to Office.js,
 *   marked "date" or "time" in `kinds` (as is any number whose format shows it as a date or time);
 * - formulas -> "=..." in `formulas`, and the cached result in `values` (null, and "uncached" in `kinds`, when the
 *   file holds none);
 * - error values -> { error: "#REF!" };
 * - the cells covered by a merge, other than its top-left, are blank (null).
 */
import type ExcelJS from "exceljs";
import { excelJs } from "./exceljs";
import JSZip from "jszip";
import { emptyTextFormulaCells, normalizeSheetParts } from "./package";
import {
  numberFormatKind,
  type CellKind,
  type CellRange,
  type CellValue,
  type SheetGrid,
  type WorkbookGrid,
} from "../core/grid";

import { checkUnzippedSize, fail, unzipGuarded, XlsxReadError } from "./limits";
import { readXlsxFast } from "./xlsx-fast";

export { applyPlan } from "./xlsx-write";
export { readXlsxBytes, sniff } from "./file-bytes";
import { readXlsxBytes, sniff } from "./file-bytes";
export {
  checkCellCount,
  checkSheetArea,
  checkUnzippedSize,
  declaredUnzippedSize,
  fail,
  LIMITS,
  unzipGuarded,
  XlsxReadError,
  zipEntries,
  type XlsxErrorCode,
} from "./limits";

/** Reads an .xlsx file into the engine's grid. Throws XlsxReadError (never anything else) for a file it cannot read. */
/** `bytes`: the file's bytes already being read by readXlsxBytes (the check command reads the next file ahead). */
export async function readXlsx(file: string, bytes?: Promise<Buffer>): Promise<WorkbookGrid> {
  return workbookToGrid(await parseXlsx(await (bytes ?? readXlsxBytes(file)), file), file);
}

/** Loads an .xlsx file with ExcelJS after checking what it is; throws XlsxReadError with a clear reason. */
export async function loadXlsx(file: string): Promise<ExcelJS.Workbook> {
  return parseXlsx(await readXlsxBytes(file), file);
}

/** An .xlsx workbook from the bytes of `file`, after checking what they are; throws XlsxReadError. */
export async function parseXlsx(buf: Buffer, file: string): Promise<ExcelJS.Workbook> {
  sniff(buf, file);
  checkUnzippedSize(buf, file);
  guardForExcelJS(buf, file);
  const wb = new (excelJs().Workbook)();
  try {
    await wb.xlsx.load((await readableByExcelJS(buf)) as unknown as ExcelJS.Buffer);
  } catch {
    fail("corrupt", file);
  }
  await markEmptyTextResults(wb, buf);
  return wb;
}

/**
 * Before ExcelJS (which unzips everything with JSZip and holds every cell as an object): unzip every part under the
 * streaming limit (a zip that lies about its sizes stops here, not in JSZip), and read the cells with the fast
 * reader, which refuses a workbook with more cells than ExcelJS can hold, or a sheet whose used range is too large.
 */
function guardForExcelJS(buf: Buffer, file: string): void {
  const bytes = new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  unzipGuarded(
    bytes,
    file,
    () => true,
    "corrupt",
    () => undefined,
  );
  try {
    readXlsxFast(bytes, file);
  } catch (e) {
    if (e instanceof XlsxReadError) throw e;
    // Anything else the fast reader does not know: ExcelJS reads it, or says why it cannot.
  }
}

/** The protected sheets (ExcelJS keeps an xlsx's <sheetProtection sheet="1"> as `sheetProtection`). */
export function protectedSheets(wb: ExcelJS.Workbook): string[] {
  return wb.worksheets
    .filter((ws) => (ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet === true)
    .map((ws) => ws.name);
}

/** The bytes ExcelJS is given: the file's, or a copy with sheets under unusual part names moved where it looks. */
async function readableByExcelJS(buf: Buffer): Promise<Buffer> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(buf);
  } catch {
    return buf; // ExcelJS says what is wrong
  }
  const moved = await normalizeSheetParts(zip);
  return moved ? moved.generateAsync({ type: "nodebuffer", compression: "STORE" }) : buf;
}

/**
 * ExcelJS reads a formula showing "" (t="str", empty value) exactly like one never calculated (no value): tell them
 * apart from the file itself, only when some formula has no result (the common file has none such).
 */
async function markEmptyTextResults(wb: ExcelJS.Workbook, buf: Buffer): Promise<void> {
  const pending = new Map<string, ExcelJS.Cell[]>();
  wb.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.type !== excelJs().ValueType.Formula) return;
        if (formulaResult(cell) === undefined) {
          const list = pending.get(ws.name) ?? [];
          list.push(cell);
          pending.set(ws.name, list);
        }
      }),
    ),
  );
  if (pending.size === 0) return;
  let empty: Map<string, Set<string>>;
  try {
    empty = await emptyTextFormulaCells(await JSZip.loadAsync(buf), new Set(pending.keys()));
  } catch {
    return; // ExcelJS read it; an unreadable detail only leaves those formulas marked as never calculated
  }
  for (const [name, cells] of pending) {
    const found = empty.get(name);
    if (!found) continue;
    for (const cell of cells) {
      if (found.has(cell.address)) cell.value = { ...(cell.value as object), result: "" } as ExcelJS.CellValue;
    }
  }
}

export function workbookToGrid(wb: ExcelJS.Workbook, source?: string): WorkbookGrid {
  const date1904 = Boolean((wb.properties as { date1904?: boolean } | undefined)?.date1904);
  const sheets: SheetGrid[] = [];
  wb.eachSheet((ws) => {
    const sheet = sheetToGrid(ws, date1904);
    if (date1904) sheet.date1904 = true; // a date's serial, and the date it names, count from 1904
    sheets.push(sheet);
  });
  return source === undefined ? { sheets } : { sheets, source };
}

/** An ExcelJS worksheet -> SheetGrid over the range of cells that hold a value or formula. */
export function sheetToGrid(ws: ExcelJS.Worksheet, date1904 = false): SheetGrid {
  type Found = { row: number; col: number; value: CellValue; formula?: string; kind?: CellKind };
  const found: Found[] = [];
  const mergeBoxes = new Map<string, CellRange>();
  const hiddenRows: number[] = [];
  ws.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    if (row.hidden) hiddenRows.push(rowNumber - 1);
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const r = rowNumber - 1;
      const c = colNumber - 1;
      if (cell.type === excelJs().ValueType.Merge) {
        const m = cell.master;
        const key = m.address;
        const mr = Number(m.row) - 1;
        const mc = Number(m.col) - 1;
        const box = mergeBoxes.get(key) ?? { top: mr, left: mc, bottom: mr, right: mc };
        box.bottom = Math.max(box.bottom, r);
        box.right = Math.max(box.right, c);
        mergeBoxes.set(key, box);
        return;
      }
      const { value, formula, kind } = cellContent(cell, date1904);
      if (value === null && !formula) return;
      found.push(kind ? { row: r, col: c, value, formula, kind } : { row: r, col: c, value, formula });
    });
  });
  const merges = [...mergeBoxes.values()];
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  const extend = (r: number, c: number): void => {
    top = Math.min(top, r);
    left = Math.min(left, c);
    bottom = Math.max(bottom, r);
    right = Math.max(right, c);
  };
  for (const f of found) extend(f.row, f.col);
  for (const m of merges) {
    extend(m.top, m.left);
    extend(m.bottom, m.right);
  }
  if (bottom < 0) return { name: ws.name, top: 0, left: 0, values: [], formulas: [], merges, hiddenRows };
  let kinds: (CellKind | null)[][] | undefined;
  const height = bottom - top + 1;
  const width = right - left + 1;
  const values: CellValue[][] = [];
  const formulas: (string | null)[][] = [];
  for (let r = 0; r < height; r++) {
    values.push(new Array<CellValue>(width).fill(null));
    formulas.push(new Array<string | null>(width).fill(null));
  }
  for (const f of found) {
    values[f.row - top]![f.col - left] = f.value;
    if (f.formula) formulas[f.row - top]![f.col - left] = f.formula;
    if (f.kind) {
      kinds ??= [];
      (kinds[f.row - top] ??= [])[f.col - left] = f.kind;
    }
  }
  const grid: SheetGrid = { name: ws.name, top, left, values, formulas, merges, hiddenRows };
  if (kinds) grid.kinds = kinds;
  return grid;
}

const MS_PER_DAY = 86400000;

function dateToSerial(d: Date, date1904: boolean): number {
  // ExcelJS reads serials as UTC midnights; the inverse is exact for whole days.
  return d.getTime() / MS_PER_DAY + (date1904 ? 24107 : 25569);
}

function plain(v: unknown, date1904: boolean): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) return dateToSerial(v, date1904);
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    if (typeof o.error === "string") return { error: o.error };
    if (Array.isArray(o.richText)) return (o.richText as { text?: string }[]).map((t) => t.text ?? "").join("");
    if ("hyperlink" in o || "text" in o) return plain(o.text, date1904);
    if ("formula" in o || "sharedFormula" in o) return plain(o.result, date1904);
  }
  return null;
}

/**
 * The cached result of a formula cell as the file holds it. Not `cell.value.result`: ExcelJS's value copy drops a
 * falsy result, so a formula showing 0 or "" would read as never calculated.
 */
function formulaResult(cell: ExcelJS.Cell): unknown {
  return (cell as unknown as { result?: unknown }).result;
}

function cellContent(cell: ExcelJS.Cell, date1904: boolean): { value: CellValue; formula?: string; kind?: CellKind } {
  if (cell.type === excelJs().ValueType.Formula) {
    const f = cell.formula;
    const result = formulaResult(cell);
    const formula = f ? (f.startsWith("=") ? f : `=${f}`) : undefined;
    if (result === undefined || result === null)
      return formula ? { value: null, formula, kind: "uncached" } : { value: null };
    const value = plain(result, date1904);
    const kind = kindOf(result, value, cell);
    return kind ? { value, formula, kind } : { value, formula };
  }
  const value = plain(cell.value, date1904);
  const kind = kindOf(cell.value, value, cell);
  return kind ? { value, kind } : { value };
}

/** "date"/"time" for a number that ExcelJS turned into a Date, or whose number format shows it as one. */
function kindOf(raw: unknown, value: CellValue, cell: ExcelJS.Cell): CellKind | undefined {
  if (typeof value !== "number") return undefined;
  const byFormat = numberFormatKind(cell.numFmt);
  if (raw instanceof Date) return byFormat ?? "date";
  return byFormat ?? undefined;
}
