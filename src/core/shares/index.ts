/**
 * Exact shares (占比) in integer arithmetic.
 *
 * A share of count c in total T at d decimals of a percent is expressed in units of 10^-d percent:
 * U = 100 * 10^d units make 100%, q = floor(c * U / T), rem = c * U mod T, and an exact tie is
 * 2 * rem == T. Never toFixed / Math.round.
 *
 * The product c * U is computed on Numbers when it is a safe integer (< 2^53: every real report), so
 * the engine runs where there is no BigInt (Internet Explorer 11 and EdgeHTML, the webviews of Excel
 * 2016/2019: issue 13). Only a larger product is divided as a BigInt; where BigInt is missing too, the
 * engine throws an error with code NO_EXACT_ARITHMETIC (the pane says so in plain words) instead of
 * giving a figure that may be wrong. q and rem always come back as Numbers: rem < T, and q is the result.
 */
import type { StatedPercent } from "../model/report";
import type { RoundingOptions, TieRule } from "./types";

export type { RoundingOptions, TieRule } from "./types";
export { DEFAULT_ROUNDING } from "./types";

/** Largest number of decimals of a percent the engine writes or computes. */
export const MAX_DECIMALS = 4;

/** The code of the error thrown when a product exceeds 2^53 and the engine has no BigInt. */
export const NO_EXACT_ARITHMETIC = "NoExactArithmetic";

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

/** 10^n for n = 0..15, written out: Math.pow (what `**` becomes in the ES5 bundle) is not exact in every engine. */
const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/** 100 * 10^d: the units that make 100% at d decimals. */
export function unitsPerWhole(decimals: number): number {
  assertDecimals(decimals, 15);
  return 100 * POW10[decimals]!;
}

/** count * U divided by total: quotient and remainder, both exact. */
export interface Division {
  q: number;
  rem: number;
  total: number;
}

/** One way to divide count * 100 * 10^d by total exactly; null when it cannot do so for these numbers. */
export type Divider = (count: number, total: number, decimals: number) => Division | null;

function shareOutOfRange(what: string): RangeError {
  return new RangeError(`share out of range: ${what}`);
}

/**
 * On Numbers, when count * U is a safe integer: a double holds every integer below 2^53 exactly, % of two
 * such integers is exact, and (p - rem) / total divides an exact multiple (no rounding). Null otherwise.
 */
export const divideOnNumbers: Divider = (count, total, decimals) => {
  const p = count * unitsPerWhole(decimals);
  // A true product >= 2^53 rounds to a double >= 2^53, so this test never passes an inexact product.
  if (!Number.isSafeInteger(p)) return null;
  const rem = p % total;
  return { q: (p - rem) / total, rem, total };
};

/** With BigInt (any size); null where the engine has no BigInt. The quotient must fit a safe integer. */
export const divideOnBigInts: Divider = (count, total, decimals) => {
  if (typeof BigInt !== "function") return null;
  const t = BigInt(total);
  // BigInt(10) ** d would become Math.pow in the ES5 bundle, which throws on BigInts: multiply instead.
  let u = BigInt(100);
  for (let i = 0; i < decimals; i++) u *= BigInt(10);
  const p = BigInt(count) * u;
  const q = Number(p / t);
  if (!Number.isSafeInteger(q)) throw shareOutOfRange(`${count} / ${total} at ${decimals} decimals`);
  // rem < total, a safe integer: exact as a Number.
  return { q, rem: Number(p % t), total };
};

/** Numbers where they are exact, BigInt only beyond. */
export const divideExactly: Divider = (count, total, decimals) => {
  const d = divideOnNumbers(count, total, decimals) ?? divideOnBigInts(count, total, decimals);
  if (d) return d;
  const e = new RangeError(
    `${count} / ${total} at ${decimals} decimals needs numbers beyond 2^53, and this engine has no BigInt`,
  ) as RangeError & { code: string };
  e.code = NO_EXACT_ARITHMETIC;
  throw e;
};

function roundDivision({ q, rem, total }: Division, rule: TieRule): number {
  // rem < total < 2^53: doubling is exact.
  const twice = rem * 2;
  const up = twice > total || (twice === total && (rule === "half-up" || q % 2 === 1));
  const r = up ? q + 1 : q;
  if (!Number.isSafeInteger(r)) throw shareOutOfRange(String(r));
  return r;
}

/** Exact rounded share in units of 10^-decimals percent (decimals 0-15); null when total is 0. */
function roundedUnits(
  count: number,
  total: number,
  decimals: number,
  rounding: TieRule,
  divide: Divider,
): number | null {
  assertCount("count", count);
  assertCount("total", total);
  assertDecimals(decimals, 15);
  if (total === 0) return null;
  const d = divide(count, total, decimals);
  if (!d) throw shareOutOfRange(`${count} / ${total}: this divider cannot`);
  return roundDivision(d, rounding);
}

