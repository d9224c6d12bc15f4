/**
 * readWorkbook: any workbook grid (the counts-sheet template, tables pasted from a published report,
 * the 2019 trial format, a free-form breakdown) -> Report. One label-based reader for every shape.
 */
import type { CellRef, CellValue, SheetGrid, WorkbookGrid } from "../grid";
import { cellKey, FORMAT_2019, FORMAT_2021, type FormatId, type TableDef } from "../model/format";
import type { Num, Report, TableData } from "../model/report";
import { findBreakdown } from "./breakdown";
import { buildTable, newCtx, noteMissing, places, readFigure, score, use, type Found, type ReadCtx } from "./context";
import { readMeta } from "./meta";
import { markCopies } from "./copies";
import { COUNTS_SHEET_NAME } from "../model/labels";
import { DEFAULT_REPORT_SETTINGS, RECORD_SHEET } from "../render/settings";
import { parseCellAddress } from "../render/record";
import { cellId, SheetIndex } from "./sheet-index";
import { findPriorReceived, findS2, findS3, findS4, type S3Found } from "./tables";

/** Why a workbook could not be read, worded in both languages (the hosts show one). */
export interface ReadFailure {
  code: string;
  message: { zh: string; en: string };
}

export type ReadResult = { ok: true; report: Report } | { ok: false; error: ReadFailure };

export interface ReadOptions {
  /** Read this sheet only. */
  sheet?: string;
  /** Further names of generated sheets to skip (a host's own 报告表格/报告正文 names). */
  generatedSheets?: readonly string[];
  /** Report year; overrides what the sheet says. */
  year?: number;
}

/** Texts kept per sheet at most (a sheet of unrelated content must not blow up the report). */
const MAX_TEXTS = 5000;

function fail(code: string, zh: string, en: string): ReadResult {
  return { ok: false, error: { code, message: { zh, en } } };
}

/** A sheet as the reader needs it: numeric offsets, rows as arrays. Defensive against malformed grids. */
function sane(sheet: SheetGrid, i: number): SheetGrid {
  const values = Array.isArray(sheet?.values) ? sheet.values : [];
  const out: SheetGrid = {
    name: typeof sheet?.name === "string" ? sheet.name : `Sheet${i + 1}`,
    top: Number.isInteger(sheet?.top) && sheet.top >= 0 ? sheet.top : 0,
    left: Number.isInteger(sheet?.left) && sheet.left >= 0 ? sheet.left : 0,
    values: values.map((r) => (Array.isArray(r) ? (r as CellValue[]) : [])),
  };
  if (Array.isArray(sheet?.formulas)) out.formulas = sheet.formulas;
  if (Array.isArray(sheet?.kinds)) out.kinds = sheet.kinds;
  if (sheet?.date1904 === true) out.date1904 = true;
  if (Array.isArray(sheet?.merges)) {
    out.merges = sheet.merges.filter(
      (m) =>
        m &&
        [m.top, m.left, m.bottom, m.right].every((x) => Number.isInteger(x)) &&
        m.bottom >= m.top &&
        m.right >= m.left,
    );
  }
  return out;
}

interface SheetRead {
  report: Report;
  ix: SheetIndex;
  ctx: ReadCtx;
  score: number;
  /** Anchor of the main table, for ambiguity notes. */
  anchor?: CellRef;
  /** The sheet has a national table (二, 三 or 四), not only a free-form breakdown. */
  tables: boolean;
  /** Its table figures are formulas into another sheet: a linked copy (the generated 报告表格), not a report. */
  derived: boolean;
}

const LOOKED_FOR = {
  zh: "未找到可识别的年度报告表格：已查找“收到和处理政府信息公开申请情况”表（自然人、商业企业……总计）、第二十条第（一）（五）（六）（八）项表格、行政复议和行政诉讼表（结果维持……总计），以及“主动公开政府信息分类”（类别、本年条数、占比）。",
  en: "No report table recognised: looked for the applications table (自然人, 商业企业 … 总计), the article 20 tables (第二十条第（一）项 …), the review/litigation table (行政复议, 结果维持 … 总计) and the proactive breakdown (主动公开政府信息分类: 类别, 本年条数, 占比).",
};

