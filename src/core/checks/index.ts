/**
 * The registry of checks: run them all over a report, render their messages in zh or en.
 * One file per check (`<id>.ts`) with its test beside it; docs/checks.md lists them.
 */
import { cellAddress } from "../grid";
import type { Report } from "../model/report";
import { DEFAULT_ROUNDING } from "../shares/types";
import { blankCell } from "./blank-cell";
import { breakdownSum } from "./breakdown-sum";
import { carryOver } from "./carry-over";
import { copiedForward } from "./copied-forward";
import { feeMissing } from "./fee-missing";
import { feeUnit } from "./fee-unit";
import { formatYear } from "./format-year";
import { inForce } from "./in-force";
import { labelTypo } from "./label-typo";
import { missingFigures } from "./missing-figures";
import { noFigures } from "./no-figures";
import { mixedPrecision } from "./mixed-precision";
import { noYear } from "./no-year";
import { notANumber } from "./not-a-number";
import { otherYearText } from "./other-year-text";
import { priorReport } from "./prior-report";
import { readerNotes } from "./reader-notes";
import { reportCopy } from "./report-copy";
import { reviewExceedsApplications } from "./review-exceeds-applications";
import { s3Balance } from "./s3-balance";
import { dropDoubted, readingDoubt } from "./reading-doubt";
import { s3ColumnSum } from "./s3-column-sum";
import { s3OtherItems } from "./s3-other-items";
import { s3RowSum } from "./s3-row-sum";
import { s4GroupSum } from "./s4-group-sum";
import { sharesSum } from "./shares-sum";
import { statedCompletion } from "./stated-completion";
import { statedIncrease } from "./stated-increase";
import { statedShare } from "./stated-share";
import { statedYoy } from "./stated-yoy";
import { textNumber } from "./text-number";
import { textCount } from "./text-count";
import { textShare } from "./text-share";
import { textSum } from "./text-sum";
import { textClaim } from "./text-claim";
import { textChange } from "./text-change";
import { textYear } from "./text-year";
import { textFee } from "./text-fee";
import { uncachedFormula } from "./uncached-formula";
import { wholeNumber } from "./whole-number";
import { typedTotal } from "./typed-total";
import { zeroShare } from "./zero-share";
import type { Check, CheckOptions, Finding, Lang, Severity } from "./types";

export type { Check, CheckContext, CheckOptions, Finding, FindingText, Lang, Severity } from "./types";

/** Every check, in the order a reader meets the topics: figures, arithmetic, format, shares, other years, plausibility. */
export const CHECKS: readonly Check[] = [
  missingFigures,
  noFigures,
  readerNotes,
  reportCopy,
  notANumber,
  uncachedFormula,
  textNumber,
  wholeNumber,
  blankCell,
  s3RowSum,
  s3ColumnSum,
  s3Balance,
  s4GroupSum,
  typedTotal,
  noYear,
  formatYear,
  s3OtherItems,
  labelTypo,
  breakdownSum,
  statedShare,
  sharesSum,
  zeroShare,
  mixedPrecision,
  statedIncrease,
  statedYoy,
  statedCompletion,
  priorReport,
  carryOver,
  inForce,
  copiedForward,
  reviewExceedsApplications,
  feeUnit,
  feeMissing,
  otherYearText,
  textCount,
  textShare,
  textSum,
  textClaim,
  textChange,
  textYear,
  textFee,
  readingDoubt,
];

/** The checks that compare with last year's report (the CLI says "与上年报告核对：一致" when none of them found anything). */
export const CROSS_YEAR_CHECKS: readonly string[] = [
  "prior-report",
  "carry-over",
  "in-force",
  "copied-forward",
  "stated-increase",
  "stated-yoy",
];

const BY_ID = new Map(CHECKS.map((c) => [c.id, c]));

/** The check with this id; an unknown id is an error that lists the known ones. */
export function getCheck(id: string): Check {
  const c = BY_ID.get(id);
  if (!c) throw new Error(`Unknown check "${id}". Known checks: ${CHECKS.map((k) => k.id).join(", ")}`);
  return c;
}

export const DEFAULT_CHECK_OPTIONS: CheckOptions = { ...DEFAULT_ROUNDING };

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * Run every check. Findings are sorted by severity (error, warning, info), then by where their first
 * cell sits (the report's sheet first, then row, then column); findings without a cell close their
 * severity. The sort is stable, so ties keep the registry's order.
 */
export function runChecks(report: Report, options?: Partial<CheckOptions>): Finding[] {
  const ctx = { report, options: { ...DEFAULT_CHECK_OPTIONS, ...stripUndefined(options ?? {}) } };
  // A table read from Word/HTML/PDF that looks misread: one doubt replaces its arithmetic findings.
  const findings = dropDoubted(CHECKS.flatMap((c) => c.run(ctx)));
  return findings.sort((a, b) => compareFindings(a, b, report.sheet));
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function compareFindings(a: Finding, b: Finding, mainSheet: string): number {
  const s = SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity];
  if (s !== 0) return s;
  const ca = a.cells[0];
  const cb = b.cells[0];
  if (!ca || !cb) return (ca ? 0 : 1) - (cb ? 0 : 1);
  if (ca.sheet !== cb.sheet) {
    if (ca.sheet === mainSheet) return -1;
    if (cb.sheet === mainSheet) return 1;
    return ca.sheet < cb.sheet ? -1 : 1;
  }
  return ca.row - cb.row || ca.col - cb.col;
}

/** The finding's message in Chinese or English, with its parameters filled in. */
export function formatMessage(f: Finding, lang: Lang): string {
  const template = getCheck(f.rule).messages[f.messageId];
  if (!template) throw new Error(`Check "${f.rule}" has no message "${f.messageId}"`);
  return fillTemplate(template[lang], f.params, lang);
}

/**
 * "{name}" placeholders filled from params. A parameter that reads differently per language is given
 * as "name@en" beside "name" (the zh and en templates keep the same placeholders). An unknown
 * placeholder stays as written (a test catches it).
 */
export function fillTemplate(template: string, params: Record<string, string | number>, lang: Lang = "zh"): string {
  const has = (k: string): boolean => Object.prototype.hasOwnProperty.call(params, k);
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const key = has(`${name}@${lang}`) ? `${name}@${lang}` : name;
    return has(key) ? String(params[key]) : whole;
  });
}

/** The placeholders of a template, sorted: "{a} {b} {a}" -> ["a", "b"]. */
export function placeholders(template: string): string[] {
  return [...new Set([...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!))].sort();
}

/** The finding's cells as Excel references: "公开数据!D11", "'My Sheet'!B3". */
export function findingCells(f: Finding): string[] {
  return f.cells.map(cellAddress);
}
