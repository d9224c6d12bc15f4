/** Helpers for the CLI tests: run the CLI in-process or as a process, and write real .xlsx fixtures. */
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { promises as fs } from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { cellAddress } from "../../src/core/grid";
import { cellKey } from "../../src/core/model/format";
import type { Report } from "../../src/core/model/report";
import { templateCells, templateForReport } from "../../src/core/render";
import type { SheetPlan } from "../../src/core/render/plan";
import { main } from "../../src/cli/main";
import { applyPlan } from "../../src/cli/xlsx";
import { exampleReport, PLANTED } from "../../scripts/make-examples";

export const ROOT = path.resolve(__dirname, "..", "..");

export interface Run {
  code: number;
  out: string;
  err: string;
}

/** The CLI in this process (fast), with stdout/stderr captured. */
export async function cli(args: string[], errIsTTY = false): Promise<Run> {
  let out = "";
  let err = "";
  const code = await main(args, { out: (t) => (out += t), err: (t) => (err += t), errIsTTY });
  return { code, out, err };
}

/** The CLI as its own process (real exit code and streams), through tsx on the sources. */
export function cliProcess(args: string[], cwd = ROOT): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["-r", "tsx/cjs", path.join(ROOT, "src/cli/main.ts"), ...args], {
      cwd,
      env: { ...process.env, NODE_PATH: path.join(ROOT, "node_modules") },
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString("utf8")));
    child.stderr.on("data", (d: Buffer) => (err += d.toString("utf8")));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? -1, out, err }));
  });
}

export async function writePlan(file: string, plan: SheetPlan): Promise<void> {
  const wb = new ExcelJS.Workbook();
  applyPlan(wb, plan);
  await wb.xlsx.writeFile(file);
}

/** The invented 2021 example without its planted error: every relation holds. */
export function cleanReport(): Report {
  const r = exampleReport();
  r.section4!.cells[PLANTED.key]!.value = PLANTED.correct;
  return r;
}

/** Writes a report as a counts sheet; returns the A1 address of a figure, for assertions. */
export async function writeReport(
  file: string,
  report: Report,
): Promise<{ address: (table: string, key: string) => string }> {
  const { plan } = templateForReport(report);
  await writePlan(file, plan);
  const cells = templateCells(plan);
  return {
    address: (table, key) => {
      const at = cells.tables[table]?.cells[key];
      if (!at) throw new Error(`no cell for ${table} ${key}`);
      return cellAddress(at);
    },
  };
}

export const PLANTED_KEY = PLANTED.key;
export { cellKey };

export async function sha256(file: string): Promise<string> {
  return createHash("sha256")
    .update(await fs.readFile(file))
    .digest("hex");
}

export async function statMtime(file: string): Promise<number> {
  return (await fs.stat(file)).mtimeMs;
}
