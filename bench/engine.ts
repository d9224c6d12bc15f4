/**
 * The pure engine: reports read (readWorkbook on a counts-sheet grid), checked (runChecks) and rendered
 * (renderReport) per second, for one report and for a batch of varied reports. The engine measured is
 * the tsc build users run (bench/build.ts), not the sources under tsx.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { WorkbookGrid } from "../src/core/grid";
import type { Report } from "../src/core/model/report";
import type * as ReadModule from "../src/core/read";
import type * as ChecksModule from "../src/core/checks";
import type * as NarrativeModule from "../src/core/narrative";
import type * as RenderModule from "../src/core/render";
import type * as TextModule from "../src/core/text";
import type * as XlsxModule from "../src/cli/xlsx";
import { compiled, compiledBuild } from "./build";
import { variedGrid } from "./reports";
import { median, nowMs, round, withGc } from "./stats";

export const ENGINE_TARGET_PER_SECOND = 1000;

export interface EngineResult {
  /** Which build of the engine was timed. */
  build: string;
  /** Read + check + render, reports per second over the batch (median of the runs). */
  reportsPerSecond: number;
  target: number;
  batch: {
    reports: number;
    readPerSecond: number;
    checkPerSecond: number;
    renderPerSecond: number;
    /** Median ms per report for each stage. */
    msPerReport: { read: number; check: number; render: number; total: number };
    /** Reports whose planted error was found / reports with one (every fifth). */
    plantedFound: number;
    planted: number;
    /** Garbage-collection pauses during the batch, ms per report (included in msPerReport.total). */
    gcMsPerReport: number;
  };
  /**
   * Checking the report's own text: the text checks (text-*) over each report's generated narrative plus a
   * real report's 5,000-character text (平潭 2019, 36 paragraphs), ms per report (target: under 2 ms).
   */
  text: {
    msPerReport: number;
    target: number;
    chars: number;
    /** The same over the field corpus (test/fixtures/field/*.xlsx: real reports with their own text). */
    field: {
      /** Median wall time of 30 runs, ms per report. */
      msPerReport: number;
      /** CPU time (process.cpuUsage, user + system) per report, median of the runs: less hurt by a loaded machine. */
      cpuMsPerReport: number;
      reports: number;
      chars: number;
      verdicts: number;
    };
  };
  /** Where the time goes (to explain a miss): the slowest checks and the narrative, ms per report. */
  breakdown: {
    slowestChecks: { id: string; ms: number }[];
    narrativeMs: number;
  };
  single: {
    /** One report, median of the runs after the batches, ms. */
    ms: number;
    reportsPerSecond: number;
  };
}

/** The compiled engine modules (loaded on first use: importing this file compiles nothing). */
let engine:
  | {
      readWorkbook: typeof ReadModule.readWorkbook;
      runChecks: typeof ChecksModule.runChecks;
      CHECKS: typeof ChecksModule.CHECKS;
      DEFAULT_CHECK_OPTIONS: typeof ChecksModule.DEFAULT_CHECK_OPTIONS;
      narrative: typeof NarrativeModule.narrative;
      renderReport: typeof RenderModule.renderReport;
    }
  | undefined;
function loadEngine(): NonNullable<typeof engine> {
  if (!engine) {
    const read = compiled<typeof ReadModule>("core/read");
    const checks = compiled<typeof ChecksModule>("core/checks");
    engine = {
      readWorkbook: read.readWorkbook,
      runChecks: checks.runChecks,
      CHECKS: checks.CHECKS,
      DEFAULT_CHECK_OPTIONS: checks.DEFAULT_CHECK_OPTIONS,
      narrative: compiled<typeof NarrativeModule>("core/narrative").narrative,
      renderReport: compiled<typeof RenderModule>("core/render").renderReport,
    };
  }
  return engine;
}

function readOne(wb: WorkbookGrid): Report {
  const { readWorkbook } = loadEngine();
  const r = readWorkbook(wb);
  if (!r.ok) throw new Error(`engine read failed: ${r.error.message.en}`);
  return r.report;
}

function pipeline(wb: WorkbookGrid): number {
  const { runChecks, renderReport } = loadEngine();
  const report = readOne(wb);
  const findings = runChecks(report);
  renderReport(report);
  return findings.length;
}

export async function benchEngine(opts: { reports: number; runs: number }): Promise<EngineResult> {
  const { runChecks, renderReport } = loadEngine();
  const prepared = Array.from({ length: opts.reports }, (_, i) => variedGrid(i));
  const books: WorkbookGrid[] = prepared.map((p) => ({ sheets: [p.grid] }));
  const planted = prepared.filter((p) => p.planted).length;
  const stage = { read: [] as number[], check: [] as number[], render: [] as number[], total: [] as number[] };
  let plantedFound = 0;
  const gc: number[] = [];
  for (let run = 0; run < opts.runs; run++) {
    const { gcMs } = await withGc(() => {
      const a = nowMs();
      const reports = books.map(readOne);
      const b = nowMs();
      const findings = reports.map((r) => runChecks(r));
      const c = nowMs();
      for (const r of reports) renderReport(r);
      const d = nowMs();
      stage.read.push(b - a);
      stage.check.push(c - b);
      stage.render.push(d - c);
      stage.total.push(d - a);
      plantedFound = findings.filter((f) => f.some((x) => x.rule === "s4-group-sum" && x.severity === "error")).length;
    });
    gc.push(gcMs);
  }
  if (plantedFound !== planted) throw new Error(`engine: planted errors found ${plantedFound} of ${planted}`);

  const singles: number[] = [];
  for (let run = 0; run < opts.runs; run++) {
    const one: WorkbookGrid = { sheets: [variedGrid(2_000_000 + run).grid] };
    const s = nowMs();
    pipeline(one);
    singles.push(nowMs() - s);
  }
  const breakdown = whereTimeGoes(books.slice(0, Math.min(200, books.length)));
  const text = { ...textTime(books.slice(0, Math.min(200, books.length)), opts.runs), field: await fieldTextTime() };
  const n = opts.reports;
  const perSecond = (ms: number): number => round((n / ms) * 1000, 0);
  const single = median(singles);
  return {
    build: compiledBuild().label,
    reportsPerSecond: perSecond(median(stage.total)),
    target: ENGINE_TARGET_PER_SECOND,
    batch: {
      reports: n,
      readPerSecond: perSecond(median(stage.read)),
      checkPerSecond: perSecond(median(stage.check)),
      renderPerSecond: perSecond(median(stage.render)),
      msPerReport: {
        read: round(median(stage.read) / n, 3),
        check: round(median(stage.check) / n, 3),
        render: round(median(stage.render) / n, 3),
        total: round(median(stage.total) / n, 3),
      },
      plantedFound,
      planted,
      gcMsPerReport: round(median(gc) / n, 3),
    },
    text,
    breakdown,
    single: { ms: round(single, 3), reportsPerSecond: round(1000 / single, 0) },
  };
}

