/** Figures as arithmetic sees them: blank = 0, sums, shares' units and the whole a breakdown's shares refer to. */
import type { Breakdown, Num } from "../model/report";

/** A figure as arithmetic sees it: absent (not found), unreadable (text/#REF!), blank (= 0) or a number. */
export type Fig =
  | { state: "absent" }
  | { state: "unreadable"; num: Num }
  | { state: "blank"; num: Num }
  | { state: "number"; num: Num; value: number };

export function fig(n: Num | undefined): Fig {
  if (!n) return { state: "absent" };
  if (n.value === null) return n.issue ? { state: "unreadable", num: n } : { state: "blank", num: n };
  return { state: "number", num: n, value: n.value };
}

/** Blank = 0; undefined when the figure is absent or unreadable (another check says so). */
export function arith(n: Num | undefined): number | undefined {
  // fig()'s cases without its object: the sums call this for every figure.
  if (!n) return undefined; // absent
  if (n.value === null) return n.issue ? undefined : 0; // unreadable : blank
  return n.value;
}

export function isBlankFigure(n: Num | undefined): boolean {
  return !!n && n.value === null && !n.issue;
}

/** Sums of counts may meet a fraction typed by mistake; keep them exact enough to compare and to print. */
export function clean(x: number): number {
  return Number(x.toFixed(10));
}

export function sameNumber(a: number, b: number): boolean {
  return Math.abs(a - b) < 1e-9;
}

export type SumOutcome =
  | { kind: "unknown" }
  | { kind: "ok" }
  | { kind: "mismatch"; expected: number; actual: number }
  | { kind: "blankTotal"; expected: number };

/** total = sum(parts) with blank = 0. A blank total beside non-zero parts is its own outcome. */
export function checkSum(parts: (Num | undefined)[], total: Num | undefined): SumOutcome {
  let sum = 0;
  for (const p of parts) {
    const v = arith(p);
    if (v === undefined) return { kind: "unknown" };
    sum += v;
  }
  const t = fig(total);
  if (t.state === "absent" || t.state === "unreadable") return { kind: "unknown" };
  if (t.state === "number" && sameNumber(t.value, sum)) return { kind: "ok" };
  // The cleaned sum only for a total that is blank or disagrees (toFixed is not free; most sums agree).
  const expected = clean(sum);
  if (t.state === "blank") return expected === 0 ? { kind: "ok" } : { kind: "blankTotal", expected };
  return { kind: "mismatch", expected, actual: t.value };
}

/** Percent units at `decimals` of a stated value: 46 at 0 -> 46, 86.92 at 2 -> 8692. */
export function statedUnits(value: number, decimals: number): number {
  return Math.round(value * 10 ** decimals);
}

/** A count the share arithmetic can take: a whole number >= 0 (anything else is whole-number's finding). */
export function countValue(n: Num | undefined): number | undefined {
  const v = arith(n);
  return v !== undefined && Number.isSafeInteger(v) && v >= 0 ? v : undefined;
}

/** The whole a breakdown's shares refer to: its stated total, or (for a partition without one) the sum of its parts. */
export function statedWhole(b: Breakdown): { value: number; num?: Num } | undefined {
  if (b.total && b.total.value !== null) {
    const v = countValue(b.total);
    return v === undefined ? undefined : { value: v, num: b.total };
  }
  if (!b.partition || b.total) return undefined;
  let sum = 0;
  for (const c of b.categories) {
    const v = countValue(c.count);
    if (v === undefined) return undefined;
    sum += v;
  }
  return { value: sum };
}
