/**
 * Every reader fixture also carries the findings the whole engine gives it, in `<name>.findings.json` beside
 * the grid: read + every check, as the CLI and the task pane run them. `UPDATE_FIXTURES=1` rewrites them
 * (review the diff: a changed finding is a changed behaviour).
 */
import { strict as assert } from "node:assert";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { WorkbookGrid } from "../../src/core/grid";
import { findingCells, runChecks } from "../../src/core/checks";
import { readWorkbook } from "../../src/core/read";

const DIR = join(__dirname, "..", "fixtures", "grids");
const UPDATE = process.env.UPDATE_FIXTURES === "1";

const names = readdirSync(DIR)
  .filter((f) => f.endsWith(".json") && !f.endsWith(".expected.json") && !f.endsWith(".findings.json"))
  .map((f) => f.slice(0, -".json".length))
  .sort();

function findingsOf(grid: WorkbookGrid): unknown {
  const read = readWorkbook(grid);
  if (!read.ok) return { error: read.error.code };
  return runChecks(read.report).map((f) => ({
    rule: f.rule,
    severity: f.severity,
    cells: findingCells(f),
    ...(f.expected !== undefined ? { expected: f.expected } : {}),
    ...(f.actual !== undefined ? { actual: f.actual } : {}),
  }));
}

describe("fixture findings (test/fixtures/grids/*.findings.json)", () => {
  it("every fixture has its findings file", () => {
    const missing = names.filter((n) => !existsSync(join(DIR, `${n}.findings.json`)));
    if (!UPDATE) assert.deepEqual(missing, [], "run with UPDATE_FIXTURES=1 and review the new files");
  });

  for (const name of names) {
    it(`${name}: findings match ${name}.findings.json`, () => {
      const grid = JSON.parse(readFileSync(join(DIR, `${name}.json`), "utf8")) as WorkbookGrid;
      const actual = JSON.parse(JSON.stringify(findingsOf(grid)));
      const file = join(DIR, `${name}.findings.json`);
      if (UPDATE || !existsSync(file)) {
        writeFileSync(file, JSON.stringify(actual, null, 2) + "\n");
        if (!UPDATE) assert.fail(`${name}.findings.json did not exist; written now, review it and run again`);
        return;
      }
      assert.deepStrictEqual(actual, JSON.parse(readFileSync(file, "utf8")));
    });
  }

  // What each input shape must show, independent of the snapshots.
  const must: [string, string][] = [
    ["web-2021", "label-typo"],
    ["web-traditional", "label-typo"],
    ["single-six-2021", "s3-other-items"],
    ["free-form-seed", "shares-sum"],
    ["free-form-seed", "zero-share"],
    ["blank-total", "s3-row-sum"],
    ["text-numbers", "text-number"],
    ["text-numbers", "not-a-number"],
    ["no-year", "no-year"],
    ["same-table-twice", "reader-notes"],
  ];
  for (const [name, rule] of must) {
    it(`${name} gives a ${rule} finding`, () => {
      const grid = JSON.parse(readFileSync(join(DIR, `${name}.json`), "utf8")) as WorkbookGrid;
      const found = findingsOf(grid) as { rule: string }[];
      assert.ok(
        Array.isArray(found) && found.some((f) => f.rule === rule),
        `${name}: no ${rule} in ${JSON.stringify(found)}`,
      );
    });
  }
  it("the template fixture (moved blocks, renamed sheet) has no error", () => {
    for (const name of ["template-2024", "template-moved", "trial-2019"]) {
      const grid = JSON.parse(readFileSync(join(DIR, `${name}.json`), "utf8")) as WorkbookGrid;
      const found = findingsOf(grid) as { rule: string; severity: string }[];
      const errors = found.filter((f) => f.severity === "error" && f.rule !== "zero-share");
      assert.deepEqual(errors, [], name);
    }
  });
});
