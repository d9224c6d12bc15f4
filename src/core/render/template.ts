/**
 * The counts sheet 公开数据: a template a clerk fills in without instructions, laid out like the
 * national tables (verbatim labels, merged headers), input cells marked and validated.
 * The reader finds everything by labels; the positions here are only the default layout.
 */
import { a1, parseA1, type CellRef, type SheetGrid, type CellValue } from "../grid";
import {
  cellKey,
  expectedFormat,
  FORMAT_2019,
  FORMAT_2021,
  S3_HEADER_NOTE,
  SECTION_HEADINGS,
  type TableDef,
} from "../model/format";
import type { Breakdown, Num, Report, StatedPercent, TableData } from "../model/report";
import { fitRowHeights, PlanBuilder, type RC } from "./builder";
import type { CellStyle, DataValidationPlan, PlanRange, SheetPlan } from "./plan";
import {
  BLOCK_HEADERS,
  BLOCK_TAIL,
  BLOCK_TOTALS,
  COMMON_CATEGORIES,
  COMMON_KEY_AREAS,
  COUNTS_SHEET_NAME,
  ITEM1_PRIOR_LABEL,
  KEY_AREA_HEADINGS,
  META_FIELDS,
  PROACTIVE_HEADINGS,
  MODE_CHOICES,
  PRIOR_RECEIVED_LABELS,
  PRIOR_TOTALS_NOTE,
  S3_PRIOR_CARRY_LABEL,
  S4_ROW_LABELS,
  SCOPE_CHOICES,
} from "../model/labels";

export const COUNTS_SHEET = COUNTS_SHEET_NAME;

// The labels this sheet prints: the first wording of each entry of the reader's table (model/labels.ts).
export const META_LABELS = {
  body: META_FIELDS.body[0],
  year: META_FIELDS.year[0],
  scope: META_FIELDS.scope[0],
  fee: META_FIELDS.fee[0],
  mode: META_FIELDS.mode[0],
} as const;

export { MODE_CHOICES };

export const PROACTIVE_HEADING = PROACTIVE_HEADINGS[0]!;
export const KEY_AREAS_HEADING = KEY_AREA_HEADINGS[0]!;
export const BLOCK_HEADER = [
  BLOCK_HEADERS.label[0],
  BLOCK_HEADERS.count[0],
  BLOCK_HEADERS.prior[0],
  BLOCK_HEADERS.share[0],
] as const;
export const TOTAL_LABEL = BLOCK_TOTALS[0]!;
export const INCREASE_LABEL = BLOCK_TAIL.increase[0];
export const YOY_LABEL = BLOCK_TAIL.yoy[0];
export const COMPLETION_LABEL = BLOCK_TAIL.completion[0];
export const TARGET_LABEL = BLOCK_TAIL.target[0];
export const SHARE_OF_PARENT_LABEL = BLOCK_TAIL.shareOfParent[0];
export { ITEM1_PRIOR_LABEL, S3_PRIOR_CARRY_LABEL, PRIOR_TOTALS_NOTE };
export const PRIOR_RECEIVED_LABEL = PRIOR_RECEIVED_LABELS[0]!;
export const SECTION2_HEADING = SECTION_HEADINGS[1]!;
export const SECTION3_HEADING = SECTION_HEADINGS[2]!;
export const SECTION4_HEADING = SECTION_HEADINGS[3]!;

/** Default block names: common category and area names (model/labels.ts), the first eight of each. */
export const DEFAULT_CATEGORIES: readonly string[] = COMMON_CATEGORIES.slice(0, 8);
export const DEFAULT_KEY_AREAS: readonly string[] = COMMON_KEY_AREAS.slice(0, 8);

export interface TemplateOptions {
  year?: number;
  unit?: string;
  /** Category names of the proactive block (default: the seed's 8). */
  categories?: readonly string[];
  /** Area names of the 重点领域 block (default: the seed's 8). */
  keyAreas?: readonly string[];
  /** Sheet name (default 公开数据). */
  sheet?: string;
}

/** Where each figure of a breakdown block sits. */
export interface BlockCells {
  heading: CellRef;
  categories: { name: CellRef; count: CellRef; prior: CellRef; share: CellRef }[];
  total: CellRef;
  priorTotal: CellRef;
  increase?: CellRef;
  yoy: CellRef;
  completion?: CellRef;
  target?: CellRef;
  shareOfParent?: CellRef;
}

export interface TableCells {
  def: TableDef;
  /** Figure cells by cellKey(row, col). */
  cells: Record<string, CellRef>;
  /**
   * Last-year cells by cellKey (item1's 上年现行有效件数; 三's carried-over row by cellKey("carried", col), and
   * 上年本年新收申请（总计） by cellKey("new", "total")).
   */
  prior: Record<string, CellRef>;
}

