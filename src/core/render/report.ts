/**
 * The report as sheets: 报告表格 (the national tables in 公文 look, every figure a live formula on the
 * counts sheet, every total a SUM, every share an exact rounding formula) and 报告正文 (the narrative).
 */
import { a1, cellAddress, type CellRef } from "../grid";
import { cellKey, FORMAT_2019, FORMAT_2021, S3_GROUPS, S3_HEADER_NOTE, type TableDef } from "../model/format";
import { figure, hasCategoryFigures, outcomeGroups } from "../model/figures";
import type { Breakdown, Num, Report, TableData } from "../model/report";
import { narrative, type Paragraph } from "../narrative";
import { percentNumberFormat, shareFormula, shareSet, shareUnits, unitsPerWhole } from "../shares";
import { fitRowHeights, PlanBuilder, textWidth } from "./builder";
import { generalText } from "./display";
import type { CellStyle, NamedRangePlan, PlanRange, SheetPlan, WorkbookPlan } from "./plan";
import { tablePageBreaks } from "./print";
import { recordPlan, hashText, type GenerationRecord } from "./record";
import { DEFAULT_TEXT_FONTS, resolveSettings, resolveTextFonts, type ReportSettings } from "./settings";
import { SECTION2_HEADING, SECTION3_HEADING, SECTION4_HEADING, writeS3Labels, writeS4Header } from "./template";

export const LARGEST_REMAINDER_NOTE = "（占比按最大余数法调整，为固定数值；修改数据后请重新生成）";
export const ADJUSTED_NOTE = "注：斜体占比经最大余数法调整。";
export const ROUNDING_NOTE = "注：因四舍五入，各项占比之和可能不等于100%。";
export const PROACTIVE_TABLE_TITLE = "主动公开政府信息分类情况";
export const OUTCOME_TABLE_TITLE = "依申请公开办理结果分类情况";
export const SHARE_HEADER = "占比";
export const COUNT_HEADER = "数量";
export const CATEGORY_HEADER = "类别";

const LABEL_COLS = 3;
const FIRST_NUM = 3;
const LAST_COL = FIRST_NUM + 14;
/** The table font size the base widths are made for (五号). */
const BASE_FONT_SIZE = 10.5;
/**
 * Column widths (Excel character units, 7w+5 px at 96 dpi) at 五号, chosen so that a table pasted into Word
 * fits the page: 三, 二 and the share tables A..J within A4 portrait text width (15.6 cm, 590 px), 四 (D..R)
 * within A4 landscape (24.7 cm, 930 px). Label columns: 三、本年度办理结果 down A, the group labels down B,
 * the items in C (wrapped); figures 6 to 7 wide (six digits), their headers broken at words.
 */
const BASE_WIDTHS: Record<number, number> = { 0: 5, 1: 8, 2: 18, 3: 7, 4: 7 };
for (let c = FIRST_NUM + 2; c <= LAST_COL; c++) BASE_WIDTHS[c] = 6;

/** Pixels of a column `w` units wide at 96 dpi (Excel: the width of w digits of the default font plus 5). */
export function columnPixels(w: number): number {
  return 7 * w + 5;
}

/** Column widths of the table sheet for the settings: the base widths scaled with the body size. */
export function tableColumnWidths(s: Pick<ReportSettings, "fonts" | "rounding">): Record<number, number> {
  const scale = s.fonts.bodySize > 0 ? s.fonts.bodySize / BASE_FONT_SIZE : 1;
  const widths: Record<number, number> = {};
  for (const [c, w] of Object.entries(BASE_WIDTHS)) widths[Number(c)] = Math.round(w * scale * 10) / 10;
  // The share column (E) holds "100.00%": three digits, the decimals, a point and a percent sign.
  const d = s.rounding.decimals;
  const share = Math.ceil((d > 0 ? 4.8 + d : 4.3) * scale);
  widths[FIRST_NUM + 1] = Math.max(widths[FIRST_NUM + 1]!, share);
  return widths;
}

