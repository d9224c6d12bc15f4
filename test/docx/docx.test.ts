/**
 * The report as a Word document, read back: `generate --docx` on a 2021-format and a 2019-format field
 * report (平潭综合实验区 2025 and 2019). The document's XML is checked for page setup, fonts, sizes,
 * repeated header rows, rows kept whole and merged headers; every table is compared cell by cell with the
 * same table of the generated workbook as LibreOffice calculates it; LibreOffice opens the document and
 * its PDF has A4 pages, text inside the GB/T 9704 margins and table 四 on a landscape page.
 */
import { strict as assert } from "node:assert";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import { readXlsx } from "../../src/cli/xlsx";
import { documentPlan } from "../../src/core/document";
import { readWorkbook } from "../../src/core/read";
import { shownText } from "../../src/core/render/display";
import { renderReport, TABLE_NAMES } from "../../src/core/render";
import { cli } from "../cli/helpers";
import { convert, recalc, SOFFICE_CANDIDATES } from "../support/libreoffice";
import { requireTool } from "../support/tools";
import {
  docxParts,
  fontTable,
  isTable,
  readBody,
  sections,
  tableGrid,
  type ReadParagraph,
  type ReadTable,
} from "../support/docx-read";

const FIELD = path.resolve(__dirname, "..", "fixtures", "xlsx", "field");

/** The generated workbook's tables as LibreOffice calculates them: name -> grid of shown texts. */
async function workbookTables(xlsx: string): Promise<Map<string, string[][]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(xlsx);
  const out = new Map<string, string[][]>();
  for (const { name, ranges } of wb.definedNames.model as { name: string; ranges: string[] }[]) {
    if (!name.startsWith("表_")) continue;
    const m = /^'?(.+?)'?!\$([A-Z]+)\$(\d+):\$([A-Z]+)\$(\d+)$/.exec(ranges[0]!);
    if (!m) continue;
    const ws = wb.getWorksheet(m[1]!)!;
    const col = (s: string) => [...s].reduce((a, ch) => a * 26 + ch.charCodeAt(0) - 64, 0);
    const grid: string[][] = [];
    for (let r = Number(m[3]); r <= Number(m[5]); r++) {
      const row: string[] = [];
      for (let c = col(m[2]!); c <= col(m[4]!); c++) {
        const cell = ws.getCell(r, c);
        // A cell covered by a merge shows nothing; its master holds the value.
        if (cell.isMerged && cell.master.address !== cell.address) {
          row.push("");
          continue;
        }
        let v = cell.formula !== undefined || cell.type === ExcelJS.ValueType.Formula ? cell.result : cell.value;
        // LibreOffice writes some strings as rich text.
        if (v && typeof v === "object" && "richText" in v) v = v.richText.map((t) => t.text).join("");
        row.push(
          shownText(
            { row: 0, col: 0, value: (v ?? null) as string | number | null },
            { numberFormat: cell.numFmt || "General" },
          ),
        );
      }
      grid.push(row);
    }
    out.set(name, grid);
  }
  return out;
}

/** Fonts the document names -> an installed face each (fonts-noto-cjk), for reading fonts back from a PDF. */
const NAMED_FACES: Record<string, string> = {
  方正小标宋简体: "Noto Serif CJK JP",
  黑体: "Noto Sans CJK SC",
  楷体_GB2312: "Noto Serif CJK TC",
  仿宋_GB2312: "Noto Serif CJK SC",
};

function namedFacesConfig(): string {
  const aliases = Object.entries(NAMED_FACES)
    .map(
      ([name, face]) =>
        `  <alias binding="same"><family>${name}</family><prefer><family>${face}</family></prefer></alias>`,
    )
    .join("\n");
  return `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n${aliases}\n</fontconfig>\n`;
}

