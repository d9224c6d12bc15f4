import assert from "node:assert/strict";
import { cellKey } from "../model/format";
import { formatMessage, runChecks } from ".";
import { cellAddress } from "../grid";
import { readWorkbook } from "../read";
import { planToGrid, templateForReport } from "../render";
import { notANumber } from "./not-a-number";
import { uncachedFormula } from "./uncached-formula";
import { report2021, runCheck, summary } from "./reports.testutil";

describe("uncached-formula", () => {
  it("passes a report of numbers", () => {
    assert.deepEqual(runCheck(uncachedFormula, report2021()), []);
  });

  it("names every formula without a result in one finding, and asks for one save in Excel", () => {
    const r = report2021();
    Object.assign(r.section3!.cells[cellKey("new", "natural")]!, {
      value: null,
      issue: "uncached-formula",
      formula: "=SUM(X1:X2)",
    });
    Object.assign(r.section4!.cells[cellKey("count", "review.total")]!, {
      value: null,
      issue: "uncached-formula",
      formula: "=SUM(B61:E61)",
    });
    const found = runCheck(uncachedFormula, r);
    assert.deepEqual(found.map(summary), [
      { rule: "uncached-formula", severity: "error", messageId: "uncached", cells: ["公开数据!D31", "公开数据!F61"] },
    ]);
    const zh = formatMessage(found[0]!, "zh");
    assert.match(zh, /请在 Excel 中打开并保存一次，以便计算公式结果/);
    assert.match(zh, /公开数据!D31、公开数据!F61/);
    // not-a-number leaves them to this check (one cause, one finding).
    assert.deepEqual(runCheck(notANumber, r), []);
  });
});

describe("dates and formulas without results, from the grid to the findings", () => {
  it("the reader keeps the host's cell kinds: a date is not-a-number's error, a formula without result this one's", () => {
    const { plan, report } = templateForReport(report2021());
    const sheet = planToGrid(plan);
    const license = report.section2["s2.item5"]!.cells[cellKey("licensing", "decisions")]!.cell!;
    const natural = report.section3!.cells[cellKey("new", "natural")]!.cell!;
    const put = (row: number, col: number, value: number | null, kind: "date" | "uncached", formula?: string) => {
      sheet.values[row - sheet.top]![col - sheet.left] = value;
      ((sheet.kinds ??= [])[row - sheet.top] ??= [])[col - sheet.left] = kind;
      if (formula) ((sheet.formulas ??= [])[row - sheet.top] ??= [])[col - sheet.left] = formula;
    };
    put(license.row, license.col, 45047, "date");
    put(natural.row, natural.col, null, "uncached", "=1+2");
    const read = readWorkbook({ sheets: [sheet] });
    assert.ok(read.ok);
    const found = runChecks(read.report).filter((f) => f.severity === "error");
    assert.deepEqual(found.map((f) => [f.rule, f.messageId, f.cells.map(cellAddress).join(",")]).sort(), [
      ["not-a-number", "date", cellAddress(license)],
      ["uncached-formula", "uncached", cellAddress(natural)],
    ]);
  });
});