/** Names of the table ranges (valid Excel names). */
const S2_NAMES: Record<string, string> = {
  "s2.item1": "表_二_第一项",
  "s2.item5": "表_二_第五项",
  "s2.item6": "表_二_第六项",
  "s2.item8": "表_二_第八项",
  "s2.item9": "表_二_第九项",
};
export const TABLE_NAMES = {
  ...S2_NAMES,
  s3: "表_三_申请情况",
  s4: "表_四_复议诉讼",
  proactive: "表_主动公开分类",
  outcomes: "表_办理结果分类",
};

function tableStyles(s: ReportSettings): Record<string, CellStyle> {
  const body = { name: s.fonts.name, size: s.fonts.bodySize };
  const pct = percentNumberFormat(s.rounding.decimals);
  const cell = { font: body, border: true, vertical: "middle" as const };
  return {
    title: {
      font: { name: s.fonts.name, size: s.fonts.titleSize, bold: true },
      horizontal: "left",
      vertical: "middle",
    },
    th: { ...cell, horizontal: "center", wrap: true },
    label: { ...cell, horizontal: "left", wrap: true },
    labelCenter: { ...cell, horizontal: "center", wrap: true },
    num: { ...cell, horizontal: "center", numberFormat: "0" },
    amount: { ...cell, horizontal: "center", numberFormat: "General" },
    pct: { ...cell, horizontal: "center", numberFormat: pct },
    pctAdjusted: { ...cell, font: { ...body, italic: true }, horizontal: "center", numberFormat: pct },
    note: { font: body, horizontal: "left", vertical: "middle", wrap: true },
  };
}

/**
 * A figure as a live reference to its counts cell. A number typed as text ("6件") reads as
 * `=IFERROR(--cell,6)`: live once the source is corrected (or typed as plain digits), the engine's
 * reading meanwhile. Without a cell, or unreadable (#REF!, "六"), its value (blank when none).
 */
function putFigure(b: PlanBuilder, row: number, col: number, n: Num | undefined, style: string): void {
  // A reference to an empty cell shows 0, as the table's SUMs count it.
  if (n?.cell && !n.issue) b.formula(row, col, `=${cellAddress(n.cell)}`, style, n.value ?? 0);
  else if (n?.cell && n.issue === "text" && n.value !== null && Number.isFinite(n.value))
    b.formula(row, col, textFigureFormula(cellAddress(n.cell), n.value), style, n.value);
  else b.value(row, col, n?.value ?? null, style);
}

/** What a figure cell shows as a number (blank or unreadable: 0, as SUM counts it). */
function shown(n: Num | undefined): number {
  const v = n?.value;
  return typeof v === "number" && Number.isFinite(v) ? v : 0;
}

/** The result of a share formula: the exact rounded share as a fraction, "" for a zero total. */
function shareResult(count: number, total: number, s: ReportSettings): number | string | undefined {
  if (total === 0) return "";
  if (![count, total].every((v) => Number.isSafeInteger(v) && v >= 0)) return undefined;
  const u = shareUnits(count, total, s.rounding.decimals, s.rounding.rounding);
  return u === null ? "" : u / unitsPerWhole(s.rounding.decimals);
}

/** `=IFERROR(--ref,value)` for a figure typed as text (value written out in full, never in exponent form). */
export function textFigureFormula(ref: string, value: number): string {
  const v = Number.isSafeInteger(value)
    ? String(value)
    : value.toLocaleString("en-US", { useGrouping: false, maximumFractionDigits: 20 });
  return `=IFERROR(--${ref},${v})`;
}

function formatOf(report: Report) {
  return report.format === "2019" ? FORMAT_2019 : FORMAT_2021;
}

interface Ctx {
  b: PlanBuilder;
  s: ReportSettings;
  names: NamedRangePlan[];
  row: number;
  /** Column widths of the sheet (headers break to fit them). */
  widths: Record<number, number>;
}

function named(ctx: Ctx, key: string, range: PlanRange, title: string): void {
  ctx.names.push({ name: key, sheet: ctx.b.name, range, title });
}

