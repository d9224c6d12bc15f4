/** A worker thread of the folder check (./folder.ts): reads and checks the files it is sent, one result per report. */
import { parentPort, workerData } from "node:worker_threads";
import { checkFileReports, type CheckSettings } from "./main";
import type { FileResult } from "./output";

const settings = (workerData as { settings: CheckSettings }).settings;

parentPort?.on("message", (m: { i: number; file: string }) => {
  checkFileReports(m.file, settings).then(
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
