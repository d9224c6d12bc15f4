/** Locate and read the format's tables (sections 二, 三, 四) by their labels. */
import {
  FORMAT_2019,
  FORMAT_2021,
  S3_COLS,
  S3_HEADER_NOTE,
  S4_GROUPS,
  SECTION_HEADINGS,
  type RowDef,
} from "../model/format";
import type { TableDef } from "../model/format";
import { ITEM1_PRIOR_LABEL, PRIOR_RECEIVED_LABELS, S3_PRIOR_CARRY_LABEL, S4_ROW_LABELS } from "../model/labels";
import { findLabel, labelMatch, type Found, type ReadCtx } from "./context";
import type { TextCell } from "./sheet-index";
import { normLabel, registerVocabulary, type NormLabel } from "./text";
import { isBlank, isNumeric } from "./values";

// Every label of both formats (rows, columns, their parents, titles), headings and the template's extras.
registerVocabulary(
  [FORMAT_2021, FORMAT_2019].flatMap((f) =>
    [...f.section2, f.section3, f.section3SingleOther ?? f.section3, f.section4].flatMap((t) => [
      t.title,
      t.labelHeader ?? "",
      ...t.rows.flatMap((r) => [r.label, ...(r.parents ?? [])]),
      ...t.cols.flatMap((c) => [c.label, ...(c.parents ?? [])]),
    ]),
  ),
);
registerVocabulary([
  ...SECTION_HEADINGS,
  ITEM1_PRIOR_LABEL,
  S3_PRIOR_CARRY_LABEL,
  ...PRIOR_RECEIVED_LABELS,
  ...S4_ROW_LABELS,
]);

type LabelMatch = ReturnType<typeof labelMatch>;

function coreOf(label: string): string {
  return normLabel(label)?.core ?? label;
}

function sortCells(cells: TextCell[]): TextCell[] {
  return [...cells].sort((a, b) => a.row - b.row || a.col - b.col);
}

// ---------------------------------------------------------------- section 二

export const PRIOR_IN_FORCE = ITEM1_PRIOR_LABEL;

/** Every placement of one section 二 table, best first by position. */
export function findS2(ctx: ReadCtx, def: TableDef): Found[] {
  const { ix } = ctx;
  // A row's label as the format prints it, else an older wording of it (read as the row, flagged as a variant).
  const rowCells = def.rows.map((r) => {
    const hits = findLabel(ix, r.label);
    return hits.length > 0 || !r.older ? hits : r.older.flatMap((o) => findLabel(ix, o));
  });
  const anchors = sortCells(rowCells.flat());
  const consumed = new Set<TextCell>();
  const out: Found[] = [];
  for (const anchor of anchors) {
    if (consumed.has(anchor)) continue;
    // The header row: the nearest row above with at least one of the table's column labels.
    let headerRow = -1;
    const cols = new Map<string, { col: number; match?: LabelMatch }>();
    for (let hr = anchor.row - 1; hr >= anchor.row - 5 && headerRow < 0; hr--) {
      for (const c of def.cols) {
        const hit = findLabel(ix, c.label).find((x) => x.row === hr && x.col > anchor.col && x.col <= anchor.col + 12);
        if (hit && !cols.has(c.key)) cols.set(c.key, { col: hit.col, match: labelMatch(ix, hit, c.label) });
      }
      if (cols.size > 0) headerRow = hr;
    }
    if (headerRow < 0) continue;
    // A header split over two rows: fill the missing columns from the row above.
    if (cols.size < def.cols.length) {
      for (const c of def.cols) {
        if (cols.has(c.key)) continue;
        const hit = findLabel(ix, c.label).find(
          (x) => x.row === headerRow - 1 && x.col > anchor.col && x.col <= anchor.col + 12,
        );
        if (hit) cols.set(c.key, { col: hit.col, match: labelMatch(ix, hit, c.label) });
      }
    }
    const rows = new Map<string, { row: number; match?: LabelMatch }>();
    def.rows.forEach((r, i) => {
      const hit = rowCells[i]!.find(
        (x) => x.row > headerRow && x.row <= headerRow + def.rows.length + 4 && Math.abs(x.col - anchor.col) <= 2,
      );
      if (hit && !consumed.has(hit)) {
        rows.set(r.key, { row: hit.row, match: labelMatch(ix, hit, r.label) });
        consumed.add(hit);
      }
    });
    if (rows.size === 0) continue;
    const extra: { row: number; col: number }[] = [];
    for (const t of [def.title, def.labelHeader ?? ""]) {
      const hit = findLabel(ix, t).find(
        (x) => x.row >= headerRow - 3 && x.row <= headerRow && Math.abs(x.col - anchor.col) <= 3,
      );
      if (hit) extra.push({ row: hit.row, col: hit.col });
    }
    const found: Found = { anchor: { row: anchor.row, col: anchor.col }, rows, cols, extra };
    if (def.id === "s2.item1") {
      const hit = findLabel(ix, PRIOR_IN_FORCE).find(
        (x) => x.row >= headerRow - 1 && x.row <= headerRow && x.col > anchor.col && x.col <= anchor.col + 12,
      );
      if (hit) found.priorCols = new Map([["inForce", { col: hit.col, match: labelMatch(ix, hit, PRIOR_IN_FORCE) }]]);
    }
    out.push(found);
  }
  return out;
}