/**
 * Tables of the national format are printed even when blank; before 2019 (free-form) only tables with a figure
 * typed in (a template's SUM totals show 0 over blank parts).
 */
function printTable(report: Report, t: TableData | undefined): boolean {
  const year = report.meta.year?.value;
  const mandatory = report.format !== "free-form" && !(year !== undefined && year < 2019);
  return mandatory || (!!t && Object.values(t.cells).some((n) => n.value !== null && n.formula === undefined));
}

function section2(ctx: Ctx, report: Report): void {
  const { b } = ctx;
  const defs = formatOf(report).section2.filter((d) => printTable(report, report.section2[d.id]));
  if (defs.length === 0) return;
  b.value(ctx.row++, 0, SECTION2_HEADING, "title");
  for (const fdef of defs) {
    const data = report.section2[fdef.id];
    const def = data?.def ?? fdef;
    const top = ctx.row;
    const right = FIRST_NUM + def.cols.length - 1;
    // An amount in 万元 is "General": Excel would round its decimals to fit a narrow column, so its column
    // widens to the longest amount (a count of up to six digits always fits).
    def.cols.forEach((c, i) => {
      if (c.kind !== "wan-yuan") return;
      const scale = ctx.s.fonts.bodySize > 0 ? ctx.s.fonts.bodySize / BASE_FONT_SIZE : 1;
      for (const r of def.rows) {
        const v = data?.cells[cellKey(r.key, c.key)]?.value;
        if (typeof v !== "number" || !Number.isFinite(v)) continue;
        const need = Math.ceil((generalText(v).length + 0.5) * scale);
        ctx.widths[FIRST_NUM + i] = Math.max(ctx.widths[FIRST_NUM + i]!, need);
      }
    });
    b.merged(top, 0, top, right, def.title, "th");
    b.merged(top + 1, 0, top + 1, LABEL_COLS - 1, def.labelHeader ?? "信息内容", "th");
    def.cols.forEach((c, i) => b.value(top + 1, FIRST_NUM + i, c.label, "th"));
    let row = top + 2;
    for (const r of def.rows) {
      b.merged(row, 0, row, LABEL_COLS - 1, r.label, "label");
      def.cols.forEach((c, i) => {
        putFigure(b, row, FIRST_NUM + i, data?.cells[cellKey(r.key, c.key)], c.kind === "wan-yuan" ? "amount" : "num");
      });
      row++;
    }
    named(
      ctx,
      S2_NAMES[def.id] ?? `表_二_${def.id.replace(/\W/g, "_")}`,
      { top, left: 0, bottom: row - 1, right },
      `${SECTION2_HEADING} ${def.title}`,
    );
    ctx.row = row + 1;
  }
}

interface S3Refs {
  def: TableDef;
  /** Row of each row key in the table sheet. */
  rowOf: Record<string, number>;
  totalCol: number;
}

