/**
 * npm run bench  (npx tsx bench/run.ts [--quick] [--no-browser] [--out FILE])
 *
 * Measures, each against its baseline in the same run:
 * - the Office.js host on the fake Excel (syncs, proxy calls, bytes per sync) against a cell-by-cell read;
 * - the engine (reports read, checked and rendered per second) against the 1,000/s target;
 * - the command line (files checked per second) against ExcelJS parsing the same files (the floor);
 * - the task pane (bundle size gzip, navigation to ready in headless Chromium).
 * Prints a table and writes bench/results.json (--quick: bench/results.quick.json; one run of each
 * measure on smaller inputs, a few seconds, to prove the script works — see test/bench/bench-quick.test.ts).
 */
import { writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { benchOffice, type OfficeResult, type Cost } from "./office";
import { benchEngine, type EngineResult } from "./engine";
import { benchCli, type CliResult } from "./cli";
import { benchTaskpane, type TaskpaneResult } from "./taskpane";
import { benchFolder, type FolderResult } from "./folder";
import { nowMs, round } from "./stats";

/** Hard limits (asserted by the quick test): Excel on the web refuses a request or response over 5 MB. */
/** Issue 17: a folder of 5,000 reports checked in under 15 s on this machine (every report printed). */
export const FOLDER_TARGET = { files: 5000, seconds: 15 };

export const LIMITS = { readSyncs: 1, writeSyncs: 2, maxSyncBytes: 5_000_000 };

export interface BenchOptions {
  quick?: boolean;
  /** Skip headless Chromium (bundle size is still measured). */
  browser?: boolean;
  log?: (line: string) => void;
}

export interface BenchResults {
  date: string;
  mode: "full" | "quick";
  runsPerMeasure: number;
  machine: {
    os: string;
    arch: string;
    cpus: number;
    cpuModel: string;
    memoryGB: number;
    node: string;
    v8: string;
    /** 1-minute load average before and after the run (other processes on the machine skew timings). */
    loadAverage: { before: number; after: number };
  };
  /** The figures with a target, and whether they meet it. */
  targets: Target[];
  limits: typeof LIMITS;
  office: OfficeResult;
  engine: EngineResult;
  cli: CliResult;
  /** check DIR --jsonl on folders of 100 / 1,000 / 5,000 workbooks (quick: 20), worker threads, against the floor. */
  folder: FolderResult;
  taskpane: TaskpaneResult;
  seconds: number;
}

export interface Target {
  measure: string;
  value: number | null;
  target: string;
  met: boolean | null;
}

export async function runBench(opts: BenchOptions = {}): Promise<BenchResults> {
  const quick = opts.quick === true;
  const log = opts.log ?? (() => undefined);
  const runs = quick ? 1 : 5;
  const t0 = nowMs();
  const load0 = os.loadavg()[0]!;
  log(`office (fake Excel)…`);
  const office = await benchOffice({ quick, runs });
  log(`engine…`);
  const engine = await benchEngine({ reports: quick ? 100 : 1000, runs });
  log(`command line…`);
  const cli = await benchCli({ files: quick ? 10 : 200, runs });
  log(`folder check…`);
  const folder = await benchFolder({ sizes: quick ? [20] : [100, 1000, 5000] });
  log(`task pane…`);
  let taskpane: TaskpaneResult;
  if (opts.browser === false) {
    taskpane = await benchTaskpane({ runs: 0, browser: false });
  } else {
    taskpane = await benchTaskpane({ runs });
  }
  const cpus = os.cpus();
  return {
    date: new Date().toISOString(),
    mode: quick ? "quick" : "full",
    runsPerMeasure: runs,
    machine: {
      os: `${os.type()} ${os.release()}`,
      arch: os.arch(),
      cpus: cpus.length,
      cpuModel: cpus[0]?.model ?? "",
      memoryGB: round(os.totalmem() / 2 ** 30, 1),
      node: process.version,
      v8: process.versions.v8,
      loadAverage: { before: round(load0), after: round(os.loadavg()[0]!) },
    },
    targets: targets(office, engine, cli, folder),
    limits: LIMITS,
    office,
    engine,
    cli,
    folder,
    taskpane,
    seconds: round((nowMs() - t0) / 1000, 1),
  };
}

function targets(office: OfficeResult, engine: EngineResult, cli: CliResult, folder: FolderResult): Target[] {
  const t = (measure: string, value: number, target: string, met: boolean): Target => ({ measure, value, target, met });
  return [
    t("office.check.syncs", office.check.syncs, `<= ${LIMITS.readSyncs}`, office.check.syncs <= LIMITS.readSyncs),
    t("office.recheck.syncs", office.recheck.syncs, `<= ${LIMITS.readSyncs}`, office.recheck.syncs <= LIMITS.readSyncs),
    t(
      "office.generate.readSyncs",
      office.generate.readSyncs,
      `<= ${LIMITS.readSyncs}`,
      office.generate.readSyncs <= LIMITS.readSyncs,
    ),
    t(
      "office.generate.writeSyncs",
      office.generate.writeSyncs,
      `<= ${LIMITS.writeSyncs}`,
      office.generate.writeSyncs <= LIMITS.writeSyncs,
    ),
    t(
      "office.maxSyncBytes",
      office.maxSyncBytes,
      `<= ${LIMITS.maxSyncBytes}`,
      office.maxSyncBytes <= LIMITS.maxSyncBytes,
    ),
    t(
      "engine.reportsPerSecond",
      engine.reportsPerSecond,
      `>= ${engine.target}`,
      engine.reportsPerSecond >= engine.target,
    ),
    t(
      "engine.text.msPerReport",
      engine.text.msPerReport,
      `< ${engine.text.target}`,
      engine.text.msPerReport < engine.text.target,
    ),
    t(
      "engine.text.field.cpuMsPerReport",
      engine.text.field.cpuMsPerReport,
      `< ${engine.text.target}`,
      engine.text.field.cpuMsPerReport < engine.text.target,
    ),
    t("cli.ratioToParseFloor", cli.ratioToParseFloor, `<= ${cli.target}`, cli.ratioToParseFloor <= cli.target),
    ...folder.points
      .filter((p) => p.files === FOLDER_TARGET.files)
      .map((p) =>
        t(
          `folder.${p.files}.seconds`,
          p.seconds,
          `< ${FOLDER_TARGET.seconds}`,
          p.seconds < FOLDER_TARGET.seconds && p.lines === p.files,
        ),
      ),
  ];
}

const n = (x: number | null | undefined, d = 0): string =>
  x === null || x === undefined || !Number.isFinite(x)
    ? "—"
    : x.toLocaleString("en-US", { minimumFractionDigits: d, maximumFractionDigits: d });
const verdict = (ok: boolean): string => (ok ? "ok" : "MISSES");

/** Columns a terminal gives the text (CJK characters take two). */
function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s)
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch)
      ? 2
      : 1;
  return w;
}

