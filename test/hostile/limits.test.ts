/**
 * Limits and races: a FIFO is refused (never read: it would hang), a zip bomb is "文件过大" with the limit, a zip
 * whose directory lies about its sizes is stopped at the declared size, a workbook with too many cells or a sheet
 * with a huge used range is "文件过大" with the limit, a 30 MB workbook is read under a small heap or refused in
 * plain words (never a V8 crash), five generate runs racing to one new output leave one winner and four that say so.
 */
import { strict as assert } from "node:assert";
import { execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { constants, existsSync, promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import zlib from "node:zlib";
import JSZip from "jszip";
import { declaredUnzippedSize, LIMITS, unzipGuarded, XlsxReadError } from "../../src/cli/xlsx";
import { cleanReport, cli, ROOT, writeReport, type Run } from "../cli/helpers";
import { writeZip, zipParts, type ZipPart } from "./zip-writer";

/** Fails (instead of hanging the whole run) when `p` takes longer than `ms`; `onTimeout` may unblock what hangs. */
async function within<T>(ms: number, what: string, p: Promise<T>, onTimeout?: () => Promise<void>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      void (onTimeout?.() ?? Promise.resolve()).finally(() =>
        reject(new Error(`${what} did not finish within ${ms / 1000} s (it hangs)`)),
      );
    }, ms);
  });
  try {
    return await Promise.race([p, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** The CLI as its own process under a heap of `heapMb` (node --max-old-space-size), through tsx on the sources. */
function cliWithHeap(heapMb: number, args: string[]): Promise<Run & { signal: string | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [`--max-old-space-size=${heapMb}`, "-r", "tsx/cjs", path.join(ROOT, "src/cli/main.ts"), ...args],
      { cwd: ROOT, env: { ...process.env, NODE_PATH: path.join(ROOT, "node_modules") } },
    );
    let out = "";
    let err = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString("utf8")));
    child.stderr.on("data", (d: Buffer) => (err += d.toString("utf8")));
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code: code ?? -1, out, err, signal }));
  });
}