export function readWorkbook(wb: WorkbookGrid, opts: ReadOptions = {}): ReadResult {
  try {
    return readChecked(wb, opts);
  } catch (e) {
    return internal(e);
  }
}

function internal(e: unknown): { ok: false; error: ReadFailure } {
  // A bug, never a user error: still a value, so that the hosts can show it.
  const msg = e instanceof Error ? e.message : String(e);
  return {
    ok: false,
    error: {
      code: "internal",
      message: { zh: `读取时发生内部错误：${msg}`, en: `Internal error while reading: ${msg}` },
    },
  };
}

/** Sheets the add-in writes itself: never a report of their own. */
export const GENERATED_SHEETS: readonly string[] = [
  DEFAULT_REPORT_SETTINGS.tableSheet,
  DEFAULT_REPORT_SETTINGS.textSheet,
  RECORD_SHEET,
];

/** The sheets to read (opts.sheet, else all but the generated ones), or the error that ends the read. */
function sheetsToRead(wb: WorkbookGrid, opts: ReadOptions): SheetIndex[] | ReadResult {
  const sheets = (Array.isArray(wb?.sheets) ? wb.sheets : []).map(sane);
  const names = sheets.map((s) => s.name);
  let candidates = sheets;
  if (opts.sheet !== undefined) {
    const want = opts.sheet.trim();
    const hit = sheets.find((s) => s.name === opts.sheet) ?? sheets.find((s) => s.name.trim() === want);
    if (!hit) {
      return fail(
        "sheet-not-found",
        `找不到工作表“${opts.sheet}”。现有工作表：${names.length ? names.join("、") : "（无）"}`,
        `Sheet "${opts.sheet}" not found. Sheets: ${names.length ? names.join(", ") : "(none)"}`,
      );
    }
    candidates = [hit];
  } else {
    const generated = new Set([...GENERATED_SHEETS, ...(opts.generatedSheets ?? []), ...recordedSheets(sheets)]);
    candidates = sheets.filter((s) => !generated.has(s.name));
  }
  let indexed = candidates.map((s) => new SheetIndex(s)).filter((ix) => ix.nonBlank > 0);
  // A user's own data on a sheet that bears a generated sheet's name, and nothing else: read it all the same.
  if (indexed.length === 0 && opts.sheet === undefined) {
    indexed = sheets.map((s) => new SheetIndex(s)).filter((ix) => ix.nonBlank > 0);
  }
  if (indexed.length === 0) {
    return opts.sheet !== undefined
      ? fail("empty", `工作表“${opts.sheet}”是空的。`, `Sheet "${opts.sheet}" is empty.`)
      : fail("empty", "工作簿是空的：没有任何有内容的单元格。", "The workbook is empty: no cell has content.");
  }
  return indexed;
}

/** Sheets named in the hidden generation record (the text sheet, under whatever name it was written). */
function recordedSheets(sheets: SheetGrid[]): string[] {
  const rec = sheets.find((s) => s.name === RECORD_SHEET);
  if (!rec) return [];
  const out = new Set<string>();
  for (const row of rec.values) {
    const v = row[0];
    if (typeof v !== "string") continue;
    const ref = parseCellAddress(v);
    if (ref) out.add(ref.sheet);
  }
  return [...out];
}

function readAll(sheets: SheetIndex[], opts: ReadOptions): SheetRead[] {
  const reads: SheetRead[] = [];
  for (const ix of sheets) {
    const r = readSheet(ix, opts);
    // A sheet the user names is read even when its figures link elsewhere.
    if (r && (!r.derived || opts.sheet !== undefined)) reads.push(r);
  }
  return reads;
}

