/**
 * Reading a text PDF of a report (pdfjs-dist 5.x, legacy build for Node 20): the text items with their positions,
 * rebuilt into rows and columns and laid out as the grid the label-based reader takes.
 *
 * - Lines: items on one baseline; pages follow one another (a table broken by a page goes on as one table).
 * - Columns: in each run of table lines, the x-centres of the printed figures, clustered, are the figure columns;
 *   header texts go to the figure column under which they stand; row labels to the left form up to three label
 *   columns by where they start.
 * - A label that wraps onto several lines (a narrow label column, or a label centred beside its figures) joins the
 *   row of figures it stands beside; a text far from every row of figures is a row of its own (headings, headers).
 * - A PDF with no text at all (a scan) is not misread: it is reported as needing OCR.
 */
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import type { CellValue, SheetGrid } from "../core/grid";
import { publishedValue } from "../core/published";

export class PdfNoTextError extends Error {}

interface Item {
  text: string;
  x: number;
  /** Top-down position on the run of pages (page offset + distance from the top of the page to the baseline). */
  y: number;
  w: number;
  size: number;
}

interface Segment {
  text: string;
  /** While building: the next item may still join this segment. */
  open?: boolean;
  x0: number;
  x1: number;
  size: number;
}

interface Line {
  y: number;
  size: number;
  segs: Segment[];
}

type PdfJs = typeof import("pdfjs-dist/legacy/build/pdf.mjs");
let pdfjsModule: Promise<PdfJs> | undefined;

/** pdfjs-dist is an ES module; the CLI is CommonJS, so it is imported at run time by its file URL. */
function loadPdfJs(): Promise<PdfJs> {
  if (!pdfjsModule) {
    const file = require.resolve("pdfjs-dist/legacy/build/pdf.mjs");
    const importEsm = new Function("u", "return import(u)") as (u: string) => Promise<PdfJs>;
    pdfjsModule = importEsm(pathToFileURL(file).href);
  }
  return pdfjsModule;
}

/** Kangxi radicals and CJK radical forms that PDF fonts' ToUnicode maps give for ordinary characters. */
const RADICALS: Record<string, string> = {
  "\u2e84": "乙",
  "\u2e86": "冂",
  "\u2e88": "刀",
  "\u2e8b": "卩",
  "\u2e8c": "小",
  "\u2ea0": "民",
  "\u2ea7": "牛",
  "\u2eb6": "羊",
  "\u2ec4": "西",
  "\u2ec5": "见",
  "\u2ec8": "讠",
  "\u2ec9": "贝",
  "\u2ecb": "车",
  "\u2ed3": "长",
  "\u2ed4": "门",
  "\u2ed8": "青",
  "\u2eda": "页",
  "\u2edb": "风",
  "\u2edc": "飞",
  "\u2edd": "食",
  "\u2ee2": "马",
  "\u2ee5": "鱼",
  "\u2ee6": "鸟",
  "\u2ee9": "黄",
  "\u2eec": "齐",
  "\u2eee": "齿",
  "\u2ef0": "龙",
  "\u2ef3": "龟",
};

export function fixRadicals(s: string): string {
  return s.replace(/[\u2e80-\u2fdf]/g, (ch) => RADICALS[ch] ?? ch.normalize("NFKC"));
}

/** The text items of every page, top-down over the run of pages. Throws PdfNoTextError for a PDF without text. */
async function pdfItems(bytes: Uint8Array): Promise<{ items: Item[]; pages: number }> {
  const pdfjs = await loadPdfJs();
  const standardFontDataUrl = pathToFileURL(
    require.resolve("pdfjs-dist/package.json").replace(/package\.json$/, "standard_fonts/"),
  ).href;
  const doc = await pdfjs.getDocument({
    data: bytes,
    verbosity: 0,
    isEvalSupported: false,
    useSystemFonts: false,
    standardFontDataUrl,
  }).promise;
  const items: Item[] = [];
  let offset = 0;
  try {
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const [, , , height] = page.view as [number, number, number, number];
      const tc = await page.getTextContent();
      for (const it of tc.items) {
        if (!("str" in it) || it.str === "") continue;
        const [a, b, , d, e, f] = it.transform as number[];
        const size = Math.hypot(a!, b!) || Math.abs(d!) || 10;
        items.push({ text: fixRadicals(it.str), x: e!, y: offset + (height - f!), w: it.width, size });
      }
      offset += height;
      page.cleanup();
    }
  } finally {
    await doc.destroy();
  }
  if (!items.some((i) => i.text.trim() !== "")) throw new PdfNoTextError("no text");
  return { items, pages: doc.numPages };
}

