/**
 * Why the CLI reads .xlsx with its own small reader (src/cli/xlsx-fast.ts over src/xlsx/read.ts: fflate + the regex
 * XML scanner of src/xlsx/xml.ts) and not with ExcelJS or a SAX library: per field workbook (the six 平潭 reports) and
 * per large sheet (10,000 rows x 6 columns beside the counts sheet), the median time of
 *   floor      unzip the workbook, sheet and shared-strings parts and decode them as text (nothing built);
 *   fast       readXlsxFast -> WorkbookGrid (what `check` uses);
 *   exceljs    ExcelJS load + workbookToGrid -> the same WorkbookGrid (the fallback path);
 * and, on the sheet XML alone, scanXml against saxes (ExcelJS's own SAX parser; spec-conformant) doing the same
 * walk (every tag and text run).
 *
 *   npx tsx bench/parsers.ts        prints a table (noisy on a loaded machine: compare the ratios)
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import { scanXml } from "../src/xlsx/xml";
import { workbookToGrid } from "../src/cli/xlsx";
import { readXlsxFast } from "../src/cli/xlsx-fast";
import { median, nowMs } from "./stats";

interface Saxes {
  on(event: string, fn: () => void): void;
  write(s: string): { close(): void };
}
/** saxes is ExcelJS's own SAX parser (not a dependency of ours): loaded from where ExcelJS resolves it. */
async function saxesParser(): Promise<new () => Saxes> {
  const at = require.resolve("saxes", { paths: [path.dirname(require.resolve("exceljs"))] });
  return ((await import(at)) as { SaxesParser: new () => Saxes }).SaxesParser;
}

const FIELD = path.join(__dirname, "..", "test", "fixtures", "field");

async function timeMs(fn: () => unknown, runs: number): Promise<number> {
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = nowMs();
    await fn();
    xs.push(nowMs() - t);
  }
  return median(xs);
}

function partsText(bytes: Uint8Array): string[] {
  const parts = unzipSync(bytes, {
    filter: (f) => /^xl\/(workbook|sharedStrings|worksheets\/sheet\d+)\.xml$/.test(f.name),
  });
  return Object.values(parts).map((p) => strFromU8(p));
}

function sheetXml(bytes: Uint8Array): string {
  return strFromU8(
    unzipSync(bytes, { filter: (f) => f.name === "xl/worksheets/sheet1.xml" })["xl/worksheets/sheet1.xml"]!,
  );
}

function walkOurs(xml: string): number {
  let n = 0;
  scanXml(
    xml,
    () => n++,
    () => n++,
  );
  return n;
}

function walkSaxes(SaxesParser: new () => Saxes, xml: string): number {
  let n = 0;
  const p = new SaxesParser();
  p.on("opentag", () => n++);
  p.on("closetag", () => n++);
  p.on("text", () => n++);
  p.write(xml).close();
  return n;
}

async function bigWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("登记");
  for (let r = 1; r <= 10_000; r++)
    ws.addRow([r, `申请${r}`, "自然人", 45000 + (r % 300), "予以公开", `某某局 ${r % 17}`]);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

async function main(): Promise<void> {
  const SaxesParser = await saxesParser();
  const files = readdirSync(FIELD)
    .filter((f) => f.endsWith(".xlsx"))
    .sort()
    .map((f): { name: string; bytes: Uint8Array } => ({
      name: f,
      bytes: new Uint8Array(readFileSync(path.join(FIELD, f))),
    }));
  files.push({ name: "10,000 rows x 6", bytes: await bigWorkbook() });
  console.log(
    "workbook               floor ms   fast ms  exceljs ms  exceljs/fast | sheet XML: ours ms  saxes ms  saxes/ours",
  );
  for (const f of files) {
    const runs = f.bytes.length > 100_000 ? 7 : 41;
    const floor = await timeMs(() => partsText(f.bytes), runs);
    const fast = await timeMs(() => readXlsxFast(f.bytes, f.name), runs);
    const excel = await timeMs(async () => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(f.bytes) as unknown as ExcelJS.Buffer);
      return workbookToGrid(wb, f.name);
    }, runs);
    const xml = sheetXml(f.bytes);
    if (walkOurs(xml) <= 0 || walkSaxes(SaxesParser, xml) <= 0) throw new Error("nothing walked");
    const ours = await timeMs(() => walkOurs(xml), runs);
    const sax = await timeMs(() => walkSaxes(SaxesParser, xml), runs);
    const c = (x: number, w = 9) => x.toFixed(2).padStart(w);
    console.log(
      `${f.name.padEnd(20)} ${c(floor)} ${c(fast)} ${c(excel, 11)} ${c(excel / fast, 12)}x | ${c(ours, 16)} ${c(sax)} ${c(sax / ours, 10)}x`,
    );
  }
}

void main();
