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
  page: number;
}

export interface Segment {
  text: string;
  /** While building: the next item may still join this segment. */
  open?: boolean;
  x0: number;
  x1: number;
  /** The baseline of the segment's first item (a line gathers items within 0.4 of a character of each other). */
  y: number;
  size: number;
}

export interface Line {
  y: number;
  /** The page the line is on (from 0). */
  page: number;
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

/**
 * pdf.js in Node runs its "worker" in the same thread, and two documents open at once in one thread break each other
 * ("Invalid page request." — a folder worker has two files in flight): every PDF of a thread is read in turn.
 */
let pdfTurn: Promise<unknown> = Promise.resolve();

/** The text items of every page, top-down over the run of pages. Throws PdfNoTextError for a PDF without text. */
function pdfItems(bytes: Uint8Array): Promise<{ items: Item[]; pages: number }> {
  const run = pdfTurn.then(
    () => pdfItemsNow(bytes),
    () => pdfItemsNow(bytes),
  );
  pdfTurn = run.catch(() => undefined);
  return run;
}

async function pdfItemsNow(bytes: Uint8Array): Promise<{ items: Item[]; pages: number }> {
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
        items.push({ text: fixRadicals(it.str), x: e!, y: offset + (height - f!), w: it.width, size, page: p - 1 });
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
  const lines: { y: number; size: number; page: number; items: Item[] }[] = [];
  for (const it of sorted) {
    const last = lines[lines.length - 1];
    if (last && Math.abs(it.y - last.y) < 0.4 * Math.min(it.size, last.size)) last.items.push(it);
    else lines.push({ y: it.y, size: it.size, page: it.page, items: [it] });
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
        } else segs.push({ text: it.text, x0: it.x, x1: it.x + it.w, y: it.y, size: it.size, open: true });
      }
      for (const s of segs) s.text = s.text.replace(/\s+$/, "");
      return { y: l.y, page: l.page, size: l.size, segs: segs.filter((s) => s.text !== "") };
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

/** The lines of a PDF as the reader sees them (for tests and for looking at a file that reads badly). */
export async function readPdfLines(bytes: Uint8Array): Promise<Line[]> {
  return toLines((await pdfItems(bytes)).items);
}

export async function readPdfFile(file: string): Promise<SheetGrid> {
  return readPdfGrid(new Uint8Array(readFileSync(file)));
}

/** Lines -> grid rows. */
export function linesToSheet(all: Line[], name: string): SheetGrid {
  // A page number stands alone at the top or the foot of its page.
  const edge = (l: Line, k: number): boolean => all[k - 1]?.page !== l.page || all[k + 1]?.page !== l.page;
  const lines = all.filter(
    (l, k) => !(l.segs.length === 1 && PAGE_NUMBER.test(l.segs[0]!.text) && edge(l, k) && !isTableNeighbour(l, all)),
  );
  const block = textBlock(lines);
  const prose = (l: Line): boolean => isProse(l, block);
  const tableLine = (l: Line): boolean => isTableLine(l) && !prose(l);
  // Runs of table lines first (their row pitch is also what a one-row table elsewhere in the file is read with).
  const runs: { from: number; to: number }[] = [];
  for (let i = 0; i < lines.length;) {
    if (isTableTitle(lines[i]!) || !tableLine(lines[i]!)) {
      i++;
      continue;
    }
    // A header whose cells have no two pieces on one line (a narrow table of one figure column) comes before it.
    let from = i;
    const floor = runs[runs.length - 1]?.to ?? 0;
    while (
      from > floor &&
      i - from < 6 &&
      !isTableTitle(lines[from - 1]!) &&
      !prose(lines[from - 1]!) &&
      extent(lines[from - 1]!) < 0.6 * block.width &&
      lines[from]!.y - lines[from - 1]!.y < 2.5 * lines[from]!.size &&
      lines[from]!.page === lines[from - 1]!.page
    )
      from--;
    let j = i;
    while (
      j < lines.length &&
      (j === i || !isTableTitle(lines[j]!)) &&
      (tableLine(lines[j]!) ||
        (!prose(lines[j]!) &&
          (isShort(lines[j]!) || extent(lines[j]!) < 0.6 * block.width) &&
          (continuesTable(lines, j, tableLine, prose) ||
            // the last line of a label wrapped beside the table's last row
            (j > i && lines[j]!.y - lines[j - 1]!.y < 1.6 * lines[j]!.size && extent(lines[j]!) < 0.4 * block.width))))
    )
      j++;
    runs.push({ from, to: j });
    i = j;
  }
  const pitches = runs.map((r) => rowPitch(lines.slice(r.from, r.to))).filter((p) => Number.isFinite(p));
  const docPitch = pitches.length > 0 ? Math.min(...pitches) : Infinity;
  const rows: CellValue[][] = [];
  let para: { text: string; last: Line } | undefined;
  const endPara = (): void => {
    if (para) rows.push([para.text]);
    para = undefined;
  };
  for (let i = 0, r = 0; i < lines.length;) {
    const run = runs[r];
    if (run && run.from === i) {
      endPara();
      rows.push(...tableRows(lines.slice(run.from, run.to), docPitch));
      i = run.to;
      r++;
      continue;
    }
    const l = lines[i]!;
    i++;
    if (isTableTitle(l)) {
      endPara();
      rows.push([l.segs[0]!.text]);
      continue;
    }
    // Text: the lines of one paragraph are joined (a line that reaches the right margin goes on in the next one,
    // unless that one is indented or far below).
    const text = joinTexts(l.segs.map((s) => s.text));
    const last = para?.last.segs[para.last.segs.length - 1];
    if (
      para &&
      last &&
      // (a line broken early before a figure that would not fit, 占 | 6.17%, still goes on)
      (last.x1 >= block.right - 1.5 * l.size ||
        (extent(para.last) >= 0.75 * block.width && !/[。！？：]$/.test(last.text))) &&
      l.segs[0]!.x0 < block.left + 0.8 * l.size &&
      l.y - para.last.y < 2 * l.size
    ) {
      para.text = joinTexts([para.text, text]);
      para.last = l;
    } else {
      endPara();
      para = { text, last: l };
    }
  }
  endPara();
  let width = 0;
  for (const r of rows) width = Math.max(width, r.length);
  for (const r of rows) while (r.length < width) r.push(null);
  return { name, top: 0, left: 0, values: rows, merges: [] };
}

/**
 * Does the table go on after line j (a line of a label wrapped over several lines, a header piece)? It does when a
 * line of the table follows before any running text or title: a label wraps onto a few lines at most.
 */
function continuesTable(
  lines: Line[],
  j: number,
  tableLine: (l: Line) => boolean,
  prose: (l: Line) => boolean,
): boolean {
  for (const l of lines.slice(j + 1, j + 9)) {
    if (isTableTitle(l) || prose(l)) return false;
    if (tableLine(l)) return true;
  }
  return false;
}

/** Texts of one line or paragraph joined: Chinese needs no space; two Latin words keep one. */
function joinTexts(parts: string[]): string {
  let out = "";
  for (const p of parts) {
    const t = p.trim();
    if (t === "") continue;
    out += out !== "" && /[A-Za-z]$/.test(out) && /^[A-Za-z]/.test(t) ? ` ${t}` : t;
  }
  return out;
}

/** The text block of the pages: where most lines start, and how far the full lines reach. */
function textBlock(lines: Line[]): { left: number; right: number; width: number } {
  const counts = new Map<number, number>();
  for (const l of lines) {
    const x = Math.round(l.segs[0]!.x0);
    counts.set(x, (counts.get(x) ?? 0) + 1);
  }
  const left = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? 0;
  const ends = lines.map((l) => l.segs[l.segs.length - 1]!.x1).sort((a, b) => a - b);
  const right = ends[Math.floor(0.9 * (ends.length - 1))] ?? left + 1;
  return { left, right, width: Math.max(1, right - left) };
}

const extent = (l: Line): number => l.segs[l.segs.length - 1]!.x1 - l.segs[0]!.x0;

/**
 * A line of running text, even with figures in it set apart (全年主动公开各类政府信息 10407 条): it runs across most
 * of the text block and its pieces stand close together, where a table's cells stand apart.
 */
function isProse(l: Line, block: { width: number }): boolean {
  if (isTableTitle(l)) return false;
  // (the space around a figure set in Latin type is a fifth of a character; cells stand a third or more apart)
  for (let k = 1; k < l.segs.length; k++) if (l.segs[k]!.x0 - l.segs[k - 1]!.x1 > 0.27 * l.size) return false;
  // A line of a paragraph, or a short line of text with a figure in it (2024年12月31日。, a title with the year).
  return (
    (extent(l) >= 0.7 * block.width && l.segs.reduce((n, s) => n + s.text.length, 0) >= 12) ||
    (l.segs.length >= 2 && l.segs.some((s) => !isFigure(s) && s.text.length >= 2))
  );
}

/** Where a line's figures stand (a label piece a little higher or lower may have joined their line). */
const figureY = (l: Line): number => l.segs.find(isFigure)?.y ?? l.y;

/** The smallest distance between two lines of figures of a table: the height of a row of one line. */
function rowPitch(lines: Line[]): number {
  const size = median(lines.map((l) => l.size));
  const ys = lines.filter((l) => l.segs.some(isFigure)).map(figureY);
  let pitch = Infinity;
  for (let k = 1; k < ys.length; k++)
    if (ys[k]! - ys[k - 1]! > 0.5 * size) pitch = Math.min(pitch, ys[k]! - ys[k - 1]!);
  return pitch;
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

/**
 * A table's lines with the page breaks closed up: the lines after a break are moved up to one row below the last
 * line before it (a break between rows is the common case; a header cell broken by the page, 结果 | 纠正, is
 * joined in headerBlock, a group label broken by it, （四）无法 | 提供, by the group pass).
 */
function closePageBreaks(lines: Line[], gap: number): Line[] {
  let shift = 0;
  return lines.map((l, k) => {
    const prev = lines[k - 1];
    if (prev && l.page !== prev.page) shift += l.y - prev.y - gap;
    return shift === 0 ? l : { ...l, y: l.y - shift, segs: l.segs.map((s) => ({ ...s, y: s.y - shift })) };
  });
}

/** One table run -> rows of cells: label columns first, then one column per figure column. */
function tableRows(run: Line[], docPitch: number): CellValue[][] {
  const size = median(run.map((l) => l.size));
  const own = rowPitch(run);
  // (A table of two or three rows may have no row of one line: the file's other tables tell the row height.)
  const pitch = Math.min(own, docPitch) < Infinity ? Math.min(own, docPitch) : 2.4 * size;
  const lines = closePageBreaks(run, pitch);
  const figures = lines.flatMap((l) => l.segs.filter(isFigure));
  const firstFigure = figures.length > 0 ? Math.min(...figures.map((s) => s.x0)) : Infinity;
  // The figure columns: where the figures stand, and the other texts on rows of figures right of the labels (a
  // column of 75394432.52元 is a column too).
  const figSegs = lines.flatMap((l) =>
    l.segs.some(isFigure) ? l.segs.filter((s) => isFigure(s) || s.x0 >= firstFigure - 0.5 * size) : [],
  );
  const anchors = cluster(
    figSegs.map((s) => (s.x0 + s.x1) / 2),
    1.2 * size,
  );
  const isLabel = (s: Segment): boolean =>
    !isFigure(s) && s.x1 <= firstFigure + 0.5 * size && (s.x0 + s.x1) / 2 < (anchors[0] ?? Infinity) - 0.5 * size;
  const labelStarts = cluster(
    lines.flatMap((l) => l.segs.filter(isLabel).map((s) => s.x0)),
    1.5 * size,
  ).slice(0, 3);
  const labelCol = (s: Segment): number => nearest(labelStarts, s.x0);
  const figCol = (s: Segment): number => labelStarts.length + nearest(anchors, (s.x0 + s.x1) / 2);
  const width = labelStarts.length + anchors.length;

  // Rows with figures; the pitch between them (the height of a row of one line) tells a wrapped label line (one
  // line height away) from the next row's (a line height plus the cell padding and border away).
  const dataIdx = lines.flatMap((l, k) => (l.segs.some(isFigure) ? [k] : []));
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
  const nearestData = (y: number): { k: number; d: number } => {
    let best = { k: -1, d: Infinity };
    for (const d of dataIdx) {
      const dist = Math.abs(figureY(lines[d]!) - y);
      if (dist < best.d) best = { k: d, d: dist };
    }
    return best;
  };

  // The row labels, cell by cell: in each label column the pieces one line height apart are one cell's text (a label
  // wrapped over two or more lines), unless a piece starts with a number (1. （六） 三、: the next row's label) or
  // both pieces stand on rows of figures. A cell belongs to the row of figures it stands beside.
  interface Piece {
    k: number;
    y: number;
    page: number;
    text: string;
    onData: boolean;
  }
  const pageEnd = new Map<number, number>();
  const pageStart = new Map<number, number>();
  for (const l of lines) {
    pageEnd.set(l.page, Math.max(pageEnd.get(l.page) ?? -Infinity, l.y));
    pageStart.set(l.page, Math.min(pageStart.get(l.page) ?? Infinity, l.y));
  }
  const byCol = new Map<number, Piece[]>();
  lines.forEach((l, k) => {
    const onData = l.segs.some(isFigure);
    for (const s of l.segs) {
      if (!isLabel(s)) continue;
      const c = labelCol(s);
      if (!byCol.has(c)) byCol.set(c, []);
      byCol.get(c)!.push({ k, y: s.y, page: l.page, text: s.text, onData });
    }
  });
  const taken = new Set<string>(); // `${k}:${text}` of label pieces placed in the body
  // The item column first: a group label further left is placed by the item cells it stands beside.
  const items: { y0: number; y1: number; row: number }[] = [];
  for (const [c, pieces] of [...byCol].sort((a, b) => b[0] - a[0])) {
    pieces.sort((a, b) => a.y - b.y);
    const chains: Piece[][] = [];
    for (const p of pieces) {
      const cur = chains[chains.length - 1];
      const last = cur?.[cur.length - 1];
      // (a cell the page break cut in two: the last piece before the break, the first after it, beside no figures)
      const cut =
        last !== undefined &&
        p.page !== last.page &&
        !p.onData &&
        last.k >= firstData &&
        (pageEnd.get(last.page) ?? last.y) - last.y < pitch - 0.12 * size &&
        p.y - (pageStart.get(p.page) ?? p.y) < pitch - 0.12 * size;
      if (
        cur &&
        last &&
        !NUMBERED.test(p.text) &&
        (p.y - last.y < pitch - 0.12 * size || cut) &&
        !(p.onData && cur.some((q) => q.onData))
      )
        cur.push(p);
      else chains.push([p]);
    }
    for (const ch of chains) {
      const y0 = ch[0]!.y;
      const y1 = ch[ch.length - 1]!.y;
      const onData = ch.find((q) => q.onData);
      let row: number | undefined = onData?.k;
      if (row === undefined) {
        const beside = dataIdx.find(
          (d) => figureY(lines[d]!) >= y0 - 0.5 * size && figureY(lines[d]!) <= y1 + 0.5 * size,
        );
        const item =
          c < labelStarts.length - 1
            ? items.find((x) => x.y1 >= y0 - 0.5 * size && x.y0 <= y1 + 0.5 * size)
            : undefined;
        if (beside !== undefined) row = beside;
        else if (item) row = item.row;
        else if (ch[ch.length - 1]!.k > firstData) {
          // (a group label between two rows of figures, in a column left of the items: the nearer row's)
          const n = nearestData((y0 + y1) / 2);
          const reach = c < labelStarts.length - 1 ? 2 * pitch : pitch;
          row = n.k >= 0 && n.d < reach ? n.k : ch[0]!.k;
        }
      }
      if (row === undefined) continue; // above the first row of figures and beside none: the header's
      if (c === labelStarts.length - 1) items.push({ y0, y1, row });
      put(row, c, ch.map((q) => q.text).join(""));
      for (const q of ch) taken.add(`${q.k}:${q.y}:${q.text}`);
    }
  }
  const isTaken = (k: number, s: Segment): boolean => taken.has(`${k}:${s.y}:${s.text}`);

  const headerLines = lines
    .slice(0, firstData)
    .map((l, k) => ({ ...l, segs: l.segs.filter((s) => !isTaken(k, s)) }))
    .filter((l) => l.segs.length > 0);
  const headerRows = headerBlock(headerLines, anchors, figSegs, labelStarts.length, isLabel, labelCol, size, pitch);
  lines.forEach((l, k) => {
    if (k < firstData) return;
    const hasFig = l.segs.some(isFigure);
    for (const s of l.segs) {
      if (isLabel(s)) continue; // placed above
      if (hasFig) {
        put(k, figCol(s), s.text);
        continue;
      }
      // A text in the figure columns on a line without figures: part of the nearest row's cell, if close.
      const n = nearestData(l.y);
      if (n.k >= 0 && n.d < 0.95 * pitch) put(n.k, figCol(s), s.text, figureY(lines[n.k]!) > s.y);
      else put(k, figCol(s), s.text);
    }
  });
  // A group label in a narrow column (（三）不予公开 beside its eight items) runs down over the rows of its items:
  // a piece that starts no number, beside a row whose own label stands further right, continues the piece above.
  const order = [...cells.keys()].sort((a, b) => a - b);
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
  // A group label stands beside the middle of its items (vertically centred); it belongs to the group's first row,
  // the item numbered 1 (as a merged cell's text is its first row's): moved up to it, never past another label.
  for (let c = 0; c < labelStarts.length - 1; c++) {
    order.forEach((k, at) => {
      const r = cells.get(k)!;
      const t = r[c];
      if (t === null || t === undefined || !r.slice(c + 1, labelStarts.length).some((x) => x !== null)) return;
      for (let up = at; up >= 0; up--) {
        const u = cells.get(order[up]!)!;
        if (
          up < at &&
          (u.slice(0, c + 1).some((x) => x !== null) || u.slice(c + 1, labelStarts.length).every((x) => x === null))
        )
          return;
        const item = u.slice(c + 1, labelStarts.length).find((x) => x !== null);
        if (item && FIRST_ITEM.test(item)) {
          if (up < at) {
            u[c] = t;
            r[c] = null;
          }
          return;
        }
      }
    });
  }
  return [...headerRows, ...order.map((k) => cells.get(k)!)]
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
  figSegs: Segment[],
  labelCols: number,
  isLabel: (s: Segment) => boolean,
  labelCol: (s: Segment) => number,
  size: number,
  pitch: number,
): (string | null)[][] {
  if (lines.length === 0) return [];
  const width = labelCols + anchors.length;
  const colOf = (s: Segment): number => nearest(anchors, (s.x0 + s.x1) / 2);
  const minX0 = anchors.map((_, k) => Math.min(...figSegs.filter((s) => colOf(s) === k).map((s) => s.x0)));
  const maxX1 = anchors.map((_, k) => Math.max(...figSegs.filter((s) => colOf(s) === k).map((s) => s.x1)));
  const colFrom = anchors.map((_, k) => (k === 0 ? -Infinity : maxX1[k - 1]!));
  const colTo = anchors.map((_, k) => (k === anchors.length - 1 ? Infinity : minX0[k + 1]!));
  const leaf = new Array<string | null>(width).fill(null);
  const groups: { y: number; row: (string | null)[] }[] = [];
  const add = (row: (string | null)[], c: number, t: string): void => {
    row[c] = row[c] === null ? t : `${row[c]}${t}`;
  };
  const pieces: { c: number; y: number; page: number; text: string }[] = [];
  const group = (c: number, y: number, text: string): void => {
    let g = groups.find((x) => Math.abs(x.y - y) < 0.6 * size);
    if (!g) groups.push((g = { y, row: new Array<string | null>(width).fill(null) }));
    add(g.row, c, text);
  };
  for (const l of lines) {
    for (const s of l.segs) {
      if (isLabel(s)) {
        pieces.push({ c: labelCol(s), y: s.y, page: l.page, text: s.text });
        continue;
      }
      // A column's header cell runs from the end of the figures before it to the start of the figures after it
      // (whether its cells are set left, centred or right): a text that fits there is that column's header; one that
      // does not fit any column is a group header over several, from the column it starts in.
      const fits = anchors.flatMap((_, k) =>
        s.x0 >= colFrom[k]! - 0.3 * size && s.x1 <= colTo[k]! + 0.3 * size ? [k] : [],
      );
      if (fits.length === 0) {
        const first = anchors.findIndex((_, k) => colTo[k]! > s.x0 + 0.3 * size);
        group(labelCols + Math.max(0, first), s.y, s.text);
      } else {
        const m = (s.x0 + s.x1) / 2;
        const k = fits.reduce((a, b) => (Math.abs(anchors[b]! - m) < Math.abs(anchors[a]! - m) ? b : a));
        pieces.push({ c: labelCols + k, y: s.y, page: l.page, text: s.text });
      }
    }
  }
  // In each column, the pieces one line height apart are one cell's text; the lowest cell is the column's own
  // header, a cell above it (a row of headers between) heads a group of columns from this one (行政复议 over the
  // five columns of its results, set left in the first one's width).
  const pageEnd = new Map<number, number>();
  const pageStart = new Map<number, number>();
  for (const l of lines) {
    pageEnd.set(l.page, Math.max(pageEnd.get(l.page) ?? -Infinity, l.y));
    pageStart.set(l.page, Math.min(pageStart.get(l.page) ?? Infinity, l.y));
  }
  for (let c = 0; c < width; c++) {
    const col = pieces.filter((p) => p.c === c).sort((a, b) => a.y - b.y);
    const cellsOf: { y: number; page: number; text: string }[] = [];
    for (const p of col) {
      const last = cellsOf[cellsOf.length - 1];
      // (pieces on either side of a page break, each next to the break: a header cell the break cut in two)
      const cut =
        last !== undefined &&
        p.page !== last.page &&
        (pageEnd.get(last.page) ?? last.y) - last.y < pitch - 0.12 * size &&
        p.y - (pageStart.get(p.page) ?? p.y) < pitch - 0.12 * size;
      if (last && (p.y - last.y < pitch - 0.12 * size || cut)) {
        last.text += p.text;
        last.y = p.y;
        last.page = p.page;
      } else cellsOf.push({ y: p.y, page: p.page, text: p.text });
    }
    cellsOf.forEach((x, i) => {
      if (i === cellsOf.length - 1 || c < labelCols) add(leaf, c, x.text);
      else group(c, x.y, x.text);
    });
  }
  return [...groups.sort((a, b) => a.y - b.y).map((g) => g.row), leaf];
}

/** A label that starts with its number: 一、 （一） 1. 1、 */
const NUMBERED = /^\s*([一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d+[.、．])/;

/** The first item of a group: 1. 1、 1． */
const FIRST_ITEM = /^\s*1[.、．]/;

function nearest(xs: number[], x: number): number {
  let best = 0;
  for (let k = 1; k < xs.length; k++) if (Math.abs(xs[k]! - x) < Math.abs(xs[best]! - x)) best = k;
  return best;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 10;
}
