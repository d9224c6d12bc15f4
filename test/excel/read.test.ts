/**
 * loadWorkbookGrid / loadSheetGrid against the fake Excel: sync budget, size guard, and what the grid holds.
 * Measured figures are printed (syncs, proxy calls, largest request + response of one sync).
 */
import { hostMessage } from "../../src/taskpane/i18n";
import { strict as assert } from "node:assert";
import { FakeExcel, type StatsDelta } from "../support/fake-excel";
import { naiveRead } from "../support/naive-read";
import { loadSheetGrid, loadWorkbookGrid, toUserError } from "../../src/excel/host";
import { planToGrid, templateForReport } from "../../src/core/render";
import { seedLikeReport } from "../../src/core/render/samples.testutil";
import { readWorkbook as readReport } from "../../src/core/read";
import { ESTIMATED_BYTES_PER_CELL, parseAreas, toCells } from "../../src/excel/read";
import { kindAt, type WorkbookGrid } from "../../src/core/grid";
import { cellNum } from "../../src/core/read/values";

const figures: string[] = [];
function record(label: string, cost: StatsDelta): void {
  figures.push(
    `${label.padEnd(44)} syncs ${String(cost.syncs).padStart(5)}  proxy calls ${String(cost.proxyCalls).padStart(7)}  max bytes/sync ${String(cost.maxBytesPerSync).padStart(9)}`,
  );
}

/** The seed-like counts sheet, filled, as a grid. */
function countsGrid(): WorkbookGrid {
  const { plan } = templateForReport(seedLikeReport());
  return { sheets: [planToGrid(plan)] };
}

function otherRows(rows: number, cols: number): unknown[][] {
  return Array.from({ length: rows }, (_, r) =>
    Array.from({ length: cols }, (_, c) => (c === 0 ? `项目${r}` : c === cols - 1 ? `=B${r + 1}*2` : r * cols + c)),
  );
}

