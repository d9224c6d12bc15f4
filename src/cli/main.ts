/**
 * disclosure-report: check, template, generate and demo for the 政府信息公开工作年度报告 workbook.
 * Exit codes: 0 no error findings; 1 some finding is an error; 2 a file could not be read/written or a usage error.
 */
import * as path from "node:path";
import type ExcelJS from "exceljs";
import { excelJs } from "./exceljs";
import type { Lang } from "../core/checks/types";
import type { Report } from "../core/model/report";
import { fileProse } from "../core/text";
import { readReportParagraphs, ReportTextError } from "./report-text";
import { dueReportYear, fillProgress, progressText } from "../core/model/preparing";
import { priorFillMessage, priorFills } from "../core/model/prior-fill";
import { DEFAULT_ROUNDING, type RoundingOptions } from "../core/shares/types";
import { readWorkbook } from "../core/read";
import { runChecks } from "../core/checks";
import {
  DEFAULT_REPORT_SETTINGS,
  keptEditsLines,
  planRegeneration,
  regenerationProblem,
  renderReport,
  planToGrid,
  templatePlan,
  typeIntoPlan,
} from "../core/render";
import { documentPlan, paragraphsFromTextSheet } from "../core/document";
import { narrative } from "../core/narrative";
import { COMMANDS, helpText, type CommandName, parseCommand, UsageError, wantsEnglish, wantsHelp } from "./args";
import { expandInputs, exists, OutputExistsError, writeOutput } from "./files";
import { checkInWorkers, workerCount, type FolderTask } from "./folder";
import { summaryWorkbook } from "./summary-write";
import { priorPairs, rollCall, type SummaryEntry, unitList } from "../core/summary";
import {
  exitCodeOf,
  formatFileResult,
  formatSummary,
  progressLine,
  summaryCounts,
  toJson,
  type FileResult,
} from "./output";
import {
  applyPlan,
  loadXlsx,
  parseXlsx,
  protectedSheets,
  readXlsx,
  readXlsxBytes,
  workbookToGrid,
  XlsxReadError,
} from "./xlsx";
import { writeReport } from "./report-write";
import { structureLocked } from "./package";
import { buildSeedPlan, parseSeedReport, SEED_FILE, type SeedReport } from "./demo";
import {
  checkFile,
  checkFileReports,
  checkOptions,
  markExternal,
  preparingProgress,
  readPriorReport,
  readReport,
  ReportError,
  reportFromGrid,
  type CheckSettings,
} from "./check-file";

export { checkFile, checkFileReports, readPriorReport, type CheckSettings };

/** A folder check of this many files or more says how far it is on stderr even when stderr is not a terminal. */
const PLAIN_PROGRESS_FROM = 20;

export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** Draw a progress bar on stderr (only when it is a terminal). */
  errIsTTY: boolean;
}

export const processIo: Io = {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
  errIsTTY: Boolean(process.stderr.isTTY),
};

/** A path as the user reads it: relative to the working directory when inside it. */
function shown(p: string): string {
  const rel = path.relative(process.cwd(), p);
  return rel && !rel.startsWith("..") && !path.isAbsolute(rel) ? rel : p;
}

/** The package root, from src/cli or lib/cli. */
export const PACKAGE_ROOT = path.resolve(__dirname, "..", "..");

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const [command, ...rest] = argv;
  const wantsEn = wantsEnglish(rest);
  try {
    switch (command) {
      case undefined:
      case "help":
      case "--help":
      case "-h":
        io.out(helpText());
        return command === undefined ? 2 : 0;
      case "check":
        return await checkCommand(rest, io);
      case "template":
        return await templateCommand(rest, io);
      case "generate":
        return await generateCommand(rest, io);
      case "demo":
        return await demoCommand(rest, io);
      case "summary":
        return await summaryCommand(rest, io);
      default:
        throw new UsageError(`未知命令 ${command}`, `unknown command ${command}`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`${wantsEn ? e.en : `${e.zh}（${e.en}）`}\n用法见 / see: disclosure-report --help\n`);
      return 2;
    }
    if (e instanceof XlsxReadError || e instanceof WriteError) {
      io.err(`${e.file}：${wantsEn ? e.reason.en : e.reason.zh}\n`);
      return 2;
    }
    const err = e as NodeJS.ErrnoException;
    io.err(`内部错误 Internal error: ${err.message ?? String(e)}\n`);
    if (process.env.DISCLOSURE_REPORT_DEBUG) io.err(`${err.stack ?? ""}\n`);
    return 2;
  }
}

function showsHelp(command: CommandName, args: string[], io: Io): boolean {
  if (!wantsHelp(args)) return false;
  io.out(helpText(command));
  return true;
}