/**
 * The share of `count` in `total` rounded to `decimals` (0-4) decimals of a percent, in integer units:
 * shareUnits(1303, 1499, 2, "half-up") === 8692 (86.92%). Null when total is 0.
 */
export function shareUnits(count: number, total: number, decimals: number, rounding: TieRule): number | null {
  return EXACT.shareUnits(count, total, decimals, rounding);
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
  // String() of a safe integer is its exact digits (no BigInt needed: issue 13).
  const text = String(units);
  const negative = text.startsWith("-");
  const digits = (negative ? text.slice(1) : text).padStart(decimals + 1, "0");
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
  return EXACT.shareSet(counts, opts, total);
}

/** A decimal number as an exact fraction: sign, digits (no leading zeros), digits after the point. */
interface Decimal {
  negative: boolean;
  /** All digits, integer part first, without leading zeros ("" for zero). */
  digits: string;
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
  const digits = ((m[2] || "") + frac).replace(/^0+/, "");
  return { negative: m[1] === "-" && digits !== "", digits, scale: frac.length };
}

/** True when two decimals are the same number (compared as digit strings: exact at any length). */
function sameDecimal(a: Decimal, b: Decimal): boolean {
  const s = Math.max(a.scale, b.scale);
  const da = a.digits === "" ? "" : a.digits + "0".repeat(s - a.scale);
  const db = b.digits === "" ? "" : b.digits + "0".repeat(s - b.scale);
  return a.negative === b.negative && da === db;
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
  return EXACT.checkStatedShare(count, total, stated, rounding);
}

/** True when a non-zero count is stated as a zero share ("0%", "0.00%"), which a report must never print. */
export function isZeroShareForNonZero(count: number, stated: StatedPercent): boolean {
  if (!(count > 0)) return false;
  const d = statedDecimal(stated);
  return d !== null && d.digits === "";
}

/** The share functions over one divider: the engine uses divideExactly; tests compare the Number and BigInt paths. */
export function sharesWith(divide: Divider) {
  function shareUnits(count: number, total: number, decimals: number, rounding: TieRule): number | null {
    assertDecimals(decimals);
    return roundedUnits(count, total, decimals, rounding, divide);
  }

  function shareSet(counts: number[], opts: RoundingOptions, total?: number): ShareSet {
    assertDecimals(opts.decimals);
    counts.forEach((c) => assertCount("count", c));
    // Counts are >= 0: if any partial sum reached 2^53 the final one is not a safe integer either.
    const sum = counts.reduce((a, c) => a + c, 0);
    const sumIsExact = Number.isSafeInteger(sum);
    if (total === undefined && !sumIsExact) throw shareOutOfRange(`sum of ${counts.length} counts`);
    const denominator = total ?? sum;
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
    const divisions = counts.map((c) => {
      const d = divide(c, denominator, opts.decimals);
      if (!d) throw shareOutOfRange(`${c} / ${denominator}: this divider cannot`);
      return d;
    });
    const independent = divisions.map((d) => roundDivision(d, opts.rounding));
    const formsWhole = sumIsExact && sum === denominator;
    if (!opts.largestRemainder || !formsWhole) {
      return {
        units: independent,
        adjusted: counts.map(() => false),
        sumUnits: independent.reduce((a, u) => a + u, 0),
        total: denominator,
        largestRemainderApplied: false,
      };
    }
    // The floors sum to at most the whole (100 * 10^d): every figure below is a small safe integer.
    const floors = divisions.map((d) => d.q);
    let leftover = unitsPerWhole(opts.decimals) - floors.reduce((a, q) => a + q, 0);
    const order = [...Array(n).keys()].sort((a, b) => {
      const ra = divisions[a]!.rem;
      const rb = divisions[b]!.rem;
      if (ra !== rb) return rb - ra;
      if (counts[a] !== counts[b]) return counts[b]! - counts[a]!;
      return a - b;
    });
    const units = [...floors];
    // leftover < n because each floor loses less than one unit; only items with a remainder get one.
    for (const i of order) {
      if (leftover <= 0) break;
      units[i] = units[i]! + 1;
      leftover -= 1;
    }
    return {
      units,
      adjusted: units.map((u, i) => u !== independent[i]),
      sumUnits: units.reduce((a, u) => a + u, 0),
      total: denominator,
      largestRemainderApplied: true,
    };
  }

  function checkStatedShare(count: number, total: number, stated: StatedPercent, rounding: TieRule): StatedShareCheck {
    const decimals = Math.max(0, Math.min(10, Math.trunc(stated.decimals)));
    const expected = roundedUnits(count, total, decimals, rounding, divide);
    if (expected === null) return { ok: false, expectedUnits: null, expectedText: "" };
    const expectedText = formatPercent(expected, decimals);
    const got = statedDecimal(stated);
    const ok = got !== null && sameDecimal(got, parseDecimal(expectedText)!);
    return { ok, expectedUnits: expected, expectedText };
  }

  return { shareUnits, shareSet, checkStatedShare };
}

const EXACT = sharesWith(divideExactly);

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