// ---------------------------------------------------------------- section 三

const S3_FULL = FORMAT_2021.section3;
const G_LABELS: Record<string, string> = {
  withheld: "（三）不予公开",
  unavailable: "（四）无法提供",
  notProcessed: "（五）不予处理",
  other: "（六）其他处理",
};
const GROUP_BY_CORE = new Map<string, string>(Object.entries(G_LABELS).map(([g, l]) => [coreOf(l), g]));
const RESULT_CORE = coreOf("三、本年度办理结果");
const ROW_BY_CORE = new Map<string, RowDef[]>();
for (const r of S3_FULL.rows) {
  const n = normLabel(r.label)!;
  for (const k of [n.core, n.alias]) {
    if (!k) continue;
    const list = ROW_BY_CORE.get(k) ?? [];
    list.push(r);
    ROW_BY_CORE.set(k, list);
  }
}
const ITEMS_BY_GROUP = new Map<string, RowDef[]>();
for (const r of S3_FULL.rows) {
  if (!r.group || !r.parents || r.parents.length < 2) continue;
  const list = ITEMS_BY_GROUP.get(r.group) ?? [];
  list.push(r);
  ITEMS_BY_GROUP.set(r.group, list);
}
const PRIOR_CARRY = S3_PRIOR_CARRY_LABEL;
const CARRY_CORE = coreOf("四、结转下年度继续办理");
const NOTE_CORE = coreOf(S3_HEADER_NOTE);

/** Cores that end a table scan: section headings and the headers of the other tables. */
const STOP_CORES = new Set<string>([
  ...SECTION_HEADINGS.map(coreOf),
  coreOf("行政复议"),
  coreOf("自然人"),
  coreOf("申请人情况"),
  NOTE_CORE,
  coreOf("第二十条第（一）项"),
]);

/** Outcome groups by their bracketed number: （三） 不予公开 … （六） 其他处理. */
const GROUP_BY_NUMBER = new Map<number, string>([
  [3, "withheld"],
  [4, "unavailable"],
  [5, "notProcessed"],
  [6, "other"],
]);

/** "（三）1.属于国家秘密": a group's bracketed number and an item label in one cell. */
function splitGroupItem(l: NormLabel): { group: string; item: NormLabel } | undefined {
  if (l.numbering?.kind !== "paren-cn" || !/^[0-9]/.test(l.core)) return undefined;
  const group = GROUP_BY_NUMBER.get(l.numbering.n);
  const item = group ? normLabel(l.core) : null;
  if (!group || !item || item.numbering?.kind !== "arabic") return undefined;
  return { group, item };
}

export interface S3Found extends Found {
  /** （六）其他处理 printed as one row. */
  single: boolean;
}

function isPriorCarry(core: string): boolean {
  return core.startsWith("上年") && core.includes(CARRY_CORE);
}

/** The same text in the cell left of or above: a merged header whose value was repeated when the merge was lost. */
function repeated(ix: ReadCtx["ix"], cell: TextCell): boolean {
  const same = (r: number, c: number) => ix.rowTexts(r).some((t) => t.col === c && t.raw === cell.raw);
  return same(cell.row, cell.col - 1) || same(cell.row - 1, cell.col);
}

/** The 三 table's header, found from its 自然人 cell: the applicant columns and the header's other cells. */
interface S3Header {
  nat: TextCell;
  cols: Map<string, { col: number; match?: LabelMatch }>;
  extra: { row: number; col: number }[];
  /** The header's last row: the rows start under it. */
  headerBottom: number;
  /** The first figure column: the row labels are left of it. */
  minData: number;
}

