/**
 * The preparer's path: a fresh template, the parts filled in as a clerk would (only the non-zero figures,
 * zeros left blank, totals left to the sheet), then 核对 and 生成报告.
 */
import { strict as assert } from "node:assert";
import { cellAddress } from "../grid";
import { runChecks } from "../checks";
import { fillProgress, progressText } from "../model/preparing";
import { readWorkbook } from "../read";
import { narrative } from "../narrative";
import { planToGrid, recalculate, renderReport, templateCells, templatePlan, TABLE_NAMES } from "./index";

function preparedSheet() {
  const plan = templatePlan({ year: 2026, unit: "某某县教育局" });
  const cells = templateCells(plan);
  const type = (at: { row: number; col: number }, v: number | string) => {
    const c = plan.cells.find((x) => x.row === at.row && x.col === at.col);
    assert.ok(c && c.formula === undefined, "typed into an input cell");
    c.value = v;
  };
  const s3 = cells.tables["s3"]!.cells;
  type(cells.meta.scope, "本机关");
  type(cells.meta.fee, 0);
  type(s3["new|natural"]!, 20);
  type(s3["new|commercial"]!, 4);
  type(s3["carried|natural"]!, 1);
  type(s3["open|natural"]!, 12);
  type(s3["open|commercial"]!, 3);
  type(s3["unavailable.notHeld|natural"]!, 6);
  type(s3["carryNext|natural"]!, 3);
  type(s3["carryNext|commercial"]!, 1);
  type(cells.tables["s2.item1"]!.cells["normativeDocs|inForce"]!, 12);
  type(cells.tables["s4"]!.cells["count|review.upheld"]!, 1);
  // Last year's 本年新收 总计 (导入上年数据 fills it; typed here): the 同比 of the generated text.
  type(cells.tables["s3"]!.prior["new|total"]!, 30);
  // The sheet's SUM totals follow, as in Excel.
  recalculate(plan);
  return { plan, cells, grid: planToGrid(plan) };
}

