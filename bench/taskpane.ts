/**
 * The task pane: production bundle size (gzip) and the time from navigation to the "pane-ready" mark
 * (Office ready, first read of the workbook and check done) in headless Chromium with the fake Office
 * served in place of office.js — the same set-up as test/browser/taskpane.test.ts, reduced to what is
 * measured here.
 */
import { readFileSync, rmSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import zlib from "node:zlib";
import { fakeOfficeScript, OFFICE_JS, privateProductionBuild, serveDir as serve } from "../test/support/pane-server";
import { findExecutable } from "../test/support/tools";
import { variedGrid } from "./reports";
import { median, round } from "./stats";

export const CHROMIUM = ["/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome"];

export interface TaskpaneResult {
  /** zlib.gzipSync (default level 6) of taskpane.js + taskpane.css, bytes. */
  bundleGzipBytes: number;
  bundleBytes: number;
  files: Record<string, { bytes: number; gzipBytes: number }>;
  /** Navigation start to "pane-ready" with one filled counts sheet in the workbook, median, ms; null when not measured. */
  readyMs: number | null;
  /** The same with an empty workbook (the pane offers the template). */
  readyEmptyMs: number | null;
  /** Navigation start to DOMContentLoaded of the pane (the floor the pane's own work adds to). */
  domContentLoadedMs: number | null;
  /** Why readyMs is null. */
  note?: string;
  /** How dist/ was obtained: "dist" (copied) or "built" (webpack --mode production into a temp dir). */
  build: "dist" | "built";
}

function sizes(dir: string): Pick<TaskpaneResult, "bundleGzipBytes" | "bundleBytes" | "files"> {
  const files: TaskpaneResult["files"] = {};
  let bundleBytes = 0;
  let bundleGzipBytes = 0;
  for (const name of ["taskpane.js", "taskpane.css"]) {
    const buf = readFileSync(path.join(dir, name));
    const gz = zlib.gzipSync(buf).length;
    files[name] = { bytes: buf.length, gzipBytes: gz };
    bundleBytes += buf.length;
    bundleGzipBytes += gz;
  }
  return { bundleBytes, bundleGzipBytes, files };
}

/** The filled counts sheet as rows from A1 (the fake Office's start-up option). */
function filledRows(): unknown[][] {
  const g = variedGrid(1).grid;
  const rows: unknown[][] = [];
  g.values.forEach((line, r) => line.forEach((v, c) => ((rows[g.top + r] ??= [])[g.left + c] = v)));
  g.formulas?.forEach((line, r) =>
    line.forEach((f, c) => {
      if (f) (rows[g.top + r] ??= [])[g.left + c] = f;
    }),
  );
  for (let r = 0; r < rows.length; r++) rows[r] ??= [];
  return rows;
}

export async function benchTaskpane(opts: { runs: number; browser?: boolean }): Promise<TaskpaneResult> {
  const { dir, build } = privateProductionBuild("dr-bench-dist-");
  let server: http.Server | undefined;
  let browser: import("playwright-core").Browser | undefined;
  try {
    const result: TaskpaneResult = {
      ...sizes(dir),
      readyMs: null,
      readyEmptyMs: null,
      domContentLoadedMs: null,
      build,
    };
    if (opts.browser === false) {
      result.note = "skipped (--no-browser)";
      return result;
    }
    const exe = findExecutable(CHROMIUM);
    if (!exe) {
      result.note = "no Chromium found (apt-get install -y chromium): browser timings not measured";
      return result;
    }
    try {
      await measureReady(result, exe, dir, opts.runs, (s, b) => {
        server = s;
        browser = b;
      });
    } catch (e) {
      result.readyMs = result.readyEmptyMs = result.domContentLoadedMs = null;
      result.note = `browser timing failed: ${e instanceof Error ? e.message.split("\n")[0] : String(e)}`;
    }
    return result;
  } finally {
    await browser?.close();
    await new Promise((r) => (server ? server.close(r) : r(undefined)));
    rmSync(dir, { recursive: true, force: true });
  }
}

async function measureReady(
  result: TaskpaneResult,
  exe: string,
  dir: string,
  runs: number,
  opened: (server: http.Server, browser?: import("playwright-core").Browser) => void,
): Promise<void> {
  const officeJs = fakeOfficeScript();
  const server = await serve(dir);
  opened(server);
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const { chromium } = await import("playwright-core");
  const b = await chromium.launch({
    executablePath: exe,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
  });
  opened(server, b);
  const open = async (sheets: [string, unknown[][]][] | undefined): Promise<{ ready: number; dcl: number }> => {
    const context = await b.newContext({ viewport: { width: 360, height: 800 }, locale: "zh-CN" });
    try {
      const page = await context.newPage();
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(e.message));
      await page.addInitScript(
        (o) => {
          (window as unknown as { __fakeOfficeOptions: unknown }).__fakeOfficeOptions = o;
        },
        { displayLanguage: "zh-CN", sheets },
      );
      await page.route("**/*", (route) => {
        const url = route.request().url();
        if (url.startsWith(base)) return route.continue();
        if (OFFICE_JS.test(url)) {
          return route.fulfill({ status: 200, contentType: "text/javascript; charset=utf-8", body: officeJs });
        }
        return route.abort();
      });
      await page.goto(`${base}taskpane.html`);
      await page.waitForFunction(() => performance.getEntriesByName("pane-ready").length > 0, null, {
        timeout: 30_000,
      });
      const t = await page.evaluate(() => ({
        ready: performance.getEntriesByName("pane-ready")[0]!.startTime,
        dcl: (performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming).domContentLoadedEventEnd,
        state: document.body.dataset.state ?? "",
      }));
      if (errors.length) throw new Error(`task pane errors: ${errors.join("; ")}`);
      if (sheets && t.state !== "ready") throw new Error(`task pane state ${t.state} with a filled counts sheet`);
      return { ready: t.ready, dcl: t.dcl };
    } finally {
      await context.close();
    }
  };
  await open(undefined); // warm-up: the first page of a fresh browser pays for its start-up
  const filled: { ready: number; dcl: number }[] = [];
  const empty: number[] = [];
  const rows = filledRows();
  for (let i = 0; i < runs; i++) {
    filled.push(await open([["公开数据", rows]]));
    empty.push((await open(undefined)).ready);
  }
  result.readyMs = round(median(filled.map((f) => f.ready)), 1);
  result.domContentLoadedMs = round(median(filled.map((f) => f.dcl)), 1);
  result.readyEmptyMs = round(median(empty), 1);
}
