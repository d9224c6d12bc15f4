/**
 * 导入上年数据 in the pane: the real controller, engine, Office.js host (over the fake Excel) and file reader
 * (src/taskpane/prior-file.ts, the .xlsx reader loaded on demand), and the real view in happy-dom for the button.
 * Last year's workbook fills only the blank 上年 cells; a typed figure stays; the notice says what was filled, kept
 * and missing; a wrong year warns; a file that is not a workbook, or holds no report, is said in plain words.
 */
import { strict as assert } from "node:assert";
import { promises as fs } from "node:fs";
import * as path from "node:path";
import * as host from "../../src/excel/host";
import { a1 } from "../../src/core/grid";
import { cellKey } from "../../src/core/model/format";
import { readWorkbook } from "../../src/core/read";
import { templateCells, templatePlan } from "../../src/core/render/template";
import { readXlsxFast } from "../../src/cli/xlsx-fast";
import { Controller } from "../../src/taskpane/controller";
import { ENGINE } from "../../src/taskpane/engine";
import { readPriorFileWith } from "../../src/taskpane/prior-file";
import * as xlsxReader from "../../src/xlsx/in-browser";
import { mountView } from "../../src/taskpane/view";
import { FakeExcel } from "../support/fake-excel";
import { FakePane } from "../support/fake-pane";
import { useDom } from "../support/dom";

const ROOT = path.join(__dirname, "..", "..");
const LAST = path.join(ROOT, "examples/example-2021.xlsx");
const SHEET = "公开数据";
/** December 2022: the report due is 2022's, and last year's is example-2021.xlsx. */
const DECEMBER_2022 = () => new Date(2022, 11, 10);

function pane(now = DECEMBER_2022): Controller {
  // The reader module given as it is (in the pane it is a chunk loaded on the first import).
  const readPriorFile = (file: Blob) => readPriorFileWith(() => Promise.resolve(xlsxReader), file);
  return new Controller({ host, engine: ENGINE, lang: "zh", now, readPriorFile });
}

async function lastYearFile(name = "示例局2021年报.xlsx"): Promise<File> {
  return new File([await fs.readFile(LAST)], name);
}

