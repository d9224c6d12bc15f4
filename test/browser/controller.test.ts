/**
 * The task pane's controller against a fake host (in-memory sheets, recorded calls, change events)
 * and a small fake engine, with manual timers. Runs in Node: no DOM, no Office.
 */
import assert from "node:assert/strict";
import type { CellRef, SheetGrid, WorkbookGrid } from "../../src/core/grid";
import { cellAddress, valueAt } from "../../src/core/grid";
import type { CheckOptions, Finding } from "../../src/core/checks/types";
import { emptyReport } from "../../src/core/model/build";
import type { Report } from "../../src/core/model/report";
import type { SheetPlan, WorkbookPlan } from "../../src/core/render/plan";
import { hashText, recordPlan } from "../../src/core/render/record";
import type { ReportSettings } from "../../src/core/render/settings";
import { planToGrid } from "../../src/core/render/template";
import {
  Controller,
  DEFAULT_SETTINGS,
  compactCells,
  SETTINGS_KEY,
  RECHECK_RETRY_MS,
  OWN_WRITE_GRACE_MS,
  groupBySeverity,
  isValidSheetName,
  settingsFromStored,
  settingsProblems,
  type Engine,
  type PaneHost,
  type PaneSettings,
  type Timers,
  type HostProblem,
} from "../../src/taskpane/controller";
import { documentPlan } from "../../src/core/document";
import { narrative } from "../../src/core/narrative";
import { copyShortcut, isMacPlatform, joinList, langFromDisplayLanguage, t } from "../../src/taskpane/i18n";
import { luminance, themeVariables } from "../../src/taskpane/theme";

// ---------- Fakes ----------

class FakeTimers implements Timers {
  now = 0;
  private seq = 0;
  pending = new Map<number, { fn: () => void; at: number }>();
  set(fn: () => void, ms: number): unknown {
    const id = ++this.seq;
    this.pending.set(id, { fn, at: this.now + ms });
    return id;
  }
  clear(h: unknown): void {
    this.pending.delete(h as number);
  }
  advance(ms: number): void {
    this.now += ms;
    for (const [id, p] of [...this.pending].sort((a, b) => a[1].at - b[1].at)) {
      if (p.at <= this.now) {
        this.pending.delete(id);
        p.fn();
      }
    }
  }
}

class HostFailure extends Error {
  constructor(
    readonly code: string,
    readonly data: Record<string, string> = {},
  ) {
    super(code);
  }
}

class FakeHost implements PaneHost {
  sheets = new Map<string, SheetGrid>();
  settings = new Map<string, unknown>();
  calls: string[] = [];
  handlers = new Map<string, Set<() => void>>();
  removed: string[] = [];
  applied: { plan: WorkbookPlan; opts?: { replace?: boolean } }[] = [];
  selected: CellRef[][] = [];
  selectedNames: string[] = [];
  inserted: SheetPlan[] = [];
  failNext: Record<string, HostFailure> = {};
  /** Excel before ExcelApi 1.14: the add-in's own writes fire the written sheets' change handlers too. */
  ownWriteEvents = false;

  private maybeFail(op: string): void {
    this.calls.push(op);
    const f = this.failNext[op];
    if (f) {
      delete this.failNext[op];
      throw f;
    }
  }
  /** The options of each read, in order (background re-checks pass { background: true }). */
  readOpts: unknown[] = [];
  async loadWorkbookGrid(opts?: { background?: boolean }): Promise<WorkbookGrid> {
    this.readOpts.push(opts);
    this.maybeFail("loadWorkbookGrid");
    return { sheets: [...this.sheets.values()].map(clone) };
  }
  async loadSheetGrid(name: string, opts?: { background?: boolean }): Promise<SheetGrid> {
    this.readOpts.push(opts);
    this.maybeFail(`loadSheetGrid:${name}`);
    const s = this.sheets.get(name);
    if (!s) throw new HostFailure("ItemNotFound");
    return clone(s);
  }
  async applyPlan(plan: WorkbookPlan, opts?: { replace?: boolean }): Promise<void> {
    this.maybeFail("applyPlan");
    const exists = plan.sheets.some((s) => this.sheets.has(s.name));
    if (exists && !opts?.replace) {
      throw new HostFailure("SheetExists", { sheets: plan.sheets.map((x) => x.name).join("、") });
    }
    this.applied.push(opts ? { plan, opts } : { plan });
    for (const s of plan.sheets) this.sheets.set(s.name, planToGrid(s));
    if (this.ownWriteEvents) for (const s of plan.sheets) for (const h of this.handlers.get(s.name) ?? []) h();
  }
  async selectCells(refs: CellRef[]): Promise<void> {
    this.maybeFail("selectCells");
    this.selected.push(refs);
  }
  async selectNamedRange(name: string): Promise<void> {
    this.maybeFail("selectNamedRange");
    this.selectedNames.push(name);
  }
  async insertTemplate(plan: SheetPlan): Promise<string> {
    this.maybeFail("insertTemplate");
    this.inserted.push(plan);
    this.sheets.set(plan.name, { name: plan.name, top: 0, left: 0, values: [["counts"], [1, 2, 3]] });
    return plan.name;
  }
  async onSheetChanged(sheet: string, handler: () => void): Promise<() => Promise<void>> {
    this.maybeFail(`onSheetChanged:${sheet}`);
    const set = this.handlers.get(sheet) ?? new Set();
    set.add(handler);
    this.handlers.set(sheet, set);
    return async () => {
      set.delete(handler);
      this.removed.push(sheet);
    };
  }
  lifecycle = new Map<string, Set<() => void>>();
  async onSheetDeletedOrRenamed(sheet: string, handler: () => void): Promise<() => Promise<void>> {
    const set = this.lifecycle.get(sheet) ?? new Set();
    set.add(handler);
    this.lifecycle.set(sheet, set);
    return async () => void set.delete(handler);
  }
  /** The user renames a sheet: lifecycle handlers of the old name fire. */
  rename(from: string, to: string): void {
    const s = this.sheets.get(from)!;
    this.sheets.delete(from);
    this.sheets.set(to, { ...s, name: to });
    for (const h of this.lifecycle.get(from) ?? []) h();
  }
  loadSettings(key: string): unknown {
    this.calls.push("loadSettings");
    return this.settings.get(key);
  }
  async saveSettings(key: string, value: unknown): Promise<void> {
    this.maybeFail("saveSettings");
    this.settings.set(key, JSON.parse(JSON.stringify(value)));
  }
  toUserError(e: unknown): HostProblem {
    if (e instanceof HostFailure) return { code: e.code, data: e.data };
    return { code: "Generic", data: { detail: String(e) } };
  }
  /** A user edit: change a cell and fire the sheet's change handlers. */
  edit(sheet: string, row: number, col: number, value: string | number | null): void {
    const s = this.sheets.get(sheet)!;
    while (s.values.length <= row) s.values.push([]);
    s.values[row]![col] = value;
    for (const h of this.handlers.get(sheet) ?? []) h();
  }
  listeners(sheet: string): number {
    return this.handlers.get(sheet)?.size ?? 0;
  }
}

