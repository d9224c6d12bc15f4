/**
 * The in-memory workbook behind the fake Excel: cells (value, formula, number format, format),
 * merges, column widths, row heights, names, validations, protection. Browser-compatible (no Node APIs).
 */
import { a1, columnIndex, quoteSheetName, type CellValue, type CellRange } from "../../../src/core/grid";
import { FormulaEvaluator } from "./formula";

export type Rect = CellRange;

export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;

export interface CellFormat {
  fontName?: string;
  fontSize?: number;
  bold?: boolean;
  italic?: boolean;
  fontColor?: string;
  fill?: string;
  horizontal?: string;
  vertical?: string;
  wrap?: boolean;
  /** Border styles: "Continuous" etc.; absent = "None". */
  borderTop?: string;
  borderBottom?: string;
  borderLeft?: string;
  borderRight?: string;
  locked?: boolean;
}

export const DEFAULT_FORMAT: Required<
  Omit<CellFormat, "fill" | "borderTop" | "borderBottom" | "borderLeft" | "borderRight">
> = {
  fontName: "等线",
  fontSize: 11,
  bold: false,
  italic: false,
  fontColor: "#000000",
  horizontal: "General",
  vertical: "Bottom",
  wrap: false,
  locked: true,
};

export interface Cell {
  /** The constant, or the (not evaluated) result of a formula; null = blank. */
  value: CellValue;
  formula?: string;
  /** Text entered with a leading apostrophe (Excel's quote prefix). */
  quotePrefix?: boolean;
  numberFormat?: string;
  format?: CellFormat;
}

export interface ValidationModel {
  rect: Rect;
  rule: unknown;
  prompt?: unknown;
  errorAlert?: unknown;
}

export class SheetModel {
  readonly cells = new Map<number, Cell>();
  merges: Rect[] = [];
  readonly columnWidths = new Map<number, number>();
  readonly rowHeights = new Map<number, number>();
  readonly hiddenRows = new Set<number>();
  validations: ValidationModel[] = [];
  protected = false;
  visibility: "Visible" | "Hidden" | "VeryHidden" = "Visible";
  frozenRows = 0;
  frozenColumns = 0;
  pageLayout: { orientation: string; paperSize: string; zoom: unknown; printArea: string | null } = {
    orientation: "Portrait",
    paperSize: "Letter",
    zoom: { scale: 100 },
    printArea: null,
  };
  tabColor = "";
  /** Manual page breaks: a new printed page starts at each of these 0-based rows. */
  rowBreaks: number[] = [];

  constructor(
    readonly id: string,
    public name: string,
  ) {}

  static key(row: number, col: number): number {
    return row * MAX_COLS + col;
  }

  get(row: number, col: number): Cell | undefined {
    return this.cells.get(SheetModel.key(row, col));
  }

  /** The cell, created when missing. */
  touch(row: number, col: number): Cell {
    const k = SheetModel.key(row, col);
    let c = this.cells.get(k);
    if (!c) {
      c = { value: null };
      this.cells.set(k, c);
    }
    return c;
  }

  hasContent(c: Cell): boolean {
    return c.value !== null || c.formula !== undefined;
  }

  /** Bounding box of cells with content (valuesOnly) or with content or formats. Null when empty. */
  usedRect(valuesOnly: boolean): Rect | null {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    for (const [k, c] of this.cells) {
      const used = this.hasContent(c) || (!valuesOnly && (c.numberFormat !== undefined || c.format !== undefined));
      if (!used) continue;
      const row = Math.floor(k / MAX_COLS);
      const col = k % MAX_COLS;
      if (row < top) top = row;
      if (row > bottom) bottom = row;
      if (col < left) left = col;
      if (col > right) right = col;
    }
    if (!valuesOnly) {
      for (const m of this.merges) {
        top = Math.min(top, m.top);
        left = Math.min(left, m.left);
        bottom = Math.max(bottom, m.bottom);
        right = Math.max(right, m.right);
      }
    }
    return bottom < 0 ? null : { top, left, bottom, right };
  }

  /** Cells inside a rectangle that exist in the map (fast for huge rectangles over sparse sheets). */
  *cellsIn(rect: Rect): Generator<[number, number, Cell]> {
    const area = (rect.bottom - rect.top + 1) * (rect.right - rect.left + 1);
    if (area <= this.cells.size * 4) {
      for (let r = rect.top; r <= rect.bottom; r++) {
        for (let c = rect.left; c <= rect.right; c++) {
          const cell = this.get(r, c);
          if (cell) yield [r, c, cell];
        }
      }
      return;
    }
    for (const [k, cell] of [...this.cells]) {
      const r = Math.floor(k / MAX_COLS);
      const c = k % MAX_COLS;
      if (r >= rect.top && r <= rect.bottom && c >= rect.left && c <= rect.right) yield [r, c, cell];
    }
  }

