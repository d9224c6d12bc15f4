/**
 * applyPlan / insertTemplate against the fake Excel: sync budget, text stays text, nothing outside the
 * plan changes, formats grouped, guarded members skipped on older Excel.
 */
import { hostMessage } from "../../src/taskpane/i18n";
import { strict as assert } from "node:assert";
import { FakeExcel, type StatsDelta } from "../support/fake-excel";
import { applyPlan, insertTemplate, loadSheetGrid, loadWorkbookGrid, toUserError } from "../../src/excel/host";
import { columnWidthPoints, excelInput, needsQuotePrefix, toRectangles, uniqueSheetName } from "../../src/excel/write";
import { planToGrid, renderReport, templateForReport, templatePlan } from "../../src/core/render";
import { report2021, seedLikeReport } from "../../src/core/render/samples.testutil";
import { readWorkbook as readReport } from "../../src/core/read";
import { a1, valueAt, type WorkbookGrid } from "../../src/core/grid";
import type { SheetPlan, WorkbookPlan } from "../../src/core/render/plan";

const figures: string[] = [];
function record(label: string, cost: StatsDelta): void {
  figures.push(
    `${label.padEnd(44)} syncs ${String(cost.syncs).padStart(3)}  proxy calls ${String(cost.proxyCalls).padStart(7)}  max bytes/sync ${String(cost.maxBytesPerSync).padStart(9)}`,
  );
}

const TRICKY = [
  "=1+1",
  "=SUM(A1:A2)",
  "+5",
  "-",
  "-3",
  "@home",
  "'quoted",
  "6%",
  "001",
  "2019年1月",
  "2019-01-02",
  "TRUE",
  "false",
  "#N/A",
  "1e5",
  " 42",
  "1,234",
];

function smallPlan(): WorkbookPlan {
  const cells: SheetPlan["cells"] = [
    { row: 0, col: 0, value: "2021年政府信息公开工作年度报告", style: "title" },
    { row: 1, col: 0, value: "项目", style: "head" },
    { row: 1, col: 1, value: "本年", style: "head" },
    { row: 1, col: 2, value: "占比", style: "head" },
    { row: 2, col: 0, value: "政府文件", style: "label" },
    { row: 2, col: 1, value: 42, style: "num" },
    { row: 2, col: 2, formula: '=IF(B4=0,"",B3/B4)', style: "pct" },
    { row: 3, col: 0, value: "合计", style: "label" },
    { row: 3, col: 1, formula: "=SUM(B3:B3)", style: "num" },
    { row: 3, col: 2, value: null, style: "pct" },
  ];
  TRICKY.forEach((s, i) => cells.push({ row: 5 + i, col: 0, value: s, style: "label" }));
  return {
    sheets: [
      {
        name: "报告表格",
        cells,
        styles: {
          title: { font: { name: "仿宋", size: 12, bold: true }, horizontal: "center" },
          head: { font: { name: "仿宋", size: 10.5, bold: true }, border: true, horizontal: "center", wrap: true },
          label: { font: { name: "仿宋", size: 10.5 }, border: true },
          num: { font: { name: "仿宋", size: 10.5 }, border: true, numberFormat: "0", fill: "#FFF2CC", input: true },
          pct: { font: { name: "仿宋", size: 10.5 }, border: true, numberFormat: "0.00%" },
        },
        merges: [{ top: 0, left: 0, bottom: 0, right: 2 }],
        columnWidths: { 0: 20, 1: 10, 2: 10 },
        rowHeights: { 0: 24 },
        validations: [
          { range: { top: 2, left: 1, bottom: 2, right: 1 }, type: "whole", min: 0, error: "请输入非负整数" },
        ],
        print: { orientation: "landscape", paper: "A4", fitToWidth: true, rowBreaks: [5, 12] },
        freezeRows: 2,
      },
    ],
    names: [{ name: "报告_表一", sheet: "报告表格", range: { top: 1, left: 0, bottom: 3, right: 2 }, title: "表一" }],
  };
}

