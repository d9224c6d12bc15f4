import assert from "node:assert/strict";
import { runChecks } from "./index";
import { textReport } from "../text/reports.testutil";

function check(text: string, table: Parameters<typeof textReport>[0]) {
  const r = textReport(table);
  r.prose = [{ text, cell: { sheet: "报告正文", row: 3, col: 0 } }];
  return runChecks(r).filter((f) => f.rule === "text-sum");
}

describe("text-sum", () => {
  it("raises on a text that the tables contradict, naming the text cell and the figure", () => {
    const text = "全年共公开政府信息100条，其中政策文件40条、工作动态50条、其他信息5条。";
    const fs = check(text, { year: 2023, N: 0 });
    assert.deepEqual(fs.map((f) => `${f.rule}/${f.messageId}`).sort(), ["text-sum/list"]);
    for (const f of fs) {
      assert.equal(f.cells[0]?.sheet, "报告正文");
      assert.ok(f.text && f.text.end > f.text.start && text.slice(f.text.start, f.text.end).length > 0);
    }
  });

  it("is silent when the text agrees", () => {
    assert.deepEqual(check("全年共公开政府信息100条，其中政策文件40条、工作动态60条。", { year: 2023, N: 0 }), []);
    // 其中 naming some parts only (no 其他 item): fewer than the total is not a finding.
    assert.deepEqual(check("全年共公开政府信息1260条，其中政策文件45条、工作动态860条。", { year: 2023, N: 0 }), []);
  });
});