  clear(rect: Rect, what: "All" | "Formats" | "Contents"): void {
    for (const [r, c, cell] of this.cellsIn(rect)) {
      if (what !== "Formats") {
        cell.value = null;
        delete cell.formula;
        delete cell.quotePrefix;
      }
      if (what !== "Contents") {
        delete cell.numberFormat;
        delete cell.format;
      }
      if (!this.hasContent(cell) && cell.numberFormat === undefined && cell.format === undefined) {
        this.cells.delete(SheetModel.key(r, c));
      }
    }
    if (what !== "Contents") {
      this.merges = this.merges.filter((m) => !contains(rect, m));
      this.validations = this.validations.filter((v) => !contains(rect, v.rect));
    }
  }
}

export interface NameModel {
  name: string;
  sheetId: string;
  rect: Rect;
  comment?: string;
}

export class WorkbookModel {
  sheets: SheetModel[] = [];
  readonly names = new Map<string, NameModel>();
  activeSheetId = "";
  selection: { sheetId: string; rects: Rect[] } | null = null;
  /** Review > Protect Workbook (structure): no sheet can be added, deleted, renamed, shown or hidden. */
  structureProtected = false;
  /**
   * File > Options > Advanced > "Use 1904 date system": dates count from 1904-01-01 (serial 0), 1,462 days after
   * the 1900 system's origin (Microsoft KB Q180162: July 5, 1998 is 35981 in the 1900 system, 34519 in the 1904).
   */
  date1904 = false;
  private nextId = 1;

  newSheetId(): string {
    return `{0000000${this.nextId++}-FAKE-SHEET}`;
  }

  sheetByName(name: string): SheetModel | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  sheetById(id: string): SheetModel | undefined {
    return this.sheets.find((s) => s.id === id);
  }

  addSheet(name?: string): SheetModel {
    let n = name;
    if (n === undefined) {
      let i = this.sheets.length + 1;
      while (this.sheetByName(`Sheet${i}`)) i++;
      n = `Sheet${i}`;
    }
    const s = new SheetModel(this.newSheetId(), n);
    this.sheets.push(s);
    if (!this.activeSheetId) this.activeSheetId = s.id;
    return s;
  }
}

export function contains(outer: Rect, inner: Rect): boolean {
  return (
    inner.top >= outer.top && inner.bottom <= outer.bottom && inner.left >= outer.left && inner.right <= outer.right
  );
}

export function intersect(a: Rect, b: Rect): Rect | null {
  const r = {
    top: Math.max(a.top, b.top),
    left: Math.max(a.left, b.left),
    bottom: Math.min(a.bottom, b.bottom),
    right: Math.min(a.right, b.right),
  };
  return r.top <= r.bottom && r.left <= r.right ? r : null;
}

export function rectCells(r: Rect): number {
  return (r.bottom - r.top + 1) * (r.right - r.left + 1);
}

/** "A1", "$B$3:C7", "A:C", "3:5" -> rectangle; null when not an address. */
export function parseRect(text: string): Rect | null {
  const t = text.trim().replace(/\$/g, "");
  let m = /^([A-Za-z]{1,3})([0-9]+)(?::([A-Za-z]{1,3})([0-9]+))?$/.exec(t);
  if (m) {
    const r1 = Number(m[2]) - 1;
    const c1 = columnIndex(m[1]!);
    const r2 = m[4] ? Number(m[4]) - 1 : r1;
    const c2 = m[3] ? columnIndex(m[3]) : c1;
    if (r1 < 0 || r2 < 0) return null;
    return norm({ top: r1, left: c1, bottom: r2, right: c2 });
  }
  m = /^([A-Za-z]{1,3}):([A-Za-z]{1,3})$/.exec(t);
  if (m) return norm({ top: 0, left: columnIndex(m[1]!), bottom: MAX_ROWS - 1, right: columnIndex(m[2]!) });
  m = /^([0-9]+):([0-9]+)$/.exec(t);
  if (m) return norm({ top: Number(m[1]) - 1, left: 0, bottom: Number(m[2]) - 1, right: MAX_COLS - 1 });
  return null;
}

function norm(r: Rect): Rect {
  return {
    top: Math.min(r.top, r.bottom),
    bottom: Math.max(r.top, r.bottom),
    left: Math.min(r.left, r.right),
    right: Math.max(r.left, r.right),
  };
}

/** Split "Sheet!A1:B2" / "'My Sheet'!A1" into sheet name and address. */
export function splitSheet(address: string): { sheet: string | null; address: string } {
  const t = address.trim().replace(/^=/, "");
  const m = /^(?:'((?:[^']|'')+)'|([^!'\s][^!]*))!(.+)$/.exec(t);
  if (!m) return { sheet: null, address: t };
  return { sheet: m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2]!, address: m[3]! };
}

/** Excel's A1 address of a rectangle (entire rows/columns written as Excel writes them). */
export function rectAddress(r: Rect, absolute = false): string {
  const d = absolute ? "$" : "";
  const col = (c: number) => a1(0, c).replace(/[0-9]+$/, "");
  if (r.top === 0 && r.bottom === MAX_ROWS - 1) return `${d}${col(r.left)}:${d}${col(r.right)}`;
  if (r.left === 0 && r.right === MAX_COLS - 1) return `${d}${r.top + 1}:${d}${r.bottom + 1}`;
  const tl = `${d}${col(r.left)}${d}${r.top + 1}`;
  if (r.top === r.bottom && r.left === r.right) return tl;
  return `${tl}:${d}${col(r.right)}${d}${r.bottom + 1}`;
}