function clone(s: SheetGrid): SheetGrid {
  return { ...s, values: s.values.map((r) => [...r]) };
}

/**
 * Fake engine: a sheet whose A1 is "counts" is the counts sheet; row 2 holds a, b, total and the
 * check says total = a + b. Records the options and settings it was called with.
 */
class FakeEngine implements Engine {
  checkOptions: Partial<CheckOptions>[] = [];
  renderSettings: Partial<ReportSettings>[] = [];
  templateOpts: { year?: number }[] = [];
  lastTotal = 0;
  private grids = new WeakMap<Report, SheetGrid>();

  readWorkbook = (wb: WorkbookGrid, opts?: { sheet?: string }) => {
    const grid = wb.sheets.find((s) => (opts?.sheet ? s.name === opts.sheet : valueAt(s, 0, 0) === "counts"));
    if (!grid || valueAt(grid, 0, 0) !== "counts") {
      return {
        ok: false as const,
        error: { code: "no-counts-sheet", message: { zh: "没有数据表", en: "no counts sheet" } },
      };
    }
    const report = emptyReport("2021", grid.name);
    report.meta.year = { value: 2025, from: "title" };
    report.meta.body = { text: "<img src=x onerror=alert(1)>" };
    this.grids.set(report, grid);
    return { ok: true as const, report };
  };
  /** The reports checked, in order (their prose is the text sheet the controller attached). */
  checked: Report[] = [];
  runChecks = (report: Report, options?: Partial<CheckOptions>): Finding[] => {
    this.checkOptions.push(options ?? {});
    this.checked.push(report);
    const g = this.grids.get(report)!;
    const a = Number(valueAt(g, 1, 0)),
      b = Number(valueAt(g, 1, 1)),
      total = Number(valueAt(g, 1, 2));
    const out: Finding[] = [];
    this.lastTotal = total;
    if (a + b !== total) {
      out.push({
        rule: "sum",
        severity: "error",
        cells: [{ sheet: g.name, row: 1, col: 2 }],
        messageId: "mismatch",
        params: {},
        expected: a + b,
        actual: total,
        fix: { cell: { sheet: g.name, row: 1, col: 2 }, value: a + b, was: total },
      });
    }
    out.push({ rule: "note", severity: "info", cells: [], messageId: "n", params: {} });
    return out;
  };
  formatMessage = (f: Finding, lang: "zh" | "en") => `${lang}:${f.rule}`;
  findingCells = (f: Finding) => f.cells.map((c) => `${c.sheet}!R${c.row + 1}C${c.col + 1}`);
  renderReport = (report: Report, settings?: Partial<ReportSettings>): WorkbookPlan => {
    this.renderSettings.push(settings ?? {});
    const names = [settings?.tableSheet ?? "报告表格", settings?.textSheet ?? "报告正文"];
    const text = `${report.sheet}：本年新收${this.lastTotal}件`;
    const sheet = (name: string, cells: SheetPlan["cells"]): SheetPlan => ({
      name,
      cells,
      styles: {},
      merges: [],
      columnWidths: {},
    });
    const record = recordPlan({
      entries: [{ cell: { sheet: names[1]!, row: 0, col: 0 }, id: "s3", hash: hashText(text) }],
    });
    return {
      sheets: [
        sheet(names[0]!, [{ row: 0, col: 0, value: "表" }]),
        sheet(names[1]!, [{ row: 0, col: 0, value: text }]),
        record,
      ],
      names: [
        {
          name: "报告_表三",
          sheet: names[0]!,
          range: { top: 0, left: 0, bottom: 1, right: 1 },
          title: `三、${report.sheet}`,
        },
      ],
    };
  };
  templatePlan = (opts?: { year?: number }): SheetPlan => {
    this.templateOpts.push(opts ?? {});
    return { name: "公开数据", cells: [], styles: {}, merges: [], columnWidths: {} };
  };
}

function setup(opts: { counts?: boolean; lang?: "zh" | "en"; mac?: boolean } = {}) {
  const host = new FakeHost();
  const engine = new FakeEngine();
  const timers = new FakeTimers();
  if (opts.counts) host.sheets.set("公开数据", { name: "公开数据", top: 0, left: 0, values: [["counts"], [1, 2, 4]] });
  const c = new Controller({
    host,
    engine,
    lang: opts.lang ?? "zh",
    timers,
    now: () => new Date("2026-03-01T00:00:00Z"),
    ...(opts.mac !== undefined ? { mac: opts.mac } : {}),
  });
  return { host, engine, timers, c };
}

/** Let queued promise chains run. */
const flush = async (): Promise<void> => {
  for (let i = 0; i < 20; i++) await Promise.resolve();
};

