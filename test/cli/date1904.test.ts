/**
 * A workbook on the 1904 date system (Excel for Mac's old default, kept when the file moves to Windows): a date
 * typed into a count cell is held as a serial 1,462 smaller than in the 1900 system. Both readers (the fast one and
 * ExcelJS) say so, and `check` names the date the user typed, not one 4 years and a day earlier.
 */
import { strict as assert } from "node:assert";
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { cli, cleanReport, writeReport } from "./helpers";
import { readXlsx } from "../../src/cli/xlsx";
import { readXlsxFast } from "../../src/cli/xlsx-fast";
import type { JsonFile } from "../../src/cli/output";

describe("cli: a workbook on the 1904 date system", function () {
  this.timeout(60000);
  let dir: string;
  let file1900: string;
  let file1904: string;
  let address: string;

  before(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "dr-1904-"));
    file1900 = path.join(dir, "1900.xlsx");
    const at = await writeReport(file1900, cleanReport());
    address = at.address("s3", "new|natural");
    // The same report with 2023-05-01 typed into 本年新收 / 自然人, as a date, in each date system.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file1900);
    const ws = wb.worksheets[0]!;
    const cell = ws.getCell(address.replace(/^.*!/, ""));
    cell.value = new Date(Date.UTC(2023, 4, 1));
    // A style of its own (ExcelJS shares a loaded style between the cells that use it).
    cell.style = { ...cell.style, numFmt: "yyyy-mm-dd" };
    await wb.xlsx.writeFile(file1900);
    wb.properties.date1904 = true;
    file1904 = path.join(dir, "1904.xlsx");
    await wb.xlsx.writeFile(file1904);
  });
  after(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it("the file holds the 1904 serial and says date1904 (what Excel for Mac writes)", async () => {
    const zip = unzipSync(await fs.readFile(file1904));
    assert.match(strFromU8(zip["xl/workbook.xml"]!), /<workbookPr[^>]*date1904="1"/);
    const fast = readXlsxFast(await fs.readFile(file1904), file1904);
    const slow = await readXlsx(file1904);
    assert.deepEqual(fast, slow, "the fast reader and ExcelJS read the same grid");
    const sheet = fast.sheets[0]!;
    assert.equal(sheet.date1904, true);
    const m = /([A-Z]+)(\d+)$/.exec(address)!;
    const row = Number(m[2]) - 1 - sheet.top;
    const col = m[1]!.charCodeAt(0) - 65 - sheet.left;
    assert.equal(sheet.values[row]![col], 43585);
    assert.equal((await readXlsx(file1900)).sheets[0]!.date1904, undefined);
  });

  it("check names the date typed, in either date system, and its serial as the workbook holds it", async () => {
    for (const [file, serial] of [
      [file1900, 45047],
      [file1904, 43585],
    ] as const) {
      const r = await cli(["check", file, "--json"]);
      const f = (JSON.parse(r.out) as { files: JsonFile[] }).files[0]!;
      const found = f.findings.filter((x) => x.rule === "not-a-number");
      assert.equal(found.length, 1, `${path.basename(file)}: ${JSON.stringify(f.findings.map((x) => x.rule))}`);
      assert.match(found[0]!.message, /2023-05-01/, found[0]!.message);
      assert.match(found[0]!.message, new RegExp(String(serial)), found[0]!.message);
      assert.doesNotMatch(found[0]!.message, /2019-04-30/);
    }
  });

  it("reads date1904 as Excel does: 1, true or on; 0, false or absent is the 1900 system", async () => {
    const zip = unzipSync(await fs.readFile(file1904));
    const wbXml = strFromU8(zip["xl/workbook.xml"]!);
    for (const [v, want] of [
      ["true", true],
      ["on", true],
      ["0", undefined],
      ["false", undefined],
    ] as const) {
      const bytes = zipSync({ ...zip, "xl/workbook.xml": strToU8(wbXml.replace('date1904="1"', `date1904="${v}"`)) });
      assert.equal(readXlsxFast(bytes, "x.xlsx").sheets[0]!.date1904, want, v);
    }
  });
});
