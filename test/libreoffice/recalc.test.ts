/**
 * LibreOffice tier: write generated workbooks (counts sheet + report sheets) WITHOUT cached results,
 * let LibreOffice recalculate them, read every figure, total and share back, and compare with the
 * engine's own numbers (shareUnits / shareSet), to the last digit. All cases go into ONE workbook so
 * that soffice runs once (~2-4 s) per writer: the CLI's (ExcelJS) and the pane's (Office.js on the fake
 * Excel, exported with fakeToExcelJs). The fake's own formula results (what Office.js `values` give after
 * it evaluates the formulas) are compared with LibreOffice's for every formula cell.
 */
import { strict as assert } from "node:assert";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import fc from "fast-check";
import { applyPlan } from "../../src/cli/xlsx-write";
import { a1 } from "../../src/core/grid";
import { cellKey, FORMAT_2021, S3_GROUPS } from "../../src/core/model/format";
import type { Report, TableData } from "../../src/core/model/report";
import { narrative, type Paragraph } from "../../src/core/narrative";
import { renderReport, templateForReport, TABLE_NAMES, type WorkbookPlan } from "../../src/core/render";
import { paragraphCellText } from "../../src/core/render/report";
import { formatPercent } from "../../src/core/shares";
import type { SheetPlan } from "../../src/core/render/plan";
import type { RoundingOptions } from "../../src/core/shares";
import { shareSet, shareUnits, unitsPerWhole } from "../../src/core/shares";
import {
  breakdown,
  report2019,
  report2021,
  s3Table,
  seedLikeReport,
  type S3Figures,
} from "../../src/core/render/samples.testutil";
import { recalc, SOFFICE_CANDIDATES, SOFFICE_INSTALL } from "../support/libreoffice";
import { requireTool } from "../support/tools";
import { emptyReport } from "../../src/core/model/build";
import { applyPlan as applyOfficeJs } from "../../src/excel/host";
import { FakeExcel } from "../support/fake-excel";
import { fakeToExcelJs } from "../support/workbook-snapshot";

interface Case {
  id: string;
  report: Report;
  rounding: RoundingOptions;
  paragraphs?: Paragraph[];
  /** Changes the counts sheet and the bound report before rendering (text numbers, later corrections). */
  tweak?: (counts: SheetPlan, bound: Report) => void;
  /** Filled in when the plan is built. */
  bound?: Report;
  plan?: WorkbookPlan;
}

const HALF_UP: RoundingOptions = { decimals: 2, rounding: "half-up", largestRemainder: false };

function sheetNames(i: number) {
  return { counts: `数据${i}`, tableSheet: `表格${i}`, textSheet: `正文${i}` };
}

/** Text of a cell read back (LibreOffice writes mixed-script strings as rich text). */
function textOf(v: ExcelJS.CellValue): string | null {
  if (typeof v === "string") return v;
  if (v && typeof v === "object" && "richText" in v) return v.richText.map((r) => r.text).join("");
  return null;
}

/** The recalculated number of a formula cell (ExcelJS's cell.result keeps 0; value.result may drop it). */
function resultOf(ws: ExcelJS.Worksheet, row: number, col: number): number | string | null {
  const cell = ws.getCell(row + 1, col + 1);
  assert.ok(cell.formula, `${ws.name}!${a1(row, col)} is still a formula`);
  const r = cell.result as unknown;
  if (typeof r === "number" || typeof r === "string") return r;
  return r === undefined || r === null ? null : String(r);
}

function v(n: { value: number | null } | undefined): number {
  return n?.value ?? 0;
}

function expectShare(got: number | string | null, units: number | null, d: number, where: string): void {
  if (units === null) {
    assert.ok(got === "" || got === null, `${where}: blank share for a zero total, got ${got}`);
    return;
  }
  assert.equal(got, units / unitsPerWhole(d), `${where}: share ${got} vs engine ${units} units at ${d} decimals`);
}

