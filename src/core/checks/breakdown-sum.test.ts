import assert from "node:assert/strict";
import { breakdownSum } from "./breakdown-sum";
import {
  colCells,
  runCheck,
  SEED_AREAS,
  SEED_CATEGORIES,
  seedProactive,
  seedReport,
  summary,
} from "./reports.testutil";

describe("breakdown-sum", () => {
  it("passes the seed: 8 categories sum to 1119, 8 key areas to 382", () => {
    assert.deepEqual(runCheck(breakdownSum, seedReport()), []);
  });

  it("flags categories that do not sum to the total, naming every count and the total", () => {
    const r = seedReport();
    r.proactive = seedProactive(SEED_CATEGORIES, 1120);
    assert.deepEqual(runCheck(breakdownSum, r).map(summary), [
      {
        rule: "breakdown-sum",
        severity: "error",
        messageId: "mismatch",
        cells: colCells("B", 11, 19),
        expected: 1119,
        actual: 1120,
      },
    ]);
  });

  it("checks the key areas too, and a blank total beside counts", () => {
    const r = seedReport();
    const areas = SEED_AREAS.map(([n, c]): [string, number] => [n, n === "环境保护信息" ? 25 : c]);
    r.proactive = seedProactive(SEED_CATEGORIES, null, areas);
    assert.deepEqual(runCheck(breakdownSum, r).map(summary), [
      {
        rule: "breakdown-sum",
        severity: "error",
        messageId: "blankTotal",
        cells: colCells("B", 11, 19),
        expected: 1119,
      },
      {
        rule: "breakdown-sum",
        severity: "error",
        messageId: "mismatch",
        cells: colCells("B", 25, 33),
        expected: 383,
        actual: 382,
      },
    ]);
  });

  it("flags key areas that exceed the whole", () => {
    const r = seedReport();
    r.proactive = seedProactive(SEED_CATEGORIES, 1119, [["行政权力信息", 1200]], 1200);
    assert.deepEqual(runCheck(breakdownSum, r).map(summary), [
      {
        rule: "breakdown-sum",
        severity: "error",
        messageId: "childExceeds",
        cells: ["公开数据!B33", "公开数据!B19"],
        expected: 1119,
        actual: 1200,
      },
    ]);
  });
});
