/**
 * Writing numbers in the narrative per GB/T 15835—2011: Arabic digits, no grouping (every count we
 * write is an integer of the report's size, and one style is kept throughout), trailing zeros kept,
 * one precision per list, 百分点 for differences of rates, never "占0%" for a non-zero count.
 */
import { formatPercent, formatUnits, lessThanSmallest, shareUnits } from "../shares";
import type { TieRule } from "../shares/types";

/** A whole count as digits without grouping: 1119 -> "1119". */
export function countText(n: number): string {
  if (!Number.isSafeInteger(n)) throw new RangeError(`a count must be a whole number (got ${n})`);
  return String(n);
}

/** A count with its measure word: (72, "条") -> "72条". */
export function countWith(n: number, unit: string): string {
  return countText(n) + unit;
}

/** Percent text of share units that never reads as 0 for a non-zero count ("不足0.01%"). */
export function shareUnitsText(units: number, count: number, decimals: number): string {
  return units === 0 && count > 0 ? lessThanSmallest(decimals) : formatPercent(units, decimals);
}

/**
 * An amount of money in 元 (信息处理费): whole amounts as digits ("0", "120"); amounts with 角/分 with
 * two decimals ("12.50"). Works on the decimal digits of the number as typed, never on toFixed.
 */
export function yuanText(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`not an amount: ${value}`);
  if (Number.isSafeInteger(value)) return String(value);
  const s = String(value);
  const m = /^(-?\d+)\.(\d+)$/.exec(s);
  if (!m) return s; // exponent notation: leave as the shortest exact form
  return m[2]!.length === 1 ? `${m[1]}.${m[2]}0` : s;
}

/** An amount as typed (万元 with its decimals: 7730.28 -> "7730.28"), never through toFixed. */
export function amountText(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`not an amount: ${value}`);
  const s = String(value);
  if (!/e/i.test(s)) return s;
  // Exponent form (very large or very small): write the digits out.
  return value.toLocaleString("en-US", { useGrouping: false, maximumFractionDigits: 20 });
}

/** The change of a count against last year: "增加390条", "减少5条", or null when unchanged. */
export function countChangeText(current: number, prior: number, unit: string): string | null {
  const d = current - prior;
  if (d === 0) return null;
  return (d > 0 ? "增加" : "减少") + countWith(Math.abs(d), unit);
}

/**
 * Year-on-year change of a count as a percent of last year's figure, rounded exactly:
 * (1119, 729) -> "增长53.50%"; a fall is "下降x%" (never "降低N倍"). Null when last year is 0 or unchanged.
 */
export function yoyText(current: number, prior: number, decimals: number, rule: TieRule): string | null {
  if (prior <= 0 || current === prior) return null;
  const diff = Math.abs(current - prior);
  const units = shareUnits(diff, prior, decimals, rule)!;
  return (current > prior ? "增长" : "下降") + shareUnitsText(units, diff, decimals);
}

/**
 * The difference of two rates printed at the same precision, in 百分点: (3414, 3000, 2) ->
 * "提高4.14个百分点". Uses the printed (rounded) rates so that the text is consistent with itself.
 */
export function pointChangeText(currentUnits: number, priorUnits: number, decimals: number): string {
  const d = currentUnits - priorUnits;
  if (d === 0) return "与上年持平";
  return (d > 0 ? "提高" : "降低") + formatUnits(Math.abs(d), decimals) + "个百分点";
}

/** Join list items with "、" (a short enumeration of counts). */
export function enumerate(items: string[]): string {
  return items.join("、");
}

/** Join clauses with "；" (a list of count-and-share clauses). */
export function clauses(items: string[]): string {
  return items.join("；");
}
