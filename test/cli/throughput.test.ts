/**
 * Measures `check` on 50 generated workbooks (a supervising office checks dozens at once) and one file alone.
 * Prints the figures; fails only when checking becomes unusably slow or loses files.
 */
import { strict as assert } from "node:assert";
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { cleanReport, cli, cliProcess, PLANTED_KEY, writeReport } from "./helpers";
import type { JsonFile } from "../../src/cli/output";

const FILES = 50;

describe("cli: check throughput", function () {
  this.timeout(180000);
  let dir: string;

  before(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "dr-bench-"));
    for (let i = 0; i < FILES; i++) {
      const r = cleanReport();
      // Every fifth file carries an error in 行政复议 总计, so the batch is not uniform.
      if (i % 5 === 0) r.section4!.cells[PLANTED_KEY]!.value = 7;
      r.section2["s2.item5"]!.cells["licensing|decisions"]!.value = 1000 + i;
      await writeReport(path.join(dir, `report-${String(i).padStart(2, "0")}.xlsx`), r);
    }
  });
  after(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it(`checks ${FILES} files and reports each`, async () => {
    const t0 = process.hrtime.bigint();
    const r = await cli(["check", dir, "--json"]);
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    const files = (JSON.parse(r.out) as { files: JsonFile[] }).files;
    assert.equal(files.length, FILES);
    assert.equal(r.code, 1);
    const withErrors = files.filter((f) => f.findings.some((x) => x.severity === "error")).length;
    assert.equal(withErrors, FILES / 5);
    const perSecond = (FILES / ms) * 1000;
    console.log(`      ${FILES} files in ${ms.toFixed(0)} ms in-process: ${perSecond.toFixed(1)} files/s`);
    assert.ok(ms < 60000, `${FILES} files took ${ms} ms`);
  });

  it("one file: in-process and as a fresh process (includes Node + tsx start-up)", async () => {
    const one = path.join(dir, "report-01.xlsx");
    await cli(["check", one]); // warm
    const runs: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t0 = process.hrtime.bigint();
      const r = await cli(["check", one]);
      runs.push(Number(process.hrtime.bigint() - t0) / 1e6);
      assert.equal(r.code, 0);
    }
    runs.sort((a, b) => a - b);
    const t0 = process.hrtime.bigint();
    const p = await cliProcess(["check", one]);
    const processMs = Number(process.hrtime.bigint() - t0) / 1e6;
    assert.equal(p.code, 0, p.err);
    console.log(
      `      one file: median ${runs[2]!.toFixed(1)} ms in-process; ${processMs.toFixed(0)} ms as a new process via tsx`,
    );
    assert.ok(runs[2]! < 5000);
  });
});
