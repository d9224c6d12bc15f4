/**
 * A host-neutral plan of sheets to write: cells (values or formulas), number formats, styles, merges,
 * widths, names, validations and print setup. The CLI applies it with ExcelJS, the add-in with Office.js.
 */

export type PlanValue = string | number | boolean | null;

export interface PlanCell {
  row: number; // 0-based
  col: number; // 0-based
  /** A constant. Strings are ALWAYS written as text, even when they start with = + - @. */
  value?: PlanValue;
  /** A formula starting with "=", in English function names and A1 references (e.g. "=SUM(B3:B5)"). */
  formula?: string;
  /**
   * What the engine computes the formula to show (a number, or "" for an empty result), for hosts that
   * print values instead of formulas (the Word document). Same arithmetic as the formula.
   */
  result?: PlanValue;
  /** Key into SheetPlan.styles. */
  style?: string;
}

export interface CellStyle {
  font?: { name?: string; size?: number; bold?: boolean; italic?: boolean; color?: string };
  /** Thin border on all four edges. */
  border?: boolean;
  horizontal?: "left" | "center" | "right";
  vertical?: "top" | "middle" | "bottom";
  wrap?: boolean;
  /** Excel number format, e.g. "0", "0.00%", "@". */
  numberFormat?: string;
  /** Background fill as "#RRGGBB" (only the template's input cells use one). */
  fill?: string;
  /** The cell is an input the user fills in (template): unlocked. */
  input?: boolean;
}

export interface PlanRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface DataValidationPlan {
  range: PlanRange;
  type: "whole" | "decimal" | "list";
  /** Inclusive minimum for whole/decimal. */
  min?: number;
  /** Values for a list. */
  list?: string[];
  /** Input prompt / error message shown by Excel (zh). */
  prompt?: string;
  error?: string;
}

export interface SheetPlan {
  name: string;
  cells: PlanCell[];
  styles: Record<string, CellStyle>;
  merges: PlanRange[];
  /** Column widths in Excel character units, by 0-based column index. */
  columnWidths: Record<number, number>;
  /** Row heights in points, by 0-based row index. */
  rowHeights?: Record<number, number>;
  /**
   * Write the formulas' results (PlanCell.result) into the file as cached values: the template's own SUM totals,
   * so a template never opened in a spreadsheet reads as it shows. Report sheets leave it off: their results are
   * for the Word document, and the spreadsheet computes the sheet itself on open.
   */
  cacheFormulaResults?: boolean;
  validations?: DataValidationPlan[];
  print?: {
    orientation: "portrait" | "landscape";
    paper: "A4";
    fitToWidth?: boolean;
    area?: PlanRange;
    /** Manual page breaks: a new page starts at each of these 0-based rows. */
    rowBreaks?: number[];
  };
  /** Rows frozen at the top (template header). */
  freezeRows?: number;
  /** A sheet the user does not need to see (the generator's record). Hosts hide it. */
  hidden?: boolean;
}

export interface NamedRangePlan {
  /** Workbook-level name, e.g. "报告_表三" (valid Excel name). */
  name: string;
  sheet: string;
  range: PlanRange;
  /** What the task pane shows for it ("三、收到和处理政府信息公开申请情况"). */
  title: string;
}

export interface WorkbookPlan {
  sheets: SheetPlan[];
  names: NamedRangePlan[];
}
