import assert from "node:assert/strict";
import { cellKey } from "../model/format";
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

  it("leaves blanks and numbers typed as text alone", () => {
    const r = report2021();
    Object.assign(r.section3!.cells[cellKey("new", "natural")]!, { value: 20, issue: "text", text: "20件" });
    Object.assign(r.section3!.cells[cellKey("new", "legal")]!, { value: null });
    assert.deepEqual(runCheck(notANumber, r), []);
  });
});
