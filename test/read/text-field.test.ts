/**
 * The field corpus (../shared/field/, copied to test/fixtures/field/): every narrative problem its README
 * lists is found, and nothing is said about the sentences it calls consistent.
 */
import assert from "node:assert/strict";
import path from "node:path";
import { readXlsx } from "../../src/cli/xlsx";
import { runChecks, type Finding } from "../../src/core/checks";
import { readWorkbook } from "../../src/core/read";

const DIR = path.join(__dirname, "..", "fixtures", "field");

async function textFindings(year: number): Promise<Finding[]> {
  const grid = await readXlsx(path.join(DIR, `pingtan-${year}.xlsx`));
  const r = readWorkbook(grid);
  assert.ok(r.ok);
  return runChecks(r.report).filter((f) => f.text !== undefined);
}

const EXPECTED: Record<number, { id: string; figure: string; quote: RegExp }[]> = {
  2019: [
    { id: "text-sum/list", figure: "2599", quote: /共公布政府信息2599条/ },
    { id: "text-count/missing", figure: "条", quote: /核准企业资质条/ },
  ],
  2020: [{ id: "text-sum/list", figure: "2602", quote: /共公布政府信息2602条/ }],
  2022: [{ id: "text-count/scope", figure: "75", quote: /收到政府信息公开申请75件/ }],
  2023: [],
  2024: [],
  2025: [],
};

describe("text / field corpus", () => {
  for (const [year, expected] of Object.entries(EXPECTED)) {
    it(`pingtan-${year}: ${expected.length ? expected.map((e) => e.id).join(", ") : "no text finding"}`, async () => {
      const fs = await textFindings(Number(year));
      assert.deepEqual(
        fs.map((f) => `${f.rule}/${f.messageId}`),
        expected.map((e) => e.id),
        fs.map((f) => f.text?.quote).join("\n"),
      );
      fs.forEach((f, i) => {
        const e = expected[i]!;
        assert.match(f.text!.quote, e.quote);
        assert.equal(f.cells[0]?.col, 0, "the paragraph's cell in column A");
        assert.ok(f.severity !== "error" || f.rule !== "text-count", "a scope question is a warning");
        const cellText = f.text!.quote;
        const local = f.text!.start - f.text!.quoteStart;
        assert.equal(cellText.slice(local, local + e.figure.length), e.figure);
      });
    });
  }
});
