/**
 * The report as the engine understands it. Every figure remembers the cell it came from;
 * a blank (value null) and a 0 stay distinct.
 */
import type { CellRef } from "../grid";
import type { FormatId, TableDef } from "./format";

/** Why a figure is not a clean number as typed. */
export type NumIssue =
  | "text" // typed as text but reads as a number ("12", "1,234", "１２", "12件"): value kept, noted
  | "not-a-number" // text that does not read as a number: value null
  | "error-value" // #REF!, #DIV/0!, ...: value null
  | "boolean" // TRUE/FALSE in a count cell: value null
  | "date" // a number shown as a date (2023-05-01 is 45047): value null, text = the date as shown
  | "time" // a number shown as a time (12:00 is 0.5): value null, text = the time as shown
  | "uncached-formula"; // a formula the file holds no result for: value null until Excel calculates it

export interface Num {
  /** The number, or null for a blank or unreadable cell. */
  value: number | null;
  /** Where it came from; absent for figures the engine derived. */
  cell?: CellRef;
  /** The text as typed when the cell held text or an error ("1,234", "#REF!"). */
  text?: string;
  /** The formula when the cell held one ("=SUM(B3:B5)"). */
  formula?: string;
  issue?: NumIssue;
  /** For a date or time: the number the cell holds (what it would count as), e.g. 45047 for 2023-05-01. */
  serial?: number;
  /** How a figure typed as text was read, beyond a plain text number: a zero mark ("—", "/", "无") as 0, or the leading number of "12（其中修订3件）". */
  reading?: "zero-mark" | "annotated";
}

/** A share (or other percentage) as the sheet or text states it: "6%", "86.92%". */
export interface StatedPercent {
  /** As written, e.g. "34%" or "0.18%". */
  text: string;
  /** The number written, in percent (34, 0.18). */
  value: number;
  /** Decimals written (34% -> 0, 86.92% -> 2). */
  decimals: number;
  cell?: CellRef;
}

/** A label cell the reader matched, with how it deviated from the verbatim label. */
export interface LabelMatch {
  cell: CellRef;
  found: string;
  expected: string;
  /** What differed: none, or cosmetic kinds (numbering "1、", bracket width, spaces/line breaks, Traditional characters, a known typo, 结转下一年度). */
  deviations: LabelDeviation[];
}

export type LabelDeviation = "numbering" | "brackets" | "whitespace" | "traditional" | "typo" | "variant";

export interface TableData {
  def: TableDef;
  /** Figures by cellKey(rowKey, colKey). A row or column the reader did not find has no entries. */
  cells: Record<string, Num>;
  /** Row keys whose label was found, with the label cell. */
  rowLabels: Record<string, LabelMatch>;
  /** Column keys whose header was found. */
  colLabels: Record<string, LabelMatch>;
  /** Row keys of the format that the reader did not find. */
  missingRows: string[];
  missingCols: string[];
  /** Last year's figures from a last-year column beside the table, by cellKey. */
  prior?: Record<string, Num>;
}

export interface Category {
  name: string;
  nameCell?: CellRef;
  count: Num;
  /** The share the sheet states for this category, if any. */
  share?: StatedPercent;
  /** Last year's count, when the sheet gives it (上年条数 column). */
  prior?: Num;
}

/** A breakdown of a whole into categories (主动公开 by category; 重点领域 by area). */
export interface Breakdown {
  /** "主动公开政府信息" or "重点领域" etc. */
  name: string;
  nameCell?: CellRef;
  total?: Num;
  categories: Category[];
  /** True when the categories are meant to partition the total (shares then sum to 100%). */
  partition: boolean;
  /** Stated share of the parent's total (重点领域 占比34%). */
  shareOfParent?: StatedPercent;
  /** Stated 比上年新增 D (an absolute increase). */
  statedIncrease?: Num;
  /** Stated 同比增长/下降 x% (negative for 下降). */
  statedYoY?: StatedPercent;
  /** Stated 完成率 p%. */
  statedCompletion?: StatedPercent;
  /** Target the 完成率 refers to, when the sheet gives it. */
  target?: Num;
  /** Last year's total, when the sheet gives it. */
  priorTotal?: Num;
  /** Sub-breakdowns whose total is a part of this one (重点领域 within 主动公开). */
  children: Breakdown[];
}