function readChecked(wb: WorkbookGrid, opts: ReadOptions): ReadResult {
  const sheets = sheetsToRead(wb, opts);
  if (!Array.isArray(sheets)) return sheets;
  const reads = readAll(sheets, opts);
  if (reads.length === 0) return fail("no-table", LOOKED_FOR.zh, LOOKED_FOR.en);
  const best = Math.max(...reads.map((r) => r.score));
  const top = reads.filter((r) => r.score === best);
  const chosen = top[0]!;
  if (top.length > 1) {
    const where = top.map((r) => r.anchor ?? { sheet: r.report.sheet, row: 0, col: 0 });
    chosen.report.notes.push({
      code: "ambiguous",
      cells: where,
      params: { what: "sheet", sheets: top.map((r) => r.report.sheet).join("、"), places: places(where) },
    });
  }
  keepTexts(chosen);
  return { ok: true, report: chosen.report };
}

/** One report found in a workbook. */
export interface FoundReport {
  /** The sheet it was read from. */
  sheet: string;
  /** 单位名称 as the sheet gives it (field or title), when it does. */
  unit?: string;
  report: Report;
}

export type ReportsResult = { ok: true; reports: FoundReport[]; primary: number } | { ok: false; error: ReadFailure };

/**
 * readReports: EVERY report a workbook holds, each read on its own (a supervising office's one sheet per
 * unit; this year's and last year's side by side).
 * - A sheet holds a report when it has a national table (二, 三 or 四); when no sheet has one, every sheet
 *   with a free-form breakdown does. Entries are in workbook order.
 * - The sheets the add-in generates (报告表格, 报告正文, the hidden record, and the sheets the record names)
 *   are skipped, and so is a sheet whose table figures are formulas into another sheet (a linked copy).
 * - Two sheets with the same unit and year are copies: the later one carries `report.copy` (which sheet,
 *   and every figure that differs), which the check `report-copy` turns into one finding.
 * - `primary` is the entry a single-report host works on by default: the sheet named 公开数据, else the first.
 * opts.sheet reads that one sheet only. Errors are values, as in readWorkbook.
 */
export function readReports(wb: WorkbookGrid, opts: ReadOptions = {}): ReportsResult {
  try {
    const sheets = sheetsToRead(wb, opts);
    if (!Array.isArray(sheets)) return sheets as ReportsResult;
    let reads = readAll(sheets, opts);
    if (reads.some((r) => r.tables)) reads = reads.filter((r) => r.tables);
    if (reads.length === 0) return fail("no-table", LOOKED_FOR.zh, LOOKED_FOR.en) as ReportsResult;
    for (const r of reads) keepTexts(r);
    markCopies(reads.map((r) => r.report));
    const reports = reads.map((r): FoundReport => {
      const f: FoundReport = { sheet: r.report.sheet, report: r.report };
      const unit = r.report.meta.body?.text;
      if (unit) f.unit = unit;
      return f;
    });
    const named = reports.findIndex((r) => r.sheet.trim() === COUNTS_SHEET_NAME);
    return { ok: true, reports, primary: Math.max(0, named) };
  } catch (e) {
    return internal(e);
  }
}

/** Narrative and other text outside the tables, for year and wording checks. */
function keepTexts({ report, ix, ctx }: SheetRead): void {
  for (const t of ix.texts()) {
    if (ctx.used.has(cellId(t.row, t.col))) continue;
    if (report.texts.length >= MAX_TEXTS) {
      report.notes.push({ code: "texts-truncated", cells: [ix.ref(t.row, t.col)], params: { kept: MAX_TEXTS } });
      break;
    }
    report.texts.push({ text: t.raw, cell: ix.ref(t.row, t.col) });
  }
}

function best<T extends Found>(ctx: ReadCtx, what: string, list: T[]): T | undefined {
  if (list.length === 0) return undefined;
  const max = Math.max(...list.map(score));
  const good = list.filter((f) => score(f) * 2 >= max);
  if (good.length > 1) {
    const cells = good.map((f) => ctx.ix.ref(f.anchor.row, f.anchor.col));
    ctx.notes.push({ code: "ambiguous", cells, params: { what, table: what, places: places(cells) } });
  }
  return good[0];
}

type TableFormat = "2021" | "2019";

