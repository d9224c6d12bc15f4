import assert from "node:assert/strict";
import { figures2021, report2021, rowCells, runCheck, summary } from "./reports.testutil";
import { s3RowSum } from "./s3-row-sum";
import { cellKey } from "../model/format";

describe("s3-row-sum", () => {
  it("passes a consistent report", () => {
    assert.deepEqual(runCheck(s3RowSum, report2021()), []);
  });

  it("names every cell of a row whose applicant columns do not sum to 总计", () => {
    const f = figures2021();
    f.s3["open"]!["natural"] = 11; // row （一）予以公开: 11 + 3 + 0 + 0 + 2 + 0 = 16, 总计 still 15
    const found = runCheck(s3RowSum, report2021(f)).map(summary);
    assert.deepEqual(found, [
      {
        rule: "s3-row-sum",
        severity: "error",
        messageId: "mismatch",
        cells: rowCells("DEFGHIJ", 33),
        expected: 16,
        actual: 15,
      },
    ]);
  });

  it("reports a blank 总计 beside non-zero parts as a missing total", () => {
    const f = figures2021();
    f.s3["partial"]!["total"] = null;
    const found = runCheck(s3RowSum, report2021(f));
    assert.deepEqual(found.map(summary), [
      { rule: "s3-row-sum", severity: "error", messageId: "blankTotal", cells: rowCells("DEFGHIJ", 34), expected: 3 },
    ]);
    assert.equal(found[0]!.params["row"], "（二）部分公开（区分处理的，只计这一情形，不计其他情形）");
  });

  it("counts blanks as 0: a blank part that makes the row fail is an error, an all-blank row is not", () => {
    const f = figures2021();
    f.s3["open"]!["commercial"] = null; // 10 + 0 + 2 = 12 against 15
    for (const col of Object.keys(f.s3["withheld.law"]!)) f.s3["withheld.law"]![col] = null;
    assert.deepEqual(
      runCheck(s3RowSum, report2021(f)).map((x) => [x.messageId, x.expected, x.actual]),
      [["mismatch", 12, 15]],
    );
  });

  it("leaves a row with an unreadable cell to not-a-number", () => {
    const r = report2021();
    const n = r.section3!.cells[cellKey("open", "natural")]!;
    Object.assign(n, { value: null, issue: "not-a-number", text: "十" });
    r.section3!.cells[cellKey("open", "total")]!.value = 99;
    assert.deepEqual(runCheck(s3RowSum, r), []);
  });
});
