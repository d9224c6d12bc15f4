/**
 * Exact shares (占比) in integer arithmetic.
 *
 * A share of count c in total T at d decimals of a percent is expressed in units of 10^-d percent:
 * U = 100 * 10^d units make 100%, q = floor(c * U / T), rem = c * U mod T, and an exact tie is
 * 2 * rem == T. Products are BigInt so counts up to 2^53 stay exact. Never toFixed / Math.round.
 */
import type { StatedPercent } from "../model/report";
import type { RoundingOptions, TieRule } from "./types";

export type { RoundingOptions, TieRule } from "./types";
export { DEFAULT_ROUNDING } from "./types";

/** Largest number of decimals of a percent the engine writes or computes. */
export const MAX_DECIMALS = 4;

function assertCount(name: string, n: number): void {
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new RangeError(`${name} must be a whole number >= 0 (got ${n})`);
  }
}

function assertDecimals(decimals: number, max: number = MAX_DECIMALS): void {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > max) {
    throw new RangeError(`decimals must be a whole number from 0 to ${max} (got ${decimals})`);
  }
}

/** 100 * 10^d: the units that make 100% at d decimals. */
export function unitsPerWhole(decimals: number): number {
  assertDecimals(decimals, 15);
  return 100 * 10 ** decimals;
}

interface Division {
  q: bigint;
  rem: bigint;
  total: bigint;
}

/**
 * 10^n as a BigInt, by multiplication: `a ** b` is compiled to Math.pow(a, b) for the ES5 bundle (IE11,
 * EdgeHTML: issue 13), and Math.pow throws on BigInts ("Cannot convert a BigInt value to a number").
 */
function pow10(n: number): bigint {
  const ten = BigInt(10);
  let r = BigInt(1);
  for (let i = 0; i < n; i++) r *= ten;
  return r;
}

function divide(count: number, total: number, decimals: number): Division {
  const t = BigInt(total);
  const p = BigInt(count) * BigInt(100) * pow10(decimals);
  return { q: p / t, rem: p % t, total: t };
}

function roundDivision({ q, rem, total }: Division, rule: TieRule): bigint {
  const twice = rem * BigInt(2);
  if (twice > total) return q + BigInt(1);
  if (twice < total) return q;
  // Exact tie.
  if (rule === "half-up") return q + BigInt(1);
  return q % BigInt(2) === BigInt(0) ? q : q + BigInt(1);
}

/** Exact rounded share in units of 10^-decimals percent, as a BigInt; null when total is 0. No limit on decimals. */
export function shareUnitsBig(count: number, total: number, decimals: number, rounding: TieRule): bigint | null {
  assertCount("count", count);
  assertCount("total", total);
  assertDecimals(decimals, 15);
  if (total === 0) return null;
  return roundDivision(divide(count, total, decimals), rounding);
}

/**
 * The share of `count` in `total` rounded to `decimals` (0-4) decimals of a percent, in integer units:
 * shareUnits(1303, 1499, 2, "half-up") === 8692 (86.92%). Null when total is 0.
 */
export function shareUnits(count: number, total: number, decimals: number, rounding: TieRule): number | null {
  assertDecimals(decimals);
  const u = shareUnitsBig(count, total, decimals, rounding);
  return u === null ? null : toSafeNumber(u);
}

function toSafeNumber(n: bigint): number {
  const v = Number(n);
  if (!Number.isSafeInteger(v)) throw new RangeError(`share out of range: ${n}`);
  return v;
}

/** Write integer units as a percent with exactly `decimals` decimals, trailing zeros kept: (160, 2) -> "1.60%". */
export function formatPercent(units: number | bigint, decimals: number): string {
  return formatUnits(units, decimals) + "%";
}

