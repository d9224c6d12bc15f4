/**
 * An .xlsx file read in the browser, without a server (the task pane's 导入上年数据): the same grid reader as the
 * CLI (./read.ts), unzipping with fflate under limits fit for a task pane. Loaded on demand as a chunk of its own
 * (src/taskpane/prior-file.ts), so the pane's first load does not carry it.
 *
 * A file it cannot read is an XlsxProblem with a code the pane words (i18n.ts priorProblem*), never a stack trace.
 */
import type { WorkbookGrid } from "../core/grid";
import { readXlsxGrid } from "./read";
import { declaredUnzippedSize, inflateBounded, unzipEntries, zipEntries } from "./zip";

export type XlsxProblemCode = "empty" | "xls" | "encrypted" | "not-xlsx" | "damaged" | "too-large";

export class XlsxProblem extends Error {
  readonly code: XlsxProblemCode;
  /** What was too large, with the figure and the limit ("文件大小 31 MB，上限 20 MB"), for "too-large". */
  readonly detail?: { zh: string; en: string };
  constructor(code: XlsxProblemCode, detail?: { zh: string; en: string }) {
    super(detail ? `${code}: ${detail.en}` : code);
    this.name = "XlsxProblem";
    this.code = code;
    if (detail) this.detail = detail;
  }
}

/**
 * A counts sheet is a few hundred cells; last year's workbook may hold other sheets too. These keep a damaged or
 * hostile file from freezing the pane (a zip bomb stops at its declared size, which is held under unzippedBytes).
 */
export const BROWSER_LIMITS = {
  fileBytes: 20 * 1024 * 1024,
  unzippedBytes: 100 * 1024 * 1024,
  cells: 500_000,
  sheetArea: 5_000_000,
};

const mb = (n: number): string => `${Math.max(1, Math.round(n / 1024 / 1024))} MB`;

function tooLarge(zh: string, en: string, size: string, limit: string): XlsxProblem {
  return new XlsxProblem("too-large", { zh: `${zh} ${size}，上限 ${limit}`, en: `${en} ${size}, limit ${limit}` });
}

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/** The bytes `needle` (ASCII, or UTF-16LE when wide) somewhere in the first `within` bytes. */
function holds(bytes: Uint8Array, needle: string, wide = false, within = bytes.length): boolean {
  const codes: number[] = [];
  for (let i = 0; i < needle.length; i++) {
    codes.push(needle.charCodeAt(i));
    if (wide) codes.push(0);
  }
  const end = Math.min(bytes.length, within) - codes.length;
  outer: for (let at = 0; at <= end; at++) {
    for (let k = 0; k < codes.length; k++) if (bytes[at + k] !== codes[k]) continue outer;
    return true;
  }
  return false;
}

/** What the first bytes say the file is: throws for anything but a zip that may be an .xlsx. */
function sniff(bytes: Uint8Array): void {
  if (bytes.length === 0) throw new XlsxProblem("empty");
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    if (holds(bytes, "application/vnd.oasis.opendocument", false, 200)) throw new XlsxProblem("not-xlsx");
    return;
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    // An encrypted .xlsx is an OLE compound file with an "EncryptionInfo" stream (names are UTF-16LE).
    throw new XlsxProblem(holds(bytes, "EncryptionInfo", true) ? "encrypted" : "xls");
  }
  throw new XlsxProblem("not-xlsx");
}

/** The workbook's grid (every sheet's values and formulas), or an XlsxProblem. */
export function readXlsxInBrowser(bytes: Uint8Array): WorkbookGrid {
  if (bytes.length > BROWSER_LIMITS.fileBytes)
    throw tooLarge("文件大小", "file size", mb(bytes.length), mb(BROWSER_LIMITS.fileBytes));
  sniff(bytes);
  const declared = declaredUnzippedSize(bytes);
  if (declared === undefined) throw new XlsxProblem("damaged");
  if (declared > BROWSER_LIMITS.unzippedBytes)
    throw tooLarge("解压后大小", "unzipped size", mb(declared), mb(BROWSER_LIMITS.unzippedBytes));
  const entries = zipEntries(bytes)!;
  // A zip that is not a workbook (a .docx, an .xlsb, a folder zipped): said as "not an .xlsx", not "damaged".
  if (!entries.some((e) => e.name === "xl/workbook.xml")) throw new XlsxProblem("not-xlsx");
  try {
    return readXlsxGrid(bytes, {
      unzip: (b, wanted) =>
        unzipEntries(b, entries, wanted, {
          inflate: inflateBounded,
          fault: () => {
            throw new XlsxProblem("damaged");
          },
        }),
      cells: (n) => {
        if (n > BROWSER_LIMITS.cells) throw tooLarge("单元格", "cells", `${n}`, `${BROWSER_LIMITS.cells}`);
      },
      area: (sheet, range, area) => {
        if (area > BROWSER_LIMITS.sheetArea)
          throw new XlsxProblem("too-large", {
            zh: `工作表“${sheet}”的已用区域 ${range} 有 ${area} 个单元格，上限 ${BROWSER_LIMITS.sheetArea} 个`,
            en: `sheet "${sheet}" uses ${range}, ${area} cells, limit ${BROWSER_LIMITS.sheetArea}`,
          });
      },
    });
  } catch (e) {
    if (e instanceof XlsxProblem) throw e;
    // Anything else the reader met (no xl/workbook.xml, broken XML): the file is not a workbook it can read.
    throw new XlsxProblem("damaged");
  }
}
