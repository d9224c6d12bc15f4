/**
 * Reports in the forms they are published in: the field corpus (six real reports of 平潭综合实验区) as saved web
 * pages, a GBK page, Word files and text PDFs (test/fixtures/published, made by scripts/make-published-fixtures.ts
 * from shared/field/xlsx, copied in test/fixtures/field), read through the one label-based reader and checked. The same report must give the same
 * findings in every form; findings about the medium (a figure typed as text in the workbook, a label broken by a line
 * break in a cell) are not about the report and are left out of the comparison.
 */
import { strict as assert } from "node:assert";
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { readWorkbook } from "../../src/core/read";
import { runChecks } from "../../src/core/checks";
import type { Finding } from "../../src/core/checks/types";
import type { Report } from "../../src/core/model/report";
import { blocksToSheet, placeRows, publishedValue } from "../../src/core/published";
import { documentBlocks } from "../../src/cli/docx-read";
import { decodeHtml, htmlBlocks } from "../../src/cli/html-read";
import { formOf, readAnyGrid } from "../../src/cli/read-any";
import { checkFileReports } from "../../src/cli/main";
import { linesToSheet, readPdfLines } from "../../src/cli/pdf-read";
import { reportFigures } from "../../src/core/summary";
import { readXlsx, XlsxReadError } from "../../src/cli/xlsx";

const FIXTURES = path.join(__dirname, "..", "fixtures", "published");
const FIELD = path.join(__dirname, "..", "fixtures", "field");
const YEARS = ["2019", "2020", "2022", "2023", "2024", "2025"];
/** Findings about the medium, not about the report's figures. */
const MEDIUM = new Set(["text-number", "label-typo"]);

function key(f: Finding): string {
  return [
    f.rule,
    f.severity,
    f.messageId,
    JSON.stringify(f.params ?? {}),
    JSON.stringify(f.expected ?? null),
    JSON.stringify(f.actual ?? null),
  ].join(" ");
}

function findingsOf(report: Report): string[] {
  return runChecks(report, {})
    .filter((f) => !MEDIUM.has(f.rule))
    .map(key)
    .sort();
}

async function readForm(file: string): Promise<Report> {
  const r = readWorkbook(await readAnyGrid(file));
  assert.ok(r.ok, `${file}: ${r.ok ? "" : r.error.message.en}`);
  return r.report;
}