export interface TemplateCells {
  sheet: string;
  format: "2021" | "2019";
  meta: { body: CellRef; year: CellRef; scope: CellRef; mode: CellRef; fee: CellRef };
  proactive: BlockCells;
  keyAreas: BlockCells;
  /** By table id: "s2.item1" ... "s3", "s4". */
  tables: Record<string, TableCells>;
}

// Column layout: labels in A:C (three label levels of 三), figures from D.
const LABEL_COLS = 3;
const FIRST_NUM = 3;
const S4_COLS = 15;
const LAST_COL = FIRST_NUM + S4_COLS - 1;

const INPUT_FILL = "#FFF2CC";
const FONT = { name: "宋体", size: 11 };

const TEMPLATE_STYLES: Record<string, CellStyle> = {
  title: { font: { ...FONT, size: 16, bold: true }, horizontal: "center", vertical: "middle" },
  note: { font: { ...FONT, size: 10, color: "#595959" }, horizontal: "left", vertical: "middle", wrap: true },
  heading: { font: { ...FONT, size: 12, bold: true }, horizontal: "left", vertical: "middle" },
  metaLabel: { font: FONT, border: true, horizontal: "left", vertical: "middle" },
  header: { font: FONT, border: true, horizontal: "center", vertical: "middle", wrap: true },
  label: { font: FONT, border: true, horizontal: "left", vertical: "middle", wrap: true },
  inCount: {
    font: FONT,
    border: true,
    horizontal: "right",
    vertical: "middle",
    numberFormat: "0",
    fill: INPUT_FILL,
    input: true,
  },
  inSigned: {
    font: FONT,
    border: true,
    horizontal: "right",
    vertical: "middle",
    numberFormat: "0",
    fill: INPUT_FILL,
    input: true,
  },
  inAmount: {
    font: FONT,
    border: true,
    horizontal: "right",
    vertical: "middle",
    numberFormat: "General",
    fill: INPUT_FILL,
    input: true,
  },
  inText: {
    font: FONT,
    border: true,
    horizontal: "left",
    vertical: "middle",
    numberFormat: "@",
    fill: INPUT_FILL,
    input: true,
  },
  computed: {
    font: FONT,
    border: true,
    horizontal: "right",
    vertical: "middle",
    numberFormat: "0",
    fill: "#E7E6E6",
  },
  optional: { font: { ...FONT, size: 11, color: "#7F7F7F" }, horizontal: "left", vertical: "middle" },
  inPercent: {
    font: FONT,
    border: true,
    horizontal: "right",
    vertical: "middle",
    numberFormat: "@",
    fill: INPUT_FILL,
    input: true,
  },
};

const COUNT_RULE = {
  type: "whole" as const,
  min: 0,
  prompt: "请填写整数，没有请填0",
  error: "请填写大于或等于0的整数",
};
const AMOUNT_RULE = {
  type: "decimal" as const,
  min: 0,
  prompt: "单位：万元，可有小数",
  error: "请填写大于或等于0的数（单位：万元）",
};
const SIGNED_RULE = { type: "whole" as const, min: -999999999, prompt: "增加填正数，减少填负数", error: "请填写整数" };

function ref(sheet: string, p: RC): CellRef {
  return { sheet, row: p.row, col: p.col };
}

function templateFormat(year?: number): "2021" | "2019" {
  return year !== undefined && expectedFormat(year) === "2019" ? "2019" : "2021";
}

interface Built {
  plan: SheetPlan;
  cells: TemplateCells;
}

/** The sheet being laid out: the builder, the validations, the next free row and what the options decide. */
interface Layout {
  opts: TemplateOptions;
  sheet: string;
  format: "2021" | "2019";
  b: PlanBuilder;
  validations: DataValidationPlan[];
  row: number;
}

function rule(l: Layout, range: PlanRange, r: Omit<DataValidationPlan, "range">): void {
  l.validations.push({ range, ...r });
}

function one(p: RC): PlanRange {
  return { top: p.row, left: p.col, bottom: p.row, right: p.col };
}

/** An A1 range on this sheet's own rows/columns ("D12:I12"). */
function range(top: number, left: number, bottom: number, right: number): string {
  return `${a1(top, left)}:${a1(bottom, right)}`;
}

/** A total the sheet computes (编制): a live SUM, grey, locked (not an input). */
function sumCell(l: Layout, row: number, col: number, over: string): void {
  l.b.formula(row, col, `=SUM(${over})`, "computed");
}