/** The parts of a clean report workbook plus a sheet "登记台账" whose <sheetData> holds `rows`. */
async function withRegister(file: string, rows: Buffer): Promise<ZipPart[]> {
  await writeReport(file, cleanReport());
  const parts = await zipParts(await fs.readFile(file));
  const patch = (name: string, fn: (x: string) => string): void => {
    const p = parts.find((x) => x.name === name);
    if (!p) throw new Error(`no part ${name}`);
    const after = fn(p.data.toString("utf8"));
    if (after === p.data.toString("utf8")) throw new Error(`patch of ${name} changed nothing`);
    p.data = Buffer.from(after, "utf8");
  };
  patch("xl/workbook.xml", (x) =>
    x.replace("</sheets>", '<sheet name="登记台账" sheetId="99" r:id="rIdRegister"/></sheets>'),
  );
  patch("xl/_rels/workbook.xml.rels", (x) =>
    x.replace(
      "</Relationships>",
      '<Relationship Id="rIdRegister" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/register.xml"/></Relationships>',
    ),
  );
  patch("[Content_Types].xml", (x) =>
    x.replace(
      "</Types>",
      '<Override PartName="/xl/worksheets/register.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    ),
  );
  parts.push({
    name: "xl/worksheets/register.xml",
    data: Buffer.concat([
      Buffer.from(
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
      ),
      rows,
      Buffer.from("</sheetData></worksheet>"),
    ]),
  });
  return parts;
}

/** `rows` rows of two cells, each 80 random base64 characters (they hardly compress: ~2x). */
function textRows(rows: number): Buffer {
  const rnd = randomBytes(rows * 120).toString("base64");
  const out: string[] = [];
  let k = 0;
  for (let r = 1; r <= rows; r++, k += 160) {
    out.push(
      `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>${rnd.slice(k, k + 80)}</t></is></c>` +
        `<c r="B${r}" t="inlineStr"><is><t>${rnd.slice(k + 80, k + 160)}</t></is></c></row>`,
    );
  }
  return Buffer.from(out.join(""));
}

/** `rows` rows of ten random figures (~4x compression). */
function numberRows(rows: number): Buffer {
  const out: string[] = [];
  const cols = "ABCDEFGHIJ";
  for (let r = 1; r <= rows; r++) {
    let s = `<row r="${r}">`;
    for (const c of cols) s += `<c r="${c}${r}"><v>${Math.floor(Math.random() * 1e9)}</v></c>`;
    out.push(`${s}</row>`);
  }
  return Buffer.from(out.join(""));
}

/** The one line of a refusal: exit 2, nothing on stdout but that, no stack, no V8 report. */
function refusedInOneLine(r: Run & { signal?: string | null }, pattern: RegExp): void {
  const all = r.out + r.err;
  assert.equal(r.code, 2, all.slice(0, 2000));
  assert.match(all, pattern);
  assert.doesNotMatch(all, /FATAL ERROR|heap out of memory|\n\s+at |Internal error|内部错误/);
}

describe("hostile inputs: limits, non-regular files and racing outputs", function () {
  this.timeout(300_000);
  let dir: string;
  before(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "dr-limits-"));
  });
  after(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it("refuses a FIFO named x.xlsx at once (check and generate), exit 2, one line", async () => {
    const fifo = path.join(dir, "x.xlsx");
    execFileSync("mkfifo", [fifo]);
    // A reader that opened the FIFO would wait forever for a writer: fail after 15 s instead of hanging the run, and
    // unblock the stuck read (open the FIFO for writing without blocking, then close it: the reader sees the end).
    const unblock = async (): Promise<void> => {
      try {
        const h = await fs.open(fifo, constants.O_WRONLY | constants.O_NONBLOCK);
        await h.close();
      } catch {
        // nobody reading: nothing to unblock
      }
    };
    const r = await within(15_000, "check of a FIFO", cli(["check", fifo]), unblock);
    assert.equal(r.code, 2);
    assert.match(r.out + r.err, /不是普通文件/);
    const g = await within(
      15_000,
      "generate from a FIFO",
      cli(["generate", fifo, "-o", path.join(dir, "fifo-out.xlsx")]),
      unblock,
    );
    assert.equal(g.code, 2);
    assert.match(g.err, /不是普通文件/);
    assert.equal(g.err.trim().split("\n").length, 1);
  });

  /** `check` on a file that unzips to 24 MB, with the limit at 16 MB: 文件过大 with both sizes, exit 2. */
  async function expectTooBig(file: string): Promise<void> {
    const saved = LIMITS.unzippedBytes;
    LIMITS.unzippedBytes = 16 * 1024 * 1024;
    try {
      const r = await cli(["check", file]);
      assert.equal(r.code, 2);
      assert.match(r.out + r.err, /文件过大（解压后大小 24 MB，上限 16 MB/);
    } finally {
      LIMITS.unzippedBytes = saved;
    }
  }

  it("says 文件过大 with the limit for a zip that unzips past it (a zip bomb), before unzipping", async () => {
    const zip = new JSZip();
    zip.file("[Content_Types].xml", "<Types/>");
    zip.file("xl/worksheets/sheet1.xml", Buffer.alloc(24 * 1024 * 1024, 0x20));
    const bomb = path.join(dir, "bomb.xlsx");
    await fs.writeFile(bomb, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
    assert.ok((await fs.stat(bomb)).size < 200 * 1024, "the bomb is small on disk");
    await expectTooBig(bomb);
  });

  for (const [form, source] of [
    ["a real workbook (the fast reader's path)", "test/fixtures/field/pingtan-2023.xlsx"],
    ["a real Word report", "test/fixtures/published/pingtan-2023.docx"],
  ] as const) {
    it(`says 文件过大 for ${form} padded with a part that unzips past the limit, before unzipping`, async () => {
      const zip = await JSZip.loadAsync(await fs.readFile(source));
      zip.file("customXml/padding.xml", Buffer.alloc(24 * 1024 * 1024, 0x20));
      const bomb = path.join(dir, `padded-${path.basename(source)}`);
      await fs.writeFile(bomb, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
      await expectTooBig(bomb);
      // Under the limit the same file is read as usual.
      const ok = await cli(["check", bomb]);
      assert.notEqual(ok.code, 2, ok.out + ok.err);
    });
  }

  it("declaredUnzippedSize sums the central directory without unzipping; no directory gives undefined", async () => {
    const zip = new JSZip();
    zip.file("a.xml", Buffer.alloc(1000, 0x20));
    zip.file("b/c.xml", Buffer.alloc(234, 0x41));
    const buf = await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
    assert.equal(declaredUnzippedSize(buf), 1234);
    assert.equal(declaredUnzippedSize(Buffer.from("not a zip at all, just some text")), undefined);
    assert.equal(declaredUnzippedSize(buf.subarray(0, buf.length - 30)), undefined, "a cut directory is no directory");
  });

  it("stops a zip whose directory lies about a part's size at the declared size (check and generate), not by memory", async () => {
    const file = path.join(dir, "lying-source.xlsx");
    await writeReport(file, cleanReport());
    const parts = await zipParts(await fs.readFile(file));
    const sheet = parts.find((p) => p.name === "xl/worksheets/sheet1.xml")!;
    // The real sheet, then 256 MB of blanks after </worksheet>; the directory declares only the real sheet's size.
    const declared = sheet.data.length;
    sheet.data = Buffer.concat([sheet.data, Buffer.alloc(256 * 1024 * 1024, 0x20)]);
    sheet.declare = declared;
    const bytes = writeZip(parts, 1);
    sheet.data = Buffer.alloc(0); // let the 256 MB go
    const lying = path.join(dir, "lying.xlsx");
    await fs.writeFile(lying, bytes);
    assert.ok(bytes.length < 2 * 1024 * 1024, `small on disk (${bytes.length} bytes)`);
    assert.ok(declaredUnzippedSize(bytes)! < 1024 * 1024, "the directory declares under 1 MB in all");
    // Unzipping stops at the declared size: no inflate call ever gives back more than that (a spy on zlib).
    const inflated: number[] = [];
    const real = zlib.inflateRawSync;
    const spy: typeof real = (data, options) => {
      const out = real(data, options);
      inflated.push(out.length);
      return out;
    };
    zlib.inflateRawSync = spy; // the module object itself (limits.ts reads it through its import)
    try {
      assert.throws(
        () => unzipGuarded(bytes, lying, (n) => n === "xl/worksheets/sheet1.xml"),
        (e: unknown) => e instanceof XlsxReadError && /记录的大小与实际内容不符/.test(e.reason.zh),
      );
    } finally {
      zlib.inflateRawSync = real;
    }
    assert.ok(
      inflated.every((n) => n <= declared),
      `inflated ${inflated.join(", ")} bytes; declared ${declared}`,
    );
    for (const args of [
      ["check", lying],
      ["generate", lying, "-o", path.join(dir, "lying-out.xlsx")],
    ]) {
      const r = await cli(args);
      refusedInOneLine(r, /文件已损坏.*压缩包记录的大小与实际内容不符/);
    }
    assert.ok(!existsSync(path.join(dir, "lying-out.xlsx")), "nothing written");
  });

  it("says 文件过大 with the limit for a workbook with more cells than the limit (check and generate)", async () => {
    const file = path.join(dir, "many-cells.xlsx");
    await writeReport(file, cleanReport());
    const saved = LIMITS.cells;
    LIMITS.cells = 100;
    try {
      for (const args of [
        ["check", file],
        ["generate", file, "-o", path.join(dir, "many-out.xlsx")],
      ]) {
        refusedInOneLine(await cli(args), /文件过大（单元格 \d[\d,]* 个，上限 100 个/);
      }
    } finally {
      LIMITS.cells = saved;
    }
    assert.ok(!existsSync(path.join(dir, "many-out.xlsx")), "nothing written");
    assert.notEqual((await cli(["check", file])).code, 2, "under the limit the same file is read");
  });

  it("says 文件过大 for a sheet whose used range is huge (one stray cell in XFD1048576), naming sheet and range", async () => {
    const parts = await withRegister(
      path.join(dir, "stray-source.xlsx"),
      Buffer.from(
        '<row r="1"><c r="A1" t="inlineStr"><is><t>台账</t></is></c></row><row r="1048576"><c r="XFD1048576"><v>1</v></c></row>',
      ),
    );
    const stray = path.join(dir, "stray.xlsx");
    await fs.writeFile(stray, writeZip(parts));
    for (const args of [
      ["check", stray],
      ["generate", stray, "-o", path.join(dir, "stray-out.xlsx")],
    ]) {
      refusedInOneLine(
        await cli(args),
        /文件过大（工作表“登记台账”的已用区域 A1:XFD1048576 有 17,179,869,184 个单元格，上限 [\d,]+ 个/,
      );
    }
  });

  it("five generate runs to one new output: exactly one writes it, the others say it exists and write nothing", async () => {
    const file = path.join(dir, "counts.xlsx");
    await writeReport(file, cleanReport());
    const out = path.join(dir, "race.xlsx");
    const runs = await Promise.all([1, 2, 3, 4, 5].map(() => cli(["generate", file, "-o", out])));
    const won = runs.filter((r) => r.code === 0);
    assert.equal(won.length, 1, runs.map((r) => `${r.code} ${r.err}`).join("\n"));
    for (const r of runs.filter((x) => x.code !== 0)) {
      assert.equal(r.code, 2);
      assert.match(r.err, /已存在|已被其他程序创建/);
    }
    assert.ok(existsSync(out));
    assert.deepEqual(
      (await fs.readdir(dir)).filter((n) => n.endsWith(".tmp")),
      [],
      "no temporary file left",
    );
  });
});

describe("hostile inputs: a 30 MB workbook under a small heap (own processes)", function () {
  this.timeout(900_000);
  let dir: string;
  let register: string;
  let figures: string;
  before(async function () {
    this.timeout(600_000);
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "dr-heap-"));
    // A real report beside a register of ~445,000 text cells (~62 MB of XML): ~30 MB on disk.
    register = path.join(dir, "report-and-register.xlsx");
    await fs.writeFile(register, writeZip(await withRegister(path.join(dir, "r-src.xlsx"), textRows(222_000)), 1));
    // A real report beside 3 million figures (~110 MB of XML): ~30 MB on disk, the workbook of the issue.
    figures = path.join(dir, "report-and-figures.xlsx");
    await fs.writeFile(figures, writeZip(await withRegister(path.join(dir, "f-src.xlsx"), numberRows(300_000)), 1));
    for (const f of [register, figures]) {
      const mb = (await fs.stat(f)).size / 1024 / 1024;
      assert.ok(mb > 25 && mb < 40, `${path.basename(f)} is ${mb.toFixed(1)} MB`);
    }
  });
  after(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it("reads and generates from a 30 MB workbook under a 1 GB heap (no crash; the report is found)", async () => {
    const r = await cliWithHeap(1024, ["check", register]);
    assert.ok(r.code === 0 || r.code === 1, `exit ${r.code} ${r.signal ?? ""}: ${(r.out + r.err).slice(0, 2000)}`);
    assert.match(r.out, /公开数据|2021/);
    const out = path.join(dir, "generated.xlsx");
    const g = await cliWithHeap(1024, ["generate", register, "-o", out]);
    assert.equal(g.code, 0, `exit ${g.code} ${g.signal ?? ""}: ${(g.out + g.err).slice(0, 2000)}`);
    assert.ok(existsSync(out));
  });

  it("under a 128 MB heap the same workbook is refused in plain words with the limit (check and generate)", async () => {
    for (const args of [
      ["check", register],
      ["generate", register, "-o", path.join(dir, "small.xlsx")],
    ]) {
      refusedInOneLine(await cliWithHeap(128, args), /文件过大（解压后大小 \d+ MB，上限 22 MB/);
    }
    assert.ok(!existsSync(path.join(dir, "small.xlsx")));
  });

  it("3 million figures under a 2 GB heap (a V8 crash before) are refused: 文件过大 with the cell limit", async () => {
    for (const args of [
      ["check", figures],
      ["generate", figures, "-o", path.join(dir, "figures.xlsx")],
    ]) {
      refusedInOneLine(await cliWithHeap(2048, args), /文件过大（单元格 [\d,]+ 个，上限 1,073,152 个/);
    }
    assert.ok(!existsSync(path.join(dir, "figures.xlsx")));
  });
});
