import assert from "node:assert/strict";
import { cellKey } from "../model/format";
import { report2021, runCheck, summary } from "./reports.testutil";
import { formatMessage } from "./index";
import { textNumber } from "./text-number";

describe("text-number", () => {
  it("passes numbers typed as numbers", () => {
    assert.deepEqual(runCheck(textNumber, report2021()), []);
  });

  it("warns about one number typed as text, keeping the number", () => {
    const r = report2021();
    Object.assign(r.section2["s2.item5"]!.cells[cellKey("licensing", "decisions")]!, { issue: "text", text: "1,20" });
    assert.deepEqual(runCheck(textNumber, r).map(summary), [
      {
        rule: "text-number",
        severity: "warning",
        messageId: "text",
        cells: ["公开数据!B24"],
        expected: 120,
        actual: "文本“1,20”",
      },
    ]);
  });

  it("many text numbers, zero marks and annotations: one finding each for the whole report, with counts per table", () => {
    const r = report2021();
    Object.assign(r.section2["s2.item5"]!.cells[cellKey("licensing", "decisions")]!, { issue: "text", text: "1,20" });
    Object.assign(r.meta.fee!, { issue: "text", text: "０" });
    for (const k of ["natural", "commercial", "research"]) {
      const n = r.section3!.cells[cellKey("open", k)]!;
      Object.assign(n, { issue: "text", text: `${n.value}件` });
    }
    for (const k of ["legal", "otherOrg"])
      Object.assign(r.section3!.cells[cellKey("open", k)]!, {
        value: 0,
        issue: "text",
        text: "—",
        reading: "zero-mark",
      });
    Object.assign(r.section3!.cells[cellKey("new", "natural")]!, {
      issue: "text",
      text: "12（其中转办3件）",
      reading: "annotated",
    });
    const found = runCheck(textNumber, r);
    assert.deepEqual(
      found.map((f) => [f.messageId, f.severity, f.cells.length]),
      [
        ["grouped", "warning", 5],
        ["zeroMarks", "info", 2],
        ["annotated", "info", 1],
      ],
    );
    const msg = formatMessage(found[0]!, "zh");
    assert.match(
      msg,
      /^5个数字是文本形式（二、第二十条第（五）项 1个，三、收到和处理政府信息公开申请情况 3个，信息处理费 1个；如 B24“1,20”、D33“10件”、E33“3件”…）/,
    );
    assert.match(formatMessage(found[1]!, "zh"), /2处以“—”表示没有/);
    assert.match(formatMessage(found[2]!, "zh"), /“12（其中转办3件）”/);
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
