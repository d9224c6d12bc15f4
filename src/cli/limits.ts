/**
 * What the CLI refuses to read, and why, in plain words: the reasons (XlsxReadError), and the limits that keep a
 * hostile or huge file from exhausting memory: the file's size, the unzipped size its zip declares, the real size
 * while unzipping (a zip whose directory lies is stopped at the size it declared, never inflated without bound), and
 * the number of cells (ExcelJS holds every cell as an object; a grid is dense over a sheet's used range).
 */
import * as v8 from "node:v8";
import * as zlib from "node:zlib";

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

/** One entry of a zip's central directory. */
export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  compressedSize: number;
  /** The unzipped size the directory declares (it may lie: unzipGuarded never inflates past it). */
  size: number;
  /** Offset of the entry's local header. */
  local: number;
}

/**
 * The unzipped size a zip declares in its central directory, summed over its entries, without decompressing
 * anything (Zip64 sizes included); undefined when the bytes hold no central directory (the reader then says
 * "damaged", and so it does for a directory that claims more entries than it holds: the zip readers refuse those too).
 */
export function declaredUnzippedSize(buf: Uint8Array): number | undefined {
  const entries = zipEntries(buf);
  return entries?.reduce((sum, e) => sum + e.size, 0);
}

/** The entries of a zip's central directory (Zip64 read), or undefined when there is none that holds together. */
export function zipEntries(buf: Uint8Array): ZipEntry[] | undefined {
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
  const out: ZipEntry[] = [];
  const utf8 = new TextDecoder("utf-8");
  const latin1 = new TextDecoder("latin1");
  let at = offset;
  for (let i = 0; i < entries; i++) {
    if (at + 46 > buf.length || u32(at) !== 0x02014b50) return undefined;
    const flags = u16(at + 8);
    const method = u16(at + 10);
    let compressedSize = u32(at + 20);
    let size = u32(at + 24);
    const nameLen = u16(at + 28);
    const extraLen = u16(at + 30);
    const commentLen = u16(at + 32);
    let local = u32(at + 42);
    if (at + 46 + nameLen > buf.length) return undefined;
    const nameBytes = buf.subarray(at + 46, at + 46 + nameLen);
    const name = (flags & 0x800 ? utf8 : latin1).decode(nameBytes);
    if (size === 0xffffffff || compressedSize === 0xffffffff || local === 0xffffffff) {
      // Zip64 extended information: the 64-bit fields, in this order, for those whose 32-bit field is all ones.
      let found = false;
      for (let x = at + 46 + nameLen; x + 4 <= at + 46 + nameLen + extraLen && x + 4 <= buf.length;) {
        const id = u16(x);
        const len = u16(x + 2);
        if (id === 0x0001 && x + 4 + len <= buf.length) {
          let f = x + 4;
          if (size === 0xffffffff && f + 8 <= x + 4 + len) {
            size = u64(f);
            f += 8;
          }
          if (compressedSize === 0xffffffff && f + 8 <= x + 4 + len) {
            compressedSize = u64(f);
            f += 8;
          }
          if (local === 0xffffffff && f + 8 <= x + 4 + len) local = u64(f);
          found = true;
          break;
        }
        x += 4 + len;
      }
      if (!found || size === 0xffffffff) return undefined;
    }
    out.push({ name, method, compressedSize, size, local });
    at += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

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
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const out = new Map<string, Uint8Array>();
  const lie =
    "压缩包记录的大小与实际内容不符，已在记录的大小处停止解压 / the sizes the zip records do not match its contents; unzipping stopped at the recorded size";
  for (const e of entries) {
    if (!wanted(e.name)) continue;
    if (e.local + 30 > buf.length || view.getUint32(e.local, true) !== 0x04034b50) fail(damaged, file);
    const start = e.local + 30 + view.getUint16(e.local + 26, true) + view.getUint16(e.local + 28, true);
    if (start + e.compressedSize > buf.length) fail(damaged, file);
    const data = buf.subarray(start, start + e.compressedSize);
    let bytes: Uint8Array;
    if (e.method === 0) {
      if (data.length !== e.size) fail(damaged, file, lie);
      bytes = data;
    } else if (e.method === 8) {
      try {
        // maxOutputLength: inflating stops (RangeError) as soon as the output passes the declared size.
        bytes = zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, e.size) });
      } catch (err) {
        fail(damaged, file, (err as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE" ? lie : undefined);
      }
      if (bytes.length !== e.size) fail(damaged, file, lie);
    } else fail(damaged, file, `压缩方式 ${e.method} / compression method ${e.method}`);
    if (onEntry) onEntry(e.name, bytes);
    else out.set(e.name, bytes);
  }
  return out;
}