/** Compare one recalculated case with the engine. Returns the number of cells compared. */
function compareCase(wb: ExcelJS.Workbook, c: Case): number {
  const plan = c.plan!;
  const report = c.bound!;
  const names = sheetNames(Number(c.id.split(":")[0]));
  const ws = wb.getWorksheet(names.tableSheet)!;
  assert.ok(ws, names.tableSheet);
  const range = (n: string) => plan.names.find((x) => x.name === n)?.range;
  const d = c.rounding.decimals;
  let compared = 0;

  // Section 二: every figure.
  for (const [id, t] of Object.entries(report.section2)) {
    const r = range(
      `表_二_${{ "s2.item1": "第一项", "s2.item5": "第五项", "s2.item6": "第六项", "s2.item8": "第八项", "s2.item9": "第九项" }[id]}`,
    )!;
    t.def.rows.forEach((row, ri) =>
      t.def.cols.forEach((col, ci) => {
        const n = t.cells[cellKey(row.key, col.key)];
        if (!n) return;
        assert.equal(resultOf(ws, r.top + 2 + ri, 3 + ci), v(n), `${c.id} ${id} ${row.key}/${col.key}`);
        compared++;
      }),
    );
  }

  // Section 三: figures, row totals, （七）总计; then the outcome groups and their shares.
  const s3 = report.section3;
  if (s3) {
    const r = range(TABLE_NAMES.s3)!;
    const rows = s3.def.rows;
    const outcome = rows.filter((x) => x.outcome);
    const cols = s3.def.cols.slice(0, 6);
    const expected = (rowKey: string, colKey: string): number =>
      rowKey === "handled"
        ? outcome.reduce((a, o) => a + v(s3.cells[cellKey(o.key, colKey)]), 0)
        : v(s3.cells[cellKey(rowKey, colKey)]);
    rows.forEach((row, ri) => {
      let sum = 0;
      cols.forEach((col, ci) => {
        const e = expected(row.key, col.key);
        sum += e;
        assert.equal(resultOf(ws, r.top + 3 + ri, 3 + ci), e, `${c.id} 三 ${row.key}/${col.key}`);
        compared++;
      });
      assert.equal(resultOf(ws, r.top + 3 + ri, 9), sum, `${c.id} 三 ${row.key}/总计`);
      // The stated 总计 of a consistent report equals the SUM the sheet computes.
      const stated = s3.cells[cellKey(row.key, "total")];
      if (stated && c.id.includes("consistent")) assert.equal(stated.value, sum, `${c.id} stated 总计 ${row.key}`);
      compared++;
    });
    const o = range(TABLE_NAMES.outcomes)!;
    const groups = S3_GROUPS.filter((g) => rows.some((x) => x.group === g.group));
    const counts = groups.map((g) =>
      rows
        .filter((x) => x.group === g.group)
        .reduce((a, x) => a + cols.reduce((b, col) => b + v(s3.cells[cellKey(x.key, col.key)]), 0), 0),
    );
    const handled = counts.reduce((a, x) => a + x, 0);
    const set = shareSet(counts, c.rounding);
    groups.forEach((g, i) => {
      assert.equal(resultOf(ws, o.top + 1 + i, 3), counts[i], `${c.id} group ${g.group}`);
      const units =
        c.rounding.largestRemainder && set.largestRemainderApplied
          ? set.units[i]!
          : shareUnits(counts[i]!, handled, d, c.rounding.rounding);
      const cell = ws.getCell(o.top + 2 + i, 5);
      const got = cell.formula ? resultOf(ws, o.top + 1 + i, 4) : (cell.value as number | null);
      expectShare(got, units, d, `${c.id} group ${g.group}`);
      compared += 2;
    });
    assert.equal(resultOf(ws, o.top + 1 + groups.length, 3), handled, `${c.id} （七）总计`);
  }

  // Section 四: figures and 总计 = SUM of four.
  const s4 = report.section4;
  if (s4) {
    const r = range(TABLE_NAMES.s4)!;
    s4.def.cols.forEach((col, ci) => {
      const e = col.key.endsWith(".total")
        ? s4.def.cols.slice(ci - 4, ci).reduce((a, x) => a + v(s4.cells[cellKey("count", x.key)]), 0)
        : v(s4.cells[cellKey("count", col.key)]);
      assert.equal(resultOf(ws, r.top + 3, 3 + ci), e, `${c.id} 四 ${col.key}`);
      compared++;
    });
  }

  // Proactive categories: counts, 合计, shares of 合计.
  const p = report.proactive;
  if (p && p.categories.length) {
    const r = range(TABLE_NAMES.proactive)!;
    const counts = p.categories.map((x) => v(x.count));
    const total = counts.reduce((a, x) => a + x, 0);
    const set = shareSet(counts, c.rounding);
    counts.forEach((n, i) => {
      assert.equal(resultOf(ws, r.top + 1 + i, 3), n, `${c.id} category ${i}`);
      const units =
        c.rounding.largestRemainder && set.largestRemainderApplied
          ? set.units[i]!
          : shareUnits(n, total, d, c.rounding.rounding);
      const cell = ws.getCell(r.top + 2 + i, 5);
      const got = cell.formula ? resultOf(ws, r.top + 1 + i, 4) : (cell.value as number | null);
      if (c.rounding.largestRemainder && set.largestRemainderApplied)
        assert.equal(cell.formula, undefined, "LR shares are values");
      expectShare(got, units, d, `${c.id} category ${i}`);
      compared += 2;
    });
    assert.equal(resultOf(ws, r.bottom, 3), total, `${c.id} 合计`);
    compared++;
  }

  // Narrative: strings stay strings, whatever their first character.
  const text = wb.getWorksheet(names.textSheet)!;
  const paragraphs = c.paragraphs ?? [];
  paragraphs.forEach((para, i) => {
    const cell = text.getCell(i + 1, 1);
    assert.equal(cell.formula, undefined, `${c.id} paragraph ${i} is not a formula`);
    assert.equal(textOf(cell.value), paragraphCellText(para), `${c.id} paragraph ${i}`);
    compared++;
  });
  return compared;
}