/** A plan of rows x cols numbers with a checkerboard of two styles (many rectangles). */
function largePlan(rows: number, cols: number): WorkbookPlan {
  const cells: SheetPlan["cells"] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) cells.push({ row: r, col: c, value: r * cols + c, style: (r + c) % 2 ? "a" : "b" });
  }
  return {
    sheets: [
      {
        name: "大表",
        cells,
        styles: { a: { font: { bold: true }, border: true }, b: { fill: "#EEEEEE", border: true, numberFormat: "0" } },
        merges: [],
        columnWidths: Object.fromEntries(Array.from({ length: cols }, (_, c) => [c, 9])),
      },
    ],
    names: [],
  };
}

function countsGrid(): WorkbookGrid {
  return { sheets: [planToGrid(templateForReport(seedLikeReport()).plan)] };
}

/** Every plan cell with content is in the fake as written: text as text, numbers, formulas. */
function assertWritten(fake: FakeExcel, plan: SheetPlan): void {
  for (const c of plan.cells) {
    const got = fake.read(plan.name, a1(c.row, c.col));
    if (c.formula !== undefined) assert.equal(got.formula, c.formula, `${a1(c.row, c.col)} formula`);
    else if (c.value === null || c.value === undefined) assert.equal(got.value, "", `${a1(c.row, c.col)} blank`);
    else assert.equal(got.value, c.value, `${a1(c.row, c.col)} value`);
  }
}

