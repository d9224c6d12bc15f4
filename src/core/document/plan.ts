/**
 * A host-neutral plan of the report as a Word document (pure data): page setup, fonts, sections of
 * paragraphs (runs with a role) and tables (cells with spans). The CLI and the task pane write it with
 * the `docx` package (src/docx).
 */

/** A font as Word stores it: the Chinese font (w:eastAsia), the font for Latin letters and digits, a fallback. */
export interface DocFont {
  eastAsia: string;
  latin: string;
  /** The font Word or WPS should use where `eastAsia` is not installed (w:altName in the font table). */
  fallback: string;
}

/** What a run of text is: it decides the font and size. */
export type RunRole = "title" | "heading1" | "heading2" | "body" | "table" | "tableTitle";

export interface DocRun {
  text: string;
  role: RunRole;
  /** A 【待补充：…】 placeholder: highlighted so that it is easy to find. */
  placeholder?: boolean;
  bold?: boolean;
  italic?: boolean;
}

export interface DocParagraph {
  type: "paragraph";
  /** What the paragraph is ("title", "heading1", "body", "note", "caption", "tableNote", "signature"). */
  kind: "title" | "heading1" | "heading2" | "body" | "note" | "caption" | "tableNote" | "signature";
  /** Id of the narrative paragraph it comes from, when it does. */
  id?: string;
  runs: DocRun[];
  align: "left" | "center" | "right" | "both";
  /** First-line indent in characters (2 for body text in 公文). */
  firstLineChars?: number;
  /** Right indent in characters (the date of the signature: 右空四字). */
  rightChars?: number;
  /** Keep on the same page as the next block (a table's caption). */
  keepNext?: boolean;
  /** Space before the paragraph, in lines of the body grid (the signature). */
  spaceBeforeLines?: number;
}

export interface DocCell {
  /** Column of the table grid where the cell starts (0-based). */
  col: number;
  text: string;
  colSpan: number;
  rowSpan: number;
  align: "left" | "center" | "right";
  italic?: boolean;
}

export interface DocTable {
  type: "table";
  /** The workbook's name of the table range ("表_三_申请情况"): the same table in both files. */
  name: string;
  /** Title of the table (what the pane lists). */
  title: string;
  /** Widths of the grid columns in twips (1/20 pt), scaled to fit the text width of its section. */
  columnWidths: number[];
  /** Leading rows that are headers: repeated at the top of each page. */
  headerRows: number;
  /** Rows of cells; a cell covered by a merge (not its top-left) is left out. */
  rows: DocCell[][];
}

export type DocBlock = DocParagraph | DocTable;

export interface PageSetup {
  orientation: "portrait" | "landscape";
  /** Twips (1/20 pt; 1 mm = 56.7 twips). */
  width: number;
  height: number;
  margins: { top: number; bottom: number; left: number; right: number };
}

export interface DocSection {
  page: PageSetup;
  blocks: DocBlock[];
}

export interface DocumentPlan {
  /** Title of the document (its properties). */
  title: string;
  fonts: Record<RunRole, DocFont>;
  /** Sizes in points. */
  sizes: Record<RunRole, number>;
  /**
   * Body lines: exact line spacing and the line grid (twips); `charSpace` is what Word's character grid
   * (type linesAndChars) would need for `charsPerLine` (not written: LibreOffice spreads text on it).
   */
  grid: { linePitch: number; charSpace: number; charsPerLine: number; linesPerPage: number };
  /**
   * Condensed character spacing (twips, negative) of a role, so that `charsPerLine` characters fill the
   * text width: 28 characters of 三号 need 0.25 pt less each (28 × 16 pt = 448 pt > 442 pt).
   */
  condensed: Partial<Record<RunRole, number>>;
  /** Line spacing inside tables (exact, twips): a table does not take the body's line pitch. */
  tableLine: number;
  /** Page number at the foot, "— 1 —": text before and after the number, its font and size. */
  pageNumber: { before: string; after: string; font: DocFont; size: number };
  sections: DocSection[];
}