export function qualified(sheet: string, r: Rect, absolute = false): string {
  return `${quoteSheetName(sheet)}!${rectAddress(r, absolute)}`;
}

const ERROR_LITERALS = ["#N/A", "#DIV/0!", "#REF!", "#VALUE!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!", "#CALC!"];

/** Days since 1899-12-30 (Excel's serial date). */
function serialDate(y: number, m: number, d: number): number {
  return Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86400000);
}

/**
 * What Excel stores when a string is written through `values` or `formulas` (as if typed):
 * a leading apostrophe makes text; a text number format (@) keeps the text as is; "=" makes a formula;
 * "+"/"-"/"@" followed by non-numbers make a formula too; numbers, percentages, TRUE/FALSE, dates and
 * error literals are converted.
 */
export function enter(cell: Cell, input: unknown, date1904 = false): void {
  delete cell.quotePrefix;
  delete cell.formula;
  if (input === "" || input === undefined) {
    cell.value = null;
    return;
  }
  if (typeof input === "number") {
    cell.value = Number.isFinite(input) ? input : { error: "#NUM!" };
    return;
  }
  if (typeof input === "boolean") {
    cell.value = input;
    return;
  }
  if (typeof input !== "string") {
    throw new TypeError(`cannot enter ${typeof input}`);
  }
  const s = input;
  if (s.startsWith("'")) {
    cell.value = s.slice(1) === "" ? null : s.slice(1);
    cell.quotePrefix = true;
    return;
  }
  if (cell.numberFormat === "@") {
    cell.value = s;
    return;
  }
  if (s.length > 1 && s.startsWith("=")) {
    cell.formula = s;
    cell.value = null;
    return;
  }
  const t = s.trim();
  const num = /^[-+]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?([eE][-+]?\d+)?$/.exec(t);
  if (num && /\d/.test(t)) {
    cell.value = Number(t.replace(/,/g, ""));
    return;
  }
  const pct = /^([-+]?\d+(\.\d+)?)\s*%$/.exec(t);
  if (pct) {
    cell.value = Number(pct[1]) / 100;
    if (cell.numberFormat === undefined || cell.numberFormat === "General") cell.numberFormat = "0%";
    return;
  }
  if (/^(true|false)$/i.test(t)) {
    cell.value = t.toLowerCase() === "true";
    return;
  }
  if (ERROR_LITERALS.includes(t.toUpperCase())) {
    cell.value = { error: t.toUpperCase() };
    return;
  }
  const iso = /^(\d{4})[-/](\d{1,2})(?:[-/](\d{1,2}))?$/.exec(t) ?? /^(\d{4})年(\d{1,2})月(?:(\d{1,2})日)?$/.exec(t);
  if (iso && Number(iso[2]) >= 1 && Number(iso[2]) <= 12) {
    // A date typed into a workbook on the 1904 date system is stored 1,462 days smaller.
    cell.value = serialDate(Number(iso[1]), Number(iso[2]), iso[3] ? Number(iso[3]) : 1) - (date1904 ? 1462 : 0);
    if (cell.numberFormat === undefined || cell.numberFormat === "General") cell.numberFormat = "yyyy/m/d";
    return;
  }
  if (s.length > 1 && /^[-+@]/.test(s)) {
    cell.formula = "=" + (s.startsWith("@") ? s.slice(1) : s);
    cell.value = { error: "#NAME?" };
    return;
  }
  cell.value = s;
}

/** Excel's valueTypes entry for a cell. */
export function valueType(c: Cell | undefined): string {
  if (!c || c.value === null) return "Empty";
  const v = c.value;
  if (typeof v === "number") return "Double";
  if (typeof v === "boolean") return "Boolean";
  if (typeof v === "string") return "String";
  return "Error";
}

/** Excel's `values` entry: "" for blank, the error text for errors. */
export function valueOut(c: Cell | undefined): string | number | boolean {
  if (!c || c.value === null) return "";
  const v = c.value;
  if (typeof v === "object") return v.error;
  return v;
}

/** Excel's `formulas` entry: the formula, else the constant (text without its apostrophe). */
export function formulaOut(c: Cell | undefined): string | number | boolean {
  if (c?.formula !== undefined) return c.formula;
  return valueOut(c);
}

/** An evaluator over the workbook as it is now (Excel recalculates after every write). */
export function calculator(wb: WorkbookModel): FormulaEvaluator {
  return new FormulaEvaluator({
    cell: (sheet, row, col) => (sheet === null ? undefined : wb.sheetByName(sheet)?.get(row, col)),
    hasSheet: (sheet) => sheet !== null && wb.sheetByName(sheet) !== undefined,
  });
}

/** The cell with a formula's value replaced by its calculated result (other cells as they are). */
export function calculated(calc: FormulaEvaluator, s: SheetModel, row: number, col: number): Cell | undefined {
  const c = s.get(row, col);
  if (c?.formula === undefined) return c;
  return { ...c, value: calc.evaluate(c.formula, s.name, row, col) };
}