function section3(ctx: Ctx, report: Report): S3Refs | undefined {
  const data = report.section3;
  if (!printTable(report, data)) return undefined;
  const { b } = ctx;
  const def: TableDef = data?.def ?? formatOf(report).section3;
  b.value(ctx.row++, 0, SECTION3_HEADING, "title");
  const top = ctx.row;
  b.merged(top, 0, top + 2, LABEL_COLS - 1, S3_HEADER_NOTE, "th");
  b.merged(top, FIRST_NUM, top, FIRST_NUM + 6, "申请人情况", "th");
  b.merged(top + 1, FIRST_NUM, top + 2, FIRST_NUM, "自然人", "th");
  b.merged(top + 1, FIRST_NUM + 1, top + 1, FIRST_NUM + 5, "法人或其他组织", "th");
  b.merged(top + 1, FIRST_NUM + 6, top + 2, FIRST_NUM + 6, "总计", "th");
  for (let i = 1; i <= 5; i++) b.value(top + 2, FIRST_NUM + i, def.cols[i]!.label, "th");
  const first = top + 3;
  writeS3Labels(b, def, first, "labelCenter");
  // Item labels (level 3 and the （一）（二）… rows) read better left-aligned.
  def.rows.forEach((r, i) => {
    const depth = (r.parents ?? []).length;
    const col = depth === 2 ? 2 : depth === 1 ? 1 : 0;
    const c = b.get(first + i, col);
    if (c) c.style = "label";
    if (depth === 1) b.style(first + i, 2, "label");
    if (depth === 0) {
      b.style(first + i, 1, "label");
      b.style(first + i, 2, "label");
    }
  });
  const rowOf: Record<string, number> = {};
  def.rows.forEach((r, i) => (rowOf[r.key] = first + i));
  const outcomeRows = def.rows.filter((r) => r.outcome).map((r) => rowOf[r.key]!);
  const oTop = Math.min(...outcomeRows);
  const oBottom = Math.max(...outcomeRows);
  const totalCol = FIRST_NUM + 6;
  const at = (rowKey: string, i: number) => data?.cells[cellKey(rowKey, def.cols[i]!.key)];
  const handledIn = (i: number) => def.rows.reduce((a, r) => a + (r.outcome ? shown(at(r.key, i)) : 0), 0);
  for (const r of def.rows) {
    const row = rowOf[r.key]!;
    let total = 0;
    for (let i = 0; i < 6; i++) {
      const col = FIRST_NUM + i;
      if (r.key === "handled") {
        total += handledIn(i);
        b.formula(row, col, `=SUM(${a1(oTop, col)}:${a1(oBottom, col)})`, "num", handledIn(i));
      } else {
        total += shown(at(r.key, i));
        putFigure(b, row, col, at(r.key, i), "num");
      }
    }
    b.formula(row, totalCol, `=SUM(${a1(row, FIRST_NUM)}:${a1(row, FIRST_NUM + 5)})`, "num", total);
  }
  const bottom = first + def.rows.length - 1;
  named(ctx, TABLE_NAMES.s3, { top, left: 0, bottom, right: totalCol }, SECTION3_HEADING);
  ctx.row = bottom + 2;
  return { def, rowOf, totalCol };
}

function section4(ctx: Ctx, report: Report): void {
  const data = report.section4;
  if (!printTable(report, data)) return;
  const { b } = ctx;
  const def = data?.def ?? formatOf(report).section4;
  b.value(ctx.row++, 0, SECTION4_HEADING, "title");
  const top = ctx.row;
  // The result headers (结果维持…总计) wrap by column width (no line breaks in the text: they would paste
  // into Word as paragraph marks).
  writeS4Header(b, top, FIRST_NUM, "th");
  const row = top + 3;
  let groupSum = 0;
  def.cols.forEach((c, i) => {
    const col = FIRST_NUM + i;
    if (c.key.endsWith(".total")) {
      b.formula(row, col, `=SUM(${a1(row, col - 4)}:${a1(row, col - 1)})`, "num", groupSum);
      groupSum = 0;
    } else {
      const n = data?.cells[cellKey("count", c.key)];
      groupSum += shown(n);
      putFigure(b, row, col, n, "num");
    }
  });
  named(ctx, TABLE_NAMES.s4, { top, left: FIRST_NUM, bottom: row, right: FIRST_NUM + 14 }, SECTION4_HEADING);
  ctx.row = row + 2;
}

/**
 * A count | share table: rows of (label, count cell writer), a 合计/总计 row, shares of the total.
 * Live shares by formula; in largest-remainder mode fixed values with the note.
 */