function tieReport(): Report {
  // 1/160 = 0.625% exactly: a tie at 2 decimals, in the proactive block and in the outcome groups.
  const r = emptyReport("2021");
  r.meta = { year: { value: 2022, from: "metadata" } };
  r.proactive = breakdown("主动公开政府信息", [
    ["政府文件", 1],
    ["工作动态信息", 159],
  ]);
  r.section3 = s3Table(FORMAT_2021.section3, {
    new: [160, 0, 0, 0, 0, 0],
    open: [1, 0, 0, 0, 0, 0],
    partial: [100, 59, 0, 0, 0, 0],
  });
  return r;
}

const arbS3: fc.Arbitrary<S3Figures> = fc
  .array(
    fc.tuple(
      fc.constantFrom(...FORMAT_2021.section3.rows.filter((r) => r.outcome).map((r) => r.key)),
      fc.array(fc.nat(2000), { minLength: 6, maxLength: 6 }),
    ),
    {
      maxLength: 8,
    },
  )
  .map((entries) => Object.fromEntries(entries) as S3Figures);
const arbRounding: fc.Arbitrary<RoundingOptions> = fc.record({
  decimals: fc.integer({ min: 0, max: 4 }),
  rounding: fc.constantFrom("half-up" as const, "half-even" as const),
  largestRemainder: fc.boolean(),
});
const arbCase = fc.record({
  s3: arbS3,
  categories: fc.array(fc.oneof(fc.nat(5), fc.nat(100_000)), { minLength: 1, maxLength: 9 }),
  s4: fc.array(fc.nat(50), { minLength: 12, maxLength: 12 }),
  rounding: arbRounding,
});

