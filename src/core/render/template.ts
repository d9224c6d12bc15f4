/**
 * The counts sheet 公开数据: a template a clerk fills in without instructions, laid out like the
 * national tables (verbatim labels, merged headers), input cells marked and validated.
 * The reader finds everything by labels; the positions here are only the default layout.
 */
import type { CellRef, SheetGrid, CellValue } from "../grid";
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
  S3_PRIOR_CARRY_LABEL,
  SCOPE_CHOICES,
} from "../model/labels";

export const COUNTS_SHEET = COUNTS_SHEET_NAME;

// The labels this sheet prints: the first wording of each entry of the reader's table (model/labels.ts).
export const META_LABELS = {
  body: META_FIELDS.body[0],
  year: META_FIELDS.year[0],
  scope: META_FIELDS.scope[0],
  fee: META_FIELDS.fee[0],
} as const;

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
export { ITEM1_PRIOR_LABEL, S3_PRIOR_CARRY_LABEL };
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
  /** Last-year cells by cellKey (item1's 上年现行有效件数; 三's carried-over row by cellKey("carried", col)). */
  prior: Record<string, CellRef>;
}

export interface TemplateCells {
  sheet: string;
  format: "2021" | "2019";
  meta: { body: CellRef; year: CellRef; scope: CellRef; fee: CellRef };
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

function build(opts: TemplateOptions): Built {
  const sheet = opts.sheet ?? COUNTS_SHEET;
  const format = templateFormat(opts.year);
  const fmt = format === "2019" ? FORMAT_2019 : FORMAT_2021;
  const b = new PlanBuilder(sheet, TEMPLATE_STYLES);
  const validations: DataValidationPlan[] = [];
  const rule = (range: PlanRange, r: Omit<DataValidationPlan, "range">) => validations.push({ range, ...r });
  const one = (p: RC): PlanRange => ({ top: p.row, left: p.col, bottom: p.row, right: p.col });
  let row = 0;

  // Title and instructions span the 三 table (A:J), the width most of the sheet uses.
  const titleRight = FIRST_NUM + 6;
  b.merged(0, 0, 0, titleRight, `${opts.year ?? ""}年政府信息公开工作年度报告数据表`, "title");
  b.height(0, 28);
  b.merged(
    1,
    0,
    1,
    titleRight,
    "填写说明：黄色单元格为填写项；数量填整数，没有请填0（不要留空）；总计、合计照报告原文填写，由本工具核对；" +
      "信息处理费单位为元，收费金额单位为万元；“报告所写占比”按报告原文填写（如“6%”），可不填；" +
      "“主动公开政府信息分类”“重点领域信息”两块为选填（2021年格式的报告可不填）；" +
      "“上年报告‘四、结转下年度继续办理’”一行和“上年现行有效件数”一列用于跨年核对，可不填。",
    "note",
  );
  b.height(1, 66);
  row = 3;

  // ---- metadata ----
  const metaRow = (label: string): RC => {
    b.value(row, 0, label, "metaLabel");
    const p = { row, col: 1 };
    row++;
    return p;
  };
  const bodyP = metaRow(META_LABELS.body);
  b.merged(bodyP.row, 1, bodyP.row, 5, opts.unit ?? null, "inText");
  const yearP = metaRow(META_LABELS.year);
  b.value(yearP.row, 1, opts.year ?? null, "inCount");
  rule(one(yearP), { type: "whole", min: 1990, prompt: "报告年度，如2024", error: "请填写四位年份" });
  const scopeP = metaRow(META_LABELS.scope);
  b.value(scopeP.row, 1, null, "inText");
  rule(one(scopeP), {
    type: "list",
    list: [...SCOPE_CHOICES],
    prompt: "本机关：只含本单位；本级政府：含所属部门和下级",
    error: "请选择“本机关”或“本级政府”",
  });
  const feeP = metaRow(META_LABELS.fee);
  b.value(feeP.row, 1, null, "inAmount");
  rule(one(feeP), { ...AMOUNT_RULE, prompt: "单位：元，没有收费填0", error: "请填写大于或等于0的金额（元）" });
  row++;

  // ---- proactive blocks ----
  const block = (heading: string, names: readonly string[], proactive: boolean): BlockCells => {
    b.value(row, 0, heading, "heading");
    const headingP = { row, col: 0 };
    row++;
    b.merged(row, 0, row, LABEL_COLS - 1, BLOCK_HEADER[0], "header");
    for (let i = 1; i < BLOCK_HEADER.length; i++) b.value(row, FIRST_NUM + i - 1, BLOCK_HEADER[i]!, "header");
    row++;
    const categories: BlockCells["categories"] = [];
    const first = row;
    for (const name of names) {
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
      row++;
    }
    b.merged(row, 0, row, LABEL_COLS - 1, TOTAL_LABEL, "label");
    b.value(row, FIRST_NUM, null, "inCount");
    b.value(row, FIRST_NUM + 1, null, "inCount");
    b.style(row, FIRST_NUM + 2, "label");
    const total = ref(sheet, { row, col: FIRST_NUM });
    const priorTotal = ref(sheet, { row, col: FIRST_NUM + 1 });
    rule({ top: first, left: FIRST_NUM, bottom: row, right: FIRST_NUM + 1 }, COUNT_RULE);
    row++;
    const kv = (label: string, style: "inCount" | "inPercent"): CellRef => {
      b.merged(row, 0, row, LABEL_COLS - 1, label, "label");
      b.value(row, FIRST_NUM, null, style);
      if (style === "inCount") rule(one({ row, col: FIRST_NUM }), COUNT_RULE);
      return ref(sheet, { row: row++, col: FIRST_NUM });
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
    row++;
    return out;
  };
  const proactive = block(PROACTIVE_HEADING, opts.categories ?? DEFAULT_CATEGORIES, true);
  const keyAreas = block(KEY_AREAS_HEADING, opts.keyAreas ?? DEFAULT_KEY_AREAS, false);

  const tables: Record<string, TableCells> = {};

  // ---- section 二 (from 2019 on; earlier reports had no national tables for it) ----
  const section2 = opts.year !== undefined && opts.year < 2019 ? [] : fmt.section2;
  if (section2.length > 0) {
    b.value(row, 0, SECTION2_HEADING, "heading");
    row++;
  }
  for (const def of section2) {
    const withPrior = def.id === "s2.item1" && format === "2021";
    const ncols = def.cols.length + (withPrior ? 1 : 0);
    const right = FIRST_NUM + ncols - 1;
    b.merged(row, 0, row, right, def.title, "header");
    row++;
    b.merged(row, 0, row, LABEL_COLS - 1, def.labelHeader ?? "信息内容", "header");
    def.cols.forEach((c, i) => b.value(row, FIRST_NUM + i, c.label, "header"));
    if (withPrior) b.value(row, FIRST_NUM + def.cols.length, ITEM1_PRIOR_LABEL, "header");
    b.height(row, 44);
    row++;
    const t: TableCells = { def, cells: {}, prior: {} };
    for (const r of def.rows) {
      b.merged(row, 0, row, LABEL_COLS - 1, r.label, "label");
      def.cols.forEach((c, i) => {
        const p = { row, col: FIRST_NUM + i };
        const style = c.kind === "wan-yuan" ? "inAmount" : c.kind === "signed" ? "inSigned" : "inCount";
        b.value(p.row, p.col, null, style);
        rule(one(p), c.kind === "wan-yuan" ? AMOUNT_RULE : c.kind === "signed" ? SIGNED_RULE : COUNT_RULE);
        t.cells[cellKey(r.key, c.key)] = ref(sheet, p);
      });
      if (withPrior) {
        const p = { row, col: FIRST_NUM + def.cols.length };
        b.value(p.row, p.col, null, "inCount");
        rule(one(p), COUNT_RULE);
        t.prior[cellKey(r.key, "inForce")] = ref(sheet, p);
      }
      row++;
    }
    tables[def.id] = t;
    row++;
  }

  // ---- section 三 ----
  b.value(row, 0, SECTION3_HEADING, "heading");
  row++;
  const s3 = fmt.section3;
  const h = row;
  b.merged(h, 0, h + 2, LABEL_COLS - 1, S3_HEADER_NOTE, "header");
  b.merged(h, FIRST_NUM, h, FIRST_NUM + 6, s3.cols[0]!.parents![0]!, "header");
  b.merged(h + 1, FIRST_NUM, h + 2, FIRST_NUM, s3.cols[0]!.label, "header");
  b.merged(h + 1, FIRST_NUM + 1, h + 1, FIRST_NUM + 5, s3.cols[1]!.parents![1]!, "header");
  b.merged(h + 1, FIRST_NUM + 6, h + 2, FIRST_NUM + 6, s3.cols[6]!.label, "header");
  for (let i = 1; i <= 5; i++) b.value(h + 2, FIRST_NUM + i, s3.cols[i]!.label, "header");
  b.height(h, 24);
  b.height(h + 1, 24);
  b.height(h + 2, 30);
  row = h + 3;
  const s3cells: TableCells = { def: s3, cells: {}, prior: {} };
  const firstData = row;
  writeS3Labels(b, s3, firstData, "label");
  for (const r of s3.rows) {
    s3.cols.forEach((c, i) => {
      b.value(row, FIRST_NUM + i, null, "inCount");
      s3cells.cells[cellKey(r.key, c.key)] = ref(sheet, { row, col: FIRST_NUM + i });
    });
    row++;
  }
  b.merged(row, 0, row, LABEL_COLS - 1, S3_PRIOR_CARRY_LABEL, "label");
  b.height(row, 30);
  s3.cols.forEach((c, i) => {
    b.value(row, FIRST_NUM + i, null, "inCount");
    s3cells.prior[cellKey("carried", c.key)] = ref(sheet, { row, col: FIRST_NUM + i });
  });
  rule({ top: firstData, left: FIRST_NUM, bottom: row, right: FIRST_NUM + 6 }, COUNT_RULE);
  tables["s3"] = s3cells;
  row += 2;

  // ---- section 四 ----
  b.value(row, 0, SECTION4_HEADING, "heading");
  row++;
  const s4 = fmt.section4;
  const s4cells: TableCells = { def: s4, cells: {}, prior: {} };
  writeS4Header(b, row, FIRST_NUM, "header");
  row += 3;
  b.merged(row, 0, row, LABEL_COLS - 1, "件数", "label");
  s4.cols.forEach((c, i) => {
    b.value(row, FIRST_NUM + i, null, "inCount");
    s4cells.cells[cellKey("count", c.key)] = ref(sheet, { row, col: FIRST_NUM + i });
  });
  rule({ top: row, left: FIRST_NUM, bottom: row, right: LAST_COL }, COUNT_RULE);
  tables["s4"] = s4cells;
  row++;

  const columnWidths: Record<number, number> = { 0: 14, 1: 14, 2: 36 };
  for (let c = FIRST_NUM; c <= LAST_COL; c++) columnWidths[c] = 11;
  const plan = b.build({
    columnWidths,
    validations,
    freezeRows: 2,
    print: { orientation: "landscape", paper: "A4", fitToWidth: true },
  });
  fitRowHeights(plan);
  return {
    plan,
    cells: {
      sheet,
      format,
      meta: { body: ref(sheet, bodyP), year: ref(sheet, yearP), scope: ref(sheet, scopeP), fee: ref(sheet, feeP) },
      proactive,
      keyAreas,
      tables,
    },
  };
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

/** The plan as the grid the reader sees (values and formulas; no cached results for formulas). */
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
  return { plan, report: out };
}
