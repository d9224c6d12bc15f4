/**
 * The figures the report tables print, derived exactly as the tables' formulas derive them, so that the
 * narrative and the tables can never disagree: every total is the SUM of its parts (a typed total that
 * disagrees is a finding of the checks, not a figure of the report). A blank or unreadable figure counts
 * as 0, as SUM counts an empty cell.
 * - Section 三: 总计 column = SUM of the six applicant columns; （七）总计 = SUM of the outcome rows.
 * - Section 四: each 总计 = SUM of its four results.
 * - A breakdown's 合计 = SUM of its categories (its stated total only when no category has a figure).
 */
import { cellKey, S3_GROUPS, S4_GROUPS, type TableDef } from "./format";
import type { Breakdown, Num, TableData } from "./report";

/** A figure as SUM counts it: blank or unreadable is 0. */
export function figure(n: Num | undefined): number {
  return n?.value ?? 0;
}

/** The six applicant columns of section 三 (the seventh, 总计, is their SUM). */
export function applicantCols(def: TableDef): string[] {
  return def.cols.filter((c) => c.key !== "total").map((c) => c.key);
}

/** Section 三 row total as the table prints it: SUM of the applicant columns; （七）总计 from the outcome rows. */
export function s3RowTotal(t: TableData, rowKey: string): number {
  if (rowKey === "handled") return s3Handled(t);
  let sum = 0;
  for (const col of applicantCols(t.def)) sum += figure(t.cells[cellKey(rowKey, col)]);
  return sum;
}

/** （七）总计 in one applicant column (or, without a column, in 总计): the SUM of the outcome rows. */
export function s3Handled(t: TableData, colKey?: string): number {
  let sum = 0;
  for (const r of t.def.rows) {
    if (!r.outcome) continue;
    sum += colKey === undefined || colKey === "total" ? s3RowTotal(t, r.key) : figure(t.cells[cellKey(r.key, colKey)]);
  }
  return sum;
}

export interface OutcomeGroup {
  group: string;
  /** "（一）予以公开". */
  label: string;
  /** "予以公开". */
  short: string;
  count: number;
}

/** The outcome groups of section 三 the table defines (each the SUM of its rows' 总计), in table order. */
export function outcomeGroups(t: TableData): OutcomeGroup[] {
  const rows = t.def.rows;
  return S3_GROUPS.filter((g) => rows.some((r) => r.group === g.group)).map((g) => ({
    ...g,
    count: rows.filter((r) => r.group === g.group).reduce((a, r) => a + s3RowTotal(t, r.key), 0),
  }));
}

export interface Section3Figures {
  /** 一、本年新收政府信息公开申请数量 (总计). */
  received: number;
  /** 二、上年结转政府信息公开申请数量 (总计). */
  carried: number;
  /** （七）总计 (总计). */
  handled: number;
  /** 四、结转下年度继续办理 (总计). */
  carryNext: number;
  groups: OutcomeGroup[];
}

export function section3Figures(t: TableData): Section3Figures {
  const groups = outcomeGroups(t);
  return {
    received: s3RowTotal(t, "new"),
    carried: s3RowTotal(t, "carried"),
    handled: groups.reduce((a, g) => a + g.count, 0),
    carryNext: s3RowTotal(t, "carryNext"),
    groups,
  };
}

export interface CaseGroup {
  upheld: number;
  corrected: number;
  other: number;
  pending: number;
  /** SUM of the four results. */
  total: number;
}

/** One group of section 四 ("review", "suitDirect", "suitAfterReview") as the table prints it. */
export function caseGroup(t: TableData, key: string): CaseGroup {
  const g = (r: string) => figure(t.cells[cellKey("count", `${key}.${r}`)]);
  const upheld = g("upheld");
  const corrected = g("corrected");
  const other = g("other");
  const pending = g("pending");
  return { upheld, corrected, other, pending, total: upheld + corrected + other + pending };
}

/** The keys of the section 四 groups, in table order. */
export const CASE_GROUP_KEYS = S4_GROUPS.map((g) => g.key);

/** Whether a breakdown's categories carry a figure (then its 合计 is their SUM). */
export function hasCategoryFigures(b: Breakdown): boolean {
  return b.categories.some((c) => c.count.value !== null);
}

/**
 * Last year's total when it is explicitly known: the stated 上年 total, else the SUM of the categories'
 * 上年 figures when every category has one. Never implied from a stated increase.
 */
export function breakdownPriorTotal(b: Breakdown): number | null {
  if (b.priorTotal?.value != null) return b.priorTotal.value;
  if (b.categories.length === 0 || b.categories.some((c) => c.prior?.value == null)) return null;
  return b.categories.reduce((a, c) => a + (c.prior!.value ?? 0), 0);
}
