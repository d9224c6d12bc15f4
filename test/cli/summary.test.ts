/**
 * summary DIR -o 汇总.xlsx: a supervising office's folder (a workbook of unit sheets, one unit's last-year report,
 * the field reports as workbook and saved page, a PDF, a damaged file) gives one workbook: 总览 (one row per report,
 * unreadable and errors first, linked to its findings), 问题清单 (every finding), 汇总表 (SUMIF formulas over 数据
 * that LibreOffice recalculates to the engine's sums; the 纳入 column decides who is summed) and 数据.
 */
import { strict as assert } from "node:assert";
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { cellKey } from "../../src/core/model/format";
import { templateForReport } from "../../src/core/render";
import { rollCall, summaryTables, unitKey } from "../../src/core/summary";
import { checkFileReports, readUnitList } from "../../src/cli/main";
import { applyPlan } from "../../src/cli/xlsx";
import { recalc, SOFFICE_CANDIDATES, SOFFICE_INSTALL } from "../support/libreoffice";
import { requireTool } from "../support/tools";
import { cleanReport, cli, ROOT } from "./helpers";

const UNITS = ["某县第1局", "某县第2局", "某县第3局", "某县第4局"];
/** 第3局 carries one planted error (四 行政复议 总计 off by one): it is left out of the sums. */
const BAD = 2;

function unitReport(unit: string, year: number, i: number) {
  const r = cleanReport();
  r.meta.body = { text: unit };
  r.meta.year = { value: year, from: "metadata" };
  // Each unit's own figures (a consistent change: one more 自然人 request, granted): the sums must tell them apart.
  for (const [row, col] of [
    ["new", "natural"],
    ["new", "total"],
    ["open", "natural"],
    ["open", "total"],
    ["handled", "natural"],
    ["handled", "total"],
  ] as const)
    r.section3!.cells[cellKey(row, col)]!.value! += i;
  if (i === BAD) r.section4!.cells[cellKey("count", "review.total")]!.value! += 1;
  return r;
}

function text(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "object" && "richText" in v) return v.richText.map((t) => t.text).join("");
  if (typeof v === "object" && "text" in v) return String(v.text);
  if (typeof v === "object" && "result" in v) return String(v.result ?? "");
  return String(v);
}

function rows(ws: ExcelJS.Worksheet): string[][] {
  const out: string[][] = [];
  ws.eachRow((row) => out.push((row.values as ExcelJS.CellValue[]).slice(1).map(text)));
  return out;
}

