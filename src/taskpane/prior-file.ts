/**
 * 导入上年数据 in the browser: the file the user picked is read here, without a server. The .xlsx reader (the CLI's
 * own grid reader, src/xlsx/read.ts, with fflate) is loaded only here, on demand, as a chunk of its own, so the
 * pane's first load does not carry it.
 */
import type { PriorFileResult } from "./controller";

/** The file's bytes (FileReader where Blob.arrayBuffer is missing: IE11, old EdgeHTML, Safari before 14). */
function bytesOf(file: Blob): Promise<Uint8Array> {
  if (typeof file.arrayBuffer === "function") return file.arrayBuffer().then((b) => new Uint8Array(b));
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error("FileReader failed"));
    reader.readAsArrayBuffer(file);
  });
}

type Reader = typeof import("../xlsx/in-browser");

export function readPriorFile(file: Blob): Promise<PriorFileResult> {
  return readPriorFileWith(() => import(/* webpackChunkName: "xlsx" */ "../xlsx/in-browser"), file);
}

/** With the reader given (tests in Node pass the module itself: tsx's require hook does not load import()). */
export async function readPriorFileWith(load: () => Promise<Reader>, file: Blob): Promise<PriorFileResult> {
  const { BROWSER_LIMITS, readXlsxInBrowser, XlsxProblem } = await load();
  // Too large is said before the file is read into memory.
  if (file.size > BROWSER_LIMITS.fileBytes) {
    const mb = (n: number): string => `${Math.round(n / 1024 / 1024)} MB`;
    return {
      ok: false,
      code: "too-large",
      detail: {
        zh: `文件大小 ${mb(file.size)}，上限 ${mb(BROWSER_LIMITS.fileBytes)}`,
        en: `file size ${mb(file.size)}, limit ${mb(BROWSER_LIMITS.fileBytes)}`,
      },
    };
  }
  let bytes: Uint8Array;
  try {
    bytes = await bytesOf(file);
  } catch {
    return { ok: false, code: "unreadable" };
  }
  try {
    return { ok: true, grid: readXlsxInBrowser(bytes) };
  } catch (e) {
    if (e instanceof XlsxProblem)
      return e.detail ? { ok: false, code: e.code, detail: e.detail } : { ok: false, code: e.code };
    return { ok: false, code: "damaged" };
  }
}
