import type { CellRef } from "../grid";
import type { Report } from "../model/report";
import type { RoundingOptions } from "../shares/types";

export type Severity = "error" | "warning" | "info";
export type Lang = "zh" | "en";

export interface Finding {
  /** Check id, e.g. "s3-row-sum". */
  rule: string;
  severity: Severity;
  /** Every cell involved. Rendered as Sheet!A1 with quoted sheet names where needed. */
  cells: CellRef[];
  /** Message id within the check (a check may say more than one thing). */
  messageId: string;
  /** Parameters for the message. */
  params: Record<string, string | number>;
  expected?: string | number;
  actual?: string | number;
  /**
   * A suggested correction, only where one typed figure is provably the odd one out and the correction is
   * unambiguous: a total that disagrees with (or is blank beside) the sum of its parts, every part a clean
   * whole number (s3-row-sum, s3-column-sum, s4-group-sum, breakdown-sum; in section 三 only when the total's
   * other relations agree, see fix.ts). Hosts write it only after the user confirms; absent everywhere else. `was` is what the check read in the cell (null = blank), so a
   * host can refuse to write when the cell has changed since.
   */
  fix?: { cell: CellRef; value: number; was: number | null };
  /**
   * For a finding about the report's own text: where the figure is. `start`/`end` are offsets in the text
   * of the cell (or paragraph); `quote` is the sentence, beginning at `quoteStart` in that text.
   */
  text?: FindingText;
}

export interface FindingText {
  /** The text cell; absent for a paragraph of a file given to the CLI (then `where` names it). */
  cell?: CellRef;
  where?: { zh: string; en: string };
  start: number;
  end: number;
  quote: string;
  quoteStart: number;
}

export interface CheckContext {
  report: Report;
  options: CheckOptions;
}

export interface CheckOptions extends RoundingOptions {
  /** Report year when the workbook does not say it. */
  year?: number;
}

export interface Check {
  id: string;
  severity: Severity;
  /** One line of documentation. */
  description: { zh: string; en: string };
  /** Message templates by messageId; {name} placeholders are filled from Finding.params. */
  messages: Record<string, { zh: string; en: string }>;
  run(ctx: CheckContext): Finding[];
}
