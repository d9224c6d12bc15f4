/**
 * The ExcelJS reader on real .xlsx files: value mapping (formulas, cached results, rich text, dates, errors,
 * merges, hidden rows, used-range origin) and typed errors for files it cannot read.
 */
import { strict as assert } from "node:assert";
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { formulaAt, kindAt, valueAt } from "../../src/core/grid";
import { readXlsx, XlsxReadError } from "../../src/cli/xlsx";

const FIXTURES = path.join(__dirname, "..", "fixtures", "xlsx");

async function expectReadError(file: string, code: string): Promise<XlsxReadError> {
  try {
    await readXlsx(file);
  } catch (e) {
    assert.ok(e instanceof XlsxReadError, `expected XlsxReadError, got ${String(e)}`);
    assert.equal(e.code, code);
    assert.equal(e.file, file);
    assert.ok(e.reason.zh.length > 0 && e.reason.en.length > 0);
    assert.ok(e.message.includes(file), "the message names the file");
    return e;
  }
  assert.fail(`reading ${file} should have failed with ${code}`);
}

describe("cli/xlsx readXlsx", () => {
  let dir: string;
  before(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "dr-xlsx-"));
  });
  after(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it("maps values, formulas, cached results, rich text, dates, errors, merges and hidden rows", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("数据 表");
    // Used range starts at C3 (row 2, col 2).
    ws.getCell("C3").value = "标题";
    ws.mergeCells("C3:E3");
    ws.getCell("C4").value = 12;
    ws.getCell("D4").value = "１２";
    ws.getCell("E4").value = { richText: [{ text: "本年" }, { text: "制发", font: { bold: true } }] };
    ws.getCell("C5").value = { formula: "SUM(C4:C4)", result: 12 };
    ws.getCell("D5").value = { formula: "C4*2" }; // no cached result
    ws.getCell("E5").value = { error: "#REF!" };
    ws.getCell("C6").value = new Date(Date.UTC(2024, 0, 31));
    ws.getCell("D6").value = true;
    ws.getCell("E6").value = { text: "网站", hyperlink: "https://example.org" };
    ws.getCell("F7").value = { formula: "1/0", result: { error: "#DIV/0!" } };
    ws.getRow(6).hidden = true;
    const file = path.join(dir, "values.xlsx");
    await wb.xlsx.writeFile(file);

    const grid = await readXlsx(file);
    assert.equal(grid.source, file);
    assert.equal(grid.sheets.length, 1);
    const s = grid.sheets[0]!;
    assert.equal(s.name, "数据 表");
    assert.equal(s.top, 2);
    assert.equal(s.left, 2);
    assert.equal(valueAt(s, 2, 2), "标题");
    assert.equal(valueAt(s, 2, 3), null, "cells under a merge are blank");
    assert.deepEqual(s.merges, [{ top: 2, left: 2, bottom: 2, right: 4 }]);
    assert.equal(valueAt(s, 3, 2), 12);
    assert.equal(valueAt(s, 3, 3), "１２", "text stays as typed");
    assert.equal(valueAt(s, 3, 4), "本年制发");
    assert.equal(valueAt(s, 4, 2), 12, "cached formula result");
    assert.equal(formulaAt(s, 4, 2), "=SUM(C4:C4)");
    assert.equal(valueAt(s, 4, 3), null, "formula without a cached result reads as blank");
    assert.equal(kindAt(s, 4, 3), "uncached", "… and is marked so, never taken for a blank");
    assert.equal(kindAt(s, 4, 2), null);
    assert.equal(formulaAt(s, 4, 3), "=C4*2");
    assert.deepEqual(valueAt(s, 4, 4), { error: "#REF!" });
    assert.equal(valueAt(s, 5, 2), 45322, "dates become Excel serial numbers (2024-01-31)");
    assert.equal(kindAt(s, 5, 2), "date", "… marked as dates");
    assert.equal(kindAt(s, 3, 2), null);
    assert.equal(valueAt(s, 5, 3), true);
    assert.equal(valueAt(s, 5, 4), "网站");
    assert.deepEqual(valueAt(s, 6, 5), { error: "#DIV/0!" });
    assert.deepEqual(s.hiddenRows, [5]);
    // Shape: values cover the used range C3:F7.
    assert.equal(s.values.length, 5);
    assert.equal(s.values[0]!.length, 4);
  });

  it('marks numbers shown as dates or times by their number format; a formula showing 0 or "" is not uncached', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("S");
    ws.getCell("A1").value = 45047;
    ws.getCell("A1").numFmt = 'yyyy"年"m"月"d"日"';
    ws.getCell("A2").value = 0.5;
    ws.getCell("A2").numFmt = "h:mm";
    ws.getCell("A3").value = 12;
    ws.getCell("A3").numFmt = '0"件"';
    ws.getCell("A4").value = { formula: "A1+1", result: 45048 };
    ws.getCell("A4").numFmt = "yyyy-mm-dd";
    ws.getCell("B1").value = { formula: "A3-12", result: 0 };
    ws.getCell("B2").value = { formula: 'IF(1,"",0)', result: "" };
    const file = path.join(dir, "kinds.xlsx");
    await wb.xlsx.writeFile(file);
    const s = (await readXlsx(file)).sheets[0]!;
    assert.deepEqual(
      [0, 1, 2, 3].map((r) => [valueAt(s, r, 0), kindAt(s, r, 0)]),
      [
        [45047, "date"],
        [0.5, "time"],
        [12, null],
        [45048, "date"],
      ],
    );
    // A formula showing 0 or "" is calculated (ExcelJS's cell.value drops a falsy result: not read through it).
    assert.deepEqual([valueAt(s, 0, 1), kindAt(s, 0, 1)], [0, null]);
    assert.deepEqual([valueAt(s, 1, 1), kindAt(s, 1, 1)], ["", null]);
  });

  it("reads every sheet, and an empty sheet as an empty grid", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("空");
    wb.addWorksheet("B").getCell("A1").value = 1;
    const file = path.join(dir, "two.xlsx");
    await wb.xlsx.writeFile(file);
    const grid = await readXlsx(file);
    assert.deepEqual(
      grid.sheets.map((s) => [s.name, s.values.length]),
      [
        ["空", 0],
        ["B", 1],
      ],
    );
  });

  it("translates shared formulas of a file written by LibreOffice/Excel", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("S");
    ws.getCell("A1").value = 1;
    ws.getCell("A2").value = 2;
    ws.getCell("B1").value = { formula: "A1*10", result: 10 };
    ws.getCell("B2").value = { sharedFormula: "B1", result: 20 };
    const file = path.join(dir, "shared.xlsx");
    await wb.xlsx.writeFile(file);
    const s = (await readXlsx(file)).sheets[0]!;
    assert.equal(formulaAt(s, 1, 1), "=A2*10");
    assert.equal(valueAt(s, 1, 1), 20);
  });

  it("names the file and the reason for a missing file", async () => {
    await expectReadError(path.join(dir, "nope.xlsx"), "not-found");
  });

  it("rejects a directory", async () => {
    await expectReadError(dir, "is-directory");
  });

  it("rejects an empty file", async () => {
    const f = path.join(dir, "empty.xlsx");
    await fs.writeFile(f, "");
    await expectReadError(f, "empty-file");
  });

  it("recognises a CSV saved under an .xlsx name", async () => {
    const f = path.join(dir, "csv.xlsx");
    await fs.writeFile(f, "类别,本年条数\n政府文件,72\n");
    const e = await expectReadError(f, "text-format");
    assert.match(e.reason.zh, /CSV/);
  });

  it("recognises a real .xls (made by LibreOffice) under an .xlsx name", async () => {
    await expectReadError(path.join(FIXTURES, "xls-renamed.xlsx"), "xls-format");
  });

  it("recognises a password-protected workbook (OLE container with EncryptionInfo)", async () => {
    // The first bytes of an encrypted OOXML file: the OLE signature, then a directory naming EncryptionInfo.
    const header = Buffer.alloc(1536);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
    Buffer.from("EncryptionInfo", "utf16le").copy(header, 1024);
    const f = path.join(dir, "encrypted.xlsx");
    await fs.writeFile(f, header);
    const e = await expectReadError(f, "encrypted");
    assert.match(e.reason.zh, /密码/);
  });

  it("reports a damaged zip and a truncated workbook as corrupt", async () => {
    const f = path.join(dir, "garbage.xlsx");
    await fs.writeFile(f, Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]));
    await expectReadError(f, "corrupt");
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("A").getCell("A1").value = 1;
    const full = (await wb.xlsx.writeBuffer()) as ArrayBuffer;
    const t = path.join(dir, "truncated.xlsx");
    await fs.writeFile(t, Buffer.from(full).subarray(0, Math.floor(full.byteLength / 2)));
    await expectReadError(t, "corrupt");
  });

  it("reports arbitrary binary data as not a workbook", async () => {
    const f = path.join(dir, "binary.xlsx");
    await fs.writeFile(f, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 1, 2, 3]));
    await expectReadError(f, "not-xlsx");
  });
});
