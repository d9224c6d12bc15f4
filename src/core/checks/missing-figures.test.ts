import assert from "node:assert/strict";
import { formatMessage } from "./index";
import { missingFigures } from "./missing-figures";
import { at, report2021, runCheck, seedReport, summary } from "./reports.testutil";

describe("missing-figures", () => {
  it("passes a complete report and a free-form one", () => {
    assert.deepEqual(runCheck(missingFigures, report2021()), []);
    assert.deepEqual(runCheck(missingFigures, seedReport()), []);
  });

  it("reports missing rows, columns and tables by label", () => {
    const r = report2021();
    r.section3!.missingRows.push("withheld.safety");
    r.section3!.missingCols.push("research");
    delete r.section4;
    const found = runCheck(missingFigures, r);
    assert.deepEqual(found.map(summary), [
      { rule: "missing-figures", severity: "error", messageId: "row", cells: [] },
      { rule: "missing-figures", severity: "error", messageId: "col", cells: [] },
      { rule: "missing-figures", severity: "error", messageId: "table", cells: [] },
    ]);
    assert.deepEqual(
      found.map((f) => formatMessage(f, "zh")),
      [
        "三、收到和处理政府信息公开申请情况：未找到行“3.危及“三安全一稳定””，其数字无法核对。",
        "三、收到和处理政府信息公开申请情况：未找到列“法人或其他组织·科研机构”，其数字无法核对。",
        "未找到表格“四、政府信息公开行政复议、行政诉讼情况”，其数字无法核对。",
      ],
    );
  });

  it("reports the reader's notes once, without repeating the rows, columns or sections they name", () => {
    const r = report2021();
    r.section3!.missingRows.push("withheld.safety");
    delete r.section4;
    delete r.section2["s2.item5"];
    r.notFound.push(
      {
        code: "missing-row",
        cells: [],
        params: { table: "s3", row: "withheld.safety", label: "（三）不予公开3.危及" },
      },
      {
        code: "missing-section",
        cells: [],
        params: { section: "四", label: "四、政府信息公开行政复议、行政诉讼情况" },
      },
      { code: "missing-table", cells: [], params: { table: "s2.item5", label: "第二十条第（五）项" } },
      { code: "something-else", cells: [at(99, 0)], params: { label: "主动公开政府信息分类" } },
      { code: "no-year", cells: [], params: { label: "报告年度" } }, // no-year's
    );
    const found = runCheck(missingFigures, r);
    assert.deepEqual(
      found.map((f) => [f.messageId, summary(f).cells, f.params["label"]]),
      [
        ["row", [], "3.危及“三安全一稳定”"],
        ["notFound", [], "四、政府信息公开行政复议、行政诉讼情况"],
        ["table", [], "二、第二十条第（五）项"],
        ["notFound", ["公开数据!A100"], "主动公开政府信息分类"],
      ],
    );
  });
});
