import assert from "node:assert/strict";
import { at, report2021, runCheck, seedReport, summary } from "./reports.testutil";
import { otherYearText } from "./other-year-text";

describe("other-year-text", () => {
  it("passes titles with the report year, and body text citing other years", () => {
    assert.deepEqual(runCheck(otherYearText, seedReport()), []);
    const r = report2021();
    r.texts.push(
      {
        text: "根据《2018年政务公开工作要点》，2022年1月前完成年度报告发布工作，并对2019年以来的报告进行了复查。",
        cell: at(70, 0),
      },
      { text: "2022年1月20日", cell: at(71, 0) },
      { text: "关于印发《2018年全区政务公开工作实施方案》的报告", cell: at(72, 0) },
    );
    assert.deepEqual(runCheck(otherYearText, r), []);
  });

  it("warns about a title naming another year", () => {
    const r = report2021(undefined, 2023);
    r.texts = [{ text: "2019年政府信息公开工作年度报告数据表", cell: at(0, 0) }];
    const found = runCheck(otherYearText, r);
    assert.deepEqual(found.map(summary), [
      {
        rule: "other-year-text",
        severity: "warning",
        messageId: "otherYear",
        cells: ["公开数据!A1"],
        expected: 2023,
        actual: 2019,
      },
    ]);
  });

  it("says nothing without a year", () => {
    const r = report2021();
    delete r.meta.year;
    r.texts = [{ text: "2015年政府信息公开工作年度报告", cell: at(0, 0) }];
    assert.deepEqual(runCheck(otherYearText, r), []);
    assert.equal(runCheck(otherYearText, r, { year: 2021 }).length, 1);
  });
});
