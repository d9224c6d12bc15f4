import assert from "node:assert/strict";
import { formatYear } from "./format-year";
import { report2021, runCheck, seedReport, summary } from "./reports.testutil";

describe("format-year", () => {
  it("passes the 2021 format for 2021+, the 2019 format for 2019-2020 and free form before 2019", () => {
    assert.deepEqual(runCheck(formatYear, report2021(undefined, 2023)), []);
    const r2019 = report2021(undefined, 2020);
    r2019.format = "2019";
    assert.deepEqual(runCheck(formatYear, r2019), []);
    assert.deepEqual(runCheck(formatYear, seedReport()), []);
  });

  it("warns about the 2021 format before 2021 and the 2019 format from 2021", () => {
    assert.deepEqual(runCheck(formatYear, report2021(undefined, 2020)).map(summary), [
      {
        rule: "format-year",
        severity: "warning",
        messageId: "wrongFormat",
        cells: ["公开数据!B3"],
        expected: "2019",
        actual: "2021",
      },
    ]);
    const r = report2021(undefined, 2022);
    r.format = "2019";
    assert.deepEqual(
      runCheck(formatYear, r).map((f) => [f.expected, f.actual]),
      [["2021", "2019"]],
    );
  });

  it("warns about a free-form report for 2019 or later, also when the year comes from the options", () => {
    const r = seedReport();
    delete r.meta.year;
    assert.deepEqual(runCheck(formatYear, r), []);
    const found = runCheck(formatYear, r, { year: 2019 });
    assert.deepEqual(found.map(summary), [
      {
        rule: "format-year",
        severity: "warning",
        messageId: "freeForm",
        cells: [],
        expected: "2019",
        actual: "free-form",
      },
    ]);
  });
});
