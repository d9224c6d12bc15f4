/**
 * Every hostile input of the catalogue through the engine (readWorkbook + runChecks) and through the
 * command line (`main([...], io)` with captured output, on the grid written as a real .xlsx): the
 * expected finding, error or exit code; never a throw, never a stack trace, never a wrong figure.
 */
import { strict as assert } from "node:assert";
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { findingCells, formatMessage, runChecks } from "../../src/core/checks";
import type { Finding } from "../../src/core/checks/types";
import { readWorkbook } from "../../src/core/read";
import { renderReport } from "../../src/core/render";
import type { Report, TableData } from "../../src/core/model/report";
import { readXlsx } from "../../src/cli/xlsx";
import type { JsonFile } from "../../src/cli/output";
import { cli, type Run } from "../cli/helpers";
import { CATALOGUE, type Expected, type HostileCase } from "./catalogue";
import { writeGridXlsx } from "./xlsx-from-grid";

/** A stack frame line as Node prints it. */
const STACK_LINE = /^ {4}at /m;

export const TALLY = { cases: 0, engineRuns: 0, cliRuns: 0, crashes: 0 };

function figureOf(report: Report, key: string): number | null | undefined {
  const i = key.indexOf(":");
  const table = key.slice(0, i);
  const cell = key.slice(i + 1);
  const t: TableData | undefined =
    table === "s3" ? report.section3 : table === "s4" ? report.section4 : report.section2[table];
  const n = t?.cells[cell];
  return n === undefined ? undefined : n.value;
}

function assertFigures(report: Report, c: HostileCase, where: string): void {
  for (const [key, want] of Object.entries(c.figures ?? {})) {
    assert.equal(
      figureOf(report, key),
      want,
      `${c.id} (${where}): ${key} read as ${figureOf(report, key)}, is ${want}`,
    );
  }
}

function describeFindings(fs: { rule: string; severity: string; cells: string[] }[]): string {
  return fs.map((f) => `${f.severity} ${f.rule} ${f.cells.join(" ")}`).join("\n");
}

function matchFinding(
  list: { rule: string; severity: string; cells: string[] }[],
  e: Extract<Expected, { kind: "finding" }>,
): boolean {
  return list.some(
    (f) =>
      f.rule === e.rule &&
      (e.severity === undefined || f.severity === e.severity) &&
      (!e.cell || f.cells.includes(e.cell)),
  );
}

function exitOf(findings: { severity: string }[]): number {
  return findings.some((f) => f.severity === "error") ? 1 : 0;
}

function noStack(r: Run, id: string): void {
  assert.doesNotMatch(r.out + r.err, STACK_LINE, `${id}: a stack trace was printed`);
  assert.doesNotMatch(r.err, /内部错误|Internal error/, `${id}: reported as an internal error:\n${r.err}`);
}

function asJson(r: Run, id: string): JsonFile[] {
  try {
    return (JSON.parse(r.out) as { files: JsonFile[] }).files;
  } catch {
    assert.fail(`${id}: --json output is not JSON:\n${r.out.slice(0, 500)}\n${r.err}`);
  }
}

