import { strict as assert } from "node:assert";
import { isComputedTotal } from "../model/preparing";
import { cellKey, FORMAT_2019, FORMAT_2021, S3_HEADER_NOTE } from "../model/format";
import { valueAt } from "../grid";
import type { PlanCell, SheetPlan } from "./plan";
import { planToGrid, templateCells, templateForReport, templatePlan, DEFAULT_CATEGORIES } from "./index";
import { report2019, report2021, seedLikeReport } from "./samples.testutil";

function cellAt(plan: SheetPlan, row: number, col: number): PlanCell | undefined {
  return plan.cells.find((c) => c.row === row && c.col === col);
}
function texts(plan: SheetPlan): string[] {
  return plan.cells.map((c) => c.value).filter((v): v is string => typeof v === "string");
}
function isInput(plan: SheetPlan, row: number, col: number): boolean {
  const c = cellAt(plan, row, col);
  const st = c?.style ? plan.styles[c.style] : undefined;
  return !!st?.input && !!st.fill && !!st.border;
}
function validationOf(plan: SheetPlan, row: number, col: number) {
  return (plan.validations ?? []).filter(
    (v) => v.range.top <= row && row <= v.range.bottom && v.range.left <= col && col <= v.range.right,
  );
}

describe("render/template: the counts sheet 公开数据", () => {
  const plan = templatePlan({ year: 2024, unit: "某某市人民政府办公室" });
  const cells = templateCells(plan);

  it("has the title with the year, prefilled metadata and frozen header rows", () => {
    assert.equal(cellAt(plan, 0, 0)?.value, "2024年政府信息公开工作年度报告数据表");
    assert.equal(valueAt(planToGrid(plan), cells.meta.year.row, cells.meta.year.col), 2024);
    assert.equal(valueAt(planToGrid(plan), cells.meta.body.row, cells.meta.body.col), "某某市人民政府办公室");
    assert.equal(cellAt(plan, cells.meta.year.row, 0)?.value, "报告年度");
    assert.equal(plan.freezeRows, 2);
    assert.ok(
      plan.merges.some((m) => m.top === 0 && m.left === 0 && m.right >= 9),
      "title merged across",
    );
  });

  it("prints every national label verbatim (section 二 2021, 三 25 rows, 四)", () => {
    const all = new Set(texts(plan));
    for (const t of FORMAT_2021.section2) {
      assert.ok(all.has(t.title), t.title);
      for (const r of t.rows) assert.ok(all.has(r.label), r.label);
      for (const c of t.cols) assert.ok(all.has(c.label), c.label);
    }
    assert.ok(all.has("上年现行有效件数"));
    assert.equal(FORMAT_2021.section3.rows.length, 25);
    for (const r of FORMAT_2021.section3.rows) {
      assert.ok(all.has(r.label), r.label);
      for (const p of r.parents ?? []) assert.ok(all.has(p), p);
    }
    for (const l of [
      "申请人情况",
      "自然人",
      "法人或其他组织",
      "商业企业",
      "科研机构",
      "社会公益组织",
      "法律服务机构",
      "其他",
    ])
      assert.ok(all.has(l), l);
    for (const l of [
      "行政复议",
      "行政诉讼",
      "未经复议直接起诉",
      "复议后起诉",
      "结果维持",
      "结果纠正",
      "其他结果",
      "尚未审结",
    ])
      assert.ok(all.has(l), l);
    for (const l of ["单位名称", "报告年度", "公开范围", "信息处理费（元）", "主动公开政府信息分类", "重点领域信息"])
      assert.ok(all.has(l), l);
    assert.ok(all.has("上年报告“四、结转下年度继续办理”"));
    for (const c of DEFAULT_CATEGORIES) assert.ok(all.has(c), c);
  });

  it("merges the 三 header note over 3 label columns x 3 header rows and group labels over their items", () => {
    const note = plan.cells.find((c) => c.value === S3_HEADER_NOTE)!;
    assert.ok(
      plan.merges.some(
        (m) => m.top === note.row && m.left === note.col && m.bottom === note.row + 2 && m.right === note.col + 2,
      ),
    );
    const g3 = plan.cells.find((c) => c.value === "（三）不予公开")!;
    assert.ok(plan.merges.some((m) => m.top === g3.row && m.left === g3.col && m.bottom === g3.row + 7));
    const result = plan.cells.find((c) => c.value === "三、本年度办理结果")!;
    const m = plan.merges.find((x) => x.top === result.row && x.left === result.col)!;
    assert.equal(m.bottom - m.top + 1, 22, "（一）…（七）总计 = 22 rows");
  });

  it("marks every figure cell as an input with the right validation, beside its row label", () => {
    for (const [id, t] of Object.entries(cells.tables)) {
      for (const r of t.def.rows) {
        for (const c of t.def.cols) {
          const at = t.cells[cellKey(r.key, c.key)]!;
          assert.ok(at, `${id} ${r.key} ${c.key}`);
          const cell = plan.cells.find((x) => x.row === at.row && x.col === at.col);
          if (isComputedTotal(t.def, r.key, c.key)) {
            // 编制: a total is a live SUM, grey, not an input (locked), with no validation.
            assert.match(cell?.formula ?? "", /^=SUM\([A-Z]+\d+:[A-Z]+\d+\)$/, `${id} ${r.key} ${c.key} is a SUM`);
            assert.ok(!isInput(plan, at.row, at.col), `${id} ${r.key} ${c.key} is not an input`);
            assert.equal(validationOf(plan, at.row, at.col).length, 0);
            continue;
          }
          assert.ok(isInput(plan, at.row, at.col), `${id} ${r.key} ${c.key} is input`);
          const v = validationOf(plan, at.row, at.col);
          assert.equal(v.length, 1, `${id} ${r.key} ${c.key} has one validation`);
          assert.equal(v[0]!.type, c.kind === "wan-yuan" ? "decimal" : "whole");
          if (c.kind !== "signed") assert.equal(v[0]!.min, 0);
        }
        if (id !== "s4") {
          const at = t.cells[cellKey(r.key, t.def.cols[0]!.key)]!;
          const rowTexts = plan.cells.filter((c) => c.row === at.row && c.col < at.col).map((c) => c.value);
          assert.ok(rowTexts.includes(r.label), `${id} row ${r.key} labelled`);
        }
      }
    }
    const scope = validationOf(plan, cells.meta.scope.row, cells.meta.scope.col);
    assert.deepEqual(scope[0]?.list, ["本机关", "本级政府"]);
    const mode = validationOf(plan, cells.meta.mode.row, cells.meta.mode.col);
    assert.deepEqual(mode[0]?.list, ["编制", "核对"]);
    assert.equal(plan.cells.find((c) => c.row === cells.meta.mode.row && c.col === cells.meta.mode.col)?.value, "编制");
    const fee = validationOf(plan, cells.meta.fee.row, cells.meta.fee.col);
    assert.equal(fee[0]?.type, "decimal");
    assert.equal(cells.proactive.categories.length, 8);
    for (const c of cells.proactive.categories) assert.ok(isInput(plan, c.count.row, c.count.col));
  });

  it("lays figures out without overlaps, labels never inside input cells", () => {
    const seen = new Set<string>();
    const add = (r: { row: number; col: number }) => {
      const k = `${r.row},${r.col}`;
      assert.ok(!seen.has(k), `cell ${k} used twice`);
      seen.add(k);
    };
    for (const t of Object.values(cells.tables)) {
      Object.values(t.cells).forEach(add);
      Object.values(t.prior).forEach(add);
    }
    Object.values(cells.meta).forEach(add);
  });

  it("uses the 2019 trial format for 2019-2020 and derives the same cells from the plan", () => {
    const p19 = templatePlan({ year: 2020 });
    const all = new Set(texts(p19));
    for (const t of FORMAT_2019.section2) for (const c of t.cols) assert.ok(all.has(c.label), c.label);
    assert.ok(all.has("政府集中采购"));
    assert.ok(!all.has("本年制发件数"));
    const c19 = templateCells(p19);
    assert.equal(c19.format, "2019");
    assert.equal(Object.keys(c19.tables["s3"]!.cells).length, 23 * 7);
  });

  it("planToGrid gives values at absolute positions with the merges", () => {
    const g = planToGrid(plan);
    assert.equal(g.top, 0);
    assert.equal(g.left, 0);
    const note = plan.cells.find((c) => c.value === S3_HEADER_NOTE)!;
    assert.equal(valueAt(g, note.row, note.col), S3_HEADER_NOTE);
    assert.equal(g.merges?.length, plan.merges.length);
  });

  it("templateForReport writes each figure into its template cell and binds the report to it", () => {
    for (const source of [report2021(), report2019(), seedLikeReport()]) {
      const { plan: p, report } = templateForReport(source);
      const g = planToGrid(p);
      const tables = [...Object.values(report.section2), report.section3, report.section4].filter((t) => !!t);
      let n = 0;
      for (const t of tables) {
        for (const [k, num] of Object.entries(t.cells)) {
          assert.ok(num.cell, k);
          assert.equal(valueAt(g, num.cell.row, num.cell.col), num.value, k);
          n++;
        }
      }
      for (const c of report.proactive?.categories ?? []) {
        assert.equal(valueAt(g, c.count.cell!.row, c.count.cell!.col), c.count.value);
        assert.equal(valueAt(g, c.nameCell!.row, c.nameCell!.col), c.name);
        n++;
      }
      assert.ok(n > 0);
    }
  });
});
