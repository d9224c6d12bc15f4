/**
 * The task pane's state machine. It knows the engine and a host (Office.js in Excel, a fake in
 * tests) only through the interfaces below, so it runs in Node without a DOM or Office.
 *
 * One user action = one host read (one Excel sync) + engine work + at most one host write.
 */
import { dueReportYear, fillProgress } from "../core/model/preparing";
import { priorFillMessage, type PriorPlan } from "../core/model/prior-fill";
import { cellAddress, rangesText, type CellRef, type SheetGrid, type WorkbookGrid } from "../core/grid";
import type { Finding, CheckOptions, Severity } from "../core/checks/types";
import { localizeValue } from "../core/checks/values";
import type { Report } from "../core/model/report";
import type { ReadFailure, ReadResult } from "../core/read";
import type { SheetPlan, WorkbookPlan } from "../core/render/plan";
import { keptEditsLines, planRegeneration, regenerationProblem } from "../core/render/regenerate";
import type { DocumentPlan } from "../core/document/plan";
import type { Paragraph } from "../core/narrative";
import { detectEditedCells, readGenerationRecord } from "../core/render/record";
import { RECORD_SHEET, type ReportSettings } from "../core/render/settings";
import { textSheetProse } from "../core/text";
import type { TieRule } from "../core/shares/types";
import { copyShortcut, hostMessage, joinList, t, type Lang } from "./i18n";

// ---------- What the controller needs from outside ----------

/** What the host reports: a code with data; the pane words it (i18n.ts hostMessage). */
export interface HostProblem {
  code: string;
  data?: Record<string, string>;
}

/**
 * `background`: the pane started the call by itself (a re-check or auto-update after an edit), not the
 * user: the host asks Excel to wait while the user is editing a cell (delayForCellEdit).
 */
export interface HostCallOptions {
  background?: boolean;
}

/** The subset of src/excel/host.ts the pane uses. */
export interface PaneHost {
  loadWorkbookGrid(opts?: HostCallOptions): Promise<WorkbookGrid>;
  loadSheetGrid(name: string, opts?: HostCallOptions): Promise<SheetGrid>;
  /** Throws an error that toUserError maps to code "SheetExists" when a plan sheet exists and replace is not set. */
  applyPlan(plan: WorkbookPlan, opts?: { replace?: boolean } & HostCallOptions): Promise<unknown>;
  selectCells(refs: CellRef[]): Promise<unknown>;
  selectNamedRange(name: string): Promise<unknown>;
  insertTemplate(plan: SheetPlan): Promise<unknown>;
  /**
   * Write one number into one cell (a suggested fix, after the user confirmed). With `expected`, refuse
   * (error code "CellChanged") unless the cell still holds that value (null = blank). Optional: without it
   * the pane offers no fixes.
   */
  writeCell?(ref: CellRef, value: number, opts?: { expected?: number | null }): Promise<unknown>;
  /**
   * 导入上年数据: write each figure into its cell of `sheet` only where the cell is blank when written (never over a
   * typed figure, text or formula). Optional: without it (and readPriorFile) the pane offers no import.
   */
  fillBlankCells?(
    sheet: string,
    fills: { cell: { row: number; col: number }; value: number }[],
  ): Promise<{ written: CellRef[]; kept: CellRef[] }>;
  onSheetChanged(sheet: string, handler: () => void): Promise<() => Promise<void>>;
  /** When the sheet is deleted or renamed (optional: the pane then follows it on the next 检查). */
  onSheetDeletedOrRenamed?(sheet: string, handler: () => void): Promise<() => Promise<void>>;
  /** May be synchronous (Office.context.document.settings) or return a promise. */
  loadSettings(key: string): unknown;
  saveSettings(key: string, value: unknown): Promise<unknown>;
  toUserError(e: unknown): HostProblem;
}

export type { ReadResult };

/** One report of a workbook that holds several (one sheet per unit, this year's and last year's). */
export interface ReportChoice {
  sheet: string;
  unit?: string;
  year?: number;
  /** Errors its check found (every report is checked when the workbook is read; the one in use after each check). */
  errors?: number;
}

/** Every report of a workbook, each read on its own; `primary` is the one to work on by default. */
export type ReportsResult =
  | { ok: true; reports: { sheet: string; unit?: string; report: Report }[]; primary: number }
  | { ok: false; error: ReadFailure };

/** The engine functions the pane drives (src/core). */
export interface Engine {
  readWorkbook(wb: WorkbookGrid, opts?: { sheet?: string; year?: number }): ReadResult;
  /** Every report the workbook holds (optional: without it the pane works on the one readWorkbook picks). */
  readReports?(wb: WorkbookGrid): ReportsResult;
  runChecks(report: Report, options?: Partial<CheckOptions>): Finding[];
  formatMessage(f: Finding, lang: Lang): string;
  findingCells(f: Finding): string[];
  renderReport(report: Report, settings?: Partial<ReportSettings>): WorkbookPlan;
  templatePlan(opts?: { year?: number; unit?: string }): SheetPlan;
  /** The Word document plan (optional: without it the pane offers no download). */
  documentPlan?(
    report: Report,
    settings?: Partial<ReportSettings>,
    options?: { paragraphs?: Paragraph[]; workbook?: WorkbookPlan },
  ): DocumentPlan;
  narrative?(report: Report, settings?: { rounding?: ReportSettings["rounding"] }): Paragraph[];
  /** Last year's figures for this year's blank 上年 cells (optional: without it the pane offers no import). */
  priorFills?(current: Report, last: Report): PriorPlan;
}

/** Last year's workbook as the pane read it from the file the user picked (src/taskpane/prior-file.ts). */
export type PriorFileResult =
  { ok: true; grid: WorkbookGrid } | { ok: false; code: PriorProblem; detail?: { zh: string; en: string } };

/** Why last year's file could not be used (i18n.ts priorProblem_*, "-" written "_"). */
export type PriorProblem = "empty" | "xls" | "encrypted" | "not-xlsx" | "damaged" | "too-large" | "unreadable";

export interface Timers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export const REAL_TIMERS: Timers = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

// ---------- Settings ----------

export interface PaneSettings {
  decimals: number;
  rounding: TieRule;
  largestRemainder: boolean;
  tableSheet: string;
  textSheet: string;
  fontName: string;
  titleSize: number;
  bodySize: number;
  autoUpdate: boolean;
}

export const SETTINGS_KEY = "disclosureReport.settings";

