/**
 * What the browser tier and the task-pane benchmark share: a private copy of the production build, a static
 * server for it on 127.0.0.1, and the fake Office/Excel bundled as the script served in place of office.js.
 */
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";

const ROOT = path.resolve(__dirname, "../..");
const DIST = path.join(ROOT, "dist");

/** The office.js URL of the CDN that the pane loads; routed to the fake in the browser. */
export const OFFICE_JS = /^https:\/\/appsforoffice\.microsoft\.com\/.*office\.js(\?.*)?$/;

/**
 * A private copy of the production build (other test files may rebuild dist/ meanwhile). A development
 * build (source maps) is not what users get: then production is built into the copy instead.
 */
export function privateProductionBuild(prefix: string): { dir: string; build: "dist" | "built" } {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  const usable =
    existsSync(path.join(DIST, "taskpane.html")) &&
    existsSync(path.join(DIST, "taskpane.js")) &&
    existsSync(path.join(DIST, "loader.js")) &&
    existsSync(path.join(DIST, "taskpane.legacy.js")) &&
    !/sourceMappingURL=/.test(readFileSync(path.join(DIST, "taskpane.js"), "utf8"));
  if (usable) {
    cpSync(DIST, dir, { recursive: true });
    return { dir, build: "dist" };
  }
  execFileSync("npx", ["webpack", "--mode", "production", "--output-path", dir], { cwd: ROOT, stdio: "ignore" });
  return { dir, build: "built" };
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".xml": "application/xml",
};

/** Serve `dir` over plain http on 127.0.0.1 (a random port); "/" is taskpane.html. */
export function serveDir(dir: string): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const rel = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname).replace(/^\/+/, "");
    const file = path.resolve(dir, rel || "taskpane.html");
    if (!file.startsWith(dir + path.sep) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, {
      "content-type": TYPES[path.extname(file)] ?? "application/octet-stream",
      "cache-control": "no-store",
    });
    res.end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

/** The fake Office/Excel as one browser script that installs the globals (see test/browser/fake-office.entry.ts). */
export function fakeOfficeScript(): string {
  // esbuild comes with tsx.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const esbuild = require("esbuild") as typeof import("esbuild");
  const out = esbuild.buildSync({
    entryPoints: [path.join(ROOT, "test/browser/fake-office.entry.ts")],
    bundle: true,
    format: "iife",
    platform: "browser",
    target: "es2020",
    write: false,
    logLevel: "silent",
  });
  return out.outputFiles[0]!.text;
}
