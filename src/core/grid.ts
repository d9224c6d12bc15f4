/**
 * The input of the engine: a sheet as a grid of cell values (and formulas), as either host reads it.
 * Rows and columns are 0-based and absolute (row 0 = Excel row 1, col 0 = column A).
 */

/** An Excel error value such as #REF!, #DIV/0!, #N/A. Hosts map their own error shapes to this. */
export interface CellError {
  error: string;
}

/** null = blank cell. Strings are kept exactly as typed (no trimming). */
export type CellValue = string | number | boolean | null | CellError;

/**
 * What a cell is beyond the type of its value, where the host knows it (absent = a plain value):
 * - "date": a number shown as a date (or date and time) by its number format: the value is the serial number;
 * - "time": a number shown as a time of day or a duration ("h:mm", "[h]:mm"): the value is the fraction of a day;
 * - "uncached": a formula whose result the file does not hold (never calculated): the value is null, but Excel
 *   will show a computed result once it opens the file.
 */
export type CellKind = "date" | "time" | "uncached";

export interface SheetGrid {
  name: string;
  /** Absolute position of values[0][0] (the top-left of the used range). */
  top: number;
  left: number;
  /** values[r][c] is the cell at (top + r, left + c). Rows may be ragged; missing = blank. */
  values: CellValue[][];
  /** Same shape as values where known; "" or undefined where the cell has no formula. */
  formulas?: (string | null | undefined)[][];
  /** Same shape as values where known; null or undefined for a plain value. Sparse is fine (most cells are plain). */
  kinds?: (CellKind | null | undefined)[][];
  /** Merged areas in absolute coordinates, when the host knows them. */
  merges?: CellRange[];
  /** Absolute row indices that are hidden, when the host knows them. */
  hiddenRows?: number[];
  /**
   * The workbook counts dates from 1904 (Excel for Mac's old default; File > Options > Advanced > "Use 1904 date
   * system"): a date's serial is 1,462 days smaller than in the 1900 system. Absent = the 1900 system, or unknown.
   */
  date1904?: boolean;
}

export interface WorkbookGrid {
  sheets: SheetGrid[];
  /** Where the workbook came from (file path or "current workbook"), for messages only. */
  source?: string;
}

export interface CellRef {
  sheet: string;
  row: number;
  col: number;
}

export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export function isCellError(v: CellValue): v is CellError {
  return typeof v === "object" && v !== null && "error" in v;
}

