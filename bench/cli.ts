/**
 * The command line: files checked per second on generated .xlsx files, through `check`'s own code path
 * (main(["check", DIR, "--json"]) in this process), against the time ExcelJS alone needs to parse the
 * same files (the floor). Also the time of readXlsx (parse + grid) to show where the rest goes.
 * The command line measured is the tsc build users run (bench/build.ts), not the sources under tsx.
 */
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import type * as MainModule from "../src/cli/main";
import type * as XlsxModule from "../src/cli/xlsx";
import type { WorkbookGrid } from "../src/core/grid";
import type * as ReadModule from "../src/core/read";
import type * as ChecksModule from "../src/core/checks";
import type { JsonFile } from "../src/cli/output";
import { compiled, compiledBuild } from "./build";
import { variedPlan } from "./reports";
import { median, nowMs, round, withGc } from "./stats";

export const CLI_TARGET_RATIO = 1.2;

/** The compiled command line and engine (loaded on first use). */
function cliModules() {
  const main = compiled<typeof MainModule>("cli/main");
  const xlsx = compiled<typeof XlsxModule>("cli/xlsx");
  return {
    main: main.main,
    checkFile: main.checkFile,
    applyPlan: xlsx.applyPlan,
    readXlsx: xlsx.readXlsx,
    readWorkbook: compiled<typeof ReadModule>("core/read").readWorkbook,
    runChecks: compiled<typeof ChecksModule>("core/checks").runChecks,
  };
}

export interface CliResult {
  /** Which build of the command line was timed. */
  build: string;
  files: number;
  /** Median of the runs. */
  filesPerSecond: number;
  /** check time / ExcelJS parse time, medians. */
  ratioToParseFloor: number;
  target: number;
  checkMs: number;
  parseFloorMs: number;
  /** Garbage-collection pauses inside the timed passes (medians), ms. */
  gcMs: { check: number; parseFloor: number };
  /** readXlsx (ExcelJS load from a buffer after the file checks + conversion to the grid), all files. */
  readXlsxMs: number;
  /** The engine part of check (readWorkbook + runChecks on the grids), all files. */
  engineMs: number;
  avgFileBytes: number;
  /** Files the check reported with an error / files with a planted error. */
  errorsFound: number;
  planted: number;
  generateMs: number;
}

async function generate(dir: string, n: number): Promise<{ planted: number; bytes: number }> {
  const { applyPlan } = cliModules();
  let planted = 0;
  let bytes = 0;
  for (let i = 0; i < n; i++) {
    const p = variedPlan(i);
    if (p.planted) planted++;
    const wb = new ExcelJS.Workbook();
    applyPlan(wb, p.plan);
    const file = path.join(dir, `report-${String(i).padStart(3, "0")}.xlsx`);
    await wb.xlsx.writeFile(file);
    bytes += (await fs.stat(file)).size;
  }
  return { planted, bytes };
}

async function checkAll(dir: string): Promise<{ ms: number; files: JsonFile[]; code: number }> {
  const { main } = cliModules();
  let out = "";
  const t0 = nowMs();
  const code = await main(["check", dir, "--json"], { out: (t) => (out += t), err: () => undefined, errIsTTY: false });
  const ms = nowMs() - t0;
  return { ms, code, files: (JSON.parse(out) as { files: JsonFile[] }).files };
}

async function parseAll(files: string[]): Promise<number> {
  const t0 = nowMs();
  for (const f of files) await new ExcelJS.Workbook().xlsx.readFile(f);
  return nowMs() - t0;
}

async function readXlsxAll(files: string[], keep?: WorkbookGrid[]): Promise<number> {
  const { readXlsx } = cliModules();
  const t0 = nowMs();
  for (const f of files) {
    const g = await readXlsx(f);
    keep?.push(g);
  }
  return nowMs() - t0;
}

function engineAll(grids: WorkbookGrid[]): number {
  const { readWorkbook, runChecks } = cliModules();
  const t0 = nowMs();
  for (const g of grids) {
    const r = readWorkbook(g);
    if (!r.ok) throw new Error(`cli: ${r.error.message.en}`);
    runChecks(r.report);
  }
  return nowMs() - t0;
}

export async function benchCli(opts: { files: number; runs: number }): Promise<CliResult> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "dr-bench-cli-"));
  try {
    const g0 = nowMs();
    const { planted, bytes } = await generate(dir, opts.files);
    const generateMs = nowMs() - g0;
    const { checkFile } = cliModules();
    const files = (await fs.readdir(dir)).filter((f) => f.endsWith(".xlsx")).map((f) => path.join(dir, f));
    // Warm up the paths (module loading, JIT) on a few files, not counted.
    await parseAll(files.slice(0, 3));
    await readXlsxAll(files.slice(0, 3));
    for (const f of files.slice(0, 3)) await checkFile(f, {});
    const check: number[] = [];
    const checkGc: number[] = [];
    const floor: number[] = [];
    const floorGc: number[] = [];
    const grid: number[] = [];
    const engine: number[] = [];
    let errorsFound = 0;
    // Interleaved so that both see the same machine state (other work on a shared machine varies);
    // the GC pauses inside each pass are recorded.
    for (let run = 0; run < opts.runs; run++) {
      const timeCheck = async (): Promise<void> => {
        const { result: c, gcMs } = await withGc(() => checkAll(dir));
        if (c.files.length !== opts.files) throw new Error(`cli: ${c.files.length} results for ${opts.files} files`);
        errorsFound = c.files.filter((f) => f.findings.some((x) => x.severity === "error")).length;
        if (errorsFound !== planted) throw new Error(`cli: ${errorsFound} files with errors, ${planted} planted`);
        if (c.code !== (planted > 0 ? 1 : 0)) throw new Error(`cli: exit code ${c.code}`);
        check.push(c.ms);
        checkGc.push(gcMs);
      };
      const timeFloor = async (): Promise<void> => {
        const { result: ms, gcMs } = await withGc(() => parseAll(files));
        floor.push(ms);
        floorGc.push(gcMs);
      };
      // Alternate which goes first.
      if (run % 2 === 1) await timeFloor();
      await timeCheck();
      if (run % 2 === 0) await timeFloor();
      const grids: WorkbookGrid[] = [];
      grid.push(await readXlsxAll(files, grids));
      engine.push(engineAll(grids));
    }
    const checkMs = median(check);
    const parseFloorMs = median(floor);
    return {
      build: compiledBuild().label,
      files: opts.files,
      filesPerSecond: round((opts.files / checkMs) * 1000, 1),
      ratioToParseFloor: round(checkMs / parseFloorMs, 3),
      target: CLI_TARGET_RATIO,
      checkMs: round(checkMs, 1),
      parseFloorMs: round(parseFloorMs, 1),
      gcMs: { check: round(median(checkGc), 1), parseFloor: round(median(floorGc), 1) },
      readXlsxMs: round(median(grid), 1),
      engineMs: round(median(engine), 1),
      avgFileBytes: Math.round(bytes / opts.files),
      errorsFound,
      planted,
      generateMs: round(generateMs, 0),
    };
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