/**
 * Last year's 本年新收申请 总计 (上年本年新收申请（总计）, for the 同比 sentence): its label cell and the cell right
 * of the label (past a merged label); a number a few cells further right when that cell is blank.
 */
export function findPriorReceived(ctx: ReadCtx): { label: TextCell; row: number; col: number } | undefined {
  const { ix } = ctx;
  for (const l of PRIOR_RECEIVED_LABELS) {
    for (const cell of findLabel(ix, l)) {
      const first = (ix.merge(cell.row, cell.col)?.right ?? cell.col) + 1;
      if (isBlank(ix.value(cell.row, first))) {
        for (let c = first + 1; c <= first + 3; c++) {
          if (isNumeric(ix.value(cell.row, c))) return { label: cell, row: cell.row, col: c };
        }
      }
      return { label: cell, row: cell.row, col: first };
    }
  }
  return undefined;
}

/** Every placement of the 三 table: its header (columns) first, then its rows under it. */
export function findS3(ctx: ReadCtx): S3Found[] {
  const out: S3Found[] = [];
  for (const nat of findLabel(ctx.ix, "自然人")) {
    if (repeated(ctx.ix, nat)) continue;
    const header = findS3Header(ctx.ix, nat);
    if (!header) continue;
    const { rows, priorRows, single } = findS3Rows(ctx, header);
    if (rows.size < 2) continue;
    const found: S3Found = {
      anchor: { row: nat.row, col: nat.col },
      rows,
      cols: header.cols,
      extra: header.extra,
      single,
    };
    if (priorRows.size > 0) found.priorRows = priorRows;
    out.push(found);
  }
  return out;
}

/** The header at a 自然人 cell, or undefined where fewer than three of the table's columns are there. */
function findS3Header(ix: ReadCtx["ix"], nat: TextCell): S3Header | undefined {
  const inBand = (x: TextCell) =>
    x.row >= nat.row - 1 && x.row <= nat.row + 2 && x.col >= nat.col && x.col <= nat.col + 14;
  const cols = new Map<string, { col: number; match?: LabelMatch }>();
  const extra: { row: number; col: number }[] = [];
  cols.set("natural", { col: nat.col, match: labelMatch(ix, nat, "自然人") });
  const total = findLabel(ix, "总计")
    .filter((x) => inBand(x) && x.col > nat.col)
    .sort((a, b) => b.col - a.col)[0];
  for (const c of S3_COLS) {
    if (c.key === "natural") continue;
    let hit: TextCell | undefined;
    if (c.key === "total") hit = total;
    else {
      hit = findLabel(ix, c.label)
        .filter(
          (x) =>
            inBand(x) && x.col > nat.col && x.col !== total?.col && ![...cols.values()].some((v) => v.col === x.col),
        )
        .sort((a, b) => a.col - b.col || a.row - b.row)[0];
    }
    if (hit) cols.set(c.key, { col: hit.col, match: labelMatch(ix, hit, c.label) });
  }
  if (cols.size < 3) return undefined;
  let headerBottom = nat.row;
  for (const v of cols.values()) if (v.match) headerBottom = Math.max(headerBottom, v.match.cell.row);
  for (const t of ["申请人情况", "法人或其他组织"]) {
    const hit = findLabel(ix, t).find(
      (x) => x.row >= nat.row - 2 && x.row <= nat.row && x.col >= nat.col - 1 && x.col <= nat.col + 14,
    );
    if (hit) extra.push({ row: hit.row, col: hit.col });
  }
  const minData = Math.min(...[...cols.values()].map((v) => v.col));
  const note = ix
    .find(NOTE_CORE)
    .find((x) => x.row >= nat.row - 3 && x.row <= nat.row && x.col < minData && x.col >= minData - 6);
  if (note) extra.push({ row: note.row, col: note.col });
  return { nat, cols, extra, headerBottom, minData };
}

/**
 * The 三 table's rows under its header, by their labels left of the figures, until a section heading, five
 * rows with no label of the table, or the row after 结转下年度继续办理. Extends `header.extra` with the group
 * cells met; notes a row found twice.
 */
