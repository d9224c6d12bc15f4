/** A worker thread of the folder check (./folder.ts): reads and checks the files it is sent, one result each. */
import { parentPort, workerData } from "node:worker_threads";
import { checkFile, type CheckSettings } from "./main";
import type { FileResult } from "./output";

const settings = (workerData as { settings: CheckSettings }).settings;

parentPort?.on("message", (m: { i: number; file: string }) => {
  checkFile(m.file, settings).then(
    ({ result }) => parentPort?.postMessage({ i: m.i, result }),
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
      parentPort?.postMessage({ i: m.i, result });
    },
  );
});