/** A background re-check missed because of cell edit mode is tried again this often, this many times. */
export const RECHECK_RETRY_MS = 2000;
export const RECHECK_RETRIES = 3;
/**
 * After the add-in writes the report sheets, change events of the text sheet are its own for this long.
 * ExcelApi 1.14 marks the add-in's own writes (the host drops them); older Excel (2016/2019) does not,
 * and without this guard auto-update would re-check the text it has just written.
 */
export const OWN_WRITE_GRACE_MS = 1500;

export const DEFAULT_SETTINGS: PaneSettings = {
  decimals: 2,
  rounding: "half-up",
  largestRemainder: false,
  tableSheet: "报告表格",
  textSheet: "报告正文",
  fontName: "仿宋",
  titleSize: 12,
  bodySize: 10.5,
  autoUpdate: false,
};

/** A four-digit reporting year: from 1990 (the template's own rule) to the year after the one now due. */
export function isReportYear(year: number, now: Date): boolean {
  return Number.isInteger(year) && year >= 1990 && year <= dueReportYear(now) + 1;
}

/** Excel's rules for a sheet name. */
export function isValidSheetName(name: string): boolean {
  return name.length >= 1 && name.length <= 31 && !/[:\\/?*[\]]/.test(name) && !/^'|'$/.test(name);
}

export type SettingsProblem = "errDecimals" | "errSheetName" | "errSheetSame" | "errFontName" | "errFontSize";

/** Problems with settings as the user typed them; [] when they can be saved. */
export function settingsProblems(s: PaneSettings, countsSheet?: string): SettingsProblem[] {
  const out: SettingsProblem[] = [];
  if (!Number.isInteger(s.decimals) || s.decimals < 0 || s.decimals > 4) out.push("errDecimals");
  if (!isValidSheetName(s.tableSheet) || !isValidSheetName(s.textSheet)) out.push("errSheetName");
  const names = [s.tableSheet, s.textSheet, ...(countsSheet ? [countsSheet] : [])].map((n) => n.toLowerCase());
  if (new Set(names).size !== names.length) out.push("errSheetSame");
  if (!s.fontName.trim()) out.push("errFontName");
  for (const size of [s.titleSize, s.bodySize]) {
    if (!Number.isFinite(size) || size < 6 || size > 72) {
      out.push("errFontSize");
      break;
    }
  }
  return out;
}

/** Settings stored in a workbook, made safe: anything missing or malformed falls back to the default. */
export function settingsFromStored(stored: unknown): PaneSettings {
  const s: PaneSettings = { ...DEFAULT_SETTINGS };
  if (typeof stored !== "object" || stored === null) return s;
  const o = stored as Record<string, unknown>;
  const pick = <K extends keyof PaneSettings>(key: K, ok: (v: unknown) => boolean): void => {
    if (ok(o[key])) s[key] = o[key] as PaneSettings[K];
  };
  pick("decimals", (v) => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 4);
  pick("rounding", (v) => v === "half-up" || v === "half-even");
  pick("largestRemainder", (v) => typeof v === "boolean");
  pick("tableSheet", (v) => typeof v === "string" && isValidSheetName(v));
  pick("textSheet", (v) => typeof v === "string" && isValidSheetName(v));
  pick("fontName", (v) => typeof v === "string" && v.trim() !== "");
  pick("titleSize", (v) => typeof v === "number" && v >= 6 && v <= 72);
  pick("bodySize", (v) => typeof v === "number" && v >= 6 && v <= 72);
  pick("autoUpdate", (v) => typeof v === "boolean");
  if (s.tableSheet === s.textSheet) {
    s.tableSheet = DEFAULT_SETTINGS.tableSheet;
    s.textSheet = DEFAULT_SETTINGS.textSheet;
  }
  return s;
}

export function reportSettings(s: PaneSettings): ReportSettings {
  return {
    rounding: { decimals: s.decimals, rounding: s.rounding, largestRemainder: s.largestRemainder },
    tableSheet: s.tableSheet,
    textSheet: s.textSheet,
    fonts: { name: s.fontName, titleSize: s.titleSize, bodySize: s.bodySize },
  };
}

export function checkOptions(s: PaneSettings): Partial<CheckOptions> {
  return { decimals: s.decimals, rounding: s.rounding, largestRemainder: s.largestRemainder };
}

// ---------- Findings as the pane shows them ----------

export interface FindingView {
  /** Stable within one check run: index in the engine's order. */
  id: number;
  rule: string;
  severity: Severity;
  message: string;
  /** Every cell, as findingCells writes them ("公开数据!D64"). */
  cells: string[];
  /** The same cells, short: rectangles as ranges ("公开数据!D64:J64"), long lists cut. */
  cellsLabel: string;
  refs: CellRef[];
  expected?: string;
  actual?: string;
  /** A suggested correction: set `cell` (as findingCells writes it) to `value`; `was` = what the check read. */
  fix?: { ref: CellRef; cell: string; value: number; was: number | null };
  /**
   * For a finding about the report's text: the sentence cut at the figure (before, figure, after), the text
   * cell (what a click selects) and the table cells (the second action).
   */
  text?: { before: string; figure: string; after: string; cell: string; tableRefs: CellRef[]; tableCells: string[] };
}

export const SEVERITIES: Severity[] = ["error", "warning", "info"];

export function findingViews(findings: Finding[], engine: Pick<Engine, "formatMessage" | "findingCells">, lang: Lang) {
  return findings.map((f, id): FindingView => {
    const v: FindingView = {
      id,
      rule: f.rule,
      severity: f.severity,
      message: engine.formatMessage(f, lang),
      cells: engine.findingCells(f),
      cellsLabel: "",
      refs: f.cells,
    };
    v.cellsLabel = compactCells(f.cells) ?? v.cells.join(" ");
    if (f.expected !== undefined) v.expected = String(f.expected);
    if (f.actual !== undefined) v.actual = String(localizeValue(f.actual, lang));
    if (f.fix) v.fix = { ref: f.fix.cell, cell: cellAddress(f.fix.cell), value: f.fix.value, was: f.fix.was };
    if (f.text) {
      const t = f.text;
      const a = t.start - t.quoteStart;
      const b = t.end - t.quoteStart;
      const textCell = t.cell;
      const tableRefs = textCell ? f.cells.filter((c) => !sameRef(c, textCell)) : f.cells;
      v.text = {
        before: t.quote.slice(0, a),
        figure: t.quote.slice(a, b),
        after: t.quote.slice(b),
        cell: textCell ? cellAddress(textCell) : (t.where?.[lang] ?? ""),
        tableRefs,
        tableCells: tableRefs.map(cellAddress),
      };
      // A click selects the text cell; the table cells are the second action.
      v.refs = textCell ? [textCell] : [];
    }
    return v;
  });
}

