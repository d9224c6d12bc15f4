/**
 * The command line on real .xlsx files written from the template plan: exit codes, output, --json,
 * directories, unreadable files, template, generate (never touching the input), --prior, --lang en, demo.
 */
import { SEED_CATEGORIES } from "../../src/core/model/seed";
import { strict as assert } from "node:assert";
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { dueReportYear } from "../../src/core/model/preparing";
import { readWorkbook } from "../../src/core/read";
import { readXlsx } from "../../src/cli/xlsx";
import { cellKey, cleanReport, cli, cliProcess, PLANTED_KEY, ROOT, sha256, writePlan, writeReport } from "./helpers";
import { templateCells, templatePlan, typeIntoPlan } from "../../src/core/render";
import { exampleReport } from "../../scripts/make-examples";
import type { JsonFile } from "../../src/cli/output";

const NO_STACK = /\n\s+at .+:\d+:\d+/;

/** The first zip entry of every OpenDocument file: "mimetype", stored uncompressed (a local file header + data). */
function odsHead(): Buffer {
  const name = Buffer.from("mimetype");
  const data = Buffer.from("application/vnd.oasis.opendocument.spreadsheet");
  const h = Buffer.alloc(30);
  h.writeUInt32LE(0x04034b50, 0);
  h.writeUInt16LE(10, 4);
  h.writeUInt32LE(data.length, 18);
  h.writeUInt32LE(data.length, 22);
  h.writeUInt16LE(name.length, 26);
  return Buffer.concat([h, name, data, Buffer.alloc(64, 0)]);
}

function parseJson(out: string): { files: JsonFile[] } {
  const doc = JSON.parse(out) as { files: JsonFile[] };
  assert.deepEqual(Object.keys(doc), ["files"]);
  return doc;
}