function build(opts: TemplateOptions): Built {
  const format = templateFormat(opts.year);
  const sheet = opts.sheet ?? COUNTS_SHEET;
  const l: Layout = { opts, sheet, format, b: new PlanBuilder(sheet, TEMPLATE_STYLES), validations: [], row: 0 };
  writeTitle(l);
  const meta = writeMeta(l);
  // The free-form blocks of the reports before 2019: first on a sheet for such a year, else last and 可选
  // (most clerks never need them).
  const early = opts.year !== undefined && opts.year < 2019;
  const blocksFirst = early ? writeOptionalBlocks(l, false) : undefined;
  const tables: Record<string, TableCells> = { ...writeSection2(l) };
  tables["s3"] = writeSection3(l);
  tables["s4"] = writeSection4(l);
  const { proactive, keyAreas } = blocksFirst ?? writeOptionalBlocks(l, true);

  const columnWidths: Record<number, number> = { 0: 14, 1: 14, 2: 36 };
  for (let c = FIRST_NUM; c <= LAST_COL; c++) columnWidths[c] = 11;
  const plan = l.b.build({
    columnWidths,
    validations: l.validations,
    freezeRows: 2,
    print: { orientation: "landscape", paper: "A4", fitToWidth: true },
  });
  fitRowHeights(plan);
  cacheSumResults(plan);
  return { plan, cells: { sheet, format, meta, proactive, keyAreas, tables } };
}

const SUM_OF_RANGE = /^=SUM\(([A-Z]+[0-9]+):([A-Z]+[0-9]+)\)$/;

/**
 * The result of each of the sheet's own =SUM(A1:B2) totals, over the values the plan holds (blank = 0, as in
 * Excel): a file the template writes then shows and reads its totals before anyone opened it in Excel.
 */
export function cacheSumResults(plan: SheetPlan): void {
  plan.cacheFormulaResults = true;
  const byKey = new Map(plan.cells.map((c) => [`${c.row},${c.col}`, c]));
  const busy = new Set<string>();
  const valueOf = (row: number, col: number): number => {
    const key = `${row},${col}`;
    const c = byKey.get(key);
    if (!c) return 0;
    if (c.formula === undefined) return typeof c.value === "number" ? c.value : 0;
    if (typeof c.result === "number") return c.result;
    const m = SUM_OF_RANGE.exec(c.formula);
    if (!m || busy.has(key)) return 0;
    busy.add(key);
    const from = parseA1(m[1]!)!;
    const to = parseA1(m[2]!)!;
    let sum = 0;
    for (let r = from.row; r <= to.row; r++) for (let k = from.col; k <= to.col; k++) sum += valueOf(r, k);
    busy.delete(key);
    c.result = sum;
    return sum;
  };
  for (const c of plan.cells) if (c.formula !== undefined && SUM_OF_RANGE.test(c.formula)) valueOf(c.row, c.col);
}

/** Figures typed into the plan's cells (last year's figures, a test's preparer), then the totals recalculated. */
export function typeIntoPlan(plan: SheetPlan, figures: { cell: CellRef; value: number | string }[]): void {
  for (const f of figures) setValue(plan, f.cell, f.value);
  recalculate(plan);
}

/** The results again after figures were typed into the plan, as a spreadsheet recalculates. */
export function recalculate(plan: SheetPlan): void {
  for (const c of plan.cells) delete c.result;
  cacheSumResults(plan);
}

/** How to fill the sheet: the first thing a new clerk reads. */
export const TEMPLATE_INSTRUCTIONS =
  "填写说明：本表按“编制”方式使用——黄色单元格填写各分项数字，灰色单元格（总计、合计）由公式自动计算，不用填写；" +
  "数量填整数，没有的填0；空白表示“尚未填写”，核对时列出未填项，生成报告时空白按0计。" +
  "信息处理费单位为元，收费金额单位为万元。“上年报告‘四、结转下年度继续办理’”一行和“上年现行有效件数”一列" +
  "用于跨年核对，“上年本年新收申请（总计）”一格用于写出新收申请的同比（均可由“导入上年数据”填入）。标为“可选”部分（主动公开分类、重点领域）" +
  "供2019年以前格式的报告使用，可不填。如需防止误改公式，可用“审阅—保护工作表”（填写项未锁定）。";

function writeTitle(l: Layout): void {
  // Title and instructions span the 三 table (A:J), the width most of the sheet uses.
  const titleRight = FIRST_NUM + 6;
  l.b.merged(0, 0, 0, titleRight, `${l.opts.year ?? ""}年政府信息公开工作年度报告数据表`, "title");
  l.b.height(0, 28);
  l.b.merged(1, 0, 1, titleRight, TEMPLATE_INSTRUCTIONS, "note");
  l.b.height(1, 84);
  l.row = 3;
}

/** One-line explanations beside the metadata fields (past the reader's value window of four columns). */
export const META_HELP = {
  body: "报告标题和正文使用：如填“某某县教育局”，标题为“某某县教育局××年政府信息公开工作年度报告”，正文称“本局”。",
  year: "报告所属年度（不是填报年份）：12月至次年3月编制的是刚结束（或即将结束）这一年的报告。",
  scope:
    "本机关：只报本单位，正文称“本局”“本机关”；本级政府：全县（市、区）各级行政机关汇总，正文称“全县各级行政机关”。",
  mode: "编制：填写分项，总计、合计由公式计算（本模板）；核对：照抄已发布报告的全部数字（含总计）后核对。",
  fee: "按《政府信息公开信息处理费管理办法》收取的金额，单位：元；未收取的填0，正文写“未收取”。",
} as const;

