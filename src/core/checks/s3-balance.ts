import type { TableData } from "../model/report";
import { arith, checkSum, clean, sameNumber, type SumOutcome } from "./arithmetic";
import { defineCheck } from "./define";
import { colLabel, tableCell } from "./places";

/**
 * Section 三, every column: 一 + 二 = （七）总计 + 四 (the relation printed in the table's header note).
 * A total that s3-row-sum or s3-column-sum already reports (blank beside non-zero parts, or typed but disagreeing
 * with its parts) is one problem: when the balance holds with that total set to its parts' sum, the balance says
 * nothing more (one slip in （七）总计 would otherwise be reported three times).
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
        new: reportedTotal(t, "new", col.key) ?? newCount,
        carried: reportedTotal(t, "carried", col.key) ?? carried,
        handled: reportedTotal(t, "handled", col.key) ?? handled,
        carryNext: reportedTotal(t, "carryNext", col.key) ?? carryNext,
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
 * The sum a total of the balance should hold, as s3-row-sum (a 总计 cell: the applicant columns) or s3-column-sum
 * (a （七）总计 cell: the outcome items) reports it when the cell is blank or disagrees; undefined when neither
 * reports the cell.
 */
function reportedTotal(t: TableData, rowKey: string, colKey: string): number | undefined {
  const total = tableCell(t, rowKey, colKey);
  const results: SumOutcome[] = [];
  if (colKey === "total") {
    const parts = t.def.cols.filter((c) => c.key !== "total").map((c) => tableCell(t, rowKey, c.key));
    results.push(checkSum(parts, total));
  }
  if (rowKey === "handled") {
    const items = t.def.rows.filter((r) => r.outcome).map((r) => tableCell(t, r.key, colKey));
    results.push(checkSum(items, total));
  }
  // The （七）总计 cell of the 总计 column closes two relations: it is the odd one out only when no relation that
  // holds vouches for it (then a part elsewhere is wrong) and every relation that fails gives the same sum.
  // A blank total over blank parts holds vacuously and says nothing either way.
  const sums: number[] = [];
  for (const r of results) {
    if (r.kind === "blankTotal" || r.kind === "mismatch") sums.push(r.expected);
    else if (r.kind === "ok" && total?.value !== null && total?.value !== undefined) return undefined;
  }
  return sums.length > 0 && sums.every((x) => sameNumber(x, sums[0]!)) ? sums[0] : undefined;
}
