/**
 * Property tests (fast-check):
 * - random grids, and the counts sheet with random damage, never make the reader throw, and the checks
 *   never throw on what it returns;
 * - random consistent figures (section 三 balanced per column, section 四 totals) written to the counts
 *   sheet read back to the same figures and pass every arithmetic check (no error finding);
 * - largest-remainder shares sum to exactly 100% and differ from independent rounding by at most one unit.
 */
import { strict as assert } from "node:assert";
import fc from "fast-check";
import type { CellRange, CellValue, SheetGrid, WorkbookGrid } from "../../src/core/grid";
import { findingCells, formatMessage, runChecks } from "../../src/core/checks";
import { cellKey, FORMAT_2021 } from "../../src/core/model/format";
import { fillTable, num } from "../../src/core/model/build";
import type { Num, Report, TableData } from "../../src/core/model/report";
import { readWorkbook } from "../../src/core/read";
import { planToGrid, renderReport, templateForReport, templatePlan } from "../../src/core/render";
import { shareSet, shareUnits, unitsPerWhole } from "../../src/core/shares";
import type { TieRule } from "../../src/core/shares/types";
import { cleanReport } from "../cli/helpers";
import { baseSheet } from "./catalogue";

const SEED = 20261127;
const RUNS = { random: 300, damaged: 300, consistent: 150, shares: 2000 };
let casesRun = 0;

/** Every label the template and the 2019 template use: random grids are made of the reader's own words. */
const VOCABULARY = [
  ...new Set(
    [baseSheet(), planToGrid(templatePlan({ year: 2020 }))]
      .flatMap((s) => s.values.flat())
      .filter((v): v is string => typeof v === "string"),
  ),
];

const cellValue: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 4, arbitrary: fc.constant(null) },
  { weight: 3, arbitrary: fc.constantFrom(...VOCABULARY) },
  { weight: 3, arbitrary: fc.integer({ min: -5, max: 2000 }) },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.constantFrom(2 ** 53 + 2, -(2 ** 60), 1e308, Number.MIN_VALUE, -0) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 8 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom("１２", "1,234", "12件", "6%", "0.5%", "-", "—", "无", "二〇二一年", "2021年", "#REF!"),
  },
  { weight: 1, arbitrary: fc.constantFrom<CellValue>({ error: "#REF!" }, { error: "#N/A" }, { error: "#DIV/0!" }) },
  { weight: 1, arbitrary: fc.boolean() },
);

const range: fc.Arbitrary<CellRange> = fc
  .tuple(fc.nat(40), fc.nat(20), fc.nat(5), fc.nat(5))
  .map(([top, left, h, w]) => ({ top, left, bottom: top + h, right: left + w }));

const randomSheet: fc.Arbitrary<SheetGrid> = fc.record({
  name: fc.oneof(fc.constantFrom("公开数据", "Sheet1", "My 'Sheet'", " "), fc.string({ maxLength: 10 })),
  top: fc.nat(30),
  left: fc.nat(10),
  values: fc.array(fc.array(cellValue, { maxLength: 20 }), { maxLength: 40 }),
  merges: fc.array(range, { maxLength: 6 }),
  hiddenRows: fc.array(fc.nat(60), { maxLength: 5 }),
  formulas: fc.array(
    fc.array(fc.oneof(fc.constant(null), fc.constantFrom("=SUM(D1:D9)", "=", "=A1/0")), { maxLength: 5 }),
    {
      maxLength: 5,
    },
  ),
});

/** Reading never throws and never fails internally; the checks and their messages never throw either. */
function readAndCheck(wb: WorkbookGrid): void {
  casesRun++;
  const r = readWorkbook(wb);
  if (!r.ok) {
    assert.notEqual(r.error.code, "internal", r.error.message.en);
    assert.ok(r.error.message.zh && r.error.message.en);
    return;
  }
  const findings = runChecks(r.report);
  for (const f of findings) {
    findingCells(f);
    formatMessage(f, "zh");
    formatMessage(f, "en");
  }
  renderReport(r.report);
  renderReport(r.report, { rounding: { decimals: 1, rounding: "half-even", largestRemainder: true } });
}