function shareTable(
  ctx: Ctx,
  title: string,
  nameKey: string,
  rows: { label: string; put: (row: number, col: number) => void; count: number }[],
  /** The total row: by default the SUM of the rows; `put` writes another total showing `count`. */
  total: { label: string; put?: (row: number, col: number) => void; count?: number },
): void {
  const { b, s } = ctx;
  b.value(ctx.row++, 0, title, "title");
  const top = ctx.row;
  const countCol = FIRST_NUM;
  const shareCol = FIRST_NUM + 1;
  b.merged(top, 0, top, LABEL_COLS - 1, CATEGORY_HEADER, "th");
  b.value(top, countCol, COUNT_HEADER, "th");
  b.value(top, shareCol, SHARE_HEADER, "th");
  const first = top + 1;
  const last = first + rows.length - 1;
  const totalRow = last + 1;
  // Shares need whole counts; with a fraction or a negative (a finding of its own) they stay live
  // formulas, without the largest-remainder adjustment, instead of failing the whole report.
  const counts = rows.map((r) => r.count);
  const totalCount = total.put ? (total.count ?? 0) : counts.reduce((a, c) => a + c, 0);
  const set = counts.every((c) => Number.isSafeInteger(c) && c >= 0) ? shareSet(counts, s.rounding) : null;
  const lr = s.rounding.largestRemainder && set !== null;
  rows.forEach((r, i) => {
    const row = first + i;
    b.merged(row, 0, row, LABEL_COLS - 1, r.label, "label");
    r.put(row, countCol);
    if (lr && set.largestRemainderApplied) {
      const u = set.units[i];
      b.value(
        row,
        shareCol,
        u === null || u === undefined ? null : u / unitsPerWhole(s.rounding.decimals),
        set.adjusted[i] ? "pctAdjusted" : "pct",
      );
    } else {
      b.formula(
        row,
        shareCol,
        shareFormula(a1(row, countCol), a1(totalRow, countCol), s.rounding.decimals, s.rounding.rounding),
        "pct",
        shareResult(r.count, totalCount, s),
      );
    }
  });
  b.merged(totalRow, 0, totalRow, LABEL_COLS - 1, total.label, "label");
  if (total.put) total.put(totalRow, countCol);
  else b.formula(totalRow, countCol, `=SUM(${a1(first, countCol)}:${a1(last, countCol)})`, "num", totalCount);
  if (lr && set.largestRemainderApplied) b.value(totalRow, shareCol, 1, "pct");
  else
    b.formula(
      totalRow,
      shareCol,
      shareFormula(a1(totalRow, countCol), a1(totalRow, countCol), s.rounding.decimals, s.rounding.rounding),
      "pct",
      shareResult(totalCount, totalCount, s),
    );
  named(ctx, nameKey, { top, left: 0, bottom: totalRow, right: shareCol }, title);
  let row = totalRow + 1;
  const note = (text: string) => {
    b.merged(row, 0, row, LAST_COL, text, "note");
    row++;
  };
  if (lr && set.largestRemainderApplied) {
    note(LARGEST_REMAINDER_NOTE);
    if (set.adjusted.some(Boolean)) note(ADJUSTED_NOTE);
  } else if (!set || (set.total > 0 && set.sumUnits !== unitsPerWhole(s.rounding.decimals))) {
    note(ROUNDING_NOTE);
  }
  ctx.row = row + 1;
}

/**
 * A block the user left empty (the template's default categories, no figure; its 合计 formula shows 0 over
 * them) prints no table.
 */
function isFilled(bd: Breakdown): boolean {
  return (
    bd.categories.some((c) => c.count.value !== null) ||
    ((bd.total?.value ?? null) !== null && bd.total?.formula === undefined)
  );
}

function proactiveTable(ctx: Ctx, bd: Breakdown, title: string, key: string): void {
  if (bd.categories.length === 0 || !isFilled(bd)) return;
  shareTable(
    ctx,
    title,
    key,
    bd.categories.map((c) => ({
      label: c.name,
      count: figure(c.count),
      put: (row, col) => putFigure(ctx.b, row, col, c.count, "num"),
    })),
    // 合计 is the SUM of the categories; only a total typed without any category figure is printed as typed.
    hasCategoryFigures(bd)
      ? { label: "合计" }
      : { label: "合计", put: (row, col) => putFigure(ctx.b, row, col, bd.total, "num"), count: shown(bd.total) },
  );
}