const HELP_LEFT = 6;
const HELP_RIGHT = 14;

function writeMeta(l: Layout): TemplateCells["meta"] {
  const { b } = l;
  const field = (label: string, help: string): RC => {
    b.value(l.row, 0, label, "metaLabel");
    b.merged(l.row, HELP_LEFT, l.row, HELP_RIGHT, help, "note");
    return { row: l.row++, col: 1 };
  };
  const bodyP = field(META_LABELS.body, META_HELP.body);
  b.merged(bodyP.row, 1, bodyP.row, 5, l.opts.unit ?? null, "inText");
  const yearP = field(META_LABELS.year, META_HELP.year);
  b.value(yearP.row, 1, l.opts.year ?? null, "inCount");
  rule(l, one(yearP), { type: "whole", min: 1990, prompt: "报告年度，如2024", error: "请填写四位年份" });
  const scopeP = field(META_LABELS.scope, META_HELP.scope);
  b.value(scopeP.row, 1, null, "inText");
  rule(l, one(scopeP), {
    type: "list",
    list: [...SCOPE_CHOICES],
    prompt: "本机关：只含本单位；本级政府：含所属部门和下级",
    error: "请选择“本机关”或“本级政府”",
  });
  const modeP = field(META_LABELS.mode, META_HELP.mode);
  b.value(modeP.row, 1, MODE_CHOICES[0], "inText");
  rule(l, one(modeP), {
    type: "list",
    list: [...MODE_CHOICES],
    prompt: "编制：合计由公式计算；核对：合计照报告原文填写",
    error: "请选择“编制”或“核对”",
  });
  const feeP = field(META_LABELS.fee, META_HELP.fee);
  b.value(feeP.row, 1, null, "inAmount");
  rule(l, one(feeP), { ...AMOUNT_RULE, prompt: "单位：元，没有收费填0", error: "请填写大于或等于0的金额（元）" });
  l.row++;
  const at = (p: RC) => ref(l.sheet, p);
  return { body: at(bodyP), year: at(yearP), scope: at(scopeP), mode: at(modeP), fee: at(feeP) };
}

/** Section 二 (from 2019 on; earlier reports had no national tables for it): every figure typed. */
function writeSection2(l: Layout): Record<string, TableCells> {
  const { b } = l;
  const fmt = l.format === "2019" ? FORMAT_2019 : FORMAT_2021;
  const section2 = l.opts.year !== undefined && l.opts.year < 2019 ? [] : fmt.section2;
  const out: Record<string, TableCells> = {};
  if (section2.length === 0) return out;
  b.value(l.row++, 0, SECTION2_HEADING, "heading");
  for (const def of section2) {
    const withPrior = def.id === "s2.item1" && l.format === "2021";
    const ncols = def.cols.length + (withPrior ? 1 : 0);
    b.merged(l.row, 0, l.row, FIRST_NUM + ncols - 1, def.title, "header");
    l.row++;
    b.merged(l.row, 0, l.row, LABEL_COLS - 1, def.labelHeader ?? "信息内容", "header");
    def.cols.forEach((c, i) => b.value(l.row, FIRST_NUM + i, c.label, "header"));
    if (withPrior) b.value(l.row, FIRST_NUM + def.cols.length, ITEM1_PRIOR_LABEL, "header");
    b.height(l.row, 44);
    l.row++;
    const t: TableCells = { def, cells: {}, prior: {} };
    for (const r of def.rows) {
      b.merged(l.row, 0, l.row, LABEL_COLS - 1, r.label, "label");
      def.cols.forEach((c, i) => {
        const p = { row: l.row, col: FIRST_NUM + i };
        const style = c.kind === "wan-yuan" ? "inAmount" : c.kind === "signed" ? "inSigned" : "inCount";
        b.value(p.row, p.col, null, style);
        rule(l, one(p), c.kind === "wan-yuan" ? AMOUNT_RULE : c.kind === "signed" ? SIGNED_RULE : COUNT_RULE);
        t.cells[cellKey(r.key, c.key)] = ref(l.sheet, p);
      });
      if (withPrior) {
        const p = { row: l.row, col: FIRST_NUM + def.cols.length };
        b.value(p.row, p.col, null, "inCount");
        rule(l, one(p), COUNT_RULE);
        t.prior[cellKey(r.key, "inForce")] = ref(l.sheet, p);
      }
      l.row++;
    }
    out[def.id] = t;
    l.row++;
  }
  return out;
}