/** Write integer units of 10^-decimals as a decimal number without the % sign: (160, 2) -> "1.60". */
export function formatUnits(units: number | bigint, decimals: number): string {
  assertDecimals(decimals, 15);
  if (typeof units === "number" && !Number.isSafeInteger(units)) {
    throw new RangeError(`units must be a whole number (got ${units})`);
  }
  const big = BigInt(units);
  const negative = big < BigInt(0);
  const digits = (negative ? -big : big).toString().padStart(decimals + 1, "0");
  const intPart = digits.slice(0, digits.length - decimals);
  const frac = digits.slice(digits.length - decimals);
  return (negative ? "-" : "") + intPart + (decimals > 0 ? "." + frac : "");
}

export interface ShareSet {
  /** Units of 10^-decimals percent for each count; null when the total is 0. */
  units: (number | null)[];
  /** True for a share the largest-remainder method moved off its independent rounding (mark it). */
  adjusted: boolean[];
  /** Sum of the units (0 when the total is 0); 100 * 10^d means the shares add up to 100%. */
  sumUnits: number;
  /** The total the shares refer to. */
  total: number;
  /** True when the largest-remainder method was applied (asked for, and the counts form the whole). */
  largestRemainderApplied: boolean;
}

/**
 * Shares of a set of counts. The denominator is `total` when given (a stated total), else the sum of the counts.
 * With opts.largestRemainder and counts that form the whole (sum == total > 0), the Hamilton method
 * makes them sum to exactly 100%: floor each share, hand the left-over units to the largest remainders
 * (tie: larger count, then earlier index). Otherwise each share is rounded independently with opts.rounding.
 */
export function shareSet(counts: number[], opts: RoundingOptions, total?: number): ShareSet {
  assertDecimals(opts.decimals);
  counts.forEach((c) => assertCount("count", c));
  const sum = counts.reduce((a, c) => a + BigInt(c), BigInt(0));
  const denominator = total ?? toSafeNumber(sum);
  assertCount("total", denominator);
  const n = counts.length;
  if (denominator === 0) {
    return {
      units: counts.map(() => null),
      adjusted: counts.map(() => false),
      sumUnits: 0,
      total: 0,
      largestRemainderApplied: false,
    };
  }
  const divisions = counts.map((c) => divide(c, denominator, opts.decimals));
  const independent = divisions.map((d) => roundDivision(d, opts.rounding));
  const formsWhole = sum === BigInt(denominator);
  if (!opts.largestRemainder || !formsWhole) {
    const units = independent.map(toSafeNumber);
    return {
      units,
      adjusted: counts.map(() => false),
      sumUnits: units.reduce((a, u) => a + u, 0),
      total: denominator,
      largestRemainderApplied: false,
    };
  }
  const whole = BigInt(unitsPerWhole(opts.decimals));
  const floors = divisions.map((d) => d.q);
  let leftover = whole - floors.reduce((a, q) => a + q, BigInt(0));
  const order = [...Array(n).keys()].sort((a, b) => {
    const ra = divisions[a]!.rem;
    const rb = divisions[b]!.rem;
    if (ra !== rb) return ra > rb ? -1 : 1;
    if (counts[a] !== counts[b]) return counts[b]! - counts[a]!;
    return a - b;
  });
  const result = [...floors];
  // leftover < n because each floor loses less than one unit; only items with a remainder get one.
  for (const i of order) {
    if (leftover <= BigInt(0)) break;
    result[i] = result[i]! + BigInt(1);
    leftover -= BigInt(1);
  }
  const units = result.map(toSafeNumber);
  return {
    units,
    adjusted: result.map((u, i) => u !== independent[i]),
    sumUnits: units.reduce((a, u) => a + u, 0),
    total: denominator,
    largestRemainderApplied: true,
  };
}

/** A decimal number as an exact fraction mantissa / 10^scale. */
interface Decimal {
  mantissa: bigint;
  scale: number;
}

const FULL_WIDTH_DIGITS = /[０-９．－]/g;

function parseDecimal(s: string): Decimal | null {
  const t = s
    .replace(FULL_WIDTH_DIGITS, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/[%％\s]/g, "");
  const m = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(t);
  if (!m || (m[2] === "" && (m[3] ?? "") === "")) return null;
  const frac = m[3] ?? "";
  const mantissa = BigInt((m[2] || "0") + frac) * (m[1] === "-" ? BigInt(-1) : BigInt(1));
  return { mantissa, scale: frac.length };
}

