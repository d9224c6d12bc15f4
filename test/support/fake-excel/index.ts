/**
 * A fake Excel (Office.js) that behaves like Excel where it matters, for mocha and for the browser tests.
 *
 *   const fake = new FakeExcel({ maxApi: "1.9" });
 *   fake.addSheet("公开数据", [["单位名称", "某某局"]]);
 *   fake.install();                // globals Excel, Office, OfficeExtension
 *   await loadWorkbookGrid();          // the host under test
 *   fake.stats.syncs               // counted
 *   fake.uninstall();
 *
 * Browser-compatible: no Node APIs.
 */
import type { CellValue, WorkbookGrid } from "../../../src/core/grid";
import { a1 } from "../../../src/core/grid";
import {
  calculated,
  calculator,
  enter,
  formulaOut,
  parseRect,
  qualified,
  SheetModel,
  valueOut,
  WorkbookModel,
  type Cell,
  type CellFormat,
  type Rect,
} from "./model";
import {
  FakeOfficeError,
  FakeRequestContext,
  jsonBytes,
  type FakeHost,
  type FakeStats,
  type HandlerKind,
  type SyncRecord,
} from "./proxies";

export { FakeOfficeError, FakeRequestContext, jsonBytes, type FakeStats, type SyncRecord };
export { SheetModel, WorkbookModel, type Cell, type CellFormat, type Rect };

export interface FakeExcelOptions {
  /** Highest supported ExcelApi version, "1.7" .. "1.18" (default "1.18"). */
  maxApi?: string;
  /** Office.context.displayLanguage (default "zh-CN"). */
  displayLanguage?: string;
  /** How methods called on a null object behave: return null objects (default) or fail the sync. */
  nullObjectMethods?: "propagate" | "throw";
  /** Excel on the web refuses requests/responses over 5 MB. */
  maxRequestBytes?: number;
  maxResponseBytes?: number;
  /** Reads of more cells than this return null (Excel: 5,000,000). */
  maxCellsPerRead?: number;
  /** Error code raised by sync in cell edit mode (default "InvalidOperationInCellEditMode"). */
  editModeErrorCode?: string;
  /**
   * The host honours Excel.run({ delayForCellEdit: true }) (the DelayForCellEdit requirement set; default
   * true). False is Excel 2019: delayed batches fail in edit mode like any other.
   */
  delayForCellEdit?: boolean;
  /** The list separator of the user's locale, which getRanges wants (default ","; ";" in German settings). */
  listSeparator?: string;
  platform?: string;
}

export interface CellDump {
  value: CellValue;
  formula?: string;
  numberFormat?: string;
  /** Entered with a leading apostrophe. */
  text?: true;
}

interface Registered {
  id: number;
  kind: HandlerKind;
  key: string;
  handler: (args: unknown) => unknown;
  ctx: FakeRequestContext;
}

export interface StatsDelta {
  syncs: number;
  proxyCalls: number;
  runs: number;
  maxRequestBytes: number;
  maxResponseBytes: number;
  /** Largest request + response of one sync (responses of failed syncs excluded: never delivered). */
  maxBytesPerSync: number;
  failedSyncs: number;
  perSync: SyncRecord[];
}

export class FakeExcel implements FakeHost {
  wb = new WorkbookModel();
  maxApiMinor: number;
  nullObjectMethods: "propagate" | "throw";
  maxRequestBytes: number;
  maxResponseBytes: number;
  maxCellsPerRead: number;
  private _editMode = false;
  private _editWaiters: (() => void)[] = [];
  editModeErrorCode: string;
  supportsDelayForCellEdit: boolean;
  listSeparator: string;
  failNextSync: { code: string; message?: string } | null = null;
  displayLanguage: string;
  platform: string;
  stats: FakeStats = { syncs: 0, proxyCalls: 0, runs: 0, perSync: [] };
  /** Settings as set (in memory) and as saved with the document. */
  settings = new Map<string, unknown>();
  savedSettings = new Map<string, unknown>();
  settingsSaveFails = false;
  private handlers: Registered[] = [];
  private nextHandlerId = 1;
  private previous: Record<string, unknown> | null = null;

