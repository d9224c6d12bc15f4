/**
 * The fast .xlsx reader against the ExcelJS path: the same grid (values, formulas, merges, hidden rows, origin)
 * for every workbook fixture, the field corpus and the examples, and for a workbook with the awkward cases
 * (shared formulas, inline strings, rich text, errors, booleans, dates, uncached formulas, covered merge cells).
 */
import { strict as assert } from "node:assert";
import { promises as fs } from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { readXlsx } from "../../src/cli/xlsx";
import { readXlsxFast } from "../../src/cli/xlsx-fast";
import { xlsxFixtureFiles } from "../support/fixture-files";

const ROOT = path.join(__dirname, "..", "..");

describe("cli/xlsx-fast: the same grid as ExcelJS", () => {
  it("over every workbook fixture, the field corpus and the examples", async () => {
    const files = await xlsxFixtureFiles();
    assert.ok(files.length >= 8, `found ${files.length} workbooks`);
    let compared = 0;
    for (const f of files) {
      let slow;
      try {
        slow = await readXlsx(f);
      } catch {
        continue; // a deliberately broken fixture: the fast reader's caller falls back on ExcelJS for those
      }
      const fast = readXlsxFast(await fs.readFile(f), f);
      assert.deepEqual(fast, slow, path.relative(ROOT, f));
      compared++;
    }
    assert.ok(compared >= 8);
  });

  it("reads a sheet stored under an unusual part name (xl/data/…), as ExcelJS does, never skipping it", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("公开数据").getCell("A1").value = "本年新收政府信息公开申请数量";
    wb.getWorksheet("公开数据")!.getCell("B1").value = 74;
    const zip = await JSZip.loadAsync(Buffer.from(await wb.xlsx.writeBuffer()));
    const sheet = await zip.file("xl/worksheets/sheet1.xml")!.async("nodebuffer");
    zip.remove("xl/worksheets/sheet1.xml");
    zip.file("xl/data/counts-2021.xml", sheet);
    const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
    zip.file("xl/_rels/workbook.xml.rels", rels.replace("worksheets/sheet1.xml", "data/counts-2021.xml"));
    const types = await zip.file("[Content_Types].xml")!.async("string");
    zip.file("[Content_Types].xml", types.replace("/xl/worksheets/sheet1.xml", "/xl/data/counts-2021.xml"));
    const bytes = await zip.generateAsync({ type: "nodebuffer" });
    const fast = readXlsxFast(bytes);
    assert.deepEqual(
      fast.sheets.map((s) => [s.name, s.values[0]]),
      [["公开数据", ["本年新收政府信息公开申请数量", 74]]],
    );
  });

  it("on shared formulas, inline and rich strings, errors, booleans, dates, uncached formulas and merges", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("数据");
    ws.getCell("B2").value = 1;
    ws.getCell("C2").value = 2;
    ws.getCell("D2").value = { formula: "B2+C2", result: 3, shareType: "shared", ref: "D2:D4" } as ExcelJS.CellValue;
    ws.getCell("B3").value = 4;
    ws.getCell("C3").value = 5;
    ws.getCell("D3").value = { sharedFormula: "D2", result: 9 } as ExcelJS.CellValue;
    ws.getCell("D4").value = { sharedFormula: "D2" } as ExcelJS.CellValue;
    ws.getCell("E2").value = { richText: [{ text: "商业" }, { font: { bold: true }, text: "企业" }] };
    ws.getCell("E3").value = { error: "#REF!" } as ExcelJS.CellErrorValue;
    ws.getCell("E4").value = true;
    ws.getCell("E5").value = new Date(Date.UTC(2023, 4, 1));
    ws.getCell("E7").value = 0.5;
    ws.getCell("E7").numFmt = "[h]:mm";
    ws.getCell("E8").value = 45000;
    ws.getCell("E8").numFmt = 'yyyy"年"m"月"d"日"';
    ws.getCell("E6").value = { formula: "SUM(B2:B3)" } as ExcelJS.CellValue;
    ws.getCell("F2").value = "合并";
    ws.mergeCells("F2:G3");
    ws.getCell("A8").value = "  有空格  ";
    ws.getRow(7).hidden = true;
    ws.getCell("A7").value = 0;
    const second = wb.addWorksheet("第二张");
    second.getCell("C5").value = "x";
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    const file = path.join(ROOT, "test", "output", `fast-${process.pid}.xlsx`);
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, buf);
    try {
      assert.deepEqual(readXlsxFast(buf, file), await readXlsx(file));
    } finally {
      await fs.rm(file, { force: true });
    }
  });
});
