/**
 * The host in the Excels offices run (issue 13), against the stricter fake: typing while the pane works,
 * Excel on the web's 5 MB limit, a ";" list separator, handlers on deleted sheets, hung syncs, and
 * formula cells that read back their results.
 */
import { strict as assert } from "node:assert";
import { FakeExcel } from "../support/fake-excel";
import {
  applyPlan,
  onSheetChanged,
  loadSheetGrid,
  loadWorkbookGrid,
  selectCells,
  setHostTimeouts,
  toUserError,
  writeCell,
} from "../../src/excel/host";
import { resetMultiArea } from "../../src/excel/write";
import { planToGrid, renderReport, templateForReport } from "../../src/core/render";
import { seedLikeReport } from "../../src/core/render/samples.testutil";
import { readWorkbook as readReport } from "../../src/core/read";
import { runChecks } from "../../src/core/checks";
import type { WorkbookGrid } from "../../src/core/grid";

function countsGrid(): WorkbookGrid {
  const { plan } = templateForReport(seedLikeReport());
  return { sheets: [planToGrid(plan)] };
}

/** An applications register: `rows` rows of Chinese text, as offices keep beside the counts sheet. */
function register(rows: number): unknown[][] {
  const head = [
    "序号",
    "申请人",
    "申请日期",
    "申请内容",
    "处理结果",
    "答复日期",
    "承办科室",
    "备注",
    "申请方式",
    "告知书文号",
    "是否收费",
    "救济情况",
  ];
  const out: unknown[][] = [head];
  for (let i = 1; i < rows; i++) {
    out.push([
      i,
      `申请人${i}（公民）`,
      `2024年${(i % 12) + 1}月${(i % 28) + 1}日`,
      `申请公开本机关二〇二四年度第${i}号行政许可决定书及其附件、相关会议纪要、审批流程记录和专家评审意见`,
      i % 3 === 0 ? "予以公开" : i % 3 === 1 ? "部分公开（涉及个人隐私部分不予公开）" : "本机关不掌握相关政府信息",
      `2024年${(i % 12) + 1}月${(i % 28) + 2}日`,
      "政务公开办公室综合科",
      i % 5 === 0 ? "申请人要求以电子邮件方式提供，已按期答复并告知救济途径" : "",
      i % 2 ? "网上申请平台" : "当面提交书面申请",
      `某政告〔2024〕${i}号`,
      "不收费",
      i % 7 === 0 ? "申请人已申请行政复议，复议机关维持原答复" : "未申请行政复议或提起行政诉讼",
    ]);
  }
  return out;
}

const tick = (ms = 5) => new Promise((r) => setTimeout(r, ms));

