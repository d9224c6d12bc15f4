/**
 * The free-form proactive-disclosure breakdown: category | count | (last year) | stated share, a 合计 row,
 * then label/value rows (比上年新增, 同比增长, 完成率, 年度目标, 占主动公开比例). The template's block and
 * hand-made variants (other header words, no header, no heading) are all read here.
 */
import type { CellValue } from "../grid";
import type { Breakdown, Category, StatedPercent } from "../model/report";
import {
  BLOCK_HEADERS,
  BLOCK_TAIL,
  BLOCK_TOTALS,
  COMMON_CATEGORIES,
  COMMON_KEY_AREAS,
  KEY_AREA_HEADINGS,
  PROACTIVE_HEADINGS,
} from "../model/labels";
import { readFigure, use, type ReadCtx } from "./context";
import type { TextCell } from "./sheet-index";
import { normLabel, registerVocabulary, stripSpaces } from "./text";
import { isBlank, isNumeric, parsePercent } from "./values";

const cores = (labels: readonly string[]) => {
  registerVocabulary(labels);
  return new Set(labels.map((l) => normLabel(l)?.core ?? l));
};

const MAIN_HEADINGS = cores(PROACTIVE_HEADINGS);
const KEY_HEADINGS = cores(KEY_AREA_HEADINGS);
const H_LABEL = cores(BLOCK_HEADERS.label);
const H_COUNT = cores(BLOCK_HEADERS.count);
const H_PRIOR = cores(BLOCK_HEADERS.prior);
const H_SHARE = cores(BLOCK_HEADERS.share);
const TOTAL = cores(BLOCK_TOTALS);

const KNOWN = cores([...COMMON_CATEGORIES, ...COMMON_KEY_AREAS]);

type TailKey = keyof typeof BLOCK_TAIL;
const TAIL = Object.entries(BLOCK_TAIL) as [TailKey, readonly string[]][];
registerVocabulary(TAIL.flatMap(([, ls]) => ls));
const TAIL_BY_CORE = new Map<string, TailKey>();
for (const [k, ls] of TAIL) for (const l of ls) TAIL_BY_CORE.set(normLabel(l)!.core, k);
function tailKey(t: TextCell): TailKey | undefined {
  const l = t.label;
  if (!l) return undefined;
  return TAIL_BY_CORE.get(l.core) ?? (l.alias ? TAIL_BY_CORE.get(l.alias) : undefined);
}

interface Cols {
  label: number;
  count?: number;
  prior?: number;
  share?: number;
}

function coreIn(t: TextCell | undefined, set: Set<string>): boolean {
  return !!t?.label && (set.has(t.label.core) || (!!t.label.alias && set.has(t.label.alias)));
}

/** A header row at r: a label-header cell and a count-header cell to its right. */
function headerAt(ctx: ReadCtx, r: number, minCol: number): Cols | undefined {
  const texts = ctx.ix.rowTexts(r).filter((t) => t.col >= minCol);
  const lab = texts.find((t) => coreIn(t, H_LABEL));
  if (!lab) return undefined;
  const right = texts.filter((t) => t.col > lab.col && t.col <= lab.col + 8);
  const count = right.find((t) => coreIn(t, H_COUNT));
  if (!count) return undefined;
  const cols: Cols = { label: lab.col, count: count.col };
  const prior = right.find((t) => coreIn(t, H_PRIOR));
  if (prior) cols.prior = prior.col;
  const share = right.find((t) => coreIn(t, H_SHARE));
  if (share) cols.share = share.col;
  for (const t of [lab, count, prior, share]) if (t) use(ctx, t.row, t.col);
  return cols;
}

function textAt(ctx: ReadCtx, r: number, c: number): TextCell | undefined {
  return ctx.ix.rowTexts(r).find((t) => t.col === c);
}

/** Without a header: the first numeric column right of the label, then a percent-looking one. */
function guessCols(ctx: ReadCtx, r: number, labelCol: number): Cols | undefined {
  for (let c = labelCol + 1; c <= labelCol + 4; c++) {
    const v = ctx.ix.value(r, c);
    if (isNumeric(v) && !isPercentText(v)) {
      const cols: Cols = { label: labelCol, count: c };
      for (let s = c + 1; s <= c + 3; s++) {
        const w = ctx.ix.value(r, s);
        if (isPercentText(w) || (typeof w === "number" && w <= 1 && w >= 0)) {
          cols.share = s;
          break;
        }
      }
      return cols;
    }
  }
  return undefined;
}

function isPercentText(v: CellValue): boolean {
  return typeof v === "string" && /%|％/.test(v) && parsePercent(v, "percent") !== undefined;
}

function shareUnit(ctx: ReadCtx, rows: number[], col: number): "percent" | "fraction" {
  for (const r of rows) {
    const v = ctx.ix.value(r, col);
    if (typeof v === "number" && Math.abs(v) > 1) return "percent";
  }
  return "fraction";
}