/** Section 三: the parts typed; 总计 of each row and （七）总计 of each column are SUMs. */
function writeSection3(l: Layout): TableCells {
  const { b } = l;
  const s3 = (l.format === "2019" ? FORMAT_2019 : FORMAT_2021).section3;
  b.value(l.row++, 0, SECTION3_HEADING, "heading");
  const h = l.row;
  b.merged(h, 0, h + 2, LABEL_COLS - 1, S3_HEADER_NOTE, "header");
  b.merged(h, FIRST_NUM, h, FIRST_NUM + 6, s3.cols[0]!.parents![0]!, "header");
  b.merged(h + 1, FIRST_NUM, h + 2, FIRST_NUM, s3.cols[0]!.label, "header");
  b.merged(h + 1, FIRST_NUM + 1, h + 1, FIRST_NUM + 5, s3.cols[1]!.parents![1]!, "header");
  b.merged(h + 1, FIRST_NUM + 6, h + 2, FIRST_NUM + 6, s3.cols[6]!.label, "header");
  for (let i = 1; i <= 5; i++) b.value(h + 2, FIRST_NUM + i, s3.cols[i]!.label, "header");
  b.height(h, 24);
  b.height(h + 1, 24);
  b.height(h + 2, 30);
  const first = h + 3;
  const t: TableCells = { def: s3, cells: {}, prior: {} };
  writeS3Labels(b, s3, first, "label");
  const rowOf = (key: string) => first + s3.rows.findIndex((r) => r.key === key);
  const outcomes = s3.rows.map((r, i) => ({ r, row: first + i })).filter((x) => x.r.outcome);
  const firstOutcome = outcomes[0]!.row;
  const lastOutcome = outcomes[outcomes.length - 1]!.row;
  const totalCol = FIRST_NUM + 6;
  s3.rows.forEach((r, i) => {
    const row = first + i;
    s3.cols.forEach((c, j) => {
      const col = FIRST_NUM + j;
      if (r.key === "handled") sumCell(l, row, col, range(firstOutcome, col, lastOutcome, col));
      else if (c.key === "total") sumCell(l, row, col, range(row, FIRST_NUM, row, totalCol - 1));
      else b.value(row, col, null, "inCount");
      t.cells[cellKey(r.key, c.key)] = ref(l.sheet, { row, col });
    });
  });
  const carryRow = rowOf("carryNext") + 1;
  b.merged(carryRow, 0, carryRow, LABEL_COLS - 1, S3_PRIOR_CARRY_LABEL, "label");
  b.height(carryRow, 30);
  s3.cols.forEach((c, j) => {
    const col = FIRST_NUM + j;
    b.value(carryRow, col, null, "inCount");
    t.prior[cellKey("carried", c.key)] = ref(l.sheet, { row: carryRow, col });
  });
  // Validation on the typed parts only (a rule on a formula cell would only get in the way).
  for (let row = first; row <= carryRow; row++) {
    if (row === rowOf("handled")) continue;
    const right = row === carryRow ? totalCol : totalCol - 1;
    rule(l, { top: row, left: FIRST_NUM, bottom: row, right }, COUNT_RULE);
  }
  // Last year's 本年新收 总计, for the 同比 sentence (in the row left blank before 四: no row below moves).
  const receivedRow = carryRow + 1;
  b.merged(receivedRow, 0, receivedRow, LABEL_COLS - 1, PRIOR_RECEIVED_LABEL, "label");
  b.value(receivedRow, FIRST_NUM, null, "inCount");
  rule(l, one({ row: receivedRow, col: FIRST_NUM }), COUNT_RULE);
  b.merged(receivedRow, FIRST_NUM + 1, receivedRow, totalCol, PRIOR_TOTALS_NOTE, "note");
  t.prior[cellKey("new", "total")] = ref(l.sheet, { row: receivedRow, col: FIRST_NUM });
  l.row = carryRow + 2;
  return t;
}

/** Section 四: the four results of each group typed, its 总计 a SUM. */
function writeSection4(l: Layout): TableCells {
  const { b } = l;
  const s4 = (l.format === "2019" ? FORMAT_2019 : FORMAT_2021).section4;
  b.value(l.row++, 0, SECTION4_HEADING, "heading");
  const t: TableCells = { def: s4, cells: {}, prior: {} };
  writeS4Header(b, l.row, FIRST_NUM, "header");
  l.row += 3;
  const row = l.row;
  b.merged(row, 0, row, LABEL_COLS - 1, S4_ROW_LABELS[0]!, "label");
  s4.cols.forEach((c, i) => {
    const col = FIRST_NUM + i;
    if (c.key.endsWith(".total")) sumCell(l, row, col, range(row, col - 4, row, col - 1));
    else {
      b.value(row, col, null, "inCount");
      rule(l, one({ row, col }), COUNT_RULE);
    }
    t.cells[cellKey("count", c.key)] = ref(l.sheet, { row, col });
  });
  l.row += 2;
  return t;
}

/** The free-form blocks of the reports before 2019, below the national tables and marked 可选. */
function writeOptionalBlocks(l: Layout, optional: boolean): { proactive: BlockCells; keyAreas: BlockCells } {
  const { b } = l;
  if (optional) {
    b.merged(l.row, 0, l.row, FIRST_NUM + 6, OPTIONAL_HEADING, "optional");
    l.row += 2;
  }
  const proactive = writeBlock(l, PROACTIVE_HEADING, l.opts.categories ?? DEFAULT_CATEGORIES, true);
  const keyAreas = writeBlock(l, KEY_AREAS_HEADING, l.opts.keyAreas ?? DEFAULT_KEY_AREAS, false);
  return { proactive, keyAreas };
}