describe("host applyPlan / insertTemplate (fake Excel)", () => {
  let fake: FakeExcel;
  beforeEach(() => {
    fake = new FakeExcel().install();
  });
  afterEach(() => fake.uninstall());
  after(() => {
    console.log("\n      measured (fake Excel):\n" + figures.map((f) => `        ${f}`).join("\n"));
  });

  it("writes a small plan in 2 syncs, with calculation and screen updating suspended in the write", async () => {
    fake.addSheet("公开数据", [["单位名称", "某局"]]);
    const plan = smallPlan();
    const { cost } = await fake.measure(() => applyPlan(plan));
    record("applyPlan: small hand-made plan", cost);
    assert.equal(cost.syncs, 2);
    assert.equal(cost.perSync[1]!.calculationSuspended, true);
    assert.equal(cost.perSync[1]!.screenUpdatingSuspended, true);
    assertWritten(fake, plan.sheets[0]!);
  });

  it("writes every string as text, whatever it looks like", async () => {
    await applyPlan(smallPlan());
    for (const [i, s] of TRICKY.entries()) {
      const cell = fake.cell("报告表格", `A${6 + i}`)!;
      assert.equal(cell.value, s, `A${6 + i}: ${JSON.stringify(s)}`);
      assert.equal(cell.formula, undefined, `${s} must not become a formula`);
    }
    // And the host reads them back as text, not as formulas.
    const grid = (await loadWorkbookGrid()).sheets.find((s) => s.name === "报告表格")!;
    assert.equal(grid.values[5]![0], "=1+1");
    assert.equal(grid.formulas![5]![0], "");
    assert.equal(grid.formulas![2]![2], '=IF(B4=0,"",B3/B4)');
  });

  it("applies formats, merges, widths, heights, names, validation, print setup and frozen rows", async () => {
    await applyPlan(smallPlan());
    const s = fake.sheet("报告表格");
    assert.deepEqual(s.merges, [{ top: 0, left: 0, bottom: 0, right: 2 }]);
    assert.equal(s.columnWidths.get(0), columnWidthPoints(20));
    assert.equal(s.columnWidths.get(1), columnWidthPoints(10));
    assert.equal(s.rowHeights.get(0), 24);
    assert.equal(s.frozenRows, 2);
    assert.equal(s.pageLayout.orientation, "Landscape");
    assert.equal(s.pageLayout.paperSize, "A4");
    assert.deepEqual(s.rowBreaks, [5, 12], "a page break before rows 6 and 13");
    assert.deepEqual(
      s.validations.map((v) => [v.rect, v.rule]),
      [[{ top: 2, left: 1, bottom: 2, right: 1 }, { wholeNumber: { formula1: 0, operator: "GreaterThanOrEqualTo" } }]],
    );
    const title = fake.cell("报告表格", "A1")!;
    assert.deepEqual(
      [title.format?.fontName, title.format?.fontSize, title.format?.bold, title.format?.horizontal],
      ["仿宋", 12, true, "Center"],
    );
    const num = fake.cell("报告表格", "B3")!;
    assert.deepEqual(
      [num.numberFormat, num.format?.fill, num.format?.locked, num.format?.borderTop, num.format?.borderRight],
      ["0", "#FFF2CC", false, "Continuous", "Continuous"],
    );
    assert.equal(fake.cell("报告表格", "C3")!.numberFormat, "0.00%");
    const name = fake.wb.names.get("报告_表一")!;
    assert.deepEqual(
      [name.rect, fake.wb.sheetById(name.sheetId)!.name],
      [{ top: 1, left: 0, bottom: 3, right: 2 }, "报告表格"],
    );
    // Generated again with other breaks: the old ones go.
    const again = smallPlan();
    again.sheets[0]!.print!.rowBreaks = [7];
    await applyPlan(again, { replace: true });
    assert.deepEqual(fake.sheet("报告表格").rowBreaks, [7]);
  });

  it("works on ExcelApi 1.7: no 1.8/1.9 member is used, formats go one range per rectangle", async () => {
    fake.maxApi = "1.7";
    const plan = smallPlan();
    const { cost } = await fake.measure(() => applyPlan(plan));
    record("applyPlan: small plan on ExcelApi 1.7", cost);
    assert.equal(cost.syncs, 2);
    assert.equal(cost.failedSyncs, 0);
    assertWritten(fake, plan.sheets[0]!);
    const s = fake.sheet("报告表格");
    assert.equal(s.validations.length, 0, "data validation needs 1.8");
    assert.equal(s.pageLayout.orientation, "Portrait", "page layout needs 1.9");
    assert.deepEqual(s.rowBreaks, [], "page breaks need 1.9");
    assert.equal(fake.cell("报告表格", "B3")!.format?.borderTop, "Continuous");
  });

  it("writes a large plan (5,000 x 8 cells, checkerboard styles) in 2 syncs", async () => {
    const plan = largePlan(5000, 8);
    const { cost } = await fake.measure(() => applyPlan(plan));
    record("applyPlan: 40,000 cells, 20,000 rectangles", cost);
    assert.equal(cost.syncs, 2);
    assertWritten(fake, plan.sheets[0]!);
    assert.equal(fake.cell("大表", "A1")!.format?.fill, "#EEEEEE");
    assert.equal(fake.cell("大表", "B1")!.format?.bold, true);
    assert.equal(fake.cell("大表", "G5000")!.format?.bold, true);
    assert.equal(fake.cell("大表", "G5000")!.format?.fill, undefined);
    assert.equal(fake.cell("大表", "H5000")!.format?.fill, "#EEEEEE");
    assert.equal(fake.cell("大表", "H5000")!.format?.bold, undefined);
  });

  it("groups formats: a generated report costs far fewer proxy calls than it has styled cells", async () => {
    const plan = renderReport(report2021());
    const styled = plan.sheets.reduce((n, s) => n + s.cells.filter((c) => c.style).length, 0);
    const { cost } = await fake.measure(() => applyPlan(plan));
    record(`applyPlan: renderReport (${styled} styled cells)`, cost);
    assert.equal(cost.syncs, 2);
    for (const s of plan.sheets) assertWritten(fake, s);
    // Without grouping there would be at least one range and one property per styled cell and attribute.
    assert.ok(cost.proxyCalls < styled * 2, `proxy calls ${cost.proxyCalls} vs ${styled} styled cells`);
    for (const s of plan.sheets) assert.equal(fake.sheet(s.name).visibility, s.hidden ? "Hidden" : "Visible", s.name);
    assert.deepEqual(
      fake.sheet("报告表格").merges.length,
      plan.sheets.find((s) => s.name === "报告表格")!.merges.length,
    );
  });

  it("generate flow: read + apply in 3 syncs, and the counts sheet is identical before and after", async () => {
    fake.loadGrid(countsGrid());
    fake.addSheet("其他", [["别动", 1]]);
    fake.sheet("公开数据").merges.push({ top: 0, left: 0, bottom: 0, right: 5 });
    const before = fake.snapshot("公开数据");
    const other = fake.snapshot("其他");
    const { cost } = await fake.measure(async () => {
      const grid = await loadWorkbookGrid();
      const read = readReport(grid);
      assert.equal(read.ok, true);
      if (!read.ok) return;
      await applyPlan(renderReport(read.report));
    });
    record("generate flow: loadWorkbookGrid + applyPlan", cost);
    assert.ok(cost.syncs <= 3, `syncs ${cost.syncs}`);
    assert.equal(fake.snapshot("公开数据"), before);
    assert.equal(fake.snapshot("其他"), other);
    assert.deepEqual(fake.sheetNames().slice(0, 2), ["公开数据", "其他"]);
    // Generating again replaces only the report sheets.
    const again = await fake.measure(async () => {
      const read = readReport(await loadWorkbookGrid());
      if (read.ok) await applyPlan(renderReport(read.report), { replace: true });
    });
    assert.ok(again.cost.syncs <= 3);
    assert.equal(fake.snapshot("公开数据"), before);
    assert.equal(fake.snapshot("其他"), other);
  });

  it("refuses to overwrite an existing plan sheet unless replace is set, then clears it first", async () => {
    fake.addSheet("报告表格", [["旧内容"]], "Z99");
    fake.sheet("报告表格").merges.push({ top: 40, left: 0, bottom: 41, right: 3 });
    const snap = fake.snapshot("报告表格");
    await assert.rejects(applyPlan(smallPlan()), (e) => toUserError(e).code === "SheetExists");
    assert.equal(fake.snapshot("报告表格"), snap, "nothing written");
    const { cost } = await fake.measure(() => applyPlan(smallPlan(), { replace: true }));
    assert.equal(cost.syncs, 2);
    assert.equal(fake.read("报告表格", "Z99").value, "", "old content cleared");
    assert.deepEqual(fake.sheet("报告表格").merges, [{ top: 0, left: 0, bottom: 0, right: 2 }]);
    assertWritten(fake, smallPlan().sheets[0]!);
  });

  it("replaces an existing name of the plan", async () => {
    await applyPlan(smallPlan());
    const plan = smallPlan();
    plan.names[0]!.range = { top: 2, left: 0, bottom: 2, right: 2 };
    await applyPlan(plan, { replace: true });
    assert.deepEqual(fake.wb.names.get("报告_表一")!.rect, { top: 2, left: 0, bottom: 2, right: 2 });
  });

  it("a protected report sheet gives a clear message", async () => {
    fake.addSheet("报告表格");
    fake.protect("报告表格");
    await assert.rejects(applyPlan(smallPlan(), { replace: true }), (e) => {
      const u = toUserError(e);
      return (
        u.code === "Protected" &&
        hostMessage("zh", u).startsWith("工作表“报告表格”受保护") &&
        hostMessage("en", u).startsWith("The worksheet (报告表格) is protected")
      );
    });
  });

  it("a workbook whose structure is protected: refused in the first sync, before anything is written, with a message naming 审阅 > 保护工作簿", async () => {
    fake.loadGrid(countsGrid());
    fake.addSheet("报告表格", [["旧"]]);
    fake.protectStructure();
    const before = fake.sheetNames().map((n) => fake.snapshot(n));
    const { cost } = await fake.measure(() =>
      assert.rejects(applyPlan(smallPlan(), { replace: true }), (e) => {
        const u = toUserError(e);
        assert.equal(u.code, "WorkbookProtected");
        assert.equal(u.data["sheets"], "报告表格");
        assert.equal(
          hostMessage("zh", u),
          "工作簿结构受保护（不能新建、显示或隐藏工作表），无法写入工作表“报告表格”，未写入任何内容。请在“审阅 > 保护工作簿”中取消保护（设有密码的需输入密码）后重试。",
        );
        assert.match(
          hostMessage("en", u),
          /^The workbook's structure is protected .* worksheet \(报告表格\) cannot be written; nothing was written\. Unprotect it \(Review > Protect Workbook/,
        );
        return true;
      }),
    );
    assert.equal(cost.syncs, 1, "refused after the first (look-up) sync");
    assert.deepEqual(
      fake.sheetNames().map((n) => fake.snapshot(n)),
      before,
      "nothing written",
    );
    await assert.rejects(insertTemplate(smallPlan().sheets[0]!), (e) => toUserError(e).code === "WorkbookProtected");
    assert.deepEqual(fake.sheetNames(), ["公开数据", "报告表格"], "insertTemplate added no sheet");
    fake.protectStructure(false);
    await applyPlan(smallPlan(), { replace: true });
    assertWritten(fake, smallPlan().sheets[0]!);
  });

  it("insertTemplate adds 公开数据 (2) when taken, activates it and never alters other sheets", async () => {
    fake.loadGrid(countsGrid());
    fake.addSheet("其他", [["=1+1", "x"]]);
    const before = fake.sheetNames().map((n) => fake.snapshot(n));
    const plan = templatePlan({ year: 2021 });
    const { result, cost } = await fake.measure(() => insertTemplate(plan));
    record("insertTemplate: template sheet", cost);
    assert.equal(cost.syncs, 2);
    assert.equal(result, "公开数据 (2)");
    assert.equal(fake.activeSheet(), "公开数据 (2)");
    assert.deepEqual(
      ["公开数据", "其他"].map((n) => fake.snapshot(n)),
      before,
    );
    assertWritten(fake, { ...plan, name: "公开数据 (2)" });
    // Round trip: what the host reads back is what the template plan holds.
    const back = await loadSheetGrid("公开数据 (2)");
    const expected = planToGrid(plan);
    for (const c of plan.cells) {
      assert.deepEqual(valueAt(back, c.row, c.col), valueAt(expected, c.row, c.col), a1(c.row, c.col));
    }
  });

  it("insertTemplate makes formulas that name the template sheet follow the new name", async () => {
    fake.addSheet("公开数据");
    const plan: SheetPlan = {
      name: "公开数据",
      cells: [
        { row: 0, col: 0, value: 1 },
        { row: 0, col: 1, formula: "=公开数据!A1*2" },
      ],
      styles: {},
      merges: [],
      columnWidths: {},
    };
    const name = await insertTemplate(plan);
    assert.equal(fake.read(name, "B1").formula, "='公开数据 (2)'!A1*2");
  });
});