function readBlock(
  ctx: ReadCtx,
  name: string,
  head: TextCell | undefined,
  start: number,
  cols: Cols,
  partition: boolean,
): Breakdown {
  const { ix } = ctx;
  const b: Breakdown = { name, categories: [], partition, children: [] };
  if (head) {
    b.nameCell = ix.ref(head.row, head.col);
    use(ctx, head.row, head.col);
  }
  const catRows: number[] = [];
  let r = start;
  let blanks = 0;
  let totalRow: number | undefined;
  for (; r < start + 200; r++) {
    const lab = textAt(ctx, r, cols.label);
    const countV = cols.count !== undefined ? ix.value(r, cols.count) : null;
    if (!lab) {
      if (isBlank(countV) && ++blanks >= 2) break;
      continue;
    }
    if (coreIn(lab, TOTAL)) {
      totalRow = r;
      use(ctx, lab.row, lab.col);
      r++;
      break;
    }
    if (tailKey(lab) || coreIn(lab, MAIN_HEADINGS) || coreIn(lab, KEY_HEADINGS) || headerAt(ctx, r, 0)) break;
    if (stripSpaces(lab.raw).length > 40) break;
    blanks = 0;
    catRows.push(r);
  }
  const unit =
    cols.share !== undefined
      ? shareUnit(ctx, [...catRows, ...(totalRow !== undefined ? [totalRow] : [])], cols.share)
      : "fraction";
  for (const cr of catRows) {
    const lab = textAt(ctx, cr, cols.label)!;
    use(ctx, lab.row, lab.col);
    const cat: Category = {
      name: stripSpaces(lab.raw),
      nameCell: ix.ref(lab.row, lab.col),
      count: cols.count !== undefined ? readFigure(ctx, cr, cols.count) : { value: null },
    };
    if (cols.prior !== undefined) cat.prior = readFigure(ctx, cr, cols.prior);
    if (cols.share !== undefined) {
      const s = readPercent(ctx, cr, cols.share, unit);
      if (s) cat.share = s;
    }
    b.categories.push(cat);
  }
  if (totalRow !== undefined) {
    if (cols.count !== undefined) b.total = readFigure(ctx, totalRow, cols.count);
    if (cols.prior !== undefined) b.priorTotal = readFigure(ctx, totalRow, cols.prior);
    if (cols.share !== undefined) use(ctx, totalRow, cols.share);
  }
  // Label/value rows under the block.
  let misses = 0;
  for (; r < start + 220 && misses < 3; r++) {
    const texts = ix.rowTexts(r).filter((t) => t.col >= cols.label - 1 && t.col <= cols.label + 1);
    const t = texts.find((x) => tailKey(x));
    if (!t) {
      if (texts.length > 0) break;
      misses++;
      continue;
    }
    misses = 0;
    const key = tailKey(t)!;
    use(ctx, t.row, t.col);
    const vc = valueCol(ctx, r, t.col);
    if (vc === undefined) continue;
    const pctUnit = /%|％/.test(t.raw)
      ? "percent"
      : typeof ix.value(r, vc) === "number" && Math.abs(ix.value(r, vc) as number) > 1
        ? "percent"
        : "fraction";
    if (key === "increase") b.statedIncrease = readFigure(ctx, r, vc);
    else if (key === "target") b.target = readFigure(ctx, r, vc);
    else {
      const p = readPercent(ctx, r, vc, pctUnit);
      if (!p) continue;
      if (key === "yoy") b.statedYoY = p;
      else if (key === "yoyDown") b.statedYoY = { ...p, value: -Math.abs(p.value) };
      else if (key === "completion") b.statedCompletion = p;
      else b.shareOfParent = p;
    }
  }
  return b;
}

function valueCol(ctx: ReadCtx, r: number, c: number): number | undefined {
  for (let x = c + 1; x <= c + 4; x++) if (!isBlank(ctx.ix.value(r, x))) return x;
  return undefined;
}

function readPercent(ctx: ReadCtx, r: number, c: number, unit: "percent" | "fraction"): StatedPercent | undefined {
  const v = ctx.ix.value(r, c);
  if (isBlank(v)) return undefined;
  use(ctx, r, c);
  return parsePercent(v, unit, ctx.ix.ref(r, c));
}

interface Block {
  head?: TextCell;
  start: number;
  cols: Cols;
  key: boolean;
}

function locate(ctx: ReadCtx, heads: Set<string>, key: boolean): Block | undefined {
  const { ix } = ctx;
  for (const t of ix.labels) {
    if (!coreIn(t, heads)) continue;
    for (let r = t.row; r <= t.row + 3; r++) {
      const cols = headerAt(ctx, r, t.col - 1);
      if (cols) return { head: t, start: r + 1, cols, key };
    }
    const cols = guessCols(ctx, t.row + 1, t.col) ?? guessCols(ctx, t.row, t.col);
    if (cols) return { head: t, start: t.row + 1, cols, key };
  }
  return undefined;
}

/** The free-form breakdown of proactive disclosures, with the key-area block as its child. */
export function findBreakdown(ctx: ReadCtx): Breakdown | undefined {
  const { ix } = ctx;
  let main = locate(ctx, MAIN_HEADINGS, false);
  if (!main) {
    // A header row above known category names, or a column of known names without any header.
    const known = ix.labels.filter((t) => coreIn(t, KNOWN));
    const byCol = new Map<number, TextCell[]>();
    for (const t of known) byCol.set(t.col, [...(byCol.get(t.col) ?? []), t]);
    for (const list of byCol.values()) {
      if (list.length < 3) continue;
      const first = list[0]!;
      for (let r = first.row - 1; r >= first.row - 2; r--) {
        const cols = headerAt(ctx, r, first.col - 1);
        if (cols) {
          main = { start: r + 1, cols, key: false };
          break;
        }
      }
      if (!main) {
        const cols = guessCols(ctx, first.row, first.col);
        if (cols) main = { start: first.row, cols, key: false };
      }
      if (main) break;
    }
  }
  const keyBlock = locate(ctx, KEY_HEADINGS, true);
  if (!main && !keyBlock) return undefined;
  const out = main
    ? readBlock(ctx, "主动公开政府信息", main.head, main.start, main.cols, true)
    : { name: "主动公开政府信息", categories: [], partition: true, children: [] };
  if (keyBlock) {
    const child = readBlock(ctx, "重点领域", keyBlock.head, keyBlock.start, keyBlock.cols, true);
    if (child.categories.length > 0 || child.total) out.children.push(child);
  }
  if (out.categories.length === 0 && !out.total && out.children.length === 0) return undefined;
  return out;
}
