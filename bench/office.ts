/**
 * Office.js host on the fake Excel: syncs, proxy calls and bytes per sync for check (loadWorkbookGrid),
 * generate (loadSheetGrid + applyPlan of renderReport) and re-check after an edit (loadSheetGrid), against the
 * cell-by-cell read (test/support/naive-read.ts) of the same workbook.
 */
import type { WorkbookGrid } from "../src/core/grid";
import { a1 } from "../src/core/grid";
import { readWorkbook as readReport } from "../src/core/read";
import { runChecks } from "../src/core/checks";
import { renderReport, templateCells } from "../src/core/render";
import { applyPlan, loadSheetGrid, loadWorkbookGrid } from "../src/excel/host";
import { FakeExcel, type StatsDelta } from "../test/support/fake-excel";
import { naiveRead } from "../test/support/naive-read";
import { PLANTED } from "../scripts/make-examples";
import { COUNTS_SHEET, otherSheet, variedGrid, variedPlan } from "./reports";
import { median, nowMs, round, same } from "./stats";

export interface Cost {
  syncs: number;
  proxyCalls: number;
  /** Largest request + response of one sync, bytes. */
  maxBytesPerSync: number;
  /** Request + response bytes of all syncs (median: the fake's object ids grow from run to run, a few bytes). */
  totalBytes: number;
  /** Median wall time on the fake (includes the engine work of the step), ms. */
  ms: number;
}

export interface GenerateCost extends Cost {
  readSyncs: number;
  writeSyncs: number;
}

export interface WorkbookResult {
  name: string;
  description: string;
  sheets: number;
  cells: number;
  check: Cost;
  generate: GenerateCost;
  recheck: Cost;
  /** The same workbook read cell by cell; null when skipped (--quick skips the large workbooks). */
  naive: Cost | null;
  /** naive.syncs / check.syncs. */
  naiveSyncRatio: number | null;
}

export interface OfficeResult {
  /** The largest figure over the workbooks (the limits apply to each). */
  check: { syncs: number };
  generate: { syncs: number; readSyncs: number; writeSyncs: number };
  recheck: { syncs: number };
  /** Cell-by-cell read of the one-report workbook. */
  naiveReadSyncs: number;
  naiveSyncRatio: number;
  maxSyncBytes: number;
  workbooks: WorkbookResult[];
}

interface Scenario {
  name: string;
  description: string;
  /** Sheets to load (fresh fake per run); the counts sheet the pane works on. */
  build(): { grid: WorkbookGrid; sheet: string; planted: boolean; editAddress: string };
  naiveInQuick: boolean;
}

/** The address of the planted cell (行政复议 总计) in report i's counts sheet. */
function plantedAddress(i: number): string {
  const at = templateCells(variedPlan(i).plan).tables["s4"]?.cells[PLANTED.key];
  if (!at) throw new Error("template has no 行政复议 总计 cell");
  return a1(at.row, at.col);
}

const SCENARIOS: Scenario[] = [
  {
    name: "report",
    description: "one counts sheet (公开数据)",
    naiveInQuick: true,
    build: () => {
      const { grid, planted } = variedGrid(0);
      return { grid: { sheets: [grid] }, sheet: COUNTS_SHEET, planted, editAddress: plantedAddress(0) };
    },
  },
  {
    name: "units50",
    description: "50 unit counts sheets (单位01..单位50)",
    naiveInQuick: false,
    build: () => {
      const sheets = Array.from({ length: 50 }, (_, i) => variedGrid(i, `单位${String(i + 1).padStart(2, "0")}`).grid);
      return { grid: { sheets }, sheet: "单位01", planted: true, editAddress: plantedAddress(0) };
    },
  },
  {
    name: "rows10k",
    description: "counts sheet + 10,000 rows x 6 cols of other content",
    naiveInQuick: false,
    build: () => {
      const { grid, planted } = variedGrid(0);
      return {
        grid: { sheets: [grid, otherSheet("明细", 10000, 6)] },
        sheet: COUNTS_SHEET,
        planted,
        editAddress: plantedAddress(0),
      };
    },
  },
];

function fresh(grid: WorkbookGrid): FakeExcel {
  const fake = new FakeExcel();
  fake.loadGrid(grid);
  return fake.install();
}

async function measured<T>(
  fake: FakeExcel,
  fn: () => Promise<T>,
): Promise<{ result: T; cost: StatsDelta; ms: number }> {
  const t0 = nowMs();
  const { result, cost } = await fake.measure(fn);
  return { result, cost, ms: nowMs() - t0 };
}

function hasPlanted(findings: { rule: string; severity: string }[]): boolean {
  return findings.some((f) => f.rule === "s4-group-sum" && f.severity === "error");
}

interface RunFigures {
  check: StatsDelta & { ms: number };
  read: StatsDelta;
  write: StatsDelta;
  generateMs: number;
  recheck: StatsDelta & { ms: number };
}