describe("the preparer's path: template -> parts filled -> check -> generate", () => {
  it("every total of 三 and 四 is the sum of exactly its parts (each part a different figure)", () => {
    const plan = templatePlan({ year: 2026 });
    const cells = templateCells(plan);
    const s3 = cells.tables["s3"]!;
    const s4 = cells.tables["s4"]!;
    const typed = new Map<string, number>();
    const put = (at: { row: number; col: number }, v: number) => {
      const c = plan.cells.find((x) => x.row === at.row && x.col === at.col);
      assert.ok(c && c.formula === undefined, "an input cell");
      c.value = v;
      typed.set(`${at.row},${at.col}`, v);
    };
    const parts = s3.def.cols.filter((c) => c.key !== "total");
    const rows = s3.def.rows.filter((r) => r.key !== "handled");
    rows.forEach((r, i) => parts.forEach((c, j) => put(s3.cells[`${r.key}|${c.key}`]!, (i + 1) * 2 ** j)));
    s4.def.cols.filter((c) => !c.key.endsWith(".total")).forEach((c, j) => put(s4.cells[`count|${c.key}`]!, 2 ** j));
    recalculate(plan);
    const grid = planToGrid(plan);
    const value = (at: { row: number; col: number }) => grid.values[at.row - grid.top]![at.col - grid.left];
    const sumOf = (ats: { row: number; col: number }[]) =>
      ats.reduce((a, x) => a + (typed.get(`${x.row},${x.col}`) ?? 0), 0);
    for (const r of rows)
      assert.equal(
        value(s3.cells[`${r.key}|total`]!),
        sumOf(parts.map((c) => s3.cells[`${r.key}|${c.key}`]!)),
        `三 ${r.key} 总计`,
      );
    const outcomes = s3.def.rows.filter((r) => r.outcome);
    for (const c of parts)
      assert.equal(
        value(s3.cells[`handled|${c.key}`]!),
        sumOf(outcomes.map((r) => s3.cells[`${r.key}|${c.key}`]!)),
        `三 （七）总计 ${c.key}`,
      );
    for (const c of s4.def.cols.filter((x) => x.key.endsWith(".total"))) {
      const group = c.key.slice(0, -".total".length);
      const members = s4.def.cols.filter((x) => x.key.startsWith(`${group}.`) && x !== c);
      assert.equal(
        value(s4.cells[`count|${c.key}`]!),
        sumOf(members.map((m) => s4.cells[`count|${m.key}`]!)),
        `四 ${c.key}`,
      );
    }
  });

  it("checks with no error and no warning: progress and one unfilled-cells finding per table", () => {
    const { grid, cells } = preparedSheet();
    const read = readWorkbook({ sheets: [grid] });
    assert.ok(read.ok);
    const findings = runChecks(read.report);
    assert.deepEqual(
      findings.filter((f) => f.severity !== "info").map((f) => `${f.rule}: ${f.params["block"] ?? ""}`),
      [],
    );
    const unfilled = findings.filter((f) => f.rule === "blank-cell");
    assert.deepEqual(
      unfilled.map((f) => f.messageId),
      unfilled.map(() => "unfilled"),
    );
    assert.equal(unfilled.length, 6, "one per national table (4 of 二, 三, 四); the optional blocks unused");
    const s3 = unfilled.find((f) => String(f.params["block"]).startsWith("三"))!;
    assert.equal(s3.params["count"], 144 - 8);
    assert.ok(!s3.cells.some((c) => c.col === cells.tables["s3"]!.cells["new|total"]!.col), "totals never listed");
    const p = fillProgress(read.report);
    assert.equal(progressText(p, "zh"), "已填 10 / 166 项", "上年 cells are not this year's figures");
    // A blank 上年本年新收申请（总计） is neither listed as unfilled nor counted.
    const fresh = readWorkbook({ sheets: [planToGrid(templatePlan({ year: 2026 }))] });
    assert.ok(fresh.ok);
    assert.equal(progressText(fillProgress(fresh.report), "zh"), "已填 0 / 166 项");
    const priorReceived = cellAddress(cells.tables["s3"]!.prior["new|total"]!);
    assert.equal(cellAddress(read.report.section3!.prior!["new|total"]!.cell!), priorReceived);
    for (const f of runChecks(fresh.report)) {
      assert.ok(!f.cells.some((c) => cellAddress(c) === priorReceived), `${f.rule} names ${priorReceived}`);
    }
  });

  it("generates tables whose totals are SUMs and a narrative that counts the blanks as 0", () => {
    const { grid } = preparedSheet();
    const read = readWorkbook({ sheets: [grid] });
    assert.ok(read.ok);
    const plan = renderReport(read.report);
    const table = plan.sheets[0]!;
    const s3 = plan.names.find((n) => n.name === TABLE_NAMES.s3)!.range;
    const sums = table.cells.filter((c) => c.row >= s3.top && c.row <= s3.bottom && /^=SUM\(/.test(c.formula ?? ""));
    assert.ok(sums.length >= 25 + 6, `every 总计 and （七）总计 is a SUM (${sums.length})`);
    const text = narrative(read.report, { blanksAsZero: true });
    const apps = text.find((p) => p.id === "s1.applications")!.text;
    assert.match(
      apps,
      /^（二）依申请公开。本局全年新收政府信息公开申请24件，较上年减少6件，下降20\.00%，其中自然人申请20件、法人或其他组织申请4件；另有上年结转申请1件。全年办结21件。/,
    );
    assert.ok(!text.some((p) => p.text.includes("【待补充：") && /件数|条数/.test(p.text)), "no figure waits");
    // The same sheet read without blanks as 0: the unfilled figures wait (never a number).
    const waiting = narrative(read.report);
    assert.match(waiting.find((p) => p.id === "s6.fee")!.text, /未收取/);
    assert.ok(cellAddress(read.report.meta.mode!.cell!).startsWith("公开数据!"));
  });
});
