/**
 * One neutral picture of a written workbook, taken from the ExcelJS writer's workbook (CLI) or from the fake
 * Excel's model (Office.js writer): values, formulas, number formats, fonts, fills, alignment, borders,
 * protection, merges, widths (Excel characters), heights, frozen rows, visibility and names. The parity test
 * compares the two; `snapshotToExcelJs` turns the fake's picture into an .xlsx for the LibreOffice tier.
 */
import ExcelJS from "exceljs";
import { a1, quoteSheetName } from "../../src/core/grid";
import type { FakeExcel } from "./fake-excel";
import { MAX_COLS, type Rect } from "./fake-excel/model";

export interface CellSnap {
  value?: string | number | boolean;
  formula?: string;
  numberFormat?: string;
  font?: string;
  size?: number;
  bold?: true;
  italic?: true;
  color?: string;
  fill?: string;
  horizontal?: string;
  vertical?: string;
  wrap?: true;
  /** Edges with a thin border, "TBLR" order. */
  border?: string;
  unlocked?: true;
}

export interface SheetSnap {
  name: string;
  hidden: boolean;
  frozenRows: number;
  cells: Record<string, CellSnap>;
  merges: string[];
  /** Column widths in Excel characters (2 decimals). */
  widths: Record<number, number>;
  heights: Record<number, number>;
}

export interface WorkbookSnap {
  sheets: SheetSnap[];
  /** name -> 'Sheet'!$A$1:$B$2 */
  names: Record<string, string>;
}

const rectA1 = (r: Rect): string =>
  r.top === r.bottom && r.left === r.right ? a1(r.top, r.left) : `${a1(r.top, r.left)}:${a1(r.bottom, r.right)}`;
const colour = (c: string | undefined): string | undefined =>
  c ? c.replace(/^#|^FF(?=[0-9A-F]{6}$)/i, "").toUpperCase() : undefined;
const lower = (s: string | undefined): string | undefined =>
  s && s.toLowerCase() !== "general" ? s.toLowerCase() : undefined;
/** Office.js says "Center" where the file (and ExcelJS) says "middle". */
const vertical = (s: string | undefined): string | undefined => (lower(s) === "center" ? "middle" : lower(s));

function clean(c: CellSnap): CellSnap {
  for (const k of Object.keys(c) as (keyof CellSnap)[]) if (c[k] === undefined) delete c[k];
  return c;
}

/** Chars from points, inverting columnWidthPoints (exact for the widths plans use, to 2 decimals). */
function charsOfPoints(points: number): number {
  return Math.round(((points / 0.75 - 5) / 7) * 100) / 100;
}

export function snapshotFake(fake: FakeExcel): WorkbookSnap {
  const sheets = fake.wb.sheets.map((s): SheetSnap => {
    const cells: Record<string, CellSnap> = {};
    for (const [k, c] of s.cells) {
      const row = Math.floor(k / MAX_COLS);
      const col = k % MAX_COLS;
      const f = c.format ?? {};
      const edges = [f.borderTop, f.borderBottom, f.borderLeft, f.borderRight]
        .map((e, i) => (e && e !== "None" ? "TBLR"[i] : ""))
        .join("");
      const snap = clean({
        value:
          c.formula !== undefined || c.value === null || c.value === ""
            ? undefined
            : (c.value as string | number | boolean),
        formula: c.formula,
        numberFormat: c.numberFormat && c.numberFormat !== "General" ? c.numberFormat : undefined,
        font: f.fontName,
        size: f.fontSize,
        bold: f.bold ? true : undefined,
        italic: f.italic ? true : undefined,
        color: colour(f.fontColor),
        fill: colour(f.fill),
        horizontal: lower(f.horizontal),
        vertical: vertical(f.vertical),
        wrap: f.wrap ? true : undefined,
        border: edges || undefined,
        unlocked: f.locked === false ? true : undefined,
      });
      if (Object.keys(snap).length > 0) cells[a1(row, col)] = snap;
    }
    return {
      name: s.name,
      hidden: s.visibility !== "Visible",
      frozenRows: s.frozenRows,
      cells,
      merges: s.merges.map(rectA1).sort(),
      widths: Object.fromEntries([...s.columnWidths].map(([c, pts]) => [c, charsOfPoints(pts)])),
      heights: Object.fromEntries(s.rowHeights),
    };
  });
  const names: Record<string, string> = {};
  for (const n of fake.wb.names.values()) {
    const sheet = fake.wb.sheetById(n.sheetId)!.name;
    names[n.name] = `${sheet}!${absolute(rectA1(n.rect))}`;
  }
  return { sheets, names };
}

const absolute = (ref: string): string => ref.replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");

export function snapshotExcelJs(wb: ExcelJS.Workbook): WorkbookSnap {
  const sheets = wb.worksheets.map((ws): SheetSnap => {
    const cells: Record<string, CellSnap> = {};
    ws.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (cell) => {
        // A cell covered by a merge reports its master's value: it holds none of its own.
        const covered = cell.type === ExcelJS.ValueType.Merge;
        const v = covered ? null : (cell.value as unknown);
        const formula = !covered && cell.formula ? `=${cell.formula}` : undefined;
        const b = cell.border ?? {};
        const edges = (["top", "bottom", "left", "right"] as const)
          .map((e, i) => (b[e]?.style ? "TBLR"[i] : ""))
          .join("");
        const fill =
          cell.fill && cell.fill.type === "pattern" ? (cell.fill.fgColor?.argb as string | undefined) : undefined;
        const snap = clean({
          value:
            formula || v === null || v === undefined || typeof v === "object"
              ? undefined
              : (v as string | number | boolean),
          formula,
          numberFormat: cell.numFmt && cell.numFmt !== "General" ? cell.numFmt : undefined,
          font: cell.font?.name,
          size: cell.font?.size,
          bold: cell.font?.bold ? true : undefined,
          italic: cell.font?.italic ? true : undefined,
          color: colour(cell.font?.color?.argb),
          fill: colour(fill),
          horizontal: lower(cell.alignment?.horizontal),
          vertical: lower(cell.alignment?.vertical),
          wrap: cell.alignment?.wrapText ? true : undefined,
          border: edges || undefined,
          unlocked: cell.protection?.locked === false ? true : undefined,
        });
        if (Object.keys(snap).length > 0) cells[cell.address] = snap;
      }),
    );
    const widths: Record<number, number> = {};
    const heights: Record<number, number> = {};
    for (let c = 1; c <= ws.columnCount; c++) {
      const w = ws.getColumn(c).width;
      if (w !== undefined) widths[c - 1] = Math.round(w * 100) / 100;
    }
    ws.eachRow({ includeEmpty: true }, (row, n) => {
      if (row.height !== undefined) heights[n - 1] = row.height;
    });
    const view = ws.views[0] as { state?: string; ySplit?: number } | undefined;
    const merges = Object.keys((ws as unknown as { _merges: Record<string, unknown> })._merges ?? {}).map(
      (tl) => (ws as unknown as { _merges: Record<string, { range: string }> })._merges[tl]!.range,
    );
    return {
      name: ws.name,
      hidden: ws.state !== "visible",
      frozenRows: view?.state === "frozen" ? (view.ySplit ?? 0) : 0,
      cells,
      merges: merges.sort(),
      widths,
      heights,
    };
  });
  const names: Record<string, string> = {};
  // The sheet's name unquoted: "'报告表格'!$A$1" and "报告表格!$A$1" are one reference.
  const unquoted = (r: string): string =>
    r.replace(/^'((?:[^']|'')*)'!/, (_, n: string) => `${n.replace(/''/g, "'")}!`);
  for (const n of wb.definedNames.model) names[n.name] = n.ranges.map(unquoted).join(",");
  return { sheets, names };
}

