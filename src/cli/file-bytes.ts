/**
 * A report file's bytes, and what its first bytes say it is, before any reader tries it: kept apart from ./xlsx
 * (the ExcelJS host) so that reading and checking a folder never loads ExcelJS unless a workbook needs it.
 */
import { readFileSync, statSync } from "node:fs";
import { fail, LIMITS, tooLarge } from "./limits";

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

/**
 * The bytes of a workbook file; throws XlsxReadError (not found, a directory, unreadable).
 * Read synchronously (a report is tens of KB, at most LIMITS.fileBytes): fs.promises' stat + readFile took
 * ~0.5 ms more CPU per file than the whole read, a sixth of a folder check; the Promise keeps the callers as they were.
 */
// (async: a failure reaches the caller as a rejected Promise, as before the read became synchronous)
export async function readXlsxBytes(file: string): Promise<Buffer> {
  let stat;
  try {
    stat = statSync(file);
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
    buf = readFileSync(file);
  } catch (e) {
    fail("unreadable", file, (e as NodeJS.ErrnoException).code ?? String(e));
  }
  return buf;
}