async function checkCommand(args: string[], io: Io): Promise<number> {
  if (showsHelp("check", args, io)) return 0;
  const { positional, options } = parseCommand(args, COMMANDS.check);
  const lang: Lang = options.lang ?? "zh";
  const settings: CheckSettings = { decimals: options.decimals, rounding: options.rounding, year: options.year };
  if (options.sheet !== undefined) settings.sheet = options.sheet;
  if (positional.length === 0) throw new UsageError("请给出要核对的文件", "give at least one file to check");
  const json = options.json === true;
  let exit = 0;
  if (typeof options.prior === "string") {
    const priorPath = path.resolve(options.prior);
    if (positional.some((p) => path.resolve(p) === priorPath)) {
      throw new UsageError(
        `上年报告 ${options.prior} 就是要核对的文件本身，不能作为上年报告`,
        `${options.prior} is the file being checked; it cannot be its own last year's report`,
      );
    }
    try {
      // The prior report's own sheet is found by the reader; --sheet names this year's sheet only.
      const prior = await readReport(options.prior, { year: settings.year ? settings.year - 1 : undefined });
      markExternal(prior, path.basename(options.prior));
      settings.prior = prior;
    } catch (e) {
      if (!(e instanceof ReportError || e instanceof XlsxReadError)) throw e;
      exit = 2;
      io.err(
        lang === "zh"
          ? `上年报告 ${options.prior} 无法读取，跳过跨年核对：${e.reason.zh}\n`
          : `last year's report ${options.prior} cannot be read; cross-year checks skipped: ${e.reason.en}\n`,
      );
    }
  }
  if (typeof options.text === "string") {
    try {
      settings.prose = fileProse(path.basename(options.text), await readReportParagraphs(options.text));
    } catch (e) {
      if (!(e instanceof ReportTextError)) throw e;
      throw new UsageError(`--text ${options.text}：${e.reason.zh}`, `--text ${options.text}: ${e.reason.en}`);
    }
  }
  const expanded = await expandInputs(positional, options.recursive === true);
  // Office lock files ("~$…") are not checked: a note on stderr, outside the results, the summary and the exit code.
  for (const x of expanded) if ("skipped" in x) io.err(`${x.file}：${lang === "zh" ? x.skipped.zh : x.skipped.en}\n`);
  const inputs = expanded.filter((x) => !("skipped" in x));
  const jsonl = options.jsonl === true;
  // --jsonl prints each report as it is done and keeps nothing: memory stays flat however many files there are.
  const results: FileResult[] = [];
  const counts = { done: 0, errors: 0, unreadable: 0, doubts: 0 };
  const started = Date.now();
  const total = inputs.length;
  const tty = io.errIsTTY && total > 1;
  // Piped (a log, a CI job), a long run still says how far it is: a plain line every few seconds, and the count.
  const plainProgress = !io.errIsTTY && total >= PLAIN_PROGRESS_FROM;
  let lastProgress = 0;
  const showProgress = (file: string): void => {
    const now = Date.now();
    if (tty && (now - lastProgress >= 100 || counts.done === total)) {
      lastProgress = now;
      io.err(progressLine(counts.done, total, file));
    } else if (plainProgress && now - lastProgress >= 2000) {
      lastProgress = now;
      io.err(lang === "zh" ? `已核对 ${counts.done}/${total} 个文件…\n` : `checked ${counts.done}/${total} files…\n`);
    }
  };
  // One file gives one result per report sheet (or one result saying it could not be read).
  const take = (fileResults: FileResult[]): void => {
    counts.done++;
    if (fileResults.some((r) => r.error)) counts.unreadable++;
    else if (fileResults.some((r) => r.findings.some((f) => f.severity === "error"))) counts.errors++;
    counts.doubts += fileResults.filter((r) => r.findings.some((f) => f.rule === "reading-doubt")).length;
    for (const result of fileResults) {
      exit = Math.max(exit, exitCodeOf(result));
      if (jsonl) io.out(JSON.stringify(toJson([result], lang).files[0]) + "\n");
      else {
        results.push(result);
        if (!json) io.out(formatFileResult(result, lang) + (total > 1 || fileResults.length > 1 ? "\n" : ""));
      }
    }
    showProgress(fileResults[0]?.file ?? "");
  };
  const workers = workerCount(total);
  if (workers > 0) {
    const files = inputs.map((x) => x.file);
    const early = new Map<number, FileResult[]>();
    inputs.forEach((x, i) => {
      if ("error" in x)
        early.set(i, [{ file: x.file, sheet: null, year: null, format: null, findings: [], error: x.error }]);
    });
    const todo = files.flatMap((_, i) => (early.has(i) ? [] : [i]));
    let k = 0;
    await checkInWorkers(
      todo.map((i) => files[i]!),
      settings,
      workers,
      (j, fileResults) => {
        const i = todo[j]!;
        while (k < i) {
          if (early.has(k)) take(early.get(k)!);
          k++;
        }
        take(fileResults);
        k = i + 1;
      },
    );
    for (; k < total; k++) if (early.has(k)) take(early.get(k)!);
  } else {
    // Read ahead: the next file's bytes come off the disk while this one is parsed and checked, so that a
    // folder check does not wait for the disk between files. Its errors are the reader's, reported in turn.
    const bytesOf = (i: number): Promise<Buffer> | undefined => {
      const x = inputs[i];
      if (!x || "error" in x) return undefined;
      const p = readXlsxBytes(x.file);
      p.catch(() => undefined); // awaited (and reported) when its turn comes, not an unhandled rejection now
      return p;
    };
    let next = bytesOf(0);
    for (const [i, input] of inputs.entries()) {
      if (tty) io.err(progressLine(i, total, input.file));
      const bytes = next;
      next = bytesOf(i + 1);
      take(
        "error" in input
          ? [{ file: input.file, sheet: null, year: null, format: null, findings: [], error: input.error }]
          : await checkFileReports(input.file, settings, bytes),
      );
    }
  }
  if (tty) io.err(progressLine(total, total, "") + "\n");
  if (tty || plainProgress) {
    const secs = ((Date.now() - started) / 1000).toFixed(1);
    io.err(
      lang === "zh"
        ? `共核对 ${counts.done} 个文件，用时 ${secs} 秒：${counts.errors} 个有错误，${counts.unreadable} 个无法核对，${counts.doubts} 份报告读取存疑\n`
        : `checked ${counts.done} files in ${secs} s: ${counts.errors} with errors, ${counts.unreadable} unreadable, ${counts.doubts} report(s) with a reading doubt\n`,
    );
  } else if (counts.doubts > 0)
    // (a short run prints no count line; a reading doubt is still said once, on its own line)
    io.err(
      lang === "zh"
        ? `读取存疑 ${counts.doubts} 份报告（表格可能读错，请对照原文件核对；不计为单位的错误）\n`
        : `${counts.doubts} report(s) with a reading doubt (a table may be misread: check it against the file; not counted as the unit's error)\n`,
    );
  if (json) io.out(JSON.stringify(toJson(results, lang), null, 2) + "\n");
  else if (!jsonl && results.length > 1) io.out(formatSummary(results, lang));
  if (process.env.DISCLOSURE_REPORT_USAGE) {
    // For the benchmark: this process's CPU time and peak memory (worker threads included).
    const u = process.resourceUsage();
    io.err(`usage cpu=${((u.userCPUTime + u.systemCPUTime) / 1e6).toFixed(2)} maxrss=${u.maxRSS}\n`);
  }
  return exit;
}

