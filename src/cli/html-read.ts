/**
 * Reading a saved web page (.html/.htm) of a report: the page's charset (BOM, <meta charset>, http-equiv; GBK and
 * GB2312 read as GB18030, their superset), then its text in document order: paragraphs and headings as text,
 * tables with rowspan/colspan placed on the table grid. Scripts, styles and forms are not text of the report.
 */
import { parse, NodeType, type HTMLElement, type Node } from "node-html-parser";
import { placeRows, type Block } from "../core/published";

/** The page's text, decoded with the charset it declares (UTF-8 when it declares none and is valid UTF-8). */
export function decodeHtml(bytes: Uint8Array): { text: string; charset: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder("utf-8").decode(bytes.subarray(3)), charset: "utf-8" };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), charset: "utf-16le" };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), charset: "utf-16be" };
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 4096));
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head);
  let charset = m?.[1]?.toLowerCase();
  if (charset === "gb2312" || charset === "gbk" || charset === "x-gbk" || charset === "gb_2312-80") charset = "gb18030";
  if (charset) {
    try {
      return { text: new TextDecoder(charset).decode(bytes), charset };
    } catch {
      /* an unknown label: fall through to the guess */
    }
  }
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), charset: "utf-8" };
  } catch {
    // Not UTF-8 and no charset declared: Chinese government pages without one are GBK.
    return { text: new TextDecoder("gb18030").decode(bytes), charset: "gb18030" };
  }
}

const SKIP = new Set([
  "script",
  "style",
  "noscript",
  "head",
  "select",
  "option",
  "button",
  "textarea",
  "template",
  "svg",
  "iframe",
  "object",
]);
const BLOCK = new Set([
  "p",
  "div",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "li",
  "ul",
  "ol",
  "section",
  "article",
  "center",
  "blockquote",
  "pre",
  "header",
  "footer",
  "nav",
  "main",
  "aside",
  "form",
  "dl",
  "dt",
  "dd",
  "hr",
  "address",
  "figure",
  "figcaption",
  "caption",
  "body",
  "html",
]);

/** The blocks of a page, in the order they show. */
export function htmlBlocks(html: string): Block[] {
  const root = parse(html, {
    lowerCaseTagName: true,
    comment: false,
    blockTextElements: { script: false, style: false, noscript: false, pre: true },
  });
  const blocks: Block[] = [];
  let line = "";
  const flush = (): void => {
    const t = collapse(line);
    if (t !== "") blocks.push({ kind: "text", text: t });
    line = "";
  };
  const walk = (node: Node): void => {
    if (node.nodeType === NodeType.TEXT_NODE) {
      line += node.text;
      return;
    }
    if (node.nodeType !== NodeType.ELEMENT_NODE) return;
    const el = node as HTMLElement;
    const tag = el.tagName?.toLowerCase() ?? "";
    if (SKIP.has(tag)) return;
    if (tag === "br") {
      flush();
      return;
    }
    if (tag === "table") {
      flush();
      blocks.push({ kind: "table", cells: placeRows(tableRows(el)) });
      return;
    }
    const block = BLOCK.has(tag) || tag === "";
    if (block) flush();
    for (const c of el.childNodes) walk(c);
    if (block) flush();
  };
  walk(root);
  flush();
  return blocks;
}

/** HTML whitespace collapses to one space; a non-breaking space is text and stays. */
function collapse(s: string): string {
  return s.replace(/[ \t\r\n\f]+/g, " ").replace(/^ | $/g, "");
}

/** The rows of a table (its own, not those of tables nested in its cells), each cell with its spans and text. */
function tableRows(table: HTMLElement): { rowSpan: number; colSpan: number; text: string }[][] {
  const rows: { rowSpan: number; colSpan: number; text: string }[][] = [];
  const visit = (el: HTMLElement): void => {
    for (const c of el.childNodes) {
      if (c.nodeType !== NodeType.ELEMENT_NODE) continue;
      const e = c as HTMLElement;
      const tag = e.tagName.toLowerCase();
      if (tag === "tr") {
        const cells: { rowSpan: number; colSpan: number; text: string }[] = [];
        for (const td of e.childNodes) {
          if (td.nodeType !== NodeType.ELEMENT_NODE) continue;
          const t = td as HTMLElement;
          const ttag = t.tagName.toLowerCase();
          if (ttag !== "td" && ttag !== "th") continue;
          cells.push({
            rowSpan: spanOf(t.getAttribute("rowspan")),
            colSpan: spanOf(t.getAttribute("colspan")),
            text: cellText(t),
          });
        }
        rows.push(cells);
      } else if (tag === "thead" || tag === "tbody" || tag === "tfoot") visit(e);
    }
  };
  visit(table);
  return rows;
}

function spanOf(v: string | undefined): number {
  const n = Number.parseInt(v ?? "1", 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, 1000) : 1;
}

/** A cell's text: its paragraphs and line breaks as "\n", whitespace collapsed within a line. */
function cellText(td: HTMLElement): string {
  const lines: string[] = [];
  let line = "";
  const flush = (): void => {
    const t = collapse(line);
    if (t !== "") lines.push(t);
    line = "";
  };
  const walk = (node: Node): void => {
    if (node.nodeType === NodeType.TEXT_NODE) {
      line += node.text;
      return;
    }
    if (node.nodeType !== NodeType.ELEMENT_NODE) return;
    const el = node as HTMLElement;
    const tag = el.tagName?.toLowerCase() ?? "";
    if (SKIP.has(tag)) return;
    if (tag === "br") return flush();
    const block = BLOCK.has(tag) || tag === "table" || tag === "tr";
    if (block) flush();
    for (const c of el.childNodes) walk(c);
    if (block) flush();
  };
  walk(td);
  flush();
  return lines.join("\n");
}
