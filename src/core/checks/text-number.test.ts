import assert from "node:assert/strict";
import { cellKey } from "../model/format";
import { report2021, runCheck, summary } from "./reports.testutil";
import { textNumber } from "./text-number";

describe("text-number", () => {
  it("passes numbers typed as numbers", () => {
    assert.deepEqual(runCheck(textNumber, report2021()), []);
  });

  it("warns about a number typed as text, keeping the number", () => {
    const r = report2021();
    Object.assign(r.section2["s2.item5"]!.cells[cellKey("licensing", "decisions")]!, { issue: "text", text: "1,20" });
    Object.assign(r.meta.fee!, { issue: "text", text: "０" });
    const found = runCheck(textNumber, r);
    assert.deepEqual(found.map(summary), [
      {
        rule: "text-number",
        severity: "warning",
        messageId: "text",
        cells: ["公开数据!B24"],
        expected: 120,
        actual: "文本“1,20”",
      },
      {
        rule: "text-number",
        severity: "warning",
        messageId: "text",
        cells: ["公开数据!B5"],
        expected: 0,
        actual: "文本“０”",
      },
    ]);
  });

  it("shows the typed text as the actual value, so that expected and actual never read alike", () => {
    const r = report2021();
    const cell = r.section3!.cells[cellKey("new", "natural")]!;
    Object.assign(cell, { issue: "text", text: String(cell.value) });
    const [f] = runCheck(textNumber, r);
    assert.equal(f!.expected, cell.value);
    assert.equal(f!.actual, `文本“${String(cell.value)}”`);
    assert.notEqual(String(f!.actual), String(f!.expected));
  });

  it("does not double an unreadable text (not-a-number's)", () => {
    const r = report2021();
    Object.assign(r.section3!.cells[cellKey("new", "natural")]!, { value: null, issue: "not-a-number", text: "二十" });
    assert.deepEqual(runCheck(textNumber, r), []);
  });
});
