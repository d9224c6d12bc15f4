/**
 * The paragraphs of a report's text given with check --text: a Word file through the .docx reader
 * (./docx-read, tables' cell paragraphs included), anything else as UTF-8 text, one paragraph a line.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { DocxError, readDocxParagraphs } from "./docx-read";

export class ReportTextError extends Error {
  constructor(
    readonly file: string,
    readonly reason: { zh: string; en: string },
  ) {
    super(reason.en);
    this.name = "ReportTextError";
  }
}

export async function readReportParagraphs(file: string): Promise<string[]> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new ReportTextError(file, {
      zh: code === "ENOENT" ? "文件不存在" : `无法读取（${code ?? "错误"}）`,
      en: code === "ENOENT" ? "file not found" : `cannot read (${code ?? "error"})`,
    });
  }
  if (path.extname(file).toLowerCase() === ".docx" || (bytes[0] === 0x50 && bytes[1] === 0x4b)) {
    try {
      return readDocxParagraphs(bytes, file);
    } catch (e) {
      if (!(e instanceof DocxError)) throw e;
      throw new ReportTextError(file, {
        zh: `不是可读取的 Word 文件（${e.message}）；.doc 等旧格式请先在 Word 中另存为 .docx`,
        en: `not a readable Word file (${e.message}); save .doc and other old formats as .docx in Word first`,
      });
    }
  }
  return bytes
    .toString("utf8")
    .replace(/^\uFEFF/, "")
    .split(/\r\n|\r|\n/);
}