/** Items -> lines (same baseline) -> segments (items close together along the line). */
function toLines(items: Item[]): Line[] {
  const sorted = [...items].sort((p, q) => p.y - q.y || p.x - q.x);
  const lines: { y: number; size: number; items: Item[] }[] = [];
  for (const it of sorted) {
    const last = lines[lines.length - 1];
    if (last && Math.abs(it.y - last.y) < 0.4 * Math.min(it.size, last.size)) last.items.push(it);
    else lines.push({ y: it.y, size: it.size, items: [it] });
  }
  return lines
    .map((l) => {
      const its = l.items.sort((p, q) => p.x - q.x);
      const segs: Segment[] = [];
      for (const it of its) {
        const last = segs[segs.length - 1];
        // A blank item or a gap of a third of a character separates cells; glyphs of one text touch.
        if (it.text.trim() === "") {
          if (last) last.open = false;
          continue;
        }
        if (last && last.open && it.x - last.x1 < 0.3 * it.size) {
          last.text += it.text;
          last.x1 = Math.max(last.x1, it.x + it.w);
        } else segs.push({ text: it.text, x0: it.x, x1: it.x + it.w, size: it.size, open: true });
      }
      for (const s of segs) s.text = s.text.replace(/\s+$/, "");
      return { y: l.y, size: l.size, segs: segs.filter((s) => s.text !== "") };
    })
    .filter((l) => l.segs.length > 0);
}

const isFigure = (s: Segment): boolean => typeof publishedValue(s.text) === "number";

/** A page number printed in a page's margin ("— 3 —", "- 3 -", "3"). */
const PAGE_NUMBER = /^[-—–\s]*\d{1,3}[-—–\s]*$/;

/** Reads a text PDF into one sheet grid. */
export async function readPdfGrid(bytes: Uint8Array, name = "PDF"): Promise<SheetGrid> {
  const { items } = await pdfItems(bytes);
  return linesToSheet(toLines(items), name);
}

export async function readPdfFile(file: string): Promise<SheetGrid> {
  return readPdfGrid(new Uint8Array(readFileSync(file)));
}

/** Lines -> grid rows. */
export function linesToSheet(all: Line[], name: string): SheetGrid {
  const lines = all.filter(
    (l) => !(l.segs.length === 1 && PAGE_NUMBER.test(l.segs[0]!.text) && !isTableNeighbour(l, all)),
  );
  const rows: CellValue[][] = [];
  let i = 0;
  while (i < lines.length) {
    if (isTableTitle(lines[i]!)) {
      rows.push([lines[i]!.segs[0]!.text]);
      i++;
      continue;
    }
    // A run of table lines: lines with two or more segments, or with a figure, and the short lines among them.
    if (!isTableLine(lines[i]!)) {
      rows.push([lines[i]!.segs.map((s) => s.text).join(" ")]);
      i++;
      continue;
    }
    let j = i;
    while (
      j < lines.length &&
      (j === i || !isTableTitle(lines[j]!)) &&
      (isTableLine(lines[j]!) ||
        (isShort(lines[j]!) && lines.slice(j + 1, j + 4).some((l) => isTableLine(l) && !isTableTitle(l))))
    )
      j++;
    rows.push(...tableRows(lines.slice(i, j)));
    i = j;
  }
  let width = 0;
  for (const r of rows) width = Math.max(width, r.length);
  for (const r of rows) while (r.length < width) r.push(null);
  return { name, top: 0, left: 0, values: rows, merges: [] };
}