/** One run of check -> generate -> edit -> re-check on a fresh fake, verifying what the pane would show. */
async function runOnce(sc: Scenario): Promise<RunFigures> {
  const { grid, sheet, planted, editAddress } = sc.build();
  const fake = fresh(grid);
  try {
    // 检查: the whole workbook, then the engine finds the counts sheet and checks it.
    const check = await measured(fake, async () => {
      const wb = await loadWorkbookGrid();
      let r = readReport(wb);
      if (r.ok && r.report.sheet !== sheet) r = readReport(wb, { sheet });
      if (!r.ok) throw new Error(`${sc.name}: ${r.error.message.en}`);
      return runChecks(r.report);
    });
    if (hasPlanted(check.result) !== planted) throw new Error(`${sc.name}: planted error not reported as expected`);

    // 生成报告: read the counts sheet, render, write the report sheets.
    const t0 = nowMs();
    const read = await fake.measure(async () => {
      const r = readReport({ sheets: [await loadSheetGrid(sheet)] }, { sheet });
      if (!r.ok) throw new Error(`${sc.name}: ${r.error.message.en}`);
      runChecks(r.report);
      return renderReport(r.report);
    });
    const write = await fake.measure(() => applyPlan(read.result));
    const generateMs = nowMs() - t0;
    for (const s of read.result.sheets) {
      if (!fake.sheetNames().includes(s.name)) throw new Error(`${sc.name}: ${s.name} not written`);
    }

    // The user corrects the planted cell; the pane re-reads that one sheet and checks again.
    await fake.edit(sheet, editAddress, PLANTED.correct);
    const recheck = await measured(fake, async () => {
      const r = readReport({ sheets: [await loadSheetGrid(sheet)] }, { sheet });
      if (!r.ok) throw new Error(`${sc.name}: ${r.error.message.en}`);
      return runChecks(r.report);
    });
    if (hasPlanted(recheck.result)) throw new Error(`${sc.name}: the corrected cell is still reported`);

    return {
      check: { ...check.cost, ms: check.ms },
      read: read.cost,
      write: write.cost,
      generateMs,
      recheck: { ...recheck.cost, ms: recheck.ms },
    };
  } finally {
    fake.uninstall();
  }
}

async function naiveOnce(sc: Scenario): Promise<StatsDelta & { ms: number }> {
  const { grid } = sc.build();
  const fake = fresh(grid);
  try {
    const naive = await measured(fake, () => naiveRead());
    const good = await fake.measure(() => loadWorkbookGrid());
    const a = JSON.stringify(naive.result.sheets.map((s) => s.values));
    const b = JSON.stringify(good.result.sheets.map((s) => s.values));
    if (a !== b) throw new Error(`${sc.name}: the cell-by-cell read differs from loadWorkbookGrid`);
    return { ...naive.cost, ms: naive.ms };
  } finally {
    fake.uninstall();
  }
}

function totalBytes(c: StatsDelta): number {
  return c.perSync.filter((p) => !p.failed).reduce((n, p) => n + p.requestBytes + p.responseBytes, 0);
}

function cost(label: string, xs: (StatsDelta & { ms: number })[]): Cost {
  return {
    syncs: same(
      `${label} syncs`,
      xs.map((x) => x.syncs),
    ),
    proxyCalls: same(
      `${label} proxy calls`,
      xs.map((x) => x.proxyCalls),
    ),
    maxBytesPerSync: Math.max(...xs.map((x) => x.maxBytesPerSync)),
    totalBytes: median(xs.map(totalBytes)),
    ms: round(median(xs.map((x) => x.ms))),
  };
}

export async function benchOffice(opts: { quick: boolean; runs: number }): Promise<OfficeResult> {
  const workbooks: WorkbookResult[] = [];
  for (const sc of SCENARIOS) {
    const runs: RunFigures[] = [];
    for (let i = 0; i < opts.runs; i++) runs.push(await runOnce(sc));
    const naiveRuns: (StatsDelta & { ms: number })[] = [];
    if (!opts.quick || sc.naiveInQuick) for (let i = 0; i < opts.runs; i++) naiveRuns.push(await naiveOnce(sc));
    const { grid } = sc.build();
    const check = cost(
      `${sc.name} check`,
      runs.map((r) => r.check),
    );
    const readSyncs = same(
      `${sc.name} generate read syncs`,
      runs.map((r) => r.read.syncs),
    );
    const writeSyncs = same(
      `${sc.name} generate write syncs`,
      runs.map((r) => r.write.syncs),
    );
    const naive = naiveRuns.length ? cost(`${sc.name} naive`, naiveRuns) : null;
    workbooks.push({
      name: sc.name,
      description: sc.description,
      sheets: grid.sheets.length,
      cells: grid.sheets.reduce((n, s) => n + s.values.reduce((m, row) => m + row.length, 0), 0),
      check,
      generate: {
        syncs: readSyncs + writeSyncs,
        readSyncs,
        writeSyncs,
        proxyCalls: same(
          `${sc.name} generate proxy calls`,
          runs.map((r) => r.read.proxyCalls + r.write.proxyCalls),
        ),
        maxBytesPerSync: Math.max(...runs.flatMap((r) => [r.read.maxBytesPerSync, r.write.maxBytesPerSync])),
        totalBytes: median(runs.map((r) => totalBytes(r.read) + totalBytes(r.write))),
        ms: round(median(runs.map((r) => r.generateMs))),
      },
      recheck: cost(
        `${sc.name} recheck`,
        runs.map((r) => r.recheck),
      ),
      naive,
      naiveSyncRatio: naive ? round(naive.syncs / check.syncs, 1) : null,
    });
  }
  const max = (f: (w: WorkbookResult) => number): number => Math.max(...workbooks.map(f));
  const one = workbooks.find((w) => w.name === "report")!;
  return {
    check: { syncs: max((w) => w.check.syncs) },
    generate: {
      syncs: max((w) => w.generate.syncs),
      readSyncs: max((w) => w.generate.readSyncs),
      writeSyncs: max((w) => w.generate.writeSyncs),
    },
    recheck: { syncs: max((w) => w.recheck.syncs) },
    naiveReadSyncs: one.naive!.syncs,
    naiveSyncRatio: one.naiveSyncRatio!,
    maxSyncBytes: max((w) => Math.max(w.check.maxBytesPerSync, w.generate.maxBytesPerSync, w.recheck.maxBytesPerSync)),
    workbooks,
  };
}