describe("host write helpers", () => {
  it("needsQuotePrefix protects everything Excel would convert, and leaves plain labels alone", () => {
    for (const s of TRICKY) assert.equal(needsQuotePrefix(s), true, s);
    for (const s of ["单位名称", "政府文件", "第二十条第（一）项", "Total", "（一）", "“四、结转下年度继续办理”"]) {
      assert.equal(needsQuotePrefix(s), false, s);
    }
    assert.equal(excelInput({ value: "=1+1" }), "'=1+1");
    assert.equal(excelInput({ formula: "=1+1" }), "=1+1");
    assert.equal(excelInput({ value: null }), "");
  });

  it("toRectangles covers exactly the given cells with few rectangles", () => {
    const cells = [
      { row: 0, col: 0 },
      { row: 0, col: 1 },
      { row: 1, col: 0 },
      { row: 1, col: 1 },
      { row: 3, col: 1 },
      { row: 2, col: 5 },
    ];
    const rects = toRectangles(cells);
    assert.deepEqual(rects, [
      { top: 0, left: 0, bottom: 1, right: 1 },
      { top: 2, left: 5, bottom: 2, right: 5 },
      { top: 3, left: 1, bottom: 3, right: 1 },
    ]);
  });

  it("column widths: 8.43 characters is Excel's default 48 points", () => {
    assert.equal(columnWidthPoints(8.43), 48);
    assert.equal(columnWidthPoints(20), 108.75);
  });

  it("uniqueSheetName adds (2), (3)... case-insensitively and within 31 characters", () => {
    assert.equal(uniqueSheetName("公开数据", ["Sheet1"]), "公开数据");
    assert.equal(uniqueSheetName("公开数据", ["公开数据", "公开数据 (2)"]), "公开数据 (3)");
    assert.equal(uniqueSheetName("Data", ["data"]), "Data (2)");
    assert.equal(uniqueSheetName("x".repeat(31), ["x".repeat(31)]).length, 31);
  });
});