/**
 * The list of units a supervisor expects reports from: a text file (one unit a line, UTF-8 or GB18030), or the
 * first column of a .csv or of an .xlsx workbook's first sheet.
 */
export async function readUnitList(file: string): Promise<string[]> {
  const { promises: fs } = await import("node:fs");
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(file);
  } catch {
    throw new UsageError(`单位名单 ${file} 无法读取`, `the list of units ${file} cannot be read`);
  }
  let lines: string[];
  if (/\.xlsx$/i.test(file) || bytes.subarray(0, 4).toString("latin1") === "PK\u0003\u0004") {
    try {
      const grid = await readXlsx(file, Promise.resolve(bytes));
      lines = (grid.sheets[0]?.values ?? []).map((r) => {
        const v = r[0];
        return v === null || v === undefined || typeof v === "object" ? "" : String(v);
      });
    } catch (e) {
      if (!(e instanceof XlsxReadError)) throw e;
      throw new UsageError(`单位名单 ${file}：${e.reason.zh}`, `the list of units ${file}: ${e.reason.en}`);
    }
  } else {
    let text = new TextDecoder("utf-8").decode(bytes);
    if (text.includes("\uFFFD")) text = new TextDecoder("gb18030").decode(bytes);
    lines = text.split(/\r?\n|\r/);
    if (/\.csv$/i.test(file)) lines = lines.map((l) => (l.split(",")[0] ?? "").replace(/^"(.*)"$/, "$1"));
  }
  const units = unitList(lines);
  if (units.length === 0)
    throw new UsageError(`单位名单 ${file} 中没有单位`, `the list of units ${file} names no unit`);
  return units;
}

/**
 * Checks each task (a file, or one sheet of a file with last year's report of its unit) on all cores; calls
 * onResult(i, results) in task order.
 */
async function checkTasks(
  tasks: FolderTask[],
  settings: CheckSettings,
  onResult: (i: number, results: FileResult[]) => void,
): Promise<void> {
  const workers = workerCount(tasks.length);
  if (workers > 0) return checkInWorkers(tasks, settings, workers, onResult);
  for (const [i, t] of tasks.entries()) {
    const s: CheckSettings = { ...settings };
    if (t.sheet !== undefined) s.sheet = t.sheet;
    try {
      if (t.prior) s.prior = await readPriorReport(t.prior.file, t.prior.sheet);
    } catch (e) {
      if (!(e instanceof ReportError || e instanceof XlsxReadError)) throw e;
    }
    onResult(i, await checkFileReports(t.file, s));
  }
}