  constructor(opts: FakeExcelOptions = {}) {
    this.maxApiMinor = minorOf(opts.maxApi ?? "1.18");
    this.nullObjectMethods = opts.nullObjectMethods ?? "propagate";
    this.maxRequestBytes = opts.maxRequestBytes ?? 5 * 1024 * 1024;
    this.maxResponseBytes = opts.maxResponseBytes ?? 5 * 1024 * 1024;
    this.maxCellsPerRead = opts.maxCellsPerRead ?? 5_000_000;
    this.editModeErrorCode = opts.editModeErrorCode ?? "InvalidOperationInCellEditMode";
    this.supportsDelayForCellEdit = opts.delayForCellEdit ?? true;
    this.listSeparator = opts.listSeparator ?? ",";
    this.displayLanguage = opts.displayLanguage ?? "zh-CN";
    this.platform = opts.platform ?? "PC";
  }

  set maxApi(v: string) {
    this.maxApiMinor = minorOf(v);
  }

  /** The user is typing in a cell: batches fail (or wait, with delayForCellEdit) until it is false again. */
  get editMode(): boolean {
    return this._editMode;
  }

  set editMode(on: boolean) {
    this._editMode = on;
    if (!on) for (const w of this._editWaiters.splice(0)) w();
  }

  editEnded(): Promise<void> {
    return this._editMode ? new Promise((resolve) => this._editWaiters.push(resolve)) : Promise.resolve();
  }

  /** Batches waiting for the user to leave the cell. */
  get delayedBatches(): number {
    return this._editWaiters.length;
  }

  /** The add-in's own writes fire onChanged like the user's (ExcelApi 1.14 marks them ThisLocalAddin). */
  addinChanged(sheet: SheetModel, rects: Rect[]): void {
    const address = rects.map((r) => qualified(sheet.name, r).split("!")[1]!).join(",");
    const args: Record<string, unknown> = {
      type: "WorksheetChanged",
      changeType: "RangeEdited",
      source: "Local",
      worksheetId: sheet.id,
      address,
    };
    if (this.maxApiMinor >= 14) args.triggerSource = "ThisLocalAddin";
    this.ownChanges++;
    // After the sync's promise settles, as Excel delivers events.
    setTimeout(() => void this.fire("changed", sheet.id, args), 0);
  }

  /** onChanged events fired for the add-in's own writes. */
  ownChanges = 0;

  // ---- set-up helpers (not counted) ----

  /** Add a sheet, optionally with values from its top-left corner (strings starting with "=" are formulas). */
  addSheet(name: string, rows: unknown[][] = [], at = "A1"): SheetModel {
    if (this.wb.sheetByName(name)) throw new Error(`sheet ${name} exists`);
    const s = this.wb.addSheet(name);
    this.setCells(name, at, rows);
    return s;
  }

  /** Write rows of values as typed (like the user would, so "6%" becomes 0.06) without counting. */
  setCells(sheet: string, at: string, rows: unknown[][]): void {
    const s = this.sheet(sheet);
    const start = parseRect(at);
    if (!start) throw new Error(`bad address ${at}`);
    rows.forEach((line, r) =>
      line.forEach((v, c) => {
        if (v === null || v === undefined) return;
        enter(s.touch(start.top + r, start.left + c), v, this.wb.date1904);
      }),
    );
  }

  /** Load a WorkbookGrid (e.g. from the CLI reader) as the workbook's content: constants stay constants. */
  loadGrid(grid: WorkbookGrid): void {
    for (const g of grid.sheets) {
      const s = this.wb.sheetByName(g.name) ?? this.wb.addSheet(g.name);
      g.values.forEach((line, r) =>
        line.forEach((v, c) => {
          const f = g.formulas?.[r]?.[c];
          if ((v === null || v === undefined) && !f) return;
          const cell = s.touch(g.top + r, g.left + c);
          if (typeof f === "string" && f.startsWith("=")) {
            cell.formula = f;
            cell.value = v ?? null;
          } else {
            cell.value = v ?? null;
          }
        }),
      );
      if (g.merges) s.merges.push(...g.merges.map((m) => ({ ...m })));
      for (const h of g.hiddenRows ?? []) s.hiddenRows.add(h);
    }
  }

