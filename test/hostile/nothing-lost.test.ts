/**
 * Nothing lost: `check` and `generate` never change the input's bytes; `generate` copies the counts
 * sheet (values and formulas) and every other user sheet exactly; regenerating over report sheets the
 * user edited keeps the user's text (the new text beside it) and says so; outputs are written
 * atomically; OUT is never overwritten without --force; FILE only with --in-place.
 */
import { strict as assert } from "node:assert";
import * as nodeFs from "node:fs";
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import type { CellValue, SheetGrid } from "../../src/core/grid";
import { readXlsx } from "../../src/cli/xlsx";
import { DEFAULT_REPORT_SETTINGS, RECORD_SHEET } from "../../src/core/render";
import { cli, sha256 } from "../cli/helpers";
import { at, baseSheet } from "./catalogue";
import { writeGridXlsx } from "./xlsx-from-grid";

const TEXT = DEFAULT_REPORT_SETTINGS.textSheet;
const COUNTS = "公开数据";

/** Every cell of a sheet as "A1" -> value/formula, blanks left out (positions absolute). */
function cellMap(s: SheetGrid): Map<string, string> {
  const m = new Map<string, string>();
  s.values.forEach((line, r) =>
    line.forEach((v, c) => {
      const f = s.formulas?.[r]?.[c];
      if ((v === null || v === undefined) && !f) return;
      m.set(`${s.top + r},${s.left + c}`, JSON.stringify([v, f ?? null]));
    }),
  );
  return m;
}

/** Cells that differ between two versions of a sheet (added, removed or changed). */
function changedCells(a: SheetGrid, b: SheetGrid): string[] {
  const ma = cellMap(a);
  const mb = cellMap(b);
  const out: string[] = [];
  for (const k of new Set([...ma.keys(), ...mb.keys()])) if (ma.get(k) !== mb.get(k)) out.push(k);
  return out;
}

function sheet(grid: { sheets: SheetGrid[] }, name: string): SheetGrid {
  const s = grid.sheets.find((x) => x.name === name);
  assert.ok(s, `sheet ${name} in ${grid.sheets.map((x) => x.name).join(",")}`);
  return s;
}

function textAt(s: SheetGrid, row: number, col: number): CellValue {
  return s.values[row - s.top]?.[col - s.left] ?? null;
}

export const LOST = { cellsChangedInUserSheets: 0 };