/**
 * Progress on stderr for a run over many files: a bar on a terminal; piped (a log, a CI job), a plain line every
 * two seconds once the run is long. `what` says what is counted ("已核对 12/40 个文件…").
 */
function runProgress(
  io: Io,
  total: number,
  what: { zh: string; en: string; unit: { zh: string; en: string } },
  lang: Lang,
): { tick: (done: number, file: string) => void; end: () => void; shown: boolean } {
  const tty = io.errIsTTY && total > 1;
  const plain = !io.errIsTTY && total >= PLAIN_PROGRESS_FROM;
  let last = 0;
  return {
    shown: tty || plain,
    tick(done, file) {
      const now = Date.now();
      if (tty && (now - last >= 100 || done === total)) {
        last = now;
        io.err(progressLine(done, total, file));
      } else if (plain && now - last >= 2000) {
        last = now;
        io.err(
          lang === "zh"
            ? `${what.zh} ${done}/${total} ${what.unit.zh}…\n`
            : `${what.en} ${done}/${total} ${what.unit.en}…\n`,
        );
      }
    },
    end() {
      if (tty) io.err(progressLine(total, total, "") + "\n");
    },
  };
}

/**
 * summary DIR... -o 汇总.xlsx: every report in the folder(s) checked (each unit's previous year, when it is in the
 * folder too, for the cross-year checks), and one workbook for the supervising office: 总览, 问题清单, 汇总表, 数据.
 */
