import type { TableData } from "../model/report";
import { arith, checkSum, clean, colLabel, defineCheck, sameNumber, tableCell } from "./define";

/**
 * Section 三, every column: 一 + 二 = （七）总计 + 四 (the relation printed in the table's header note).
 * A blank total that s3-row-sum or s3-column-sum already reports as missing (blank beside non-zero parts) is one
 * problem: when the balance holds with that total filled in as its parts' sum, the balance says nothing more.
 */
export const s3Balance = defineCheck({
  id: "s3-balance",
  severity: "error",
  description: {
    zh: "三：每一列 一、本年新收 + 二、上年结转 = （七）总计 + 四、结转下年度继续办理",
    en: "Section 三: in every column 一 new + 二 carried over = （七）总计 handled + 四 carried to next year",
  },
  messages: {
    mismatch: {
      zh: "三、“{col}”列：一、本年新收{new}加二、上年结转{carried}为{expected}，但（七）总计{handled}加四、结转下年度{carryNext}为{actual}。",
      en: "Section 三, column “{col}”: 一 new {new} + 二 carried over {carried} = {expected}, but （七）总计 {handled} + 四 carried to next year {carryNext} = {actual}.",
    },
  },
  run({ report }, emit) {
    const t = report.section3;
    if (!t) return;
    for (const col of t.def.cols) {
      const nums = {
        new: tableCell(t, "new", col.key),
        carried: tableCell(t, "carried", col.key),
        handled: tableCell(t, "handled", col.key),
        carryNext: tableCell(t, "carryNext", col.key),
      };
      const newCount = arith(nums.new);
      const carried = arith(nums.carried);
      const handled = arith(nums.handled);
      const carryNext = arith(nums.carryNext);
      if (newCount === undefined || carried === undefined || handled === undefined || carryNext === undefined) continue;
      const v = { new: newCount, carried, handled, carryNext };
      const left = clean(v.new + v.carried);
      const right = clean(v.handled + v.carryNext);
      if (sameNumber(left, right)) continue;
      const filled = {
        new: missingTotal(t, "new", col.key) ?? newCount,
        carried: missingTotal(t, "carried", col.key) ?? carried,
        handled: missingTotal(t, "handled", col.key) ?? handled,
        carryNext: missingTotal(t, "carryNext", col.key) ?? carryNext,
      };
      if (sameNumber(clean(filled.new + filled.carried), clean(filled.handled + filled.carryNext))) continue;
      emit({
        messageId: "mismatch",
        cells: [nums.new?.cell, nums.carried?.cell, nums.handled?.cell, nums.carryNext?.cell],
        params: { col: colLabel(col), ...v, expected: left, actual: right },
        expected: left,
        actual: right,
      });
    }
  },
});

/**
 * The sum a blank total of the balance is missing, as s3-row-sum (a 总计 cell: the applicant columns) or
 * s3-column-sum (a （七）总计 cell: the outcome items) reports it; undefined when the cell is not such a total.
 */
function missingTotal(t: TableData, rowKey: string, colKey: string): number | undefined {
  const total = tableCell(t, rowKey, colKey);
  const sums: number[] = [];
  if (colKey === "total") {
    const parts = t.def.cols.filter((c) => c.key !== "total").map((c) => tableCell(t, rowKey, c.key));
    const r = checkSum(parts, total);
    if (r.kind === "blankTotal") sums.push(r.expected);
  }
  if (rowKey === "handled") {
    const items = t.def.rows.filter((r) => r.outcome).map((r) => tableCell(t, r.key, colKey));
    const r = checkSum(items, total);
    if (r.kind === "blankTotal") sums.push(r.expected);
  }
  // Both relations name the （七）总计 cell of the 总计 column: only a sum they agree on stands for it.
  return sums.length > 0 && sums.every((x) => sameNumber(x, sums[0]!)) ? sums[0] : undefined;
}
