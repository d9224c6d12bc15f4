import assert from "node:assert/strict";
import { runChecks } from "./index";
import { textReport } from "../text/reports.testutil";

function check(text: string, table: Parameters<typeof textReport>[0]) {
  const r = textReport(table);
  r.prose = [{ text, cell: { sheet: "报告正文", row: 3, col: 0 } }];
  return runChecks(r).filter((f) => f.rule === "text-share");
}

describe("text-share", () => {
  it("raises on a text that the tables contradict, naming the text cell and the figure", () => {
    const text = "全年办结政府信息公开申请81件，其中予以公开42件，占51.86%；不予公开39件，占48.1%。";
    const fs = check(text, { year: 2023, N: 81, G: [42, 0, 39, 0, 0, 0] });
    assert.deepEqual(fs.map((f) => `${f.rule}/${f.messageId}`).sort(), ["text-share/mixed", "text-share/wrong"]);
    for (const f of fs) {
      assert.equal(f.cells[0]?.sheet, "报告正文");
      assert.ok(f.text && f.text.end > f.text.start && text.slice(f.text.start, f.text.end).length > 0);
    }
  });

  it("is silent when the text agrees", () => {
    assert.deepEqual(
      check("全年办结政府信息公开申请81件，其中予以公开42件，占51.85%；不予公开39件，占48.15%。", {
        year: 2023,
        N: 81,
        G: [42, 0, 39, 0, 0, 0],
      }),
      [],
    );
  });
});
