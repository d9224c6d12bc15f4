/**
 * What the CLI refuses to read, and why, in plain words: the reasons (XlsxReadError), and the limits that keep a
 * hostile or huge file from exhausting memory: the file's size, the unzipped size its zip declares, the real size
 * while unzipping (a zip whose directory lies is stopped at the size it declared, never inflated without bound), and
 * the number of cells (ExcelJS holds every cell as an object; a grid is dense over a sheet's used range).
 */
import * as v8 from "node:v8";
import * as zlib from "node:zlib";
import { declaredUnzippedSize, unzipEntries, zipEntries } from "../xlsx/zip";

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

export function fail(code: XlsxErrorCode, file: string, detail?: string | { zh: string; en: string }): never {
  const r = REASONS[code];
  const d = typeof detail === "string" ? { zh: detail, en: detail } : detail;
  throw new XlsxReadError(
    code,
    file,
    d ? { zh: `${r.zh}（${d.zh}）`, en: `${r.en} (${d.en})` } : { zh: r.zh, en: r.en },
  );
}

const HEAP = v8.getHeapStatistics().heap_size_limit;

/**
 * The limits, from the heap this process has (`node --max-old-space-size`): the file size; the unzipped size (an
 * eighth of the heap: ExcelJS needs several times the XML); the cells of a workbook (ExcelJS keeps ~300-400 bytes a
 * cell once loaded and about twice that while loading: 2 KB a cell of heap); the used range of one sheet (the
 * grid is dense over it: ~16 bytes a slot; a heap-sixty-fourth). Tests lower them; the CLI never raises them.
 */
export const LIMITS = {
  fileBytes: 100 * 1024 * 1024,
  unzippedBytes: Math.min(400 * 1024 * 1024, Math.floor(HEAP / 8)),
  cells: Math.min(2_000_000, Math.floor(HEAP / 2048)),
  sheetArea: Math.min(20_000_000, Math.floor(HEAP / 64)),
};

function mb(n: number): string {
  return `${Math.round(n / 1024 / 1024)} MB`;
}

export function tooLarge(size: number, limit: number, zh: string, en: string): string {
  return `${zh} ${mb(size)}，上限 ${mb(limit)} / ${en} ${mb(size)}, limit ${mb(limit)}`;
}

const count = (n: number): string => n.toLocaleString("en-US");

/** A workbook holding more cells than the limit: "文件过大（单元格 N 个，上限 M 个）". */
export function checkCellCount(cells: number, file: string): void {
  if (cells > LIMITS.cells)
    fail(
      "too-large",
      file,
      `单元格 ${count(cells)} 个，上限 ${count(LIMITS.cells)} 个 / ${count(cells)} cells, limit ${count(LIMITS.cells)}`,
    );
}

/** A sheet whose used range is too large to lay out as a grid (e.g. one stray cell in XFD1048576). */
export function checkSheetArea(sheet: string, range: string, area: number, file: string): void {
  if (area > LIMITS.sheetArea)
    fail(
      "too-large",
      file,
      `工作表“${sheet}”的已用区域 ${range} 有 ${count(area)} 个单元格，上限 ${count(LIMITS.sheetArea)} 个；` +
        `请删除远处的空白格式或多余内容后再试 / sheet "${sheet}" uses ${range}, ${count(area)} cells, ` +
        `limit ${count(LIMITS.sheetArea)}; delete the far-away content or formatting and try again`,
    );
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

export { declaredUnzippedSize, zipEntries, type ZipEntry } from "../xlsx/zip";

/**
 * Unzips the entries `wanted` picks, never past what the directory declares: each entry is inflated with the
 * declared size as the ceiling (the stream stops there), and a real size other than the declared one is "damaged".
 * So memory is bounded by the declared sizes, which checkUnzippedSize has held under the limit, whatever the zip
 * really holds (a directory that lies about a 2 GB part is stopped after its declared bytes, not by memory).
 * `onEntry` receives each unzipped entry instead of keeping them (the pre-pass before ExcelJS keeps nothing).
 */
export function unzipGuarded(
  buf: Uint8Array,
  file: string,
  wanted: (name: string) => boolean,
  damaged: XlsxErrorCode = "corrupt",
  onEntry?: (name: string, data: Uint8Array) => void,
): Map<string, Uint8Array> {
  checkUnzippedSize(buf, file);
  const entries = zipEntries(buf);
  if (!entries) fail(damaged, file);
  return unzipEntries(
    buf,
    entries,
    wanted,
    {
      inflate(data, size) {
        try {
          // maxOutputLength: inflating stops (RangeError) as soon as the output passes the declared size.
          return zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, size) });
        } catch (err) {
          if ((err as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") return "overrun";
          throw err;
        }
      },
      fault: (_kind, detail) => fail(damaged, file, detail),
    },
    onEntry,
  );
}