function pad(s: string, width: number, left: boolean): string {
  const fill = " ".repeat(Math.max(0, width - displayWidth(s)));
  return left ? s + fill : fill + s;
}

/** The results as a plain-text table (for the terminal and the README). */
export function formatTable(r: BenchResults): string {
  const out: string[] = [];
  const row = (cells: string[], widths: number[]): string =>
    cells.map((c, i) => pad(c, widths[i]!, i === 0)).join("  ");
  out.push(
    `disclosure-report bench (${r.mode}, median of ${r.runsPerMeasure} run${r.runsPerMeasure > 1 ? "s" : ""}) ${r.date}`,
    `${r.machine.os} ${r.machine.arch}, ${r.machine.cpus} x ${r.machine.cpuModel}, ${r.machine.memoryGB} GB, Node ${r.machine.node}, load ${r.machine.loadAverage.before} -> ${r.machine.loadAverage.after}`,
    "",
    "Office.js host on the fake Excel (baseline: the same workbook read cell by cell)",
  );
  const w1 = [36, 6, 7, 11, 9, 12, 8];
  out.push(row(["workbook / step", "syncs", "proxy", "max B/sync", "ms", "naive syncs", "ratio"], w1));
  const line = (label: string, c: Cost, naive?: Cost | null, ratio?: number | null): string =>
    row(
      [
        label,
        n(c.syncs),
        n(c.proxyCalls),
        n(c.maxBytesPerSync),
        n(c.ms, 1),
        naive ? n(naive.syncs) : "",
        ratio ? `${n(ratio)}x` : "",
      ],
      w1,
    );
  for (const w of r.office.workbooks) {
    out.push(`  ${w.name}: ${w.description} (${n(w.cells)} cells)`);
    out.push(line("    check (loadWorkbookGrid)", w.check, w.naive, w.naiveSyncRatio));
    out.push(line(`    generate (read ${w.generate.readSyncs} + write ${w.generate.writeSyncs})`, w.generate));
    out.push(line("    re-check after edit (loadSheetGrid)", w.recheck));
    if (w.naive) out.push(line("    baseline: cell-by-cell read", w.naive));
  }
  const o = r.office;
  const limitsOk =
    o.check.syncs <= LIMITS.readSyncs &&
    o.recheck.syncs <= LIMITS.readSyncs &&
    o.generate.readSyncs <= LIMITS.readSyncs &&
    o.generate.writeSyncs <= LIMITS.writeSyncs &&
    o.maxSyncBytes <= LIMITS.maxSyncBytes;
  out.push(
    `  limits: read ${o.check.syncs} sync (≤ ${LIMITS.readSyncs}), write ${o.generate.writeSyncs} (≤ ${LIMITS.writeSyncs}), largest sync ${n(o.maxSyncBytes)} B (≤ ${n(LIMITS.maxSyncBytes)}): ${verdict(limitsOk)}`,
    "",
  );

  const e = r.engine;
  out.push(`Engine (${n(e.batch.reports)} varied reports; target ≥ ${n(e.target)} reports/s; build: ${e.build})`);
  const w2 = [36, 10, 10];
  out.push(row(["stage", "reports/s", "ms/report"], w2));
  out.push(row(["  read (readWorkbook on the grid)", n(e.batch.readPerSecond), n(e.batch.msPerReport.read, 3)], w2));
  out.push(row(["  check (runChecks)", n(e.batch.checkPerSecond), n(e.batch.msPerReport.check, 3)], w2));
  out.push(row(["  render (renderReport)", n(e.batch.renderPerSecond), n(e.batch.msPerReport.render, 3)], w2));
  out.push(
    row(["  read + check + render", n(e.reportsPerSecond), n(e.batch.msPerReport.total, 3)], w2) +
      `  ${verdict(e.reportsPerSecond >= e.target)}`,
  );
  out.push(row(["  one report (warm)", n(e.single.reportsPerSecond), n(e.single.ms, 3)], w2));
  out.push(
    row(["  text checks (text-*)", "", n(e.text.msPerReport, 3)], w2) +
      `  ${verdict(e.text.msPerReport < e.text.target)} (target < ${e.text.target} ms; ${n(e.text.chars)} characters of text per report)`,
  );
  out.push(
    row(["  text checks, field corpus", "", n(e.text.field.msPerReport, 3)], w2) +
      `  ${verdict(e.text.field.cpuMsPerReport < e.text.target)} (CPU ${n(e.text.field.cpuMsPerReport, 3)} ms/report, target < ${e.text.target}; ${e.text.field.reports} real reports, ${n(e.text.field.chars)} characters of text each, ${e.text.field.verdicts} findings)`,
  );
  out.push(
    `  slowest checks (ms/report): ${e.breakdown.slowestChecks.map((x) => `${x.id} ${n(x.ms, 3)}`).join(", ")}; narrative ${n(e.breakdown.narrativeMs, 3)}; GC ${n(e.batch.gcMsPerReport, 3)} per report in the batch`,
  );
  out.push("");

  const c = r.cli;
  out.push(
    `Command line: check ${n(c.files)} generated .xlsx files (avg ${n(c.avgFileBytes)} B) in-process; build: ${c.build}`,
  );
  const w3 = [36, 10, 10];
  out.push(row(["", "ms", "files/s", "GC ms"], [...w3, 8]));
  out.push(
    row(["  check (main check DIR --json)", n(c.checkMs, 0), n(c.filesPerSecond, 1), n(c.gcMs.check, 0)], [...w3, 8]),
  );
  out.push(
    row(
      [
        "  floor: ExcelJS readFile alone",
        n(c.parseFloorMs, 0),
        n((c.files / c.parseFloorMs) * 1000, 1),
        n(c.gcMs.parseFloor, 0),
      ],
      [...w3, 8],
    ),
  );
  out.push(row(["  readXlsx (parse + grid)", n(c.readXlsxMs, 0), n((c.files / c.readXlsxMs) * 1000, 1)], w3));
  out.push(row(["  engine (read + check the grids)", n(c.engineMs, 0), n((c.files / c.engineMs) * 1000, 1)], w3));
  out.push(
    `  ratio to parse floor ${n(c.ratioToParseFloor, 2)} (target ≤ ${n(c.target, 1)}): ${verdict(c.ratioToParseFloor <= c.target)}`,
    "",
  );

  const t = r.taskpane;
  out.push(
    `Folder check (check DIR --jsonl, ${r.folder.cores} worker threads, compiled CLI as its own process; floor: unzip + decode each sheet, ${n(r.folder.floorMsPerFile, 2)} ms/file/core; load ${r.folder.loadAverage})`,
    `  our reader alone (grid from the .xlsx): ${n(r.folder.readMsPerFile, 2)} ms/file/core, ${n(r.folder.readRatioToFloor, 1)}x the floor`,
  );
  const wf = [8, 9, 9, 9, 10, 9, 8];
  out.push(row(["files", "seconds", "files/s", "cpu s", "peak MB", "floor s", "ratio"], wf));
  for (const p of r.folder.points) {
    out.push(
      row(
        [
          n(p.files),
          n(p.seconds, 2),
          n(p.filesPerSecond),
          n(p.cpuSeconds, 2),
          n(p.peakMemoryMB, 1),
          n(p.floorSeconds, 2),
          `${n(p.ratioToParseFloor, 1)}x`,
        ],
        wf,
      ),
    );
  }
  out.push("");
  out.push("Task pane (production bundle)");
  out.push(
    `  bundle gzip ${n(t.bundleGzipBytes)} B (taskpane.js ${n(t.files["taskpane.js"]?.gzipBytes)} + taskpane.css ${n(t.files["taskpane.css"]?.gzipBytes)}; raw ${n(t.bundleBytes)} B)`,
  );
  if (t.readyMs === null) out.push(`  navigation -> ready: not measured (${t.note ?? "no reason"})`);
  else
    out.push(
      `  navigation -> ready: ${n(t.readyMs, 0)} ms with a filled counts sheet (read + check); ${n(t.readyEmptyMs, 0)} ms empty workbook; DOMContentLoaded ${n(t.domContentLoadedMs, 0)} ms`,
    );
  const missed = r.targets.filter((x) => x.met === false);
  out.push(
    "",
    missed.length
      ? `missed targets: ${missed.map((x) => `${x.measure} ${x.value} (${x.target})`).join("; ")}`
      : "all targets met",
  );
  out.push(`total ${n(r.seconds, 1)} s`);
  return out.join("\n");
}

/** The JSON as `prettier --write` leaves it (the repository's lint checks every file), or as is without prettier. */
async function asPrettierWrites(text: string, file: string): Promise<string> {
  try {
    const prettier = await import("prettier");
    const config = (await prettier.resolveConfig(file)) ?? {};
    return await prettier.format(text, { ...config, filepath: file });
  } catch {
    return text;
  }
}

async function cli(argv: string[]): Promise<void> {
  const quick = argv.includes("--quick");
  const browser = !argv.includes("--no-browser");
  const outIdx = argv.indexOf("--out");
  const out =
    outIdx >= 0 && argv[outIdx + 1]
      ? path.resolve(argv[outIdx + 1]!)
      : path.join(__dirname, quick ? "results.quick.json" : "results.json");
  const results = await runBench({ quick, browser, log: (l) => process.stderr.write(`${l}\n`) });
  process.stdout.write(formatTable(results) + "\n");
  writeFileSync(out, await asPrettierWrites(JSON.stringify(results, null, 2) + "\n", out));
  process.stderr.write(`written ${path.relative(process.cwd(), out) || out}\n`);
}

if (require.main === module) {
  cli(process.argv.slice(2)).catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  });
}
