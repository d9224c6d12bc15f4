import assert from "node:assert/strict";
import { FORMAT_2019 } from "../model/format";
import { fillTable } from "../model/build";
import { figures2021, report2021, runCheck, summary } from "./reports.testutil";
import { wholeNumber } from "./whole-number";

describe("whole-number", () => {
  it("passes whole counts and an amount in 万元 with decimals", () => {
    assert.deepEqual(runCheck(wholeNumber, report2021()), []);
  });

  it("flags a fractional count, a negative count and a negative amount", () => {
    const f = figures2021();
    f.item5["licensing"]!["decisions"] = 12.5;
    f.s4["count"]!["review.other"] = -1;
    f.item8["fees"]!["amount"] = -3.2;
    const found = runCheck(wholeNumber, report2021(f)).map(summary);
    assert.deepEqual(found, [
      { rule: "whole-number", severity: "error", messageId: "fraction", cells: ["公开数据!B24"], actual: 12.5 },
      { rule: "whole-number", severity: "error", messageId: "negativeAmount", cells: ["公开数据!B29"], actual: -3.2 },
      { rule: "whole-number", severity: "error", messageId: "negative", cells: ["公开数据!D61"], actual: -1 },
    ]);
  });

  it("lets 本年增/减 of the 2019 format be negative but not fractional", () => {
    const r = report2021();
    r.format = "2019";
    const t = fillTable(
      FORMAT_2019.section2[1]!,
      {
        licensing: { priorCount: 10, change: -3, decisions: 7 },
        otherServices: { priorCount: 2, change: 0.5, decisions: 1 },
      },
      { sheet: "公开数据", row: 23, col: 1 },
    );
    r.section2 = { "s2.item5": t };
    assert.deepEqual(runCheck(wholeNumber, r).map(summary), [
      { rule: "whole-number", severity: "error", messageId: "fraction", cells: ["公开数据!C25"], actual: 0.5 },
    ]);
  });

  it("checks the free-form breakdown counts too", () => {
    const r = report2021();
    r.proactive = {
      name: "主动公开政府信息",
      total: { value: 10.5, cell: { sheet: "公开数据", row: 18, col: 1 } },
      categories: [],
      partition: true,
      children: [],
    };
    assert.deepEqual(
      runCheck(wholeNumber, r).map((x) => summary(x).cells),
      [["公开数据!B19"]],
    );
  });
});
