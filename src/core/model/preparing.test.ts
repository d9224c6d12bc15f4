import { strict as assert } from "node:assert";
import { fillTable } from "./build";
import { FORMAT_2021 } from "./format";
import { dueReportYear, fillProgress, isComputedTotal, progressText } from "./preparing";
import { emptyReport } from "./build";

describe("preparing: parts, totals, progress and the year due", () => {
  it("knows the totals the table computes", () => {
    const s3 = FORMAT_2021.section3;
    const s4 = FORMAT_2021.section4;
    assert.equal(isComputedTotal(s3, "new", "total"), true);
    assert.equal(isComputedTotal(s3, "handled", "natural"), true);
    assert.equal(isComputedTotal(s3, "carryNext", "natural"), false);
    assert.equal(isComputedTotal(s4, "count", "review.total"), true);
    assert.equal(isComputedTotal(s4, "count", "review.upheld"), false);
    assert.equal(isComputedTotal(FORMAT_2021.section2[0]!, "rules", "inForce"), false);
  });

  it("counts the parts filled (0 is filled, a blank is not; totals do not count)", () => {
    const r = emptyReport("2021");
    const place = { sheet: "公开数据", row: 10, col: 3 };
    const rows: Record<string, Record<string, number | null>> = {};
    for (const row of FORMAT_2021.section3.rows) {
      rows[row.key] = Object.fromEntries(FORMAT_2021.section3.cols.map((c) => [c.key, null]));
    }
    rows.new!.natural = 5;
    rows.new!.commercial = 0;
    rows.new!.total = 5; // a total: not counted
    r.section3 = fillTable(FORMAT_2021.section3, rows, place);
    const p = fillProgress(r);
    assert.equal(p.total, 24 * 6);
    assert.equal(p.filled, 2);
    assert.equal(p.tables[0]!.blanks.length, 24 * 6 - 2);
    assert.deepEqual(p.tables[0]!.blanks[0], { sheet: "公开数据", row: 10, col: 5 });
    assert.equal(progressText(p, "zh"), "已填 2 / 144 项");
    assert.equal(progressText(p, "en"), "2 of 144 figures filled");
  });

  it("defaults to the year whose report is due", () => {
    assert.equal(dueReportYear(new Date(2026, 11, 4)), 2026, "December: the year now ending");
    assert.equal(dueReportYear(new Date(2027, 0, 15)), 2026, "January: the year just ended");
    assert.equal(dueReportYear(new Date(2027, 2, 31)), 2026, "March");
    assert.equal(dueReportYear(new Date(2027, 6, 1)), 2026, "otherwise the current year minus one");
    assert.equal(dueReportYear(new Date(2027, 10, 30)), 2026, "November");
  });
});
