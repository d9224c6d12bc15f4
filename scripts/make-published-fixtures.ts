/**
 * Builds the published forms of the field corpus for the reader tests (test/fixtures/published/): for each field
 * workbook (shared/field/xlsx, the page pasted into Excel) the page it came from as a saved .html (paragraphs +
 * tables with rowspan/colspan, as the portal prints them), the .docx and the text PDF that LibreOffice makes of that
 * page, one page saved in GBK, and a PDF printed the way published ones look (narrow label column so row labels
 * wrap onto two or more lines, large type so that table 三 breaks across pages) by headless Chromium.
 *
 *   npx tsx scripts/make-published-fixtures.ts [FIELD_XLSX_DIR] [OUT_DIR]
 */
import { execFileSync } from "node:child_process";
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { CellValue, SheetGrid } from "../src/core/grid";
import { readXlsx } from "../src/cli/xlsx";

const FIELD = process.argv[2] ?? path.resolve(__dirname, "../../../shared/field/xlsx");
const OUT = process.argv[3] ?? path.resolve(__dirname, "../test/fixtures/published");

function esc(v: CellValue): string {
  if (v === null) return "";
  const s = typeof v === "object" ? v.error : String(v);
  return s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/\u00a0/g, "&nbsp;")
    .replace(/\n/g, "<br/>");
}

/** The grid of a pasted page back as the page: a row with one text merged across the sheet is a paragraph. */
export function gridToHtml(sheet: SheetGrid, title: string, css = ""): string {
  const merges = sheet.merges ?? [];
  const width = Math.max(...sheet.values.map((r) => r.length));
  const at = (r: number, c: number): CellValue => sheet.values[r]?.[c] ?? null;
  const filled = (r: number): number[] =>
    (sheet.values[r] ?? []).flatMap((v, c) => (v !== null && v !== "" ? [c] : []));
  const isPara = (r: number): boolean => {
    const f = filled(r);
    if (f.length !== 1 || f[0] !== 0) return false;
    const m = merges.find((x) => x.top === r && x.left === 0);
    return m ? m.right >= Math.min(9, width - 1) && m.bottom === r : !merges.some((x) => x.top < r && x.bottom >= r);
  };
  const body: string[] = [];
  let r = 0;
  while (r < sheet.values.length) {
    if (filled(r).length === 0 && !merges.some((x) => x.top <= r && x.bottom >= r)) {
      r++;
      continue;
    }
    if (isPara(r)) {
      const t = esc(at(r, 0));
      body.push(/^[一二三四五六]、/.test(String(at(r, 0))) ? `<p><strong>${t}</strong></p>` : `<p>${t}</p>`);
      r++;
      continue;
    }
    const start = r;
    while (
      r < sheet.values.length &&
      !isPara(r) &&
      (filled(r).length > 0 || merges.some((x) => x.top <= r && x.bottom >= r))
    )
      r++;
    let right = 0;
    for (let i = start; i < r; i++) for (const c of filled(i)) right = Math.max(right, c);
    for (const m of merges) if (m.top >= start && m.top < r) right = Math.max(right, m.right);
    const rows: string[] = [];
    for (let i = start; i < r; i++) {
      const tds: string[] = [];
      for (let c = 0; c <= right; c++) {
        if (
          merges.some(
            (m) => m.top <= i && m.bottom >= i && m.left <= c && m.right >= c && !(m.top === i && m.left === c),
          )
        )
          continue;
        const m = merges.find((x) => x.top === i && x.left === c);
        const span = m
          ? `${m.bottom > m.top ? ` rowspan="${m.bottom - m.top + 1}"` : ""}${m.right > m.left ? ` colspan="${m.right - m.left + 1}"` : ""}`
          : "";
        tds.push(`<td${span}>${esc(at(i, c))}</td>`);
      }
      rows.push(`<tr>${tds.join("")}</tr>`);
    }
    body.push(`<table border="1" cellspacing="0" cellpadding="2">\n${rows.join("\n")}\n</table>`);
  }
  return `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>${esc(title)}</title>
<style>body{font-family:"Noto Serif CJK SC",serif}table{border-collapse:collapse}td{border:1px solid #000}${css}</style>
<script>var _hmt = [];</script></head>
<body><div class="nav">首页 &gt; 政务公开 &gt; 政府信息公开年报</div>
<div class="content">
${body.join("\n")}
</div><div class="footer">版权所有：平潭综合实验区党工委管委会</div></body></html>
`;
}