/**
 * Cells written short, as ranges (core cellRanges: each row's runs, the same run in consecutive rows one rectangle):
 * "公开数据!F33:K33 公开数据!D35", at most `max` ranges then "…". null for no cells.
 */
export function compactCells(refs: CellRef[], max = 6): string | null {
  if (refs.length === 0) return null;
  return rangesText(refs, { sep: " ", max, more: () => " …" });
}

function sameRef(a: CellRef, b: CellRef): boolean {
  return a.sheet === b.sheet && a.row === b.row && a.col === b.col;
}

/** Findings by severity, errors first; every severity present (possibly empty), engine order within. */
export function groupBySeverity(views: FindingView[]): { severity: Severity; items: FindingView[] }[] {
  return SEVERITIES.map((severity) => ({ severity, items: views.filter((v) => v.severity === severity) }));
}

export function severityCounts(views: FindingView[]): Record<Severity, number> {
  const c: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const v of views) c[v.severity]++;
  return c;
}

// ---------- State ----------

export type Phase = "loading" | "empty" | "ready" | "failed";
export type Busy =
  "reading" | "checking" | "generating" | "inserting" | "saving" | "selecting" | "fixing" | "downloading" | "importing";

export interface Notice {
  kind: "info" | "success" | "warning" | "error";
  text: string;
  /** Raised by a background re-check: the next successful re-check removes it. */
  background?: boolean;
}

export interface TableLink {
  name: string;
  title: string;
  /** 报告正文 (not a table): its sheet and paragraph rows, selected as one column to copy. */
  text?: { sheet: string; rows: number };
}

/** The 选中 entry of 报告正文 in the tables card (no range name: the column of its paragraphs). */
export const TEXT_LINK = "报告正文";

export interface PaneState {
  phase: Phase;
  lang: Lang;
  busy: Busy | null;
  /** Counts sheet the figures come from (phase ready). */
  sheet?: string;
  year?: number;
  body?: string;
  /** Why there is no counts sheet (phase empty) or why opening failed (phase failed). */
  reason?: string;
  /** null until the first check. */
  findings: FindingView[] | null;
  /** Report sheets exist in the workbook (written now or earlier). */
  generated: boolean;
  /** The counts sheet changed after the report was generated and the report was not regenerated. */
  stale: boolean;
  tables: TableLink[];
  settings: PaneSettings;
  /** Settings problems from the last attempt to save. */
  settingsProblems: SettingsProblem[];
  notice: Notice | null;
  /** 报告年度 for 插入模板 (default: the year whose report is due, dueReportYear); the user may change it. */
  templateYear: number;
  /** 公开范围 as the counts sheet states it (phase ready). */
  scope?: string;
  /** Where the counts sheet holds 报告年度, 单位名称 and 公开范围 (the pane selects them, and writes the year). */
  metaCells: { year?: CellRef; body?: CellRef; scope?: CellRef };
  /** A sheet for preparing (填报方式 编制): how many of the figures to type are filled ("已填 118 / 166 项"). */
  preparing?: { filled: number; total: number };
  /** A change listener is registered on the counts sheet. */
  live: boolean;
  /** The report sheets exist and were not written in this session: the user is asked before replacing them. */
  confirmReplace: string | null;
  /** A suggested fix the user asked to apply, waiting for 确定 / 取消 (nothing is written before 确定). */
  confirmFix: { id: number; cell: string; value: number; text: string } | null;
  /** The host can write a single cell (suggested fixes are offered). */
  canFix: boolean;
  /** The pane can read last year's workbook and fill the 上年 cells (导入上年数据). */
  canImportPrior: boolean;
  /** The copy shortcut to name: "Ctrl+C", or "⌘C" on a Mac. */
  copyKey: string;
  /** The report table last selected with 选中 (its range name), until something else is selected or the report is rewritten. */
  selectedTable: string | null;
  /** The reports the workbook holds when it holds more than one (the pane lets the user pick); else []. */
  reports: ReportChoice[];
  /**
   * 下载 Word 文档: "download" where the pane can save a file (Excel on the web, Windows); "mac" where task
   * panes cannot download (the pane points to the command line and to copying the tables); "none" without it.
   */
  wordDocument: "download" | "mac" | "none";
}

export interface ControllerDeps {
  host: PaneHost;
  engine: Engine;
  lang: Lang;
  timers?: Timers;
  /** Debounce of re-checks after edits, ms. */
  debounceMs?: number;
  now?: () => Date;
  /** The pane runs on a Mac: the copy shortcut is ⌘C. */
  mac?: boolean;
  /**
   * Saves the report as a .docx (the browser download; it loads the Word writer only when called). Absent,
   * or on a Mac (WKWebView task panes cannot download), the pane offers no download.
   */
  saveDocx?(plan: DocumentPlan, fileName: string): Promise<void>;
  /** Reads the .xlsx file the user picked (in the browser, no server; the reader loads only when called). */
  readPriorFile?(file: Blob): Promise<PriorFileResult>;
}

type Listener = (state: PaneState) => void;

export class Controller {
  private s: PaneState;
  private readonly host: PaneHost;
  private readonly engine: Engine;
  private readonly timers: Timers;
  private readonly debounceMs: number;
  private listeners: Listener[] = [];
  private report: Report | null = null;
  private unsubscribe: (() => Promise<void>) | null = null;
  private unsubscribeLifecycle: (() => Promise<void>) | null = null;
  private watchedSheet: string | null = null;
  private debounce: unknown = null;
  /** The text sheet (报告正文) is watched too once the report exists: a user's edit there is re-checked. */
  private unsubscribeText: (() => Promise<void>) | null = null;
  private watchedText: string | null = null;
  private textDebounce: unknown = null;
  /** The add-in is writing the report sheets (or just did): the text sheet's change events are its own. */
  private ownWrites = 0;
  private ownWriteTimer: unknown = null;
  /** Serialises host work: one action at a time, in order. */
  private queue: Promise<unknown> = Promise.resolve();
  private recheckQueued = false;
  /** A background re-check could not run (cell edit mode, no answer): the next change retries it. */
  private recheckMissed = false;
  private retryTimer: unknown = null;
  /** The user agreed to (or this session already did) overwrite the report sheets. */
  private replaceOk = false;
  /** The report the user picked (its sheet), kept across 检查 while the workbook still holds it. */
  private picked: string | null = null;
  private disposed = false;
  private readonly saveDocx: ControllerDeps["saveDocx"];
  private readonly readPriorFile: ControllerDeps["readPriorFile"];
  private readonly now: () => Date;