describe("cli: summary DIR -o 汇总.xlsx", function () {
  this.timeout(600_000);
  let dir: string;
  let folder: string;
  let out: string;
  let wb: ExcelJS.Workbook;
  let stdout: string;

  before(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "dr-summary-"));
    folder = path.join(dir, "收到的报告");
    await fs.mkdir(path.join(folder, "published"), { recursive: true });
    const units = new ExcelJS.Workbook();
    UNITS.forEach((unit, i) =>
      applyPlan(units, templateForReport(unitReport(unit, 2025, i), { sheet: `单位${i + 1}`, unit }).plan),
    );
    await units.xlsx.writeFile(path.join(folder, "各单位.xlsx"));
    const prior = new ExcelJS.Workbook();
    applyPlan(prior, templateForReport(unitReport(UNITS[0]!, 2024, 0), { sheet: "单位1", unit: UNITS[0]! }).plan);
    await prior.xlsx.writeFile(path.join(folder, "第1局-2024.xlsx"));
    for (const f of ["pingtan-2024.xlsx", "pingtan-2025.xlsx"])
      await fs.copyFile(path.join(ROOT, "test/fixtures/field", f), path.join(folder, f));
    await fs.copyFile(
      path.join(ROOT, "test/fixtures/published/pingtan-2025.html"),
      path.join(folder, "published", "pingtan-2025.html"),
    );
    // A PDF whose table 三 cannot be read right (a row's blank cells left out: its figures slid left).
    await fs.copyFile(
      path.join(ROOT, "test/fixtures/published/pingtan-2023-slid.pdf"),
      path.join(folder, "published", "pingtan-2023.pdf"),
    );
    await fs.writeFile(path.join(folder, "损坏.xlsx"), Buffer.from("PK\u0003\u0004 not really a zip"));
    out = path.join(dir, "汇总.xlsx");
    const r = await cli(["summary", folder, "-r", "-o", out]);
    // The workbook is written; the exit code is check's: 2, as 损坏.xlsx cannot be read.
    assert.equal(r.code, 2, r.out + r.err);
    stdout = r.out;
    wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
  });
  after(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it("says what it wrote: reports, summed, errors, doubts, unreadable, cross-year", () => {
    assert.match(stdout, /已写入汇总工作簿 .*汇总\.xlsx：7 个文件中共 10 份报告/);
    assert.match(stdout, /纳入 2025 年度汇总 4 份；有错误 1 份，读取存疑 1 份，无法读取 1 份；与上年报告核对 3 份/);
  });

  it("总览: one row per report, the unreadable file first, then errors; key figures; links to 问题清单", () => {
    const ws = wb.getWorksheet("总览")!;
    const r = rows(ws);
    assert.equal(r.length, 1 + 10);
    const head = r[0]!;
    const col = (name: string): number => head.indexOf(name);
    assert.ok(ws.autoFilter, "filterable");
    assert.equal(r[1]![col("文件")], "损坏.xlsx");
    assert.equal(r[1]![col("错误")], "无法读取");
    assert.equal(r[2]![col("单位")], "某县第3局");
    assert.equal(r[2]![col("错误")], "1");
    const unit1 = r.find((x) => x[col("单位")] === "某县第1局" && x[col("年度")] === "2025")!;
    assert.match(unit1[col("跨年核对")]!, /已与上年报告核对（第1局-2024\.xlsx）/);
    const newTotal = cleanReport().section3!.cells[cellKey("new", "total")]!.value!;
    assert.equal(unit1[col("本年新收")], String(newTotal));
    const unit2 = r.find((x) => x[col("单位")] === "某县第2局")!;
    assert.equal(unit2[col("跨年核对")], "文件夹中无上年报告");
    assert.equal(unit2[col("本年新收")], String(newTotal + 1));
    assert.equal(unit2[col("纳入汇总")], "是");
    // The PDF: its 三 looks misread: none of 三's figures is stated.
    const pdf = r.find((x) => x[col("文件")] === "published/pingtan-2023.pdf")!;
    assert.equal(pdf[col("读取存疑")], "1");
    for (const k of ["本年新收", "办结", "结转下年"]) assert.equal(pdf[col(k)], "存疑", k);
    // Links: each report's row points at its first finding.
    const link = ws.getRow(3).getCell(col("问题") + 1).value as ExcelJS.CellHyperlinkValue;
    assert.match(link.hyperlink, /^#'问题清单'!A\d+$/);
    const at = Number(/A(\d+)$/.exec(link.hyperlink)![1]);
    const issues = wb.getWorksheet("问题清单")!;
    assert.equal(text(issues.getRow(at).getCell(3).value), "某县第3局");
    assert.equal(text(issues.getRow(at).getCell(11).value), "s4-group-sum");
    assert.match(text(issues.getRow(at).getCell(6).value), /^四[：:]/, "检查项 in plain words");
  });

  it("问题清单: every finding with file, sheet, unit, rule, cells and message; cross-year only where last year is there", () => {
    const r = rows(wb.getWorksheet("问题清单")!);
    const head = r[0]!;
    assert.deepEqual(head, [
      "文件",
      "工作表",
      "单位",
      "年度",
      "类别",
      "检查项",
      "单元格",
      "说明",
      "应为",
      "实为",
      "规则编号",
    ]);
    const carry = r.filter((x) => x[10] === "carry-over");
    assert.ok(carry.length > 0, "the cross-year check ran for 第1局");
    assert.ok(
      carry.every((x) => x[2] === "某县第1局"),
      carry.map((x) => x[2]).join(","),
    );
    assert.match(carry[0]![6]!, /'\[第1局-2024\.xlsx\]单位1'!/);
    const bad = r.find((x) => x[10] === "s4-group-sum")!;
    assert.equal(bad[2], "某县第3局");
    assert.match(bad[7]!, /四、行政复议/);
    assert.ok(r.some((x) => x[10] === "unreadable" && x[5] === "文件无法读取" && x[0] === "损坏.xlsx"));
    assert.ok(r.some((x) => x[10] === "reading-doubt" && x[0] === "published/pingtan-2023.pdf"));
    // No rule shows by its id alone, and a finding's cells are ranges (no 198-cell lists).
    assert.ok(
      r.slice(1).every((x) => !/^[a-z0-9-]+$/.test(x[5]!)),
      r.map((x) => x[5]).join(","),
    );
    assert.ok(r.slice(1).every((x) => (x[6] ?? "").split("、").length <= 40));
  });

  it("汇总表 names who is summed and who is not (with the reason) above the tables", () => {
    const r = rows(wb.getWorksheet("汇总表")!);
    assert.equal(r[1]![0], "纳入汇总 4 份报告：平潭综合实验区、某县第1局、某县第2局、某县第4局");
    assert.match(r[2]![0]!, /^未纳入 6 份：/);
    assert.match(r[2]![0]!, /某县第3局（各单位\.xlsx·单位3，有错误）/);
    assert.match(r[2]![0]!, /平潭综合实验区（published\/pingtan-2025\.html，同单位同年度的另一份）/);
    assert.match(r[2]![0]!, /损坏\.xlsx（无法读取）/);
    assert.match(r[2]![0]!, /平潭综合实验区（published\/pingtan-2023\.pdf，非汇总年度）/);
  });

  it("LibreOffice recalculates 汇总表 to the engine's sums; changing 纳入 in 数据 changes the sums", async function () {
    requireTool(this, "LibreOffice tier", SOFFICE_CANDIDATES, SOFFICE_INSTALL);
    // The engine's figures of each summed report, read again on their own.
    const summed: [string, string | null][] = [
      ["各单位.xlsx", "单位1"],
      ["各单位.xlsx", "单位2"],
      ["各单位.xlsx", "单位4"],
      ["pingtan-2025.xlsx", null],
    ];
    const figures: NonNullable<Awaited<ReturnType<typeof checkFileReports>>[number]["figures"]>[] = [];
    for (const [file, sheet] of summed) {
      const rs = await checkFileReports(path.join(folder, file), { figures: true });
      const r = sheet === null ? rs[0]! : rs.find((x) => x.sheet === sheet)!;
      figures.push(r.figures!);
    }
    const expect = (skip: number | null) => {
      const sums = new Map<string, number>();
      for (const def of summaryTables("2021"))
        for (const row of def.rows)
          for (const c of def.cols) {
            const key = cellKey(row.key, c.key);
            let s = 0;
            figures.forEach((f, i) => (s += i === skip ? 0 : (f[def.id]?.[key] ?? 0)));
            sums.set(`${def.id} ${key}`, s);
          }
      return sums;
    };
    // Where each figure sits in 汇总表: the row by its label, the column by its header.
    const read = async (file: string): Promise<Map<string, number>> => {
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(await recalc(file));
      const ws = book.getWorksheet("汇总表")!;
      const got = new Map<string, number>();
      let def: ReturnType<typeof summaryTables>[number] | undefined;
      let headerRow = -1;
      ws.eachRow((row, n) => {
        const first = text(row.getCell(1).value);
        const t = summaryTables("2021").find((d) => first.endsWith(d.title));
        if (t) {
          def = t;
          headerRow = n + 1;
          return;
        }
        if (!def || n <= headerRow || first === "") return;
        const groups = def.id === "s4" ? ["review", "suitDirect", "suitAfterReview"] : null;
        const rowKey = groups ? "count" : def.rows.find((r) => (r.label || def!.title) === first)?.key;
        if (!rowKey) return;
        const cols = groups ? def.cols.filter((c) => c.key.startsWith(`${groups[n - headerRow - 1]}.`)) : def.cols;
        cols.forEach((c, j) => {
          // cell.result, not cell.value.result: ExcelJS's value copy drops a result of 0.
          const v = (row.getCell(j + 2) as unknown as { result?: unknown }).result;
          const num = typeof v === "number" ? v : Number.NaN;
          got.set(`${def!.id} ${cellKey(rowKey, c.key)}`, num);
        });
      });
      return got;
    };
    const got = await read(out);
    const want = expect(null);
    assert.equal(got.size, want.size, "every figure of the format is summed");
    // Counts exactly; amounts in 万元 (decimals) to floating-point rounding.
    const near = (a: number | undefined, b: number, k: string): void =>
      assert.ok(a !== undefined && Math.abs(a - b) < 1e-6, `${k}: ${a} ≠ ${b}`);
    for (const [k, v] of want) near(got.get(k), v, k);
    assert.equal(got.get(`s3 ${cellKey("new", "natural")}`), want.get(`s3 ${cellKey("new", "natural")}`));
    // A supervisor leaves 第2局 out: 纳入 = 否 in 数据; the sums follow on recalculation.
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    const data = book.getWorksheet("数据")!;
    data.eachRow((row) => {
      if (text(row.getCell(3).value) === "单位2") row.getCell(1).value = "否";
    });
    const changed = path.join(dir, "汇总-改.xlsx");
    await book.xlsx.writeFile(changed);
    const got2 = await read(changed);
    for (const [k, v] of expect(1)) near(got2.get(k), v, k);
  });
});