function outcomeTable(ctx: Ctx, report: Report, s3: S3Refs): void {
  const { b } = ctx;
  const data = report.section3;
  // Group counts as the table sums them (also what the narrative states).
  const groups = data
    ? outcomeGroups(data)
    : S3_GROUPS.filter((g) => s3.def.rows.some((r) => r.group === g.group)).map((g) => ({ ...g, count: 0 }));
  const handledRow = s3.rowOf["handled"];
  const handled = groups.reduce((a, g) => a + g.count, 0);
  shareTable(
    ctx,
    OUTCOME_TABLE_TITLE,
    TABLE_NAMES.outcomes,
    groups.map((g) => {
      const rows = s3.def.rows.filter((r) => r.group === g.group);
      const rs = rows.map((r) => s3.rowOf[r.key]!);
      return {
        label: g.label,
        count: g.count,
        put: (row: number, col: number) =>
          b.formula(
            row,
            col,
            `=SUM(${a1(Math.min(...rs), s3.totalCol)}:${a1(Math.max(...rs), s3.totalCol)})`,
            "num",
            g.count,
          ),
      };
    }),
    {
      label: "（七）总计",
      put:
        handledRow === undefined
          ? undefined
          : (row, col) => b.formula(row, col, `=${a1(handledRow, s3.totalCol)}`, "num", handled),
      count: handled,
    },
  );
}

function tableSheet(report: Report, s: ReportSettings, names: NamedRangePlan[]): SheetPlan {
  const b = new PlanBuilder(s.tableSheet, tableStyles(s));
  const widths = tableColumnWidths(s);
  const ctx: Ctx = { b, s, names, row: 0, widths };
  const unit = report.meta.body?.text ?? "";
  const year = report.meta.year ? `${report.meta.year.value}年` : "";
  b.value(ctx.row, 0, `${unit}${year}政府信息公开工作年度报告表格`, "title");
  ctx.row += 2;
  section2(ctx, report);
  const s3 = section3(ctx, report);
  section4(ctx, report);
  if (report.proactive) {
    proactiveTable(ctx, report.proactive, PROACTIVE_TABLE_TITLE, TABLE_NAMES.proactive);
    report.proactive.children.forEach((child, i) =>
      proactiveTable(ctx, child, `${child.name.replace(/信息$/, "")}信息分类情况`, `表_主动公开子类_${i + 1}`),
    );
  }
  if (s3) outcomeTable(ctx, report, s3);
  const plan = b.build({
    columnWidths: { ...widths },
    // A..R is about 25 cm at 五号: landscape A4 prints it at (about) full size; fit-to-width only shrinks
    // larger fonts.
    print: { orientation: "landscape", paper: "A4", fitToWidth: true },
  });
  fitRowHeights(plan, 8.43, s.fonts.bodySize);
  // No label printed apart from its table (fit-to-width keeps A..R at about full size).
  const rowBreaks = tablePageBreaks(plan, names);
  if (rowBreaks.length) plan.print = { ...plan.print!, rowBreaks };
  return plan;
}

/**
 * Width of the text column in Excel character units (7 px each at Calibri 11, plus 5): 481 px, 22
 * characters of 三号 (21.3 px each) a line. A column must fit the printed page (a host clips a single
 * column wider than the page instead of shrinking it); Word reflows the text to 28 a line on pasting.
 */
export const TEXT_COLUMN_WIDTH = 68;

/** Whole CJK characters of `fontSize` points on a line of the text column (cell padding 8 px). */
export function textLineChars(fontSize: number): number {
  return Math.max(1, Math.floor((TEXT_COLUMN_WIDTH * 7 + 5 - 8) / ((fontSize * 96) / 72)));
}
/** Two full-width spaces: the first-line indent of a 公文 paragraph, kept when pasted into Word. */
export const PARAGRAPH_INDENT = "\u3000\u3000";

function textStyles(s: ReportSettings): Record<string, CellStyle> {
  const f = resolveTextFonts(s);
  const base = { horizontal: "left" as const, vertical: "top" as const, wrap: true, numberFormat: "@" };
  return {
    "p-title": { ...base, font: { name: f.titleName, size: f.titleSize, bold: true }, horizontal: "center" },
    "p-heading": { ...base, font: { name: f.headingName, size: f.headingSize } },
    "p-body": { ...base, font: { name: f.bodyName, size: f.bodySize } },
    "p-note": { ...base, font: { name: f.bodyName, size: f.bodySize } },
  };
}

