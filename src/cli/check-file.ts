/**
 * Reading and checking one file for the CLI: every report sheet in it (check, check DIR, summary), or its primary
 * report (generate, demo), and last year's report of a unit. What a folder worker thread loads: only the readers and
 * the engine, not the writers (ExcelJS, the Word writer), which a check never needs.
 */
import * as path from "node:path";
import type { ProseText, Report } from "../core/model/report";
import { textSheetProse } from "../core/text";
import { fillProgress } from "../core/model/preparing";
import type { RoundingOptions, TieRule } from "../core/shares/types";
import { readWorkbook } from "../core/read";
import { checkWorkbook, type WorkbookCheckOptions } from "../core/workbook";
import { CROSS_YEAR_CHECKS, runChecks } from "../core/checks";
import { DEFAULT_REPORT_SETTINGS } from "../core/render/settings";
import { reportFigures } from "../core/summary";
import type { FileResult } from "./output";
import { XlsxReadError } from "./limits";
import { readAnyGrid } from "./read-any";

export interface RoundingArgs {
  decimals?: number;
  rounding?: TieRule;
}

export interface CheckSettings extends RoundingArgs {
  sheet?: string;
  year?: number;
  prior?: Report;
  /** The report's text given with --text, checked against every file's tables. */
  prose?: ProseText[];
  /** For `summary`: keep each report's figures, fee and form in its FileResult. */
  figures?: boolean;
}

/** Reads one file and checks its primary report; every user-caused failure becomes FileResult.error. */
/** `bytes`: the file's bytes, when the caller already started reading them (readXlsxBytes). */
export async function checkFile(
  file: string,
  s: CheckSettings,
  bytes?: Promise<Buffer>,
): Promise<{ result: FileResult; report?: Report }> {
  const base: FileResult = { file, sheet: null, year: null, format: null, findings: [] };
  let report: Report;
  try {
    report = await readReport(file, s, bytes);
  } catch (e) {
    if (e instanceof ReportError || e instanceof XlsxReadError) {
      return { result: { ...base, error: { code: e.code, message: e.reason } } };
    }
    throw e;
  }
  if (s.prior) report.prior = s.prior;
  if (s.prose) report.prose = [...(report.prose ?? []), ...s.prose];
  const findings = runChecks(report, checkOptions(s));
  return {
    report,
    result: {
      file,
      sheet: report.sheet,
      year: report.meta.year?.value ?? s.year ?? null,
      format: report.format,
      findings,
      ...preparingProgress(report),
    },
  };
}

/**
 * Reads one file and checks EVERY report in it (one sheet per unit, copies, last year beside this year):
 * one FileResult per report (file + sheet + unit). A file that cannot be read is one FileResult with `error`.
 */
export async function checkFileReports(file: string, s: CheckSettings, bytes?: Promise<Buffer>): Promise<FileResult[]> {
  const base: FileResult = { file, sheet: null, year: null, format: null, findings: [] };
  let grid: Awaited<ReturnType<typeof readAnyGrid>>;
  try {
    grid = await readAnyGrid(file, bytes);
  } catch (e) {
    if (e instanceof XlsxReadError) return [{ ...base, error: { code: e.code, message: e.reason } }];
    throw e;
  }
  const opts: WorkbookCheckOptions = { check: checkOptions(s) };
  if (s.sheet !== undefined) opts.sheet = s.sheet;
  if (s.year !== undefined) opts.year = s.year;
  if (s.prior) opts.prior = s.prior;
  if (grid.form !== "xlsx") opts.medium = grid.form;
  // The text sheet (报告正文) as the user left it, and a --text file, are checked against the primary report.
  const textSheet = DEFAULT_REPORT_SETTINGS.textSheet;
  opts.prose = (sheet) => [...(sheet !== textSheet ? textSheetProse(grid, textSheet) : []), ...(s.prose ?? [])];
  const r = checkWorkbook(grid, opts);
  if (!r.ok) return [{ ...base, error: r.error }];
  return r.reports.map((x) => {
    const out: FileResult = { file, sheet: x.sheet, year: x.year, format: x.format, findings: x.findings };
    out.unit = x.unit ?? null;
    Object.assign(out, preparingProgress(x.report));
    if (s.prior) out.priorAgrees = !x.findings.some((f) => CROSS_YEAR_CHECKS.includes(f.rule));
    if (s.figures) {
      out.form = grid.form;
      out.figures = reportFigures(x.report);
      out.fee = x.report.meta.fee?.value ?? null;
    }
    return out;
  });
}

/** On a sheet for preparing (编制): how far the filling has got ("已填 118 / 166 项"). */
export function preparingProgress(report: Report): Pick<FileResult, "progress"> {
  if (report.meta.mode?.value !== "编制") return {};
  const p = fillProgress(report);
  return { progress: { filled: p.filled, total: p.total } };
}

export function checkOptions(s: RoundingArgs & { year?: number }): Partial<RoundingOptions & { year: number }> {
  const o: Partial<RoundingOptions & { year: number }> = {};
  if (s.decimals !== undefined) o.decimals = s.decimals;
  if (s.rounding !== undefined) o.rounding = s.rounding;
  if (s.year !== undefined) o.year = s.year;
  return o;
}

export class ReportError extends Error {
  constructor(
    readonly code: string,
    readonly reason: { zh: string; en: string },
  ) {
    super(reason.en);
  }
}

export async function readReport(
  file: string,
  s: { sheet?: string; year?: number },
  bytes?: Promise<Buffer>,
): Promise<Report> {
  const grid = await readAnyGrid(file, bytes);
  return reportFromGrid(grid, s);
}

export function reportFromGrid(grid: Parameters<typeof readWorkbook>[0], s: { sheet?: string; year?: number }): Report {
  const opts: { sheet?: string; year?: number } = {};
  if (s.sheet !== undefined) opts.sheet = s.sheet;
  if (s.year !== undefined) opts.year = s.year;
  const r = readWorkbook(grid, opts);
  if (!r.ok) throw new ReportError(r.error.code, r.error.message);
  // The text sheet (报告正文) as the user left it is checked against the tables too.
  const textSheet = DEFAULT_REPORT_SETTINGS.textSheet;
  if (r.report.sheet !== textSheet) {
    const prose = textSheetProse(grid, textSheet);
    if (prose.length > 0) r.report.prose = prose;
  }
  return r.report;
}

/**
 * Cells of last year's report live in another file: name them as Excel names an external reference,
 * '[2020.xlsx]公开数据'!D70, so that a finding never points into this year's sheet by mistake.
 */
export function markExternal(report: Report, fileName: string): void {
  const seen = new Set<object>();
  const walk = (v: unknown): void => {
    if (typeof v !== "object" || v === null || seen.has(v)) return;
    seen.add(v);
    const o = v as Record<string, unknown>;
    if (typeof o.sheet === "string" && typeof o.row === "number" && typeof o.col === "number") {
      o.sheet = `[${fileName}]${o.sheet}`;
      return;
    }
    for (const x of Object.values(o)) walk(x);
  };
  walk(report);
}

/** Last year's report of a unit found in the folder (file and sheet), its cells named as external references. */
export async function readPriorReport(file: string, sheet: string | null): Promise<Report> {
  const prior = await readReport(file, sheet === null ? {} : { sheet });
  markExternal(prior, path.basename(file));
  return prior;
}
