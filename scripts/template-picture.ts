/**
 * The README's picture of the counts-sheet template as a preparer meets it (编制): the template as `template --year
 * 2026 --prior LAST.xlsx` makes it (yellow cells to type, grey SUM totals computed, last year's figures in the 上年
 * cells), with a few of this year's parts typed and the rest blank (not filled yet); LibreOffice's PDF of it, the
 * first pages rasterised by pdftoppm and laid side by side.
 *   npx tsx scripts/template-picture.ts [out=docs/images/report-template.png]
 * Run on purpose only (tests never rewrite tracked files). 仿宋 is not installed on a build machine: the picture
 * shows LibreOffice's fallback font.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { PNG } from "pngjs";
import { applyPlan } from "../src/cli/xlsx-write";
import { cellKey } from "../src/core/model/format";
import { priorFills } from "../src/core/model/prior-fill";
import { readWorkbook } from "../src/core/read";
import { planToGrid, templateCells, templatePlan, typeIntoPlan } from "../src/core/render";
import type { SheetPlan } from "../src/core/render/plan";
import { exampleReport } from "./make-examples";
import { convert } from "../test/support/libreoffice";

const ROOT = path.resolve(__dirname, "..");
/** The pages shown side by side, the gap between them (px) and the resolution (dpi). */
const PAGES = 2;
const GAP = 16;
const DPI = "70";

async function writePlan(file: string, plan: SheetPlan): Promise<void> {
  const wb = new ExcelJS.Workbook();
  applyPlan(wb, plan);
  await wb.xlsx.writeFile(file);
}

async function main(): Promise<void> {
  const out = path.resolve(process.argv[2] ?? path.join(ROOT, "docs/images/report-template.png"));
  const work = mkdtempSync(path.join(tmpdir(), "template-picture-"));
  try {
    // This year's template (2026) with last year's figures in the 上年 cells, as `template --prior` writes it
    // (the invented example report as last year's), and a few of this year's parts typed: a clerk part-way through.
    const last = exampleReport();
    last.meta.body = { text: "某某县教育局" };
    last.meta.year = { value: 2025, from: "metadata" };
    const plan = templatePlan({ year: 2026, unit: "某某县教育局" });
    const read = readWorkbook({ sheets: [planToGrid(plan)] });
    if (!read.ok) throw new Error("the template does not read back");
    typeIntoPlan(plan, priorFills(read.report, last).fills);
    const s3 = templateCells(plan).tables.s3!.cells;
    const typed: [string, number][] = [
      [cellKey("new", "natural"), 20],
      [cellKey("new", "commercial"), 4],
      [cellKey("open", "natural"), 12],
      [cellKey("open", "commercial"), 3],
      [cellKey("unavailable.notHeld", "natural"), 6],
      [cellKey("carryNext", "natural"), 2],
      [cellKey("carryNext", "commercial"), 1],
    ];
    typeIntoPlan(
      plan,
      typed.map(([key, value]) => ({ cell: s3[key]!, value })),
    );
    const file = path.join(work, "template.xlsx");
    await writePlan(file, plan);
    const pdf = await convert(file, "pdf", work);
    execFileSync("pdftoppm", ["-png", "-r", DPI, "-f", "1", "-l", String(PAGES), pdf, path.join(work, "page")]);
    const files = readdirSync(work)
      .filter((f) => /^page-\d+\.png$/.test(f))
      .sort((a, b) => Number(/\d+/.exec(a)![0]) - Number(/\d+/.exec(b)![0]));
    if (!files.length) throw new Error("no page rendered");
    const pages = files.map((f) => PNG.sync.read(readFileSync(path.join(work, f))));
    const h = Math.max(...pages.map((p) => p.height));
    const picture = new PNG({
      width: pages.reduce((w, p) => w + p.width, 0) + (pages.length + 1) * GAP,
      height: h + 2 * GAP,
    });
    picture.data.fill(0xdd); // a grey desk under white pages
    let x = GAP;
    for (const p of pages) {
      PNG.bitblt(p, picture, 0, 0, p.width, p.height, x, GAP);
      x += p.width + GAP;
    }
    mkdirSync(path.dirname(out), { recursive: true });
    writeFileSync(out, PNG.sync.write(picture));
    console.log(`${out}: ${pages.length} page(s)`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