describe("cli: summary --units 单位名单 (who is expected)", function () {
  this.timeout(300_000);
  let dir: string;
  let folder: string;
  let wb: ExcelJS.Workbook;
  let stdout: string;

  before(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "dr-units-"));
    folder = path.join(dir, "收到的报告");
    await fs.mkdir(folder, { recursive: true });
    const units = new ExcelJS.Workbook();
    UNITS.forEach((unit, i) =>
      applyPlan(units, templateForReport(unitReport(unit, 2025, i), { sheet: `单位${i + 1}`, unit }).plan),
    );
    await units.xlsx.writeFile(path.join(folder, "各单位.xlsx"));
    // 第7局 sent a file that cannot be read: it did send something (its file name says whose it is).
    await fs.writeFile(path.join(folder, "某县第7局.xlsx"), Buffer.from("PK\u0003\u0004 not really a zip"));
    // The list as a clerk types it: a heading, a space and a full-width digit, a comment, a blank line.
    const list = path.join(dir, "单位名单.txt");
    await fs.writeFile(list, "单位名称\n某县第1局\n某县 第２局\n\n某县第5局\n某县第7局\n# 第3局、第4局不属本级\n");
    const out = path.join(dir, "汇总.xlsx");
    const r = await cli(["summary", folder, "-o", out, "--units", list]);
    assert.equal(r.code, 2, r.out + r.err); // a file in the folder cannot be read (the workbook is still written)
    stdout = r.out;
    wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
  });
  after(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it("says who sent nothing and how many reports come from units not on the list", () => {
    assert.match(stdout, /单位名单 4 个：未收到 1 个（某县第5局）；名单外报告 2 份/);
    assert.match(stdout, /纳入 2025 年度汇总 2 份/);
  });

  it("总览: a row 未收到 for each unit that sent nothing, first; 名单内 / 名单外 for each report", () => {
    const r = rows(wb.getWorksheet("总览")!);
    const head = r[0]!;
    const col = (t: string): number => head.indexOf(t);
    assert.ok(col("单位名单") > 0);
    assert.equal(r[1]![col("单位")], "某县第5局");
    assert.equal(r[1]![col("单位名单")], "未收到");
    assert.equal(r[1]![col("纳入汇总")], "否（未收到）");
    assert.equal(r.filter((x) => x[col("单位名单")] === "未收到").length, 1);
    const of = (unit: string): string[] => r.find((x) => x[col("单位")] === unit)!;
    assert.equal(of("某县第1局")[col("单位名单")], "名单内");
    assert.equal(of("某县第2局")[col("单位名单")], "名单内", "某县 第２局 on the list is 某县第2局");
    assert.equal(of("某县第4局")[col("单位名单")], "名单外");
    assert.equal(of("某县第4局")[col("纳入汇总")], "否（不在单位名单中）");
    const damaged = r.find((x) => x[col("文件")] === "某县第7局.xlsx")!;
    assert.equal(damaged[col("单位名单")], "名单内");
    assert.equal(damaged[col("单位")], "某县第7局", "the unreadable file's unit: the listed unit its name names");
  });

  it("汇总表: 未收到 named above the tables; only units on the list summed", () => {
    const r = rows(wb.getWorksheet("汇总表")!);
    assert.equal(r[1]![0], "纳入汇总 2 份报告：某县第1局、某县第2局");
    assert.ok(r.slice(0, 5).some((x) => x[0] === "未收到 1 个单位：某县第5局"));
    assert.match(r[2]![0]!, /某县第4局（各单位\.xlsx·单位4，不在单位名单中）/);
  });

  it("reads the list from a .csv or an .xlsx first column too (GB18030 text as well)", async () => {
    const csv = path.join(dir, "名单.csv");
    await fs.writeFile(csv, '单位,联系人\n"某县第1局",张三\n某县第2局,李四\n');
    assert.deepEqual(await readUnitList(csv), ["某县第1局", "某县第2局"]);
    const xlsx = path.join(dir, "名单.xlsx");
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet("名单");
    ws.addRow(["单位名称", "备注"]);
    ws.addRow(["某县第1局", ""]);
    ws.addRow(["某县（第2局）", ""]);
    await book.xlsx.writeFile(xlsx);
    assert.deepEqual(await readUnitList(xlsx), ["某县第1局", "某县（第2局）"]);
    const gbk = path.join(dir, "名单-gbk.txt");
    await fs.writeFile(gbk, Buffer.from([0xc4, 0xb3, 0xcf, 0xd8, 0x0a])); // 某县 in GBK
    assert.deepEqual(await readUnitList(gbk), ["某县"]);
    const empty = path.join(dir, "空.txt");
    await fs.writeFile(empty, "单位\n\n");
    await assert.rejects(readUnitList(empty), /names no unit/);
  });

  it("unit names match across spaces and full-width forms (the key priorPairs uses)", () => {
    assert.equal(unitKey("某县 第２局"), unitKey("某县第2局"));
    assert.equal(unitKey("某县（第2局）"), unitKey("某县(第2局)"));
    assert.equal(unitKey("某县\u3000第2局"), unitKey("某县第2局"));
    const roll = rollCall(
      ["某县第1局", "某县第5局", "某县第7局"],
      [
        { unit: "某县 第1局", file: "a.xlsx" },
        { unit: "某县第4局", file: "b.xlsx" },
        { unit: null, file: "/x/某县第7局-2025.pdf", error: {} },
        { unit: null, file: "/x/损坏.xlsx", error: {} },
      ],
    );
    assert.deepEqual(roll, {
      missing: ["某县第5局"],
      // An unreadable file that names no listed unit: unit unknown (null), not 名单外.
      onList: [true, false, true, null],
      listed: ["某县第1局", null, "某县第7局", null],
    });
  });
});