/** The line above the optional blocks. */
export const OPTIONAL_HEADING =
  "（可选）以下两部分供2019年以前格式的报告使用（主动公开分类、重点领域），2019年及以后的报告可不填";

function writeBlock(l: Layout, heading: string, names: readonly string[], proactive: boolean): BlockCells {
  const { b, sheet } = l;
  b.value(l.row, 0, heading, "heading");
  const headingP = { row: l.row, col: 0 };
  l.row++;
  b.merged(l.row, 0, l.row, LABEL_COLS - 1, BLOCK_HEADER[0], "header");
  for (let i = 1; i < BLOCK_HEADER.length; i++) b.value(l.row, FIRST_NUM + i - 1, BLOCK_HEADER[i]!, "header");
  l.row++;
  const categories: BlockCells["categories"] = [];
  const first = l.row;
  for (const name of names) {
    const row = l.row++;
    b.merged(row, 0, row, LABEL_COLS - 1, name, "inText");
    b.value(row, FIRST_NUM, null, "inCount");
    b.value(row, FIRST_NUM + 1, null, "inCount");
    b.value(row, FIRST_NUM + 2, null, "inPercent");
    categories.push({
      name: ref(sheet, { row, col: 0 }),
      count: ref(sheet, { row, col: FIRST_NUM }),
      prior: ref(sheet, { row, col: FIRST_NUM + 1 }),
      share: ref(sheet, { row, col: FIRST_NUM + 2 }),
    });
  }
  const totalRow = l.row;
  b.merged(totalRow, 0, totalRow, LABEL_COLS - 1, TOTAL_LABEL, "label");
  // 合计 of this year's counts is computed; last year's total stays typed (often the only figure known).
  if (names.length > 0) sumCell(l, totalRow, FIRST_NUM, range(first, FIRST_NUM, totalRow - 1, FIRST_NUM));
  else b.value(totalRow, FIRST_NUM, null, "inCount");
  b.value(totalRow, FIRST_NUM + 1, null, "inCount");
  b.style(totalRow, FIRST_NUM + 2, "label");
  const total = ref(sheet, { row: totalRow, col: FIRST_NUM });
  const priorTotal = ref(sheet, { row: totalRow, col: FIRST_NUM + 1 });
  if (names.length > 0)
    rule(l, { top: first, left: FIRST_NUM, bottom: totalRow - 1, right: FIRST_NUM + 1 }, COUNT_RULE);
  rule(l, one({ row: totalRow, col: FIRST_NUM + 1 }), COUNT_RULE);
  l.row++;
  const kv = (label: string, style: "inCount" | "inPercent"): CellRef => {
    b.merged(l.row, 0, l.row, LABEL_COLS - 1, label, "label");
    b.value(l.row, FIRST_NUM, null, style);
    if (style === "inCount") rule(l, one({ row: l.row, col: FIRST_NUM }), COUNT_RULE);
    return ref(sheet, { row: l.row++, col: FIRST_NUM });
  };
  const out: BlockCells = { heading: ref(sheet, headingP), categories, total, priorTotal, yoy: ref(sheet, headingP) };
  if (proactive) {
    out.increase = kv(INCREASE_LABEL, "inCount");
    out.yoy = kv(YOY_LABEL, "inPercent");
    out.completion = kv(COMPLETION_LABEL, "inPercent");
    out.target = kv(TARGET_LABEL, "inCount");
  } else {
    out.shareOfParent = kv(SHARE_OF_PARENT_LABEL, "inPercent");
    out.yoy = kv(YOY_LABEL, "inPercent");
  }
  l.row++;
  return out;
}

/**
 * The three label columns of section 三 from `top` (rows of `def` in order), merged like the national table:
 * 一/二/四 across three columns, 三、本年度办理结果 down its rows, group labels down their items.
 */
export function writeS3Labels(b: PlanBuilder, def: TableDef, top: number, style: string, left = 0): void {
  const rows = def.rows;
  let i = 0;
  while (i < rows.length) {
    const r = rows[i]!;
    const row = top + i;
    const parents = r.parents ?? [];
    if (parents.length === 0) {
      b.merged(row, left, row, left + 2, r.label, style);
      i++;
      continue;
    }
    // Level 1 parent: merged down over the consecutive rows that share it.
    const p1 = parents[0]!;
    let end = i;
    while (end + 1 < rows.length && (rows[end + 1]!.parents ?? [])[0] === p1) end++;
    b.merged(top + i, left, top + end, left, p1, style);
    let j = i;
    while (j <= end) {
      const rj = rows[j]!;
      const pj = rj.parents ?? [];
      if (pj.length === 1) {
        b.merged(top + j, left + 1, top + j, left + 2, rj.label, style);
        j++;
        continue;
      }
      const p2 = pj[1]!;
      let e2 = j;
      while (e2 + 1 <= end && (rows[e2 + 1]!.parents ?? [])[1] === p2) e2++;
      b.merged(top + j, left + 1, top + e2, left + 1, p2, style);
      for (let k = j; k <= e2; k++) b.value(top + k, left + 2, rows[k]!.label, style);
      j = e2 + 1;
    }
    i = end + 1;
  }
}