describe("published forms: .html, .docx, GBK pages, PDFs", () => {
  for (const y of YEARS) {
    describe(`pingtan-${y}`, () => {
      let xlsx: Report;
      before(async () => {
        const r = readWorkbook(await readXlsx(path.join(FIELD, `pingtan-${y}.xlsx`)));
        assert.ok(r.ok);
        xlsx = r.report;
      });
      for (const form of ["html", "docx"]) {
        it(`.${form} gives the same findings as the workbook`, async () => {
          const report = await readForm(path.join(FIXTURES, `pingtan-${y}.${form}`));
          assert.equal(report.format, xlsx.format);
          assert.equal(report.meta.year?.value, xlsx.meta.year?.value);
          assert.deepEqual(findingsOf(report), findingsOf(xlsx));
          assert.deepEqual(figures(report), figures(xlsx));
        });
      }
    });
  }

  it("a GBK page (charset=gb2312 in http-equiv) reads as its UTF-8 twin", async () => {
    const bytes = await fs.readFile(path.join(FIXTURES, "pingtan-2023-gbk.html"));
    assert.equal(decodeHtml(bytes).charset, "gb18030");
    const gbk = await readForm(path.join(FIXTURES, "pingtan-2023-gbk.html"));
    const utf8 = await readForm(path.join(FIXTURES, "pingtan-2023.html"));
    assert.deepEqual(figures(gbk), figures(utf8));
    assert.deepEqual(findingsOf(gbk), findingsOf(utf8));
    assert.ok(gbk.meta.body?.text.includes("平潭综合实验区"));
  });

  // Every field report as a PDF twice: LibreOffice's PDF of the Word file, and a published-looking print (Chromium:
  // labels wrapped onto 2-4 lines, header cells broken over lines, 三/四 over page breaks); 2025 also on a narrower
  // page (every column narrow, labels on 2-3 lines).
  const PDFS = [...YEARS.flatMap((y) => [`pingtan-${y}.pdf`, `pingtan-${y}-print.pdf`]), "pingtan-2025-narrow.pdf"];
  for (const name of PDFS) {
    const year = name.slice(8, 12);
    it(`${name} gives the workbook's findings and figures, with no reading doubt`, async () => {
      const xr = readWorkbook(await readXlsx(path.join(FIELD, `pingtan-${year}.xlsx`)));
      assert.ok(xr.ok);
      const pdf = await readForm(path.join(FIXTURES, name));
      pdf.medium = "pdf";
      assert.equal(pdf.format, xr.report.format);
      assert.equal(pdf.meta.year?.value, xr.report.meta.year?.value);
      assert.deepEqual(findingsOf(pdf), findingsOf(xr.report));
      assert.deepEqual(figures(pdf), figures(xr.report));
    });
  }

  it("a PDF whose row of figures slid left (a blank not printed) is a reading doubt: no error on the unit, no figure of the table stated", async () => {
    const bytes = new Uint8Array(await fs.readFile(path.join(FIXTURES, "pingtan-2024.pdf")));
    const lines = await readPdfLines(bytes);
    // 3.其他 under （六）: 1 1 0 0 0 0 2 printed as 1 1 2 (the blanks of the zeros not printed, the total slid left)
    const row = lines.find((l) => l.segs[0]?.text === "3.其他");
    assert.ok(row);
    const figs = row.segs.slice(1);
    assert.deepEqual(
      figs.map((s) => s.text),
      ["1", "1", "0", "0", "0", "0", "2"],
    );
    const slid = { ...figs[2]!, text: "2" };
    row.segs = [row.segs[0]!, figs[0]!, figs[1]!, slid];
    const r = readWorkbook({ sheets: [linesToSheet(lines, "slid")] });
    assert.ok(r.ok);
    r.report.medium = "pdf";
    const xr = readWorkbook(await readXlsx(path.join(FIELD, "pingtan-2024.xlsx")));
    assert.ok(xr.ok);
    const found = runChecks(r.report, {});
    const doubts = found.filter((f) => f.rule === "reading-doubt");
    assert.deepEqual(
      doubts.map((f) => f.params["tableId"]),
      ["s3"],
    );
    const errors = (fs_: Finding[]): string[] => fs_.filter((f) => f.severity === "error").map(key);
    assert.deepEqual(errors(found), errors(runChecks(xr.report, {})), "no error blamed on the unit for our reading");
    const stated = reportFigures(r.report);
    const want = reportFigures(xr.report);
    for (const [id, cells] of Object.entries(stated)) {
      for (const [k, v] of Object.entries(cells)) {
        if (id === "s3") continue;
        if (v !== null) assert.equal(v, want[id]?.[k], `${id} ${k}`);
      }
    }
  });

  it("a printed page whose row lost its blank cells (pingtan-2023-slid.pdf): a reading doubt on 三, no error, no misread figure", async () => {
    const [pdf] = await checkFileReports(path.join(FIXTURES, "pingtan-2023-slid.pdf"), { figures: true });
    const [xlsx] = await checkFileReports(path.join(FIELD, "pingtan-2023.xlsx"), { figures: true });
    assert.ok(pdf && xlsx && !pdf.error && !xlsx.error);
    assert.deepEqual(
      pdf.findings.filter((f) => f.severity === "error"),
      [],
      "errors blamed on the unit that come from our reading",
    );
    const doubts = pdf.findings.filter((f) => f.rule === "reading-doubt");
    assert.deepEqual(
      doubts.map((f) => f.params["tableId"]),
      ["s3"],
    );
    assert.match(String(doubts[0]!.params["why"]), /3\.其他/);
    for (const [id, cells] of Object.entries(pdf.figures!)) {
      if (id === "s3") continue;
      for (const [k, v] of Object.entries(cells)) assert.equal(v, xlsx.figures![id]?.[k], `${id} ${k}`);
    }
  });

  it("a PDF without text (a scan) is reported as needing OCR, not misread", async () => {
    const file = path.join(os.tmpdir(), `dr-scan-${process.pid}.pdf`);
    await fs.writeFile(file, blankPdf());
    try {
      await readAnyGrid(file);
      assert.fail("a PDF without text must not read");
    } catch (e) {
      assert.ok(e instanceof XlsxReadError);
      assert.equal(e.code, "needs-ocr");
      assert.match(e.reason.zh, /OCR/);
    } finally {
      await fs.rm(file, { force: true });
    }
  });

  it("tells the form by the first bytes, not only the name", () => {
    assert.equal(formOf("a.xls", Buffer.from("<html><body><table>")), "html");
    assert.equal(formOf("a.doc", Buffer.from("%PDF-1.7")), "pdf");
    assert.equal(formOf("a.bin", Buffer.from("PK\u0003\u0004....word/document.xml")), "docx");
    assert.equal(formOf("a.xlsx", Buffer.from("PK\u0003\u0004....xl/workbook.xml")), "xlsx");
  });
});

