import assert from "node:assert/strict";
import { cellKey } from "../model/format";
import { formatMessage } from ".";
import { notANumber } from "./not-a-number";
import { report2021, runCheck, summary } from "./reports.testutil";

describe("not-a-number", () => {
  it("passes a report of numbers", () => {
    assert.deepEqual(runCheck(notANumber, report2021()), []);
  });

  it("names the cell and the text of an unreadable figure, an error value and a boolean", () => {
    const r = report2021();
    Object.assign(r.section3!.cells[cellKey("new", "natural")]!, { value: null, issue: "not-a-number", text: "二十" });
    Object.assign(r.section4!.cells[cellKey("count", "review.total")]!, {
      value: null,
      issue: "error-value",
      text: "#REF!",
      formula: "=SUM(#REF!)",
    });
    Object.assign(r.section2["s2.item6"]!.cells[cellKey("penalty", "decisions")]!, {
      value: null,
      issue: "boolean",
      text: "TRUE",
    });
    const found = runCheck(notANumber, r);
    assert.deepEqual(found.map(summary), [
      { rule: "not-a-number", severity: "error", messageId: "boolean", cells: ["公开数据!B26"], actual: "TRUE" },
      { rule: "not-a-number", severity: "error", messageId: "text", cells: ["公开数据!D31"], actual: "二十" },
      { rule: "not-a-number", severity: "error", messageId: "errorValue", cells: ["公开数据!F61"], actual: "#REF!" },
    ]);
    assert.equal(
      found[1]!.params["label"],
      "三、收到和处理政府信息公开申请情况 一、本年新收政府信息公开申请数量 / 自然人",
    );
  });

  it("names a date or time in a count cell, with the number it would be, and never counts it", () => {
    const r = report2021();
    Object.assign(r.section2["s2.item5"]!.cells[cellKey("licensing", "decisions")]!, {
      value: null,
      issue: "date",
      text: "2023-05-01",
      serial: 45047,
    });
    Object.assign(r.section3!.cells[cellKey("new", "natural")]!, {
      value: null,
      issue: "time",
      text: "12:00",
      serial: 0.5,
    });
    const found = runCheck(notANumber, r);
    assert.deepEqual(
      found.map((f) => [f.messageId, f.cells.length, f.params["text"], f.params["serial"]]),
      [
        ["date", 1, "2023-05-01", "45047"],
        ["time", 1, "12:00", "0.5"],
      ],
    );
    assert.match(formatMessage(found[0]!, "zh"), /日期 2023-05-01（按数字为 45047）/);
  });

  it("leaves blanks and numbers typed as text alone", () => {
    const r = report2021();
    Object.assign(r.section3!.cells[cellKey("new", "natural")]!, { value: 20, issue: "text", text: "20件" });
    Object.assign(r.section3!.cells[cellKey("new", "legal")]!, { value: null });
    assert.deepEqual(runCheck(notANumber, r), []);
  });
});