describe("host loadWorkbookGrid / loadSheetGrid (fake Excel)", () => {
  let fake: FakeExcel;
  beforeEach(() => {
    fake = new FakeExcel().install();
  });
  afterEach(() => fake.uninstall());
  after(() => {
    console.log("\n      measured (fake Excel):\n" + figures.map((f) => `        ${f}`).join("\n"));
  });

  it("reads the filled counts sheet in 1 sync, and the engine reads the same report from it", async () => {
    fake.loadGrid(countsGrid());
    const { result, cost } = await fake.measure(() => loadWorkbookGrid());
    record("loadWorkbookGrid: small report (1 sheet)", cost);
    assert.equal(cost.syncs, 1);
    assert.equal(result.sheets.length, 1);
    const direct = readReport(countsGrid());
    const viaHost = readReport(result);
    assert.equal(direct.ok, true);
    assert.equal(viaHost.ok, true);
    if (direct.ok && viaHost.ok) {
      assert.deepEqual(
        JSON.parse(JSON.stringify(viaHost.report.section3)),
        JSON.parse(JSON.stringify(direct.report.section3)),
      );
      assert.equal(viaHost.report.meta.body?.text, direct.report.meta.body?.text);
    }
  });

  it("says plainly when Excel lacks ExcelApi 1.7, before any sync", async () => {
    fake.uninstall();
    fake = new FakeExcel({ maxApi: "1.6" }).install();
    fake.loadGrid(countsGrid());
    const error = await loadWorkbookGrid().then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.ok(error, "loadWorkbookGrid must fail");
    assert.equal(fake.stats.syncs, 0);
    const user = toUserError(error);
    assert.equal(user.code, "ApiNotSupported");
    assert.match(hostMessage("zh", user), /^此功能需要 Excel 2019 或更新版本/);
  });

  it("marks a date typed into a count cell (2023/5/1); then asks Excel its date system, in one more sync", async () => {
    fake.loadGrid(countsGrid());
    fake.addSheet("日期", [
      ["行政许可", "2023/5/1"],
      ["行政处罚", 12],
    ]);
    const s = await loadSheetGrid("日期");
    assert.equal(s.values[0]![1], 45047);
    assert.equal(kindAt(s, 0, 1), "date");
    assert.equal(kindAt(s, 1, 1), null);
    assert.equal(s.date1904, undefined, "the 1900 date system");
    assert.equal(fake.stats.syncs, 2, "the read, then DATE(2000,1,1)");
    assert.equal(cellNum(s, 0, 1).text, "2023-05-01");
  });

  it("on a workbook with the 1904 date system, the same typed date is 43585 and still named 2023-05-01", async () => {
    fake.wb.date1904 = true;
    fake.loadGrid(countsGrid());
    fake.addSheet("日期", [["行政许可", "2023/5/1"]]);
    const s = await loadSheetGrid("日期");
    assert.equal(s.values[0]![1], 43585);
    assert.equal(s.date1904, true);
    assert.equal(cellNum(s, 0, 1).text, "2023-05-01");
    const wb = await loadWorkbookGrid();
    assert.ok(
      wb.sheets.every((x) => x.date1904 === true),
      "every sheet of the workbook says so",
    );
  });

  it("a sheet without dates is read in 1 sync (the date system is not asked)", async () => {
    fake.wb.date1904 = true;
    fake.loadGrid(countsGrid());
    const { result, cost } = await fake.measure(() => loadWorkbookGrid());
    assert.equal(cost.syncs, 1);
    assert.ok(result.sheets.every((x) => x.date1904 === undefined));
  });

  it("reads a workbook with a 10,000-row sheet of other content in 1 sync", async () => {
    fake.loadGrid(countsGrid());
    fake.addSheet("明细", otherRows(10000, 6));
    const { result, cost } = await fake.measure(() => loadWorkbookGrid());
    record("loadWorkbookGrid: + 10,000 rows x 6 cols", cost);
    assert.equal(cost.syncs, 1);
    const big = result.sheets.find((s) => s.name === "明细")!;
    assert.equal(big.values.length, 10000);
    assert.equal(big.values[9999]![1], 9999 * 6 + 1);
    assert.equal(big.formulas![9999]![5], "=B10000*2");
    assert.ok(cost.maxBytesPerSync < 4_000_000);
  });

  it("reads 50 sheets in 1 sync", async () => {
    for (let i = 1; i <= 50; i++) fake.addSheet(`表${i}`, [[`标签${i}`, i]], i % 3 === 0 ? "C4" : "A1");
    const { result, cost } = await fake.measure(() => loadWorkbookGrid());
    record("loadWorkbookGrid: 50 small sheets", cost);
    assert.equal(cost.syncs, 1);
    assert.deepEqual(
      result.sheets.map((s) => s.name),
      fake.sheetNames(),
    );
    const s3 = result.sheets[2]!;
    assert.deepEqual([s3.top, s3.left, s3.values], [3, 2, [["标签3", 3]]]);
  });

  it("keeps going past the chain length (70 sheets) with one more sync", async () => {
    for (let i = 1; i <= 70; i++) fake.addSheet(`S${i}`, [[i]]);
    const { result, cost } = await fake.measure(() => loadWorkbookGrid());
    assert.equal(result.sheets.length, 70);
    assert.ok(cost.syncs <= 2, `syncs ${cost.syncs}`);
    // The next read knows there are 70 sheets and needs one sync again.
    const again = await fake.measure(() => loadWorkbookGrid());
    assert.equal(again.cost.syncs, 1);
  });

  it("reads a sheet larger than the window in chunks within the cell and byte budget", async () => {
    fake.addSheet("小", [["a", 1]]);
    // 25,000 rows x 12 columns = 300,000 cells; budget 100,000 cells -> at least 3 chunk syncs.
    fake.addSheet("大", otherRows(25000, 12));
    const { result, cost } = await fake.measure(() =>
      loadWorkbookGrid({ maxCellsPerSync: 100_000, maxBytesPerSync: 2_000_000 }),
    );
    record("loadWorkbookGrid: 25,000 x 12 (budget 100k cells)", cost);
    const big = result.sheets.find((s) => s.name === "大")!;
    assert.equal(big.values.length, 25000);
    assert.equal(big.values[24999]![0], "项目24999");
    assert.equal(big.values[12345]![3], 12345 * 12 + 3);
    assert.equal(big.formulas![20000]![11], "=B20001*2");
    // The first sync reads the window (10,000 rows); the chunks after it respect the budget.
    assert.equal(cost.failedSyncs, 0);
    const chunkSyncs = cost.perSync.slice(1);
    assert.ok(chunkSyncs.length >= 3, `chunk syncs ${chunkSyncs.length}`);
    for (const s of chunkSyncs) assert.ok(s.responseBytes <= 2_000_000, `response ${s.responseBytes}`);
  });

  it("falls back to the plain path when the one-sync read is refused (response over 5 MB)", async () => {
    fake.loadGrid(countsGrid());
    fake.addSheet("明细", otherRows(3000, 6));
    fake.maxResponseBytes = 300_000; // the one-sync read of everything is larger than this
    const { result, cost } = await fake.measure(() => loadWorkbookGrid({ maxBytesPerSync: 200_000 }));
    record("loadWorkbookGrid: fallback (limit 300 kB)", cost);
    assert.ok(cost.syncs >= 3);
    const big = result.sheets.find((s) => s.name === "明细")!;
    assert.equal(big.values.length, 3000);
    assert.equal(big.values[2999]![2], 2999 * 6 + 2);
    for (const s of cost.perSync.slice(1)) assert.ok(s.responseBytes <= 300_000);
  });

  it("falls back when Excel refuses methods on null objects", async () => {
    fake.nullObjectMethods = "throw";
    fake.addSheet("A", [[1, 2]]);
    fake.addSheet("B", [["x"]], "B2");
    const { result, cost } = await fake.measure(() => loadWorkbookGrid());
    assert.deepEqual(
      result.sheets.map((s) => [s.name, s.top, s.left, s.values]),
      [
        ["A", 0, 0, [[1, 2]]],
        ["B", 1, 1, [["x"]]],
      ],
    );
    assert.ok(cost.syncs <= 4);
  });

  it("tells error values from text, keeps text that looks like a formula as text, and reads merges", async () => {
    fake.addSheet("T", [["#N/A", "'#N/A", "'=1+1", "=A1", "", 0, true]]);
    fake.sheet("T").merges.push({ top: 2, left: 0, bottom: 3, right: 1 });
    const [t] = (await loadWorkbookGrid()).sheets;
    assert.deepEqual(t!.values[0], [{ error: "#N/A" }, "#N/A", "=1+1", { error: "#N/A" }, null, 0, true]);
    assert.deepEqual(t!.formulas![0], ["", "", "", "=A1", "", "", ""]);
    assert.deepEqual(t!.merges, [{ top: 2, left: 0, bottom: 3, right: 1 }]);
  });

  it("reports hidden rows when it is cheap (none hidden)", async () => {
    fake.addSheet("T", [[1], [2]]);
    const [t] = (await loadWorkbookGrid()).sheets;
    assert.deepEqual(t!.hiddenRows, []);
  });

  it("reads an empty sheet as an empty grid", async () => {
    fake.addSheet("空");
    const [t] = (await loadWorkbookGrid()).sheets;
    assert.deepEqual([t!.name, t!.values], ["空", []]);
  });

  it("loadSheetGrid reads one sheet in 1 sync; a missing sheet gives ItemNotFound naming it", async () => {
    fake.loadGrid(countsGrid());
    fake.addSheet("明细", otherRows(10000, 6));
    const { result, cost } = await fake.measure(() => loadSheetGrid("公开数据"));
    record("loadSheetGrid: counts sheet", cost);
    assert.equal(cost.syncs, 1);
    assert.equal(result.name, "公开数据");
    await assert.rejects(loadSheetGrid("不存在"), (e) => {
      const u = toUserError(e);
      return u.code === "ItemNotFound" && hostMessage("zh", u).includes("不存在");
    });
  });

  it("needs far more syncs the naive way (one per cell): the baseline", async () => {
    fake.loadGrid(countsGrid());
    const { result, cost } = await fake.measure(() => naiveRead());
    record("naiveRead: small report (1 sheet)", cost);
    const { result: good } = await fake.measure(() => loadWorkbookGrid());
    assert.deepEqual(result.sheets[0]!.values, good.sheets[0]!.values, "same content");
    const cells = good.sheets[0]!.values.length * Math.max(...good.sheets[0]!.values.map((r) => r.length));
    assert.equal(cost.syncs, 2 + cells);
  });

  it("measures bytes per cell for numbers and Chinese text against the estimate", async () => {
    fake.addSheet(
      "数",
      otherRows(1000, 10).map((r) => r.map((_, c) => 1000 + c)),
    );
    const n = await fake.measure(() => loadSheetGrid("数"));
    const perNumber = n.cost.maxResponseBytes / 10000;
    fake.addSheet(
      "文",
      Array.from({ length: 1000 }, () => Array.from({ length: 10 }, () => "主动公开政府信息数量")),
    );
    const t = await fake.measure(() => loadSheetGrid("文"));
    const perText = t.cost.maxResponseBytes / 10000;
    figures.push(
      `bytes per cell (values+formulas+valueTypes+numberFormat): number ${perNumber.toFixed(1)}, 10-char Chinese text ${perText.toFixed(1)}; estimate ${ESTIMATED_BYTES_PER_CELL}`,
    );
    assert.ok(perNumber < ESTIMATED_BYTES_PER_CELL, `number ${perNumber}`);
    assert.ok(
      perText > ESTIMATED_BYTES_PER_CELL,
      "text is costlier than the default estimate: the measured estimate matters",
    );
  });
});