describe("published layout", () => {
  it("places HTML rowspan/colspan cells on the table grid", () => {
    const cells = placeRows([
      [
        { rowSpan: 2, colSpan: 1, text: "A" },
        { rowSpan: 1, colSpan: 2, text: "B" },
      ],
      [
        { rowSpan: 1, colSpan: 1, text: "C" },
        { rowSpan: 1, colSpan: 1, text: "D" },
      ],
    ]);
    assert.deepEqual(
      cells.map((c) => [c.text, c.row, c.col, c.rowSpan, c.colSpan]),
      [
        ["A", 0, 0, 2, 1],
        ["B", 0, 1, 1, 2],
        ["C", 1, 1, 1, 1],
        ["D", 1, 2, 1, 1],
      ],
    );
    const sheet = blocksToSheet("s", [
      { kind: "text", text: "标题" },
      { kind: "table", cells },
    ]);
    assert.deepEqual(sheet.values, [
      ["标题", null, null],
      ["A", "B", null],
      [null, "C", "D"],
    ]);
    assert.deepEqual(sheet.merges, [
      { top: 1, left: 0, bottom: 2, right: 0 },
      { top: 1, left: 1, bottom: 1, right: 2 },
    ]);
  });

  it("reads Word merges: gridSpan across, vMerge down", () => {
    const xml = `<w:document><w:body><w:p><w:r><w:t>标题</w:t></w:r></w:p><w:tbl>
      <w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>三、本年</w:t></w:r></w:p><w:p><w:r><w:t>度</w:t></w:r></w:p></w:tc>
        <w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p><w:r><w:t>x</w:t></w:r></w:p></w:tc></w:tr>
      <w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc><w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t xml:space="preserve"> 2 </w:t></w:r></w:p></w:tc></w:tr>
    </w:tbl></w:body></w:document>`;
    const blocks = documentBlocks(xml);
    assert.deepEqual(blocks[0], { kind: "text", text: "标题" });
    const t = blocks[1]!;
    assert.ok(t.kind === "table");
    assert.deepEqual(
      t.cells.map((c) => [c.text, c.row, c.col, c.rowSpan, c.colSpan]),
      [
        ["三、本年\n度", 0, 0, 2, 1],
        ["x", 0, 1, 1, 2],
        ["1", 1, 1, 1, 1],
        [" 2 ", 1, 2, 1, 1],
      ],
    );
  });

  it("keeps paragraphs and cell line breaks of a page; skips scripts and styles", () => {
    const blocks = htmlBlocks(
      `<html><head><style>p{}</style><script>var a="<p>x</p>";</script></head><body><p>一、总体情况</p><div>正文<br>第二行</div>
       <table><tr><td rowspan="2">商业<br/>企业</td><td>&nbsp;12&nbsp;</td></tr><tr><td><p>1,234</p></td></tr></table></body></html>`,
    );
    assert.deepEqual(blocks.slice(0, 3), [
      { kind: "text", text: "一、总体情况" },
      { kind: "text", text: "正文" },
      { kind: "text", text: "第二行" },
    ]);
    const sheet = blocksToSheet("p", blocks);
    assert.deepEqual(sheet.values.slice(3), [
      ["商业\n企业", 12],
      [null, 1234],
    ]);
  });

  it("a figure printed as plain digits becomes a number; anything else stays the text as printed", () => {
    assert.equal(publishedValue("\u00a012\u00a0"), 12);
    assert.equal(publishedValue("１２"), 12);
    assert.equal(publishedValue("1,234"), 1234);
    assert.equal(publishedValue("5949.088667"), 5949.088667);
    assert.equal(publishedValue("12件"), "12件");
    assert.equal(publishedValue("—"), "—");
    assert.equal(publishedValue("12（其中修订3件）"), "12（其中修订3件）");
    assert.equal(publishedValue("\u00a0"), null);
  });
});

/** Every figure the reader found, by table and cell key (the values only). */
function figures(r: Report): Record<string, number | string | null> {
  const out: Record<string, number | string | null> = {};
  const add = (id: string, t: { cells: Record<string, { value: unknown }> } | undefined): void => {
    if (!t) return;
    for (const [k, n] of Object.entries(t.cells)) out[`${id}:${k}`] = (n.value ?? null) as number | string | null;
  };
  for (const [id, t] of Object.entries(r.section2)) add(id, t);
  add("s3", r.section3);
  add("s4", r.section4);
  return out;
}

/** A valid one-page PDF that draws nothing: what a scan looks like to a text reader (images only, no text). */
function blankPdf(): Buffer {
  const objs = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
    "<< /Length 0 >>\nstream\n\nendstream",
  ];
  let out = "%PDF-1.4\n";
  const offsets: number[] = [];
  objs.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
  out += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, "latin1");
}