/** Chromium prints: file suffix -> page style. */
const PRINTS: [string, string][] = [
  ["-print", "body{font-size:15pt}td{padding:4px;font-size:15pt}td:first-child{max-width:6em}"],
  [
    "-narrow",
    "body{font-size:12pt;max-width:150mm}td{padding:2px;font-size:12pt;max-width:4em}td:first-child{max-width:3em}",
  ],
];
const NARROW = "pingtan-2025";
const SLID = "pingtan-2023";

async function main(): Promise<void> {
  await fs.mkdir(OUT, { recursive: true });
  const names = (await fs.readdir(FIELD)).filter((n) => n.endsWith(".xlsx")).sort();
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), "published-"));
  const htmls: string[] = [];
  for (const n of names) {
    const grid = await readXlsx(path.join(FIELD, n));
    const sheet = grid.sheets[0]!;
    const base = n.replace(/\.xlsx$/, "");
    const title = String(sheet.values[0]?.[0] ?? base);
    const html = gridToHtml(sheet, title);
    await fs.writeFile(path.join(OUT, `${base}.html`), html);
    await fs.writeFile(path.join(tmp, `${base}.html`), html);
    htmls.push(path.join(tmp, `${base}.html`));
    if (base === "pingtan-2023") {
      const iconv = (await import("iconv-lite")).default;
      const gbk = html.replace(
        '<meta charset="utf-8">',
        '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">',
      );
      await fs.writeFile(path.join(OUT, `${base}-gbk.html`), iconv.encode(gbk, "gbk"));
    }
    if (base === SLID) {
      // A page whose table cannot be read right: in 三's row "3.其他" the blank cells of the zeros were left out of
      // the row, so its figures (1 … 1) stand one column after another from the left: a reading doubt, not an error.
      const html = gridToHtml(sheet, title).replace(
        /(<td>3\.其他<\/td>)((?:<td>[^<]*<\/td>)+)/,
        (_m, label: string, tds: string) =>
          label +
          [...tds.matchAll(/<td>([^<]*)<\/td>/g)]
            .filter((m) => m[1] !== "0" && m[1] !== "")
            .map((m) => m[0])
            .join(""),
      );
      await fs.writeFile(path.join(tmp, `${base}-slid.html`), html);
      execFileSync(
        "chromium",
        [
          "--headless",
          "--no-sandbox",
          "--disable-gpu",
          "--no-pdf-header-footer",
          `--print-to-pdf=${path.join(OUT, `${base}-slid.pdf`)}`,
          `file://${path.join(tmp, `${base}-slid.html`)}`,
        ],
        { stdio: "ignore", timeout: 120000 },
      );
    }
    // As published PDFs look (every report): a narrow label column (labels wrap onto two or three lines), large
    // type, so that table 三 runs over a page break. One report also as a narrower page still: every column narrow,
    // labels on 2-3 lines, figures close together.
    for (const [suffix, css] of PRINTS) {
      if (suffix === "-narrow" && base !== NARROW) continue;
      await fs.writeFile(path.join(tmp, `${base}${suffix}.html`), gridToHtml(sheet, title, css));
      execFileSync(
        "chromium",
        [
          "--headless",
          "--no-sandbox",
          "--disable-gpu",
          "--no-pdf-header-footer",
          `--print-to-pdf=${path.join(OUT, `${base}${suffix}.pdf`)}`,
          `file://${path.join(tmp, `${base}${suffix}.html`)}`,
        ],
        { stdio: "ignore", timeout: 120000 },
      );
    }
  }
  const profile = path.join(tmp, "lo-profile");
  const lo = (args: string[]): void => {
    execFileSync("soffice", ["--headless", "--norestore", `-env:UserInstallation=file://${profile}`, ...args], {
      stdio: "ignore",
      timeout: 600000,
    });
  };
  lo(["--infilter=HTML (StarWriter)", "--convert-to", "docx:MS Word 2007 XML", "--outdir", OUT, ...htmls]);
  lo(["--convert-to", "pdf", "--outdir", OUT, ...names.map((n) => path.join(OUT, n.replace(/\.xlsx$/, ".docx")))]);
  await fs.rm(tmp, { recursive: true, force: true });
  process.stdout.write(`written to ${OUT}\n`);
}

if (require.main === module) void main();
