import assert from "node:assert/strict";
import { formatMessage } from "./index";
import { readerNotes } from "./reader-notes";
import { at, report2021, runCheck, summary } from "./reports.testutil";

describe("reader-notes", () => {
  it("says nothing when the reader noted nothing (or only text numbers, which text-number reports)", () => {
    const r = report2021();
    assert.deepEqual(runCheck(readerNotes, r), []);
    r.notes.push({ code: "text-number", cells: [at(3, 3)], params: { count: 1 } });
    assert.deepEqual(runCheck(readerNotes, r), []);
  });

  it("reports a table found twice with both places and the one that was read", () => {
    const r = report2021();
    r.notes.push({ code: "ambiguous", cells: [at(10, 0), at(40, 0)], params: { what: "s4", table: "s4" } });
    const f = runCheck(readerNotes, r);
    assert.deepEqual(f.map(summary), [
      {
        rule: "reader-notes",
        severity: "warning",
        messageId: "ambiguousTable",
        cells: ["公开数据!A11", "公开数据!A41"],
      },
    ]);
    assert.match(formatMessage(f[0]!, "zh"), /四、政府信息公开行政复议、行政诉讼情况/);
    assert.match(formatMessage(f[0]!, "en"), /A11 was read/);
  });

  it("makes numbers beyond 2^53 an error and names the sheets of an ambiguous workbook", () => {
    const r = report2021();
    r.notes.push({ code: "unsafe-number", cells: [at(5, 3)], params: { count: 1 } });
    r.notes.push({ code: "ambiguous", cells: [at(0, 0)], params: { what: "sheet", sheets: "A、B" } });
    const f = runCheck(readerNotes, r);
    assert.deepEqual(
      f.map((x) => [x.messageId, x.severity]),
      [
        ["unsafeNumber", "error"],
        ["ambiguousSheet", "warning"],
      ],
    );
    assert.match(formatMessage(f[1]!, "zh"), /A、B/);
  });

  it("does not drop a note it does not know", () => {
    const r = report2021();
    r.notes.push({ code: "something-new", cells: [] });
    assert.deepEqual(
      runCheck(readerNotes, r).map((x) => [x.messageId, x.severity]),
      [["other", "info"]],
    );
  });
});