describe("cli: disclosure-report", function () {
  let dir: string;
  let clean: string;
  let bad: string;
  let badAddress: string;

  before(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "dr-cli-"));
    clean = path.join(dir, "clean.xlsx");
    bad = path.join(dir, "bad.xlsx");
    await writeReport(clean, cleanReport());
    const w = await writeReport(bad, exampleReport());
    badAddress = w.address("s4", PLANTED_KEY);
  });
  after(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  describe("check", () => {
    it("exits 0 on a consistent workbook and prints the header line in Chinese", async () => {
      const r = await cli(["check", clean]);
      assert.equal(r.code, 0, r.out + r.err);
      assert.match(r.out, /^文件：.*clean\.xlsx {2}工作表：公开数据 {2}年度：2021 {2}格式：2021年格式/);
      assert.match(r.out, /结论：0 个错误/);
      assert.equal(r.err, "");
    });

    it("exits 1 on the planted error and names its cell with expected/actual", async () => {
      const r = await cli(["check", bad]);
      assert.equal(r.code, 1, r.out);
      assert.match(r.out, /错误（1）/);
      assert.ok(r.out.includes(badAddress), `output names ${badAddress}:\n${r.out}`);
      assert.match(r.out, /应为 5，实为 6/);
      assert.ok(r.out.includes(`建议：将 ${badAddress} 改为 5`), r.out);
    });

    it("--json prints only the documented document", async () => {
      const r = await cli(["check", bad, "--json"]);
      assert.equal(r.code, 1);
      const doc = parseJson(r.out);
      assert.equal(doc.files.length, 1);
      const f = doc.files[0]!;
      assert.deepEqual(Object.keys(f).sort(), ["file", "findings", "format", "sheet", "unit", "year"]);
      assert.equal(f.file, bad);
      assert.equal(f.sheet, "公开数据");
      assert.equal(f.year, 2021);
      assert.equal(f.format, "2021");
      const errors = f.findings.filter((x) => x.severity === "error");
      assert.equal(errors.length, 1);
      const e = errors[0]!;
      for (const k of ["rule", "severity", "cells", "message"]) assert.ok(k in e, k);
      assert.ok(e.cells.includes(badAddress));
      assert.equal(String(e.expected), "5");
      assert.equal(String(e.actual), "6");
      assert.deepEqual(e.fix, { cell: badAddress, value: 5 });
      for (const x of f.findings) {
        assert.deepEqual(
          Object.keys(x).filter(
            (k) => !["rule", "severity", "cells", "message", "expected", "actual", "fix"].includes(k),
          ),
          [],
        );
      }
    });

    it("checks every .xlsx of a directory in sorted order, with one summary line per file and a total", async () => {
      const d = path.join(dir, "batch");
      await fs.mkdir(d);
      await fs.copyFile(clean, path.join(d, "b-clean.xlsx"));
      await fs.copyFile(bad, path.join(d, "a-bad.xlsx"));
      await fs.writeFile(path.join(d, "notes.txt"), "not a workbook");
      await fs.writeFile(path.join(d, "~$a-bad.xlsx"), "lock file");
      const json = parseJson((await cli(["check", d, "--json"])).out);
      assert.deepEqual(
        json.files.map((f) => path.basename(f.file)),
        ["a-bad.xlsx", "b-clean.xlsx"],
      );
      const r = await cli(["check", d]);
      assert.equal(r.code, 1);
      const summary = r.out.slice(r.out.indexOf("汇总："));
      assert.match(summary, /✗ .*a-bad\.xlsx {2}1 个错误/);
      assert.match(summary, /✓ .*b-clean\.xlsx {2}0 个错误/);
      assert.match(summary, /共 2 个文件：1 个有错误，0 个无法核对；合计 1 个错误/);
    });

    it("exits 2 for unreadable files, names each with its reason, and still checks the others", async () => {
      const corrupt = path.join(dir, "corrupt.xlsx");
      await fs.writeFile(corrupt, Buffer.concat([Buffer.from("PK\x03\x04"), Buffer.alloc(100, 1)]));
      const csv = path.join(dir, "data.csv.xlsx");
      await fs.writeFile(csv, "类别,本年条数\n政府文件,72\n");
      const missing = path.join(dir, "missing.xlsx");
      const emptyDir = path.join(dir, "empty-dir");
      await fs.mkdir(emptyDir);
      const noTable = path.join(dir, "no-table.xlsx");
      const wb = new ExcelJS.Workbook();
      wb.addWorksheet("Sheet1").getCell("A1").value = "会议纪要";
      await wb.xlsx.writeFile(noTable);

      const r = await cli(["check", corrupt, clean, csv, missing, emptyDir, noTable, "--json"]);
      assert.equal(r.code, 2);
      const files = parseJson(r.out).files;
      assert.deepEqual(
        files.map((f) => f.error?.code ?? "ok"),
        ["corrupt", "ok", "text-format", "not-found", "no-xlsx-in-directory", files[5]!.error?.code ?? "missing"],
      );
      assert.ok(files[5]!.error, "a workbook without any disclosure table is an error");
      assert.equal(files[1]!.findings.filter((f) => f.severity === "error").length, 0);
      for (const f of files.filter((x) => x.error)) assert.ok(f.error!.message.length > 0);

      const human = await cli(["check", corrupt, clean, missing]);
      assert.equal(human.code, 2);
      assert.ok(human.out.includes(`✗ ${corrupt}：无法核对`));
      assert.ok(human.out.includes(`✗ ${missing}：无法核对 —— 文件不存在`));
      assert.match(human.out, /共 3 个文件：0 个有错误，2 个无法核对/);
      assert.doesNotMatch(human.out + human.err, NO_STACK);
    });

    it("lists other spreadsheet formats in a directory as unreadable with advice, and skips ~$ lock files with a note", async () => {
      const d = path.join(dir, "mixed");
      await fs.mkdir(d);
      const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504, 0)]);
      await fs.copyFile(clean, path.join(d, "a-clean.xlsx"));
      await fs.writeFile(path.join(d, "b-old.xls"), ole);
      await fs.writeFile(path.join(d, "c-libre.ods"), odsHead());
      await fs.writeFile(path.join(d, "d-data.csv"), "类别,本年条数\n政府文件,72\n");
      await fs.writeFile(path.join(d, "e-wps.et"), ole);
      await fs.writeFile(path.join(d, "notes.txt"), "not a spreadsheet");
      await fs.writeFile(path.join(d, "~$a-clean.xlsx"), "lock file");
      const r = await cli(["check", d, "--json"]);
      assert.equal(r.code, 2, "an unreadable file in the folder makes the run exit 2");
      const files = parseJson(r.out).files;
      assert.deepEqual(
        files.map((f) => [path.basename(f.file), f.error?.code ?? "ok"]),
        [
          ["a-clean.xlsx", "ok"],
          ["b-old.xls", "xls-format"],
          ["c-libre.ods", "ods-format"],
          ["d-data.csv", "text-format"],
          ["e-wps.et", "wps-format"],
        ],
      );
      assert.match(r.err, /~\$a-clean\.xlsx：已跳过：.*临时锁定文件/);

      const human = await cli(["check", d]);
      assert.equal(human.code, 2);
      for (const name of ["b-old.xls", "c-libre.ods", "d-data.csv", "e-wps.et"]) {
        const line = human.out.split("\n").find((l) => l.includes(name) && l.includes("无法核对"));
        assert.ok(line?.includes("请在 Excel 或 WPS 中另存为 .xlsx 格式"), `${name}: ${line ?? human.out}`);
      }
      assert.match(human.out, /共 5 个文件：0 个有错误，4 个无法核对/);
      assert.doesNotMatch(human.out, /~\$a-clean/);
    });

    it("an .ods checked alone is named as OpenDocument, not as an empty workbook", async () => {
      const ods = path.join(dir, "alone.ods");
      await fs.writeFile(ods, odsHead());
      const r = await cli(["check", ods]);
      assert.equal(r.code, 2);
      assert.match(r.out, /OpenDocument 电子表格（\.ods）.*请在 Excel 或 WPS 中另存为 \.xlsx 格式/);
      assert.doesNotMatch(r.out, /工作簿是空的/);
    });

    it("draws a progress bar on stderr only when stderr is a terminal", async () => {
      const quiet = await cli(["check", clean, bad], false);
      assert.equal(quiet.err, "");
      const tty = await cli(["check", clean, bad], true);
      assert.match(tty.err, /\[#+-*\] 1\/2/);
      assert.doesNotMatch(tty.out, /\[#/);
    });

    it("--lang en prints English", async () => {
      const r = await cli(["check", bad, "--lang", "en"]);
      assert.equal(r.code, 1);
      assert.match(r.out, /^File: .*Sheet: 公开数据 {2}Year: 2021 {2}Format: 2021 format/);
      assert.match(r.out, /Errors \(1\)/);
      assert.match(r.out, /expected 5, actual 6/);
      assert.ok(r.out.includes(`Suggested fix: set ${badAddress} to 5`), r.out);
      assert.doesNotMatch(r.out, /结论|错误/);
      const j = parseJson((await cli(["check", missingPath(dir), "--json", "--lang=en"])).out);
      assert.equal(j.files[0]!.error!.message, "file not found");
    });

    it("--prior compares this year's carried-over figures with last year's report", async () => {
      const now = cleanReport();
      delete now.section3!.prior; // no last-year row in the sheet: only --prior can tell
      const thisYear = path.join(dir, "2021.xlsx");
      await writeReport(thisYear, now);
      const last = exampleReport();
      last.meta.year = { value: 2020, from: "metadata" };
      last.section4!.cells[PLANTED_KEY]!.value = 5;
      delete last.section3!.prior;
      // Last year carried 5 natural-person and 1 company application over; this year says 4 and 1.
      const carryNext: Record<string, number> = { natural: 5, commercial: 1, total: 6 };
      for (const c of last.section3!.def.cols) {
        last.section3!.cells[cellKey("carryNext", c.key)]!.value = carryNext[c.key] ?? 0;
      }
      const lastFile = path.join(dir, "2020.xlsx");
      await writeReport(lastFile, last);

      const carryOf = (f: JsonFile) =>
        f.findings.filter((x) => x.rule === "carry-over").map((x) => `${String(x.expected)}->${String(x.actual)}`);
      const without = parseJson((await cli(["check", thisYear, "--json"])).out).files[0]!;
      assert.ok(!JSON.stringify(without).includes("2020.xlsx"));
      const r = await cli(["check", thisYear, "--prior", lastFile, "--json"]);
      assert.equal(r.code, 0, r.err);
      const withPrior = parseJson(r.out).files[0]!;
      assert.deepEqual(carryOf(withPrior), ["5->4", "6->5"], JSON.stringify(withPrior.findings, null, 1));
      for (const f of withPrior.findings.filter((x) => x.rule === "carry-over")) {
        assert.ok(
          f.cells.some((c) => c.startsWith("'[2020.xlsx]公开数据'!")),
          `last year's cell is named with its file: ${f.cells.join(" ")}`,
        );
      }

      const unreadablePrior = await cli(["check", thisYear, "--prior", missingPath(dir)]);
      assert.equal(unreadablePrior.code, 2);
      assert.match(unreadablePrior.err, /上年报告 .*missing-\d+\.xlsx 无法读取/);
      assert.match(unreadablePrior.out, /文件：/, "this year's file is still checked");
    });

    it("--sheet names a sheet that does not exist: exit 2 with the reader's reason", async () => {
      const r = await cli(["check", clean, "--sheet", "没有这个表", "--json"]);
      assert.equal(r.code, 2);
      assert.ok(parseJson(r.out).files[0]!.error);
    });

    it("rejects bad options with exit 2 and a pointer to --help", async () => {
      for (const args of [
        ["check", clean, "--decimals", "9"],
        ["check", clean, "--rounding", "banker"],
        ["check", clean, "--lang", "fr"],
        ["check", clean, "--bogus"],
        ["check"],
        ["frobnicate"],
      ]) {
        const r = await cli(args);
        assert.equal(r.code, 2, args.join(" "));
        assert.match(r.err, /--help/);
        assert.equal(r.out, "");
      }
      const help = await cli(["--help"]);
      assert.equal(help.code, 0);
      assert.match(help.out, /用法 Usage/);
      assert.match(help.out, /check FILE\|DIR/);
    });

    it("the decimals and rounding options reach the checks", async () => {
      // A 1/160 share is 0.625%: 0.63% half-up, 0.62% half-even at 2 decimals.
      const r = exampleReport();
      r.section4!.cells[PLANTED_KEY]!.value = 5;
      r.proactive = {
        name: "主动公开政府信息",
        total: { value: 160 },
        categories: [
          { name: "政府文件", count: { value: 1 }, share: { text: "0.63%", value: 0.63, decimals: 2 } },
          { name: "其他信息", count: { value: 159 }, share: { text: "99.38%", value: 99.38, decimals: 2 } },
        ],
        partition: true,
        children: [],
      };
      const f = path.join(dir, "tie.xlsx");
      await writeReport(f, r);
      const rules = async (...extra: string[]) =>
        parseJson((await cli(["check", f, "--json", ...extra])).out)
          .files[0]!.findings.filter((x) => x.rule === "stated-share")
          .map((x) => String(x.expected));
      assert.deepEqual(await rules(), []);
      // Half-even: 0.625 -> 0.62 and 99.375 -> 99.38, so only the first stated share is off.
      assert.deepEqual(await rules("--rounding", "half-even"), ["0.62%"]);
    });
  });

  describe("template", () => {
    it("writes a workbook that the reader recognises, and refuses to overwrite without --force", async () => {
      const out = path.join(dir, "template.xlsx");
      const r = await cli(["template", "-o", out, "--year", "2024", "--unit", "某某县人民政府办公室"]);
      assert.equal(r.code, 0, r.err);
      const read = readWorkbook(await readXlsx(out));
      assert.ok(read.ok, JSON.stringify(!read.ok && read.error));
      assert.equal(read.report.format, "2021");
      assert.equal(read.report.meta.year?.value, 2024);
      assert.equal(read.report.meta.body?.text, "某某县人民政府办公室");
      assert.ok(read.report.section3 && read.report.section4);
      assert.notEqual((await cli(["check", out])).code, 2);

      const before = await sha256(out);
      const again = await cli(["template", "-o", out]);
      assert.equal(again.code, 2);
      assert.match(again.err, /已存在.*--force/);
      assert.equal(await sha256(out), before);
      const forced = await cli(["template", "-o", out, "--year", "2023", "--force"]);
      assert.equal(forced.code, 0);
      const reread = readWorkbook(await readXlsx(out));
      assert.ok(reread.ok && reread.report.meta.year?.value === 2023);
    });

    it("without --year writes the template of the year whose report is due, says how to fill it, and checks clean", async () => {
      const out = path.join(dir, "template-default-year.xlsx");
      const r = await cli(["template", "-o", out]);
      assert.equal(r.code, 0, r.err);
      const year = dueReportYear(new Date());
      const grid = await readXlsx(out);
      const values = grid.sheets[0]!.values;
      assert.equal(values[0]![0], `${year}年政府信息公开工作年度报告数据表`);
      const read = readWorkbook(grid);
      assert.ok(read.ok && read.report.meta.year?.value === year);
      assert.equal(read.report.meta.mode?.value, "编制");
      const note = String(values[1]![0]);
      for (const said of [
        /信息处理费单位为元，收费金额单位为万元/,
        /灰色单元格（总计、合计）由公式自动计算/,
        /空白表示“尚未填写”/,
        /上年现行有效件数.*跨年核对/,
        /“可选”部分（主动公开分类、重点领域）/,
      ]) {
        assert.match(note, said);
      }
      // A fresh template: no error, and the progress.
      const c = await cli(["check", out]);
      assert.equal(c.code, 0, c.out);
      assert.match(c.out, /编制进度：已填 0 \/ 166 项/);
      assert.match(c.out, /0 个错误，0 个警告/);
    });

    it("names the cells not filled yet as ranges (E33:I33、D36:I55), in zh and en, not cell by cell", async () => {
      const plan = templatePlan({ year: 2026 });
      const s3 = templateCells(plan).tables.s3!.cells;
      typeIntoPlan(plan, [
        { cell: s3[cellKey("new", "natural")]!, value: 20 },
        { cell: s3[cellKey("open", "natural")]!, value: 12 },
        { cell: s3[cellKey("carryNext", "natural")]!, value: 8 },
      ]);
      const file = path.join(dir, "template-parts.xlsx");
      await writePlan(file, plan);
      const zh = await cli(["check", file]);
      assert.equal(zh.code, 0, zh.out);
      const line = (out: string, re: RegExp) => out.split("\n").findIndex((l) => re.test(l));
      const i = line(zh.out, /三、收到和处理政府信息公开申请情况：尚未填写141项/);
      assert.ok(i >= 0, zh.out);
      const cellsLine = zh.out
        .split("\n")
        .slice(i, i + 3)
        .join("\n");
      assert.match(
        cellsLine,
        /公开数据!E33:I33、公开数据!D34:I34、公开数据!E35:I35、公开数据!D36:I55、公开数据!E57:I57/,
      );
      assert.doesNotMatch(cellsLine, /个单元格/, "five ranges: all shown");
      const en = await cli(["check", file, "--lang", "en"]);
      assert.match(en.out, /公开数据!E33:I33, 公开数据!D34:I34, 公开数据!E35:I35, 公开数据!D36:I55, 公开数据!E57:I57/);
    });

    it("--prior LAST.xlsx carries last year's figures into the 上年 cells; the new sheet checks clean against last year", async () => {
      const lastFile = path.join(dir, "last-year.xlsx");
      const last = cleanReport();
      await writeReport(lastFile, last);
      const lastYear = last.meta.year!.value;
      const out = path.join(dir, "template-with-prior.xlsx");
      const r = await cli(["template", "-o", out, "--year", String(lastYear + 1), "--prior", lastFile]);
      assert.equal(r.code, 0, r.err);
      // 三 row (7), 上年本年新收申请（总计） (1), 现行有效 (2), and the used blocks: each category (8 + 8) and their 合计 (2).
      assert.match(r.out, /已从上年报告（.* \d{4}年）填入 28 项上年数据/);
      const read = readWorkbook(await readXlsx(out));
      assert.ok(read.ok);
      assert.equal(read.report.meta.body?.text, last.meta.body?.text, "the unit comes from last year's sheet");
      for (const col of ["natural", "commercial", "total"]) {
        assert.equal(
          read.report.prior?.section3?.cells[cellKey("carryNext", col)]?.value,
          last.section3!.cells[cellKey("carryNext", col)]!.value,
          col,
        );
      }
      assert.equal(
        read.report.section3?.prior?.[cellKey("new", "total")]?.value,
        last.section3!.cells[cellKey("new", "total")]!.value,
        "上年本年新收申请（总计） = last year's 本年新收 总计",
      );
      // Fresh (nothing of this year typed yet): no false cross-year warning, with or without last year's file.
      for (const args of [[], ["--prior", lastFile]]) {
        const c = await cli(["check", out, ...args]);
        assert.equal(c.code, 0, c.out);
        assert.match(c.out, /0 个错误，0 个警告/);
      }
    });

    it("says so when the output directory does not exist", async () => {
      const r = await cli(["template", "-o", path.join(dir, "no", "such", "t.xlsx")]);
      assert.equal(r.code, 2);
      assert.match(r.err, /输出目录 .* 不存在/);
    });
  });

  describe("generate", () => {
    it("writes OUT with the report sheets, never touches FILE, and refuses to overwrite OUT", async () => {
      const input = path.join(dir, "gen-in.xlsx");
      await fs.copyFile(bad, input);
      const hash = await sha256(input);
      const out = path.join(dir, "gen-out.xlsx");
      const r = await cli(["generate", input, "-o", out]);
      assert.equal(r.code, 1, "the planted error is reported");
      assert.match(r.out, /错误（1）/);
      assert.match(r.out, /已生成 .*gen-out\.xlsx.*原文件未改动/);
      assert.equal(await sha256(input), hash, "input unchanged");
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(out);
      const names = wb.worksheets.map((w) => w.name);
      assert.ok(names.includes("公开数据"), names.join());
      assert.ok(names.includes("报告表格") && names.includes("报告正文"), names.join());
      // No temporary files are left behind.
      assert.deepEqual(
        (await fs.readdir(dir)).filter((n) => n.endsWith(".tmp")),
        [],
      );

      const outHash = await sha256(out);
      const refused = await cli(["generate", input, "-o", out]);
      assert.equal(refused.code, 2);
      assert.match(refused.err, /已存在/);
      assert.equal(await sha256(out), outHash);
      assert.equal(await sha256(input), hash);
      const forced = await cli(["generate", input, "-o", out, "--force", "--decimals", "1", "--largest-remainder"]);
      assert.equal(forced.code, 1);
      assert.equal(await sha256(input), hash);

      const same = await cli(["generate", input, "-o", input]);
      assert.equal(same.code, 2);
      assert.match(same.err, /--in-place/);
      assert.equal(await sha256(input), hash);
    });

    it("--in-place rewrites FILE (atomically) and keeps it readable", async () => {
      const input = path.join(dir, "inplace.xlsx");
      await fs.copyFile(clean, input);
      const hash = await sha256(input);
      const r = await cli(["generate", input, "--in-place"]);
      assert.equal(r.code, 0, r.out + r.err);
      assert.notEqual(await sha256(input), hash);
      const grid = await readXlsx(input);
      assert.ok(grid.sheets.some((s) => s.name === "报告表格"));
      const again = await cli(["check", input]);
      assert.equal(again.code, 0, again.out);
    });

    it("a workbook whose structure is locked (审阅 > 保护工作簿): refused for --in-place and -o, nothing written, never unlocked", async () => {
      // The 平潭 2025 field workbook with the element Excel writes for Review > Protect Workbook (with a password).
      const zip = await JSZip.loadAsync(await fs.readFile(path.join(ROOT, "test/fixtures/field/pingtan-2025.xlsx")));
      const wbXml = await zip.file("xl/workbook.xml")!.async("string");
      const lock = (attrs: string) =>
        wbXml.replace(
          /(<workbookPr\b[^>]*\/>)/,
          `$1<workbookProtection workbookAlgorithmName="SHA-512" workbookHashValue="x+1Ykq3/PV7gq9Iw2t6yzxyNBqY=" workbookSaltValue="c2FsdA==" workbookSpinCount="100000" ${attrs}/>`,
        );
      const locked = path.join(dir, "locked.xlsx");
      zip.file("xl/workbook.xml", lock('lockStructure="1"'));
      await fs.writeFile(locked, await zip.generateAsync({ type: "uint8array" }));
      const hash = await sha256(locked);
      const inPlace = await cli(["generate", locked, "--in-place"]);
      assert.equal(inPlace.code, 2, inPlace.out + inPlace.err);
      assert.match(
        inPlace.err,
        /locked\.xlsx：工作簿结构受保护（不能新建、显示或隐藏工作表），无法加入报告工作表，未写入任何内容。请在 Excel 中用“审阅 > 保护工作簿”取消保护/,
      );
      assert.equal(await sha256(locked), hash, "the file is untouched");
      const out = path.join(dir, "locked-out.xlsx");
      const copy = await cli(["generate", locked, "-o", out, "--lang", "en"]);
      assert.equal(copy.code, 2);
      assert.match(
        copy.err,
        /the workbook's structure is protected .*nothing was written\. Unprotect it in Excel \(Review > Protect Workbook/,
      );
      await assert.rejects(fs.access(out), "no copy with the lock bypassed");
      // Only the window lock (lockWindows): sheets may be added, and the element is kept as it was.
      const windows = path.join(dir, "windows.xlsx");
      zip.file("xl/workbook.xml", lock('lockStructure="0" lockWindows="1"'));
      await fs.writeFile(windows, await zip.generateAsync({ type: "uint8array" }));
      const ok = await cli(["generate", windows, "-o", out]);
      assert.ok(ok.code < 2, ok.err);
      const written = await JSZip.loadAsync(await fs.readFile(out));
      assert.match(await written.file("xl/workbook.xml")!.async("string"), /<workbookProtection [^>]*lockWindows="1"/);
    });

    it("exits 2 without writing when FILE is unreadable", async () => {
      const out = path.join(dir, "never.xlsx");
      const r = await cli(["generate", path.join(dir, "missing.xlsx"), "-o", out]);
      assert.equal(r.code, 2);
      assert.match(r.err, /文件不存在/);
      await assert.rejects(fs.access(out));
    });
  });

  describe("as a process", function () {
    // Each case starts node processes (tsx compiling the CLI, c8 measuring it): 20 s was exceeded at load ~10.
    this.timeout(120_000);
    it("returns exit codes 0, 1 and 2 and keeps stdout pure JSON with --json", async () => {
      const ok = await cliProcess(["check", clean]);
      assert.equal(ok.code, 0, ok.err);
      const one = await cliProcess(["check", bad, "--json"]);
      assert.equal(one.code, 1, one.err);
      assert.equal(parseJson(one.out).files.length, 1);
      assert.equal(one.err, "");
      const two = await cliProcess(["check", path.join(dir, "missing.xlsx")]);
      assert.equal(two.code, 2);
      assert.doesNotMatch(two.out + two.err, NO_STACK);
    });

    it("--help says that several files exit with the worst code and where demo writes", async () => {
      const r = await cli(["--help"]);
      assert.equal(r.code, 0);
      assert.match(r.out, /只要有一个文件无法读取即为 2，即使其他文件有错误/);
      assert.match(r.out, /exit code is the worst: 2 when any file is unreadable/);
      assert.match(r.out, /demo-output\//);
    });

    it("bin/disclosure-report.js runs", async function () {
      const { spawnSync } = await import("node:child_process");
      const r = spawnSync(process.execPath, [path.resolve(__dirname, "../../bin/disclosure-report.js"), "--help"], {
        encoding: "utf8",
      });
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stdout, /disclosure-report/);
    });
  });

  describe("examples/", () => {
    it("example-2021.xlsx has exactly one error: the planted 行政复议 总计", async () => {
      const r = await cli(["check", path.join(ROOT, "examples", "example-2021.xlsx"), "--json"]);
      assert.equal(r.code, 1);
      const f = parseJson(r.out).files[0]!;
      assert.deepEqual(
        f.findings.filter((x) => x.severity === "error").map((x) => [x.rule, String(x.expected), String(x.actual)]),
        [["s4-group-sum", "5", "6"]],
      );
      const grid = await readXlsx(path.join(ROOT, "examples", "example-2021.xlsx"));
      assert.ok(JSON.stringify(grid.sheets[0]!.values).includes("示例数据，均为虚构"), "labelled as invented");
    });
  });

  describe("demo", () => {
    it("writes to ./demo-output/ by default and leaves the committed examples untouched", async () => {
      const cwd = path.join(dir, "demo-cwd");
      await fs.mkdir(cwd);
      const committed = path.join(ROOT, "examples", "suining-2018.xlsx");
      const before = await sha256(committed);
      const r = await cliProcess(["demo"], cwd);
      assert.equal(r.code, 0, r.out + r.err);
      for (const name of ["suining-2018.xlsx", "suining-2018-report.xlsx"]) {
        await fs.access(path.join(cwd, "demo-output", name));
      }
      assert.match(r.out, /已生成报告工作簿：.*demo-output[\\/]suining-2018-report\.xlsx/);
      assert.equal(await sha256(committed), before);
    });

    it("builds the 2018 example from the real report text, checks it and writes the generated report", async () => {
      const d = path.join(dir, "demo");
      const r = await cli(["demo", "-o", d]);
      assert.equal(r.code, 0, r.out + r.err);
      assert.match(r.out, /遂宁经济技术开发区管委会/);
      // The report's real mistakes: whole-percent shares summing to 99%, non-zero counts printed as 占0%.
      assert.match(r.out, /实为 99%.*\[shares-sum\]/);
      const zero = r.out.split("\n").filter((l) => l.includes("占比却写为0%"));
      assert.equal(zero.length, 2, r.out);
      assert.ok(zero[0]!.includes("计划总结信息") && zero[1]!.includes("规范性文件信息"));
      assert.match(r.out, /已生成报告工作簿：.*suining-2018-report\.xlsx/);
      const input = readWorkbook(await readXlsx(path.join(d, "suining-2018.xlsx")));
      assert.ok(input.ok);
      assert.equal(input.report.meta.year?.value, 2018);
      assert.equal(input.report.proactive?.total?.value, 1119);
      assert.deepEqual(
        input.report.proactive?.categories.map((c) => [c.name, c.count.value, c.share?.text]),
        SEED_CATEGORIES,
      );
      const key = input.report.proactive?.children[0];
      assert.equal(key?.total?.value, 382);
      assert.equal(key?.shareOfParent?.text, "34%");
      assert.equal(key?.statedYoY?.text, "22%");
      const generated = await readXlsx(path.join(d, "suining-2018-report.xlsx"));
      assert.ok(generated.sheets.some((s) => s.name === "报告正文"));
    });
  });
});

let missingCounter = 0;
function missingPath(dir: string): string {
  return path.join(dir, `missing-${++missingCounter}.xlsx`);
}