async function summaryCommand(args: string[], io: Io): Promise<number> {
  if (showsHelp("summary", args, io)) return 0;
  const { positional, options } = parseCommand(args, COMMANDS.summary);
  const lang: Lang = options.lang ?? "zh";
  const out = options.out;
  if (positional.length === 0)
    throw new UsageError("请给出要汇总的文件夹或文件", "give the folder(s) or files to summarise");
  if (!out)
    throw new UsageError("请用 -o 指定汇总工作簿（.xlsx）", "give the summary workbook to write with -o (.xlsx)");
  if (!/\.xlsx$/i.test(out))
    throw new UsageError("汇总工作簿须为 .xlsx 文件", "the summary workbook must be an .xlsx file");
  const force = options.force === true;
  await refuseExisting(out, force);
  await checkOutputPlace(out);
  // The list of units is read first: a list that cannot be read stops the run before any work.
  const expected = typeof options.units === "string" ? await readUnitList(options.units) : undefined;
  const started = Date.now();
  const settings: CheckSettings = { figures: true, decimals: options.decimals, rounding: options.rounding };
  const expanded = await expandInputs(positional, options.recursive === true);
  for (const x of expanded) if ("skipped" in x) io.err(`${x.file}：${lang === "zh" ? x.skipped.zh : x.skipped.en}\n`);
  const outAbs = path.resolve(out);
  const inputs = expanded.filter((x) => !("skipped" in x) && path.resolve(x.file) !== outAbs);
  // Nothing to read (an empty folder, names that do not exist): said as check says it, and no workbook is written.
  if (inputs.every((x) => "error" in x)) {
    for (const x of inputs)
      if ("error" in x) io.err(`${x.file}：${lang === "zh" ? x.error.message.zh : x.error.message.en}\n`);
    io.err(
      lang === "zh" ? "没有可汇总的年报文件，未写出汇总工作簿\n" : "no report file to summarise; nothing written\n",
    );
    return 2;
  }
  // Pass 1: every report of every file.
  const perFile: FileResult[][] = inputs.map((x) =>
    "error" in x ? [{ file: x.file, sheet: null, year: null, format: null, findings: [], error: x.error }] : [],
  );
  const todo = inputs.flatMap((x, i) => ("error" in x ? [] : [i]));
  const files = { zh: "已核对", en: "checked", unit: { zh: "个文件", en: "files" } };
  const p1 = runProgress(io, todo.length, files, lang);
  let done1 = 0;
  await checkTasks(
    todo.map((i) => ({ file: inputs[i]!.file })),
    settings,
    (j, results) => {
      perFile[todo[j]!] = results;
      p1.tick(++done1, inputs[todo[j]!]!.file);
    },
  );
  p1.end();
  const entries: FileResult[] = perFile.flat();
  // Pass 2: a unit whose previous year's report is in the folder too is checked again with it (cross-year checks).
  const pairs = [
    ...priorPairs(
      entries.map((e) => ({
        unit: e.unit ?? null,
        year: e.year,
        error: e.error,
        form: e.form,
        doubt: e.findings.some((f) => f.rule === "reading-doubt"),
      })),
    ),
  ];
  const p2 = runProgress(
    io,
    pairs.length,
    { zh: "已与上年报告核对", en: "checked against last year", unit: { zh: "份报告", en: "reports" } },
    lang,
  );
  let done2 = 0;
  await checkTasks(
    pairs.map(([i, j]) => {
      const t: FolderTask = { file: entries[i]!.file, prior: { file: entries[j]!.file, sheet: entries[j]!.sheet } };
      if (entries[i]!.sheet !== null) t.sheet = entries[i]!.sheet!;
      return t;
    }),
    settings,
    (k, results) => {
      const [i, j] = pairs[k]!;
      const again = results.find((r) => r.sheet === entries[i]!.sheet && !r.error);
      if (again) entries[i] = { ...again, priorFrom: { file: entries[j]!.file, sheet: entries[j]!.sheet } };
      p2.tick(++done2, entries[i]!.file);
    },
  );
  p2.end();
  const root = positional.length === 1 ? positional[0]! : ".";
  const summaryEntries: SummaryEntry[] = entries.map((e) => ({ ...e, unit: e.unit ?? null }));
  const roll = expected ? rollCall(expected, summaryEntries) : undefined;
  const book = summaryWorkbook(summaryEntries, root, roll);
  await writeWorkbook(book.workbook, out, !force);
  const n = entries.length;
  const included = book.inclusion.why.filter((w) => w === undefined).length;
  const unreadable = entries.filter((e) => e.error).length;
  const withErrors = entries.filter((e) => !e.error && e.findings.some((f) => f.severity === "error")).length;
  const doubts = entries.filter((e) => e.findings.some((f) => f.rule === "reading-doubt")).length;
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  const offList = roll?.onList.filter((x) => x === false).length ?? 0;
  const unknownUnit = roll?.onList.filter((x) => x === null).length ?? 0;
  if (p1.shown || p2.shown)
    io.err(
      lang === "zh"
        ? `共核对 ${inputs.length} 个文件、${n} 份报告，用时 ${secs} 秒：${withErrors} 份有错误，${doubts} 份读取存疑，${unreadable} 份无法读取\n`
        : `checked ${inputs.length} file(s), ${n} report(s) in ${secs} s: ${withErrors} with errors, ${doubts} with reading doubts, ${unreadable} unreadable\n`,
    );
  io.out(
    lang === "zh"
      ? `已写入汇总工作簿 ${shown(out)}：${inputs.length} 个文件中共 ${n} 份报告，用时 ${secs} 秒\n` +
          `纳入 ${book.inclusion.year ?? ""} 年度汇总 ${included} 份；有错误 ${withErrors} 份，读取存疑 ${doubts} 份，无法读取 ${unreadable} 份；` +
          `与上年报告核对 ${pairs.length} 份\n` +
          (roll
            ? `单位名单 ${expected!.length} 个：未收到 ${roll.missing.length} 个${roll.missing.length ? `（${roll.missing.join("、")}）` : ""}；` +
              `名单外报告 ${offList} 份${unknownUnit ? `，单位不明 ${unknownUnit} 份` : ""}\n`
            : "")
      : `Wrote the summary workbook ${shown(out)}: ${n} report(s) in ${inputs.length} file(s), ${secs} s\n` +
          `${included} summed for ${book.inclusion.year ?? ""}; ${withErrors} with errors, ${doubts} with reading doubts, ` +
          `${unreadable} unreadable; ${pairs.length} checked against last year's report\n` +
          (roll
            ? `${expected!.length} units on the list: ${roll.missing.length} sent nothing${roll.missing.length ? ` (${roll.missing.join(", ")})` : ""}; ` +
              `${offList} reports from units not on the list${unknownUnit ? `, ${unknownUnit} of unknown unit` : ""}\n`
            : ""),
  );
  // As check: 2 when a file could not be read, else 1 when a report has an error, else 0 (the workbook is written).
  return entries.reduce((worst, e) => Math.max(worst, exitCodeOf(e)), 0);
}

async function refuseExisting(out: string, force: boolean): Promise<void> {
  if (!force && (await exists(out))) {
    throw new UsageError(`${out} 已存在；如要覆盖请加 --force`, `${out} already exists; add --force to overwrite it`);
  }
}

/** An output the CLI cannot write: said plainly (exit 2), never an internal error. */
export class WriteError extends Error {
  constructor(
    readonly file: string,
    readonly reason: { zh: string; en: string },
  ) {
    super(`${file}: ${reason.en}`);
  }
}

/** Whether OUT can be written where it is: its folder exists and is a folder, and OUT is not a folder. */
async function checkOutputPlace(out: string): Promise<void> {
  const dir = path.dirname(path.resolve(out));
  if (!(await exists(dir))) {
    throw new UsageError(`输出目录 ${dir} 不存在`, `output directory ${dir} does not exist`);
  }
  const { promises: fs } = await import("node:fs");
  if (!(await fs.stat(dir)).isDirectory()) {
    throw new WriteError(out, { zh: `${dir} 不是文件夹，无法在其中写入`, en: `${dir} is not a directory` });
  }
  if ((await fs.stat(out).catch(() => null))?.isDirectory()) {
    throw new WriteError(out, {
      zh: "这是一个文件夹，不能作为输出文件",
      en: "this is a directory, not a file to write",
    });
  }
}