/** Where the tables are on a sheet, and its metadata: finding only, no figure is read yet. */
interface Located {
  s2: Record<TableFormat, { def: TableDef; found: Found[] }[]>;
  s2Score: Record<TableFormat, number>;
  s3Main: S3Found | undefined;
  s4Main: Found | undefined;
  breakdown: ReturnType<typeof findBreakdown>;
  meta: Report["meta"];
}

function locate(ctx: ReadCtx, opts: ReadOptions): Located {
  const s3 = findS3(ctx);
  const s4 = findS4(ctx);
  const s2: Located["s2"] = { "2021": [], "2019": [] };
  const s2Score = { "2021": 0, "2019": 0 };
  for (const f of ["2021", "2019"] as const) {
    const defs = f === "2021" ? FORMAT_2021.section2 : FORMAT_2019.section2;
    for (const def of defs) {
      const found = findS2(ctx, def);
      s2[f].push({ def, found });
      if (found.length > 0) s2Score[f] += Math.max(...found.map((x) => x.cols.size));
    }
  }
  const breakdown = findBreakdown(ctx);
  const meta = readMeta(ctx, opts);
  const s3Main = best(ctx, "s3", s3);
  const s4Main = best(ctx, "s4", s4);
  return { s2, s2Score, s3Main, s4Main, breakdown, meta };
}

/** 三 lists the items of （六）其他处理 (a 2021 table). */
function s3HasItems(loc: Located): boolean {
  return !!loc.s3Main && [...loc.s3Main.rows.keys()].some((k) => k.startsWith("other."));
}

/** The sheet's format, from the tables found and the year. */
function chooseFormat(loc: Located): FormatId {
  const { s2Score, s3Main, s4Main } = loc;
  const year = loc.meta.year?.value;
  const hasS2 = s2Score["2021"] > 0 || s2Score["2019"] > 0;
  const byYear = year !== undefined && year < 2021 ? "2019" : "2021";
  let format: FormatId;
  if (s2Score["2019"] > s2Score["2021"]) format = "2019";
  else if (s2Score["2021"] > s2Score["2019"]) format = "2021";
  else if (s3Main)
    format = s3HasItems(loc) ? "2021" : s3Main.single ? (year !== undefined && year >= 2021 ? "2021" : "2019") : byYear;
  else if (s4Main) format = byYear;
  else format = "free-form";
  // Before 2019 there was no national format: a report of that year is free-form, even where it lays out
  // its applications or reviews in tables like the later ones (those are still read, with the 2021 labels).
  if (year !== undefined && year < 2019 && !hasS2) format = "free-form";
  return format;
}

/** A report being read from what was located: the figures go into `report` (and last year's into `prior`). */
interface Reading {
  ctx: ReadCtx;
  ix: SheetIndex;
  format: FormatId;
  expectsTables: boolean;
  report: Report;
  prior: Report;
  anchor?: CellRef;
  points: number;
}

function readSection2(r: Reading, found: Located["s2"][TableFormat]): void {
  const { ctx, ix, report, prior } = r;
  let any = false;
  for (const { def, found: list } of found) {
    const f = best(ctx, def.id, list);
    if (!f) continue;
    any = true;
    r.points += score(f);
    r.anchor ??= ix.ref(f.anchor.row, f.anchor.col);
    const t = buildTable(ctx, def, f);
    noteMissing(ctx, t);
    report.section2[def.id] = t;
    if (f.priorCols) {
      const p = priorColumnTable(ctx, def, f, t);
      t.prior = p.cells;
      prior.section2[def.id] = p;
    }
  }
  if (!any && r.expectsTables)
    ctx.notFound.push({
      code: "missing-section",
      cells: [],
      params: { section: "二", label: "二、主动公开政府信息情况" },
    });
  else if (any) {
    for (const { def } of found) {
      if (!report.section2[def.id])
        ctx.notFound.push({ code: "missing-table", cells: [], params: { table: def.id, label: def.title } });
    }
  }
}