  constructor(deps: ControllerDeps) {
    this.saveDocx = deps.saveDocx;
    this.readPriorFile = deps.readPriorFile;
    this.host = deps.host;
    this.engine = deps.engine;
    this.timers = deps.timers ?? REAL_TIMERS;
    this.debounceMs = deps.debounceMs ?? 400;
    const now = deps.now ?? (() => new Date());
    this.now = now;
    this.s = {
      phase: "loading",
      lang: deps.lang,
      busy: null,
      findings: null,
      generated: false,
      stale: false,
      tables: [],
      settings: { ...DEFAULT_SETTINGS },
      settingsProblems: [],
      notice: null,
      templateYear: dueReportYear(now()),
      metaCells: {},
      live: false,
      confirmReplace: null,
      confirmFix: null,
      canFix: typeof deps.host.writeCell === "function",
      canImportPrior:
        typeof deps.host.fillBlankCells === "function" && !!deps.engine.priorFills && !!deps.readPriorFile,
      copyKey: copyShortcut(deps.mac ?? false),
      selectedTable: null,
      reports: [],
      wordDocument: !deps.engine.documentPlan ? "none" : deps.mac ? "mac" : deps.saveDocx ? "download" : "none",
    };
  }

  get state(): PaneState {
    return this.s;
  }

  subscribe(fn: Listener): () => void {
    this.listeners.push(fn);
    fn(this.s);
    return () => {
      this.listeners = this.listeners.filter((l) => l !== fn);
    };
  }

  private set(patch: Partial<PaneState>): void {
    this.s = { ...this.s, ...patch };
    for (const l of this.listeners) l(this.s);
  }

  private tr(key: Parameters<typeof t>[1], params?: Record<string, string | number>): string {
    return t(this.s.lang, key, params);
  }

  /** A host error in the user's words; cell edit mode is said as it is, without "操作失败". */
  private hostText(err: HostProblem): string {
    const message = hostMessage(this.s.lang, err);
    return err.code === "EditMode" ? message : this.tr("failed", { message });
  }

  /**
   * Runs one action after the previous one, with busy state and host errors turned into a notice.
   * A background action (re-check after an edit) that meets cell edit mode or no answer says nothing:
   * the next change retries it; its other failures are shown until a background action succeeds.
   */
  private run<T>(busy: Busy, work: () => Promise<T>, background = false): Promise<T | undefined> {
    const next = this.queue.then(async () => {
      if (this.disposed) return undefined;
      this.set({ busy });
      try {
        const result = await work();
        if (background && this.s.notice?.background) this.set({ notice: null });
        return result;
      } catch (e) {
        const err = this.host.toUserError(e);
        if (background && (err.code === "EditMode" || err.code === "Timeout")) {
          this.recheckMissed = true;
          return undefined;
        }
        const text = this.hostText(err);
        // A failure before the first read leaves nothing to show but the reason and a retry.
        if (this.s.phase === "loading" || this.s.phase === "failed") this.set({ phase: "failed", reason: text });
        else this.set({ notice: background ? { kind: "error", text, background } : { kind: "error", text } });
        return undefined;
      } finally {
        this.set({ busy: null });
      }
    });
    this.queue = next.catch(() => undefined);
    return next;
  }

  // ---------- Actions ----------

  /** On open (and retry after a failure): settings, then the whole workbook in one read; find the counts sheet; check it. */
  open(): Promise<void> {
    return this.run("reading", async () => {
      this.set({ phase: "loading", reason: undefined });
      const stored = await this.host.loadSettings(SETTINGS_KEY);
      this.set({ settings: settingsFromStored(stored) });
      await this.readAndCheck(await this.host.loadWorkbookGrid(), true);
    }).then(() => undefined);
  }

  /** 检查: read the whole workbook again (the counts sheet may have been renamed or added). */
  check(): Promise<void> {
    return this.run("checking", async () => {
      this.set({ notice: null });
      await this.readAndCheck(await this.host.loadWorkbookGrid(), false);
    }).then(() => undefined);
  }

  /**
   * The user picks another report of the workbook (a sheet of state.reports): read the workbook again and work
   * on that one (findings, generate, live re-check) until another is picked.
   */
  pickReport(sheet: string): Promise<void> {
    if (sheet === this.s.sheet || !this.s.reports.some((r) => r.sheet === sheet)) return Promise.resolve();
    return this.run("reading", async () => {
      this.picked = sheet;
      this.set({ notice: null, confirmFix: null, selectedTable: null });
      await this.readAndCheck(await this.host.loadWorkbookGrid(), false);
    }).then(() => undefined);
  }

  /** 报告年度 for 插入模板, as the user set it in the pane; false (nothing changes) for a year that cannot be one. */
  setTemplateYear(year: number): boolean {
    if (!isReportYear(year, this.now())) return false;
    this.set({ templateYear: year });
    return true;
  }

  /**
   * 报告年度 of the open counts sheet changed in the pane: the sheet's 年度 cell is written (that cell is the year
   * 生成报告 uses: title, text, the cross-year checks), then the sheet is checked again. Nothing is written for a
   * year that cannot be one, or when the sheet has no 年度 cell (the pane then offers no field).
   */
  changeReportYear(year: number): Promise<void> {
    const cell = this.s.metaCells.year;
    const write = this.host.writeCell?.bind(this.host);
    if (!cell || !write || year === this.s.year) return Promise.resolve();
    if (!isReportYear(year, this.now())) {
      this.set({ notice: { kind: "error", text: this.tr("yearInvalid", { max: dueReportYear(this.now()) + 1 }) } });
      return Promise.resolve();
    }
    return this.run("fixing", async () => {
      this.set({ notice: null, confirmFix: null });
      await write(cell, year);
      this.set({ templateYear: year });
      const sheet = this.s.sheet;
      if (sheet) {
        const ok = this.checkGrid(
          { sheets: [await this.host.loadSheetGrid(sheet)] },
          sheet,
          await this.readTextSheet(),
        );
        if (ok && this.s.generated) this.set({ stale: true });
      }
      this.set({ notice: { kind: "success", text: this.tr("yearChanged", { year, cell: cellAddress(cell) }) } });
    }).then(() => undefined);
  }

