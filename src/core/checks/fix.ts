/**
 * Suggested fixes: when one typed total disagrees with the sum of its parts and every part is a clean
 * number, the total is the figure to correct and the correction is the sum. Anything that needs
 * judgement (a blank or unreadable part, text, a negative or fractional figure, a formula) gets no fix.
 */
import type { CellRef } from "../grid";
import type { Num, TableData } from "../model/report";
import { arith, clean, sameNumber } from "./arithmetic";
import { tableCell } from "./places";
import type { Finding } from "./types";

export type Fix = NonNullable<Finding["fix"]>;

/** A count typed as a plain number: whole, >= 0, not text, not a formula, read from a cell. */
export function cleanCount(n: Num | undefined): n is Num & { value: number; cell: CellRef } {
  return (
    n !== undefined &&
    n.cell !== undefined &&
    n.value !== null &&
    n.issue === undefined &&
    !n.formula &&
    Number.isSafeInteger(n.value) &&
    n.value >= 0
  );
}

/**
 * The fix for total = sum(parts): set the total cell to the sum. Only when every part is a clean count and
 * the total is blank or a clean count (typed by hand, no formula) that differs from the sum.
 */
export function sumFix(parts: (Num | undefined)[], total: Num | undefined): Fix | undefined {
  if (parts.length === 0 || !parts.every(cleanCount)) return undefined;
  if (!total?.cell || total.formula || total.issue) return undefined;
  if (total.value !== null && !cleanCount(total)) return undefined;
  const sum = clean(parts.reduce((s, p) => s + (p?.value ?? 0), 0));
  if (total.value === sum) return undefined;
  return { cell: total.cell, value: sum, was: total.value };
}

const BALANCE_ROWS = ["new", "carried", "handled", "carryNext"];

/**
 * Section 三 ties a cell into up to three relations: its row (applicant columns = 总计), its column
 * (（一）…（六） = （七）总计, for the outcome rows and （七） itself) and its column's balance (一 + 二 = （七） + 四).
 * A fix of the cell at (rowKey, colKey) is kept only when, with the fixed value, every one of them holds:
 * then that one cell is provably the odd one out. Otherwise another figure may be the wrong one: no fix.
 */
export function s3Confirmed(t: TableData, rowKey: string, colKey: string, fix: Fix | undefined): Fix | undefined {
  if (!fix) return undefined;
  const v = (r: string, c: string): number | undefined =>
    r === rowKey && c === colKey ? fix.value : arith(tableCell(t, r, c));
  const holds = (left: (number | undefined)[], right: (number | undefined)[]): boolean => {
    if (left.some((x) => x === undefined) || right.some((x) => x === undefined)) return false;
    const sum = (xs: (number | undefined)[]): number => clean(xs.reduce<number>((s, x) => s + (x ?? 0), 0));
    return sameNumber(sum(left), sum(right));
  };
  const partCols = t.def.cols.filter((c) => c.key !== "total").map((c) => c.key);
  if (
    !holds(
      partCols.map((c) => v(rowKey, c)),
      [v(rowKey, "total")],
    )
  )
    return undefined;
  const row = t.def.rows.find((r) => r.key === rowKey);
  if (row?.outcome || rowKey === "handled") {
    const outcomes = t.def.rows.filter((r) => r.outcome).map((r) => r.key);
    if (
      !holds(
        outcomes.map((r) => v(r, colKey)),
        [v("handled", colKey)],
      )
    )
      return undefined;
  }
  if (BALANCE_ROWS.includes(rowKey)) {
    const [n, c, h, next] = BALANCE_ROWS.map((r) => v(r, colKey));
    if (!holds([n, c], [h, next])) return undefined;
  }
  return fix;
}