function isTableNeighbour(l: Line, all: Line[]): boolean {
  const k = all.indexOf(l);
  const near = [all[k - 1], all[k + 1]].filter((x): x is Line => x !== undefined && Math.abs(x.y - l.y) < 2.5 * l.size);
  return near.some((x) => x.segs.some(isFigure));
}

/** A line that starts a new table: a section heading (三、收到和处理…情况) or an article-20 table title. */
function isTableTitle(l: Line): boolean {
  if (l.segs.length !== 1) return false;
  const t = l.segs[0]!.text.replace(/\s/g, "");
  return /^[一二三四五六七]、.{4,}(情况|事项)$/.test(t) || /^第二十条第/.test(t);
}

function isTableLine(l: Line): boolean {
  return l.segs.length >= 2 || l.segs.some(isFigure);
}

function isShort(l: Line): boolean {
  return l.segs.every((s) => s.text.length <= 20);
}

/** Clusters of x positions: sorted, split where the gap exceeds `gap`. Returns each cluster's mean. */
function cluster(xs: number[], gap: number): number[] {
  const s = [...xs].sort((a, b) => a - b);
  const out: number[][] = [];
  for (const x of s) {
    const last = out[out.length - 1];
    if (last && x - last[last.length - 1]! <= gap) last.push(x);
    else out.push([x]);
  }
  return out.map((c) => c.reduce((a, b) => a + b, 0) / c.length);
}

/** One table run -> rows of cells: label columns first, then one column per figure column. */
function tableRows(lines: Line[]): CellValue[][] {
  const size = median(lines.map((l) => l.size));
  const figs = lines.flatMap((l) => l.segs.filter(isFigure).map((s) => (s.x0 + s.x1) / 2));
  const anchors = cluster(figs, 1.2 * size);
  const firstFigure =
    anchors.length > 0 ? Math.min(...lines.flatMap((l) => l.segs.filter(isFigure).map((s) => s.x0))) : Infinity;
  const isLabel = (s: Segment): boolean =>
    !isFigure(s) && s.x1 <= firstFigure + 0.5 * size && (s.x0 + s.x1) / 2 < (anchors[0] ?? Infinity) - 0.5 * size;
  const labelStarts = cluster(
    lines.flatMap((l) => l.segs.filter(isLabel).map((s) => s.x0)),
    1.5 * size,
  ).slice(0, 3);
  const labelCol = (s: Segment): number => nearest(labelStarts, s.x0);
  const figCol = (s: Segment): number => labelStarts.length + nearest(anchors, (s.x0 + s.x1) / 2);
  const width = labelStarts.length + anchors.length;

  // Rows with figures; the pitch between them tells a wrapped label line (closer) from the next row (farther).
  const dataIdx = lines.flatMap((l, k) => (l.segs.some(isFigure) ? [k] : []));
  let pitch = Infinity;
  for (let k = 1; k < dataIdx.length; k++) pitch = Math.min(pitch, lines[dataIdx[k]!]!.y - lines[dataIdx[k - 1]!]!.y);
  const firstData = dataIdx[0] ?? lines.length;

  const cells = new Map<number, (string | null)[]>();
  const rowOf = (k: number): (string | null)[] => {
    let r = cells.get(k);
    if (!r) cells.set(k, (r = new Array<string | null>(width).fill(null)));
    return r;
  };
  const put = (k: number, col: number, text: string, before = false): void => {
    const r = rowOf(k);
    const old = r[col];
    r[col] = old === null || old === undefined ? text : before ? text + old : old + text;
  };
  const headerRows = headerBlock(lines.slice(0, firstData), anchors, labelStarts.length, isLabel, labelCol, size);
  lines.forEach((l, k) => {
    if (k < firstData) return;
    const hasFig = l.segs.some(isFigure);
    for (const s of l.segs) {
      if (hasFig) {
        put(k, isLabel(s) ? labelCol(s) : figCol(s), s.text);
        continue;
      }
      // A label line without figures inside the table: the continuation of the nearest row's label, if close.
      const col = isLabel(s) ? labelCol(s) : figCol(s);
      let best = -1;
      let bestD = Infinity;
      for (const d of dataIdx) {
        const dist = Math.abs(lines[d]!.y - l.y);
        if (dist < bestD) {
          bestD = dist;
          best = d;
        }
      }
      if (best >= 0 && isLabel(s) && bestD < 0.95 * pitch) put(best, col, s.text, lines[best]!.y > l.y);
      else put(k, col, s.text);
    }
  });
  // A group label in a narrow column (（三）不予公开 beside its eight items) runs down over the rows of its items:
  // a piece that starts no number, beside a row whose own label stands further right, continues the piece above.
  const order = [...cells.keys()].filter((k) => k >= firstData).sort((a, b) => a - b);
  for (let c = 0; c < labelStarts.length; c++) {
    let prev: (string | null)[] | undefined;
    for (const k of order) {
      const r = cells.get(k)!;
      const t = r[c];
      const ownLabelRight = r.slice(c + 1, labelStarts.length).some((x) => x !== null);
      if (t !== null && t !== undefined && prev && ownLabelRight && !NUMBERED.test(t)) {
        prev[c] = `${prev[c]}${t}`;
        r[c] = null;
      } else if (t !== null && t !== undefined) prev = ownLabelRight ? r : undefined;
    }
  }
  return [...headerRows, ...[...cells.entries()].sort((a, b) => a[0] - b[0]).map(([, r]) => r)]
    .filter((r) => r.some((t) => t !== null))
    .map((r) => r.map((t) => (t === null ? null : publishedValue(t))));
}

