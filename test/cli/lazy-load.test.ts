/**
 * What checking loads: a folder worker thread, and `check` on ordinary workbooks, read and check with the fast
 * reader and the engine only. ExcelJS (~0.3 s to load) and the Word writer are loaded when a command writes, or
 * when a workbook needs ExcelJS to be read; loading them in every worker cost ~1 s of CPU per folder run.
 */
import { strict as assert } from "node:assert";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import * as path from "node:path";

const ROOT = path.join(__dirname, "..", "..");
const FIELD = path.join(ROOT, "test", "fixtures", "field", "pingtan-2023.xlsx");

/** Runs `script` in a fresh Node (TypeScript sources through tsx) and returns the loaded module paths it prints. */
function loadedAfter(script: string): { loaded: string[]; out: unknown } {
  const code = `${script}.then((out) => process.stdout.write(JSON.stringify({ out, loaded: Object.keys(require.cache) })))`;
  const text = execFileSync(process.execPath, ["--require", require.resolve("tsx/cjs"), "-e", code], {
    cwd: ROOT,
    encoding: "utf8",
  });
  return JSON.parse(text) as { loaded: string[]; out: unknown };
}

const heavy = (loaded: string[]): string[] =>
  loaded.filter((p) => /[\\/]node_modules[\\/](exceljs|docx|jszip)[\\/]/.test(p) || /[\\/]src[\\/]docx[\\/]/.test(p));

describe("cli: what checking loads", function () {
  this.timeout(60000);

  it("a folder worker's check of a workbook loads neither ExcelJS, JSZip nor the Word writer", () => {
    const r = loadedAfter(
      `require("./src/cli/check-file").checkFileReports(${JSON.stringify(FIELD)}, {}).then((x) => x.map((f) => [f.year, f.findings.length]))`,
    );
    assert.deepEqual(r.out, [[2023, 2]]); // the two notes `check` gives this report
    assert.deepEqual(heavy(r.loaded), []);
    assert.ok(
      r.loaded.some((p) => p.endsWith(path.join("src", "xlsx", "read.ts"))),
      "the fast reader read it",
    );
  });

  it("the folder worker script itself imports only the check path", () => {
    const r = loadedAfter(`Promise.resolve(require("./src/cli/check-file")).then(() => null)`);
    assert.deepEqual(heavy(r.loaded), []);
    const worker = readFileSync(path.join(ROOT, "src", "cli", "folder-worker.ts"), "utf8");
    assert.match(worker, /from "\.\/check-file"/);
    assert.doesNotMatch(worker, /from "\.\/main"/);
  });

  it("a workbook the fast reader does not know still loads ExcelJS and is read", () => {
    // Same bytes, but the fast reader is told it cannot: the fallback must find ExcelJS on its own.
    const r = loadedAfter(
      `(() => { const id = require.resolve("./src/cli/xlsx-fast");
        require.cache[id] = { id, filename: id, loaded: true,
          exports: { readXlsxFast: () => { throw new Error("not known to the fast reader"); } } };
        return require("./src/cli/check-file").checkFileReports(${JSON.stringify(FIELD)}, {}).then((x) => x.map((f) => f.year)); })()`,
    );
    assert.deepEqual(r.out, [2023]);
    assert.ok(
      heavy(r.loaded).some((p) => p.includes("exceljs")),
      "ExcelJS was loaded for the fallback",
    );
  });
});