/** The three header rows of section 四 at (top, left): 行政复议 | 行政诉讼 / … / 结果维持…总计. */
export function writeS4Header(b: PlanBuilder, top: number, left: number, style: string): void {
  const def = FORMAT_2021.section4;
  b.merged(top, left, top, left + 4, def.cols[0]!.parents![0]!, style);
  b.merged(top, left + 5, top, left + 14, def.cols[5]!.parents![0]!, style);
  for (let i = 0; i < 5; i++) b.merged(top + 1, left + i, top + 2, left + i, def.cols[i]!.label, style);
  b.merged(top + 1, left + 5, top + 1, left + 9, def.cols[5]!.parents![1]!, style);
  b.merged(top + 1, left + 10, top + 1, left + 14, def.cols[10]!.parents![1]!, style);
  for (let i = 5; i < 15; i++) b.value(top + 2, left + i, def.cols[i]!.label, style);
}

/** The counts sheet 公开数据 as a plan. */
export function templatePlan(opts: TemplateOptions = {}): SheetPlan {
  return build(opts).plan;
}

function planText(plan: SheetPlan, row: number, col: number): string | null {
  const c = plan.cells.find((x) => x.row === row && x.col === col);
  return typeof c?.value === "string" ? c.value : null;
}

function blockNames(plan: SheetPlan, heading: string): string[] | undefined {
  const h = plan.cells.find((c) => c.col === 0 && c.value === heading);
  if (!h) return undefined;
  const names: string[] = [];
  for (let r = h.row + 2; ; r++) {
    const t = planText(plan, r, 0);
    if (t === TOTAL_LABEL || r > h.row + 500) break;
    names.push(t ?? "");
  }
  return names;
}

/** Where every figure of a template plan sits (derived from the plan's own labels and year). */
export function templateCells(plan: SheetPlan): TemplateCells {
  const yearCell = plan.cells.find((c) => c.col === 0 && c.value === META_LABELS.year && typeof c.value === "string");
  const yearValue = yearCell ? plan.cells.find((c) => c.row === yearCell.row && c.col === 1)?.value : undefined;
  const is2019 = plan.cells.some((c) => c.value === "本年新制作数量");
  const year = typeof yearValue === "number" ? yearValue : is2019 ? 2019 : undefined;
  const opts: TemplateOptions = { sheet: plan.name };
  if (year !== undefined) opts.year = year;
  const categories = blockNames(plan, PROACTIVE_HEADING);
  const keyAreas = blockNames(plan, KEY_AREAS_HEADING);
  if (categories) opts.categories = categories;
  if (keyAreas) opts.keyAreas = keyAreas;
  return build(opts).cells;
}

/**
 * The plan as the grid the reader sees: values, and formulas with the result the plan computed for them (as a
 * spreadsheet would show it; none for a formula the plan has no result for).
 */
export function planToGrid(plan: SheetPlan): SheetGrid {
  let maxRow = -1;
  let maxCol = -1;
  for (const c of plan.cells) {
    maxRow = Math.max(maxRow, c.row);
    maxCol = Math.max(maxCol, c.col);
  }
  for (const m of plan.merges) {
    maxRow = Math.max(maxRow, m.bottom);
    maxCol = Math.max(maxCol, m.right);
  }
  const values: CellValue[][] = [];
  const formulas: (string | null)[][] = [];
  for (let r = 0; r <= maxRow; r++) {
    values.push(new Array<CellValue>(maxCol + 1).fill(null));
    formulas.push(new Array<string | null>(maxCol + 1).fill(null));
  }
  let anyFormula = false;
  for (const c of plan.cells) {
    if (c.formula !== undefined) {
      formulas[c.row]![c.col] = c.formula;
      if (c.result !== undefined) values[c.row]![c.col] = c.result;
      anyFormula = true;
    } else if (c.value !== undefined) {
      values[c.row]![c.col] = c.value;
    }
  }
  const grid: SheetGrid = { name: plan.name, top: 0, left: 0, values, merges: plan.merges.map((m) => ({ ...m })) };
  if (anyFormula) grid.formulas = formulas;
  return grid;
}

// ---------- filling a template with a report's figures (demo, tests) ----------

function setValue(plan: SheetPlan, at: CellRef, value: string | number | null): void {
  const c = plan.cells.find((x) => x.row === at.row && x.col === at.col);
  if (c) {
    c.value = value;
    delete c.formula;
    delete c.result;
  } else plan.cells.push({ row: at.row, col: at.col, value });
}

