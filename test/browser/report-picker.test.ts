/**
 * A workbook with several reports in the pane: the real engine and controller over an in-memory host, and the
 * real view in happy-dom. The pane lists the reports, works on 公开数据 (else the first) by default, and on the
 * one the user picks: findings, the watched sheet and 检查 follow the pick until that sheet is gone.
 */
import { strict as assert } from "node:assert";
import type { SheetGrid, WorkbookGrid } from "../../src/core/grid";
import { cellKey } from "../../src/core/model/format";
import { templateForReport } from "../../src/core/render";
import { planToGrid } from "../../src/core/render/template";
import { Controller, type PaneHost } from "../../src/taskpane/controller";
import { ENGINE } from "../../src/taskpane/engine";
import { mountView } from "../../src/taskpane/view";
import { cleanReport } from "../cli/helpers";
import { useDom } from "../support/dom";

function unitSheet(sheet: string, unit: string, year: number, planted = false): SheetGrid {
  const r = cleanReport();
  r.meta.body = { text: unit };
  r.meta.year = { value: year, from: "metadata" };
  if (planted) r.section4!.cells[cellKey("count", "review.total")]!.value! += 1;
  return planToGrid(templateForReport(r, { sheet, unit, year }).plan);
}

class MemoryHost implements PaneHost {
  sheets: SheetGrid[] = [];
  watched: string[] = [];
  reads = 0;
  async loadWorkbookGrid(): Promise<WorkbookGrid> {
    this.reads++;
    return { sheets: this.sheets.map((s) => ({ ...s, values: s.values.map((r) => [...r]) })) };
  }
  async loadSheetGrid(name: string): Promise<SheetGrid> {
    const s = this.sheets.find((x) => x.name === name);
    if (!s) throw new Error("ItemNotFound");
    return s;
  }
  async applyPlan(): Promise<void> {}
  async selectCells(): Promise<void> {}
  async selectNamedRange(): Promise<void> {}
  async insertTemplate(): Promise<void> {}
  async onSheetChanged(sheet: string): Promise<() => Promise<void>> {
    this.watched.push(sheet);
    return async () => undefined;
  }
  loadSettings(): unknown {
    return undefined;
  }
  async saveSettings(): Promise<void> {}
  toUserError(e: unknown) {
    return { code: "Generic", data: { detail: String(e) } };
  }
}

function workbook(): MemoryHost {
  const host = new MemoryHost();
  host.sheets = [
    unitSheet("甲局", "某县甲局", 2025, true),
    unitSheet("公开数据", "某县人民政府", 2025),
    unitSheet("乙局", "某县乙局", 2024),
  ];
  return host;
}

const errors = (c: Controller): number => (c.state.findings ?? []).filter((f) => f.severity === "error").length;

