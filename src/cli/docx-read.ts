/**
 * Reading a Word (.docx) report: word/document.xml read with fflate and a small XML scanner, in document order:
 * paragraphs as text, tables with their merged cells (w:gridSpan across, w:vMerge down) placed on the table grid.
 * Footnotes, headers and comments are not part of the report and are not read.
 */
import { strFromU8 } from "fflate";
import type { Block, PlacedCell } from "../core/published";
import { unzipGuarded, zipEntries } from "./limits";
import { attr, scanXml } from "../xlsx/xml";

export class DocxError extends Error {}

/**
 * The body of a .docx file as blocks (paragraphs and tables). Throws DocxError when it is not a Word document, and
 * XlsxReadError ("too large", or damaged: a zip whose sizes lie) from the size limits (src/cli/limits.ts).
 */
export function readDocxBlocks(bytes: Uint8Array, file = "document.docx"): Block[] {
  if (!zipEntries(bytes)) throw new DocxError("not a zip file");
  const doc = unzipGuarded(bytes, file, (name) => name === "word/document.xml", "not-docx").get("word/document.xml");
  if (!doc) throw new DocxError("no word/document.xml");
  return documentBlocks(strFromU8(doc));
}

/** The paragraphs of a .docx body, tables' cell paragraphs included, in order. */
export function readDocxParagraphs(bytes: Uint8Array, file?: string): string[] {
  const out: string[] = [];
  for (const b of readDocxBlocks(bytes, file)) {
    if (b.kind === "text") out.push(b.text);
    else for (const c of b.cells) out.push(c.text);
  }
  return out;
}

interface RawCell {
  text: string;
  gridSpan: number;
  vMerge?: "restart" | "continue";
}

interface TableState {
  rows: { before: number; cells: RawCell[] }[];
  cell?: { paras: string[]; gridSpan: number; vMerge?: "restart" | "continue" };
}

export function documentBlocks(xml: string): Block[] {
  const blocks: Block[] = [];
  const tables: TableState[] = [];
  let para: string[] | null = null;
  let inText = false;
  let skipText = 0; // inside w:delText, w:instrText, deleted runs
  scanXml(
    xml,
    (t) => {
      const name = t.name;
      if (t.close) {
        if (name === "w:t") inText = false;
        else if (name === "w:del" || name === "w:instrText" || name === "w:delText")
          skipText = Math.max(0, skipText - 1);
        else if (name === "w:p") {
          const text = (para ?? []).join("");
          para = null;
          const table = tables[tables.length - 1];
          if (table?.cell) table.cell.paras.push(text);
          else if (tables.length === 0) blocks.push({ kind: "text", text });
        } else if (name === "w:tc") {
          const table = tables[tables.length - 1];
          if (table?.cell) {
            const c = table.cell;
            const row = table.rows[table.rows.length - 1];
            row?.cells.push({
              text: c.paras.join("\n"),
              gridSpan: c.gridSpan,
              ...(c.vMerge ? { vMerge: c.vMerge } : {}),
            });
            table.cell = undefined;
          }
        } else if (name === "w:tbl") {
          const table = tables.pop();
          if (!table) return;
          const cells = placeDocxTable(table.rows);
          const outer = tables[tables.length - 1];
          // A table inside a cell: its text joins the cell's text, row by row.
          if (outer?.cell) outer.cell.paras.push(...cells.map((c) => c.text).filter((x) => x !== ""));
          else blocks.push({ kind: "table", cells });
        }
        return;
      }
      switch (name) {
        case "w:p":
          if (!t.selfClose) para = [];
          else {
            const table = tables[tables.length - 1];
            if (table?.cell) table.cell.paras.push("");
          }
          break;
        case "w:t":
          if (!t.selfClose) inText = true;
          break;
        case "w:tab":
          if (para && skipText === 0) para.push("\t");
          break;
        case "w:br":
        case "w:cr":
          if (para && skipText === 0) para.push("\n");
          break;
        case "w:del":
        case "w:instrText":
        case "w:delText":
          if (!t.selfClose) skipText++;
          break;
        case "w:tbl":
          tables.push({ rows: [] });
          break;
        case "w:tr":
          tables[tables.length - 1]?.rows.push({ before: 0, cells: [] });
          break;
        case "w:gridBefore": {
          const table = tables[tables.length - 1];
          const row = table?.rows[table.rows.length - 1];
          if (row && !table.cell) row.before = Number(attr(t.attrs, "w:val") ?? 0) || 0;
          break;
        }
        case "w:tc": {
          const table = tables[tables.length - 1];
          if (table) table.cell = { paras: [], gridSpan: 1 };
          break;
        }
        case "w:gridSpan": {
          const c = tables[tables.length - 1]?.cell;
          if (c) c.gridSpan = Math.max(1, Number(attr(t.attrs, "w:val") ?? 1) || 1);
          break;
        }
        case "w:vMerge": {
          const c = tables[tables.length - 1]?.cell;
          if (c) c.vMerge = attr(t.attrs, "w:val") === "restart" ? "restart" : "continue";
          break;
        }
      }
    },
    (text) => {
      if (inText && para && skipText === 0) para.push(text);
    },
  );
  return blocks;
}

/** Word's table grid: each cell starts where the previous ended; a vMerge "continue" cell extends the one above. */
function placeDocxTable(rows: { before: number; cells: RawCell[] }[]): PlacedCell[] {
  const out: PlacedCell[] = [];
  /** The placed cell that starts at each grid column in the row above (for vMerge). */
  let above = new Map<number, PlacedCell>();
  rows.forEach((row, r) => {
    const here = new Map<number, PlacedCell>();
    let col = row.before;
    for (const c of row.cells) {
      if (c.vMerge === "continue") {
        const start = above.get(col);
        if (start && start.colSpan === c.gridSpan) {
          start.rowSpan = r - start.row + 1;
          here.set(col, start);
          col += c.gridSpan;
          continue;
        }
      }
      const placed: PlacedCell = { row: r, col, rowSpan: 1, colSpan: c.gridSpan, text: c.text };
      out.push(placed);
      here.set(col, placed);
      col += c.gridSpan;
    }
    above = here;
  });
  return out;
}