/** An ExcelJS workbook holding what the fake holds (formulas without cached results), to recalculate or save. */
export function fakeToExcelJs(fake: FakeExcel): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const snap = snapshotFake(fake);
  for (const s of snap.sheets) {
    const model = fake.sheet(s.name);
    const ws = wb.addWorksheet(s.name, {
      state: s.hidden ? "hidden" : "visible",
      views: s.frozenRows ? [{ state: "frozen", ySplit: s.frozenRows, xSplit: 0 }] : [{}],
    });
    for (const [c, chars] of Object.entries(s.widths)) ws.getColumn(Number(c) + 1).width = chars;
    for (const [r, h] of Object.entries(s.heights)) ws.getRow(Number(r) + 1).height = h;
    for (const [address, c] of Object.entries(s.cells)) {
      const cell = ws.getCell(address);
      if (c.formula !== undefined) cell.value = { formula: c.formula.replace(/^=/, "") } as ExcelJS.CellFormulaValue;
      else if (c.value !== undefined) cell.value = c.value;
      if (c.numberFormat) cell.numFmt = c.numberFormat;
      if (c.font || c.size || c.bold || c.italic || c.color) {
        const font: Partial<ExcelJS.Font> = {};
        if (c.font) font.name = c.font;
        if (c.size) font.size = c.size;
        if (c.bold) font.bold = true;
        if (c.italic) font.italic = true;
        if (c.color) font.color = { argb: `FF${c.color}` };
        cell.font = font;
      }
      if (c.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: `FF${c.fill}` } };
      if (c.horizontal || c.vertical || c.wrap) {
        const al: Partial<ExcelJS.Alignment> = {};
        if (c.horizontal) al.horizontal = c.horizontal as ExcelJS.Alignment["horizontal"];
        if (c.vertical) al.vertical = c.vertical as ExcelJS.Alignment["vertical"];
        if (c.wrap) al.wrapText = true;
        cell.alignment = al;
      }
      if (c.border) {
        const thin = { style: "thin" as const, color: { argb: "FF000000" } };
        const b: Partial<ExcelJS.Borders> = {};
        if (c.border.includes("T")) b.top = thin;
        if (c.border.includes("B")) b.bottom = thin;
        if (c.border.includes("L")) b.left = thin;
        if (c.border.includes("R")) b.right = thin;
        cell.border = b;
      }
      if (c.unlocked) cell.protection = { locked: false };
    }
    for (const m of model.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  }
  wb.definedNames.model = Object.entries(snap.names).map(([name, ref]) => {
    const bang = ref.lastIndexOf("!");
    return { name, ranges: [`${quoteSheetName(ref.slice(0, bang))}${ref.slice(bang)}`] };
  });
  return wb;
}
