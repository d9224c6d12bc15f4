import assert from "node:assert/strict";
import { runChecks } from "./index";
import { textReport } from "../text/reports.testutil";

function check(text: string, table: Parameters<typeof textReport>[0]) {
  const r = textReport(table);
  r.prose = [{ text, cell: { sheet: "报告正文", row: 3, col: 0 } }];
  return runChecks(r).filter((f) => f.rule === "text-claim");
}

describe("text-claim", () => {
  it("raises on a text that the tables contradict, naming the text cell and the figure", () => {
    const text = "政府信息公开行政复议2件，均获维持。";
    const fs = check(text, { year: 2023, N: 5, cases: { review: [1, 0, 0, 1] } });
    assert.deepEqual(fs.map((f) => `${f.rule}/${f.messageId}`).sort(), ["text-claim/allUpheld"]);
    for (const f of fs) {
      assert.equal(f.cells[0]?.sheet, "报告正文");
      assert.ok(f.text && f.text.end > f.text.start && text.slice(f.text.start, f.text.end).length > 0);
    }
  });

  it("is silent when the text agrees", () => {
    assert.deepEqual(
      check("政府信息公开行政复议2件，均获维持。", { year: 2023, N: 5, cases: { review: [2, 0, 0, 0] } }),
      [],
    );
  });
});
