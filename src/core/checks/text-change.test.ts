import assert from "node:assert/strict";
import { runChecks } from "./index";
import { textReport } from "../text/reports.testutil";

function check(text: string, table: Parameters<typeof textReport>[0]) {
  const r = textReport(table);
  r.prose = [{ text, cell: { sheet: "报告正文", row: 3, col: 0 } }];
  return runChecks(r).filter((f) => f.rule === "text-change");
}

describe("text-change", () => {
  it("raises on a text that the tables contradict, naming the text cell and the figure", () => {
    const text = "全年共收到政府信息公开申请120件，同比增长30%。";
    const fs = check(text, { year: 2023, N: 120, prior: { N: 100 } });
    assert.deepEqual(fs.map((f) => `${f.rule}/${f.messageId}`).sort(), ["text-change/percent"]);
    for (const f of fs) {
      assert.equal(f.cells[0]?.sheet, "报告正文");
      assert.ok(f.text && f.text.end > f.text.start && text.slice(f.text.start, f.text.end).length > 0);
    }
  });

  it("is silent when the text agrees", () => {
    assert.deepEqual(
      check("全年共收到政府信息公开申请120件，同比增长20%。", { year: 2023, N: 120, prior: { N: 100 } }),
      [],
    );
  });
});
