import assert from "node:assert/strict";
import { fillTable } from "../model/build";
import { FORMAT_2021 } from "../model/format";
import { inForce } from "./in-force";
import { figures2021, report2021, runCheck, summary } from "./reports.testutil";

describe("in-force", () => {
  it("passes when in force = last year + issued - repealed, and when last year is unknown", () => {
    assert.deepEqual(runCheck(inForce, report2021()), []);
    const f = figures2021();
    f.item1Prior = { rules: null };
    f.item1["rules"]!["inForce"] = 99;
    assert.deepEqual(runCheck(inForce, report2021(f)), []);
  });

  it("warns, naming 现行有效, 上年现行有效, 制发 and 废止", () => {
    const f = figures2021();
    f.item1["normativeDocs"]!["inForce"] = 45; // 37 + 5 - 2 = 40
    assert.deepEqual(runCheck(inForce, report2021(f)).map(summary), [
      {
        rule: "in-force",
        severity: "warning",
        messageId: "mismatch",
        cells: ["公开数据!D21", "公开数据!E21", "公开数据!B21", "公开数据!C21"],
        expected: 40,
        actual: 45,
      },
    ]);
  });

  it("takes last year's figure from last year's report when the sheet has no last-year column", () => {
    const f = figures2021();
    f.item1Prior = {};
    const r = report2021(f);
    r.prior = report2021(undefined, 2020);
    r.prior.section2["s2.item1"] = fillTable(
      FORMAT_2021.section2[0]!,
      { rules: { inForce: 10 }, normativeDocs: { inForce: 37 } },
      { sheet: "2020", row: 19, col: 1 },
    );
    assert.deepEqual(runCheck(inForce, r).map(summary), [
      {
        rule: "in-force",
        severity: "warning",
        messageId: "mismatch",
        cells: ["公开数据!D20", "'2020'!D20", "公开数据!B20", "公开数据!C20"],
        expected: 11,
        actual: 12,
      },
    ]);
  });
});
