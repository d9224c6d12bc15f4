import assert from "node:assert/strict";
import { runChecks } from "./index";
import { textReport } from "../text/reports.testutil";

function check(text: string, table: Parameters<typeof textReport>[0]) {
  const r = textReport(table);
  r.prose = [{ text, cell: { sheet: "报告正文", row: 3, col: 0 } }];
  return runChecks(r).filter((f) => f.rule === "text-year");
}

describe("text-year", () => {
  it("raises on a text that the tables contradict, naming the text cell and the figure", () => {
    const text = "2022年，本机关共收到政府信息公开申请12件。";
    const fs = check(text, { year: 2023, N: 12 });
    assert.deepEqual(fs.map((f) => `${f.rule}/${f.messageId}`).sort(), ["text-year/this"]);
    for (const f of fs) {
      assert.equal(f.cells[0]?.sheet, "报告正文");
      assert.ok(f.text && f.text.end > f.text.start && text.slice(f.text.start, f.text.end).length > 0);
    }
  });

  it("is silent when the text agrees", () => {
    assert.deepEqual(check("2023年，本机关共收到政府信息公开申请12件。", { year: 2023, N: 12 }), []);
  });
});