/** Writes DATA to OUT atomically; `exclusive` (no --force): never over a file that exists or appears. */
async function writeBytes(out: string, data: Uint8Array, exclusive: boolean): Promise<void> {
  await checkOutputPlace(out);
  try {
    await writeOutput(out, data, { exclusive });
  } catch (e) {
    if (e instanceof OutputExistsError) {
      throw new WriteError(out, {
        zh: "输出文件在写入期间已被其他程序创建，未覆盖（如要覆盖请加 --force）；本次未写入任何内容",
        en: "the output file was created by another program while we were writing; it was not overwritten (add --force to overwrite); nothing was written",
      });
    }
    const code = (e as NodeJS.ErrnoException).code ?? String(e);
    throw new WriteError(out, {
      zh: `无法写入文件（${code}），未写入任何内容`,
      en: `cannot write the file (${code}); nothing was written`,
    });
  }
}

/** Writes an ExcelJS workbook atomically; `exclusive` (no --force): never over a file that exists or appears. */
async function writeWorkbook(wb: ExcelJS.Workbook, out: string, exclusive = false): Promise<void> {
  const buf = await wb.xlsx.writeBuffer();
  await writeBytes(out, new Uint8Array(buf as ArrayBuffer), exclusive);
}

async function templateCommand(args: string[], io: Io): Promise<number> {
  if (showsHelp("template", args, io)) return 0;
  const { options } = parseCommand(args, COMMANDS.template);
  const out = options.out;
  if (out === undefined) throw new UsageError("请用 -o 指定输出文件", "give the output file with -o");
  await refuseExisting(out, options.force === true);
  const opts: { year?: number; unit?: string } = {};
  // Without --year: the year whose report is due (December: this year; otherwise last year), as the pane does.
  opts.year = options.year ?? dueReportYear(new Date());
  if (options.unit !== undefined) opts.unit = options.unit;
  const plan = templatePlan(opts);
  const lines: string[] = [];
  if (typeof options.prior === "string") {
    // Last year's workbook: its figures go into this year's 上年 cells, found by reading the template itself.
    const last = await readReport(options.prior, {});
    if (opts.unit === undefined && last.meta.body) {
      opts.unit = last.meta.body.text;
      Object.assign(plan, templatePlan(opts));
    }
    const read = readWorkbook({ sheets: [planToGrid(plan)] });
    if (!read.ok) throw new Error("the template does not read back");
    const p = priorFills(read.report, last);
    typeIntoPlan(plan, p.fills);
    const said = priorFillMessage(
      { filled: p.fills.map((f) => f.cell), kept: p.kept, missing: p.missing },
      last,
      opts.year,
      options.prior,
    );
    for (const l of said.lines) lines.push(l.zh);
  }
  const wb = new (excelJs().Workbook)();
  applyPlan(wb, plan);
  await writeWorkbook(wb, out, options.force !== true);
  io.out(`已写入模板 Template written: ${out}\n`);
  for (const l of lines) io.out(`${l}\n`);
  return 0;
}

