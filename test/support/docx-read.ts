/**
 * Reads a .docx back for tests (and for anyone checking generated documents): the parts as text, the
 * body's paragraphs with their runs' fonts and sizes, and its tables with spans, merges and row flags.
 * A small reader for the WordprocessingML this project writes (no nested tables), not a general parser.
 */
import { strFromU8, unzipSync } from "fflate";

export function docxParts(bytes: Uint8Array): Record<string, string> {
  const files = unzipSync(bytes);
  const out: Record<string, string> = {};
  for (const [name, data] of Object.entries(files)) if (/\.(xml|rels)$/.test(name)) out[name] = strFromU8(data);
  return out;
}

function unescape(s: string): string {
  return s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

function attr(xml: string, element: string, name: string): string | undefined {
  const m = new RegExp(`<${element}\\b[^>]*\\s${name}="([^"]*)"`).exec(xml);
  return m ? unescape(m[1]!) : undefined;
}

export interface ReadRun {
  text: string;
  eastAsia?: string;
  ascii?: string;
  /** Half-points (w:sz). */
  size?: number;
  bold: boolean;
  highlight?: string;
  /** w:spacing of the run (twips). */
  spacing?: number;
}

export interface ReadParagraph {
  text: string;
  runs: ReadRun[];
  xml: string;
}

function runsOf(pXml: string): ReadRun[] {
  const runs: ReadRun[] = [];
  for (const m of pXml.matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)) {
    const r = m[1]!;
    const text = [...r.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((t) => unescape(t[1]!)).join("");
    const br = /<w:br\/>/.test(r) ? "\n" : "";
    const size = attr(r, "w:sz", "w:val");
    const spacing = attr(r, "w:spacing", "w:val");
    runs.push({
      text: br + text,
      eastAsia: attr(r, "w:rFonts", "w:eastAsia"),
      ascii: attr(r, "w:rFonts", "w:ascii"),
      ...(size !== undefined ? { size: Number(size) } : {}),
      bold: /<w:b\/>/.test(r),
      ...(attr(r, "w:highlight", "w:val") ? { highlight: attr(r, "w:highlight", "w:val") } : {}),
      ...(spacing !== undefined ? { spacing: Number(spacing) } : {}),
    });
  }
  return runs;
}

function paragraphsIn(xml: string): ReadParagraph[] {
  return [...xml.matchAll(/<w:p>([\s\S]*?)<\/w:p>|<w:p\s[^>]*>([\s\S]*?)<\/w:p>/g)].map((m) => {
    const p = m[0];
    const runs = runsOf(p);
    return { text: runs.map((r) => r.text).join(""), runs, xml: p };
  });
}

export interface ReadCell {
  text: string;
  gridSpan: number;
  /** "restart" at the top of a vertical merge, "continue" in the cells it covers. */
  vMerge?: "restart" | "continue";
}

export interface ReadRow {
  header: boolean;
  cantSplit: boolean;
  cells: ReadCell[];
}

export interface ReadTable {
  rows: ReadRow[];
  /** w:gridCol widths (twips). */
  grid: number[];
}

/** The body as a sequence of paragraphs and tables, in order. */
export function readBody(documentXml: string): (ReadParagraph | ReadTable)[] {
  const body = /<w:body>([\s\S]*)<\/w:body>/.exec(documentXml)?.[1] ?? "";
  const out: (ReadParagraph | ReadTable)[] = [];
  let at = 0;
  for (const m of body.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)) {
    out.push(...paragraphsIn(body.slice(at, m.index)));
    out.push(readTable(m[0]));
    at = m.index + m[0].length;
  }
  out.push(...paragraphsIn(body.slice(at)));
  return out;
}

export function isTable(b: ReadParagraph | ReadTable): b is ReadTable {
  return "rows" in b;
}

function readTable(xml: string): ReadTable {
  const grid = [...xml.matchAll(/<w:gridCol w:w="(\d+)"/g)].map((m) => Number(m[1]));
  const rows = [...xml.matchAll(/<w:tr>([\s\S]*?)<\/w:tr>|<w:tr\s[^>]*>([\s\S]*?)<\/w:tr>/g)].map((m) => {
    const tr = m[0];
    const trPr = /<w:trPr>([\s\S]*?)<\/w:trPr>/.exec(tr)?.[1] ?? "";
    const cells = [...tr.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((c): ReadCell => {
      const tc = c[1]!;
      const v = /<w:vMerge(?:\s+w:val="(\w+)")?\s*\/>/.exec(tc);
      return {
        text: paragraphsIn(tc)
          .map((p) => p.text)
          .join("\n"),
        gridSpan: Number(attr(tc, "w:gridSpan", "w:val") ?? 1),
        ...(v ? { vMerge: v[1] === "restart" ? "restart" : "continue" } : {}),
      };
    });
    return { header: /<w:tblHeader\/>/.test(trPr), cantSplit: /<w:cantSplit\/>/.test(trPr), cells };
  });
  return { rows, grid };
}

/**
 * A table as a grid of texts, as a sheet range holds it: a merged cell's text at its top-left, "" in the
 * cells it covers.
 */
export function tableGrid(t: ReadTable): string[][] {
  return t.rows.map((r) =>
    r.cells.flatMap((c) => [c.vMerge === "continue" ? "" : c.text, ...Array(c.gridSpan - 1).fill("")]),
  );
}

/** Section properties in order: page size, orientation and margins (twips). */
export function sections(documentXml: string) {
  return [...documentXml.matchAll(/<w:sectPr>([\s\S]*?)<\/w:sectPr>/g)].map((m) => {
    const s = m[1]!;
    return {
      width: Number(attr(s, "w:pgSz", "w:w")),
      height: Number(attr(s, "w:pgSz", "w:h")),
      orient: attr(s, "w:pgSz", "w:orient"),
      top: Number(attr(s, "w:pgMar", "w:top")),
      bottom: Number(attr(s, "w:pgMar", "w:bottom")),
      left: Number(attr(s, "w:pgMar", "w:left")),
      right: Number(attr(s, "w:pgMar", "w:right")),
      grid: { type: attr(s, "w:docGrid", "w:type"), linePitch: Number(attr(s, "w:docGrid", "w:linePitch")) },
    };
  });
}

/** Fonts of the font table with their fallback (w:altName). */
export function fontTable(xml: string): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const m of xml.matchAll(/<w:font w:name="([^"]*)">([\s\S]*?)<\/w:font>/g))
    out[unescape(m[1]!)] = attr(m[2]!, "w:altName", "w:val");
  return out;
}
