/**
 * The folder check at scale: worker threads give the same results, in the same order, as one thread; --jsonl
 * prints one line per report; a piped run still says how far it is and ends with the count; -r finds sub-folders;
 * mixed forms (a workbook, a page, a Word file, an unreadable file) in one folder.
 */
import { strict as assert } from "node:assert";
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { main, type Io } from "../../src/cli/main";

const FIELD = path.join(__dirname, "..", "fixtures", "field");
const PUBLISHED = path.join(__dirname, "..", "fixtures", "published");

function capture(): Io & { stdout: string; stderr: string } {
  const io = {
    stdout: "",
    stderr: "",
    out(t: string) {
      io.stdout += t;
    },
    err(t: string) {
      io.stderr += t;
    },
    errIsTTY: false,
  };
  return io;
}

async function withWorkers<T>(n: string, f: () => Promise<T>): Promise<T> {
  const before = process.env.DISCLOSURE_REPORT_WORKERS;
  process.env.DISCLOSURE_REPORT_WORKERS = n;
  try {
    return await f();
  } finally {
    if (before === undefined) delete process.env.DISCLOSURE_REPORT_WORKERS;
    else process.env.DISCLOSURE_REPORT_WORKERS = before;
  }
}

describe("cli: check a folder with worker threads", function () {
  this.timeout(300_000);
  let dir: string;
  before(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "dr-folder-"));
    const seeds = (await fs.readdir(FIELD)).filter((f) => f.endsWith(".xlsx")).sort();
    for (let i = 0; i < 18; i++)
      await fs.copyFile(
        path.join(FIELD, seeds[i % seeds.length]!),
        path.join(dir, `u${String(i).padStart(2, "0")}.xlsx`),
      );
    await fs.copyFile(path.join(PUBLISHED, "pingtan-2023.html"), path.join(dir, "u90-page.html"));
    await fs.mkdir(path.join(dir, "sub"));
    await fs.copyFile(path.join(PUBLISHED, "pingtan-2022.docx"), path.join(dir, "sub", "u91-word.docx"));
    await fs.writeFile(path.join(dir, "u92-broken.xlsx"), "not a workbook");
  });
  after(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it("gives the same lines in the same order on 2 workers as on one thread, one JSON line per report", async () => {
    const one = capture();
    const codeOne = await withWorkers("0", () => main(["check", dir, "-r", "--jsonl"], one));
    const two = capture();
    const codeTwo = await withWorkers("2", () => main(["check", dir, "-r", "--jsonl"], two));
    assert.equal(codeOne, codeTwo);
    assert.equal(codeTwo, 2, "an unreadable file makes the exit code 2");
    const lines = two.stdout.trimEnd().split("\n");
    assert.equal(lines.length, 21);
    assert.equal(two.stdout, one.stdout);
    const parsed = lines.map((l) => JSON.parse(l) as { file: string; error?: { code: string }; findings: unknown[] });
    assert.deepEqual(
      parsed.map((p) => path.relative(dir, p.file)),
      [...parsed.map((p) => path.relative(dir, p.file))].sort(),
    );
    assert.equal(parsed.find((p) => p.file.endsWith("u92-broken.xlsx"))?.error?.code, "text-format");
    assert.ok(parsed.some((p) => p.file.endsWith(path.join("sub", "u91-word.docx")) && !p.error));
    // A piped run of 20+ files says how far it is and ends with the count.
    assert.match(two.stderr, /已核对 \d+\/21 个文件/);
    assert.match(two.stderr, /共核对 21 个文件，用时 [\d.]+ 秒：\d+ 个有错误，1 个无法核对/);
  });

  it("without -r leaves sub-folders out", async () => {
    const io = capture();
    await withWorkers("2", () => main(["check", dir, "--jsonl"], io));
    assert.equal(io.stdout.trimEnd().split("\n").length, 20);
    assert.ok(!io.stdout.includes("u91-word.docx"));
  });
});