async function generateCommand(args: string[], io: Io): Promise<number> {
  if (showsHelp("generate", args, io)) return 0;
  const { positional, options } = parseCommand(args, COMMANDS.generate);
  const lang: Lang = options.lang ?? "zh";
  if (positional.length !== 1) throw new UsageError("请给出一个输入文件", "give exactly one input file");
  const file = positional[0]!;
  const inPlace = options["in-place"] === true;
  let out = options.out;
  const docx = options.docx;
  if (docx !== undefined) {
    if (!/\.docx$/i.test(docx))
      throw new UsageError("--docx 的文件名应以 .docx 结尾", "the --docx file name must end in .docx");
    if ([file, out].some((f) => f !== undefined && path.resolve(f) === path.resolve(docx)))
      throw new UsageError("--docx 与输入或输出文件相同", "--docx names the input or output file");
    await refuseExisting(docx, options.force === true);
  }
  if (inPlace) {
    if (out !== undefined && path.resolve(out) !== path.resolve(file)) {
      throw new UsageError("--in-place 与 -o 不能同时指定不同文件", "--in-place and -o name different files");
    }
    out = file;
  } else if (out !== undefined || docx === undefined) {
    if (out === undefined)
      throw new UsageError(
        "请用 -o 指定输出文件（或用 --docx 只生成 Word 文档）",
        "give the output file with -o (or --docx for the Word document only)",
      );
    if (path.resolve(out) === path.resolve(file)) {
      throw new UsageError(
        "输出文件与输入文件相同；如要修改原文件请用 --in-place",
        "OUT is FILE; use --in-place to modify it",
      );
    }
    await refuseExisting(out, options.force === true);
  }
  if (out !== undefined) await checkOutputPlace(out);
  if (docx !== undefined) await checkOutputPlace(docx);
  const rounding = { decimals: options.decimals, rounding: options.rounding };
  const settings: CheckSettings = { ...rounding };
  if (options.sheet !== undefined) settings.sheet = options.sheet;
  const bytes = await readXlsxBytes(file);
  const wb = await parseXlsx(bytes, file);
  if (out !== undefined && (await structureLocked(bytes))) {
    // The user's lock is never bypassed: the report sheets would be added to a workbook that forbids new sheets.
    io.err(
      lang === "zh"
        ? `${file}：工作簿结构受保护（不能新建、显示或隐藏工作表），无法加入报告工作表，未写入任何内容。请在 Excel 中用“审阅 > 保护工作簿”取消保护（设有密码的需输入密码）并保存，然后再生成；只生成 Word 文档可用 --docx。\n`
        : `${file}: the workbook's structure is protected (no worksheet can be added, shown or hidden), so the report sheets cannot be added; nothing was written. Unprotect it in Excel (Review > Protect Workbook; enter the password if it has one), save, and generate again; for the Word document alone, use --docx.\n`,
    );
    return 2;
  }
  const grid = workbookToGrid(wb, file);
  let report: Report;
  try {
    report = reportFromGrid(grid, settings);
  } catch (e) {
    if (!(e instanceof ReportError)) throw e;
    io.err(lang === "zh" ? `${file}：${e.reason.zh}\n` : `${file}: ${e.reason.en}\n`);
    return 2;
  }
  const findings = runChecks(report, checkOptions(settings));
  const result: FileResult = {
    file,
    sheet: report.sheet,
    year: report.meta.year?.value ?? null,
    format: report.format,
    findings,
    ...preparingProgress(report),
  };
  io.out(formatFileResult(result, lang));
  if (findings.some((f) => f.rule === "uncached-formula")) {
    // Excel will show those figures computed: a text written without them would disagree with its own tables.
    io.err(
      lang === "zh"
        ? `${file}：有公式没有计算结果，未生成报告（正文将与表格不一致）。请在 Excel 中打开并保存一次，以便计算公式结果，然后再生成。\n`
        : `${file}: some formulas hold no calculated result; nothing was generated (the text would disagree with the tables). Open and save the file once in Excel so that the formulas are calculated, then generate again.\n`,
    );
    return 2;
  }
  const roundingOptions: RoundingOptions = {
    decimals: rounding.decimals ?? DEFAULT_ROUNDING.decimals,
    rounding: rounding.rounding ?? DEFAULT_ROUNDING.rounding,
    largestRemainder: options["largest-remainder"] === true,
  };
  const paragraphs = narrative(report, { rounding: roundingOptions });
  const plan = renderReport(report, { rounding: roundingOptions }, paragraphs);
  // The one regeneration policy (core/render/regenerate): the pane applies it too.
  const decision = planRegeneration(plan, grid, {
    dataSheet: report.sheet,
    textSheet: DEFAULT_REPORT_SETTINGS.textSheet,
    replaceUsersSheets: options.force === true,
    protectedSheets: protectedSheets(wb),
  });
  if (decision.action !== "write") {
    const why = regenerationProblem(decision);
    const todo =
      decision.action === "ask"
        ? {
            zh: "请将其改名，或加 --force 替换后再试。",
            en: " Rename them, or add --force to replace them, and try again.",
          }
        : decision.reason === "data-sheet"
          ? { zh: "请将其改名后再试。", en: " Rename it and try again." }
          : { zh: "", en: "" };
    io.err(
      lang === "zh"
        ? `${file}：${why.zh}；为免覆盖，未生成。${todo.zh}\n`
        : `${file}: ${why.en}; nothing was generated, to avoid overwriting them.${todo.en}\n`,
    );
    return 2;
  }
  if (docx !== undefined) {
    // The document takes the text as the workbook keeps it (the user's edits included) and its tables.
    const textSheet = plan.sheets.find((x) => x.name === DEFAULT_REPORT_SETTINGS.textSheet);
    const doc = documentPlan(
      report,
      { rounding: roundingOptions },
      { workbook: plan, paragraphs: paragraphsFromTextSheet(textSheet, paragraphs) },
    );
    // The Word writer is loaded only when a Word document is asked for.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { writeDocx } = require("../docx/write") as typeof import("../docx/write");
    await writeBytes(docx, await writeDocx(doc), options.force !== true);
    io.out(lang === "zh" ? `已生成 Word 文档 ${docx}\n` : `Written the Word document ${docx}\n`);
  }
  if (out === undefined) return exitCodeOf(result);
  const written = await writeReport({ file, bytes, out, inPlace, force: options.force === true, plan, grid, report });
  if (!written.ok) {
    io.err(lang === "zh" ? `${written.file}：${written.reason.zh}\n` : `${written.file}: ${written.reason.en}\n`);
    return 2;
  }
  if (written.uncarried.length > 0) {
    const list = written.uncarried.map((u) => `  ${u.part}：${lang === "zh" ? u.why.zh : u.why.en}`).join("\n");
    io.out(
      lang === "zh"
        ? `原工作簿中有以下部分无法在加入报告工作表后原样保留，因此报告写入了一个新工作簿（数据表“${report.sheet}”按数值复制，并注明来源），原文件未改动：\n${list}\n`
        : `These parts of the workbook could not be kept as they were with the report sheets added, so the report went into a new workbook (the counts sheet ${report.sheet} copied as values, with a note on its source); the input is untouched:\n${list}\n`,
    );
  }
  for (const line of keptEditsLines(decision.kept, lang)) io.out(`${line}\n`);
  const blanks = fillProgress(report);
  if (blanks.filled < blanks.total) {
    const n = blanks.total - blanks.filled;
    io.out(
      lang === "zh"
        ? `表中 ${n} 项未填写，生成的表格和正文按0计（${progressText(blanks, "zh")}）。\n`
        : `${n} figure(s) not filled in were counted as 0 in the generated tables and text (${progressText(blanks, "en")}).\n`,
    );
  }
  const sheets = plan.sheets.map((s) => s.name).join(lang === "zh" ? "、" : ", ");
  io.out(
    lang === "zh"
      ? `已生成 ${out}（工作表：${sheets}）${inPlace ? "，已修改原文件" : "，原文件未改动"}\n`
      : `Written ${out} (sheets: ${sheets})${inPlace ? "; the input was modified" : "; the input is untouched"}\n`,
  );
  return exitCodeOf(result);
}

