import assert from "node:assert/strict";
import { runChecks } from "./index";
import { textReport } from "../text/reports.testutil";

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
});
