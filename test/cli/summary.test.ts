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
import { summaryTables } from "../../src/core/summary";
import { checkFileReports } from "../../src/cli/main";
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
    assert.equal(r.code, 0, r.out + r.err);
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
    assert.equal(text(issues.getRow(at).getCell(6).value), "s4-group-sum");
  });

  it("问题清单: every finding with file, sheet, unit, rule, cells and message; cross-year only where last year is there", () => {
    const r = rows(wb.getWorksheet("问题清单")!);
    const head = r[0]!;
    assert.deepEqual(head, ["文件", "工作表", "单位", "年度", "类别", "规则", "单元格", "说明", "应为", "实为"]);
    const carry = r.filter((x) => x[5] === "carry-over");
    assert.ok(carry.length > 0, "the cross-year check ran for 第1局");
    assert.ok(
      carry.every((x) => x[2] === "某县第1局"),
      carry.map((x) => x[2]).join(","),
    );
    assert.match(carry[0]![6]!, /'\[第1局-2024\.xlsx\]单位1'!/);
    const bad = r.find((x) => x[5] === "s4-group-sum")!;
    assert.equal(bad[2], "某县第3局");
    assert.match(bad[7]!, /四、行政复议/);
    assert.ok(r.some((x) => x[5] === "unreadable" && x[0] === "损坏.xlsx"));
    assert.ok(r.some((x) => x[5] === "reading-doubt" && x[0] === "published/pingtan-2023.pdf"));
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