/** The counts sheet with random cells overwritten, rows removed or moved. */
const damagedSheet: fc.Arbitrary<SheetGrid> = fc
  .record({
    writes: fc.array(fc.tuple(fc.nat(95), fc.nat(19), cellValue), { minLength: 1, maxLength: 25 }),
    deletes: fc.array(fc.nat(95), { maxLength: 4 }),
    swaps: fc.array(fc.tuple(fc.nat(95), fc.nat(95)), { maxLength: 3 }),
    dropMerges: fc.boolean(),
  })
  .map(({ writes, deletes, swaps, dropMerges }) => {
    const s = baseSheet();
    for (const [r, c, v] of writes) {
      while (s.values.length <= r) s.values.push([]);
      s.values[r]![c] = v;
    }
    for (const [a, b] of swaps) {
      if (a < s.values.length && b < s.values.length) [s.values[a], s.values[b]] = [s.values[b]!, s.values[a]!];
    }
    for (const d of deletes) s.values.splice(d, 1);
    if (dropMerges) delete s.merges;
    return s;
  });

// ---------- consistent random figures ----------

const count = fc.oneof(
  { weight: 3, arbitrary: fc.nat(50) },
  { weight: 2, arbitrary: fc.nat(5000) },
  { weight: 1, arbitrary: fc.nat(2_000_000) },
);
const APPLICANT_COLS = FORMAT_2021.section3.cols.filter((c) => c.key !== "total").map((c) => c.key);
const OUTCOME_ROWS = FORMAT_2021.section3.rows.filter((r) => r.outcome).map((r) => r.key);

interface Figures {
  outcomes: number[][]; // [outcome row][applicant col]
  carryNext: number[];
  carriedShare: number[]; // 0..1: carried = floor(share * (handled + carryNext))
  s4: number[][]; // 3 groups x 4
  item5: number;
  item6: [number, number];
  item1: [number, number, number]; // prior in force, issued, repealed (<= prior + issued)
  categories: number[];
  fee: number;
}

const figures: fc.Arbitrary<Figures> = fc.record({
  outcomes: fc.array(fc.array(count, { minLength: 6, maxLength: 6 }), {
    minLength: OUTCOME_ROWS.length,
    maxLength: OUTCOME_ROWS.length,
  }),
  carryNext: fc.array(count, { minLength: 6, maxLength: 6 }),
  carriedShare: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 6, maxLength: 6 }),
  s4: fc.array(fc.array(count, { minLength: 4, maxLength: 4 }), { minLength: 3, maxLength: 3 }),
  item5: count,
  item6: fc.tuple(count, count),
  item1: fc.tuple(count, count, count),
  categories: fc.array(count, { minLength: 1, maxLength: 8 }),
  fee: fc.nat(100000),
});

function consistentReport(f: Figures): Report {
  const r = cleanReport();
  const rows: Record<string, Record<string, number>> = {};
  const handled = [0, 0, 0, 0, 0, 0];
  OUTCOME_ROWS.forEach((key, i) => {
    rows[key] = {};
    APPLICANT_COLS.forEach((c, j) => {
      rows[key]![c] = f.outcomes[i]![j]!;
      handled[j]! += f.outcomes[i]![j]!;
    });
  });
  const carried = handled.map((h, j) => Math.floor(f.carriedShare[j]! * (h + f.carryNext[j]!)));
  const fresh = handled.map((h, j) => h + f.carryNext[j]! - carried[j]!);
  const put = (key: string, v: number[]) => {
    rows[key] = Object.fromEntries(APPLICANT_COLS.map((c, j) => [c, v[j]!]));
  };
  put("new", fresh);
  put("carried", carried);
  put("handled", handled);
  put("carryNext", f.carryNext);
  for (const row of Object.values(rows)) row["total"] = APPLICANT_COLS.reduce((a, c) => a + row[c]!, 0);
  r.section3 = fillTable(FORMAT_2021.section3, rows);
  r.section3.prior = Object.fromEntries(
    FORMAT_2021.section3.cols.map((c): [string, Num] => [cellKey("carried", c.key), num(rows["carried"]![c.key]!)]),
  );
  const s4: Record<string, number> = {};
  ["review", "suitDirect", "suitAfterReview"].forEach((g, i) => {
    const v = f.s4[i]!;
    ["upheld", "corrected", "other", "pending"].forEach((k, j) => (s4[`${g}.${k}`] = v[j]!));
    s4[`${g}.total`] = v.reduce((a, x) => a + x, 0);
  });
  r.section4 = fillTable(FORMAT_2021.section4, { count: s4 });
  const [prior, issued, repealedRaw] = f.item1;
  const repealed = Math.min(repealedRaw, prior + issued);
  const [item1, item5, item6] = FORMAT_2021.section2;
  r.section2["s2.item1"] = fillTable(item1!, {
    rules: { issued: 0, repealed: 0, inForce: 0 },
    normativeDocs: { issued, repealed, inForce: prior + issued - repealed },
  });
  r.section2["s2.item1"].prior = {
    [cellKey("rules", "inForce")]: num(0),
    [cellKey("normativeDocs", "inForce")]: num(prior),
  };
  r.section2["s2.item5"] = fillTable(item5!, { licensing: { decisions: f.item5 } });
  r.section2["s2.item6"] = fillTable(item6!, {
    penalty: { decisions: f.item6[0] },
    enforcement: { decisions: f.item6[1] },
  });
  r.meta.fee = num(f.fee);
  const p = r.proactive!;
  p.categories = p.categories
    .slice(0, f.categories.length)
    .map((c, i) => ({ name: c.name, count: num(f.categories[i]!) }));
  p.total = num(f.categories.reduce((a, x) => a + x, 0));
  p.children = [];
  delete p.priorTotal;
  return r;
}

