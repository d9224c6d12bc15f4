/**
 * One entry for every form a report arrives in: .xlsx workbooks, Word (.docx) files, saved web pages (.html/.htm)
 * and text PDFs, each turned into the grid that the one label-based reader takes. Told by the file's name and,
 * where the name lies (an .xls that is really a web page, a .doc that is really .docx), by its first bytes.
 * Throws XlsxReadError (with a reason the CLI prints) for a file it cannot read; never anything else for user input.
 */
import * as path from "node:path";
import type { WorkbookGrid } from "../core/grid";
import type { FileForm } from "../core/model/report";
import { blocksToSheet } from "../core/published";
import { readDocxBlocks } from "./docx-read";
import { decodeHtml, htmlBlocks } from "./html-read";
import { PdfNoTextError, readPdfGrid } from "./pdf-read";
import { readXlsxBytes, sniff } from "./file-bytes";
import { checkUnzippedSize, fail, XlsxReadError } from "./limits";
import { readXlsxFast } from "./xlsx-fast";

export type { FileForm };

/** Names the folder check picks up as reports (and as files to explain, such as .doc). */
export const REPORT_NAME = /\.(xlsx|xlsm|docx|docm|doc|html?|shtml|xhtml|pdf)$/i;

const OLE = [0xd0, 0xcf, 0x11, 0xe0];

/** The form of a file, from its first bytes, falling back on its name. */
export function formOf(file: string, head: Uint8Array): FileForm {
  const starts = (s: string): boolean => Buffer.from(head.subarray(0, s.length)).toString("latin1") === s;
  if (starts("%PDF-")) return "pdf";
  const ext = path.extname(file).toLowerCase();
  if (starts("PK\u0003\u0004")) {
    const names = Buffer.from(head).toString("latin1");
    if (names.includes("word/")) return "docx";
    if (names.includes("xl/")) return "xlsx";
    return ext === ".docx" || ext === ".docm" ? "docx" : "xlsx";
  }
  if (OLE.every((b, i) => head[i] === b)) return ext === ".doc" ? "docx" : "xlsx";
  const text = Buffer.from(head.subarray(0, 1024)).toString("latin1").toLowerCase();
  if (/<(!doctype html|html|head|body|meta|table|p[ >])/.test(text)) return "html";
  if (/\.(html?|shtml|xhtml)$/.test(ext)) return "html";
  if (ext === ".pdf") return "pdf";
  if (ext === ".docx" || ext === ".docm" || ext === ".doc") return "docx";
  return "xlsx";
}

/** Any report file -> the reader's grid. `bytes`: the file's bytes when the caller already started reading them. */
export async function readAnyGrid(file: string, bytes?: Promise<Buffer>): Promise<WorkbookGrid & { form: FileForm }> {
  const buf = await (bytes ?? readXlsxBytes(file));
  const form = formOf(file, buf.subarray(0, 2048));
  const name = path.basename(file).replace(/\.[^.]+$/, "");
  switch (form) {
    case "xlsx": {
      sniff(buf, file);
      checkUnzippedSize(buf, file);
      try {
        return { ...readXlsxFast(new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength), file), form };
      } catch (e) {
        if (e instanceof XlsxReadError) throw e; // a limit passed, or a zip whose sizes lie: said as it is
        // Something the fast reader does not know: ExcelJS reads it, or says why it cannot.
        // (ExcelJS is loaded only then: a folder check of ordinary workbooks never pays for it.)
        // (require, not import(): the compiled CLI and the tests' TypeScript loader both resolve it)
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const { readXlsx } = require("./xlsx") as typeof import("./xlsx");
        return { ...(await readXlsx(file, Promise.resolve(buf))), form };
      }
    }
    case "docx": {
      if (buf[0] === 0xd0 && buf[1] === 0xcf) fail("doc-format", file);
      checkUnzippedSize(buf, file);
      let blocks;
      try {
        blocks = readDocxBlocks(new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength), file);
      } catch (e) {
        if (e instanceof XlsxReadError) throw e;
        fail("not-docx", file);
      }
      return { sheets: [blocksToSheet(name, blocks)], source: file, form };
    }
    case "html":
      return { sheets: [blocksToSheet(name, htmlBlocks(decodeHtml(buf).text))], source: file, form };
    case "pdf": {
      try {
        return { sheets: [await readPdfGrid(new Uint8Array(buf), name)], source: file, form };
      } catch (e) {
        if (e instanceof PdfNoTextError) fail("needs-ocr", file);
        // pdf.js says why in English: said as its words, not as ours.
        const why = e instanceof Error ? e.message.slice(0, 80) : undefined;
        fail(
          "not-pdf",
          file,
          why ? { zh: `PDF 读取组件的原话：${why}`, en: `the PDF reader says: ${why}` } : undefined,
        );
      }
    }
  }
}