interface PdfText {
  page: number;
  text: string;
  /** The embedded font with its subset tag ("BAAAAA+NotoSerifCJKjp"): one per face used. */
  family: string;
  /** Points. */
  size: number;
  bold: boolean;
}

/** Every text piece of a PDF with its font (pdftohtml -xml at zoom 1: sizes in points). */
function pdfTexts(pdf: string): PdfText[] {
  const xml = execFileSync("pdftohtml", ["-xml", "-i", "-zoom", "1", "-stdout", pdf], { encoding: "utf8" });
  const out: PdfText[] = [];
  // Font ids are the document's: a font is declared on the first page that uses it.
  const fonts = new Map<string, { family: string; size: number }>();
  for (const m of xml.matchAll(/<fontspec id="(\d+)" size="([\d.]+)" family="([^"]+)"/g))
    fonts.set(m[1]!, { family: m[3]!, size: Number(m[2]) });
  for (const page of xml.split(/<page /).slice(1)) {
    const n = Number(/number="(\d+)"/.exec(page)![1]);
    for (const m of page.matchAll(/<text [^>]*font="(\d+)"[^>]*>(.*?)<\/text>/g)) {
      const f = fonts.get(m[1]!)!;
      out.push({
        page: n,
        text: m[2]!.replace(/<[^>]+>/g, ""),
        family: f.family,
        size: f.size,
        bold: m[2]!.startsWith("<b>"),
      });
    }
  }
  return out;
}

interface Generated {
  dir: string;
  docx: Uint8Array;
  parts: Record<string, string>;
  body: (ReadParagraph | ReadTable)[];
  tables: ReadTable[];
  paragraphs: ReadParagraph[];
  xlsx: string;
}

async function generate(fixture: string): Promise<Generated> {
  const dir = mkdtempSync(path.join(tmpdir(), "docx-test-"));
  const xlsx = path.join(dir, "report.xlsx");
  const docxPath = path.join(dir, "report.docx");
  const run = await cli(["generate", path.join(FIELD, fixture), "-o", xlsx, "--docx", docxPath]);
  assert.ok(run.code === 0 || run.code === 1, run.err);
  const docx = new Uint8Array(readFileSync(docxPath));
  const parts = docxParts(docx);
  const body = readBody(parts["word/document.xml"]!);
  return {
    dir,
    docx,
    parts,
    body,
    tables: body.filter(isTable),
    paragraphs: body.filter((b): b is ReadParagraph => !isTable(b)),
    xlsx,
  };
}

function paragraphStarting(g: Generated, start: string): ReadParagraph {
  const p = g.paragraphs.find((x) => x.text.startsWith(start));
  assert.ok(p, `no paragraph starting with ${start}`);
  return p;
}

/** The table whose first header cell (or first row) has this text. */
function tableWith(g: Generated, text: string): ReadTable {
  const t = g.tables.find((x) => x.rows.some((r) => r.cells.some((c) => c.text === text)));
  assert.ok(t, `no table with a cell ${text}`);
  return t;
}