function sameFigures(a: TableData | undefined, b: TableData | undefined, what: string): void {
  assert.ok(a && b, what);
  for (const [k, n] of Object.entries(a.cells)) {
    assert.equal(b.cells[k]?.value, n.value, `${what} ${k}`);
  }
}

describe("hostile inputs: properties", function () {
  this.timeout(300_000);
  after(() => {
    console.log(`      property cases run: ${casesRun} (fast-check seed ${SEED})`);
  });

  it(`the reader never throws on random grids (${RUNS.random} workbooks)`, () => {
    fc.assert(
      fc.property(fc.array(randomSheet, { maxLength: 3 }), (sheets) => readAndCheck({ sheets })),
      { seed: SEED, numRuns: RUNS.random },
    );
  });

  it(`the reader never throws on a damaged counts sheet (${RUNS.damaged} workbooks)`, () => {
    fc.assert(
      fc.property(damagedSheet, (s) => readAndCheck({ sheets: [s] })),
      { seed: SEED, numRuns: RUNS.damaged },
    );
  });

  it(`random consistent figures read back unchanged and pass every arithmetic check (${RUNS.consistent} reports)`, () => {
    fc.assert(
      fc.property(figures, (f) => {
        casesRun++;
        const report = consistentReport(f);
        const { plan } = templateForReport(report);
        const read = readWorkbook({ sheets: [planToGrid(plan)] });
        assert.ok(read.ok, read.ok ? "" : read.error.message.en);
        const back = read.report;
        for (const id of Object.keys(report.section2)) sameFigures(report.section2[id], back.section2[id], id);
        sameFigures(report.section3, back.section3, "s3");
        sameFigures(report.section4, back.section4, "s4");
        assert.deepEqual(
          back.proactive?.categories.map((c) => c.count.value),
          report.proactive!.categories.map((c) => c.count.value),
        );
        assert.equal(back.proactive?.total?.value, report.proactive!.total!.value);
        assert.equal(back.meta.fee?.value, f.fee);
        const errors = runChecks(back).filter((x) => x.severity === "error");
        assert.deepEqual(
          errors.map((x) => `${x.rule} ${findingCells(x).join(" ")} ${formatMessage(x, "en")}`),
          [],
        );
        // The generated report sheets are produced from it without a hitch.
        const wp = renderReport(back);
        const text = wp.sheets.find((s) => s.name === "报告正文")!;
        for (const c of text.cells) assert.doesNotMatch(String(c.value ?? ""), /NaN|undefined|Infinity|null/);
      }),
      { seed: SEED, numRuns: RUNS.consistent },
    );
  });

  it(`largest-remainder shares sum to exactly 100% and stay within one unit of independent rounding (${RUNS.shares} sets)`, () => {
    fc.assert(
      fc.property(
        fc.array(count, { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 0, max: 4 }),
        fc.constantFrom<TieRule>("half-up", "half-even"),
        (counts, decimals, rounding) => {
          casesRun++;
          const total = counts.reduce((a, c) => a + c, 0);
          const s = shareSet(counts, { decimals, rounding, largestRemainder: true });
          if (total === 0) {
            assert.ok(s.units.every((u) => u === null));
            return;
          }
          assert.equal(s.sumUnits, unitsPerWhole(decimals));
          assert.equal(
            s.units.reduce<number>((a, u) => a + u!, 0),
            unitsPerWhole(decimals),
          );
          counts.forEach((c, i) => {
            const own = shareUnits(c, total, decimals, rounding)!;
            assert.ok(Math.abs(s.units[i]! - own) <= 1, `${c}/${total}: ${s.units[i]} vs ${own}`);
            assert.equal(s.adjusted[i], s.units[i] !== own);
          });
        },
      ),
      { seed: SEED, numRuns: RUNS.shares },
    );
  });
});
