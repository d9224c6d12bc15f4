import assert from "node:assert/strict";
import { cellAddress } from "../grid";
import { cellKey } from "../model/format";
import type { Num, Report } from "../model/report";
import { readWorkbook } from "../read";
import { planToGrid, templatePlan } from "../render";
import { runChecks } from "./index";
import { noFigures } from "./no-figures";
import { PLACE, report2021, runCheck, seedReport, summary } from "./reports.testutil";

/** Every figure of the report blanked (value null, no issue): a template checked before anything is typed. */
function blanked(r: Report): Report {
  const clear = (n: Num | undefined): void => {
    if (!n) return;
    n.value = null;
    delete n.issue;
    delete n.text;
  };
  for (const t of [...Object.values(r.section2), r.section3, r.section4]) {
    if (!t) continue;
    Object.values(t.cells).forEach(clear);
    Object.values(t.prior ?? {}).forEach(clear);
  }
  const walk = (b: NonNullable<Report["proactive"]>): void => {
    clear(b.total);
    b.categories.forEach((c) => clear(c.count));
    b.children.forEach(walk);
  };
  if (r.proactive) walk(r.proactive);
  return r;
}

describe("no-figures", () => {
  it("passes reports with figures, a report of zeros included", () => {
    assert.deepEqual(runCheck(noFigures, report2021()), []);
    assert.deepEqual(runCheck(noFigures, seedReport()), []);
    const zeros = blanked(report2021());
    zeros.section4!.cells[cellKey("count", "review.upheld")]!.value = 0;
    assert.deepEqual(runCheck(noFigures, zeros), [], "one 0 typed in is a figure");
  });

  it("reports a report with no figure at all, naming the first input cell of each table", () => {
    const r = blanked(report2021());
    const found = runCheck(noFigures, r);
    assert.deepEqual(found.map(summary), [
      {
        rule: "no-figures",
        severity: "error",
        messageId: "empty",
        // The top-left input cell of each table, where the test report places it.
        cells: [PLACE.item1, PLACE.item5, PLACE.item6, PLACE.item8, PLACE.s3, PLACE.s4].map(cellAddress),
      },
    ]);
    const count = Object.values(r.section2).reduce((s, t) => s + Object.keys(t.cells).length, 0);
    const all = count + Object.keys(r.section3!.cells).length + Object.keys(r.section4!.cells).length;
    assert.equal(found[0]!.params.count, all);
    assert.equal(found[0]!.params.first, cellAddress(PLACE.item1));
  });

  it("counts an unreadable cell or a free-form category count as filled in", () => {
    const text = blanked(report2021());
    Object.assign(text.section3!.cells[cellKey("new", "natural")]!, { issue: "not-a-number", text: "无" });
    assert.deepEqual(runCheck(noFigures, text), []);
    const seed = blanked(seedReport());
    assert.equal(runCheck(noFigures, seed).length, 1, "a free-form report with every count blank");
    seed.proactive!.categories[0]!.count.value = 72;
    assert.deepEqual(runCheck(noFigures, seed), []);
  });

  it("a fresh 编制 template: no error, one information that it is not started, no blank-cell per table", () => {
    const read = readWorkbook({ sheets: [planToGrid(templatePlan({ year: 2024 }))] });
    assert.ok(read.ok);
    assert.equal(read.report.meta.mode?.value, "编制");
    const findings = runChecks(read.report);
    assert.deepEqual(
      findings.filter((f) => f.severity !== "info").map((f) => f.rule),
      [],
    );
    const started = findings.filter((f) => f.rule === "no-figures");
    assert.equal(started.length, 1);
    assert.equal(started[0]!.messageId, "notStarted");
    assert.equal(started[0]!.params.count, 166, "the parts of the 2021 tables (totals compute)");
    assert.match(started[0]!.params.first as string, /^公开数据!/);
    assert.deepEqual(
      findings.filter((f) => f.rule === "blank-cell"),
      [],
    );
  });

  it("a blank sheet that does not say it is for preparing: one error", () => {
    const r = blanked(report2021());
    assert.deepEqual(
      runCheck(noFigures, r).map((f) => [f.severity, f.messageId]),
      [["error", "empty"]],
    );
  });
});