/**
 * The header of a table, above its first row of figures, rebuilt by column rather than by line (a header cell's
 * text is centred and broken over lines differently in each cell): a text over one figure column is that column's
 * header, its pieces joined top-down in the last header row; a text over several columns (申请人情况, 行政诉讼,
 * 复议后起诉) is a group header, in a row of its own above, at the first column it covers; texts over the label
 * columns are the label header.
 */
function headerBlock(
  lines: Line[],
  anchors: number[],
  labelCols: number,
  isLabel: (s: Segment) => boolean,
  labelCol: (s: Segment) => number,
  size: number,
): (string | null)[][] {
  if (lines.length === 0) return [];
  const width = labelCols + anchors.length;
  let spacing = Infinity;
  for (let k = 1; k < anchors.length; k++) spacing = Math.min(spacing, anchors[k]! - anchors[k - 1]!);
  if (!Number.isFinite(spacing)) spacing = 4 * size;
  const leaf = new Array<string | null>(width).fill(null);
  const groups: { y: number; row: (string | null)[] }[] = [];
  const add = (row: (string | null)[], c: number, t: string): void => {
    row[c] = row[c] === null ? t : `${row[c]}${t}`;
  };
  for (const l of lines) {
    for (const s of l.segs) {
      if (isLabel(s)) {
        add(leaf, labelCol(s), s.text);
        continue;
      }
      const covered = anchors.flatMap((a, k) => (a >= s.x0 - 0.5 * spacing && a <= s.x1 + 0.5 * spacing ? [k] : []));
      if (covered.length >= 2 && s.x1 - s.x0 > 1.2 * spacing) {
        let g = groups.find((x) => Math.abs(x.y - l.y) < 0.6 * size);
        if (!g) groups.push((g = { y: l.y, row: new Array<string | null>(width).fill(null) }));
        add(g.row, labelCols + covered[0]!, s.text);
      } else add(leaf, labelCols + nearest(anchors, (s.x0 + s.x1) / 2), s.text);
    }
  }
  return [...groups.sort((a, b) => a.y - b.y).map((g) => g.row), leaf];
}

/** A label that starts with its number: 一、 （一） 1. 1、 */
const NUMBERED = /^\s*([一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d+[.、．])/;

function nearest(xs: number[], x: number): number {
  let best = 0;
  for (let k = 1; k < xs.length; k++) if (Math.abs(xs[k]! - x) < Math.abs(xs[best]! - x)) best = k;
  return best;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 10;
}
