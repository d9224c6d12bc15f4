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
import { promises as fs } from "node:fs";
import * as v8 from "node:v8";
import ExcelJS from "exceljs";
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

export { applyPlan } from "./xlsx-write";

export type XlsxErrorCode =
  | "not-found"
  | "is-directory"
  | "empty-file"
  | "encrypted"
  | "xls-format"
  | "wps-format"
  | "ods-format"
  | "xlsb-format"
  | "text-format"
  | "not-xlsx"
  | "corrupt"
  | "unreadable"
  | "not-regular"
  | "too-large"
  | "doc-format"
  | "needs-ocr"
  | "not-docx"
  | "not-pdf";

/** A file the CLI cannot read: a value the CLI prints, never a stack trace. */
export class XlsxReadError extends Error {
  readonly code: XlsxErrorCode;
  readonly file: string;
  readonly reason: { zh: string; en: string };
  constructor(code: XlsxErrorCode, file: string, reason: { zh: string; en: string }) {
    super(`${file}: ${reason.en}`);
    this.name = "XlsxReadError";
    this.code = code;
    this.file = file;
    this.reason = reason;
  }
}

const REASONS: Record<XlsxErrorCode, { zh: string; en: string }> = {
  "not-found": { zh: "文件不存在", en: "file not found" },
  "is-directory": { zh: "这是一个文件夹，不是 .xlsx 文件", en: "this is a directory, not an .xlsx file" },
  "empty-file": { zh: "文件是空的（0 字节）", en: "the file is empty (0 bytes)" },
  encrypted: {
    zh: "文件设置了打开密码（已加密），请在 Excel 中取消密码后另存为 .xlsx 再试",
    en: "the file is password-protected (encrypted); remove the password in Excel, save as .xlsx and try again",
  },
  "xls-format": {
    zh: "这是旧版 Excel 97-2003 (.xls) 文件，不是 .xlsx；请在 Excel 或 WPS 中另存为 .xlsx 格式再试",
    en: "this is an old Excel 97-2003 (.xls) file, not .xlsx; save it as .xlsx in Excel or WPS and try again",
  },
  "wps-format": {
    zh: "这是 WPS 专用格式（.et/.wps）文件，不是 .xlsx；请在 Excel 或 WPS 中另存为 .xlsx 格式再试",
    en: "this is a WPS-only format (.et/.wps) file, not .xlsx; save it as .xlsx in Excel or WPS and try again",
  },
  "ods-format": {
    zh: "这是 OpenDocument 电子表格（.ods）文件，不是 .xlsx；请在 Excel 或 WPS 中另存为 .xlsx 格式再试",
    en: "this is an OpenDocument spreadsheet (.ods), not .xlsx; save it as .xlsx in Excel or WPS and try again",
  },
  "xlsb-format": {
    zh: "这是 Excel 二进制工作簿（.xlsb）文件，不是 .xlsx；请在 Excel 或 WPS 中另存为 .xlsx 格式再试",
    en: "this is an Excel binary workbook (.xlsb), not .xlsx; save it as .xlsx in Excel or WPS and try again",
  },
  "text-format": {
    zh: "这是文本文件（如 CSV），不是 .xlsx 工作簿；请在 Excel 或 WPS 中另存为 .xlsx 格式再试",
    en: "this is a text file (such as CSV), not an .xlsx workbook; save it as .xlsx in Excel or WPS and try again",
  },
  "not-xlsx": {
    zh: "不是 .xlsx 工作簿文件；如是其他表格格式，请在 Excel 或 WPS 中另存为 .xlsx 格式",
    en: "not an .xlsx workbook file; if it is another spreadsheet format, save it as .xlsx in Excel or WPS",
  },
  corrupt: {
    zh: "文件已损坏或不是有效的 .xlsx 工作簿，无法打开",
    en: "the file is damaged or not a valid .xlsx workbook and cannot be opened",
  },
  unreadable: { zh: "无法读取文件", en: "the file cannot be read" },
  "not-regular": {
    zh: "不是普通文件（可能是管道、设备或套接字），未读取",
    en: "not a regular file (a pipe, device or socket); not read",
  },
  "too-large": { zh: "文件过大", en: "the file is too large" },
  "doc-format": {
    zh: "这是旧版 Word 97-2003 (.doc) 文件；请在 Word 或 WPS 中另存为 .docx 格式再试",
    en: "this is an old Word 97-2003 (.doc) file; save it as .docx in Word or WPS and try again",
  },
  "needs-ocr": {
    zh: "这个 PDF 没有文字层（是扫描件或图片），需要先做文字识别（OCR）才能核对；未作任何猜测",
    en: "this PDF has no text layer (a scan or images); it needs OCR before it can be checked; nothing was guessed",
  },
  "not-docx": {
    zh: "文件已损坏或不是有效的 Word (.docx) 文件，无法打开",
    en: "the file is damaged or not a valid Word (.docx) file and cannot be opened",
  },
  "not-pdf": {
    zh: "文件已损坏或不是有效的 PDF 文件，无法打开",
    en: "the file is damaged or not a valid PDF file and cannot be opened",
  },
};

