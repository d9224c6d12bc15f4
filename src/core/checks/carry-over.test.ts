import assert from "node:assert/strict";
import { emptyReport, fillTable } from "../model/build";
import { FORMAT_2021 } from "../model/format";
import type { Report } from "../model/report";
import { carryOver } from "./carry-over";
import { report2021, runCheck, summary } from "./reports.testutil";

/** Last year's 四、结转下年度继续办理 as the counts sheet's extra row gives it (row 57, D57:J57). */
function priorWithCarry(values: Record<string, number | null>): Report {
  const prior = emptyReport("2021", "公开数据");
  const def = FORMAT_2021.section3;
  const carryIndex = def.rows.findIndex((r) => r.key === "carryNext");
  prior.section3 = fillTable(def, { carryNext: values }, { sheet: "公开数据", row: 56 - carryIndex, col: 3 });
  return prior;
}

const THIS_YEAR_CARRIED = {
  natural: 3,
  commercial: 0,
  research: 0,
  publicInterest: 0,
  legal: 0,
  otherOrg: 1,
  total: 4,
};

describe("carry-over", () => {
  it("passes when 二、上年结转 equals last year's 四 (blank = unknown), and without last year", () => {
    const r = report2021();
    assert.deepEqual(runCheck(carryOver, r), []);
    r.prior = priorWithCarry({ ...THIS_YEAR_CARRIED, research: null });
    assert.deepEqual(runCheck(carryOver, r), []);
  });

  it("treats a blank last-year cell as unknown, not 0", () => {
    const r = report2021();
    const blanks = Object.fromEntries(Object.keys(THIS_YEAR_CARRIED).map((k) => [k, null]));
    r.prior = priorWithCarry(blanks);
    assert.deepEqual(runCheck(carryOver, r), []);
    r.prior = priorWithCarry({ ...blanks, natural: 0 });
    assert.equal(runCheck(carryOver, r).length, 1, "a typed 0 is compared");
  });

  it("warns per column where they differ, naming both cells", () => {
    const r = report2021();
    r.prior = priorWithCarry({ ...THIS_YEAR_CARRIED, natural: 5, total: 6 });
    assert.deepEqual(runCheck(carryOver, r).map(summary), [
      {
        rule: "carry-over",
        severity: "warning",
        messageId: "mismatch",
        cells: ["公开数据!D32", "公开数据!D57"],
        expected: 5,
        actual: 3,
      },
      {
        rule: "carry-over",
        severity: "warning",
        messageId: "mismatch",
        cells: ["公开数据!J32", "公开数据!J57"],
        expected: 6,
        actual: 4,
      },
    ]);
  });
});
