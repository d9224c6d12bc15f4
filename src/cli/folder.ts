/**
 * Checking many files on all cores: worker threads each read and check files from a shared queue (two in flight
 * per worker, so that none waits), and the results come back in the order of the inputs, as soon as each is done
 * and all before it are. Nothing but the results in flight is held: memory stays flat in the number of files.
 */
import * as os from "node:os";
import * as path from "node:path";
import { Worker } from "node:worker_threads";
import type { FileResult } from "./output";

export interface FolderTask {
  file: string;
  /** Only this report sheet of the file (summary's second pass). */
  sheet?: string;
  /** Last year's report of the same unit (file and sheet): the cross-year checks run against it. */
  prior?: { file: string; sheet: string | null };
}

/** How many worker threads a folder of n files gets: none for a few files (starting a worker costs more). */
export function workerCount(n: number): number {
  const env = process.env.DISCLOSURE_REPORT_WORKERS;
  if (env !== undefined && /^\d+$/.test(env)) return Math.min(Number(env), n);
  if (n < 8) return 0;
  const cores = typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length;
  return Math.max(1, Math.min(cores, 8, Math.ceil(n / 4)));
}

/**
 * Checks `files` with `workers` threads; calls onResult(i, results) in input order (one result per report sheet). `settings` goes to every worker
 * as it is (structured clone): the check settings, including last year's report.
 */
export async function checkInWorkers(
  files: (string | FolderTask)[],
  settings: unknown,
  workers: number,
  onResult: (index: number, results: FileResult[]) => void,
): Promise<void> {
  const ts = __filename.endsWith(".ts");
  const script = path.join(__dirname, `folder-worker${ts ? ".ts" : ".js"}`);
  const execArgv = ts ? ["--require", require.resolve("tsx/cjs")] : [];
  const pending = new Map<number, FileResult[]>();
  let nextOut = 0;
  let nextIn = 0;
  const deliver = (i: number, r: FileResult[]): void => {
    pending.set(i, r);
    while (pending.has(nextOut)) {
      const x = pending.get(nextOut)!;
      pending.delete(nextOut);
      onResult(nextOut, x);
      nextOut++;
    }
  };
  await new Promise<void>((resolve, reject) => {
    let alive = workers;
    const pool: Worker[] = [];
    const send = (w: Worker): boolean => {
      if (nextIn >= files.length) return false;
      const task = files[nextIn]!;
      w.postMessage({ i: nextIn, ...(typeof task === "string" ? { file: task } : task) });
      nextIn++;
      return true;
    };
    for (let k = 0; k < workers; k++) {
      const w = new Worker(script, { workerData: { settings }, execArgv });
      pool.push(w);
      let inFlight = 0;
      w.on("message", (m: { i: number; results: FileResult[] }) => {
        inFlight--;
        deliver(m.i, m.results);
        if (send(w)) inFlight++;
        if (inFlight === 0) void w.terminate();
      });
      w.on("error", (e) => {
        for (const x of pool) void x.terminate();
        reject(e);
      });
      w.on("exit", () => {
        alive--;
        if (alive === 0) resolve();
      });
      for (let j = 0; j < 2; j++) if (send(w)) inFlight++;
      if (inFlight === 0) void w.terminate();
    }
  });
  if (nextOut !== files.length) throw new Error(`checked ${nextOut} of ${files.length} files`);
}