describe("hostile inputs: the catalogue", function () {
  let dir: string;
  before(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "dr-hostile-"));
  });
  after(async () => {
    await fs.rm(dir, { recursive: true, force: true });
    console.log(
      `      catalogue: ${CATALOGUE.length} entries; ${TALLY.engineRuns} engine runs, ${TALLY.cliRuns} CLI runs; crashes ${TALLY.crashes}`,
    );
  });

  it("has at least 40 entries with unique ids and a description each", () => {
    assert.ok(CATALOGUE.length >= 40, `${CATALOGUE.length} entries`);
    const ids = CATALOGUE.map((c) => c.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const c of CATALOGUE) assert.ok(c.description.length > 5, c.id);
  });

  for (const c of CATALOGUE) {
    describe(`${c.id}: ${c.description}`, function () {
      this.timeout(c.slow ?? 30_000);

      if (c.only !== "cli") {
        it(`engine: ${expectation(c.expected)}`, async () => {
          const built = await c.build(dir);
          assert.ok("grid" in built, "engine entries build a grid");
          TALLY.cases++;
          TALLY.engineRuns++;
          const r = readWorkbook(built.grid);
          if (!r.ok && r.error.code === "internal") TALLY.crashes++;
          assert.notEqual(
            !r.ok && r.error.code,
            "internal",
            `${c.id}: the reader crashed: ${!r.ok && r.error.message.en}`,
          );
          if (c.expected.kind === "error") {
            assert.equal(r.ok ? "ok" : r.error.code, c.expected.code);
            assert.ok(!r.ok && r.error.message.zh && r.error.message.en);
            return;
          }
          assert.ok(r.ok, `${c.id}: ${!r.ok ? r.error.message.en : ""}`);
          let findings: Finding[];
          try {
            findings = runChecks(r.report);
            // What generate does with it: the report sheets, plain and with largest-remainder shares.
            renderReport(r.report);
            renderReport(r.report, { rounding: { decimals: 2, rounding: "half-up", largestRemainder: true } });
          } catch (e) {
            TALLY.crashes++;
            throw e;
          }
          for (const f of findings) {
            for (const lang of ["zh", "en"] as const) {
              const m = formatMessage(f, lang);
              assert.doesNotMatch(m, /\{\w+\}/, `${c.id}: unfilled placeholder in ${f.rule}: ${m}`);
            }
          }
          const shown = findings.map((f) => ({ rule: f.rule, severity: f.severity, cells: findingCells(f) }));
          if (c.expected.kind === "finding") {
            assert.ok(
              matchFinding(shown, c.expected),
              `${c.id}: no ${expectation(c.expected)} in\n${describeFindings(shown)}`,
            );
          } else {
            assert.equal(exitOf(shown), c.expected.code, `${c.id}: findings\n${describeFindings(shown)}`);
          }
          assertFigures(r.report, c, "engine");
        });
      }

      if (c.only !== "engine") {
        it(`command line: ${expectation(c.expected)}`, async () => {
          const built = await c.build(dir);
          TALLY.cases += c.only === "cli" ? 1 : 0;
          let file: string;
          let extra: string[] = [];
          if ("grid" in built) {
            file = path.join(dir, `${c.id}.xlsx`);
            await writeGridXlsx(file, built.grid);
            extra = [
              ...(c.command === "generate" ? ["-o", path.join(dir, `${c.id}-out.xlsx`)] : []),
              ...(c.cliArgs ?? []),
            ];
          } else {
            file = built.file;
            extra = built.args ?? [];
          }
          const command = c.command ?? "check";
          TALLY.cliRuns++;
          if (command === "generate") {
            const r = await cli(["generate", file, ...extra]);
            noStack(r, c.id);
            if (c.expected.kind === "exit") assert.equal(r.code, c.expected.code, r.out + r.err);
            else assert.fail("generate entries expect an exit code");
            if (r.code === 2) assert.ok(r.err.trim().length > 0, `${c.id}: exit 2 says why`);
            // Nothing half-written beside the output.
            const leftovers = (await fs.readdir(dir)).filter((n) => n.endsWith(".tmp"));
            assert.deepEqual(leftovers, []);
            return;
          }
          const unhook = "hook" in built && built.hook ? built.hook() : undefined;
          let json: Run;
          try {
            json = await cli(["check", file, "--json", ...extra]);
          } finally {
            unhook?.();
          }
          noStack(json, c.id);
          const files = asJson(json, c.id);
          if (c.verifyJson) {
            c.verifyJson(files);
            assert.equal(json.code, c.expected.kind === "exit" ? c.expected.code : -1);
            return;
          }
          assert.equal(files.length, 1);
          const f = files[0]!;
          if (c.expected.kind === "error") {
            assert.equal(json.code, 2);
            assert.equal(f.error?.code, c.expected.code, JSON.stringify(f));
            assert.ok(f.error!.message.length > 0);
          } else if (c.expected.kind === "finding") {
            assert.equal(f.error, undefined, JSON.stringify(f.error));
            assert.ok(
              matchFinding(f.findings, c.expected),
              `${c.id}: no ${expectation(c.expected)} in\n${describeFindings(f.findings)}`,
            );
            assert.equal(json.code, exitOf(f.findings));
          } else {
            assert.equal(json.code, c.expected.code, describeFindings(f.findings) + JSON.stringify(f.error ?? ""));
          }
          if (!c.slow) {
            // The readable output too: no stack, and in English.
            for (const lang of ["zh", "en"]) {
              const human = await cli(["check", file, "--lang", lang, ...extra]);
              noStack(human, c.id);
              assert.equal(human.code, json.code);
            }
          }
          if ("grid" in built && c.only !== "cli") {
            // The same findings as the engine on the grid itself: writing and reading .xlsx loses nothing.
            const direct = readWorkbook(built.grid);
            const key = (x: { rule: string; severity: string; cells: string[] }) =>
              `${x.severity} ${x.rule} ${x.cells.join(" ")}`;
            const engine = direct.ok
              ? runChecks(direct.report)
                  .map((x) => key({ rule: x.rule, severity: x.severity, cells: findingCells(x) }))
                  .sort()
              : [`error ${direct.error.code}`];
            const viaCli = f.error ? [`error ${f.error.code}`] : f.findings.map(key).sort();
            assert.deepEqual(viaCli, engine, `${c.id}: the CLI and the engine disagree`);
          }
          if ("grid" in built && c.figures) {
            const read = readWorkbook(await readXlsx(file));
            assert.ok(read.ok);
            assertFigures(read.report, c, "xlsx");
          }
        });
      }
    });
  }
});

function expectation(e: Expected): string {
  switch (e.kind) {
    case "finding":
      return `finding ${e.rule}${e.severity ? ` (${e.severity})` : ""}${e.cell ? ` at ${e.cell}` : ""}`;
    case "error":
      return `error ${e.code}`;
    case "exit":
      return `exit ${e.code}`;
  }
}