describe("导入上年数据: last year's workbook into this year's 上年 cells (pane, real engine and host)", function () {
  this.timeout(60_000);
  let fake: FakeExcel;
  beforeEach(() => {
    fake = new FakeExcel({ displayLanguage: "zh-CN" }).install();
    fake.addSheet("Sheet1", []);
  });
  afterEach(() => fake.uninstall());

  it("fills only the blank 上年 cells, keeps a typed one, says what it did; the check stays clean", async () => {
    const c = pane();
    await c.open();
    await c.insertTemplate();
    assert.equal(c.state.phase, "ready");
    assert.equal(c.state.canImportPrior, true);
    const cells = templateCells(templatePlan({ year: 2022 }));
    const prior = cells.tables.s3!.prior;
    const typed = prior[cellKey("carried", "natural")]!;
    await fake.edit(SHEET, a1(typed.row, typed.col), 9);
    const before = JSON.stringify(fake.cells(SHEET));

    await c.importPrior(await lastYearFile());
    const last = readWorkbook(readXlsxFast(await fs.readFile(LAST)));
    assert.ok(last.ok);
    const notice = c.state.notice!;
    if (process.env.SHOW) console.log(notice.text);
    assert.equal(notice.kind, "success", notice.text);
    assert.match(notice.text, /^已从上年报告（示例县示例局（虚构） 2021年）填入 27 项上年数据：/);
    assert.match(notice.text, /已填写的 1 项保持不变：公开数据!D\d+/);
    // The typed figure stays; the other columns are last year's 结转下年度.
    assert.equal(fake.read(SHEET, a1(typed.row, typed.col)).value, 9);
    for (const col of ["commercial", "research", "otherOrg"]) {
      const at = prior[cellKey("carried", col)]!;
      assert.equal(
        fake.read(SHEET, a1(at.row, at.col)).value,
        last.report.section3!.cells[cellKey("carryNext", col)]!.value,
        col,
      );
    }
    const inForce = cells.tables["s2.item1"]!.prior[cellKey("normativeDocs", "inForce")]!;
    assert.equal(
      fake.read(SHEET, a1(inForce.row, inForce.col)).value,
      last.report.section2["s2.item1"]!.cells[cellKey("normativeDocs", "inForce")]!.value,
    );
    // 上年本年新收申请（总计） (for 同比): last year's own 本年新收 总计.
    const received = prior[cellKey("new", "total")]!;
    assert.equal(
      fake.read(SHEET, a1(received.row, received.col)).value,
      last.report.section3!.cells[cellKey("new", "total")]!.value,
    );
    // Nothing but 上年 cells changed: every other cell is as it was.
    const after = fake.cells(SHEET);
    const changed = Object.keys(after).filter(
      (k) => JSON.stringify(after[k]) !== JSON.stringify(JSON.parse(before)[k]),
    );
    assert.equal(changed.length, 27);
    // Re-checked: no error, no warning (this year's cells are not filled yet: 编制).
    assert.deepEqual(
      (c.state.findings ?? []).filter((f) => f.severity !== "info").map((f) => f.message),
      [],
    );

    // Again: every 上年 cell is filled now, nothing changes.
    const filled = JSON.stringify(fake.cells(SHEET));
    await c.importPrior(await lastYearFile());
    assert.equal(c.state.notice?.kind, "info");
    assert.match(c.state.notice!.text, /没有可填入的数据，未作改动。已填写的 28 项保持不变/);
    assert.equal(JSON.stringify(fake.cells(SHEET)), filled);
  });

  it("warns when last year's workbook is not of the year before", async () => {
    const c = pane(() => new Date(2024, 11, 10));
    await c.open();
    await c.insertTemplate();
    await c.importPrior(await lastYearFile());
    assert.equal(c.state.notice?.kind, "warning");
    assert.match(c.state.notice!.text, /注意：上年报告的年度是 2021 年，不是 2023 年，请确认选对了文件。$/);
  });

  it("says in plain words why a file cannot be used, and writes nothing", async () => {
    const c = pane();
    await c.open();
    await c.insertTemplate();
    const before = fake.snapshot(SHEET);
    const cases: [File, RegExp][] = [
      [new File(["单位,年度\n某局,2021\n"], "上年.csv"), /无法导入上年数据：所选文件不是 \.xlsx 工作簿/],
      [new File([], "空.xlsx"), /所选文件是空的/],
      [
        new File([(await fs.readFile(LAST)).subarray(0, 3000)], "坏.xlsx"),
        /所选文件已损坏或不是有效的 \.xlsx 工作簿，无法读取/,
      ],
      [
        new File([await fs.readFile(path.join(ROOT, "test/fixtures/xlsx/xls-renamed.xlsx"))], "旧.xlsx"),
        /旧版 Excel 97-2003 \(\.xls\) 文件；请在 Excel 或 WPS 中另存为 \.xlsx 后再选/,
      ],
      [new File([new Uint8Array(21 * 1024 * 1024)], "大.xlsx"), /所选文件过大（文件大小 21 MB，上限 20 MB）/],
    ];
    for (const [file, message] of cases) {
      await c.importPrior(file);
      assert.equal(c.state.notice?.kind, "error", file.name);
      assert.match(c.state.notice!.text, message, file.name);
    }
    assert.equal(fake.snapshot(SHEET), before);
  });

  it("a workbook that holds no report: 没有找到年度报告数据", async () => {
    const c = pane();
    await c.open();
    await c.insertTemplate();
    const ExcelJS = (await import("exceljs")).default;
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("通讯录").getCell("A1").value = "姓名";
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    await c.importPrior(new File([bytes], "通讯录.xlsx"));
    assert.equal(c.state.notice?.kind, "error");
    assert.match(c.state.notice!.text, /^无法导入上年数据：所选工作簿中没有找到年度报告数据（.+）/);
  });

  describe("the button (view, happy-dom)", () => {
    const dom = useDom();

    it("导入上年数据… opens the file picker; the file picked goes to the controller; hidden without the ability", () => {
      const fp = new FakePane("zh");
      const root = dom.document.createElement("div");
      dom.document.body.append(root);
      mountView(root, fp);
      const button = root.querySelector<HTMLButtonElement>("#import-prior")!;
      const input = root.querySelector<HTMLInputElement>("#prior-file")!;
      assert.equal(button.textContent, "导入上年数据…");
      assert.match(button.title, /上年结转、上年现行有效件数/);
      assert.equal(input.type, "file");
      assert.match(input.accept, /\.xlsx/);
      assert.equal(
        root.querySelector("#import-prior-hint")!.textContent,
        "只填空白单元格，已填写的不改动；文件只在本机读取，不上传。",
      );
      let clicked = 0;
      input.addEventListener("click", () => clicked++);
      button.click();
      assert.equal(clicked, 1, "the button opens the picker");
      const file = new dom.window.File(["x"], "2024.xlsx") as unknown as File;
      Object.defineProperty(input, "files", { value: [file], configurable: true });
      input.dispatchEvent(new dom.window.Event("change") as unknown as Event);
      assert.deepEqual(fp.calls.at(-1), ["importPrior", file]);
      fp.set({ canImportPrior: false });
      assert.equal(root.querySelector<HTMLElement>("#prior")!.hidden, true);
      fp.set({ canImportPrior: true, busy: "checking" });
      button.click();
      assert.equal(clicked, 1, "not while busy");
    });
  });
});
