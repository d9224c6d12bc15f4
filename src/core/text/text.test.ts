/** The sentences of sentences.testutil.ts against their tables: exactly the findings each must give. */
import assert from "node:assert/strict";
import type { Finding } from "../checks";
import { CELL, CONSTRUCTED, REAL_PASS, REAL_RAISE, REFERENCE, TEXT_CASES, textFindings } from "./sentences.testutil";

function ruleIds(fs: Finding[]): string[] {
  return fs.map((f) => `${f.rule}/${f.messageId}`).sort();
}

describe("text / sentences against tables", () => {
  for (const [name, list] of [
    ["reference examples", REFERENCE],
    ["real sentences, contradicted", REAL_RAISE],
    ["real sentences, consistent", REAL_PASS],
    ["constructed", CONSTRUCTED],
  ] as const) {
    describe(name, () => {
      for (const c of list) {
        it(`${c.note ?? ""}: ${c.text.slice(0, 40)}…`, () => {
          const fs = textFindings(c);
          assert.deepEqual(ruleIds(fs), [...c.expect].sort(), fs.map((f) => JSON.stringify(f.params)).join("\n"));
          for (const f of fs) {
            assert.ok(f.text, "a text finding says where in the text");
            assert.equal(f.cells[0]?.sheet, CELL.sheet, "the text cell comes first");
            assert.ok(f.text.quote.length > 0 && c.text.includes(f.text.quote));
            assert.ok(f.text.start >= f.text.quoteStart && f.text.end <= f.text.quoteStart + f.text.quote.length);
          }
        });
      }
    });
  }

  it("has at least 60 sentences, half real, 15 that must raise and 15 that must pass", () => {
    assert.ok(TEXT_CASES.length >= 60, `${TEXT_CASES.length} sentences`);
    assert.ok(TEXT_CASES.filter((c) => c.real).length * 2 >= TEXT_CASES.length, "half real");
    assert.ok(TEXT_CASES.filter((c) => c.expect.length > 0).length >= 15, "must raise");
    assert.ok(TEXT_CASES.filter((c) => c.expect.length === 0).length >= 15, "must pass");
  });
});