/** A host that can write one cell (Office.js writeCell): refuses when the cell changed, fires change handlers. */
class FixHost extends FakeHost {
  written: { ref: CellRef; value: number }[] = [];
  async writeCell(ref: CellRef, value: number, opts?: { expected?: number | null }): Promise<void> {
    this.calls.push(`writeCell:${ref.sheet}!R${ref.row + 1}C${ref.col + 1}=${value}`);
    const s = this.sheets.get(ref.sheet);
    if (!s) throw new HostFailure("ItemNotFound");
    const now = s.values[ref.row]?.[ref.col] ?? null;
    if (opts?.expected !== undefined && now !== opts.expected) {
      throw new HostFailure("CellChanged", { cell: cellAddress(ref), found: now === null ? "" : String(now) });
    }
    this.written.push({ ref, value });
    this.edit(ref.sheet, ref.row, ref.col, value);
  }
}

function setupFix() {
  const host = new FixHost();
  const engine = new FakeEngine();
  const timers = new FakeTimers();
  host.sheets.set("公开数据", { name: "公开数据", top: 0, left: 0, values: [["counts"], [1, 2, 4]] });
  const c = new Controller({ host, engine, lang: "zh", timers, now: () => new Date("2026-03-01T00:00:00Z") });
  return { host, engine, timers, c };
}

// ---------- Tests ----------