describe("task pane: a workbook with several reports (report picker)", function () {
  this.timeout(60000);
  const dom = useDom();

  it("lists every report, works on 公开数据 by default, follows the user's pick across 检查 until it is gone", async () => {
    const host = workbook();
    const c = new Controller({ host, engine: ENGINE, lang: "zh" });
    await c.open();
    assert.equal(c.state.phase, "ready");
    assert.deepEqual(c.state.reports, [
      { sheet: "甲局", unit: "某县甲局", year: 2025, errors: 1 },
      { sheet: "公开数据", unit: "某县人民政府", year: 2025, errors: 0 },
      { sheet: "乙局", unit: "某县乙局", year: 2024, errors: 0 },
    ]);
    assert.equal(c.state.sheet, "公开数据", "the sheet named like the counts sheet, not the first");
    assert.equal(c.state.body, "某县人民政府");
    assert.equal(errors(c), 0);

    await c.pickReport("甲局");
    assert.equal(c.state.sheet, "甲局");
    assert.equal(c.state.body, "某县甲局");
    assert.equal(errors(c), 1, "the planted error of 甲局");
    assert.ok((c.state.findings ?? []).every((f) => f.cells.every((x) => x.startsWith("甲局!"))));
    assert.equal(host.watched.at(-1), "甲局", "live re-check follows the pick");

    await c.check();
    assert.equal(c.state.sheet, "甲局", "检查 keeps the pick");
    await c.pickReport("乙局");
    assert.equal(c.state.year, 2024);

    host.sheets = host.sheets.filter((s) => s.name !== "乙局");
    await c.check();
    assert.equal(c.state.sheet, "公开数据", "the picked sheet is gone: back to the default");
    assert.equal(c.state.reports.length, 2);

    const reads = host.reads;
    await c.pickReport("没有这个表");
    assert.equal(host.reads, reads, "a sheet that is not a report is not read");
    await c.dispose();
  });

  it("a workbook with one report shows no picker; without 公开数据 the first report is the default", async () => {
    const one = new MemoryHost();
    one.sheets = [unitSheet("数据", "某县甲局", 2025)];
    const c1 = new Controller({ host: one, engine: ENGINE, lang: "zh" });
    await c1.open();
    assert.equal(c1.state.sheet, "数据");
    assert.deepEqual(c1.state.reports, []);
    const two = new MemoryHost();
    two.sheets = [unitSheet("乙局", "某县乙局", 2025), unitSheet("甲局", "某县甲局", 2025, true)];
    const c2 = new Controller({ host: two, engine: ENGINE, lang: "zh" });
    await c2.open();
    assert.equal(c2.state.sheet, "乙局");
    await c1.dispose();
    await c2.dispose();
  });

  it("30 unit sheets: one read checks every report; the picker says which have errors; a fix updates the count", async () => {
    const host = new MemoryHost();
    const bad = new Set([3, 17]);
    host.sheets = Array.from({ length: 30 }, (_, i) => unitSheet(`单位${i + 1}`, `某县第${i + 1}局`, 2025, bad.has(i)));
    const c = new Controller({ host, engine: ENGINE, lang: "zh" });
    await c.open();
    assert.equal(host.reads, 1, "one read of the workbook");
    assert.equal(c.state.reports.length, 30);
    assert.deepEqual(
      c.state.reports.flatMap((r, i) => (r.errors ? [[i, r.errors]] : [])),
      [
        [3, 1],
        [17, 1],
      ],
    );
    assert.ok(c.state.reports.every((r, i) => r.unit === `某县第${i + 1}局`));
    assert.equal(c.state.sheet, "单位1", "no 公开数据: the first report");
    await c.pickReport("单位18");
    assert.equal(errors(c), 1);
    assert.equal(c.state.body, "某县第18局");
    // The user corrects the planted figure (四 行政复议 总计): the live re-check reads that sheet alone, and the
    // picker's count for it follows; the other reports keep theirs.
    const planted = host.sheets[17]!;
    const fixed = unitSheet("单位18", "某县第18局", 2025);
    host.sheets[17] = { ...planted, values: fixed.values };
    const reads = host.reads;
    await c.recheck();
    assert.equal(host.reads, reads, "a re-check reads the one sheet, not the workbook");
    assert.equal(c.state.sheet, "单位18");
    assert.equal(errors(c), 0);
    assert.equal(c.state.reports[17]!.errors, 0);
    assert.equal(c.state.reports[3]!.errors, 1);
    await c.dispose();
  });

  it("in the view: the picker names each report, and picking one changes the header and the findings", async () => {
    const host = workbook();
    const c = new Controller({ host, engine: ENGINE, lang: "zh" });
    const root = dom.document.createElement("div");
    dom.document.body.append(root);
    mountView(root, c);
    await c.open();
    const select = root.querySelector<HTMLSelectElement>("#report-picker")!;
    assert.equal(root.querySelector<HTMLElement>("#report-picker-row")!.hidden, false);
    assert.deepEqual(
      Array.from(select.options).map((o) => o.textContent),
      [
        "甲局 · 某县甲局 · 2025年度 · 1个错误",
        "公开数据 · 某县人民政府 · 2025年度 · 无错误",
        "乙局 · 某县乙局 · 2024年度 · 无错误",
      ],
    );
    assert.equal(select.value, "公开数据");
    select.value = "甲局";
    select.dispatchEvent(new dom.window.Event("change") as unknown as Event);
    await new Promise((r) => setTimeout(r, 0));
    for (let i = 0; i < 50 && c.state.sheet !== "甲局"; i++) await new Promise((r) => setTimeout(r, 10));
    assert.match(root.querySelector("#context")!.textContent!, /数据表：甲局 · 2025年度 · 某县甲局/);
    assert.equal(select.value, "甲局");
    assert.equal(errors(c), 1);
    await c.dispose();
  });
});