function findS3Rows(
  ctx: ReadCtx,
  header: S3Header,
): {
  rows: Map<string, { row: number; match?: LabelMatch }>;
  priorRows: Map<string, { row: number; match?: LabelMatch }>;
  single: boolean;
} {
  const { ix } = ctx;
  const { headerBottom, minData, extra } = header;
  const rows = new Map<string, { row: number; match?: LabelMatch }>();
  const priorRows = new Map<string, { row: number; match?: LabelMatch }>();
  let group: string | undefined;
  let g6Row: number | undefined;
  let g6Cell: TextCell | undefined;
  let misses = 0;
  let seenCarry = false;
  for (let r = headerBottom + 1; r <= headerBottom + 80; r++) {
    const texts = ix.rowTexts(r);
    if (
      texts.some(
        (t) =>
          t.label &&
          STOP_CORES.has(t.label.core) &&
          !(t.col < minData && t.col >= minData - 6 && t.label.core === RESULT_CORE),
      )
    )
      break;
    // Label cells of this row; text that is not in the vocabulary still gets normalised here,
    // so that an item with unknown wording can be placed by its number under its group.
    const labels = texts.filter((t) => t.col < minData && t.col >= minData - 6);
    for (const t of labels) t.label ??= normLabel(t.raw) ?? undefined;
    let hit: { def: RowDef; cell: TextCell; fallback?: boolean } | undefined;
    let groupHere: { g: string; cell: TextCell } | undefined;
    let prior: TextCell | undefined;
    for (const t of labels) {
      if (!t.label) continue;
      // "（三）1.属于国家秘密" in one cell: the group from the bracketed number, the item from the rest.
      const split = splitGroupItem(t.label);
      if (split) {
        group = split.group;
        groupHere = { g: split.group, cell: t };
      }
      const lab = split?.item ?? t.label;
      const labelCell: TextCell = split ? { ...t, label: split.item } : t;
      const core = lab.core;
      if (isPriorCarry(core)) {
        prior = t;
        continue;
      }
      if (core === RESULT_CORE) {
        extra.push({ row: t.row, col: t.col });
        group = undefined;
        continue;
      }
      const g = split ? undefined : (GROUP_BY_CORE.get(core) ?? (lab.alias ? GROUP_BY_CORE.get(lab.alias) : undefined));
      if (g) {
        group = g;
        groupHere = { g, cell: t };
        continue;
      }
      let cands = ROW_BY_CORE.get(core) ?? (lab.alias ? ROW_BY_CORE.get(lab.alias) : undefined) ?? [];
      if (cands.length > 1) {
        const inGroup = cands.filter((d) => d.group === group && (d.parents?.length ?? 0) >= 2);
        cands = inGroup.length > 0 ? inGroup : cands.filter((d) => (d.parents?.length ?? 0) < 2);
      }
      if (cands[0]) hit = { def: cands[0], cell: labelCell };
      else if (group && lab.numbering?.kind === "arabic") {
        const item = ITEMS_BY_GROUP.get(group)?.[lab.numbering.n - 1];
        if (item && !hit) hit = { def: item, cell: labelCell, fallback: true };
      }
    }
    if (prior) {
      priorRows.set("carryNext", { row: r, match: labelMatch(ix, prior, PRIOR_CARRY) });
      misses = 0;
      if (seenCarry) break;
      continue;
    }
    if (hit) {
      misses = 0;
      const key = hit.def.key;
      if ((hit.def.parents?.length ?? 0) < 2) group = groupHere?.g;
      if (rows.has(key)) {
        ctx.notes.push({
          code: "duplicate-row",
          cells: [rows.get(key)!.match!.cell, ix.ref(hit.cell.row, hit.cell.col)],
          params: { table: "s3", row: key, label: hit.def.label },
        });
      } else {
        const m = labelMatch(ix, hit.cell, hit.def.label);
        if (hit.fallback && !m.deviations.includes("variant")) m.deviations.push("variant");
        rows.set(key, { row: r, match: m });
      }
      if (groupHere) extra.push({ row: groupHere.cell.row, col: groupHere.cell.col });
      if (key === "carryNext") seenCarry = true;
      continue;
    }
    if (groupHere) {
      misses = 0;
      extra.push({ row: groupHere.cell.row, col: groupHere.cell.col });
      if (groupHere.g === "other" && g6Row === undefined) {
        g6Row = r;
        g6Cell = groupHere.cell;
      }
      continue;
    }
    if (seenCarry && labels.length > 0) break;
    if (++misses >= 5) break;
  }
  const hasItems = [...rows.keys()].some((k) => k.startsWith("other."));
  const single = !hasItems && g6Row !== undefined;
  if (single) rows.set("other", { row: g6Row!, match: labelMatch(ix, g6Cell!, G_LABELS.other!) });
  return { rows, priorRows, single };
}

// ---------------------------------------------------------------- section 四