function readSection3(r: Reading, s3Main: S3Found | undefined, hasItems: boolean): void {
  const { ctx, ix, format, report } = r;
  if (!s3Main) {
    if (r.expectsTables)
      ctx.notFound.push({
        code: "missing-section",
        cells: [],
        params: { section: "三", label: "三、收到和处理政府信息公开申请情况" },
      });
    return;
  }
  let def =
    format === "2019" ? FORMAT_2019.section3 : s3Main.single ? FORMAT_2021.section3SingleOther! : FORMAT_2021.section3;
  if (format === "2019" && hasItems) {
    def = FORMAT_2021.section3;
    ctx.notes.push({
      code: "format-mixed",
      cells: [ix.ref(s3Main.anchor.row, s3Main.anchor.col)],
      params: { table: "s3", format },
    });
  }
  if (format === "2021" && s3Main.single) report.singleOtherRow = true;
  const t = buildTable(ctx, def, s3Main);
  noteMissing(ctx, t);
  report.section3 = t;
  r.points += score(s3Main) * 2;
  r.anchor = ix.ref(s3Main.anchor.row, s3Main.anchor.col);
  if (s3Main.priorRows) {
    const p = priorRowTable(ctx, def, s3Main);
    t.prior = p.cells;
    r.prior.section3 = p;
  }
  // 上年本年新收申请（总计）: a 上年 cell of this table (for 同比), not a row of last year's table (so the cross-year
  // checks, which compare last year's report with this one, do not count it).
  const received = findPriorReceived(ctx);
  if (received) {
    use(ctx, received.label.row, received.label.col);
    t.prior = { ...t.prior, [cellKey("new", "total")]: readFigure(ctx, received.row, received.col) };
  }
}

function readSection4(r: Reading, s4Main: Found | undefined): void {
  const { ctx, ix, format, report } = r;
  if (!s4Main) {
    if (r.expectsTables)
      ctx.notFound.push({
        code: "missing-section",
        cells: [],
        params: { section: "四", label: "四、政府信息公开行政复议、行政诉讼情况" },
      });
    return;
  }
  const def = format === "2019" ? FORMAT_2019.section4 : FORMAT_2021.section4;
  const t = buildTable(ctx, def, s4Main);
  for (const key of t.missingCols) {
    ctx.notFound.push({
      code: "missing-col",
      cells: [],
      params: { table: "s4", col: key, label: colLabel4(def, key) },
    });
  }
  report.section4 = t;
  r.points += score(s4Main);
  r.anchor ??= ix.ref(s4Main.anchor.row, s4Main.anchor.col);
}

/** The sheet's notes on what the reading met: no year, numbers stored as text, numbers too large to be exact. */
function noteReading(ctx: ReadCtx, meta: Report["meta"]): void {
  if (!meta.year) ctx.notFound.push({ code: "no-year", cells: [], params: { label: "报告年度" } });
  if (ctx.textNumbers.length > 0) {
    ctx.notes.push({
      code: "text-number",
      cells: ctx.textNumbers.slice(0, 200),
      params: { count: ctx.textNumbers.length },
    });
  }
  if (ctx.unsafe.length > 0) {
    ctx.notes.push({ code: "unsafe-number", cells: ctx.unsafe.slice(0, 200), params: { count: ctx.unsafe.length } });
  }
}