describe("host read helpers", () => {
  it("toCells maps Excel's arrays to grid values", () => {
    const { values, formulas } = toCells(
      [["", "#DIV/0!", "x", 3]],
      [["", "=1/0", "x", 3]],
      [["Empty", "Error", "String", "Double"]],
    );
    assert.deepEqual(values, [[null, { error: "#DIV/0!" }, "x", 3]]);
    assert.deepEqual(formulas, [["", "=1/0", "", ""]]);
  });

  it("toCells marks a number shown as a date or time (never a count), and nothing else", () => {
    const { values, kinds } = toCells(
      [[45047, 0.5, 7, "2023-05-01", 45047]],
      undefined,
      [["Double", "Double", "Double", "String", "Double"]],
      [["yyyy/m/d", "h:mm", "0", "@", 'yyyy"年"m"月"d"日"']],
    );
    assert.deepEqual(values, [[45047, 0.5, 7, "2023-05-01", 45047]]);
    assert.deepEqual(
      Array.from(kinds![0]!, (k) => k ?? null),
      ["date", "time", null, null, "date"],
    );
    assert.equal(toCells([[1, 2]], undefined, [["Double", "Double"]], [["General", "0"]]).kinds, undefined);
  });

  it("parseAreas reads multi-area addresses, quoted names with commas included", () => {
    assert.deepEqual(parseAreas("'a,b'!A1:B2,'a,b'!$C$3"), [
      { top: 0, left: 0, bottom: 1, right: 1 },
      { top: 2, left: 2, bottom: 2, right: 2 },
    ]);
    assert.deepEqual(parseAreas("公开数据!A1:C1, 公开数据!A2:A4"), [
      { top: 0, left: 0, bottom: 0, right: 2 },
      { top: 1, left: 0, bottom: 3, right: 0 },
    ]);
  });
});