const RESULT_LABELS = FORMAT_2021.section4.cols.slice(0, 5).map((c) => ({ key: c.key.split(".")[1]!, label: c.label }));
const GROUP_KEYS = new Map<string, string>([
  [coreOf("行政复议"), "review"],
  [coreOf("未经复议直接起诉"), "suitDirect"],
  [coreOf("复议后起诉"), "suitAfterReview"],
]);

/** The text that covers a header cell: its merge's top-left, or the nearest text to its left (blank cells of a pasted merge). */
function ownerAt(ctx: ReadCtx, row: number, col: number, minCol: number): TextCell | undefined {
  const { ix } = ctx;
  const m = ix.merge(row, col);
  if (m) return ix.rowTexts(m.top).find((t) => t.col === m.left);
  const texts = ix.rowTexts(row);
  let best: TextCell | undefined;
  for (const t of texts) if (t.col <= col && t.col >= minCol && (!best || t.col > best.col)) best = t;
  return best;
}

export function findS4(ctx: ReadCtx): Found[] {
  const { ix } = ctx;
  const out: Found[] = [];
  const consumed = new Set<TextCell>();
  for (const anchor of findLabel(ix, "行政复议")) {
    if (consumed.has(anchor) || repeated(ix, anchor)) continue;
    const inBand = (x: TextCell) =>
      x.row > anchor.row && x.row <= anchor.row + 3 && x.col >= anchor.col && x.col <= anchor.col + 20;
    const results: { cell: TextCell; key: string; label: string }[] = [];
    for (const r of RESULT_LABELS)
      for (const c of findLabel(ix, r.label).filter(inBand)) results.push({ cell: c, key: r.key, label: r.label });
    if (results.length < 5) continue;
    results.sort((a, b) => a.cell.col - b.cell.col || a.cell.row - b.cell.row);
    const extra: { row: number; col: number }[] = [{ row: anchor.row, col: anchor.col }];
    const groups: (string | undefined)[] = results.map((res) => {
      for (let r = res.cell.row - 1; r >= anchor.row; r--) {
        const owner = ownerAt(ctx, r, res.cell.col, anchor.col);
        const g = owner?.label ? GROUP_KEYS.get(owner.label.core) : undefined;
        if (g) {
          extra.push({ row: owner!.row, col: owner!.col });
          return g;
        }
      }
      return undefined;
    });
    // Groups that could not be told from the headers: by position, five columns each.
    const order = ["review", "suitDirect", "suitAfterReview"];
    if (groups.some((g) => g === undefined)) results.forEach((_, i) => (groups[i] = order[Math.floor(i / 5)]));
    const cols = new Map<string, { col: number; match?: LabelMatch }>();
    let headerBottom = anchor.row;
    results.forEach((res, i) => {
      const g = groups[i];
      if (!g) return;
      const key = `${g}.${res.key}`;
      if (cols.has(key)) return;
      cols.set(key, { col: res.cell.col, match: labelMatch(ix, res.cell, res.label) });
      headerBottom = Math.max(headerBottom, res.cell.row);
      consumed.add(res.cell);
    });
    for (const g of S4_GROUPS) {
      for (const p of g.parents) {
        const hit = findLabel(ix, p).find(
          (x) => x.row >= anchor.row && x.row <= headerBottom && x.col >= anchor.col && x.col <= anchor.col + 20,
        );
        if (hit) extra.push({ row: hit.row, col: hit.col });
      }
    }
    const dataCols = [...cols.values()].map((v) => v.col);
    // The data row: the first row under the header with a number in it, else the first non-blank one.
    let dataRow: number | undefined;
    for (let r = headerBottom + 1; r <= headerBottom + 4 && dataRow === undefined; r++) {
      if (dataCols.some((c) => isNumeric(ix.value(r, c)))) dataRow = r;
    }
    for (let r = headerBottom + 1; r <= headerBottom + 4 && dataRow === undefined; r++) {
      if (dataCols.some((c) => !isBlank(ix.value(r, c)))) dataRow = r;
    }
    dataRow ??= headerBottom + 1;
    // A label left of the data row ("件数", "数量") belongs to the table.
    const minCol = Math.min(...dataCols);
    for (const t of ix.rowTexts(dataRow))
      if (t.col < minCol && t.col >= minCol - 3) extra.push({ row: t.row, col: t.col });
    const rows = new Map<string, { row: number }>([["count", { row: dataRow }]]);
    out.push({ anchor: { row: anchor.row, col: anchor.col }, rows, cols, extra });
  }
  return out;
}