describe("cli: progress on stderr for summary (also piped) and check's count of reading doubts", function () {
  this.timeout(600_000);
  let dir: string;
  let folder: string;

  before(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "dr-progress-"));
    folder = path.join(dir, "收到的报告");
    await fs.mkdir(folder, { recursive: true });
    for (let i = 1; i <= 21; i++)
      await fs.copyFile(
        path.join(ROOT, "test/fixtures/field/pingtan-2025.xlsx"),
        path.join(folder, `u${String(i).padStart(2, "0")}.xlsx`),
      );
    await fs.copyFile(path.join(ROOT, "test/fixtures/published/pingtan-2023-slid.pdf"), path.join(folder, "slid.pdf"));
  });
  after(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it("summary piped: a plain progress line, and the closing count on stderr", async () => {
    const r = await cli(["summary", folder, "-o", path.join(dir, "汇总.xlsx")]);
    assert.equal(r.code, 0, r.out + r.err);
    assert.match(r.err, /^已核对 \d+\/22 个文件…$/m);
    assert.match(r.err, /共核对 22 个文件、22 份报告，用时 [\d.]+ 秒：0 份有错误，1 份读取存疑，0 份无法读取/);
    assert.match(r.out, /已写入汇总工作簿/);
    assert.doesNotMatch(r.out, /已核对/, "progress stays off stdout");
  });

  it("summary on a terminal: a progress bar on stderr that ends at 22/22", async () => {
    const r = await cli(["summary", folder, "-o", path.join(dir, "汇总-2.xlsx")], true);
    assert.equal(r.code, 0, r.out + r.err);
    assert.match(r.err, /22\/22/);
    assert.match(r.err, /共核对 22 个文件/);
  });

  it("check DIR: the closing count names the reports with a reading doubt; a short run says it on a line of its own", async () => {
    const r = await cli(["check", folder]);
    assert.match(r.err, /共核对 22 个文件，用时 [\d.]+ 秒：0 个有错误，0 个无法核对，1 份报告读取存疑/);
    const two = await cli(["check", path.join(folder, "u01.xlsx"), path.join(folder, "slid.pdf")]);
    assert.match(two.err, /^读取存疑 1 份报告（表格可能读错，请对照原文件核对；不计为单位的错误）$/m);
    const none = await cli(["check", path.join(folder, "u01.xlsx"), path.join(folder, "u02.xlsx")]);
    assert.equal(none.err, "");
  });
});