/**
 * The text a paragraph is written as: body and notes indented by two full-width spaces; no text starts
 * with = + - @ (a spreadsheet or a paste target could take it for a formula).
 */
export function paragraphCellText(p: Paragraph, titleSize = DEFAULT_TEXT_FONTS.titleSize): string {
  let text = p.kind === "body" || p.kind === "note" ? PARAGRAPH_INDENT + p.text : p.text;
  if (p.kind === "title") text = titleLines(text, titleSize);
  return /^[=+\-@]/.test(text) ? "\u3000" + text : text;
}

/**
 * A title longer than a line breaks before its year as such reports print it: "某某市某某局" /
 * "2021年政府信息公开工作年度报告" (before 政府信息… when there is no year), not after an arbitrary character.
 */
function titleLines(title: string, size: number): string {
  if (textWidth(title) <= 2 * textLineChars(size)) return title;
  const m = /(\d{4}年)?政府信息公开工作年度报告(表格)?$/.exec(title);
  return m && m.index > 0 ? `${title.slice(0, m.index)}\n${title.slice(m.index)}` : title;
}

/**
 * Row height (points) of a paragraph: its lines at the text column's characters per line of its size
 * (a CJK character is 2 units, a half-width digit 1), times one line height of that size, plus the gap.
 */
export function paragraphHeight(text: string, fontSize: number): number {
  let lines = 0;
  for (const part of text.split("\n")) lines += Math.max(1, Math.ceil(textWidth(part) / (2 * textLineChars(fontSize))));
  return Math.ceil(lines * fontSize * LINE_HEIGHT + PARAGRAPH_GAP);
}
/** Line height as a multiple of the font size (CJK fonts: about 1.3 in Excel, 1.45 with Noto CJK). */
const LINE_HEIGHT = 1.4;
/** Space after a paragraph (points). */
const PARAGRAPH_GAP = 6;

function textSheet(paragraphs: Paragraph[], s: ReportSettings, record: GenerationRecord): SheetPlan {
  const b = new PlanBuilder(s.textSheet, textStyles(s));
  const f = resolveTextFonts(s);
  paragraphs.forEach((p, i) => {
    // Strings are values: a paragraph starting with "=" stays text.
    const text = paragraphCellText(p, f.titleSize);
    b.value(i, 0, text, `p-${p.kind}`);
    const size = p.kind === "title" ? f.titleSize : p.kind === "heading" ? f.headingSize : f.bodySize;
    b.height(i, paragraphHeight(text, size) + (p.kind === "title" ? size : 0));
    record.entries.push({ cell: { sheet: s.textSheet, row: i, col: 0 }, id: p.id, hash: hashText(text) });
  });
  return b.build({
    columnWidths: { 0: TEXT_COLUMN_WIDTH },
    print: { orientation: "portrait", paper: "A4", fitToWidth: true },
  });
}

/**
 * The report tables, the narrative and the hidden generation record.
 * `paragraphs` overrides the narrative (tests, or text the user already edited).
 */
export function renderReport(
  report: Report,
  settings?: Partial<ReportSettings>,
  paragraphs?: Paragraph[],
): WorkbookPlan {
  const s = resolveSettings(settings);
  const names: NamedRangePlan[] = [];
  const tables = tableSheet(report, s, names);
  const record: GenerationRecord = { entries: [] };
  const text = textSheet(paragraphs ?? narrative(report, { rounding: s.rounding, blanksAsZero: true }), s, record);
  return { sheets: [tables, text, recordPlan(record)], names };
}

/** The counts-sheet cell a table figure of the report refers to (tests). */
export function figureCell(t: TableData | undefined, rowKey: string, colKey: string): CellRef | undefined {
  return t?.cells[cellKey(rowKey, colKey)]?.cell;
}
