/**
 * Limits and races: a FIFO is refused (never read: it would hang), a zip bomb is "文件过大" with the limit, five
 * generate runs racing to one new output leave one winner and four that say so.
 */
import { strict as assert } from "node:assert";
import { execFileSync } from "node:child_process";
import { existsSync, promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import JSZip from "jszip";
import { declaredUnzippedSize, LIMITS } from "../../src/cli/xlsx";
import { cleanReport, cli, writeReport } from "../cli/helpers";

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
    const r = await cli(["check", fifo]);
    assert.equal(r.code, 2);
    assert.match(r.out + r.err, /不是普通文件/);
    const g = await cli(["generate", fifo, "-o", path.join(dir, "fifo-out.xlsx")]);
    assert.equal(g.code, 2);
    assert.match(g.err, /不是普通文件/);
    assert.equal(g.err.trim().split("\n").length, 1);
  });

  it("says 文件过大 with the limit for a zip that unzips past it (a zip bomb), before unzipping", async () => {
    const zip = new JSZip();
    zip.file("[Content_Types].xml", "<Types/>");
    zip.file("xl/worksheets/sheet1.xml", Buffer.alloc(24 * 1024 * 1024, 0x20));
    const bomb = path.join(dir, "bomb.xlsx");
    await fs.writeFile(bomb, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
    assert.ok((await fs.stat(bomb)).size < 200 * 1024, "the bomb is small on disk");
    const saved = LIMITS.unzippedBytes;
    LIMITS.unzippedBytes = 16 * 1024 * 1024;
    try {
      const r = await cli(["check", bomb]);
      assert.equal(r.code, 2);
      assert.match(r.out + r.err, /文件过大（解压后大小 24 MB，上限 16 MB/);
    } finally {
      LIMITS.unzippedBytes = saved;
    }
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
      const saved = LIMITS.unzippedBytes;
      LIMITS.unzippedBytes = 16 * 1024 * 1024;
      try {
        const r = await cli(["check", bomb]);
        assert.equal(r.code, 2);
        assert.match(r.out + r.err, /文件过大（解压后大小 24 MB，上限 16 MB/);
      } finally {
        LIMITS.unzippedBytes = saved;
      }
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