function bindNum(plan: SheetPlan, n: Num | undefined, at: CellRef | undefined): Num | undefined {
  if (!at) return n;
  if (!n) return undefined;
  setValue(plan, at, n.text !== undefined && n.issue === "text" ? n.text : n.value);
  return { ...n, cell: at };
}

function bindPercent(
  plan: SheetPlan,
  p: StatedPercent | undefined,
  at: CellRef | undefined,
): StatedPercent | undefined {
  if (!p || !at) return p;
  setValue(plan, at, p.text);
  return { ...p, cell: at };
}

function bindBlock(plan: SheetPlan, bd: Breakdown, cells: BlockCells): Breakdown {
  const out: Breakdown = { ...bd, nameCell: cells.heading, categories: [], children: [] };
  bd.categories.forEach((cat, i) => {
    const at = cells.categories[i];
    if (!at) throw new Error(`template has ${cells.categories.length} category rows, report has more`);
    setValue(plan, at.name, cat.name);
    const count = bindNum(plan, cat.count, at.count)!;
    const share = bindPercent(plan, cat.share, at.share);
    out.categories.push({ name: cat.name, nameCell: at.name, count, ...(share ? { share } : {}) });
  });
  const set = <K extends keyof Breakdown>(k: K, v: Breakdown[K] | undefined) => {
    if (v === undefined) delete out[k];
    else out[k] = v;
  };
  set("total", bindNum(plan, bd.total, cells.total));
  set("priorTotal", bindNum(plan, bd.priorTotal, cells.priorTotal));
  set("statedIncrease", bindNum(plan, bd.statedIncrease, cells.increase));
  set("target", bindNum(plan, bd.target, cells.target));
  set("statedYoY", bindPercent(plan, bd.statedYoY, cells.yoy));
  set("statedCompletion", bindPercent(plan, bd.statedCompletion, cells.completion));
  set("shareOfParent", bindPercent(plan, bd.shareOfParent, cells.shareOfParent));
  return out;
}

function bindTable(plan: SheetPlan, t: TableData, cells: TableCells): TableData {
  const out: TableData = { ...t, cells: {} };
  for (const [k, n] of Object.entries(t.cells)) {
    out.cells[k] = bindNum(plan, n, cells.cells[k]) ?? n;
  }
  if (t.prior) {
    out.prior = {};
    for (const [k, n] of Object.entries(t.prior)) out.prior[k] = bindNum(plan, n, cells.prior[k]) ?? n;
  }
  return out;
}

/**
 * A counts sheet filled with a report's figures, and the report with every figure bound to its cell
 * there (as the reader would return it). Section 三's carried-over prior figures go in the 上年报告 row.
 */
export function templateForReport(report: Report, opts: TemplateOptions = {}): { plan: SheetPlan; report: Report } {
  const keyArea = report.proactive?.children[0];
  const o: TemplateOptions = { ...opts };
  if (o.year === undefined && report.meta.year) o.year = report.meta.year.value;
  if (o.unit === undefined && report.meta.body) o.unit = report.meta.body.text;
  if (!o.categories && report.proactive) o.categories = report.proactive.categories.map((c) => c.name);
  if (!o.keyAreas && keyArea) o.keyAreas = keyArea.categories.map((c) => c.name);
  if (o.year === undefined && report.format === "2019") o.year = 2019;
  const { plan, cells } = build(o);
  const out: Report = { ...report, sheet: plan.name, meta: { ...report.meta }, section2: {} };
  if (report.meta.body) out.meta.body = { text: report.meta.body.text, cell: cells.meta.body };
  if (report.meta.year) {
    setValue(plan, cells.meta.year, report.meta.year.value);
    out.meta.year = { ...report.meta.year, cell: cells.meta.year };
  }
  if (report.meta.scope) {
    setValue(plan, cells.meta.scope, report.meta.scope.value);
    out.meta.scope = { ...report.meta.scope, cell: cells.meta.scope };
  }
  // A report's figures copied in, totals as printed: the sheet is for checking (核对), not preparing.
  setValue(plan, cells.meta.mode, "核对");
  out.meta.mode = { value: "核对", cell: cells.meta.mode };
  const fee = bindNum(plan, report.meta.fee, cells.meta.fee);
  if (fee) out.meta.fee = fee;
  for (const [id, t] of Object.entries(report.section2)) {
    const tc = cells.tables[id];
    out.section2[id] = tc ? bindTable(plan, t, tc) : t;
  }
  if (report.section3) out.section3 = bindTable(plan, report.section3, cells.tables["s3"]!);
  if (report.section4) out.section4 = bindTable(plan, report.section4, cells.tables["s4"]!);
  if (report.proactive) {
    const p = bindBlock(plan, report.proactive, cells.proactive);
    if (keyArea) p.children = [bindBlock(plan, keyArea, cells.keyAreas)];
    out.proactive = p;
  }
  // Totals the report did not give stay formulas: their results follow the figures now in the sheet.
  recalculate(plan);
  return { plan, report: out };
}
