import assert from "node:assert/strict";
import { breakdownSum } from "./breakdown-sum";
import { cellAddress } from "../grid";
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

describe("breakdown-sum: suggested fix", () => {
  const fixes = (r: ReturnType<typeof seedReport>): [string, unknown][] =>
    runCheck(breakdownSum, r).map((x) => [x.messageId, x.fix && [cellAddress(x.fix.cell), x.fix.value]]);

  it("offers 合计 := the sum when every category is a clean number, for a wrong or a blank 合计", () => {
    const r = seedReport();
    r.proactive = seedProactive(SEED_CATEGORIES, 1120);
    assert.deepEqual(fixes(r), [["mismatch", ["公开数据!B19", 1119]]]);
    const areas = SEED_AREAS.map(([n, c]): [string, number] => [n, n === "环境保护信息" ? 25 : c]);
    r.proactive = seedProactive(SEED_CATEGORIES, null, areas);
    assert.deepEqual(fixes(r), [
      ["blankTotal", ["公开数据!B19", 1119]],
      ["mismatch", ["公开数据!B33", 383]],
    ]);
  });

  it("offers no fix when a category is blank, text or fractional, nor for a sub-total that exceeds its whole", () => {
    const r = seedReport();
    r.proactive = seedProactive(SEED_CATEGORIES, 1120);
    r.proactive.categories[0]!.count.value = null; // blank 政府文件: the 72 may be what is missing
    assert.deepEqual(fixes(r), [["mismatch", undefined]]);
    r.proactive = seedProactive(SEED_CATEGORIES, 1120);
    Object.assign(r.proactive.categories[1]!.count, { issue: "text", text: "2" });
    assert.deepEqual(fixes(r), [["mismatch", undefined]]);
    r.proactive = seedProactive(SEED_CATEGORIES, 1120);
    r.proactive.categories[1]!.count.value = 2.5;
    assert.deepEqual(fixes(r), [["mismatch", undefined]]);
    r.proactive = seedProactive(SEED_CATEGORIES, 1119, [["行政权力信息", 1200]], 1200);
    assert.deepEqual(fixes(r), [["childExceeds", undefined]]);
  });
});