export function fail(code: XlsxErrorCode, file: string, detail?: string): never {
  const r = REASONS[code];
  throw new XlsxReadError(
    code,
    file,
    detail ? { zh: `${r.zh}（${detail}）`, en: `${r.en} (${detail})` } : { zh: r.zh, en: r.en },
  );
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const EMPTY_ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** What the first bytes say the file is, before ExcelJS tries it. */
export function sniff(buf: Buffer, file: string): void {
  if (buf.length === 0) fail("empty-file", file);
  if (buf.subarray(0, 4).equals(ZIP_MAGIC) || buf.subarray(0, 4).equals(EMPTY_ZIP_MAGIC)) {
    // Other zip-based spreadsheets, told by what they hold (ExcelJS would read them as an empty workbook):
    // an ODS starts with its uncompressed "mimetype" entry; an .xlsb names xl/workbook.bin (entry names are plain).
    if (buf.subarray(0, 200).includes("application/vnd.oasis.opendocument")) fail("ods-format", file);
    if (buf.includes("xl/workbook.bin") && !buf.includes("xl/workbook.xml")) fail("xlsb-format", file);
    return;
  }
  if (buf.subarray(0, 8).equals(OLE_MAGIC)) {
    // An encrypted .xlsx is an OLE compound file with an "EncryptionInfo" stream (names are UTF-16LE).
    if (buf.includes(Buffer.from("EncryptionInfo", "utf16le"))) fail("encrypted", file);
    if (/\.(et|ett|wps|dps)$/i.test(file)) fail("wps-format", file);
    fail("xls-format", file);
  }
  if (/\.f?ods$/i.test(file) && buf.subarray(0, 4096).includes("opendocument")) fail("ods-format", file);
  if (looksLikeText(buf.subarray(0, 4096))) fail("text-format", file);
  fail("not-xlsx", file);
}

function looksLikeText(head: Buffer): boolean {
  if (head.includes(0)) {
    // UTF-16 text has NULs; accept a BOM.
    return (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
  }
  let control = 0;
  for (const b of head) if (b < 0x09 || (b > 0x0d && b < 0x20)) control++;
  return control <= head.length / 100;
}

/** Reads an .xlsx file into the engine's grid. Throws XlsxReadError (never anything else) for a file it cannot read. */
/** `bytes`: the file's bytes already being read by readXlsxBytes (the check command reads the next file ahead). */
export async function readXlsx(file: string, bytes?: Promise<Buffer>): Promise<WorkbookGrid> {
  return workbookToGrid(await parseXlsx(await (bytes ?? readXlsxBytes(file)), file), file);
}

/** Loads an .xlsx file with ExcelJS after checking what it is; throws XlsxReadError with a clear reason. */
export async function loadXlsx(file: string): Promise<ExcelJS.Workbook> {
  return parseXlsx(await readXlsxBytes(file), file);
}

/** The bytes of a workbook file; throws XlsxReadError (not found, a directory, unreadable). */
export async function readXlsxBytes(file: string): Promise<Buffer> {
  let stat;
  try {
    stat = await fs.stat(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") fail("not-found", file);
    fail("unreadable", file, code ?? String(e));
  }
  if (stat.isDirectory()) fail("is-directory", file);
  // A FIFO named x.xlsx would block the read forever: only regular files are opened.
  if (!stat.isFile()) fail("not-regular", file);
  if (stat.size > LIMITS.fileBytes)
    fail("too-large", file, tooLarge(stat.size, LIMITS.fileBytes, "文件大小", "file size"));
  let buf: Buffer;
  try {
    buf = await fs.readFile(file);
  } catch (e) {
    fail("unreadable", file, (e as NodeJS.ErrnoException).code ?? String(e));
  }
  return buf;
}

/**
 * Limits that keep a hostile or huge file from exhausting memory (ExcelJS holds the whole workbook): the file size,
 * and the unzipped size the zip declares, at most an eighth of the heap (ExcelJS needs several times the XML).
 */
export const LIMITS = {
  fileBytes: 100 * 1024 * 1024,
  unzippedBytes: Math.min(400 * 1024 * 1024, Math.floor(v8.getHeapStatistics().heap_size_limit / 8)),
};

function mb(n: number): string {
  return `${Math.round(n / 1024 / 1024)} MB`;
}

function tooLarge(size: number, limit: number, zh: string, en: string): string {
  return `${zh} ${mb(size)}，上限 ${mb(limit)} / ${en} ${mb(size)}, limit ${mb(limit)}`;
}

/** An .xlsx workbook from the bytes of `file`, after checking what they are; throws XlsxReadError. */
export async function parseXlsx(buf: Buffer, file: string): Promise<ExcelJS.Workbook> {
  sniff(buf, file);
  checkUnzippedSize(buf, file);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load((await readableByExcelJS(buf)) as unknown as ExcelJS.Buffer);
  } catch {
    fail("corrupt", file);
  }
  await markEmptyTextResults(wb, buf);
  return wb;
}

/** The protected sheets (ExcelJS keeps an xlsx's <sheetProtection sheet="1"> as `sheetProtection`). */
export function protectedSheets(wb: ExcelJS.Workbook): string[] {
  return wb.worksheets
    .filter((ws) => (ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet === true)
    .map((ws) => ws.name);
}

/**
 * A zip bomb (or a workbook too big for memory) is "too large", said before anything is unzipped. Every zip reader
 * (ExcelJS, the fast .xlsx reader, the .docx reader) is behind this check.
 */
export function checkUnzippedSize(buf: Uint8Array, file: string): void {
  const total = declaredUnzippedSize(buf);
  if (total !== undefined && total > LIMITS.unzippedBytes) {
    fail("too-large", file, tooLarge(total, LIMITS.unzippedBytes, "解压后大小", "unzipped size"));
  }
}

/**
 * The unzipped size a zip declares in its central directory, summed over its entries, without decompressing
 * anything (Zip64 sizes included); undefined when the bytes hold no central directory (the reader then says
 * "damaged", and so it does for a directory that claims more entries than it holds: the zip readers refuse those too).
 */
export function declaredUnzippedSize(buf: Uint8Array): number | undefined {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const u32 = (at: number): number => view.getUint32(at, true);
  const u16 = (at: number): number => view.getUint16(at, true);
  const u64 = (at: number): number => u32(at) + u32(at + 4) * 2 ** 32;
  let eocd = -1;
  for (let at = buf.length - 22; at >= Math.max(0, buf.length - 22 - 0xffff); at--) {
    if (u32(at) === 0x06054b50) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) return undefined;
  let entries = u16(eocd + 10);
  let offset = u32(eocd + 16);
  if ((offset === 0xffffffff || entries === 0xffff) && eocd >= 20 && u32(eocd - 20) === 0x07064b50) {
    const z64 = u64(eocd - 20 + 8);
    if (z64 + 56 > buf.length || u32(z64) !== 0x06064b50) return undefined;
    entries = u64(z64 + 32);
    offset = u64(z64 + 48);
  }
  let total = 0;
  let at = offset;
  for (let i = 0; i < entries; i++) {
    if (at + 46 > buf.length || u32(at) !== 0x02014b50) return undefined;
    let size = u32(at + 24);
    const nameLen = u16(at + 28);
    const extraLen = u16(at + 30);
    const commentLen = u16(at + 32);
    if (size === 0xffffffff) {
      // Zip64 extended information: the uncompressed size is its first field.
      let found: number | undefined;
      for (let x = at + 46 + nameLen; x + 4 <= at + 46 + nameLen + extraLen && x + 4 <= buf.length;) {
        const id = u16(x);
        const len = u16(x + 2);
        if (id === 0x0001 && len >= 8 && x + 12 <= buf.length) {
          found = u64(x + 4);
          break;
        }
        x += 4 + len;
      }
      if (found === undefined) return undefined;
      size = found;
    }
    total += size;
    at += 46 + nameLen + extraLen + commentLen;
  }
  return total;
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
        if (cell.type !== ExcelJS.ValueType.Formula) return;
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
  wb.eachSheet((ws) => sheets.push(sheetToGrid(ws, date1904)));
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
      if (cell.type === ExcelJS.ValueType.Merge) {
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
  if (cell.type === ExcelJS.ValueType.Formula) {
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
