/**
 * The report as sheets: 报告表格 (the national tables in 公文 look, every figure a live formula on the
 * counts sheet, every total a SUM, every share an exact rounding formula) and 报告正文 (the narrative).
 */
import { a1, cellAddress, type CellRef } from "../grid";
import { cellKey, FORMAT_2019, FORMAT_2021, S3_GROUPS, S3_HEADER_NOTE, type TableDef } from "../model/format";
import type { Breakdown, Num, Report, TableData } from "../model/report";
import { narrative, type Paragraph } from "../narrative";
import { percentNumberFormat, shareFormula, shareSet, unitsPerWhole } from "../shares";
import { fitRowHeights, PlanBuilder } from "./builder";
import type { CellStyle, NamedRangePlan, PlanRange, SheetPlan, WorkbookPlan } from "./plan";
import { recordPlan, hashText, type GenerationRecord } from "./record";
import { resolveSettings, type ReportSettings } from "./settings";
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
/** Column widths of the table sheet: three label columns, then figures. */
const WIDTHS: Record<number, number> = { 0: 8, 1: 13, 2: 26 };
for (let c = FIRST_NUM; c <= LAST_COL; c++) WIDTHS[c] = 11;

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

/** A figure as a live reference to its counts cell; its value when it has no cell or is not a clean number. */
function putFigure(b: PlanBuilder, row: number, col: number, n: Num | undefined, style: string): void {
  if (n?.cell && !n.issue) b.formula(row, col, `=${cellAddress(n.cell)}`, style);
  else b.value(row, col, n?.value ?? null, style);
}

function formatOf(report: Report) {
  return report.format === "2019" ? FORMAT_2019 : FORMAT_2021;
}

interface Ctx {
  b: PlanBuilder;
  s: ReportSettings;
  names: NamedRangePlan[];
  row: number;
}

function named(ctx: Ctx, key: string, range: PlanRange, title: string): void {
  ctx.names.push({ name: key, sheet: ctx.b.name, range, title });
}

