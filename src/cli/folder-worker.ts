/** A worker thread of the folder check (./folder.ts): reads and checks the files it is sent, one result per report. */
import { parentPort, workerData } from "node:worker_threads";
import { checkFileReports, readPriorReport, type CheckSettings } from "./check-file";
import type { FolderTask } from "./folder";
import type { FileResult } from "./output";

const settings = (workerData as { settings: CheckSettings }).settings;

/** A task's own settings: summary's second pass names one sheet and last year's report of its unit. */
async function taskSettings(m: FolderTask): Promise<CheckSettings> {
  if (!m.prior && m.sheet === undefined) return settings;
  const s: CheckSettings = { ...settings };
  if (m.sheet !== undefined) s.sheet = m.sheet;
  if (m.prior) s.prior = await readPriorReport(m.prior.file, m.prior.sheet);
  return s;
}

parentPort?.on("message", (m: { i: number } & FolderTask) => {
  taskSettings(m)
    .then((s) => checkFileReports(m.file, s))
    .then(
      (results) => parentPort?.postMessage({ i: m.i, results }),
      (e: unknown) => {
        const message = e instanceof Error ? e.message : String(e);
        const result: FileResult = {
          file: m.file,
          sheet: null,
          year: null,
          format: null,
          findings: [],
          error: { code: "internal", message: { zh: `内部错误：${message}`, en: `internal error: ${message}` } },
        };
        parentPort?.postMessage({ i: m.i, results: [result] });
      },
    );
});