  /** 选中 beside 单位名称 / 公开范围 / 报告年度: select that cell of the counts sheet (to type there). */
  selectMetaCell(field: keyof PaneState["metaCells"]): Promise<void> {
    const cell = this.s.metaCells[field];
    if (!cell) return Promise.resolve();
    return this.run("selecting", async () => {
      await this.host.selectCells([cell]);
      this.set({ selectedTable: null });
    }).then(() => undefined);
  }

  /** 插入模板: the counts-sheet template for 报告年度 (templateYear), then read it like on open. */
  insertTemplate(): Promise<void> {
    return this.run("inserting", async () => {
      this.set({ notice: null });
      const plan = this.engine.templatePlan({ year: this.s.templateYear });
      const used = await this.host.insertTemplate(plan);
      await this.readAndCheck(await this.host.loadWorkbookGrid(), true);
      if (this.s.phase === "ready") {
        const sheet = typeof used === "string" && used ? used : plan.name;
        this.set({ notice: { kind: "success", text: this.tr("templateInserted", { sheet }) } });
      }
    }).then(() => undefined);
  }

  /** 生成报告: read the counts sheet, check, render the report sheets and write them. */
  generate(): Promise<void> {
    return this.run("generating", async () => {
      this.set({ notice: null });
      if (!this.s.sheet) return;
      const ok = this.checkGrid(
        { sheets: [await this.host.loadSheetGrid(this.s.sheet)] },
        this.s.sheet,
        await this.readTextSheet(),
      );
      if (!ok || !this.report) return;
      const kept = await this.writeReport(this.report);
      if (kept === null) return;
      const errors = severityCounts(this.s.findings ?? []).error;
      const notice: Notice =
        errors > 0
          ? { kind: "warning", text: this.tr("generatedWithErrors", { n: errors }) }
          : {
              kind: "success",
              text: this.tr("generated", {
                sheets: joinList(this.s.lang, [this.s.settings.tableSheet, this.s.settings.textSheet]),
              }),
            };
      this.set({ notice: kept.length > 0 ? { ...notice, text: [notice.text, ...kept].join(" ") } : notice });
    }).then(() => undefined);
  }

  /**
   * 下载 Word 文档: read the counts sheet, check, and save the whole report as a .docx in 公文 layout. The
   * text is the workbook's 报告正文 where the user edited it (nothing typed is lost), else the narrative.
   */
  downloadDocx(): Promise<void> {
    const save = this.saveDocx;
    const documentPlan = this.engine.documentPlan;
    if (this.s.wordDocument !== "download" || !save || !documentPlan) return Promise.resolve();
    return this.run("downloading", async () => {
      this.set({ notice: null });
      if (!this.s.sheet) return;
      const wb = await this.host.loadWorkbookGrid();
      const sheet = wb.sheets.find((s) => s.name === this.s.sheet);
      if (!sheet || !this.checkGrid({ sheets: [sheet] }, this.s.sheet) || !this.report) return;
      const report = this.report;
      const settings = reportSettings(this.s.settings);
      const paragraphs = this.engine.narrative?.(report, { rounding: settings.rounding });
      const edited = paragraphs ? editedParagraphs(wb, this.s.settings.textSheet, paragraphs) : undefined;
      const plan = documentPlan(report, settings, edited ? { paragraphs: edited } : {});
      const name = `${plan.title.replace(/[\\/:*?"<>|\s]+/g, "") || "report"}.docx`;
      await save(plan, name);
      this.set({ notice: { kind: "success", text: this.tr("docxSaved", { file: name }) } });
    }).then(() => undefined);
  }

  /**
   * 导入上年数据: read last year's workbook (the file the user picked), find its report, and fill this sheet's blank
   * 上年 cells with its figures (上年结转 from its 结转下年度, 上年现行有效件数 from its 现行有效件数, the optional
   * blocks' 上年条数); nothing typed is overwritten. Then re-check, and say what was filled, kept and missing.
   */
  importPrior(file: Blob & { name?: string }): Promise<void> {
    const read = this.readPriorFile;
    const fill = this.host.fillBlankCells?.bind(this.host);
    const priorFills = this.engine.priorFills;
    if (!this.s.canImportPrior || !read || !fill || !priorFills) return Promise.resolve();
    return this.run("importing", async () => {
      this.set({ notice: null, confirmFix: null });
      const sheet = this.s.sheet;
      if (!sheet) return;
      const got = await read(file);
      const cannot = (reason: string): void =>
        this.set({ notice: { kind: "error", text: this.tr("priorFailed", { reason }) } });
      if (!got.ok) {
        const reason = this.tr(`priorProblem_${got.code.replace("-", "_")}` as Parameters<typeof t>[1]);
        cannot(got.detail ? `${reason}（${got.detail[this.s.lang]}）` : reason);
        return;
      }
      const last = this.engine.readWorkbook(got.grid);
      if (!last.ok) {
        cannot(this.tr("priorNoReport", { reason: last.error.message[this.s.lang] }));
        return;
      }
      // This year's sheet as it is now (the user may have typed since the last check).
      if (!this.checkGrid({ sheets: [await this.host.loadSheetGrid(sheet)] }, sheet) || !this.report) return;
      const plan = priorFills(this.report, last.report);
      const done = plan.fills.length > 0 ? await fill(sheet, plan.fills) : { written: [], kept: [] };
      const said = priorFillMessage(
        { filled: done.written, kept: [...plan.kept, ...done.kept], missing: plan.missing },
        last.report,
        this.report.meta.year?.value ?? this.s.year,
        file.name ?? "",
      );
      if (done.written.length > 0) {
        const ok = this.checkGrid(
          { sheets: [await this.host.loadSheetGrid(sheet)] },
          sheet,
          await this.readTextSheet(),
        );
        if (ok && this.s.generated) this.set({ stale: true });
      }
      const kind = said.wrongYear ? "warning" : done.written.length > 0 ? "success" : "info";
      const stop = this.s.lang === "zh" ? "。" : ". ";
      this.set({
        notice: {
          kind,
          text: said.lines
            .map((l) => l[this.s.lang] + stop)
            .join("")
            .trim(),
        },
      });
    }).then(() => undefined);
  }

  /** The user agreed to replace sheets of their own that carry the report's sheet names. */
  confirmReplace(): Promise<void> {
    this.replaceOk = true;
    this.set({ confirmReplace: null });
    return this.generate();
  }

  cancelReplace(): void {
    this.set({ confirmReplace: null });
  }

