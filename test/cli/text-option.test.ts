/**
 * check --text: a report's text kept in Word (or plain text) is checked against the workbook's tables;
 * the human output quotes the sentence with the figure marked, --json carries text {cell, start, end, quote}.
 */
import assert from "node:assert/strict";
import path from "node:path";
import { cli, ROOT } from "./helpers";

const FIELD = path.join(ROOT, "test", "fixtures", "field");
const BOOK = path.join(FIELD, "pingtan-2023.xlsx");

describe("cli / check --text", () => {
  for (const ext of ["docx", "txt"]) {
    it(`checks the sentences of a .${ext} report against the tables`, async () => {
      const run = await cli(["check", BOOK, "--text", path.join(FIELD, `report-2023.${ext}`), "--json"]);
      const findings = (
        JSON.parse(run.out) as {
          files: { findings: { rule: string; text?: { cell: string; start: number; end: number; quote: string } }[] }[];
        }
      ).files[0]!.findings.filter((f) => f.text);
      // Last year's sentence pasted into this year's report: the year, 75 received (81 in the table), 72 natural persons (80).
      assert.deepEqual(findings.map((f) => f.rule).sort(), ["text-count", "text-count", "text-count", "text-year"]);
      for (const f of findings) {
        assert.equal(f.text!.cell, `report-2023.${ext} 第2段`);
        assert.match(f.text!.quote, /^2022年，全区收到/);
      }
      const year = findings.find((f) => f.rule === "text-year")!;
      assert.equal(year.text!.quote.slice(year.text!.start, year.text!.end), "2022");
    });
  }

  it("quotes the sentence with the figure marked in the readable output", async () => {
    const run = await cli(["check", BOOK, "--text", path.join(FIELD, "report-2023.docx")]);
    assert.match(run.out, /原文（report-2023\.docx 第2段）：“2022年，全区收到政府信息公开申请【75】件/);
    const en = await cli(["check", BOOK, "--text", path.join(FIELD, "report-2023.docx"), "--lang", "en"]);
    assert.match(en.out, /Text \(report-2023\.docx ¶2\): “2022年，全区收到政府信息公开申请【75】件/);
  });

  it("says why a --text file cannot be read", async () => {
    const run = await cli(["check", BOOK, "--text", path.join(FIELD, "no-such-report.docx")]);
    assert.equal(run.code, 2);
    assert.match(run.err, /文件不存在/);
    const bad = await cli(["check", BOOK, "--text", BOOK]); // a zip without a Word body
    assert.equal(bad.code, 2);
    assert.match(bad.err, /Word/);
  });
});