export const TEXT_TARGET_MS = 2;
const REAL_TEXT = path.join(__dirname, "..", "test", "fixtures", "field", "pingtan-2019-text.txt");

/** The text checks alone over each report with its narrative and a real report's text attached: ms per report. */
function textTime(books: WorkbookGrid[], runs: number): Omit<EngineResult["text"], "field"> {
  const { CHECKS, DEFAULT_CHECK_OPTIONS, narrative } = loadEngine();
  const real = readFileSync(REAL_TEXT, "utf8").split("\n");
  const reports = books.map(readOne);
  let chars = 0;
  for (const r of reports) {
    const paragraphs = [...narrative(r).map((p) => p.text), ...real];
    r.prose = paragraphs.map((text, i) => ({ text, cell: { sheet: "报告正文", row: i, col: 0 } }));
    chars += paragraphs.reduce((a, p) => a + p.length, 0);
  }
  const textChecks = CHECKS.filter((c) => c.id.startsWith("text-") && c.id !== "text-number");
  const times: number[] = [];
  for (let run = 0; run < Math.max(3, runs); run++) {
    const t = nowMs();
    for (const report of reports) {
      const ctx = { report, options: { ...DEFAULT_CHECK_OPTIONS } };
      for (const c of textChecks) c.run(ctx);
    }
    times.push((nowMs() - t) / reports.length);
  }
  return { msPerReport: round(median(times), 3), target: TEXT_TARGET_MS, chars: Math.round(chars / reports.length) };
}

const FIELD = path.join(__dirname, "..", "test", "fixtures", "field");

/**
 * The text checks over the field corpus: the real reports' workbooks, whose paragraphs (column A above and
 * between the tables) are the report's own text. A fresh context per report and run: the texts are
 * analysed once per check run (shared by the seven text-* checks), so each run pays one analysis.
 */
async function fieldTextTime(): Promise<EngineResult["text"]["field"]> {
  const { CHECKS, DEFAULT_CHECK_OPTIONS } = loadEngine();
  const { readXlsx } = compiled<typeof XlsxModule>("cli/xlsx");
  const { proseSources } = compiled<typeof TextModule>("core/text");
  const files = readdirSync(FIELD)
    .filter((f) => f.endsWith(".xlsx"))
    .sort();
  const reports: Report[] = [];
  for (const f of files) reports.push(readOne(await readXlsx(path.join(FIELD, f))));
  const chars = reports.reduce((a, r) => a + proseSources(r).reduce((b, p) => b + p.text.length, 0), 0);
  const textChecks = CHECKS.filter((c) => c.id.startsWith("text-") && c.id !== "text-number");
  const runOnce = (): number => {
    let verdicts = 0;
    for (const report of reports) {
      const ctx = { report, options: { ...DEFAULT_CHECK_OPTIONS } };
      for (const c of textChecks) verdicts += c.run(ctx).length;
    }
    return verdicts;
  };
  const verdicts = runOnce(); // warm-up
  const times: number[] = [];
  const cpu: number[] = [];
  for (let run = 0; run < 30; run++) {
    const t = nowMs();
    const c = process.cpuUsage();
    runOnce();
    const used = process.cpuUsage(c);
    times.push((nowMs() - t) / reports.length);
    cpu.push((used.user + used.system) / 1000 / reports.length);
  }
  return {
    msPerReport: round(median(times), 3),
    cpuMsPerReport: round(median(cpu), 3),
    reports: reports.length,
    chars: Math.round(chars / reports.length),
    verdicts,
  };
}

/** Each check alone, and the narrative alone, over some reports: ms per report. */
function whereTimeGoes(books: WorkbookGrid[]): EngineResult["breakdown"] {
  const { CHECKS, DEFAULT_CHECK_OPTIONS, narrative } = loadEngine();
  const reports = books.map(readOne);
  const byCheck = new Map<string, number>();
  for (const report of reports) {
    const ctx = { report, options: { ...DEFAULT_CHECK_OPTIONS } };
    for (const c of CHECKS) {
      const t = nowMs();
      c.run(ctx);
      byCheck.set(c.id, (byCheck.get(c.id) ?? 0) + nowMs() - t);
    }
  }
  const t = nowMs();
  for (const r of reports) narrative(r);
  const narrativeMs = (nowMs() - t) / reports.length;
  const slowestChecks = [...byCheck]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 5)
    .map(([id, ms]) => ({ id, ms: round(ms / reports.length, 3) }));
  return { slowestChecks, narrativeMs: round(narrativeMs, 3) };
}