  /** 改为 N: ask for confirmation inside the pane. Nothing is written until confirmFix(). */
  askFix(id: number): void {
    const f = this.s.findings?.find((v) => v.id === id);
    if (!f?.fix || !this.s.canFix) return;
    const { cell, value, was } = f.fix;
    const text =
      was === null ? this.tr("fixConfirmBlank", { cell, value }) : this.tr("fixConfirm", { cell, was, value });
    this.set({ confirmFix: { id, cell: f.fix.cell, value: f.fix.value, text }, notice: null });
  }

  cancelFix(): void {
    this.set({ confirmFix: null });
  }

  /**
   * 确定: write the one cell (refused by the host when it no longer holds what the check read), then
   * read the counts sheet again and re-check.
   */
  confirmFix(): Promise<void> {
    const pending = this.s.confirmFix;
    const f = pending ? this.s.findings?.find((v) => v.id === pending.id) : undefined;
    this.set({ confirmFix: null });
    const fix = f?.fix;
    const write = this.host.writeCell?.bind(this.host);
    if (!pending || !fix || !write || fix.cell !== pending.cell || fix.value !== pending.value) {
      return Promise.resolve();
    }
    return this.run("fixing", async () => {
      this.set({ notice: null });
      await write(fix.ref, fix.value, { expected: fix.was });
      this.set({ notice: { kind: "success", text: this.tr("fixApplied", { cell: fix.cell, value: fix.value }) } });
      const sheet = this.s.sheet;
      if (!sheet) return;
      const ok = this.checkGrid({ sheets: [await this.host.loadSheetGrid(sheet)] }, sheet, await this.readTextSheet());
      if (ok && this.s.generated) this.set({ stale: true });
    }).then(() => undefined);
  }

  /** Select the cells of a finding in the sheet. */
  selectFinding(id: number): Promise<void> {
    const f = this.s.findings?.find((v) => v.id === id);
    if (!f || f.refs.length === 0) return Promise.resolve();
    return this.run("selecting", async () => {
      await this.host.selectCells(f.refs);
      this.set({ selectedTable: null });
    }).then(() => undefined);
  }

  /** The second action of a finding about the text: select its table cells. */
  selectFindingTableCells(id: number): Promise<void> {
    const f = this.s.findings?.find((v) => v.id === id);
    const refs = f?.text?.tableRefs ?? [];
    if (refs.length === 0) return Promise.resolve();
    return this.run("selecting", async () => {
      await this.host.selectCells(refs);
      this.set({ selectedTable: null });
    }).then(() => undefined);
  }

  /**
   * 选中 (to copy): select a generated table's named range; the user copies with Ctrl+C / ⌘C. The pane
   * marks the table as selected; the copy hint itself stays where it always is, in the tables card.
   */
  selectTable(name: string): Promise<void> {
    const text = this.s.tables.find((t) => t.name === name)?.text;
    return this.run("selecting", async () => {
      // 报告正文: its paragraphs, one cell a row in column A (one rectangle).
      if (text)
        await this.host.selectCells(
          Array.from({ length: text.rows }, (_, row) => ({ sheet: text.sheet, row, col: 0 })),
        );
      else await this.host.selectNamedRange(name);
      this.set({ selectedTable: name });
    }).then(() => undefined);
  }

  /** The tables card: the plan's named tables, then 报告正文 when the plan writes it. */
  private linksOf(plan: WorkbookPlan): TableLink[] {
    const links: TableLink[] = plan.names.map((n) => ({ name: n.name, title: n.title }));
    const text = plan.sheets.find((s) => s.name === this.s.settings.textSheet);
    const rows = text ? Math.max(-1, ...text.cells.filter((c) => c.col === 0).map((c) => c.row)) + 1 : 0;
    if (text && rows > 0)
      links.push({ name: TEXT_LINK, title: this.tr("reportText"), text: { sheet: text.name, rows } });
    return links;
  }

  setAutoUpdate(on: boolean): Promise<void> {
    if (on === this.s.settings.autoUpdate) return Promise.resolve();
    const settings = { ...this.s.settings, autoUpdate: on };
    this.set({ settings });
    return this.run("saving", async () => {
      await this.host.saveSettings(SETTINGS_KEY, settings);
      // Turning it on while the report is stale brings the report up to date now.
      if (on && this.s.stale && this.report && this.s.sheet) await this.writeReport(this.report);
    }).then(() => undefined);
  }

  saveSettings(next: PaneSettings): Promise<boolean> {
    const problems = settingsProblems(next, this.s.sheet);
    if (problems.length > 0) {
      this.set({
        settingsProblems: problems,
        notice: {
          kind: "error",
          text: this.tr("settingsInvalid", {
            errors: joinList(
              this.s.lang,
              problems.map((p) => this.tr(p)),
            ),
          }),
        },
      });
      return Promise.resolve(false);
    }
    return this.run("saving", async () => {
      await this.host.saveSettings(SETTINGS_KEY, next);
      const changedOutput =
        next.tableSheet !== this.s.settings.tableSheet || next.textSheet !== this.s.settings.textSheet;
      this.set({ settings: next, settingsProblems: [], notice: { kind: "success", text: this.tr("settingsSaved") } });
      // New rounding changes the findings and the report; re-check with what we read last.
      if (this.report) this.applyFindings(this.report);
      if (this.s.generated && !changedOutput) this.set({ stale: true });
      return true;
    }).then((r) => r === true);
  }

  dismissNotice(): void {
    this.set({ notice: null });
  }

  /** The pane closes: remove the change handler, stop timers. */
  async dispose(): Promise<void> {
    this.disposed = true;
    if (this.debounce !== null) this.timers.clear(this.debounce);
    this.debounce = null;
    if (this.textDebounce !== null) this.timers.clear(this.textDebounce);
    this.textDebounce = null;
    if (this.ownWriteTimer !== null) this.timers.clear(this.ownWriteTimer);
    this.ownWriteTimer = null;
    if (this.retryTimer !== null) this.timers.clear(this.retryTimer);
    this.retryTimer = null;
    await this.unwatch();
  }

  // ---------- Live re-check ----------

  /** Called by the host's onChanged handler: debounce, then re-check with one read. */
  private onSheetChanged = (): void => {
    if (this.disposed) return;
    if (this.debounce !== null) this.timers.clear(this.debounce);
    this.debounce = this.timers.set(() => {
      this.debounce = null;
      void this.recheck();
    }, this.debounceMs);
  };