describe("hostile inputs: nothing lost", function () {
  this.timeout(60_000);
  let dir: string;
  let input: string;

  before(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "dr-lost-"));
    // The counts sheet with a formula and a text number, plus a user sheet of notes.
    const counts = baseSheet();
    const total = at("s4", "count", "review.total");
    counts.formulas = counts.values.map((r) => r.map(() => null));
    counts.formulas[total.row]![total.col] = "=SUM(D93:G93)";
    counts.values[at("s3", "new", "legal").row]![at("s3", "new", "legal").col] = "3";
    const notes: SheetGrid = {
      name: "备注 (我的)",
      top: 0,
      left: 0,
      values: [
        ["说明", "=不是公式", 42],
        ["+86 123", "@someone", -1],
        [{ error: "#N/A" }, true, 0.1],
      ],
    };
    input = path.join(dir, "input.xlsx");
    await writeGridXlsx(input, { sheets: [counts, notes] });
  });
  after(async () => {
    await fs.rm(dir, { recursive: true, force: true });
    console.log(`      cells changed in user sheets: ${LOST.cellsChangedInUserSheets}`);
  });

  it("check leaves the input's bytes and mtime as they were", async () => {
    const hash = await sha256(input);
    const mtime = (await fs.stat(input)).mtimeMs;
    for (const args of [
      ["check", input],
      ["check", input, "--json"],
      ["check", dir],
    ]) {
      const r = await cli(args);
      assert.ok(r.code === 0 || r.code === 1, r.out + r.err);
    }
    assert.equal(await sha256(input), hash);
    assert.equal((await fs.stat(input)).mtimeMs, mtime);
  });

  it("generate leaves the input alone and copies the counts sheet and the user's sheets exactly", async () => {
    const hash = await sha256(input);
    const out = path.join(dir, "generated.xlsx");
    const r = await cli(["generate", input, "-o", out]);
    assert.ok(r.code === 0 || r.code === 1, r.out + r.err);
    assert.equal(await sha256(input), hash, "input bytes unchanged");
    const before = await readXlsx(input);
    const after = await readXlsx(out);
    for (const name of [COUNTS, "备注 (我的)"]) {
      const a = sheet(before, name);
      const b = sheet(after, name);
      const changed = changedCells(a, b);
      LOST.cellsChangedInUserSheets += changed.length;
      assert.deepEqual(changed, [], `${name}: changed cells`);
      assert.deepEqual(b.merges, a.merges, `${name}: merges`);
    }
    // The formula and its place survive; the sheet order too (the user's sheets first).
    const counts = sheet(after, COUNTS);
    const total = at("s4", "count", "review.total");
    assert.equal(counts.formulas?.[total.row - counts.top]?.[total.col - counts.left], "=SUM(D93:G93)");
    assert.deepEqual(after.sheets.map((s) => s.name).slice(0, 2), [COUNTS, "备注 (我的)"]);
    // The user sheet's texts that look like formulas are still text.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const notes = wb.getWorksheet("备注 (我的)")!;
    assert.equal(notes.getCell("B1").type, ExcelJS.ValueType.String);
    assert.equal(notes.getCell("B1").value, "=不是公式");
  });

  describe("regenerating over report sheets the user edited", () => {
    let first: string;
    let edited: string;
    let userPara: string;
    let editedRow: number;
    let generatedBefore: string;

    before(async () => {
      first = path.join(dir, "first.xlsx");
      assert.equal((await cli(["generate", input, "-o", first])).code, 0);
      // The user rewrites one paragraph, adds a sentence of their own below, and corrects a figure.
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(first);
      const ws = wb.getWorksheet(TEXT)!;
      editedRow = 0;
      ws.eachRow((row, n) => {
        const v = row.getCell(1).value;
        if (!editedRow && typeof v === "string" && /申请/.test(v) && n > 3) editedRow = n;
      });
      assert.ok(editedRow > 0, "a paragraph about applications");
      generatedBefore = String(ws.getCell(editedRow, 1).value);
      userPara = "（经主任审定）本年度共收到政府信息公开申请一百二十四件，均已按期答复。";
      ws.getCell(editedRow, 1).value = userPara;
      ws.getCell(ws.rowCount + 3, 1).value = "附：本报告经局务会审议通过。";
      const c = wb.getWorksheet(COUNTS)!;
      const n = at("s3", "new", "natural");
      c.getCell(n.row + 1, n.col + 1).value = 111;
      const t = at("s3", "new", "total");
      c.getCell(t.row + 1, t.col + 1).value = 125;
      edited = path.join(dir, "edited.xlsx");
      await wb.xlsx.writeFile(edited);
    });

    it("keeps the user's paragraph in place, writes the new text beside it, keeps the added sentence, and says so", async () => {
      const out = path.join(dir, "regenerated.xlsx");
      const r = await cli(["generate", edited, "-o", out]);
      assert.ok(r.code === 0 || r.code === 1, r.out + r.err);
      assert.match(r.out, new RegExp(`保留了您修改过的 1 段正文（${TEXT}!A${editedRow}）`));
      assert.match(r.out, /另有 1 处您写入的文字已移到正文末尾保留/);
      const grid = await readXlsx(out);
      const text = sheet(grid, TEXT);
      assert.equal(textAt(text, editedRow - 1, 0), userPara, "the user's text stays where it was");
      const beside = String(textAt(text, editedRow - 1, 1));
      assert.notEqual(beside, generatedBefore, "the new text reflects the corrected figure");
      assert.match(beside, /申请/);
      const all = text.values.flat().filter((v) => typeof v === "string");
      assert.equal(all.filter((v) => v === "附：本报告经局务会审议通过。").length, 1);
      assert.ok(grid.sheets.some((s) => s.name === RECORD_SHEET));

      // Once more over the regenerated file: still kept, nothing duplicated.
      const again = path.join(dir, "regenerated-again.xlsx");
      const r2 = await cli(["generate", out, "-o", again]);
      assert.ok(r2.code === 0 || r2.code === 1, r2.out + r2.err);
      const text2 = sheet(await readXlsx(again), TEXT);
      assert.equal(textAt(text2, editedRow - 1, 0), userPara);
      assert.equal(textAt(text2, editedRow - 1, 1), beside);
      const all2 = text2.values.flat().filter((v) => typeof v === "string");
      assert.equal(all2.filter((v) => v === "附：本报告经局务会审议通过。").length, 1);
      assert.equal(all2.filter((v) => v === userPara).length, 1);
    });

    it("writes nothing beside an edited paragraph whose generated text did not change (a placeholder filled in)", async () => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(first);
      const ws = wb.getWorksheet(TEXT)!;
      let row = 0;
      ws.eachRow((r, n) => {
        const v = r.getCell(1).value;
        if (!row && typeof v === "string" && v.includes("【待补充：本年度政府信息公开工作存在的主要问题")) row = n;
      });
      assert.ok(row > 0, "the placeholder of 五");
      const mine = "　　一是信息公开的及时性有待提高；二是培训不足。";
      ws.getCell(row, 1).value = mine;
      const filled = path.join(dir, "filled.xlsx");
      await wb.xlsx.writeFile(filled);
      const out = path.join(dir, "filled-again.xlsx");
      const r = await cli(["generate", filled, "-o", out]);
      assert.ok(r.code === 0 || r.code === 1, r.out + r.err);
      assert.doesNotMatch(r.out, /新生成的文字写在其右侧/);
      const text = sheet(await readXlsx(out), TEXT);
      assert.equal(textAt(text, row - 1, 0), mine, "the user's text stays");
      assert.equal(textAt(text, row - 1, 1), null, "the same placeholder is not offered again beside it");
      assert.ok(
        text.values.every((line) => (line[1 - text.left] ?? null) === null),
        "column B stays empty",
      );
    });

    it("--in-place keeps the edits too, and an unedited regeneration says nothing about edits", async () => {
      const copy = path.join(dir, "inplace.xlsx");
      await fs.copyFile(edited, copy);
      const r = await cli(["generate", copy, "--in-place"]);
      assert.ok(r.code === 0 || r.code === 1, r.out + r.err);
      assert.match(r.out, /保留了您修改过的 1 段正文/);
      assert.equal(textAt(sheet(await readXlsx(copy), TEXT), editedRow - 1, 0), userPara);

      const plain = path.join(dir, "plain-again.xlsx");
      const r2 = await cli(["generate", first, "-o", plain]);
      assert.doesNotMatch(r2.out, /保留/);
      const t1 = sheet(await readXlsx(first), TEXT);
      const t2 = sheet(await readXlsx(plain), TEXT);
      assert.deepEqual(changedCells(t1, t2), [], "regenerating an unedited report gives the same text");
    });
  });

  it("never replaces a sheet of the user's own that bears a report sheet's name (without --force)", async () => {
    const own = path.join(dir, "own-sheet.xlsx");
    const notes: SheetGrid = { name: "报告表格", top: 0, left: 0, values: [["我自己的表格", 1, 2]] };
    await writeGridXlsx(own, { sheets: [baseSheet(), notes] });
    const hash = await sha256(own);
    const out = path.join(dir, "own-sheet-out.xlsx");
    const r = await cli(["generate", own, "-o", out]);
    assert.equal(r.code, 2, r.out + r.err);
    assert.match(r.err, /已有工作表“报告表格”，且不是本工具生成的/);
    await assert.rejects(fs.access(out));
    assert.equal(await sha256(own), hash);
    const inPlace = await cli(["generate", own, "--in-place"]);
    assert.equal(inPlace.code, 2);
    assert.equal(await sha256(own), hash);
    // With --force it is replaced, as asked.
    const forced = await cli(["generate", own, "-o", out, "--force"]);
    assert.ok(forced.code === 0 || forced.code === 1, forced.err);
    // The data sheet itself under a report sheet's name: refused even with --force.
    const data = baseSheet();
    data.name = "报告正文";
    const dataFile = path.join(dir, "data-named-text.xlsx");
    await writeGridXlsx(dataFile, { sheets: [data] });
    const d = await cli(["generate", dataFile, "-o", path.join(dir, "never-written.xlsx"), "--force"]);
    assert.equal(d.code, 2, d.out + d.err);
    assert.match(d.err, /即数据所在的工作表/);
  });

  it("writes atomically: a failure while replacing OUT leaves the old OUT and no temporary file", async () => {
    const out = path.join(dir, "atomic.xlsx");
    await fs.writeFile(out, "old contents");
    const hash = await sha256(out);
    const original = nodeFs.promises.rename;
    nodeFs.promises.rename = (async () => {
      throw Object.assign(new Error("EIO: simulated"), { code: "EIO" });
    }) as typeof original;
    let r;
    try {
      r = await cli(["generate", input, "-o", out, "--force"]);
    } finally {
      nodeFs.promises.rename = original;
    }
    assert.equal(r.code, 2, r.out + r.err);
    assert.match(r.err, /无法写入文件（EIO）/);
    assert.doesNotMatch(r.err, /内部错误|^ {4}at /m);
    assert.equal(await sha256(out), hash, "OUT untouched");
    assert.deepEqual(
      (await fs.readdir(dir)).filter((n) => n.endsWith(".tmp")),
      [],
    );
  });

  it("refuses to overwrite OUT without --force and FILE without --in-place", async () => {
    const out = path.join(dir, "exists.xlsx");
    await fs.writeFile(out, "mine");
    const hashOut = await sha256(out);
    const hashIn = await sha256(input);
    const r = await cli(["generate", input, "-o", out]);
    assert.equal(r.code, 2);
    assert.match(r.err, /已存在.*--force/);
    assert.equal(await sha256(out), hashOut);
    const t = await cli(["template", "-o", out]);
    assert.equal(t.code, 2);
    assert.equal(await sha256(out), hashOut);
    for (const args of [
      ["generate", input, "-o", input],
      ["generate", input, "-o", input, "--force"],
      ["generate", input, "-o", path.join(dir, ".", "input.xlsx"), "--force"],
    ]) {
      const x = await cli(args);
      assert.equal(x.code, 2, args.join(" "));
      assert.match(x.err, /--in-place/);
    }
    assert.equal(await sha256(input), hashIn);
  });
});