function statedDecimal(stated: StatedPercent): Decimal | null {
  const fromText = parseDecimal(stated.text);
  if (fromText) return fromText;
  if (!Number.isFinite(stated.value)) return null;
  // String() of a double gives the shortest digits that read back as the same double: the number as typed.
  const s = String(stated.value);
  if (/e/i.test(s)) return null;
  return parseDecimal(s);
}

export interface StatedShareCheck {
  /** True when the stated share equals the exact share rounded at the stated precision. */
  ok: boolean;
  /** The exact share rounded at the stated precision, in units of 10^-stated.decimals percent; null when total is 0. */
  expectedUnits: number | null;
  /** The expected share as it should be written ("4.35%"); "" when total is 0. */
  expectedText: string;
}

/**
 * A stated share is right iff it equals the exact share of count in total rounded at the stated
 * precision with the tie rule ("4.34%" for 35/805 = 4.348% is wrong: truncated).
 * A non-zero count stated as 0% passes here (it is arithmetically right); see isZeroShareForNonZero.
 */
export function checkStatedShare(
  count: number,
  total: number,
  stated: StatedPercent,
  rounding: TieRule,
): StatedShareCheck {
  const decimals = Math.max(0, Math.min(10, Math.trunc(stated.decimals)));
  const expected = shareUnitsBig(count, total, decimals, rounding);
  if (expected === null) return { ok: false, expectedUnits: null, expectedText: "" };
  const expectedText = formatPercent(expected, decimals);
  const got = statedDecimal(stated);
  let ok = false;
  if (got) {
    // Compare got.mantissa / 10^got.scale with expected / 10^decimals exactly.
    const s = Math.max(got.scale, decimals);
    const a = got.mantissa * pow10(s - got.scale);
    const b = expected * pow10(s - decimals);
    ok = a === b;
  }
  return { ok, expectedUnits: toSafeNumber(expected), expectedText };
}

/** True when a non-zero count is stated as a zero share ("0%", "0.00%"), which a report must never print. */
export function isZeroShareForNonZero(count: number, stated: StatedPercent): boolean {
  if (!(count > 0)) return false;
  const d = statedDecimal(stated);
  return d !== null && d.mantissa === BigInt(0);
}

/** "不足0.01%" at 2 decimals, "不足1%" at 0. */
export function lessThanSmallest(decimals: number): string {
  return "不足" + formatPercent(1, decimals);
}

/**
 * An Excel formula (with the leading "=") for the exact rounded share of the count in the total as a
 * fraction, for a cell formatted "0.00%" (d = 2: 1303/1499 -> 0.8692). Integer arithmetic only
 * (QUOTIENT, MOD, comparisons), so Excel and LibreOffice give the engine's rounding to the last digit.
 * A blank or zero total gives "". Exact while count * 100 * 10^d < 2^53.
 */
export function shareFormula(countRef: string, totalRef: string, decimals: number, rounding: TieRule): string {
  assertDecimals(decimals);
  const whole = unitsPerWhole(decimals);
  const c = `N(${countRef})`;
  const t = `N(${totalRef})`;
  const p = `${c}*${whole}`;
  const q = `QUOTIENT(${p},${t})`;
  const twiceRem = `MOD(${p},${t})*2`;
  const up =
    rounding === "half-up"
      ? `IF(${twiceRem}>=${t},1,0)`
      : `IF(OR(${twiceRem}>${t},AND(${twiceRem}=${t},MOD(${q},2)=1)),1,0)`;
  return `=IF(${t}=0,"",(${q}+${up})/${whole})`;
}

/** The Excel number format that shows a fraction as a percent with `decimals` decimals: "0.00%". */
export function percentNumberFormat(decimals: number): string {
  assertDecimals(decimals);
  return decimals === 0 ? "0%" : "0." + "0".repeat(decimals) + "%";
}
