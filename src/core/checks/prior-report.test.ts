import assert from "node:assert/strict";
import { cellKey } from "../model/format";
import { runChecks } from "./index";
import { priorReport } from "./prior-report";
import { report2021, runCheck, summary } from "./reports.testutil";

function pair(unit: string, priorUnit: string, year: number, priorYear: number) {
  const r = report2021(undefined, year);
  r.meta.body = { text: unit };
  const p = report2021(undefined, priorYear);
  p.meta.body = { text: priorUnit };
  // Last year's carry-over differs from this year's carried-over row: a carry-over warning when compared.
  p.section3!.cells[cellKey("carryNext", "natural")]!.value! += 5;
  r.prior = p;
  return r;
}

describe("prior-report", () => {
  it("passes the same unit's report of the year before; the cross-year checks run", () => {
    const r = pair("某县甲局", "某县 甲局", 2022, 2021);
    assert.deepEqual(runCheck(priorReport, r), []);
    assert.ok(runChecks(r).some((f) => f.rule === "carry-over"));
  });

  it("another unit: one warning, and no cross-year finding at all", () => {
    const r = pair("某县甲局", "某县乙局", 2022, 2021);
    const all = runChecks(r);
    assert.deepEqual(
      all.filter((f) => ["prior-report", "carry-over", "in-force", "copied-forward"].includes(f.rule)).map(summary),
      [{ rule: "prior-report", severity: "warning", messageId: "unit", cells: ["公开数据!B3"] }],
    );
  });

  it("another year (or the same year: a file given as its own prior): one warning naming both years", () => {
    for (const py of [2020, 2022]) {
      const r = pair("某县甲局", "某县甲局", 2022, py);
      const f = runChecks(r).filter((x) => ["prior-report", "carry-over"].includes(x.rule));
      assert.equal(f.length, 1);
      assert.equal(f[0]!.messageId, "year");
      assert.equal(f[0]!.expected, 2021);
      assert.equal(f[0]!.actual, py);
    }
  });
});