describe("task pane controller", () => {
  describe("open", () => {
    it("shows the empty state with the reader's reason when there is no counts sheet", async () => {
      const { c, host } = setup();
      await c.open();
      assert.equal(c.state.phase, "empty");
      assert.equal(c.state.reason, "没有数据表");
      assert.equal(c.state.findings, null);
      assert.equal(c.state.busy, null);
      assert.equal(c.state.templateYear, 2025);
      assert.deepEqual(host.calls, ["loadSettings", "loadWorkbookGrid"]);
      assert.equal(c.state.live, false);
    });

    it("reads once, checks, and watches the counts sheet", async () => {
      const { c, host } = setup({ counts: true });
      const busySeen: (string | null)[] = [];
      c.subscribe((s) => busySeen.push(s.busy));
      await c.open();
      assert.equal(c.state.phase, "ready");
      assert.equal(c.state.sheet, "公开数据");
      assert.equal(c.state.year, 2025);
      assert.deepEqual(
        c.state.findings?.map((f) => [f.severity, f.message, f.cells, f.expected, f.actual]),
        [
          ["error", "zh:sum", ["公开数据!R2C3"], "3", "4"],
          ["info", "zh:note", [], undefined, undefined],
        ],
      );
      assert.deepEqual(host.calls, ["loadSettings", "loadWorkbookGrid", "onSheetChanged:公开数据"]);
      assert.equal(host.listeners("公开数据"), 1);
      assert.equal(c.state.live, true);
      assert.ok(busySeen.includes("reading"), "busy while reading");
      assert.equal(busySeen.at(-1), null);
    });

    it("formats messages in English when the pane is English", async () => {
      const { c } = setup({ counts: true, lang: "en" });
      await c.open();
      assert.equal(c.state.findings?.[0]?.message, "en:sum");
    });

    it("applies stored settings to the checks", async () => {
      const { c, host, engine } = setup({ counts: true });
      host.settings.set(SETTINGS_KEY, { ...DEFAULT_SETTINGS, decimals: 1, rounding: "half-even" });
      await c.open();
      assert.equal(c.state.settings.decimals, 1);
      assert.deepEqual(engine.checkOptions.at(-1), {
        decimals: 1,
        rounding: "half-even",
        largestRemainder: false,
        year: 2025,
      });
    });

    it("turns a host failure before the first read into the failed state, and retries", async () => {
      const { c, host } = setup({ counts: true });
      host.failNext.loadWorkbookGrid = new HostFailure("EditMode");
      await c.open();
      assert.equal(c.state.phase, "failed");
      assert.equal(c.state.reason, "请先结束单元格编辑（按 Enter 或 Esc）");
      await c.open();
      assert.equal(c.state.phase, "ready");
    });

    it("notices report sheets written in an earlier session", async () => {
      const { c, host } = setup({ counts: true });
      host.sheets.set("报告表格", { name: "报告表格", top: 0, left: 0, values: [["x"]] });
      await c.open();
      assert.equal(c.state.generated, true);
      assert.deepEqual(c.state.tables, [
        { name: "报告_表三", title: "三、公开数据" },
        { name: "报告正文", title: "报告正文（全文）", text: { sheet: "报告正文", rows: 1 } },
      ]);
    });
  });

  describe("insert template", () => {
    it("inserts last year's template, then reads and checks it", async () => {
      const { c, host, engine } = setup();
      await c.open();
      await c.insertTemplate();
      assert.deepEqual(engine.templateOpts, [{ year: 2025 }]);
      assert.equal(host.inserted.length, 1);
      assert.equal(c.state.phase, "ready");
      assert.equal(c.state.sheet, "公开数据");
      assert.equal(c.state.notice?.kind, "success");
      assert.match(c.state.notice?.text ?? "", /公开数据/);
      assert.equal(host.listeners("公开数据"), 1);
    });
  });

  describe("findings", () => {
    it("selects a finding's cells and ignores findings without cells", async () => {
      const { c, host } = setup({ counts: true });
      await c.open();
      const [err, note] = c.state.findings!;
      await c.selectFinding(err!.id);
      await c.selectFinding(note!.id);
      assert.deepEqual(host.selected, [[{ sheet: "公开数据", row: 1, col: 2 }]]);
    });

    it("groups by severity with errors first", () => {
      const views = [
        { id: 0, rule: "a", severity: "info" as const, message: "", cells: [], cellsLabel: "", refs: [] },
        { id: 1, rule: "b", severity: "error" as const, message: "", cells: [], cellsLabel: "", refs: [] },
        { id: 2, rule: "c", severity: "error" as const, message: "", cells: [], cellsLabel: "", refs: [] },
      ];
      assert.deepEqual(
        groupBySeverity(views).map((g) => [g.severity, g.items.map((i) => i.id)]),
        [
          ["error", [1, 2]],
          ["warning", []],
          ["info", [0]],
        ],
      );
    });
  });

  describe("suggested fix", () => {
    const sheetValues = (host: FakeHost): unknown => JSON.stringify(host.sheets.get("公开数据")!.values);

    it("offers no fix when the host cannot write a cell", async () => {
      const { c, host } = setup({ counts: true });
      await c.open();
      assert.equal(c.state.canFix, false);
      c.askFix(c.state.findings![0]!.id);
      assert.equal(c.state.confirmFix, null);
      assert.deepEqual(host.calls, ["loadSettings", "loadWorkbookGrid", "onSheetChanged:公开数据"]);
    });

    it("writes nothing without confirmation: 改为 N only asks, naming the cell, both values and the undo history", async () => {
      const { c, host } = setupFix();
      await c.open();
      const before = sheetValues(host);
      host.calls = [];
      const err = c.state.findings![0]!;
      assert.deepEqual(err.fix, { ref: { sheet: "公开数据", row: 1, col: 2 }, cell: "公开数据!C2", value: 3, was: 4 });
      c.askFix(err.id);
      await flush();
      assert.deepEqual(c.state.confirmFix, {
        id: err.id,
        cell: "公开数据!C2",
        value: 3,
        text: "将 公开数据!C2 由 4 改为 3？此操作会清除 Excel 的撤消记录。",
      });
      assert.deepEqual(host.calls, []);
      assert.deepEqual(host.written, []);
      assert.equal(sheetValues(host), before);
      c.askFix(c.state.findings![1]!.id); // the note has no fix: nothing changes
      assert.equal(c.state.confirmFix?.id, err.id);
    });

    it("取消 writes nothing", async () => {
      const { c, host } = setupFix();
      await c.open();
      const before = sheetValues(host);
      host.calls = [];
      c.askFix(c.state.findings![0]!.id);
      c.cancelFix();
      await c.confirmFix(); // nothing pending any more
      assert.equal(c.state.confirmFix, null);
      assert.deepEqual(host.calls, []);
      assert.deepEqual(host.written, []);
      assert.equal(sheetValues(host), before);
    });

    it("确定 writes exactly that one cell (guarded by what the check read), then reads the sheet again and re-checks", async () => {
      const { c, host } = setupFix();
      await c.open();
      host.calls = [];
      c.askFix(c.state.findings![0]!.id);
      await c.confirmFix();
      assert.deepEqual(host.calls, ["writeCell:公开数据!R2C3=3", "loadSheetGrid:公开数据"]);
      assert.deepEqual(host.written, [{ ref: { sheet: "公开数据", row: 1, col: 2 }, value: 3 }]);
      assert.deepEqual(host.sheets.get("公开数据")!.values, [["counts"], [1, 2, 3]]);
      assert.deepEqual(
        c.state.findings?.map((f) => f.rule),
        ["note"],
      );
      assert.equal(c.state.confirmFix, null);
      assert.deepEqual(c.state.notice, { kind: "success", text: "已将 公开数据!C2 改为 3，已重新检查。" });
      assert.equal(c.state.busy, null);
    });

    it("refuses to write over a cell that changed after the check, and says so", async () => {
      const { c, host } = setupFix();
      await c.open();
      c.askFix(c.state.findings![0]!.id);
      host.sheets.get("公开数据")!.values[1]![2] = 7; // typed by the user; the debounced re-check has not run yet
      host.calls = [];
      await c.confirmFix();
      assert.deepEqual(host.calls, ["writeCell:公开数据!R2C3=3"]);
      assert.deepEqual(host.written, []);
      assert.equal(host.sheets.get("公开数据")!.values[1]![2], 7);
      assert.deepEqual(c.state.notice, {
        kind: "error",
        text: "操作失败：单元格 公开数据!C2 已被修改（现为 7），未写入。请重新核对。",
      });
    });

    it("a re-check while the question is open keeps it only if the same fix is still suggested", async () => {
      const { c, host, timers } = setupFix();
      await c.open();
      c.askFix(c.state.findings![0]!.id);
      host.edit("公开数据", 0, 5, "note"); // elsewhere: the fix stands
      timers.advance(400);
      await flush();
      assert.equal(c.state.confirmFix?.cell, "公开数据!C2");
      host.edit("公开数据", 1, 0, 2); // a is now 2: the suggestion becomes 4 = the total, no finding
      timers.advance(400);
      await flush();
      assert.equal(c.state.confirmFix, null);
      host.calls = [];
      await c.confirmFix();
      assert.deepEqual(host.calls, []);
    });
  });

  describe("live re-check", () => {
    it("debounces edits (400 ms) into one sheet read, and the fixed finding disappears", async () => {
      const { c, host, timers } = setup({ counts: true });
      await c.open();
      host.calls = [];
      host.edit("公开数据", 1, 2, 5);
      timers.advance(300);
      host.edit("公开数据", 1, 2, 3);
      timers.advance(399);
      await flush();
      assert.deepEqual(host.calls, [], "no read before 400 ms of quiet");
      timers.advance(1);
      await flush();
      assert.deepEqual(host.calls, ["loadSheetGrid:公开数据"]);
      assert.deepEqual(
        c.state.findings?.map((f) => f.rule),
        ["note"],
      );
    });

    it("marks a generated report out of date when auto-update is off", async () => {
      const { c, host, timers } = setup({ counts: true });
      await c.open();
      await c.generate();
      assert.equal(host.applied.length, 1);
      host.edit("公开数据", 1, 2, 3);
      timers.advance(400);
      await flush();
      assert.equal(c.state.stale, true);
      assert.equal(host.applied.length, 1, "not regenerated");
      await c.generate();
      assert.equal(c.state.stale, false);
    });

    it("a re-check that meets cell edit mode says nothing and is retried (timer, then the next change)", async () => {
      const { c, host, timers } = setup({ counts: true });
      await c.open();
      host.calls = [];
      host.failNext["loadSheetGrid:公开数据"] = new HostFailure("EditMode");
      host.edit("公开数据", 1, 2, 3);
      timers.advance(400);
      await flush();
      assert.deepEqual(host.calls, ["loadSheetGrid:公开数据"]);
      assert.equal(c.state.notice, null, "no notice for a background miss");
      timers.advance(RECHECK_RETRY_MS);
      await flush();
      assert.deepEqual(host.calls, ["loadSheetGrid:公开数据", "loadSheetGrid:公开数据"]);
      assert.deepEqual(
        c.state.findings?.map((f) => f.rule),
        ["note"],
      );
    });

    it("a background failure's notice goes with the next successful re-check", async () => {
      const { c, host, timers } = setup({ counts: true });
      await c.open();
      host.failNext["loadSheetGrid:公开数据"] = new HostFailure("Generic", { detail: "网络中断" });
      host.edit("公开数据", 1, 2, 5);
      timers.advance(400);
      await flush();
      assert.equal(c.state.notice?.text, "操作失败：Excel 操作失败：网络中断");
      host.edit("公开数据", 1, 2, 3);
      timers.advance(400);
      await flush();
      assert.equal(c.state.notice, null);
    });

    it("a user's action in cell edit mode says 请先结束单元格编辑（按 Enter 或 Esc）", async () => {
      const { c, host } = setup({ counts: true });
      await c.open();
      host.failNext.loadWorkbookGrid = new HostFailure("EditMode");
      await c.check();
      assert.deepEqual(c.state.notice, { kind: "error", text: "请先结束单元格编辑（按 Enter 或 Esc）" });
    });

    it("re-checks ask the host to wait for cell edit mode (background); user actions do not", async () => {
      const { c, host, timers } = setup({ counts: true });
      await c.open();
      host.edit("公开数据", 1, 2, 5);
      timers.advance(400);
      await flush();
      assert.deepEqual(host.readOpts.slice(-1), [{ background: true }]);
      await c.check();
      assert.deepEqual(host.readOpts.slice(-1), [undefined]);
    });

    it("does not mark anything stale before a report exists", async () => {
      const { c, host, timers } = setup({ counts: true });
      await c.open();
      host.edit("公开数据", 1, 2, 3);
      timers.advance(400);
      await flush();
      assert.equal(c.state.stale, false);
      assert.equal(host.applied.length, 0);
    });

    it("regenerates the report sheets after a re-check when auto-update is on", async () => {
      const { c, host, timers } = setup({ counts: true });
      await c.open();
      await c.generate();
      await c.setAutoUpdate(true);
      assert.equal((host.settings.get(SETTINGS_KEY) as PaneSettings).autoUpdate, true, "toggle is stored");
      host.edit("公开数据", 1, 2, 3);
      timers.advance(400);
      await flush();
      assert.equal(host.applied.length, 2);
      assert.deepEqual(host.applied[1]!.opts, { replace: true, background: true });
      assert.equal(c.state.stale, false);
    });

    it("an edit of the text sheet (报告正文) re-checks the text against the tables, reading that sheet only and writing nothing", async () => {
      const { c, host, engine, timers } = setup({ counts: true });
      await c.open();
      await c.generate();
      await c.setAutoUpdate(true);
      assert.equal(host.listeners("报告正文"), 1, "the text sheet is watched once the report exists");
      timers.advance(OWN_WRITE_GRACE_MS); // the report was just written
      const before = host.calls.length;
      host.edit("报告正文", 0, 0, "公开数据：全年新收政府信息公开申请99件。");
      timers.advance(399);
      await flush();
      assert.equal(host.calls.length, before, "debounced");
      timers.advance(1);
      await flush();
      assert.deepEqual(host.calls.slice(before), ["loadSheetGrid:报告正文"]);
      assert.deepEqual(host.readOpts.slice(-1), [{ background: true }]);
      assert.equal(host.applied.length, 1, "a text edit is not a reason to rewrite the report");
      const checked = engine.checked[engine.checked.length - 1]!;
      assert.equal(checked.prose?.[0]?.text, "公开数据：全年新收政府信息公开申请99件。");
      assert.deepEqual(checked.prose?.[0]?.cell, { sheet: "报告正文", row: 0, col: 0 });
      assert.equal(c.state.stale, false);
      await c.dispose();
      assert.equal(host.listeners("报告正文"), 0, "the text sheet's handler goes with the pane");
    });

    it("auto-update's own writes to the text sheet do not re-trigger a check (Excel 2019: no triggerSource)", async () => {
      const { c, host, engine, timers } = setup({ counts: true });
      host.ownWriteEvents = true;
      await c.open();
      await c.generate();
      await c.setAutoUpdate(true);
      timers.advance(400);
      await flush();
      const before = host.calls.length;
      const checks = engine.checked.length;
      host.edit("公开数据", 1, 2, 3);
      timers.advance(400);
      await flush();
      assert.equal(host.applied.length, 2, "auto-update wrote the report");
      for (let i = 0; i < 5; i++) {
        timers.advance(400);
        await flush();
      }
      assert.deepEqual(host.calls.slice(before), [
        "loadSheetGrid:公开数据",
        "loadSheetGrid:报告正文",
        "loadWorkbookGrid",
        "applyPlan",
      ]);
      assert.equal(engine.checked.length, checks + 1, "one check for the one edit");
      // After the grace, the user's own edit of the text is followed again.
      timers.advance(OWN_WRITE_GRACE_MS);
      host.edit("报告正文", 0, 0, "用户改写的正文。");
      timers.advance(400);
      await flush();
      assert.deepEqual(host.calls.slice(-1), ["loadSheetGrid:报告正文"]);
      assert.equal(engine.checked.length, checks + 2);
    });

    it("turning auto-update on brings a stale report up to date", async () => {
      const { c, host, timers } = setup({ counts: true });
      await c.open();
      await c.generate();
      host.edit("公开数据", 1, 2, 3);
      timers.advance(400);
      await flush();
      assert.equal(c.state.stale, true);
      await c.setAutoUpdate(true);
      assert.equal(c.state.stale, false);
      assert.equal(host.applied.length, 2);
    });

    it("moves the handler when the counts sheet changes, and removes it on close", async () => {
      const { c, host, timers } = setup({ counts: true });
      await c.open();
      host.sheets.delete("公开数据");
      host.sheets.set("数据2026", { name: "数据2026", top: 0, left: 0, values: [["counts"], [1, 1, 2]] });
      await c.check();
      assert.equal(c.state.sheet, "数据2026");
      assert.deepEqual(host.removed, ["公开数据"]);
      assert.equal(host.listeners("数据2026"), 1);
      await c.dispose();
      assert.deepEqual(host.removed, ["公开数据", "数据2026"]);
      host.calls = [];
      host.sheets.get("数据2026")!.values[1]![2] = 9;
      timers.advance(1000);
      await flush();
      assert.deepEqual(host.calls, []);
    });

    it("follows the counts sheet when it is renamed, and shows the empty state when it is deleted", async () => {
      const { c, host, timers } = setup({ counts: true });
      await c.open();
      host.rename("公开数据", "2025数据");
      await flush();
      await c.check(); // waits for the queued re-read
      assert.equal(c.state.sheet, "2025数据");
      assert.equal(host.listeners("公开数据"), 0);
      assert.equal(host.listeners("2025数据"), 1);
      assert.equal(host.lifecycle.get("公开数据")?.size, 0);
      assert.equal(host.lifecycle.get("2025数据")?.size, 1);
      host.edit("2025数据", 1, 2, 3);
      timers.advance(400);
      await flush();
      assert.deepEqual(
        c.state.findings?.map((f) => f.rule),
        ["note"],
      );
      host.sheets.delete("2025数据");
      for (const h of host.lifecycle.get("2025数据") ?? []) h();
      await flush();
      await c.check();
      assert.equal(c.state.phase, "empty");
      assert.equal(host.listeners("2025数据"), 0);
      assert.equal(host.lifecycle.get("2025数据")?.size, 0);
    });

    it("keeps working with the 检查 button when change events are not supported", async () => {
      const { c, host } = setup({ counts: true });
      host.failNext["onSheetChanged:公开数据"] = new HostFailure("ApiNotSupported");
      await c.open();
      assert.equal(c.state.phase, "ready");
      assert.equal(c.state.live, false);
      assert.equal(c.state.notice, null);
    });
  });

  describe("下载 Word 文档", () => {
    const docxSetup = (mac: boolean) => {
      const host = new FakeHost();
      host.sheets.set("公开数据", { name: "公开数据", top: 0, left: 0, values: [["counts"], [1, 2, 4]] });
      const engine = new FakeEngine();
      const saved: { title: string; file: string; tables: number }[] = [];
      const docEngine: Engine = {
        ...engine,
        documentPlan: (report, settings) => documentPlan(report, settings),
        narrative: (report) => narrative(report),
      };
      const c = new Controller({
        host,
        engine: docEngine,
        lang: "zh",
        mac,
        saveDocx: async (plan, file) => {
          saved.push({
            title: plan.title,
            file,
            tables: plan.sections.flatMap((s) => s.blocks).filter((b) => b.type === "table").length,
          });
        },
      });
      return { host, c, saved };
    };

    it("saves the report as a .docx where the pane can download, after one read of the workbook", async () => {
      const { host, c, saved } = docxSetup(false);
      await c.open();
      assert.equal(c.state.wordDocument, "download");
      host.calls.length = 0;
      await c.downloadDocx();
      assert.deepEqual(host.calls, ["loadWorkbookGrid"]);
      assert.equal(saved.length, 1);
      assert.match(saved[0]!.file, /政府信息公开工作年度报告\.docx$/);
      assert.equal(c.state.notice?.kind, "success");
      assert.match(c.state.notice!.text, /Word/);
      assert.equal(c.state.busy, null);
    });

    it("on a Mac offers no download (task panes cannot save files) but says what to do instead", async () => {
      const { c, saved } = docxSetup(true);
      await c.open();
      assert.equal(c.state.wordDocument, "mac");
      await c.downloadDocx();
      assert.equal(saved.length, 0);
      assert.match(t("zh", "docxMac"), /--docx/);
      assert.match(t("en", "docxMac"), /cannot download/);
    });

    it("offers nothing without a Word writer", () => {
      const { c } = setup({ counts: true });
      assert.equal(c.state.wordDocument, "none");
    });
  });

  describe("generate", () => {
    it("renders with the pane's settings and lists the tables to copy", async () => {
      const { c, host, engine } = setup({ counts: true });
      await c.open();
      await c.generate();
      assert.deepEqual(engine.renderSettings.at(-1), {
        rounding: { decimals: 2, rounding: "half-up", largestRemainder: false },
        tableSheet: "报告表格",
        textSheet: "报告正文",
        fonts: { name: "仿宋", titleSize: 12, bodySize: 10.5 },
      });
      assert.deepEqual(
        host.applied[0]!.plan.sheets.map((s) => s.name),
        ["报告表格", "报告正文", "_报告生成记录"],
      );
      assert.equal(c.state.generated, true);
      // The named tables, then 报告正文 (its paragraphs' rows).
      assert.deepEqual(c.state.tables, [
        { name: "报告_表三", title: "三、公开数据" },
        { name: "报告正文", title: "报告正文（全文）", text: { sheet: "报告正文", rows: 1 } },
      ]);
      // One error remains in the sheet: the notice says so.
      assert.equal(c.state.notice?.kind, "warning");
      const notice = c.state.notice;
      assert.equal(c.state.selectedTable, null);
      await c.selectTable("报告_表三");
      assert.deepEqual(host.selectedNames, ["报告_表三"]);
      assert.equal(c.state.selectedTable, "报告_表三", "the pane marks the selected table");
      assert.equal(c.state.notice, notice, "no second copy hint in a banner: the tables card says it once");
      assert.equal(c.state.copyKey, "Ctrl+C");
      // Selecting a finding's cells, or writing the report again, unmarks it.
      await c.selectFinding(c.state.findings!.find((f) => f.refs.length > 0)!.id);
      assert.equal(c.state.selectedTable, null);
      await c.selectTable("报告_表三");
      await c.generate();
      assert.equal(c.state.selectedTable, null);
      // 选中 报告正文: its column of paragraphs, as cells (no range name).
      const before = host.selectedNames.length;
      await c.selectTable("报告正文");
      assert.deepEqual(host.selected.at(-1), [{ sheet: "报告正文", row: 0, col: 0 }]);
      assert.equal(host.selectedNames.length, before, "not a named range");
      assert.equal(c.state.selectedTable, "报告正文");
    });

    it("names ⌘C on a Mac and Ctrl+C elsewhere, in both languages", async () => {
      assert.equal(setup({ mac: true }).c.state.copyKey, "⌘C");
      assert.equal(setup({ mac: false }).c.state.copyKey, "Ctrl+C");
      assert.equal(setup().c.state.copyKey, "Ctrl+C");
      assert.equal(copyShortcut(true), "⌘C");
      assert.equal(
        t("zh", "copyHint", { key: copyShortcut(true) }),
        "选中表格后，点一下当前工作表的标签（或按 F6）回到表格，按 ⌘C 复制，再粘贴到 Word。",
      );
      assert.equal(
        t("en", "copyHint", { key: copyShortcut(false) }),
        "Select a table, click the sheet tab (or press F6) to return to the sheet, press Ctrl+C to copy, then paste into Word.",
      );
      for (const mac of ["MacIntel", "macOS", "Mac", "iPad", "iPhone", "iOS"])
        assert.equal(isMacPlatform(mac), true, mac);
      for (const other of ["Win32", "Windows", "Linux x86_64", "PC", "OfficeOnline", "Android", "", undefined, null])
        assert.equal(isMacPlatform(other), false, String(other));
      assert.equal(isMacPlatform(undefined, "Win32", "Mac"), true, "any source that says Mac");
    });

    it("asks before overwriting report sheets from an earlier session", async () => {
      const { c, host } = setup({ counts: true });
      host.sheets.set("报告正文", { name: "报告正文", top: 0, left: 0, values: [["old"]] });
      await c.open();
      await c.generate();
      assert.equal(host.applied.length, 0);
      assert.equal(
        c.state.confirmReplace,
        "工作簿中已有工作表“报告正文”，且不是本工具生成的。要用报告替换这些工作表吗？",
      );
      c.cancelReplace();
      assert.equal(c.state.confirmReplace, null);
      await c.generate();
      await c.confirmReplace();
      assert.equal(host.applied.length, 1);
      assert.deepEqual(host.applied[0]!.opts, { replace: true });
      assert.equal(c.state.confirmReplace, null);
    });

    it("keeps hand-edited report text when it regenerates (the new text beside it), even with auto-update", async () => {
      const { c, host, timers } = setup({ counts: true });
      await c.open();
      await c.generate();
      await c.setAutoUpdate(true);
      assert.equal(host.sheets.get("报告正文")!.values[0]![0], "公开数据：本年新收4件");
      // The user fills in the text; then the counts change.
      host.sheets.get("报告正文")!.values[0]![0] = "本机关……（手工补充）";
      host.edit("公开数据", 1, 2, 3);
      timers.advance(400);
      await flush();
      assert.equal(host.applied.length, 2, "regenerated without asking: nothing is lost");
      assert.equal(c.state.confirmReplace, null);
      assert.equal(c.state.stale, false);
      const text = host.sheets.get("报告正文")!;
      assert.equal(text.values[0]![0], "本机关……（手工补充）", "the user's text stays");
      assert.equal(text.values[0]![1], "公开数据：本年新收3件", "the new text is beside it");
      assert.match(c.state.notice?.text ?? "", /保留了您修改过的 1 段正文（报告正文!A1）/);
      // The same edit again with the same counts: nothing new to compare, still kept.
      host.edit("公开数据", 1, 2, 3);
      timers.advance(400);
      await flush();
      assert.equal(host.sheets.get("报告正文")!.values[0]![0], "本机关……（手工补充）");
    });

    it("refuses to write the report over the counts sheet itself", async () => {
      const { c, host } = setup({ counts: true });
      await c.open();
      // Settings cannot name the counts sheet; a renderer that did must still not overwrite it.
      (c as unknown as { s: { settings: { textSheet: string } } }).s.settings.textSheet = "公开数据";
      await c.generate();
      assert.equal(host.applied.length, 0);
      assert.match(c.state.notice?.text ?? "", /即数据所在的工作表/);
    });

    it("shows a host error as a notice in the pane's language", async () => {
      const { c, host } = setup({ counts: true, lang: "en" });
      await c.open();
      host.failNext.applyPlan = new HostFailure("Protected");
      await c.generate();
      assert.deepEqual(c.state.notice, {
        kind: "error",
        text: "Failed: The worksheet is protected and cannot be written. Unprotect it (Review > Unprotect Sheet) and try again.",
      });
      assert.equal(c.state.busy, null);
      assert.equal(c.state.phase, "ready");
    });
  });

  describe("structure-protected workbook", () => {
    it("generate in a structure-protected workbook: the notice says 审阅 > 保护工作簿 and names the sheets", async () => {
      const { c, host } = setup({ counts: true });
      await c.open();
      host.failNext.applyPlan = new HostFailure("WorkbookProtected", { sheets: "报告表格、报告正文" });
      await c.generate();
      assert.deepEqual(c.state.notice, {
        kind: "error",
        text: "操作失败：工作簿结构受保护（不能新建、显示或隐藏工作表），无法写入工作表“报告表格、报告正文”，未写入任何内容。请在“审阅 > 保护工作簿”中取消保护（设有密码的需输入密码）后重试。",
      });
      assert.equal(c.state.phase, "ready");
    });
  });

  describe("cells", () => {
    const ref = (sheet: string, row: number, col: number) => ({ sheet, row, col });
    it("writes a filled rectangle as one range, per sheet", () => {
      const row = [3, 4, 5, 6].map((c) => ref("公开数据", 63, c));
      assert.equal(compactCells(row), "公开数据!D64:G64");
      const col = [63, 64, 65].map((r) => ref("公开数据", r, 3));
      assert.equal(compactCells([...col, ref("My Sheet", 0, 0)]), "公开数据!D64:D66 'My Sheet'!A1");
      assert.equal(compactCells([ref("S", 0, 0), ref("S", 0, 0)]), "S!A1");
      assert.equal(compactCells([]), null);
    });

    it("lists scattered cells and cuts long lists", () => {
      assert.equal(compactCells([ref("S", 0, 0), ref("S", 2, 2)]), "S!A1 S!C3");
      const many = [0, 2, 4, 6, 8, 10, 12].map((r) => ref("S", r, 0));
      assert.equal(compactCells(many), "S!A1 S!A3 S!A5 S!A7 S!A9 S!A11 …");
    });

    it("gives the view the short form beside every cell", async () => {
      const { c } = setup({ counts: true });
      await c.open();
      assert.equal(c.state.findings?.[0]?.cellsLabel, "公开数据!C2");
      assert.deepEqual(c.state.findings?.[0]?.cells, ["公开数据!R2C3"]);
    });
  });

  describe("settings", () => {
    it("refuses invalid settings without touching the workbook", async () => {
      const { c, host } = setup({ counts: true });
      await c.open();
      const ok = await c.saveSettings({ ...DEFAULT_SETTINGS, decimals: 5, tableSheet: "公开数据" });
      assert.equal(ok, false);
      assert.deepEqual(c.state.settingsProblems, ["errDecimals", "errSheetSame"]);
      assert.equal(host.settings.size, 0);
    });

    it("stores valid settings in the workbook and re-checks with them", async () => {
      const { c, host, engine } = setup({ counts: true });
      await c.open();
      const next = { ...DEFAULT_SETTINGS, decimals: 0, rounding: "half-even" as const, tableSheet: "表格" };
      assert.equal(await c.saveSettings(next), true);
      assert.deepEqual(host.settings.get(SETTINGS_KEY), next);
      assert.deepEqual(engine.checkOptions.at(-1), {
        decimals: 0,
        rounding: "half-even",
        largestRemainder: false,
        year: 2025,
      });
      await c.generate();
      assert.equal(engine.renderSettings.at(-1)?.tableSheet, "表格");
    });

    it("falls back to defaults for malformed stored settings", () => {
      assert.deepEqual(settingsFromStored(null), DEFAULT_SETTINGS);
      assert.deepEqual(settingsFromStored("x"), DEFAULT_SETTINGS);
      const s = settingsFromStored({ decimals: 9, rounding: "up", tableSheet: "a/b", fontName: "黑体", bodySize: 14 });
      assert.deepEqual(s, { ...DEFAULT_SETTINGS, fontName: "黑体", bodySize: 14 });
      assert.deepEqual(settingsFromStored({ tableSheet: "同名", textSheet: "同名" }), DEFAULT_SETTINGS);
    });

    it("knows Excel's sheet-name rules", () => {
      for (const ok of ["报告表格", "Report 2025", "a".repeat(31), "it's"]) assert.ok(isValidSheetName(ok), ok);
      for (const bad of ["", "a".repeat(32), "a:b", "a[1]", "x*", "'quoted", "end'", "a\\b", "a?b"]) {
        assert.ok(!isValidSheetName(bad), bad);
      }
      assert.deepEqual(settingsProblems({ ...DEFAULT_SETTINGS, fontName: " ", titleSize: 100 }), [
        "errFontName",
        "errFontSize",
      ]);
      assert.deepEqual(settingsProblems(DEFAULT_SETTINGS, "报告正文"), ["errSheetSame"]);
      assert.deepEqual(settingsProblems(DEFAULT_SETTINGS, "公开数据"), []);
    });
  });

  describe("language and theme", () => {
    it("picks Chinese for zh* display languages only", () => {
      for (const zh of ["zh-CN", "zh-cn", "zh-TW", "zh", "zh-Hans-CN", "ZH_cn"])
        assert.equal(langFromDisplayLanguage(zh), "zh", zh);
      for (const en of ["en-US", "fr-FR", "", undefined, null, "zhx"])
        assert.equal(langFromDisplayLanguage(en), "en", String(en));
    });

    it("fills placeholders and joins lists per language", () => {
      assert.equal(t("zh", "counts", { sheet: "公开数据" }), "数据表：公开数据");
      assert.equal(t("en", "summary", { error: 1, warning: 0, info: 2 }), "1 errors, 0 warnings, 2 notes");
      assert.equal(t("en", "counts"), "Counts sheet: {sheet}");
      assert.equal(joinList("zh", ["报告表格", "报告正文"]), "报告表格、报告正文");
      assert.equal(joinList("en", ["a", "b"]), "a, b");
    });

    it("maps Office theme colours to CSS variables and detects dark themes", () => {
      assert.deepEqual(themeVariables(undefined), { vars: {}, dark: false });
      const dark = themeVariables({
        bodyBackgroundColor: "#262626",
        bodyForegroundColor: "#FFFFFF",
        controlBackgroundColor: "bad",
      });
      assert.deepEqual(dark, { vars: { "--office-body-bg": "#262626", "--office-body-fg": "#ffffff" }, dark: true });
      assert.equal(themeVariables({ bodyBackgroundColor: "#f3f3f3" }).dark, false);
      assert.equal(themeVariables({ bodyBackgroundColor: "#f3f3f3", isDarkTheme: true }).dark, true);
      assert.equal(luminance("#ffffff"), 1);
      assert.equal(luminance("#000000"), 0);
      assert.equal(luminance("red"), null);
    });
  });
});