  /** The user edited the text sheet: re-check its text against the tables (not the add-in's own writes). */
  private onTextSheetChanged = (): void => {
    if (this.disposed || this.ownWrites > 0) return;
    if (this.textDebounce !== null) this.timers.clear(this.textDebounce);
    this.textDebounce = this.timers.set(() => {
      this.textDebounce = null;
      void this.recheckText();
    }, this.debounceMs);
  };

  /**
   * Re-check after an edit of the text sheet: read that sheet only and check the last report with its new
   * text. The tables did not change, so nothing is written (auto-update follows the counts sheet only).
   */
  recheckText(): Promise<void> {
    return this.run(
      "checking",
      async () => {
        const report = this.report;
        if (!report || this.disposed) return;
        const grid = await this.readTextSheet(true);
        if (!grid || this.report !== report) return;
        const next: Report = { ...report };
        delete next.prose;
        this.attachTextSheet(next, { sheets: [grid] });
        this.accept(next);
      },
      true,
    ).then(() => undefined);
  }

  /** Runs a write of the report sheets with the own-write guard up (and for OWN_WRITE_GRACE_MS after it). */
  private async ownWrite<T>(write: () => Promise<T>): Promise<T> {
    this.ownWrites++;
    if (this.ownWriteTimer !== null) {
      this.timers.clear(this.ownWriteTimer);
      this.ownWriteTimer = null;
      this.ownWrites--;
    }
    try {
      return await write();
    } finally {
      this.ownWriteTimer = this.timers.set(() => {
        this.ownWriteTimer = null;
        this.ownWrites--;
      }, OWN_WRITE_GRACE_MS);
    }
  }

  /**
   * Exposed for tests and for the view's "regenerate" link. A re-check that could not run because the user
   * was typing in a cell (or Excel did not answer) is retried after RECHECK_RETRY_MS, up to
   * RECHECK_RETRIES times, and again on the next change; it never leaves a notice behind.
   */
  recheck(attempt = 0): Promise<void> {
    // Edits during a running re-check collapse into one more re-check.
    if (this.recheckQueued) return this.queue.then(() => undefined);
    this.recheckQueued = true;
    if (this.retryTimer !== null) this.timers.clear(this.retryTimer);
    this.retryTimer = null;
    return this.run(
      "checking",
      async () => {
        this.recheckQueued = false;
        this.recheckMissed = false;
        const sheet = this.s.sheet;
        if (!sheet) return;
        const ok = this.checkGrid(
          { sheets: [await this.host.loadSheetGrid(sheet, { background: true })] },
          sheet,
          await this.readTextSheet(true),
        );
        if (!ok || !this.report) return;
        if (this.s.generated) {
          if (!this.s.settings.autoUpdate || (await this.writeReport(this.report, true)) === null)
            this.set({ stale: true });
        }
      },
      true,
    ).then(() => {
      if (!this.recheckMissed || this.disposed) return;
      // The counts sheet changed but could not be read: a generated report is not known to be current.
      if (this.s.generated) this.set({ stale: true });
      if (attempt < RECHECK_RETRIES) {
        this.retryTimer = this.timers.set(() => {
          this.retryTimer = null;
          void this.recheck(attempt + 1);
        }, RECHECK_RETRY_MS);
      }
    });
  }

  // ---------- Internals ----------

  /**
   * The report to work on: with several reports in the workbook, the one the user picked (while it is still
   * there), else the engine's primary (the sheet named 公开数据, else the first); with one, readWorkbook's.
   */
  private readChosen(wb: WorkbookGrid): ReadResult {
    const all = this.engine.readReports?.(wb);
    if (!all?.ok || all.reports.length < 2) {
      this.set({ reports: [] });
      return this.engine.readWorkbook(wb);
    }
    // Every report is checked on its own (a supervising office's 30 unit sheets: which ones have errors).
    const options = checkOptions(this.s.settings);
    const reports = all.reports.map((r): ReportChoice => {
      const c: ReportChoice = { sheet: r.sheet };
      if (r.unit !== undefined) c.unit = r.unit;
      const year = r.report.meta.year?.value;
      if (year !== undefined) c.year = year;
      const findings = this.engine.runChecks(r.report, year !== undefined ? { ...options, year } : options);
      c.errors = findings.filter((f) => f.severity === "error").length;
      return c;
    });
    const at = all.reports.findIndex((r) => r.sheet === this.picked);
    this.set({ reports });
    return { ok: true, report: all.reports[at >= 0 ? at : all.primary]!.report };
  }

  private async readAndCheck(wb: WorkbookGrid, fresh: boolean): Promise<void> {
    const result = this.readChosen(wb);
    if (!result.ok) {
      this.report = null;
      await this.unwatch();
      this.set({
        phase: "empty",
        reason: result.error.message[this.s.lang],
        sheet: undefined,
        year: undefined,
        body: undefined,
        findings: null,
        stale: false,
      });
      return;
    }
    const report = result.report;
    this.attachTextSheet(report, wb);
    const names = new Set(wb.sheets.map((s) => s.name));
    const generated = names.has(this.s.settings.tableSheet) || names.has(this.s.settings.textSheet);
    this.set({ phase: "ready", reason: undefined, generated: fresh ? generated : this.s.generated || generated });
    this.accept(report);
    if (generated && this.s.tables.length === 0) this.set({ tables: this.tableLinks(report) });
    await this.watch(report.sheet);
    if (this.s.generated) await this.watchText();
  }

  /** Read one sheet's grid into a report and check it; false (with a notice) when the sheet no longer reads. */
  private checkGrid(wb: WorkbookGrid, sheet: string, textSheet?: SheetGrid | null): boolean {
    const result = this.engine.readWorkbook(wb, { sheet });
    if (!result.ok) {
      this.set({ notice: { kind: "error", text: result.error.message[this.s.lang] } });
      return false;
    }
    if (textSheet) this.attachTextSheet(result.report, { sheets: [textSheet] });
    this.accept(result.report);
    return true;
  }

  /** The text sheet (报告正文) as the user left it is checked against the tables too (report.prose). */
  private attachTextSheet(report: Report, wb: WorkbookGrid): void {
    const name = this.s.settings.textSheet;
    if (report.sheet === name) return;
    const prose = textSheetProse(wb, name);
    if (prose.length > 0) report.prose = prose;
  }

  /** The text sheet for a live re-check, when the report has been generated (null when it is not there). */
  private async readTextSheet(background = false): Promise<SheetGrid | null> {
    if (!this.s.generated) return null;
    try {
      return await this.host.loadSheetGrid(this.s.settings.textSheet, background ? { background: true } : undefined);
    } catch {
      return null;
    }
  }