describe("LibreOffice tier: generated workbooks recalculate to the engine's numbers", function () {
  this.timeout(300_000); // two soffice runs (one per writer), slow on a loaded machine
  const dir = mkdtempSync(path.join(tmpdir(), "recalc-"));
  const cases: Case[] = [];
  let wb: ExcelJS.Workbook;
  /** The same cases written by the Office.js writer (fake Excel), exported and recalculated by LibreOffice. */
  let officeWb: ExcelJS.Workbook;
  /** What the fake Excel's `values` give for every formula cell of the report sheets: sheet -> A1 -> value. */
  const fakeValues = new Map<string, Map<string, unknown>>();
  const SEED = 20261127;

  before(async function () {
    requireTool(this, "LibreOffice tier", SOFFICE_CANDIDATES, SOFFICE_INSTALL);
    const r21 = report2021();
    r21.proactive = seedLikeReport().proactive!;
    const risky: Paragraph[] = [
      { id: "eq", kind: "body", text: "=1+1 不是公式" },
      { id: "plus", kind: "body", text: "+86 0825-2311357" },
      { id: "minus", kind: "body", text: "-2.5%" },
      { id: "at", kind: "note", text: "@SUM(A1)" },
    ];
    cases.push({ id: "consistent-2021", report: r21, rounding: HALF_UP, paragraphs: [...narrative(r21), ...risky] });
    cases.push({
      id: "consistent-2021-lr",
      report: report2021(),
      rounding: { ...HALF_UP, largestRemainder: true },
      paragraphs: risky,
    });
    cases.push({ id: "consistent-2019", report: report2019(), rounding: HALF_UP });
    cases.push({ id: "seed-0dp", report: seedLikeReport(), rounding: { ...HALF_UP, decimals: 0 } });
    cases.push({ id: "seed-2dp-even", report: seedLikeReport(), rounding: { ...HALF_UP, rounding: "half-even" } });
    cases.push({
      id: "seed-lr",
      report: seedLikeReport(),
      rounding: { decimals: 0, rounding: "half-up", largestRemainder: true },
    });
    cases.push({ id: "tie-half-up", report: tieReport(), rounding: HALF_UP });
    cases.push({ id: "tie-half-even", report: tieReport(), rounding: { ...HALF_UP, rounding: "half-even" } });
    cases.push({
      id: "zero-totals",
      report: {
        ...tieReport(),
        proactive: breakdown("主动公开政府信息", [
          ["甲", 0],
          ["乙", 0],
        ]),
        section3: s3Table(FORMAT_2021.section3, {}),
      },
      rounding: HALF_UP,
    });
    // A clerk's typos in typed totals: the tables print SUMs, and the narrative must state the same figures.
    const wrong = report2021();
    wrong.section3!.cells[cellKey("handled", "total")] = {
      value: 1 + (wrong.section3!.cells[cellKey("handled", "total")]!.value ?? 0),
    };
    wrong.section3!.cells[cellKey("new", "total")] = {
      value: 7 + (wrong.section3!.cells[cellKey("new", "total")]!.value ?? 0),
    };
    cases.push({ id: "wrong-totals-narrative", report: wrong, rounding: HALF_UP });
    // Figures typed as text: "6件" (Excel cannot read it: the engine's 6), "12" (read by both), and one
    // corrected to the number 7 after the engine read "6件" (the table follows the correction).
    cases.push({
      id: "text-numbers",
      report: report2021(),
      rounding: HALF_UP,
      tweak: (counts, bound) => {
        const put = (col: string, text: string | number, engine: number) => {
          const n = bound.section3!.cells[cellKey("open", col)]!;
          const cell = counts.cells.find((x) => x.row === n.cell!.row && x.col === n.cell!.col)!;
          cell.value = text;
          bound.section3!.cells[cellKey("open", col)] = { ...n, value: engine, text: String(text), issue: "text" };
        };
        put("natural", "6件", 6);
        put("commercial", "12", 12);
        put("research", 7, 6);
      },
    });
    fc.sample(arbCase, { numRuns: 40, seed: SEED }).forEach((g, i) => {
      const r = emptyReport("2021");
      r.meta = { year: { value: 2023, from: "metadata" } };
      r.section3 = s3Table(FORMAT_2021.section3, g.s3);
      r.section4 = {
        ...(report2021().section4 as TableData),
        cells: Object.fromEntries(
          FORMAT_2021.section4.cols
            .filter((c) => !c.key.endsWith(".total"))
            .map((c, j) => [cellKey("count", c.key), { value: g.s4[j]! }]),
        ),
      };
      r.proactive = breakdown(
        "主动公开政府信息",
        g.categories.map((n, j) => [`类别${j + 1}`, n] as [string, number]),
      );
      cases.push({ id: `property-${i}`, report: r, rounding: g.rounding });
    });

    const book = new ExcelJS.Workbook();
    const fake = new FakeExcel().install();
    try {
      for (const [i, c] of cases.entries()) {
        c.id = `${i}:${c.id}`;
        const names = sheetNames(i);
        const { plan, report } = templateForReport(c.report, { sheet: names.counts });
        c.tweak?.(plan, report);
        c.bound = report;
        if (c.id.includes("narrative")) c.paragraphs = narrative(report, { rounding: c.rounding });
        c.plan = renderReport(
          report,
          { rounding: c.rounding, tableSheet: names.tableSheet, textSheet: names.textSheet },
          c.paragraphs ?? [],
        );
        applyPlan(book, plan);
        applyPlan(book, c.plan);
        await applyOfficeJs(plan);
        await applyOfficeJs(c.plan, { replace: true }); // every case rewrites the one record sheet
      }
      // Read every report table back through Office.js: formula cells give the fake's evaluation.
      await Excel.run(async (context) => {
        const used = cases.map((_, i) =>
          context.workbook.worksheets.getItem(sheetNames(i).tableSheet).getUsedRange().load("values,formulas"),
        );
        await context.sync();
        used.forEach((r, i) => {
          const got = new Map<string, unknown>();
          r.formulas.forEach((line, row) =>
            line.forEach((f, col) => {
              if (typeof f === "string" && f.startsWith("=")) got.set(a1(row, col), r.values[row]![col]);
            }),
          );
          fakeValues.set(sheetNames(i).tableSheet, got);
        });
      });
    } finally {
      fake.uninstall();
    }
    const file = path.join(dir, "cases.xlsx");
    await book.xlsx.writeFile(file);
    wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(await recalc(file));
    const officeFile = path.join(dir, "cases-officejs.xlsx");
    await fakeToExcelJs(fake).xlsx.writeFile(officeFile);
    officeWb = new ExcelJS.Workbook();
    await officeWb.xlsx.readFile(await recalc(officeFile));
  });

  after(() => rmSync(dir, { recursive: true, force: true }));

  it("the written report sheets carry no cached results in any case (LibreOffice really computed them)", async () => {
    for (const name of ["cases.xlsx", "cases-officejs.xlsx"]) {
      const raw = new ExcelJS.Workbook();
      await raw.xlsx.readFile(path.join(dir, name));
      cases.forEach((_, i) => {
        let formulas = 0;
        // The report sheets (the counts sheet's totals carry their results on purpose: issue 14).
        for (const sheet of [sheetNames(i).tableSheet, sheetNames(i).textSheet]) {
          raw.getWorksheet(sheet)!.eachRow((row) =>
            row.eachCell((cell) => {
              if (cell.formula) {
                formulas++;
                assert.equal(cell.result, undefined, `${name} ${sheet}!${cell.address}`);
              }
            }),
          );
        }
        assert.ok(formulas > 10, `${name} case ${i}: ${formulas} formulas`);
      });
    }
  });

  it("the Office.js writer's workbook (fake Excel, exported) recalculates to the engine's numbers in every case", () => {
    let n = 0;
    // text-numbers: a figure corrected after the engine read it (its own test below, for both writers).
    for (const c of cases.filter((x) => !x.id.includes("text-numbers"))) n += compareCase(officeWb, c);
    assert.ok(n > cases.length * 50, `compared ${n} cells`);
  });

  it("the fake Excel's formula results equal LibreOffice's, formula cell by formula cell, in every case", () => {
    let n = 0;
    cases.forEach((_, i) => {
      const sheet = sheetNames(i).tableSheet;
      const fromFake = fakeValues.get(sheet)!;
      const ws = officeWb.getWorksheet(sheet)!;
      let formulas = 0;
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          if (!cell.formula) return;
          formulas++;
          const lo = cell.result ?? "";
          const got = fromFake.get(cell.address);
          assert.equal(got, typeof lo === "object" ? String(lo) : lo, `${sheet}!${cell.address} =${cell.formula}`);
        }),
      );
      assert.equal(formulas, fromFake.size, `${sheet}: the same formula cells`);
      n += formulas;
    });
    assert.ok(n > cases.length * 20, `compared ${n} formula cells`);
  });

  it("a 2021 report with invented figures (with the narrative and =/+/-/@ strings)", () => {
    assert.ok(compareCase(wb, cases[0]!) > 250);
    assert.ok(compareCase(wb, cases[1]!) > 200);
  });

  it("a 2019-format report", () => {
    assert.ok(compareCase(wb, cases[2]!) > 150);
  });

  it("the seed-like free-form report (0 and 2 decimals, half-even, largest remainder)", () => {
    for (const c of cases.slice(3, 6)) assert.ok(compareCase(wb, c) >= 17, c.id);
    // Whole percents of the seed: 政府文件 72/1119 = 6.43% -> 6%; largest remainder sums to 100%.
    const lr = cases[5]!;
    const r = lr.plan!.names.find((n) => n.name === TABLE_NAMES.proactive)!.range;
    const ws = wb.getWorksheet(sheetNames(5).tableSheet)!;
    let sum = 0;
    for (let i = 0; i < 8; i++) sum += Math.round((ws.getCell(r.top + 2 + i, 5).value as number) * 100);
    assert.equal(sum, 100);
  });

  it("exact ties (1/160 = 0.625%) round by the tie rule in both modes", () => {
    compareCase(wb, cases[6]!);
    compareCase(wb, cases[7]!);
    const shareAt = (i: number) => {
      const r = cases[i]!.plan!.names.find((n) => n.name === TABLE_NAMES.proactive)!.range;
      return resultOf(wb.getWorksheet(sheetNames(i).tableSheet)!, r.top + 1, 4);
    };
    // The documented worked case: 四舍五入 gives 0.63%, 四舍六入五成双 0.62%.
    assert.equal(shareUnits(1, 160, 2, "half-up"), 63);
    assert.equal(shareUnits(1, 160, 2, "half-even"), 62);
    assert.equal(shareAt(6), 63 / 10000);
    assert.equal(shareAt(7), 62 / 10000);
    compareCase(wb, cases[8]!);
  });

  it("a report with wrong typed totals: the narrative states the tables' SUMs and their shares", () => {
    const c = cases.find((x) => x.id.includes("wrong-totals"))!;
    compareCase(wb, c);
    const ws = wb.getWorksheet(sheetNames(Number(c.id.split(":")[0])).tableSheet)!;
    const s3 = c.plan!.names.find((n) => n.name === TABLE_NAMES.s3)!.range;
    const o = c.plan!.names.find((n) => n.name === TABLE_NAMES.outcomes)!.range;
    const rows = c.bound!.section3!.def.rows;
    const received = resultOf(ws, s3.top + 3 + rows.findIndex((r) => r.key === "new"), 9);
    const handled = resultOf(ws, o.bottom, 3);
    const open = resultOf(ws, o.top + 1, 3);
    const openShare = resultOf(ws, o.top + 1, 4) as number;
    const typedHandled = c.bound!.section3!.cells[cellKey("handled", "total")]!.value;
    assert.notEqual(typedHandled, handled, "the typed （七）总计 disagrees with the SUM");
    const text = c.paragraphs!.find((p) => p.id === "s1.applications")!.text;
    assert.ok(text.includes(`新收政府信息公开申请${received}件`), text);
    assert.ok(
      text.includes(
        `全年办结${handled}件。其中，予以公开${open}件，占办结总数的${formatPercent(Math.round(openShare * 10000), 2)}`,
      ),
      text,
    );
  });

  it("a figure typed as text is =IFERROR(--cell, the engine's reading): LibreOffice agrees, and follows a correction (both writers)", () => {
    const c = cases.find((x) => x.id.includes("text-numbers"))!;
    for (const book of [wb, officeWb]) {
      const ws = book.getWorksheet(sheetNames(Number(c.id.split(":")[0])).tableSheet)!;
      const s3 = c.plan!.names.find((n) => n.name === TABLE_NAMES.s3)!.range;
      const row = s3.top + 3 + c.bound!.section3!.def.rows.findIndex((r) => r.key === "open");
      const cols = c.bound!.section3!.def.cols.map((x) => x.key);
      const cellOf = (key: string) => ws.getCell(row + 1, 3 + cols.indexOf(key) + 1);
      for (const key of ["natural", "commercial", "research"])
        assert.match(String(cellOf(key).formula), /^IFERROR\(--/);
      assert.equal(resultOf(ws, row, 3 + cols.indexOf("natural")), 6, '"6件": the engine\'s reading');
      assert.equal(resultOf(ws, row, 3 + cols.indexOf("commercial")), 12, '"12": read by LibreOffice too');
      assert.equal(resultOf(ws, row, 3 + cols.indexOf("research")), 7, "corrected to 7: live");
    }
  });

  it(`property-generated reports (fast-check seed ${SEED}) match figure by figure`, () => {
    let n = 0;
    for (const c of cases.filter((x) => x.id.includes("property"))) n += compareCase(wb, c);
    assert.ok(n > 40 * 50, `compared ${n} cells`);
  });
});
