/**
 * 报告年度 in the pane: the template's year defaults to the year whose report is due and can be changed before
 * 插入模板; an open sheet's year is changed by writing its 年度 cell (the year 生成报告 uses: title and text).
 * Real controller, engine and Office.js host over the fake Excel.
 */
import { strict as assert } from "node:assert";
import * as host from "../../src/excel/host";
import { Controller, isReportYear } from "../../src/taskpane/controller";
import { ENGINE } from "../../src/taskpane/engine";
import { FakeExcel } from "../support/fake-excel";

const SHEET = "公开数据";

describe("报告年度 in the pane (default, change before 插入模板, change of an open sheet)", function () {
  this.timeout(60_000);
  let fake: FakeExcel;
  beforeEach(() => {
    fake = new FakeExcel({ displayLanguage: "zh-CN" }).install();
    fake.addSheet("Sheet1", []);
  });
  afterEach(() => fake.uninstall());

  it("defaults to the year whose report is due: December this year, other months last year", () => {
    for (const [now, due] of [
      [new Date(2025, 11, 1), 2025],
      [new Date(2026, 0, 15), 2025],
      [new Date(2026, 2, 31), 2025],
      [new Date(2026, 5, 1), 2025],
      [new Date(2026, 10, 30), 2025],
    ] as const) {
      const c = new Controller({ host, engine: ENGINE, lang: "zh", now: () => now });
      assert.equal(c.state.templateYear, due, now.toISOString());
    }
    const now = new Date(2026, 5, 1);
    assert.ok(isReportYear(2024, now) && isReportYear(2026, now) && isReportYear(1990, now));
    assert.ok(!isReportYear(2027, now) && !isReportYear(1989, now) && !isReportYear(2024.5, now));
  });

  it("the template is inserted for the year set in the pane; a year that cannot be one is refused", async () => {
    const c = new Controller({ host, engine: ENGINE, lang: "zh", now: () => new Date(2026, 5, 1) });
    await c.open();
    assert.equal(c.setTemplateYear(20240), false);
    assert.equal(c.state.templateYear, 2025);
    assert.equal(c.setTemplateYear(2023), true);
    await c.insertTemplate();
    assert.equal(c.state.phase, "ready");
    assert.equal(c.state.year, 2023);
    assert.equal(fake.read(SHEET, "A1").value, "2023年政府信息公开工作年度报告数据表");
  });

  it("changing the year of the open sheet writes its 年度 cell; 生成报告 then uses it", async () => {
    const c = new Controller({ host, engine: ENGINE, lang: "zh", now: () => new Date(2026, 11, 5) });
    await c.open();
    await c.insertTemplate();
    assert.equal(c.state.year, 2026);
    const cell = c.state.metaCells.year!;
    assert.ok(cell);
    await c.changeReportYear(2025);
    assert.equal(fake.read(SHEET, `B${cell.row + 1}`).value, 2025);
    assert.equal(c.state.year, 2025);
    assert.equal(c.state.templateYear, 2025);
    assert.match(c.state.notice!.text, /^已将报告年度改为 2025 年（公开数据!B\d+），已重新检查。$/);
    await c.changeReportYear(3000);
    assert.equal(c.state.notice?.kind, "error");
    assert.match(c.state.notice!.text, /报告年度请填写四位年份（1990—2027）/);
    assert.equal(fake.read(SHEET, `B${cell.row + 1}`).value, 2025, "nothing written");
    await c.generate();
    const text = Object.values(fake.cells("报告正文")).map((x) => String(x.value));
    assert.ok(
      text.some((t) => t.includes("2025年")),
      text.join("\n"),
    );
    assert.ok(!text.some((t) => t.includes("2026年")), text.join("\n"));
  });
});
