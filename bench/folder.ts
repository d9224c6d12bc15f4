/**
 * Folder throughput: `disclosure-report check DIR --jsonl` (worker threads on every core) on folders of 100 / 1,000 /
 * 5,000 report workbooks (the six field reports, copied), run as a separate process of the compiled CLI (lib/):
 * wall time, files per second, the process's CPU time and peak memory (maxRSS, worker threads included), against
 * the parse floor measured beside it: reading each file's bytes, unzipping its sheet and shared strings and decoding
 * them as text, without building anything, spread over the same cores.
 */
import { execFileSync, spawn } from "node:child_process";
import { promises as fs, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { unzipSync, strFromU8 } from "fflate";
import { nowMs, round } from "./stats";

const ROOT = path.join(__dirname, "..");
const FIELD = path.join(ROOT, "test", "fixtures", "field");

export interface FolderPoint {
  files: number;
  seconds: number;
  filesPerSecond: number;
  cpuSeconds: number;
  peakMemoryMB: number;
  /** The parse floor for this many files over the same cores, in seconds. */
  floorSeconds: number;
  ratioToParseFloor: number;
  lines: number;
}

export interface FolderResult {
  cores: number;
  /** Floor for one file on one core, ms. */
  floorMsPerFile: number;
  /**
   * Our reading alone on the same files, one core: the fast reader (unzip, scan the sheet XML, shared strings,
   * merges and number formats into the grid), ms per file, and its ratio to the floor: how close reading is to it.
   * The rest of a file's time is the checking (read the report off the grid, run the checks, the text checks).
   */
  readMsPerFile: number;
  readRatioToFloor: number;
  points: FolderPoint[];
  target: string;
  loadAverage: number;
}

async function makeFolder(dir: string, n: number): Promise<void> {
  await fs.mkdir(dir, { recursive: true });
  const seeds = (await fs.readdir(FIELD)).filter((f) => f.endsWith(".xlsx")).sort();
  const have = new Set(await fs.readdir(dir));
  for (let i = 0; i < n; i++) {
    const name = `unit-${String(i).padStart(5, "0")}.xlsx`;
    if (!have.has(name)) await fs.copyFile(path.join(FIELD, seeds[i % seeds.length]!), path.join(dir, name));
  }
}

function floorMsPerFile(dir: string, names: string[]): number {
  const t = nowMs();
  for (const n of names) {
    const files = unzipSync(readFileSync(path.join(dir, n)), {
      filter: (f) => f.name.startsWith("xl/worksheets/") || f.name === "xl/sharedStrings.xml",
    });
    for (const k of Object.keys(files)) strFromU8(files[k]!);
  }
  return (nowMs() - t) / names.length;
}

/** The fast reader of the compiled CLI (lib/cli/xlsx-fast.js) on the same files: ms per file, one core. */
function readMsPerFile(dir: string, names: string[]): number {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { readXlsxFast } = require(
    path.join(ROOT, "lib", "cli", "xlsx-fast.js"),
  ) as typeof import("../src/cli/xlsx-fast");
  const bytes = names.map((n) => readFileSync(path.join(dir, n)));
  for (const b of bytes.slice(0, 30)) readXlsxFast(b, "warm.xlsx");
  const t = nowMs();
  for (const b of bytes) readXlsxFast(b, "x.xlsx");
  return (nowMs() - t) / names.length;
}

function runCli(dir: string): Promise<{ seconds: number; cpu: number; rss: number; lines: number }> {
  return new Promise((resolve, reject) => {
    const t = nowMs();
    const child = spawn(process.execPath, [path.join(ROOT, "bin", "disclosure-report.js"), "check", dir, "--jsonl"], {
      env: { ...process.env, DISCLOSURE_REPORT_USAGE: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let lines = 0;
    let err = "";
    child.stdout.on("data", (b: Buffer) => {
      for (const c of b) if (c === 10) lines++;
    });
    child.stderr.on("data", (b: Buffer) => (err += b.toString()));
    child.on("error", reject);
    child.on("close", () => {
      const m = /usage cpu=([\d.]+) maxrss=(\d+)/.exec(err);
      resolve({ seconds: (nowMs() - t) / 1000, cpu: m ? Number(m[1]) : NaN, rss: m ? Number(m[2]) : NaN, lines });
    });
  });
}

export async function benchFolder(opts: { sizes: number[] }): Promise<FolderResult> {
  execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", path.join(ROOT, "tsconfig.cli.json")], {
    stdio: "ignore",
  });
  const base = await fs.mkdtemp(path.join(os.tmpdir(), "dr-folder-"));
  const cores = typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length;
  const points: FolderPoint[] = [];
  let floor = 0;
  let read = 0;
  try {
    for (const n of opts.sizes) {
      const dir = path.join(base, String(n));
      await makeFolder(dir, n);
      const names = (await fs.readdir(dir)).sort();
      floor = floorMsPerFile(dir, names.slice(0, Math.min(names.length, 600)));
      read = readMsPerFile(dir, names.slice(0, Math.min(names.length, 600)));
      const r = await runCli(dir);
      const floorSeconds = (floor * n) / cores / 1000;
      points.push({
        files: n,
        seconds: round(r.seconds, 3),
        filesPerSecond: round(n / r.seconds),
        cpuSeconds: round(r.cpu, 2),
        peakMemoryMB: round(r.rss / 1024, 1),
        // A quiet machine's floor for a small folder is a few ms: keep enough digits to divide by it.
        floorSeconds: round(floorSeconds, 5),
        ratioToParseFloor: round(r.seconds / floorSeconds, 1),
        lines: r.lines,
      });
    }
  } finally {
    await fs.rm(base, { recursive: true, force: true });
  }
  return {
    cores,
    floorMsPerFile: round(floor, 3),
    readMsPerFile: round(read, 3),
    readRatioToFloor: round(read / floor, 2),
    points,
    target: "5,000 files < 15 s",
    loadAverage: round(os.loadavg()[0]!),
  };
}

if (require.main === module) {
  const sizes = process.argv
    .slice(2)
    .map(Number)
    .filter((x) => x > 0);
  void benchFolder({ sizes: sizes.length > 0 ? sizes : [100, 1000, 5000] }).then((r) =>
    process.stdout.write(JSON.stringify(r, null, 2) + "\n"),
  );
}