  sheet(name: string): SheetModel {
    const s = this.wb.sheetByName(name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }

  sheetNames(): string[] {
    return this.wb.sheets.map((s) => s.name);
  }

  protect(sheet: string, on = true): void {
    this.sheet(sheet).protected = on;
  }

  /** Review > Protect Workbook (structure), as the user sets it. */
  protectStructure(on = true): void {
    this.wb.structureProtected = on;
  }

  /** Delete a sheet as the user would (fires onDeleted handlers). */
  async deleteSheet(name: string): Promise<void> {
    const s = this.sheet(name);
    this.wb.sheets = this.wb.sheets.filter((x) => x !== s);
    if (this.wb.activeSheetId === s.id) this.wb.activeSheetId = this.wb.sheets[0]?.id ?? "";
    await this.fire("deleted", "*", { type: "WorksheetDeleted", worksheetId: s.id, source: "Local" });
  }

  /** Rename a sheet as the user would (fires onNameChanged handlers). */
  async renameSheet(name: string, to: string): Promise<void> {
    const s = this.sheet(name);
    s.name = to;
    await this.fire("nameChanged", "*", {
      type: "WorksheetNameChanged",
      worksheetId: s.id,
      nameBefore: name,
      nameAfter: to,
      source: "Local",
    });
  }

  /** The user types `value` into `address` of `sheet`; onChanged handlers run (awaited). */
  async edit(sheet: string, address: string, value: unknown): Promise<void> {
    const s = this.sheet(sheet);
    const r = parseRect(address);
    if (!r) throw new Error(`bad address ${address}`);
    if (s.protected && s.get(r.top, r.left)?.format?.locked !== false) {
      throw new Error(`sheet ${sheet} is protected`);
    }
    for (let row = r.top; row <= r.bottom; row++) {
      for (let col = r.left; col <= r.right; col++)
        enter(s.touch(row, col), value === null ? "" : value, this.wb.date1904);
    }
    const addr = qualified(s.name, r).split("!")[1]!;
    await this.fire("changed", s.id, {
      type: "WorksheetChanged",
      changeType: "RangeEdited",
      source: "Local",
      worksheetId: s.id,
      address: addr,
    });
  }

  /** Non-empty cells of a sheet by A1 address: value, formula, number format, quote prefix. */
  cells(sheet: string): Record<string, CellDump> {
    const s = this.sheet(sheet);
    const out: Record<string, CellDump> = {};
    const keys = [...s.cells.keys()].sort((x, y) => x - y);
    for (const k of keys) {
      const c = s.cells.get(k)!;
      if (c.value === null && c.formula === undefined) continue;
      const row = Math.floor(k / 16384);
      const col = k % 16384;
      const d: CellDump = { value: c.value };
      if (c.formula !== undefined) d.formula = c.formula;
      if (c.numberFormat !== undefined) d.numberFormat = c.numberFormat;
      if (c.quotePrefix) d.text = true;
      out[a1(row, col)] = d;
    }
    return out;
  }

  /** One cell with everything the fake knows about it. */
  cell(sheet: string, address: string): Cell | undefined {
    const r = parseRect(address);
    if (!r) throw new Error(`bad address ${address}`);
    const c = this.sheet(sheet).get(r.top, r.left);
    return c && JSON.parse(JSON.stringify(c));
  }

  /** Excel's view of a cell's value (as `values` returns it) and formula (as `formulas` returns it). */
  read(sheet: string, address: string): { value: unknown; formula: unknown } {
    const r = parseRect(address)!;
    const c = calculated(calculator(this.wb), this.sheet(sheet), r.top, r.left);
    return { value: valueOut(c), formula: formulaOut(c) };
  }

  /** A deep, comparable picture of a sheet (cells with formats, merges, widths, validations, layout). */
  snapshot(sheet: string): string {
    const s = this.sheet(sheet);
    const cells = [...s.cells.entries()].sort((x, y) => x[0] - y[0]);
    return JSON.stringify({
      name: s.name,
      cells,
      merges: s.merges,
      widths: [...s.columnWidths.entries()].sort((x, y) => x[0] - y[0]),
      heights: [...s.rowHeights.entries()].sort((x, y) => x[0] - y[0]),
      validations: s.validations,
      protected: s.protected,
      frozen: [s.frozenRows, s.frozenColumns],
      pageLayout: s.pageLayout,
      rowBreaks: s.rowBreaks,
    });
  }

  activeSheet(): string {
    return this.wb.sheetById(this.wb.activeSheetId)?.name ?? "";
  }

  selection(): { sheet: string; address: string } | null {
    const sel = this.wb.selection;
    if (!sel) return null;
    const s = this.wb.sheetById(sel.sheetId);
    return s ? { sheet: s.name, address: sel.rects.map((r) => qualified(s.name, r).split("!")[1]).join(",") } : null;
  }

  handlerCount(kind?: HandlerKind): number {
    return this.handlers.filter((h) => !kind || h.kind === kind).length;
  }

  // ---- counting ----

  resetStats(): void {
    this.stats = { syncs: 0, proxyCalls: 0, runs: 0, perSync: [] };
  }

  /** Run `fn` and return what it cost. */
  async measure<T>(fn: () => Promise<T>): Promise<{ result: T; cost: StatsDelta }> {
    const before = {
      syncs: this.stats.syncs,
      proxyCalls: this.stats.proxyCalls,
      runs: this.stats.runs,
      n: this.stats.perSync.length,
    };
    const result = await fn();
    const perSync = this.stats.perSync.slice(before.n);
    const delivered = perSync.filter((p) => !p.failed);
    return {
      result,
      cost: {
        syncs: this.stats.syncs - before.syncs,
        proxyCalls: this.stats.proxyCalls - before.proxyCalls,
        runs: this.stats.runs - before.runs,
        maxRequestBytes: Math.max(0, ...perSync.map((p) => p.requestBytes)),
        maxResponseBytes: Math.max(0, ...delivered.map((p) => p.responseBytes)),
        maxBytesPerSync: Math.max(0, ...delivered.map((p) => p.requestBytes + p.responseBytes)),
        failedSyncs: perSync.filter((p) => p.failed).length,
        perSync,
      },
    };
  }

  // ---- FakeHost ----

  registerHandler(
    kind: HandlerKind,
    key: string,
    handler: (args: unknown) => unknown,
    ctx: FakeRequestContext,
  ): number {
    const id = this.nextHandlerId++;
    this.handlers.push({ id, kind, key, handler, ctx });
    return id;
  }

  unregisterHandler(id: number): void {
    this.handlers = this.handlers.filter((h) => h.id !== id);
  }

  onSheetDeleted(sheet: SheetModel): void {
    void this.fire("deleted", "*", { type: "WorksheetDeleted", worksheetId: sheet.id, source: "Local" });
  }

  onSheetRenamed(sheet: SheetModel, before: string): void {
    void this.fire("nameChanged", "*", {
      type: "WorksheetNameChanged",
      worksheetId: sheet.id,
      nameBefore: before,
      nameAfter: sheet.name,
      source: "Local",
    });
  }

  private async fire(kind: HandlerKind, key: string, args: Record<string, unknown>): Promise<void> {
    const list = this.handlers.filter((h) => h.kind === kind && (h.key === key || h.key === "*"));
    for (const h of list) await h.handler(args);
  }

  // ---- globals ----

  /** The `Excel` namespace object. */
  excelNamespace(): Record<string, unknown> {
    const run = async (...args: unknown[]): Promise<unknown> => {
      const batch = args[args.length - 1] as (ctx: FakeRequestContext) => Promise<unknown>;
      if (typeof batch !== "function") throw new TypeError("Excel.run needs a batch function");
      const first = args.length > 1 ? args[0] : undefined;
      let ctx: FakeRequestContext;
      if (first instanceof FakeRequestContext) ctx = first;
      else if (first && typeof first === "object" && "delayForCellEdit" in first) {
        ctx = new FakeRequestContext(this);
        ctx._delayForCellEdit = (first as { delayForCellEdit?: unknown }).delayForCellEdit === true;
      } else if (
        first &&
        typeof first === "object" &&
        (first as { context?: unknown }).context instanceof FakeRequestContext
      ) {
        ctx = (first as { context: FakeRequestContext }).context;
      } else ctx = new FakeRequestContext(this);
      this.stats.runs++;
      const result = await batch(ctx);
      if (ctx._queue.length) await ctx.sync(); // Excel.run flushes what is still queued
      return result;
    };
    return {
      run,
      RequestContext: class {
        constructor() {
          throw new Error("new Excel.RequestContext() is not supported by the fake; use Excel.run");
        }
      },
      ErrorCodes: {
        accessDenied: "AccessDenied",
        apiNotFound: "ApiNotFound",
        generalException: "GeneralException",
        invalidArgument: "InvalidArgument",
        invalidOperation: "InvalidOperation",
        itemAlreadyExists: "ItemAlreadyExists",
        itemNotFound: "ItemNotFound",
        invalidOperationInCellEditMode: "InvalidOperationInCellEditMode",
        responsePayloadSizeLimitExceeded: "ResponsePayloadSizeLimitExceeded",
      },
    };
  }

  /** The `Office` namespace object. */
  officeNamespace(): Record<string, unknown> {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the getters below need the fake, not the object literal
    const fake = this;
    const settings = {
      get: (key: string): unknown => (fake.settings.has(key) ? clone(fake.settings.get(key)) : null),
      set: (key: string, value: unknown): void => void fake.settings.set(key, clone(value)),
      remove: (key: string): void => void fake.settings.delete(key),
      saveAsync: (...args: unknown[]): void => {
        const cb = args.find((a) => typeof a === "function") as ((r: unknown) => void) | undefined;
        setTimeout(() => {
          if (fake.settingsSaveFails) {
            cb?.({
              status: "failed",
              error: { code: 5001, name: "Internal Error", message: "Settings could not be saved." },
            });
            return;
          }
          fake.savedSettings = new Map([...fake.settings].map(([k, v]) => [k, clone(v)]));
          cb?.({ status: "succeeded", value: undefined });
        }, 0);
      },
      refreshAsync: (cb?: (r: unknown) => void): void => {
        setTimeout(() => cb?.({ status: "succeeded", value: settings }), 0);
      },
    };
    return {
      onReady: (cb?: (info: unknown) => void): Promise<unknown> => {
        const info = { host: "Excel", platform: fake.platform };
        return new Promise((resolve) =>
          setTimeout(() => {
            cb?.(info);
            resolve(info);
          }, 0),
        );
      },
      context: {
        get displayLanguage() {
          return fake.displayLanguage;
        },
        get contentLanguage() {
          return fake.displayLanguage;
        },
        host: "Excel",
        get platform() {
          return fake.platform;
        },
        requirements: {
          isSetSupported: (name: string, version?: string | number): boolean => {
            if (name !== "ExcelApi") return false;
            return minorOf(String(version ?? "1.1")) <= fake.maxApiMinor;
          },
        },
        document: { settings },
      },
      HostType: { Excel: "Excel" },
      PlatformType: { PC: "PC", OfficeOnline: "OfficeOnline", Mac: "Mac" },
      AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    };
  }

  /** Install Excel, Office and OfficeExtension as globals (remembering what was there). */
  install(): this {
    const g = globalThis as unknown as Record<string, unknown>;
    this.previous = { Excel: g.Excel, Office: g.Office, OfficeExtension: g.OfficeExtension };
    g.Excel = this.excelNamespace();
    g.Office = this.officeNamespace();
    g.OfficeExtension = { Error: FakeOfficeError, ErrorCodes: { generalException: "GeneralException" } };
    return this;
  }

  uninstall(): void {
    const g = globalThis as unknown as Record<string, unknown>;
    if (!this.previous) return;
    for (const [k, v] of Object.entries(this.previous)) {
      if (v === undefined) delete g[k];
      else g[k] = v;
    }
    this.previous = null;
  }
}

function minorOf(v: string): number {
  const m = /^1\.(\d+)$/.exec(v.trim());
  if (!m) throw new Error(`bad ExcelApi version ${v}`);
  return Number(m[1]);
}

function clone<T>(v: T): T {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T);
}

/** Convenience: a fake with the given sheets, installed as globals. */
export function installFakeExcel(opts: FakeExcelOptions = {}): FakeExcel {
  return new FakeExcel(opts).install();
}
