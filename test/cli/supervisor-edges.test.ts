/**
 * What a supervisor's scripts meet at the edges (found by a review as a new user): summary on a folder with nothing
 * to read writes nothing and says so (exit 2, as check); `check DIR --jsonl | head` stops quietly, not as an
 * internal error.
 */
import { strict as assert } from "node:assert";
import { spawn } from "node:child_process";
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { cli } from "./helpers";

const ROOT = path.join(__dirname, "..", "..");
const FIELD = path.join(ROOT, "test", "fixtures", "field");

describe("cli: a supervisor's edges", function () {
  this.timeout(120_000);
  let dir: string;
  before(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "dr-edges-"));
  });
  after(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it("summary on an empty folder: says there is nothing to summarise, writes no workbook, exits 2", async () => {
    const empty = path.join(dir, "空文件夹");
    await fs.mkdir(empty);
    const out = path.join(dir, "汇总.xlsx");
    const r = await cli(["summary", empty, "-o", out]);
    assert.equal(r.code, 2);
    assert.match(r.err, /文件夹中没有年报文件/);
    assert.match(r.err, /没有可汇总的年报文件，未写出汇总工作簿/);
    await assert.rejects(fs.stat(out), { code: "ENOENT" });
  });

  it("summary exits as check does: 1 when a report has an error (the workbook is written)", async () => {
    const folder = path.join(dir, "两份");
    await fs.mkdir(folder);
    for (const y of [2020, 2023])
      await fs.copyFile(path.join(FIELD, `pingtan-${y}.xlsx`), path.join(folder, `${y}.xlsx`));
    const out = path.join(dir, "汇总-两份.xlsx");
    const r = await cli(["summary", folder, "-o", out]);
    assert.equal(r.code, 1, r.out + r.err); // 2020 has errors (field README)
    assert.ok((await fs.stat(out)).size > 0);
  });

  it("check DIR --jsonl | head: stops quietly when the reader goes away (no internal error)", async () => {
    const folder = path.join(dir, "多份");
    await fs.mkdir(folder);
    for (let i = 0; i < 40; i++)
      await fs.copyFile(
        path.join(FIELD, "pingtan-2023.xlsx"),
        path.join(folder, `u${String(i).padStart(2, "0")}.xlsx`),
      );
    const r = await new Promise<{ code: number | null; err: string; lines: number }>((resolve, reject) => {
      const child = spawn(process.execPath, [
        path.join(ROOT, "bin", "disclosure-report.js"),
        "check",
        folder,
        "--jsonl",
      ]);
      let err = "";
      let lines = 0;
      child.stderr.on("data", (d: Buffer) => (err += d.toString("utf8")));
      child.stdout.on("data", (d: Buffer) => {
        lines += d.toString("utf8").split("\n").length - 1;
        child.stdout.destroy(); // as `head -1` closes the pipe after its line
      });
      child.on("error", reject);
      child.on("close", (code) => resolve({ code, err, lines }));
    });
    assert.ok(r.lines >= 1);
    assert.doesNotMatch(r.err, /内部错误|Internal error|EPIPE/);
    assert.equal(r.code, 0);
  });

  it("a damaged PDF: said in Chinese, with the PDF reader's own English words marked as its words", async () => {
    const bad = path.join(dir, "损坏.pdf");
    await fs.writeFile(bad, "%PDF-1.4 not really a PDF");
    const zh = await cli(["check", bad]);
    assert.equal(zh.code, 2);
    assert.match(zh.out + zh.err, /文件已损坏或不是有效的 PDF 文件，无法打开（PDF 读取组件的原话：[^）]+）/);
    const en = await cli(["check", bad, "--lang", "en"]);
    assert.match(en.out + en.err, /not a valid PDF file and cannot be opened \(the PDF reader says: [^)]+\)/);
    assert.doesNotMatch(en.out + en.err, /原话/);
  });
});