describe("host in real Excels (stricter fake)", () => {
  let fake: FakeExcel;
  afterEach(() => {
    fake.uninstall();
    setHostTimeouts();
    resetMultiArea();
  });

  describe("Excel on the web's 5 MB limit", () => {
    it("a workbook with a 6,000-row Chinese register beside the counts sheet checks: adaptive chunks, no sync over 5 MB", async () => {
      fake = new FakeExcel({ maxResponseBytes: 5 * 1024 * 1024, maxRequestBytes: 5 * 1024 * 1024 }).install();
      fake.loadGrid(countsGrid());
      fake.addSheet("依申请公开登记", register(6000));
      const { result, cost } = await fake.measure(() => loadWorkbookGrid());
      const reg = result.sheets.find((s) => s.name === "依申请公开登记")!;
      assert.equal(reg.values.length, 6000);
      assert.equal(reg.values[5999]![1], "申请人5999（公民）");
      const read = readReport(result);
      assert.equal(read.ok, true);
      if (read.ok) assert.equal(read.report.sheet, "公开数据");
      const delivered = cost.perSync.filter((p) => !p.failed);
      assert.ok(Math.max(...delivered.map((p) => p.responseBytes)) <= 5 * 1024 * 1024);
      // The one-sync read fails on the size, the register is then read in a few measured chunks.
      assert.ok(cost.syncs <= 12, `syncs ${cost.syncs}`);
      console.log(
        `      register 6,000 rows x 12: ${cost.syncs} syncs (${cost.failedSyncs} refused), largest response ${Math.max(...delivered.map((p) => p.responseBytes))} bytes`,
      );
    });

    it("halves a chunk that Excel refuses and goes on (a limit far below the guess)", async () => {
      fake = new FakeExcel({ maxResponseBytes: 400_000 }).install();
      fake.addSheet("依申请公开登记", register(3000));
      const { result, cost } = await fake.measure(() => loadWorkbookGrid({ maxBytesPerSync: 4_000_000 }));
      assert.equal(result.sheets[0]!.values.length, 3000);
      assert.ok(cost.failedSyncs >= 2, "refused syncs were retried smaller");
      assert.deepEqual(result.sheets[0]!.values[2999]![0], 2999);
    });

    it("a normal workbook still checks in 1 sync", async () => {
      fake = new FakeExcel().install();
      fake.loadGrid(countsGrid());
      fake.addSheet("说明", [["本表由政务公开办填写"]]);
      const { cost } = await fake.measure(() => loadWorkbookGrid());
      assert.equal(cost.syncs, 1);
    });

    it("a single row over the limit is TooLarge, said plainly", async () => {
      fake = new FakeExcel({ maxResponseBytes: 20_000 }).install();
      fake.addSheet("大", [["字".repeat(30000)]]);
      await assert.rejects(loadWorkbookGrid(), (e) => toUserError(e).code === "TooLarge");
    });
  });

  describe("cell edit mode", () => {
    beforeEach(() => {
      fake = new FakeExcel().install();
      fake.loadGrid(countsGrid());
    });

    it("a background read waits until the user leaves the cell (delayForCellEdit), then reads", async () => {
      fake.editMode = true;
      let grid: unknown = null;
      const p = loadSheetGrid("公开数据", { background: true }).then((g) => (grid = g));
      await tick(20);
      assert.equal(grid, null);
      assert.equal(fake.delayedBatches, 1);
      fake.editMode = false;
      await p;
      assert.ok(grid);
    });

    it("a user's read fails at once with EditMode", async () => {
      fake.editMode = true;
      await assert.rejects(loadWorkbookGrid(), (e) => toUserError(e).code === "EditMode");
      assert.equal(fake.delayedBatches, 0);
    });
  });

  describe("list separator ';' (office-js #1167)", () => {
    it("formats fall back to one range per rectangle after getRanges is refused; the report is written whole", async () => {
      fake = new FakeExcel({ listSeparator: ";" }).install();
      fake.loadGrid(countsGrid());
      const read = readReport(await loadWorkbookGrid());
      assert.ok(read.ok);
      const plan = renderReport(read.report);
      await applyPlan(plan);
      const reference = new FakeExcel();
      reference.install();
      reference.loadGrid(countsGrid());
      resetMultiArea();
      await applyPlan(plan);
      reference.uninstall();
      fake.install();
      for (const s of plan.sheets) assert.equal(fake.snapshot(s.name), reference.snapshot(s.name), s.name);
    });

    it("selecting several areas falls back to the first area", async () => {
      fake = new FakeExcel({ listSeparator: ";" }).install();
      fake.addSheet("S");
      await selectCells([
        { sheet: "S", row: 0, col: 0 },
        { sheet: "S", row: 4, col: 2 },
      ]);
      assert.deepEqual(fake.selection(), { sheet: "S", address: "A1" });
    });
  });

  describe("event handlers", () => {
    it("removing a handler after the user deleted its sheet does not fail", async () => {
      fake = new FakeExcel().install();
      fake.addSheet("公开数据", [[1]]);
      fake.addSheet("其他");
      const off = await onSheetChanged("公开数据", () => undefined);
      await fake.deleteSheet("公开数据");
      await off();
    });

    it("the add-in's own write is not taken for the user's edit (ExcelApi 1.14 triggerSource)", async () => {
      fake = new FakeExcel().install();
      fake.addSheet("公开数据", [[1, 2]]);
      const seen: string[][] = [];
      await onSheetChanged("公开数据", (a) => seen.push(a));
      await writeCell({ sheet: "公开数据", row: 0, col: 1 }, 3, { expected: 2 });
      await tick();
      assert.equal(fake.ownChanges, 1);
      assert.deepEqual(seen, []);
      await fake.edit("公开数据", "A1", 5);
      assert.deepEqual(seen, [["A1"]]);
    });
  });

  describe("the text sheet (报告正文) watched for the user's edits", () => {
    for (const [maxApi, own] of [
      ["1.14", 0],
      ["1.13", 1],
    ] as const) {
      it(`rewriting the report ${own ? "fires" : "does not fire"} its change handler on ExcelApi ${maxApi}; a user's edit always does`, async () => {
        fake = new FakeExcel({ maxApi }).install();
        const plan = renderReport(seedLikeReport());
        await applyPlan(plan);
        const text = plan.sheets.find((s) => s.name === "报告正文")!;
        assert.ok(text, "the plan writes 报告正文");
        const seen: string[][] = [];
        const off = await onSheetChanged("报告正文", (a) => seen.push(a));
        await applyPlan(plan, { replace: true });
        await tick();
        // Excel 2016/2019 (before 1.14) does not mark the add-in's writes: the pane's own-write guard must.
        assert.equal(seen.length > 0 ? 1 : 0, own);
        seen.length = 0;
        await fake.edit("报告正文", "A3", "本年度共受理政府信息公开申请999件。");
        assert.deepEqual(seen, [["A3"]]);
        await off();
      });
    }
  });

  describe("time limit", () => {
    it("a sync that never answers rejects with Timeout, and the next call works", async () => {
      fake = new FakeExcel().install();
      fake.addSheet("公开数据", [[1]]);
      setHostTimeouts({ user: 50 });
      fake.editMode = true;
      fake.supportsDelayForCellEdit = true;
      // A delayed batch stands in for a sync that hangs.
      setHostTimeouts({ user: 50, background: 50 });
      await assert.rejects(loadSheetGrid("公开数据", { background: true }), (e) => {
        const u = toUserError(e);
        return u.code === "Timeout" && u.data.seconds === "0";
      });
      fake.editMode = false;
      const g = await loadSheetGrid("公开数据");
      assert.equal(g.values[0]![0], 1);
    });
  });

  describe("formula cells", () => {
    it("a formula cell read back through the fake: the generated tables read their totals and shares as Excel computes them", async () => {
      fake = new FakeExcel().install();
      fake.loadGrid(countsGrid());
      const read = readReport(await loadWorkbookGrid());
      assert.ok(read.ok);
      const plan = renderReport(read.report);
      await applyPlan(plan);
      const tables = await loadSheetGrid(plan.sheets.find((s) => s.name === "报告表格")!.name);
      const formulas = tables.formulas!.flat().filter((f) => f?.startsWith("="));
      assert.ok(formulas.length > 30, `the tables are formulas (${formulas.length})`);
      // Every formula cell reads back a value (no blank, no error) ...
      let checked = 0;
      tables.formulas!.forEach((line, r) =>
        line.forEach((f, c) => {
          if (!f) return;
          const v = tables.values[r]![c];
          assert.ok(v !== null && typeof v !== "object", `${f} -> ${JSON.stringify(v)}`);
          checked++;
        }),
      );
      assert.equal(checked, formulas.length);
      // ... and a report read from the recalculated counts sheet gives the engine's findings unchanged.
      const again = readReport(await loadWorkbookGrid());
      assert.ok(again.ok);
      assert.deepEqual(
        runChecks(again.report).map((f) => f.rule),
        runChecks(read.report).map((f) => f.rule),
      );
    });
  });
});