export type Scope = "本机关" | "本级政府";

export type Mode = "编制" | "核对";

export interface ReportMeta {
  body?: { text: string; cell?: CellRef };
  year?: { value: number; cell?: CellRef; from: "metadata" | "title" | "option" };
  scope?: { value: Scope; cell?: CellRef };
  /**
   * How the sheet is used, as it states it (填报方式): 编制 = preparing (the clerk types the parts, every total
   * is a SUM formula); 核对 = checking a published report (its totals typed as printed). Absent: not stated.
   */
  mode?: { value: Mode; cell?: CellRef };
  /** 信息处理费 in 元 (section 六). */
  fee?: Num;
}

export interface Report {
  format: FormatId;
  /** The sheet the figures were read from. */
  sheet: string;
  meta: ReportMeta;
  /** Section 二 tables, by table id ("s2.item1" ...). */
  section2: Record<string, TableData>;
  section3?: TableData;
  section4?: TableData;
  /** True when a 2021 section 三 prints （六）其他处理 as a single row. */
  singleOtherRow?: boolean;
  /** Free-form proactive-disclosure breakdown (the seed report's style; also the template's block). */
  proactive?: Breakdown;
  /** Last year's report (from a last-year column or a second workbook), for cross-year checks. */
  prior?: Report;
  /** This sheet repeats the report of an earlier sheet (same unit and year): which one, and what differs. */
  copy?: ReportCopy;
  /** Text of the sheet outside the tables (titles, paragraphs), with cells, for year and wording checks. */
  texts: { text: string; cell: CellRef }[];
  /**
   * More of the report's own text, checked against its tables like `texts`: the text sheet (报告正文) as the
   * user left it, or a report's text given to the CLI (--text report.docx). Hosts fill it (attachProse).
   */
  prose?: ProseText[];
  /**
   * The published form the report was read from (a Word file, a saved web page, a PDF); absent for a workbook.
   * Tables rebuilt from these can be misread: the reading-doubt check says so instead of blaming the unit.
   */
  medium?: Exclude<FileForm, "xlsx">;
  /** What the reader looked for and did not find, in the user's words. */
  notFound: ReadNote[];
  /** Other things the reader noticed (ambiguity, duplicated tables, text numbers). */
  notes: ReadNote[];
}

/** A text of the report outside the counts sheet: a cell of another sheet, or a paragraph of a file. */
export interface ProseText {
  text: string;
  cell?: CellRef;
  /** Where the text is when it is not a cell: "report.docx 第12段" / "report.docx ¶12". */
  where?: { zh: string; en: string };
}

export interface ReadNote {
  code: string;
  cells: CellRef[];
  /** Parameters for the message (labels, counts). */
  params?: Record<string, string | number>;
}

/** A second copy of a report in the same workbook. */
export interface ReportCopy {
  /** The sheet of the first copy. */
  of: string;
  /** Figures that differ (at most the first 50), with the cell on each side. */
  differences: { label: string; cell?: CellRef; value: number | null; otherCell?: CellRef; other: number | null }[];
  /** How many figures differ in all. */
  count: number;
}

/** The form a report file comes in: a workbook, or a published form (a Word file, a saved web page, a PDF). */
export type FileForm = "xlsx" | "docx" | "html" | "pdf";

/** Each form's name as a sentence says it (“从{name}读出”, “as read from {name}”): the one wording of the forms. */
export const FORM_NAMES: Record<FileForm, { zh: string; en: string }> = {
  xlsx: { zh: "Excel 工作簿", en: "the Excel workbook" },
  docx: { zh: "Word 文件", en: "the Word file" },
  html: { zh: "网页", en: "the web page" },
  pdf: { zh: "PDF", en: "the PDF" },
};
