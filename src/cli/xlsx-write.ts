/**
 * Apply a host-neutral sheet plan to an ExcelJS workbook: values (strings stay strings), formulas
 * WITHOUT cached results (so Excel/LibreOffice compute them), styles, merges, widths, heights,
 * validations, names, print setup and freeze panes. A sheet of the same name is replaced.
 */
import type ExcelJS from "exceljs";
import { a1, quoteSheetName } from "../core/grid";
import type {
  CellStyle,
  DataValidationPlan,
  NamedRangePlan,
  PlanRange,
  SheetPlan,
  WorkbookPlan,
} from "../core/render/plan";

const THIN: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FF000000" } };

function argb(hex: string): string {
  return "FF" + hex.replace(/^#/, "").toUpperCase();
}

function rangeA1(r: PlanRange): string {
  const tl = a1(r.top, r.left);
  return r.top === r.bottom && r.left === r.right ? tl : `${tl}:${a1(r.bottom, r.right)}`;
}

function absoluteA1(r: PlanRange): string {
  const abs = (row: number, col: number) => a1(row, col).replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2");
  const tl = abs(r.top, r.left);
  return r.top === r.bottom && r.left === r.right ? tl : `${tl}:${abs(r.bottom, r.right)}`;
}

function applyStyle(cell: ExcelJS.Cell, st: CellStyle): void {
  if (st.font) {
    const f: Partial<ExcelJS.Font> = {};
    if (st.font.name) f.name = st.font.name;
    if (st.font.size) f.size = st.font.size;
    if (st.font.bold) f.bold = true;
    if (st.font.italic) f.italic = true;
    if (st.font.color) f.color = { argb: argb(st.font.color) };
    cell.font = f;
  }
  if (st.border) cell.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
  if (st.horizontal || st.vertical || st.wrap) {
    const al: Partial<ExcelJS.Alignment> = {};
    if (st.horizontal) al.horizontal = st.horizontal;
    if (st.vertical) al.vertical = st.vertical;
    if (st.wrap) al.wrapText = true;
    cell.alignment = al;
  }
  if (st.numberFormat) cell.numFmt = st.numberFormat;
  if (st.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(st.fill) } };
  if (st.input) cell.protection = { locked: false };
}

function validation(v: DataValidationPlan): ExcelJS.DataValidation {
  const common = {
    allowBlank: true,
    showInputMessage: !!v.prompt,
    showErrorMessage: true,
    ...(v.prompt ? { promptTitle: "填写提示", prompt: v.prompt } : {}),
    ...(v.error ? { errorTitle: "输入有误", error: v.error } : {}),
    errorStyle: "stop",
  };
  if (v.type === "list") {
    return { ...common, type: "list", formulae: [`"${(v.list ?? []).join(",")}"`] } as ExcelJS.DataValidation;
  }
  return {
    ...common,
    type: v.type,
    operator: "greaterThanOrEqual",
    formulae: [v.min ?? 0],
  } as ExcelJS.DataValidation;
}

/** Remove every defined name that points at the given sheet (a regenerated sheet gets fresh names). */
function removeNamesOn(wb: ExcelJS.Workbook, sheet: string): void {
  const model = wb.definedNames.model;
  const quoted = quoteSheetName(sheet);
  const keep = model
    .map((n) => ({
      ...n,
      ranges: n.ranges.filter((r) => {
        const s = r.slice(0, r.lastIndexOf("!"));
        return s !== quoted && s !== `'${sheet}'` && s !== sheet;
      }),
    }))
    .filter((n) => n.ranges.length > 0);
  wb.definedNames.model = keep;
}

function applySheet(wb: ExcelJS.Workbook, plan: SheetPlan): ExcelJS.Worksheet {
  const existing = wb.getWorksheet(plan.name);
  let position: number | undefined;
  if (existing) {
    position = wb.worksheets.indexOf(existing);
    wb.removeWorksheet(existing.id);
    removeNamesOn(wb, plan.name);
  }
  const ws = wb.addWorksheet(plan.name, {
    state: plan.hidden ? "hidden" : "visible",
    views: plan.freezeRows ? [{ state: "frozen", ySplit: plan.freezeRows, xSplit: 0 }] : [{}],
  });
  // Keep a replaced sheet where it was.
  if (position !== undefined) {
    const order = wb.worksheets.filter((w) => w !== ws);
    order.splice(position, 0, ws);
    // orderNo is how ExcelJS orders sheets when writing (not in its typings).
    order.forEach((w, i) => ((w as unknown as { orderNo: number }).orderNo = i));
  }
  for (const [col, width] of Object.entries(plan.columnWidths)) ws.getColumn(Number(col) + 1).width = width;
  for (const [row, h] of Object.entries(plan.rowHeights ?? {})) ws.getRow(Number(row) + 1).height = h;
  for (const c of plan.cells) {
    const cell = ws.getCell(c.row + 1, c.col + 1);
    if (c.formula !== undefined) {
      // The result the plan computed, cached as Excel would where the plan asks (a template's totals over blank
      // parts are 0, and a file never opened in Excel then reads as it shows); otherwise the spreadsheet computes it.
      cell.value = (
        plan.cacheFormulaResults && c.result !== undefined && c.result !== null
          ? { formula: c.formula.replace(/^=/, ""), result: c.result }
          : { formula: c.formula.replace(/^=/, "") }
      ) as ExcelJS.CellFormulaValue;
    } else if (typeof c.value === "string") {
      // ExcelJS writes a plain string as a shared string, never as a formula ("=..." stays text).
      cell.value = c.value;
    } else if (c.value !== undefined && c.value !== null) {
      cell.value = c.value;
    }
    const st = c.style ? plan.styles[c.style] : undefined;
    if (st) applyStyle(cell, st);
  }
  for (const m of plan.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  // Range-wide validations (ExcelJS 4 supports "A1:B5" keys; missing from its typings).
  const dv = (ws as unknown as { dataValidations: { add(address: string, v: ExcelJS.DataValidation): void } })
    .dataValidations;
  for (const v of plan.validations ?? []) dv.add(rangeA1(v.range), validation(v));
  if (plan.print) {
    const setup: Partial<ExcelJS.PageSetup> = {
      paperSize: 9, // A4
      orientation: plan.print.orientation,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    };
    if (plan.print.fitToWidth) {
      setup.fitToPage = true;
      setup.fitToWidth = 1;
      setup.fitToHeight = 0;
    }
    if (plan.print.area) setup.printArea = rangeA1(plan.print.area);
    ws.pageSetup = { ...ws.pageSetup, ...setup };
    // A break before 0-based row r: ExcelJS breaks below the 1-based row it is called on, row r. Its
    // default last column is 16838 (sic); Excel's is the last column, 16383 (0-based): given as 1-based.
    for (const row of plan.print.rowBreaks ?? []) if (row > 0) ws.getRow(row).addPageBreak(0, 16384);
  }
  return ws;
}

function applyNames(wb: ExcelJS.Workbook, names: NamedRangePlan[]): void {
  const model = wb.definedNames.model.filter((n) => !names.some((x) => x.name === n.name));
  for (const n of names) model.push({ name: n.name, ranges: [`${quoteSheetName(n.sheet)}!${absoluteA1(n.range)}`] });
  wb.definedNames.model = model;
}

/** Write a plan (a workbook plan or a single sheet) into the workbook. */
export function applyPlan(wb: ExcelJS.Workbook, plan: WorkbookPlan | SheetPlan): void {
  if ("sheets" in plan) {
    for (const s of plan.sheets) applySheet(wb, s);
    applyNames(wb, plan.names);
  } else {
    applySheet(wb, plan);
  }
}
