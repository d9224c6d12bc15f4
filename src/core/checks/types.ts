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
