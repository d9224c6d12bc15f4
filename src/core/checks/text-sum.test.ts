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

  it("raises when the parts listed after 其中 exceed the total, with or without a 其他 item", () => {
    // More than the total is wrong whether or not the list is complete (the 其他 rule only excuses fewer).
    for (const text of ["共100条，其中A 60条、B 50条。", "全年共公开政府信息100条，其中政策文件60条、工作动态50条。"]) {
      const fs = check(text, { year: 2023, N: 0 });
      assert.deepEqual(
        fs.map((f) => `${f.rule}/${f.messageId}`),
        ["text-sum/list"],
        text,
      );
      assert.deepEqual([fs[0]!.expected, fs[0]!.actual, fs[0]!.params.diff], [100, 110, 10]);
      assert.equal(text.slice(fs[0]!.text!.start, fs[0]!.text!.end), "100");
    }
  });

  it("is silent when the text agrees", () => {
    assert.deepEqual(check("全年共公开政府信息100条，其中政策文件40条、工作动态60条。", { year: 2023, N: 0 }), []);
    // 其中 naming some parts only (no 其他 item): fewer than the total is not a finding.
    assert.deepEqual(check("全年共公开政府信息1260条，其中政策文件45条、工作动态860条。", { year: 2023, N: 0 }), []);
  });
});
