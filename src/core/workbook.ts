/**
 * checkWorkbook: every report of a workbook, read and checked on its own (readReports + runChecks).
 * One entry per report: sheet, unit, year, format, the report and its findings (cells name their sheet).
 * The CLI prints one block and one --json entry per entry (file + sheet); the pane lists them and works on
 * `primary` unless the user picks another. `prior` (last year's report, from another file) is given to
 * every entry; the cross-year checks themselves decide whether it is the same unit's previous year.
 */
import type { WorkbookGrid } from "./grid";
import type { CheckOptions, Finding } from "./checks/types";
import { runChecks } from "./checks";
import type { FormatId } from "./model/format";
import type { ProseText, Report } from "./model/report";
import { readReports, type ReadFailure, type ReadOptions } from "./read";

export interface CheckedReport {
  sheet: string;
  unit?: string;
  year: number | null;
  format: FormatId;
  report: Report;
  findings: Finding[];
}

export type WorkbookCheck = { ok: true; reports: CheckedReport[]; primary: number } | { ok: false; error: ReadFailure };

export interface WorkbookCheckOptions extends ReadOptions {
  prior?: Report;
  /**
   * Text checked against the primary report's tables (the 报告正文 sheet, a report text given beside the file),
   * given the primary report's sheet name.
   */
  prose?: (sheet: string) => ProseText[];
  check?: Partial<CheckOptions>;
  /** The published form the grid was rebuilt from (Word, a saved page, a PDF): misreads become reading doubts. */
  medium?: Report["medium"];
}

export function checkWorkbook(wb: WorkbookGrid, opts: WorkbookCheckOptions = {}): WorkbookCheck {
  const { prior, prose, check, medium, ...readOpts } = opts;
  const r = readReports(wb, readOpts);
  if (!r.ok) return r;
  const reports = r.reports.map((f, i): CheckedReport => {
    if (prior) f.report.prior = prior;
    if (medium) f.report.medium = medium;
    const text = prose && i === r.primary ? prose(f.sheet) : [];
    if (text.length > 0) f.report.prose = [...(f.report.prose ?? []), ...text];
    const out: CheckedReport = {
      sheet: f.sheet,
      year: f.report.meta.year?.value ?? readOpts.year ?? null,
      format: f.report.format,
      report: f.report,
      findings: runChecks(f.report, check),
    };
    if (f.unit !== undefined) out.unit = f.unit;
    return out;
  });
  return { ok: true, reports, primary: r.primary };
}