function readSheet(ix: SheetIndex, opts: ReadOptions): SheetRead | undefined {
  const ctx = newCtx(ix);
  // Locate everything first; decide the format; then read the figures.
  const loc = locate(ctx, opts);
  const { s3Main, s4Main, breakdown, meta } = loc;
  const hasS2 = loc.s2Score["2021"] > 0 || loc.s2Score["2019"] > 0;
  if (!s3Main && !s4Main && !hasS2 && !breakdown) return undefined;

  const format = chooseFormat(loc);
  const tableFormat: TableFormat = format === "2019" ? "2019" : "2021";
  const sheet = ix.name;
  const r: Reading = {
    ctx,
    ix,
    format,
    expectsTables: format !== "free-form",
    report: { format, sheet, meta, section2: {}, texts: [], notFound: [], notes: ctx.notes },
    prior: { format, sheet, meta: {}, section2: {}, texts: [], notFound: [], notes: [] },
    points: 0,
  };
  const { report, prior } = r;

  if (r.expectsTables || s3Main || s4Main) {
    readSection2(r, loc.s2[tableFormat]);
    readSection3(r, s3Main, s3HasItems(loc));
    readSection4(r, s4Main);
  }
  if (breakdown) {
    report.proactive = breakdown;
    r.points += breakdown.categories.length + breakdown.children.reduce((n, c) => n + c.categories.length, 0);
    if (!r.anchor && breakdown.nameCell) r.anchor = breakdown.nameCell;
    if (!r.anchor && breakdown.categories[0]?.nameCell) r.anchor = breakdown.categories[0].nameCell;
  }
  noteReading(ctx, meta);
  if (Object.keys(prior.section2).length > 0 || prior.section3) report.prior = prior;
  if (meta.body) r.points += 1;
  if (meta.year && meta.year.from !== "option") r.points += 1;

  report.notFound = ctx.notFound;
  const tables = !!(s3Main || s4Main || hasS2);
  const out: SheetRead = { report, score: r.points, ix, ctx, tables, derived: tables && linkedFigures(report) };
  if (r.anchor) out.anchor = r.anchor;
  return out;
}

/** A formula that only shows one cell of another sheet: =公开数据!D12, =IFERROR(--公开数据!D12,6). */
const MIRROR_RE = /^=(?:IFERROR\(--)?(?:'[^']+'|[^!'(),]+)!\$?[A-Za-z]{1,3}\$?\d+(?:,[^()]*\))?$/;

/** At least half of the table figures only show cells of another sheet (as the generated 报告表格 does). */
function linkedFigures(report: Report): boolean {
  let figures = 0;
  let linked = 0;
  const tables = [...Object.values(report.section2), report.section3, report.section4];
  for (const t of tables) {
    if (!t) continue;
    for (const n of Object.values(t.cells)) {
      if (!n.cell) continue;
      figures++;
      if (n.formula && MIRROR_RE.test(n.formula)) linked++;
    }
  }
  return figures > 0 && linked * 2 >= figures;
}

function colLabel4(def: TableDef, key: string): string {
  const c = def.cols.find((x) => x.key === key);
  return c ? [...(c.parents ?? []), c.label].join("/") : key;
}

/** Section 二 item1 last year: the 上年现行有效件数 column as the prior report's 现行有效件数. */
function priorColumnTable(ctx: ReadCtx, def: TableDef, f: Found, current: TableData): TableData {
  const cells: Record<string, Num> = {};
  const t: TableData = {
    def,
    cells,
    rowLabels: { ...current.rowLabels },
    colLabels: {},
    missingRows: [...current.missingRows],
    missingCols: [],
  };
  for (const [colKey, pc] of f.priorCols ?? []) {
    if (pc.match) {
      t.colLabels[colKey] = pc.match;
      ctx.used.add(cellId(pc.match.cell.row, pc.match.cell.col));
    }
    for (const [rowKey, r] of f.rows) cells[cellKey(rowKey, colKey)] = readFigure(ctx, r.row, pc.col);
  }
  t.missingCols = def.cols.filter((c) => !f.priorCols?.has(c.key)).map((c) => c.key);
  return t;
}

/** Section 三 last year: the 上年报告“四、结转下年度继续办理” row as the prior report's carry-over row. */
function priorRowTable(ctx: ReadCtx, def: TableDef, f: Found): TableData {
  const cells: Record<string, Num> = {};
  const t: TableData = { def, cells, rowLabels: {}, colLabels: {}, missingRows: [], missingCols: [] };
  for (const [rowKey, pr] of f.priorRows ?? []) {
    if (pr.match) {
      t.rowLabels[rowKey] = pr.match;
      ctx.used.add(cellId(pr.match.cell.row, pr.match.cell.col));
    }
    for (const [colKey, c] of f.cols) cells[cellKey(rowKey, colKey)] = readFigure(ctx, pr.row, c.col);
  }
  t.missingRows = def.rows.filter((r) => !f.priorRows?.has(r.key)).map((r) => r.key);
  t.missingCols = def.cols.filter((c) => !f.cols.has(c.key)).map((c) => c.key);
  return t;
}