for (const { fixture, format, year } of [
  { fixture: "pingtan-2025.xlsx", format: "2021", year: 2025 },
  { fixture: "pingtan-2019.xlsx", format: "2019", year: 2019 },
]) {
  describe(`Word document of a ${format}-format report (${fixture})`, function () {
    this.timeout(180_000);
    let g: Generated;
    before(async () => {
      g = await generate(fixture);
    });
    after(() => rmSync(g.dir, { recursive: true, force: true }));

    it("is A4 with the GB/T 9704 margins, a 22-line grid, and table 四 in a landscape section", () => {
      const secs = sections(g.parts["word/document.xml"]!);
      assert.ok(secs.length >= 2, String(secs.length));
      for (const s of secs) {
        if (s.orient === "landscape") {
          assert.deepEqual([s.width, s.height], [16838, 11906]);
          assert.deepEqual([s.top, s.bottom, s.left, s.right], [1587, 1474, 2098, 1984]);
        } else {
          assert.deepEqual([s.width, s.height], [11906, 16838]);
          assert.deepEqual([s.top, s.bottom, s.left, s.right], [2098, 1984, 1587, 1474]);
        }
        assert.deepEqual(s.grid, { type: "lines", linePitch: 579 });
      }
      assert.equal(secs.filter((s) => s.orient === "landscape").length, 1);
      // The landscape section holds table 四 (its last block is that table's spacer paragraph).
      const doc = g.parts["word/document.xml"]!;
      const landscapeAt = doc.indexOf('w:orient="landscape"');
      const s4At = doc.indexOf("未经复议直接起诉");
      const landscapeStart = doc.lastIndexOf("<w:sectPr>", landscapeAt);
      const portraitBefore = doc.lastIndexOf("<w:sectPr>", landscapeStart - 1);
      assert.ok(s4At > portraitBefore && s4At < landscapeAt, "table 四 is not in the landscape section");
    });

    it("names the 公文 fonts: title 方正小标宋简体 二号, 一、 黑体, （一） 楷体_GB2312, body 仿宋_GB2312 三号, digits Times New Roman", () => {
      const title = g.paragraphs[0]!;
      assert.match(title.text, new RegExp(`平潭综合实验区\\n?${year}年政府信息公开工作年度报告`));
      for (const r of title.runs) {
        assert.equal(r.eastAsia, "方正小标宋简体");
        assert.equal(r.size, 44);
      }
      for (const h of ["一、总体情况", "三、收到和处理政府信息公开申请情况", "六、其他需要报告的事项"]) {
        const p = paragraphStarting(g, h);
        assert.deepEqual(
          p.runs.map((r) => [r.eastAsia, r.size]),
          [["黑体", 32]],
        );
      }
      // A run-in heading "（一）主动公开。" (where the narrative has one) in 楷体, then the body text.
      const runIn = g.paragraphs.filter((p) => /^（[一二三四五]）[^。]{1,12}。/.test(p.text) && p.runs.length > 1);
      for (const p of runIn) assert.equal(p.runs[0]!.eastAsia, "楷体_GB2312", p.text);
      const run2 = g.paragraphs.find(
        (p) =>
          p.runs.some((r) => /\d/.test(r.text) && !r.highlight) &&
          /^[^一二三四五六]/.test(p.text) &&
          p !== g.paragraphs[0],
      )!;
      assert.ok(run2, "no body paragraph");
      const body = run2.runs[run2.runs.length - 1]!;
      assert.equal(body.eastAsia, "仿宋_GB2312");
      assert.equal(body.ascii, "Times New Roman");
      assert.equal(body.size, 32);
      // 28 characters of 三号 fit 156 mm with 0.25 pt less a character.
      assert.equal(body.spacing, -5);
      assert.match(run2.xml, /<w:ind [^>]*w:firstLineChars="200"/);
      assert.match(run2.xml, /<w:spacing [^>]*w:line="579" w:lineRule="exact"/);
      const fonts = fontTable(g.parts["word/fontTable.xml"]!);
      assert.equal(fonts["方正小标宋简体"], "宋体");
      assert.equal(fonts["仿宋_GB2312"], "仿宋");
      assert.equal(fonts["楷体_GB2312"], "楷体");
      assert.ok("黑体" in fonts && "Times New Roman" in fonts);
    });

    it("highlights every 【待补充】 placeholder and ends with the unit and the date", () => {
      const placeholders = g.paragraphs.flatMap((p) => p.runs).filter((r) => r.text.includes("【待补充"));
      assert.ok(placeholders.length >= 4, String(placeholders.length));
      for (const r of placeholders) {
        assert.equal(r.highlight, "yellow", r.text);
        assert.match(r.text, /^【待补充[^】]*】$/);
      }
      assert.ok(
        g.paragraphs.flatMap((p) => p.runs).every((r) => r.text.includes("【待补充") || r.highlight === undefined),
      );
      const texts = g.paragraphs.map((p) => p.text).filter((t) => t.trim());
      assert.equal(texts[texts.length - 2], "平潭综合实验区");
      assert.equal(texts[texts.length - 1], "【待补充：成文日期】");
      assert.match(
        g.paragraphs.find((p) => p.text === "平潭综合实验区" && p !== g.paragraphs[0])!.xml,
        /w:jc w:val="right"/,
      );
    });

    it("puts page numbers '— 1 —' at the foot", () => {
      const footers = Object.entries(g.parts).filter(([k]) => /^word\/footer\d+\.xml$/.test(k));
      assert.ok(footers.length >= 1);
      for (const [, xml] of footers) {
        assert.match(xml, /<w:t xml:space="preserve">— <\/w:t>[\s\S]*PAGE[\s\S]*<w:t xml:space="preserve"> —<\/w:t>/);
        assert.match(xml, /w:jc w:val="center"/);
      }
      const doc = g.parts["word/document.xml"]!;
      assert.equal((doc.match(/<w:footerReference w:type="default"/g) ?? []).length, sections(doc).length);
    });

    it("repeats header rows on each page, keeps rows whole, merges headers as the national tables do", () => {
      assert.ok(g.tables.length >= 6, String(g.tables.length));
      for (const t of g.tables) {
        assert.ok(
          t.rows.every((r) => r.cantSplit),
          "a row may split",
        );
        const headers = t.rows.filter((r) => r.header).length;
        assert.ok(headers >= 1);
        // Header rows come first.
        assert.ok(t.rows.slice(0, headers).every((r) => r.header));
      }
      const s3 = tableWith(g, "申请人情况");
      assert.deepEqual(
        s3.rows.map((r) => r.header),
        s3.rows.map((_, i) => i < 3),
      );
      const cell = (t: ReadTable, text: string) => t.rows.flatMap((r) => r.cells).find((c) => c.text === text)!;
      assert.equal(cell(s3, "申请人情况").gridSpan, 7);
      assert.equal(cell(s3, "法人或其他组织").gridSpan, 5);
      assert.equal(cell(s3, "自然人").vMerge, "restart");
      assert.equal(cell(s3, "总计").vMerge, "restart");
      assert.equal(cell(s3, "三、本年度办理结果").vMerge, "restart");
      assert.equal(s3.grid.length, 10);
      const s4 = tableWith(g, "行政复议");
      assert.deepEqual(
        s4.rows.map((r) => r.header),
        [true, true, true, false],
      );
      assert.equal(cell(s4, "行政复议").gridSpan, 5);
      assert.equal(cell(s4, "行政诉讼").gridSpan, 10);
      assert.equal(cell(s4, "未经复议直接起诉").gridSpan, 5);
      assert.equal(cell(s4, "复议后起诉").gridSpan, 5);
      assert.equal(s4.grid.length, 15);
      // Header texts are the national labels verbatim, without line breaks.
      for (const t of g.tables)
        for (const r of t.rows.filter((x) => x.header))
          for (const c of r.cells) assert.ok(!c.text.includes("\n"), JSON.stringify(c.text));
    });

    it("prints every figure of the workbook's tables (as LibreOffice calculates them) in the same table", async function () {
      requireTool(this, "LibreOffice", SOFFICE_CANDIDATES, "apt-get install -y libreoffice-calc-nogui");
      const calculated = await workbookTables(await recalc(g.xlsx));
      // The document's tables in the document plan's order (each is a named range of the same sheet plan).
      const read = readWorkbook(await readXlsx(path.join(FIELD, fixture)));
      assert.ok(read.ok);
      const names = documentPlan(read.report)
        .sections.flatMap((s) => s.blocks)
        .flatMap((b) => (b.type === "table" ? [b.name] : []));
      assert.ok(names.includes(TABLE_NAMES.s3) && names.includes(TABLE_NAMES.s4), names.join(","));
      assert.deepEqual([...names].sort(), [...calculated.keys()].sort());
      assert.equal(g.tables.length, names.length);
      let figures = 0;
      names.forEach((name, i) => {
        const want = calculated.get(name)!;
        const got = tableGrid(g.tables[i]!);
        assert.deepEqual(got, want, name);
        figures += want.flat().filter((t) => /^\d/.test(t)).length;
      });
      assert.ok(figures >= 150, String(figures));
    });

    it("prints the workbook's tables with their labels: page breaks written, no label apart from its table (LibreOffice PDF)", async function () {
      requireTool(this, "LibreOffice", SOFFICE_CANDIDATES, "apt-get install -y libreoffice-calc-nogui");
      // The breaks of the plan, as Excel writes them: below 1-based row r = before 0-based row r, across every column.
      const read = readWorkbook(await readXlsx(path.join(FIELD, fixture)));
      assert.ok(read.ok);
      const want = renderReport(read.report).sheets[0]!.print?.rowBreaks ?? [];
      assert.ok(want.length >= 2, String(want));
      const zip = unzipSync(new Uint8Array(readFileSync(g.xlsx)));
      const sheetXml = Object.entries(zip)
        .filter(([k]) => /^xl\/worksheets\/sheet\d+\.xml$/.test(k))
        .map(([, v]) => strFromU8(v))
        .find((x) => x.includes("<rowBreaks"));
      assert.ok(sheetXml, "no sheet with page breaks");
      const brks = [...sheetXml.matchAll(/<brk id="(\d+)" max="(\d+)" man="1"\/>/g)];
      assert.deepEqual(
        brks.map((m) => Number(m[1])),
        want,
      );
      assert.ok(brks.every((m) => m[2] === "16383"));
      // LibreOffice prints the workbook: the table sheet is the landscape pages; each label shares its
      // page with the table's first header cell.
      const pdf = await convert(g.xlsx, "pdf", path.join(g.dir, "xlsx-pdf"));
      const info = execFileSync("pdfinfo", ["-f", "1", "-l", "99", pdf], { encoding: "utf8" });
      const landscape = [...info.matchAll(/Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+)/g)]
        .filter((m) => Number(m[2]) > Number(m[3]))
        .map((m) => Number(m[1]));
      assert.ok(landscape.length >= 3, info);
      const pageText = (n: number) =>
        execFileSync("pdftotext", ["-f", String(n), "-l", String(n), "-raw", pdf, "-"], { encoding: "utf8" }).replace(
          /\s+/g,
          "",
        );
      const texts = landscape.map(pageText);
      for (const [label, header] of [
        ["三、收到和处理政府信息公开申请情况", "申请人情况"],
        ["四、政府信息公开行政复议、行政诉讼情况", "行政复议"],
        ["依申请公开办理结果分类情况", "类别"],
        ["二、主动公开政府信息情况", "第二十条第（一）项"],
      ]) {
        const on = texts.flatMap((t, i) => (t.includes(label!) ? [i] : []));
        assert.equal(on.length, 1, `${label} on landscape pages ${on.map((i) => landscape[i])}`);
        assert.ok(texts[on[0]!]!.includes(header!), `${label}: its table starts on the next page`);
      }
    });

    it("LibreOffice's PDF: the title, headings and body in the fonts the document names, every table row in its table", async function () {
      requireTool(this, "LibreOffice", SOFFICE_CANDIDATES, "apt-get install -y libreoffice-writer-nogui");
      requireTool(this, "pdftohtml", ["pdftohtml"], "apt-get install -y poppler-utils");
      // The fonts the document names are not installed here: fontconfig gives each its own installed face,
      // so that the PDF tells which named font LibreOffice used for each text.
      const conf = path.join(g.dir, "fonts.conf");
      writeFileSync(conf, namedFacesConfig());
      const docxPath = path.join(g.dir, "fonts.docx");
      writeFileSync(docxPath, g.docx);
      const pdf = await convert(docxPath, "pdf", path.join(g.dir, "fonts-pdf"), { FONTCONFIG_FILE: conf });
      const texts = pdfTexts(pdf);
      const fontOf = (needle: string) => {
        const t = texts.find((x) => x.text.includes(needle));
        assert.ok(t, `"${needle}" not in the PDF`);
        return t;
      };
      const title = fontOf("年政府信息公开工作年度报告");
      const heading = fontOf("一、总体情况");
      // Body text: the PDF's lines of the body paragraphs (without the placeholders and run-in leads).
      const bodyParagraphs = g.paragraphs.filter((x) => x !== g.paragraphs[0] && /^[^一二三四五六]/.test(x.text));
      const bodyLines = texts.filter(
        (x) =>
          [...x.text].length >= 6 &&
          !x.bold &&
          !/[【】\x20-\x7e]/.test(x.text) &&
          !g.paragraphs[0]!.text.includes(x.text) &&
          bodyParagraphs.some((p) => p.text.replace(/^（[一二三四五]）[^。]{1,12}。/, "").includes(x.text)),
      );
      assert.ok(bodyLines.length >= 5, String(bodyLines.length));
      const body = bodyLines[0]!;
      assert.deepEqual([...new Set(bodyLines.map((x) => x.family))], [body.family], "body lines in one face");
      // Title 二号 (22 pt), headings and body 三号 (16 pt); pdftohtml at zoom 1 gives whole points.
      assert.equal(title.size, 22);
      assert.equal(heading.size, 16);
      assert.equal(body.size, 16);
      // 黑体 got the sans face; the title, the body and 楷体 each a serif face of their own.
      assert.match(heading.family, /NotoSansCJK/);
      assert.match(title.family, /NotoSerifCJK/);
      assert.match(body.family, /NotoSerifCJK/);
      assert.notEqual(title.family, body.family);
      for (const h of ["二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况", "六、其他需要报告的事项"])
        assert.equal(fontOf(h).family, heading.family, h);
      const runIn = g.paragraphs.find((p) => /^（[一二三四五]）[^。]{1,12}。/.test(p.text) && p.runs.length > 1);
      if (runIn) {
        const kai = fontOf(runIn.runs[0]!.text);
        assert.ok(![title.family, body.family, heading.family].includes(kai.family), `楷体: ${kai.family}`);
      }
      // Table text: 仿宋_GB2312 五号 (10.5 pt), the body's face.
      const cell = fontOf("第二十条第（一）项");
      assert.equal(cell.family, body.family);
      assert.ok(cell.size >= 10 && cell.size <= 11, String(cell.size));
      // Digits in Times New Roman (Liberation Serif stands in for it).
      assert.ok(texts.some((x) => /^\d+$/.test(x.text) && /LiberationSerif|TimesNewRoman/.test(x.family)));

      // Every row of every table, cell by cell in order, where its table is: LibreOffice writes a table's
      // cells row by row, so each row's texts follow one another in the PDF's text.
      const raw = execFileSync("pdftotext", ["-raw", pdf, "-"], { encoding: "utf8" }).replace(/\s+/g, "");
      let at = 0;
      let rows = 0;
      g.tables.forEach((t, i) => {
        const grid = tableGrid(t);
        for (const row of grid) {
          const line = row.join("").replace(/\s+/g, "");
          if (!line) continue;
          const found = raw.indexOf(line, at);
          assert.ok(found >= 0, `table ${i + 1}: row "${line}" not found after the previous row`);
          // Header rows repeat on the next page; a body row is found once, after the one before.
          at = t.rows[grid.indexOf(row)]!.header ? at : found + line.length;
          rows++;
        }
      });
      assert.ok(rows >= 50, String(rows));
    });

    it("opens in LibreOffice: A4 pages, text inside the margins, table 四 on a landscape page, 28 characters a line", async function () {
      requireTool(this, "LibreOffice", SOFFICE_CANDIDATES, "apt-get install -y libreoffice-writer-nogui");
      const docxPath = path.join(g.dir, "copy.docx");
      writeFileSync(docxPath, g.docx);
      const pdf = await convert(docxPath, "pdf", path.join(g.dir, "pdf"));
      const info = execFileSync("pdfinfo", ["-f", "1", "-l", "99", pdf], { encoding: "utf8" });
      const sizes = [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/g)].map((m) => [
        Math.round(Number(m[1])),
        Math.round(Number(m[2])),
      ]);
      assert.ok(sizes.length >= 4, info);
      assert.ok(sizes.every(([w, h]) => (w === 595 && h === 842) || (w === 842 && h === 595)));
      const landscape = sizes.findIndex(([w]) => w === 842);
      assert.ok(landscape > 0, "no landscape page");
      const bbox = execFileSync("pdftotext", ["-bbox", pdf, "-"], { encoding: "utf8" });
      const pages = bbox.split(/<page /).slice(1);
      assert.equal(pages.length, sizes.length);
      const pt = (mm: number) => (mm * 72) / 25.4;
      pages.forEach((page, i) => {
        const [w, h] = sizes[i]!;
        const portrait = w === 595;
        const m = portrait
          ? { top: pt(37), bottom: pt(35), left: pt(28), right: pt(26) }
          : { top: pt(28), bottom: pt(26), left: pt(37), right: pt(35) };
        const words = [
          ...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</g),
        ];
        for (const [, x0, y0, x1, y1, word] of words) {
          const inFooter = Number(y0) > h! - m.bottom;
          if (inFooter) {
            // Only the page number sits below the text area: "— N —".
            assert.match(word!, /^(—|\d+)$/, `page ${i + 1}: ${word}`);
            continue;
          }
          assert.ok(Number(y0) >= m.top - 2, `page ${i + 1}: ${word} above the top margin (${y0})`);
          assert.ok(Number(y1) <= h! - m.bottom + 2, `page ${i + 1}: ${word} below the text area`);
          assert.ok(Number(x0) >= m.left - 2, `page ${i + 1}: ${word} left of the margin (${x0})`);
          // A closing punctuation mark may hang into the margin (Word and LibreOffice both allow it).
          const hang = /[，。、；：）】”]$/.test(word!) ? 17 : 0;
          assert.ok(Number(x1) <= w! - m.right + 2 + hang, `page ${i + 1}: ${word} right of the margin (${x1})`);
        }
      });
      const text = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
      assert.match(text, /政府信息公开工作年度报告/);
      assert.match(text, /— 1 —|—1—/);
      // 28 characters a line: body text (三号) at a pitch of 16 pt - 0.25 pt (28 × 15.75 = 441 pt ≤ 442.2 pt).
      const pitches: number[] = [];
      for (const [, x0, y0, x1, y1, word] of bbox.matchAll(
        /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</g,
      )) {
        const chars = [...word!];
        const height = Number(y1) - Number(y0);
        if (chars.length < 12 || !chars.every((ch) => /[\u3000-\u9fff\uff00-\uffef]/.test(ch))) continue;
        if (height < 18 || height > 23) continue;
        pitches.push((Number(x1) - Number(x0)) / chars.length);
      }
      assert.ok(pitches.length >= 5, String(pitches.length));
      // Most lines are full lines at that pitch (a justified line that breaks early is spread wider).
      const median = [...pitches].sort((x, y) => x - y)[Math.floor(pitches.length / 2)]!;
      assert.ok(median > 15.7 && median < 15.85, `${median} (${pitches.join(", ")})`);
      assert.ok(Math.min(...pitches) > 15.7, pitches.join(", "));
    });
  });
}
