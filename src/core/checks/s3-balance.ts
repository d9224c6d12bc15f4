import { arith, clean, colLabel, defineCheck, sameNumber, tableCell } from "./define";

/** Section 三, every column: 一 + 二 = （七）总计 + 四 (the relation printed in the table's header note). */
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