/** Tables of the national format are printed even when blank; before 2019 (free-form) only tables with a figure. */
function printTable(report: Report, t: TableData | undefined): boolean {
  const year = report.meta.year?.value;
  const mandatory = report.format !== "free-form" && !(year !== undefined && year < 2019);
  return mandatory || (!!t && Object.values(t.cells).some((n) => n.value !== null));
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
  for (const r of def.rows) {
    const row = rowOf[r.key]!;
    for (let i = 0; i < 6; i++) {
      const col = FIRST_NUM + i;
      if (r.key === "handled") b.formula(row, col, `=SUM(${a1(oTop, col)}:${a1(oBottom, col)})`, "num");
      else putFigure(b, row, col, data?.cells[cellKey(r.key, def.cols[i]!.key)], "num");
    }
    b.formula(row, totalCol, `=SUM(${a1(row, FIRST_NUM)}:${a1(row, FIRST_NUM + 5)})`, "num");
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
  writeS4Header(b, top, FIRST_NUM, "th");
  const row = top + 3;
  def.cols.forEach((c, i) => {
    const col = FIRST_NUM + i;
    if (c.key.endsWith(".total")) {
      b.formula(row, col, `=SUM(${a1(row, col - 4)}:${a1(row, col - 1)})`, "num");
    } else putFigure(b, row, col, data?.cells[cellKey("count", c.key)], "num");
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
  total: { label: string; put?: (row: number, col: number, first: number, last: number) => void },
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
      );
    }
  });
  b.merged(totalRow, 0, totalRow, LABEL_COLS - 1, total.label, "label");
  if (total.put) total.put(totalRow, countCol, first, last);
  else b.formula(totalRow, countCol, `=SUM(${a1(first, countCol)}:${a1(last, countCol)})`, "num");
  if (lr && set.largestRemainderApplied) b.value(totalRow, shareCol, 1, "pct");
  else
    b.formula(
      totalRow,
      shareCol,
      shareFormula(a1(totalRow, countCol), a1(totalRow, countCol), s.rounding.decimals, s.rounding.rounding),
      "pct",
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

/** A block the user left empty (the template's default categories, no figure) prints no table. */
function isFilled(bd: Breakdown): boolean {
  return bd.categories.some((c) => c.count.value !== null) || (bd.total?.value ?? null) !== null;
}

function proactiveTable(ctx: Ctx, bd: Breakdown, title: string, key: string): void {
  if (bd.categories.length === 0 || !isFilled(bd)) return;
  shareTable(
    ctx,
    title,
    key,
    bd.categories.map((c) => ({
      label: c.name,
      count: c.count.value ?? 0,
      put: (row, col) => putFigure(ctx.b, row, col, c.count, "num"),
    })),
    { label: "合计" },
  );
}

function outcomeTable(ctx: Ctx, report: Report, s3: S3Refs): void {
  const { b } = ctx;
  const data = report.section3;
  const groups = S3_GROUPS.filter((g) => s3.def.rows.some((r) => r.group === g.group));
  const handledRow = s3.rowOf["handled"];
  shareTable(
    ctx,
    OUTCOME_TABLE_TITLE,
    TABLE_NAMES.outcomes,
    groups.map((g) => {
      const rows = s3.def.rows.filter((r) => r.group === g.group);
      const count = rows.reduce((a, r) => {
        let sum = 0;
        for (const c of s3.def.cols.slice(0, 6)) sum += data?.cells[cellKey(r.key, c.key)]?.value ?? 0;
        return a + sum;
      }, 0);
      const rs = rows.map((r) => s3.rowOf[r.key]!);
      return {
        label: g.label,
        count,
        put: (row: number, col: number) =>
          b.formula(row, col, `=SUM(${a1(Math.min(...rs), s3.totalCol)}:${a1(Math.max(...rs), s3.totalCol)})`, "num"),
      };
    }),
    {
      label: "（七）总计",
      put:
        handledRow === undefined
          ? undefined
          : (row, col) => b.formula(row, col, `=${a1(handledRow, s3.totalCol)}`, "num"),
    },
  );
}

function tableSheet(report: Report, s: ReportSettings, names: NamedRangePlan[]): SheetPlan {
  const b = new PlanBuilder(s.tableSheet, tableStyles(s));
  const ctx: Ctx = { b, s, names, row: 0 };
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
    columnWidths: { ...WIDTHS },
    print: { orientation: "landscape", paper: "A4", fitToWidth: true },
  });
  fitRowHeights(plan);
  return plan;
}

function textStyles(s: ReportSettings): Record<string, CellStyle> {
  const font = { name: s.fonts.name };
  const base = { horizontal: "left" as const, vertical: "top" as const, wrap: true, numberFormat: "@" };
  return {
    "p-title": { ...base, font: { ...font, size: 16, bold: true }, horizontal: "center" },
    "p-heading": { ...base, font: { ...font, size: s.fonts.titleSize, bold: true } },
    "p-body": { ...base, font: { ...font, size: s.fonts.titleSize } },
    "p-note": { ...base, font: { ...font, size: s.fonts.bodySize } },
  };
}

function textSheet(paragraphs: Paragraph[], s: ReportSettings, record: GenerationRecord): SheetPlan {
  const b = new PlanBuilder(s.textSheet, textStyles(s));
  paragraphs.forEach((p, i) => {
    // Strings are values: a paragraph starting with "=" stays text.
    b.value(i, 0, p.text, `p-${p.kind}`);
    record.entries.push({ cell: { sheet: s.textSheet, row: i, col: 0 }, id: p.id, hash: hashText(p.text) });
  });
  const plan = b.build({ columnWidths: { 0: 64 }, print: { orientation: "portrait", paper: "A4", fitToWidth: true } });
  fitRowHeights(plan);
  return plan;
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
  const text = textSheet(paragraphs ?? narrative(report, { rounding: s.rounding }), s, record);
  return { sheets: [tables, text, recordPlan(record)], names };
}

/** The counts-sheet cell a table figure of the report refers to (tests). */
export function figureCell(t: TableData | undefined, rowKey: string, colKey: string): CellRef | undefined {
  return t?.cells[cellKey(rowKey, colKey)]?.cell;
}