/** Where `demo` writes without -o: a folder of the working directory, so that the committed examples stay as they are. */
export const DEMO_DIR = "demo-output";

export interface DemoFiles {
  seedPath: string;
  seed: SeedReport;
  /** The counts sheet parsed from the seed text. */
  input: string;
  result: FileResult;
  /** The generated report workbook (absent when the counts sheet could not be read). */
  generated?: string;
  sheets: string[];
}

/**
 * Builds the 2018 example in DIR: the counts sheet parsed from the real report text (suining-2018.xlsx), checked,
 * and the generated report workbook (suining-2018-report.xlsx). `demo` and scripts/make-examples.ts share it.
 */
export async function writeDemo(dir: string): Promise<DemoFiles> {
  const { promises: fs } = await import("node:fs");
  await fs.mkdir(dir, { recursive: true });
  const seedPath = path.join(PACKAGE_ROOT, SEED_FILE);
  const seed = parseSeedReport(await fs.readFile(seedPath, "utf8"));
  const input = path.join(dir, "suining-2018.xlsx");
  const wb = new (excelJs().Workbook)();
  applyPlan(wb, buildSeedPlan(seed));
  await writeWorkbook(wb, input);
  const { result, report } = await checkFile(input, {});
  if (!report) return { seedPath, seed, input, result, sheets: [] };
  const outWb = await loadXlsx(input);
  const plan = renderReport(report, { rounding: DEFAULT_ROUNDING });
  applyPlan(outWb, plan);
  const generated = path.join(dir, "suining-2018-report.xlsx");
  await writeWorkbook(outWb, generated);
  return { seedPath, seed, input, result, generated, sheets: plan.sheets.map((s) => s.name) };
}

async function demoCommand(args: string[], io: Io): Promise<number> {
  if (showsHelp("demo", args, io)) return 0;
  const { options } = parseCommand(args, COMMANDS.demo);
  const lang: Lang = options.lang ?? "zh";
  const dir = options.out ?? path.resolve(DEMO_DIR);
  const { seedPath, seed, input, result, generated, sheets } = await writeDemo(dir);
  io.out(
    lang === "zh"
      ? `据 ${shown(seedPath)}（${seed.year}年${seed.body}年报原文）写出示例数据表：${shown(input)}\n\n`
      : `Example counts sheet built from ${shown(seedPath)} (the real ${seed.year} report of ${seed.body}): ${shown(input)}\n\n`,
  );
  result.file = shown(input);
  io.out(formatFileResult(result, lang));
  if (!generated) return exitCodeOf(result);
  io.out(
    lang === "zh"
      ? `\n已生成报告工作簿：${shown(generated)}（工作表：${sheets.join("、")}）\n核对结论：${summaryCounts(result.findings, lang)}\n`
      : `\nGenerated report workbook: ${shown(generated)} (sheets: ${sheets.join(", ")})\nResult: ${summaryCounts(result.findings, lang)}\n`,
  );
  // The demo shows findings; it succeeded when it could read and generate (exit 0), unlike `check`.
  return 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`内部错误 Internal error: ${String(e)}\n`);
      process.exitCode = 2;
    },
  );
}
