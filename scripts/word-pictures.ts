/**
 * The README's pictures of the Word document: `generate --docx` on a field report (平潭综合实验区 2025),
 * LibreOffice's PDF of it, every page rasterised by pdftoppm and laid out in rows on one picture.
 *   npx tsx scripts/word-pictures.ts [out=docs/images/word-pages.png]
 * Run on purpose only (tests never rewrite tracked files). The fonts the document names are not installed
 * on a build machine: the picture shows LibreOffice's fallbacks.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PNG } from "pngjs";
import { convert } from "../test/support/libreoffice";

const ROOT = path.resolve(__dirname, "..");
const SOURCE = path.join(ROOT, "test/fixtures/xlsx/field/pingtan-2025.xlsx");
/** Pages per row of the picture, the gap between pages (px) and the page resolution (dpi). */
const PER_ROW = 5;
const GAP = 16;
const DPI = "40";

function layout(pages: PNG[]): PNG {
  const w = Math.max(...pages.map((p) => p.width));
  const h = Math.max(...pages.map((p) => p.height));
  const rows = Math.ceil(pages.length / PER_ROW);
  const out = new PNG({ width: PER_ROW * w + (PER_ROW + 1) * GAP, height: rows * h + (rows + 1) * GAP });
  out.data.fill(0xdd); // a grey desk under white pages
  pages.forEach((p, i) => {
    const x0 = GAP + (i % PER_ROW) * (w + GAP);
    const y0 = GAP + Math.floor(i / PER_ROW) * (h + GAP);
    PNG.bitblt(p, out, 0, 0, p.width, p.height, x0, y0 + Math.floor((h - p.height) / 2));
  });
  return out;
}

async function main(): Promise<void> {
  const out = path.resolve(process.argv[2] ?? path.join(ROOT, "docs/images/word-pages.png"));
  const work = mkdtempSync(path.join(tmpdir(), "word-pictures-"));
  try {
    const docx = path.join(work, "report.docx");
    execFileSync(process.execPath, [path.join(ROOT, "bin/disclosure-report.js"), "generate", SOURCE, "--docx", docx], {
      stdio: "inherit",
    });
    const pdf = await convert(docx, "pdf", work);
    execFileSync("pdftoppm", ["-png", "-r", DPI, pdf, path.join(work, "page")]);
    const files = readdirSync(work)
      .filter((f) => /^page-\d+\.png$/.test(f))
      .sort((a, b) => Number(/\d+/.exec(a)![0]) - Number(/\d+/.exec(b)![0]));
    if (!files.length) throw new Error("no page rendered");
    const picture = layout(files.map((f) => PNG.sync.read(readFileSync(path.join(work, f)))));
    mkdirSync(path.dirname(out), { recursive: true });
    writeFileSync(out, PNG.sync.write(picture));
    console.log(`${out}: ${files.length} pages`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
