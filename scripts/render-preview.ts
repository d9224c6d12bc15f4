/**
 * Render a generated workbook to pictures for a look: the report tables and the narrative sheet, each
 * saved as its own .xlsx, printed to PDF by LibreOffice and rasterised with pdftoppm.
 *   npx tsx scripts/render-preview.ts [outDir=docs/images]
 * Writes report-tables.png (first page of 报告表格) and report-text.png (first page of 报告正文).
 * The template's picture (report-template.png) is scripts/template-picture.ts.
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { applyPlan } from "../src/cli/xlsx-write";
import { renderReport, templateForReport } from "../src/core/render";
import type { SheetPlan } from "../src/core/render/plan";
import { report2021, seedLikeReport } from "../src/core/render/samples.testutil";
import { convert } from "../test/support/libreoffice";

async function sheetToPng(plans: SheetPlan[], visible: string, work: string, out: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  // The sheet to look at goes first (LibreOffice prints the active sheet even when hidden); the others
  // are hidden so that the PDF shows only it, while its formulas still resolve.
  for (const p of [...plans.filter((x) => x.name === visible), ...plans.filter((x) => x.name !== visible)]) {
    applyPlan(wb, p);
  }
  for (const ws of wb.worksheets) if (ws.name !== visible) ws.state = "hidden";
  const xlsx = path.join(work, `${visible}.xlsx`);
  await wb.xlsx.writeFile(xlsx);
  const pdf = await convert(xlsx, "pdf", work);
  const prefix = path.join(work, `${visible}-page`);
  execFileSync("pdftoppm", ["-png", "-r", "80", "-f", "1", "-l", "2", pdf, prefix]);
  const pages = readdirSync(work)
    .filter((f) => f.startsWith(`${visible}-page`) && f.endsWith(".png"))
    .sort();
  if (!pages.length) throw new Error(`no page rendered for ${visible}`);
  copyFileSync(path.join(work, pages[0]!), out);
  pages.slice(1).forEach((extra, i) => copyFileSync(path.join(work, extra), out.replace(/\.png$/, `-${i + 2}.png`)));
  console.log(`${out} (${pages.length} page(s) rendered)`);
}

async function main(): Promise<void> {
  const outDir = path.resolve(process.argv[2] ?? "docs/images");
  mkdirSync(outDir, { recursive: true });
  const work = mkdtempSync(path.join(tmpdir(), "preview-"));
  try {
    const source = report2021();
    source.proactive = seedLikeReport().proactive!;
    const { plan: counts, report } = templateForReport(source);
    const wp = renderReport(report);
    const [tables, text] = wp.sheets;
    await sheetToPng([counts, tables!], tables!.name, work, path.join(outDir, "report-tables.png"));
    await sheetToPng([counts, text!], text!.name, work, path.join(outDir, "report-text.png"));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