/** 0 -> "A", 25 -> "Z", 26 -> "AA". */
export function columnLetters(col: number): string {
  let n = col + 1;
  let s = "";
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** "AA" -> 26. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** A sheet name as it must appear in a reference: quoted when it is not a plain identifier. */
export function quoteSheetName(name: string): string {
  if (/^[A-Za-z_\u4e00-\u9fff][A-Za-z0-9_.\u4e00-\u9fff]*$/.test(name) && !/^[A-Za-z]{1,3}[0-9]+$/.test(name)) {
    return name;
  }
  return `'${name.replace(/'/g, "''")}'`;
}

/** "B3" for (2, 1). */
export function a1(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

/** "公开数据!B3", "'My Sheet'!B3". */
export function cellAddress(ref: CellRef): string {
  return `${quoteSheetName(ref.sheet)}!${a1(ref.row, ref.col)}`;
}

/** "B3:D7" (or "B3" for a single cell). */
export function rangeA1(r: CellRange): string {
  const tl = a1(r.top, r.left);
  return r.top === r.bottom && r.left === r.right ? tl : `${tl}:${a1(r.bottom, r.right)}`;
}

/** Parse "B3" or "$B$3" into 0-based coordinates. */
export function parseA1(ref: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?([0-9]+)$/.exec(ref.trim());
  if (!m) return null;
  return { row: Number(m[2]) - 1, col: columnIndex(m[1]!) };
}

/** Value at an absolute position, or null when outside the grid. */
export function valueAt(sheet: SheetGrid, row: number, col: number): CellValue {
  const r = sheet.values[row - sheet.top];
  if (!r) return null;
  const v = r[col - sheet.left];
  return v === undefined ? null : v;
}

export function formulaAt(sheet: SheetGrid, row: number, col: number): string | null {
  const r = sheet.formulas?.[row - sheet.top];
  const f = r?.[col - sheet.left];
  return typeof f === "string" && f.startsWith("=") ? f : null;
}

/** The kind of the cell at an absolute position (null for a plain value or where the host did not say). */
export function kindAt(sheet: SheetGrid, row: number, col: number): CellKind | null {
  const k = sheet.kinds?.[row - sheet.top]?.[col - sheet.left];
  return k === "date" || k === "time" || k === "uncached" ? k : null;
}

/**
 * What an Excel number format shows a number as: "date" (any year, month or day part, with or without a time),
 * "time" (hours, minutes or seconds only, including elapsed "[h]:mm"), or null (a number, percent, text…).
 * Only the first section (positive numbers) counts, as Excel's own date test does.
 */
export function numberFormatKind(format: string | null | undefined): "date" | "time" | null {
  if (!format) return null;
  let f = format.split(/;(?=(?:[^"]*"[^"]*")*[^"]*$)/)[0] ?? "";
  const elapsed = /\[(h+|m+|s+)\]/i.test(f);
  f = f
    .replace(/"[^"]*"/g, "") // quoted text
    .replace(/\\./g, "") // escaped characters
    .replace(/\[[^\]]*\]/g, "") // [Red], [$-804], [DBNum1], [h]
    .replace(/_.|\*./g, ""); // padding and fill
  f = f.replace(/general/gi, "").replace(/e[+-]/gi, ""); // General; scientific 0.00E+00
  if (/[yde]|a{3,4}/i.test(f.replace(/am\/pm|a\/p/gi, ""))) return "date";
  if (elapsed) return "time";
  // "m" alone is a month unless it sits next to hours or seconds (then it is minutes).
  if (/m/i.test(f)) return /[hs]/i.test(f) ? "time" : "date";
  if (/[hs]/i.test(f)) return "time";
  return null;
}

/**
 * Cells as few ranges, for people to read ("F33:K33", "D35:D36"): each row's runs of adjacent cells, and the same run
 * in consecutive rows one rectangle. Sheet by sheet in the order they first appear; within a sheet top to bottom,
 * left to right. Duplicates count once.
 */
export function cellRanges(refs: CellRef[]): { sheet: string; range: CellRange }[] {
  const bySheet = new Map<string, Map<number, Set<number>>>();
  for (const r of refs) {
    let rows = bySheet.get(r.sheet);
    if (!rows) bySheet.set(r.sheet, (rows = new Map()));
    let cols = rows.get(r.row);
    if (!cols) rows.set(r.row, (cols = new Set()));
    cols.add(r.col);
  }
  const out: { sheet: string; range: CellRange }[] = [];
  for (const [sheet, rows] of bySheet) {
    const rects: CellRange[] = [];
    /** The rectangle a run of these columns may extend downwards ("left:right" -> rectangle). */
    const open = new Map<string, CellRange>();
    for (const row of [...rows.keys()].sort((a, b) => a - b)) {
      const cols = [...rows.get(row)!].sort((a, b) => a - b);
      for (let i = 0; i < cols.length;) {
        let j = i;
        while (j + 1 < cols.length && cols[j + 1] === cols[j]! + 1) j++;
        const left = cols[i]!;
        const right = cols[j]!;
        const key = `${left}:${right}`;
        const above = open.get(key);
        if (above && above.bottom === row - 1) above.bottom = row;
        else {
          const rect = { top: row, left, bottom: row, right };
          rects.push(rect);
          open.set(key, rect);
        }
        i = j + 1;
      }
    }
    rects.sort((a, b) => a.top - b.top || a.left - b.left);
    for (const range of rects) out.push({ sheet, range });
  }
  return out;
}

/**
 * The cells as ranges joined by `sep` ("公开数据!F33:K33、公开数据!D35"; `sheet: false` leaves the sheet out:
 * "F33:K33、D35"); past `max` ranges the rest is said by `more(n)` (n = ranges left out).
 */
export function rangesText(
  refs: CellRef[],
  opts: { sep: string; sheet?: boolean; max?: number; more?: (n: number) => string },
): string {
  const labels = cellRanges(refs).map(({ sheet, range }) =>
    opts.sheet === false ? rangeA1(range) : `${quoteSheetName(sheet)}!${rangeA1(range)}`,
  );
  const max = opts.max ?? Infinity;
  if (labels.length <= max) return labels.join(opts.sep);
  const shown = labels.slice(0, max).join(opts.sep);
  return opts.more ? shown + opts.more(labels.length - max) : shown;
}
