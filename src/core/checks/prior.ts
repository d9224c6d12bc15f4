/** The report year and last year's report, as the cross-year checks take them. */
import type { Breakdown, Num, Report } from "../model/report";
import { breakdowns } from "./places";
import type { CheckContext } from "./types";

/** The report year: as the workbook says it, else as the user gave it. */
export function reportYear(ctx: CheckContext): number | undefined {
  return ctx.report.meta.year?.value ?? ctx.options.year;
}

/** Why last year's report cannot be this report's prior: another unit, or not the year before. */
export type PriorMismatch =
  { kind: "unit"; here: string; there: string } | { kind: "year"; expected: number; actual: number };

function unitKey(s: string): string {
  return s.replace(/[\s\u3000]+/g, "");
}

/** Compares the two reports (unit name, year) before any cross-year check; undefined when they fit. */
export function priorMismatch(report: Report): PriorMismatch | undefined {
  const prior = report.prior;
  if (!prior) return undefined;
  const here = report.meta.body?.text;
  const there = prior.meta.body?.text;
  if (here && there && unitKey(here) !== unitKey(there)) return { kind: "unit", here, there };
  const year = report.meta.year?.value;
  const priorYear = prior.meta.year?.value;
  if (year !== undefined && priorYear !== undefined && priorYear !== year - 1) {
    return { kind: "year", expected: year - 1, actual: priorYear };
  }
  return undefined;
}

/** Last year's report, only when it is this unit's report of the year before (else the cross-year checks skip). */
export function priorOf(report: Report): Report | undefined {
  return report.prior && !priorMismatch(report) ? report.prior : undefined;
}

/** Last year's total of a breakdown: as the sheet gives it, else from last year's report (same name). */
export function priorTotalOf(report: Report, b: Breakdown): Num | undefined {
  if (b.priorTotal && b.priorTotal.value !== null) return b.priorTotal;
  const last = priorOf(report);
  const root = last?.proactive;
  const prior = !last
    ? undefined
    : b === report.proactive
      ? root
      : breakdowns(last).find((p) => p !== root && p.name === b.name);
  return prior?.total && prior.total.value !== null ? prior.total : undefined;
}
