/**
 * `npm run bench -- --quick` in-process: proves the benchmark script works, that its JSON has the
 * documented shape, and that the Office.js host keeps its hard limits (1 sync to read, at most 2 to
 * write, no sync above 5 MB) on every benchmark workbook. Figures are not compared with targets here
 * (timings on a shared CI machine vary); the full run (`npx tsx bench/run.ts`) reports them.
 */
import { strict as assert } from "node:assert";
import { formatTable, LIMITS, runBench, type BenchResults } from "../../bench/run";
import { CHROMIUM } from "../../bench/taskpane";
import { findExecutable, skipOutsideCi } from "../support/tools";

function isPositive(x: unknown): x is number {
  return typeof x === "number" && Number.isFinite(x) && x > 0;
}

/** Every number in the results is finite (NaN or Infinity would become null in the JSON). */
function finiteNumbers(v: unknown, at: string, bad: string[]): void {
  if (typeof v === "number" && !Number.isFinite(v)) bad.push(at);
  else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) finiteNumbers(x, `${at}.${k}`, bad);
}

describe("bench --quick (in-process)", function () {
  this.timeout(240_000);
  let r: BenchResults;

  before(async () => {
    r = await runBench({ quick: true });
  });

  it("has the documented JSON shape, machine info and date", () => {
    const json = JSON.parse(JSON.stringify(r)) as BenchResults;
    assert.deepEqual(json, r, "survives JSON as is");
    const bad: string[] = [];
    finiteNumbers(r, "results", bad);
    assert.deepEqual(bad, []);
    assert.equal(r.mode, "quick");
    assert.equal(r.runsPerMeasure, 1);
    assert.ok(!Number.isNaN(Date.parse(r.date)));
    assert.ok(isPositive(r.machine.cpus) && r.machine.node.startsWith("v") && r.machine.os.length > 0);
    assert.ok(r.machine.loadAverage.before >= 0 && r.machine.loadAverage.after >= 0);
    assert.deepEqual(
      r.targets.map((t) => t.measure).filter((m) => !m.startsWith("office.")),
      [
        "engine.reportsPerSecond",
        "engine.text.msPerReport",
        "engine.text.field.cpuMsPerReport",
        "cli.ratioToParseFloor",
      ],
    );
    for (const k of ["check", "generate", "recheck"] as const) assert.ok(isPositive(r.office[k].syncs), k);
    assert.ok(isPositive(r.office.naiveReadSyncs));
    assert.ok(isPositive(r.office.maxSyncBytes));
    assert.ok(isPositive(r.engine.reportsPerSecond));
    assert.ok(isPositive(r.engine.text.msPerReport) && r.engine.text.chars > 5000);
    const field = r.engine.text.field;
    assert.ok(
      isPositive(field.msPerReport) && isPositive(field.cpuMsPerReport) && field.reports >= 6 && field.chars > 1000,
      JSON.stringify(field),
    );
    // The corpus's known narrative problems (field README: 2019, 2020, 2022) are found in the timed runs.
    assert.ok(field.verdicts >= 3, JSON.stringify(field));
    assert.ok(isPositive(r.cli.filesPerSecond));
    assert.ok(isPositive(r.cli.ratioToParseFloor));
    assert.ok(isPositive(r.taskpane.bundleGzipBytes));
    assert.ok(r.taskpane.readyMs === null || isPositive(r.taskpane.readyMs));
    assert.deepEqual(
      r.office.workbooks.map((w) => w.name),
      ["report", "units50", "rows10k"],
    );
  });

  it("keeps the Office.js limits on every workbook: 1 sync to read, at most 2 to write, no sync above 5 MB", () => {
    for (const w of r.office.workbooks) {
      assert.equal(w.check.syncs, LIMITS.readSyncs, `${w.name} check`);
      assert.equal(w.recheck.syncs, LIMITS.readSyncs, `${w.name} re-check`);
      assert.equal(w.generate.readSyncs, LIMITS.readSyncs, `${w.name} generate read`);
      assert.ok(w.generate.writeSyncs >= 1 && w.generate.writeSyncs <= LIMITS.writeSyncs, `${w.name} generate write`);
      for (const c of [w.check, w.generate, w.recheck]) {
        assert.ok(
          c.maxBytesPerSync > 0 && c.maxBytesPerSync <= LIMITS.maxSyncBytes,
          `${w.name} ${c.maxBytesPerSync} B`,
        );
        assert.ok(c.totalBytes >= c.maxBytesPerSync);
      }
    }
    assert.ok(r.office.maxSyncBytes <= LIMITS.maxSyncBytes);
    const office = r.targets.filter((t) => t.measure.startsWith("office."));
    assert.equal(office.length, 5);
    assert.deepEqual(
      office.filter((t) => t.met !== true).map((t) => `${t.measure} ${t.value}`),
      [],
    );
    // The large workbooks really are large: their one read carries far more than the single report's.
    const [one, units, rows] = r.office.workbooks;
    assert.ok(units!.check.maxBytesPerSync > 10 * one!.check.maxBytesPerSync);
    assert.ok(rows!.check.maxBytesPerSync > 10 * one!.check.maxBytesPerSync);
  });

  it("measures the cell-by-cell baseline on the same workbook: one sync per cell, plus two", () => {
    const one = r.office.workbooks[0]!;
    assert.ok(one.naive, "the baseline runs in --quick on the one-report workbook");
    assert.equal(one.naive.syncs, one.cells + 2);
    assert.equal(r.office.naiveReadSyncs, one.naive.syncs);
    assert.equal(one.naiveSyncRatio, one.naive.syncs / one.check.syncs);
  });

  it("checks what it times: the planted errors are found by the engine and by the command line", () => {
    assert.equal(r.engine.batch.reports, 100);
    assert.equal(r.engine.batch.planted, 20);
    assert.equal(r.engine.batch.plantedFound, r.engine.batch.planted);
    assert.equal(r.cli.files, 10);
    assert.equal(r.cli.planted, 2);
    assert.equal(r.cli.errorsFound, r.cli.planted);
    assert.ok(r.cli.parseFloorMs > 0 && r.cli.checkMs > 0);
    assert.ok(Math.abs(r.cli.ratioToParseFloor - r.cli.checkMs / r.cli.parseFloorMs) < 0.01);
  });

  it("measures the folder check: every file answered with one line, time, memory and the floor", () => {
    const [p] = r.folder.points;
    assert.ok(p);
    assert.equal(p.files, 20);
    assert.equal(p.lines, 20, "check DIR --jsonl printed one line per report");
    assert.ok(isPositive(p.seconds) && isPositive(p.cpuSeconds) && isPositive(p.peakMemoryMB));
    assert.ok(isPositive(r.folder.floorMsPerFile));
    // Our reader alone, beside the floor (20 files in quick mode: too few to compare the two).
    assert.ok(isPositive(r.folder.readMsPerFile), JSON.stringify(r.folder));
    assert.ok(Math.abs(r.folder.readRatioToFloor - r.folder.readMsPerFile / r.folder.floorMsPerFile) < 0.05);
    assert.ok(Math.abs(p.ratioToParseFloor - p.seconds / p.floorSeconds) < 0.1 * p.ratioToParseFloor + 0.1);
  });

  it("measures the task pane's bundle gzip", () => {
    const js = r.taskpane.files["taskpane.js"]!;
    const css = r.taskpane.files["taskpane.css"]!;
    assert.equal(r.taskpane.bundleGzipBytes, js.gzipBytes + css.gzipBytes);
    assert.ok(js.gzipBytes < js.bytes && css.gzipBytes < css.bytes);
  });

  it("measures the task pane's navigation to ready in Chromium (without it: null and a note)", function () {
    if (!findExecutable(CHROMIUM)) {
      assert.equal(r.taskpane.readyMs, null);
      assert.match(r.taskpane.note ?? "", /Chromium/);
      skipOutsideCi(this, "bench: Chromium not found, the task pane's time to ready is not measured");
    }
    assert.ok(isPositive(r.taskpane.readyMs), `readyMs ${r.taskpane.readyMs}: ${r.taskpane.note ?? ""}`);
    assert.ok(isPositive(r.taskpane.readyEmptyMs));
  });

  it("prints a table with every section", () => {
    const table = formatTable(r);
    for (const s of ["Office.js host", "Engine", "Command line", "Task pane", "ratio to parse floor", "limits:"]) {
      assert.ok(table.includes(s), s);
    }
  });
});