  private accept(report: Report): void {
    this.report = report;
    const p = report.meta.mode?.value === "编制" ? fillProgress(report) : undefined;
    const m = report.meta;
    const metaCells: PaneState["metaCells"] = {};
    if (m.year?.cell) metaCells.year = m.year.cell;
    if (m.body?.cell) metaCells.body = m.body.cell;
    if (m.scope?.cell) metaCells.scope = m.scope.cell;
    this.set({
      sheet: report.sheet,
      year: report.meta.year?.value,
      body: report.meta.body?.text,
      scope: report.meta.scope?.value,
      metaCells,
      preparing: p ? { filled: p.filled, total: p.total } : undefined,
    });
    this.applyFindings(report);
  }

  private applyFindings(report: Report): void {
    const findings = this.engine.runChecks(report, { ...checkOptions(this.s.settings), year: this.s.year });
    const views = findingViews(findings, this.engine, this.s.lang);
    // A pending confirmation follows its fix across a re-check, or goes when the fix is gone.
    const pending = this.s.confirmFix;
    const same = pending && views.find((v) => v.fix?.cell === pending.cell && v.fix.value === pending.value);
    // The picker's count for the report in use follows its findings (a fix, a live re-check).
    const errors = severityCounts(views).error;
    const reports = this.s.reports.some((r) => r.sheet === report.sheet && r.errors !== errors)
      ? this.s.reports.map((r) => (r.sheet === report.sheet ? { ...r, errors } : r))
      : this.s.reports;
    this.set({ findings: views, confirmFix: pending && same ? { ...pending, id: same.id } : null, reports });
  }

  private tableLinks(report: Report): TableLink[] {
    try {
      return this.linksOf(this.engine.renderReport(report, reportSettings(this.s.settings)));
    } catch {
      return [];
    }
  }

  /**
   * Write the report sheets as the regeneration policy (core/render/regenerate) says: the user's edits to
   * generated text are kept (the new text beside them); sheets of the user's own under the report's names are
   * replaced only after the user agrees (confirmReplace). Null when nothing was written; else what was kept,
   * as lines to tell the user.
   */
  private async writeReport(report: Report, background = false): Promise<string[] | null> {
    const plan = this.engine.renderReport(report, reportSettings(this.s.settings));
    const call = background ? { background } : {};
    const decision = planRegeneration(plan, await this.host.loadWorkbookGrid(background ? call : undefined), {
      dataSheet: report.sheet,
      textSheet: this.s.settings.textSheet,
      replaceUsersSheets: this.replaceOk,
    });
    if (decision.action !== "write") {
      const text = regenerationProblem(decision)[this.s.lang];
      const why = text.charAt(0).toUpperCase() + text.slice(1);
      if (decision.action === "ask") this.set({ confirmReplace: this.tr("replaceSheets", { why }) });
      else this.set({ notice: { kind: "error", text: why } });
      return null;
    }
    try {
      const opts = decision.replaced.length > 0 ? { replace: true, ...call } : background ? call : undefined;
      await this.ownWrite(() => this.host.applyPlan(plan, opts));
    } catch (e) {
      const err = this.host.toUserError(e);
      if (err.code !== "SheetExists") throw e;
      // The sheets appeared between the read and the write: ask as above.
      this.set({ confirmReplace: hostMessage(this.s.lang, err) });
      return null;
    }
    this.replaceOk = true;
    this.set({
      generated: true,
      stale: false,
      confirmReplace: null,
      tables: this.linksOf(plan),
      selectedTable: null,
    });
    await this.watchText();
    const kept = keptEditsLines(decision.kept, this.s.lang);
    if (kept.length > 0) this.set({ notice: { kind: "info", text: kept.join(" ") } });
    return kept;
  }

  private async watch(sheet: string): Promise<void> {
    if (this.watchedSheet === sheet && this.unsubscribe) return;
    await this.unwatch();
    if (this.disposed) return;
    try {
      this.unsubscribe = await this.host.onSheetChanged(sheet, this.onSheetChanged);
    } catch {
      // No change events (older Excel): the pane still works with the 检查 button.
      this.set({ live: false });
      return;
    }
    this.watchedSheet = sheet;
    this.set({ live: true });
    if (this.host.onSheetDeletedOrRenamed) {
      try {
        // Renamed or deleted: read the workbook again (the reader finds it under its new name, or not).
        this.unsubscribeLifecycle = await this.host.onSheetDeletedOrRenamed(sheet, () => {
          if (!this.disposed) void this.check();
        });
      } catch {
        this.unsubscribeLifecycle = null;
      }
    }
  }

  /** Follow the user's edits of the text sheet (when it exists; older Excel without events: 检查 only). */
  private async watchText(): Promise<void> {
    const name = this.s.settings.textSheet;
    if (this.disposed || (this.watchedText === name && this.unsubscribeText)) return;
    await this.unwatchText();
    try {
      this.unsubscribeText = await this.host.onSheetChanged(name, this.onTextSheetChanged);
      this.watchedText = name;
    } catch {
      this.unsubscribeText = null;
    }
  }

  private async unwatchText(): Promise<void> {
    const off = this.unsubscribeText;
    this.unsubscribeText = null;
    this.watchedText = null;
    if (off) await off();
  }

  private async unwatch(): Promise<void> {
    const off = this.unsubscribe;
    const offLifecycle = this.unsubscribeLifecycle;
    this.unsubscribe = null;
    this.unsubscribeLifecycle = null;
    if (offLifecycle) await offLifecycle();
    await this.unwatchText();
    this.watchedSheet = null;
    if (off) {
      if (!this.disposed) this.set({ live: false });
      await off();
    }
  }
}

/**
 * The narrative with the text of the workbook's 报告正文 where the generation record says the user edited a
 * paragraph (row i of column A is paragraph i), so that the Word document keeps the user's words.
 */
export function editedParagraphs(wb: WorkbookGrid, textSheet: string, paragraphs: Paragraph[]): Paragraph[] {
  const record = readGenerationRecord(wb, RECORD_SHEET);
  if (!record) return paragraphs;
  const edits = new Map<number, string>();
  for (const e of detectEditedCells(record, wb)) {
    if (e.cell.sheet === textSheet && e.cell.col === 0 && e.text.trim()) edits.set(e.cell.row, e.text);
  }
  return paragraphs.map((p, i) => {
    const text = edits.get(i);
    return text === undefined ? p : { ...p, text: text.replace(/\n/g, "").replace(/^[\u3000 ]+/, "") };
  });
}
