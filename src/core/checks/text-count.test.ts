import assert from "node:assert/strict";
import { runChecks } from "./index";
import { textReport } from "../text/reports.testutil";
import { cellKey } from "../model/format";

function check(text: string, table: Parameters<typeof textReport>[0]) {
  const r = textReport(table);
  r.prose = [{ text, cell: { sheet: "报告正文", row: 3, col: 0 } }];
  return runChecks(r).filter((f) => f.rule === "text-count");
}

describe("text-count", () => {
  it("raises on a text that the tables contradict, naming the text cell and the figure", () => {
    const text = "市政府办公室代表市政府受理政府信息公开申请23件，全年共收到政府信息公开申请141件。";
    const fs = check(text, { year: 2023, N: 140 });
    assert.deepEqual(fs.map((f) => `${f.rule}/${f.messageId}`).sort(), ["text-count/unmatched", "text-count/wrong"]);
    for (const f of fs) {
      assert.equal(f.cells[0]?.sheet, "报告正文");
      assert.ok(f.text && f.text.end > f.text.start && text.slice(f.text.start, f.text.end).length > 0);
    }
  });

  it("is silent when the text agrees", () => {
    assert.deepEqual(check("全年共收到政府信息公开申请140件。", { year: 2023, N: 140 }), []);
  });

  it("a total typed over a changed part: text that agrees with the 总计 shown is not a second finding", () => {
    // 自然人 151 -> 161 while 总计 still says 154 (a review found "表格中本年新收为164" though the cell shows 154).
    const r = textReport({ year: 2023, N: 154, naturalNew: 151 });
    r.section3!.cells[cellKey("new", "natural")]!.value = 161;
    r.prose = [{ text: "全年共收到政府信息公开申请154件。", cell: { sheet: "报告正文", row: 3, col: 0 } }];
    const all = runChecks(r);
    assert.deepEqual(
      all.filter((f) => f.rule === "text-count"),
      [],
    );
    assert.ok(
      all.some((f) => f.rule === "s3-row-sum" && f.severity === "error"),
      "the row's own finding names it",
    );
    // Text that agrees with neither the shown total nor the sum is still wrong.
    r.prose = [{ text: "全年共收到政府信息公开申请150件。", cell: { sheet: "报告正文", row: 3, col: 0 } }];
    assert.equal(runChecks(r).filter((f) => f.rule === "text-count").length, 1);
  });
});
