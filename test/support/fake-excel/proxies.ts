/**
 * The proxy objects of the fake Excel: they behave like Office.js proxies where it matters.
 * - Methods and property writes are queued and applied at context.sync(), in order.
 * - Reading a property before load() + sync() throws PropertyNotLoaded (client side, like Office.js).
 * - Objects are resolved at sync time (getItem of a missing sheet fails at sync with ItemNotFound).
 * - Members above the configured ExcelApi version throw ApiNotFound at the call (as Office.js does).
 * - Every access to a public member of a proxy counts as one proxy call.
 */
import {
  calculated,
  calculator,
  contains,
  enter,
  formulaOut,
  intersect,
  MAX_COLS,
  MAX_ROWS,
  parseRect,
  qualified,
  rectAddress,
  rectCells,
  SheetModel,
  splitSheet,
  valueOut,
  valueType,
  DEFAULT_FORMAT,
  type Cell,
  type CellFormat,
  type NameModel,
  type Rect,
  type WorkbookModel,
} from "./model";

/** What the proxies need from the fake (implemented by FakeExcel). */
export interface FakeHost {
  wb: WorkbookModel;
  maxApiMinor: number;
  nullObjectMethods: "propagate" | "throw";
  maxRequestBytes: number;
  maxResponseBytes: number;
  maxCellsPerRead: number;
  editMode: boolean;
  editModeErrorCode: string;
  /** The host has the DelayForCellEdit requirement set (Office.js sends the flag only then). */
  supportsDelayForCellEdit: boolean;
  /** Resolves when the user leaves cell edit mode. */
  editEnded(): Promise<void>;
  /** The locale's list separator that getRanges wants ("," or ";"). */
  listSeparator: string;
  /** The add-in wrote cells: Excel fires onChanged for them too. */
  addinChanged(sheet: SheetModel, rects: Rect[]): void;
  failNextSync: { code: string; message?: string } | null;
  stats: FakeStats;
  registerHandler(kind: HandlerKind, key: string, handler: (args: unknown) => unknown, ctx: FakeRequestContext): number;
  unregisterHandler(id: number): void;
  onSheetDeleted(sheet: SheetModel): void;
  onSheetRenamed(sheet: SheetModel, before: string): void;
}

export type HandlerKind = "changed" | "deleted" | "nameChanged";

export interface SyncRecord {
  requestBytes: number;
  responseBytes: number;
  actions: number;
  calculationSuspended: boolean;
  screenUpdatingSuspended: boolean;
  /** The error code when the sync failed (its response never reached the add-in). */
  failed?: string;
}

export interface FakeStats {
  syncs: number;
  proxyCalls: number;
  runs: number;
  perSync: SyncRecord[];
}

export class FakeOfficeError extends Error {
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  readonly traceMessages: string[] = [];
  constructor(
    readonly code: string,
    message: string,
    errorLocation?: string,
  ) {
    super(message);
    this.name = "RichApi.Error";
    this.debugInfo = { code, message, ...(errorLocation ? { errorLocation } : {}) };
  }
}

/** Office.js's error for a member above the host's ExcelApi version, raised at the call. */
function apiNotFound(member: string, api: number): FakeOfficeError {
  return new FakeOfficeError(
    "ApiNotFound",
    `The API you are trying to use could not be found. It may be available in a newer version of Excel (${member} needs ExcelApi 1.${api}).`,
    member,
  );
}

function notLoaded(prop: string): FakeOfficeError {
  return new FakeOfficeError(
    "PropertyNotLoaded",
    `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

const utf8 = new TextEncoder();
export function jsonBytes(v: unknown): number {
  return utf8.encode(JSON.stringify(v) ?? "").length;
}

interface Op {
  obj: FakeClientObject<unknown>;
  action: string;
  args: unknown[];
  api: number;
  /** Runs at sync; may return a commit function (for loads) and a JSON response. */
  run: () => { response?: unknown; commit?: () => void } | void;
}

type SheetT = SheetModel;
interface RangeT {
  sheet: SheetModel;
  rects: Rect[];
}

let pathIds = 0;

/** Wraps a proxy so that every public member access is counted. */
function counted<T extends object>(obj: T, host: FakeHost): T {
  return new Proxy(obj, {
    get(target, prop, receiver) {
      if (
        typeof prop === "string" &&
        !prop.startsWith("_") &&
        prop !== "then" &&
        prop !== "toJSON" &&
        prop !== "constructor"
      ) {
        host.stats.proxyCalls++;
      }
      return Reflect.get(target, prop, receiver);
    },
    set(target, prop, value, receiver) {
      if (typeof prop === "string" && !prop.startsWith("_")) host.stats.proxyCalls++;
      return Reflect.set(target, prop, value, receiver);
    },
  });
}

export class FakeRequestContext {
  readonly _queue: Op[] = [];
  readonly _workbook: Workbook;
  readonly trackedObjects = { add: (): void => undefined, remove: (): void => undefined };
  private _calcSuspended = false;
  private _screenSuspended = false;
  /** Started with Excel.run({ delayForCellEdit: true }, ...). */
  _delayForCellEdit = false;
  /** Cells written by the current sync (onChanged fires for them after it). */
  _written: { sheet: SheetModel; rect: Rect }[] = [];

  constructor(readonly _host: FakeHost) {
    const self = counted(this, _host);
    this._workbook = new Workbook(self);
    return self;
  }

  get workbook(): Workbook {
    return this._workbook;
  }

  get application(): Application {
    return this._workbook._application();
  }

  _suspendCalculation(): void {
    this._calcSuspended = true;
  }

  _suspendScreen(): void {
    this._screenSuspended = true;
  }

  async sync<T>(passThroughValue?: T): Promise<T | undefined> {
    const host = this._host;
    host.stats.syncs++;
    const ops = this._queue.splice(0, this._queue.length);
    const record: SyncRecord = {
      requestBytes: 0,
      responseBytes: 0,
      actions: ops.length,
      calculationSuspended: false,
      screenUpdatingSuspended: false,
    };
    host.stats.perSync.push(record);
    await Promise.resolve();
    // delayForCellEdit: Excel holds the batch until the user leaves the cell (where the host supports it).
    if (host.editMode && this._delayForCellEdit && host.supportsDelayForCellEdit) await host.editEnded();
    this._written = [];
    try {
      const out = this._run(ops, record, passThroughValue);
      const written = this._written;
      this._written = [];
      const bySheet = new Map<SheetModel, Rect[]>();
      for (const w of written) bySheet.set(w.sheet, [...(bySheet.get(w.sheet) ?? []), w.rect]);
      for (const [sheet, rects] of bySheet) host.addinChanged(sheet, rects);
      return out;
    } catch (e) {
      record.failed = (e as { code?: string }).code ?? "Error";
      throw e;
    }
  }

  private _run<T>(ops: Op[], record: SyncRecord, passThroughValue?: T): T | undefined {
    const host = this._host;

    // The request: each object path once, then each action (as Office.js sends it).
    const paths = new Map<number, string>();
    const actions: unknown[] = [];
    for (const op of ops) {
      for (let o: FakeClientObject<unknown> | null = op.obj; o; o = o._parent) {
        if (!paths.has(o._pathId)) paths.set(o._pathId, o._pathText);
      }
      actions.push({ Id: actions.length, ObjectPathId: op.obj._pathId, Name: op.action, Args: op.args });
    }
    record.requestBytes = jsonBytes({ Actions: actions, ObjectPaths: Object.fromEntries(paths) });

    if (host.editMode) {
      throw new FakeOfficeError(
        host.editModeErrorCode,
        "The request cannot be processed because Excel is in cell edit mode. Exit edit mode and try again.",
      );
    }
    if (host.failNextSync) {
      const f = host.failNextSync;
      host.failNextSync = null;
      throw new FakeOfficeError(f.code, f.message ?? f.code);
    }
    if (record.requestBytes > host.maxRequestBytes) {
      throw new FakeOfficeError("RequestPayloadSizeLimitExceeded", "The request payload size has exceeded the limit.");
    }

    const commits: (() => void)[] = [];
    const responses: unknown[] = [];
    const touched = new Set<FakeClientObject<unknown>>();
    for (const op of ops) {
      if (op.api > host.maxApiMinor) {
        throw new FakeOfficeError(
          "ApiNotFound",
          `The API you are trying to use could not be found (${op.action} needs ExcelApi 1.${op.api}).`,
          op.action,
        );
      }
      const out = op.run();
      touched.add(op.obj);
      if (out?.commit) commits.push(out.commit);
      if (out && "response" in out) responses.push(out.response);
    }
    record.calculationSuspended = this._calcSuspended;
    record.screenUpdatingSuspended = this._screenSuspended;
    this._calcSuspended = false;
    this._screenSuspended = false;
    record.responseBytes = jsonBytes(responses);
    if (record.responseBytes > host.maxResponseBytes) {
      throw new FakeOfficeError(
        "ResponsePayloadSizeLimitExceeded",
        "The response payload size has exceeded the limit.",
      );
    }
    for (const c of commits) c();
    for (const o of touched) o._synced = true;
    return passThroughValue;
  }
}

/** A value returned by a method (getCount...), readable after sync. */
export class ClientResult<T> {
  _value: T | undefined;
  _set = false;
  get value(): T {
    if (!this._set) throw notLoaded("value");
    return this._value as T;
  }
}

export abstract class FakeClientObject<T> {
  _loaded: Record<string, unknown> = {};
  _synced = false;
  _isNull = false;
  _res: { v: T | null } | undefined;
  readonly _pathId = ++pathIds;
  readonly _api: number;

  constructor(
    readonly _ctx: FakeRequestContext,
    readonly _parent: FakeClientObject<unknown> | null,
    readonly _pathText: string,
    private readonly _resolver: () => T | null,
    api = 0,
  ) {
    this._api = Math.max(api, _parent?._api ?? 0);
    // Office.js checks the requirement set when the member is called (throwIfApiNotSupported), not at sync.
    if (api > _ctx._host.maxApiMinor) throw apiNotFound(_pathText, api);
    return counted(this, _ctx._host);
  }

  get context(): FakeRequestContext {
    return this._ctx;
  }

  get isNullObject(): boolean {
    if (!this._synced) throw notLoaded("isNullObject");
    return this._isNull;
  }

  get _host(): FakeHost {
    return this._ctx._host;
  }

  /** The model object, resolved once (at the first sync that uses this proxy). */
  _target(): T | null {
    if (this._api > this._host.maxApiMinor) {
      throw new FakeOfficeError(
        "ApiNotFound",
        `The API you are trying to use could not be found (needs ExcelApi 1.${this._api}).`,
      );
    }
    if (!this._res) this._res = { v: this._resolver() };
    const v = this._res.v;
    this._isNull = v === null;
    this._validate(v);
    return v;
  }

  /** Throws ItemNotFound when the object no longer exists (a deleted sheet). */
  _validate(_v: T | null): void {}

  /** For child resolvers: the parent's target, or null (null object) / an error. */
  static _from<P>(parent: FakeClientObject<P>): P | null {
    const p = parent._target();
    if (p === null && parent._host.nullObjectMethods === "throw") {
      throw new FakeOfficeError("InvalidArgument", "The object is a null object; its methods cannot be used.");
    }
    return p;
  }

  _op(action: string, args: unknown[], run: Op["run"], api = 0): void {
    if (api > this._host.maxApiMinor) throw apiNotFound(action, api);
    this._ctx._queue.push({ obj: this as FakeClientObject<unknown>, action, args, api: Math.max(api, this._api), run });
  }

  /** Queue a write that needs a live (non-null) target. */
  _write(action: string, args: unknown[], apply: (t: T) => void, api = 0): void {
    this._op(
      action,
      args,
      () => {
        const t = this._target();
        if (t === null) {
          if (this._host.nullObjectMethods === "throw") {
            throw new FakeOfficeError("InvalidArgument", "Cannot write to a null object.");
          }
          return;
        }
        apply(t);
      },
      api,
    );
  }

  _prop<V>(name: string): V {
    if (!Object.prototype.hasOwnProperty.call(this._loaded, name)) throw notLoaded(name);
    return this._loaded[name] as V;
  }

  /** The properties loaded when load() is called without arguments. */
  abstract _scalarProps(): string[];
  /** A loadable property's current value from the model. */
  abstract _read(t: T, prop: string): unknown;
  /** Navigation properties (format, font...) for load paths like "format/font/name". */
  _nav(_name: string): FakeClientObject<unknown> | null {
    return null;
  }

  load(props?: string | string[] | { select?: string; expand?: string } | Record<string, unknown>): this {
    let list: string[];
    if (props === undefined) list = this._scalarProps();
    else if (typeof props === "string") list = props.split(",");
    else if (Array.isArray(props)) list = props;
    else if (typeof props.select === "string") list = props.select.split(",");
    else list = Object.keys(props).filter((k) => (props as Record<string, unknown>)[k]);
    list = list.map((p) => p.trim()).filter((p) => p);
    const direct: string[] = [];
    // "items/name,items/protection/protected": one load per navigation property, with all its paths.
    const nested = new Map<string, string[]>();
    for (const p of list) {
      const slash = p.indexOf("/");
      if (slash < 0) {
        direct.push(p);
        continue;
      }
      const nav = p.slice(0, slash);
      nested.set(nav, [...(nested.get(nav) ?? []), p.slice(slash + 1)]);
    }
    for (const [nav, paths] of nested) {
      const child = this._nav(nav);
      if (!child) throw new FakeOfficeError("InvalidArgument", `Cannot load '${nav}/${paths[0]}'.`);
      child.load(paths.join(","));
    }
    for (const p of direct) {
      if (this._nav(p))
        throw new FakeOfficeError("InvalidArgument", `'${p}' is an object; load its properties ("${p}/name").`);
      if (!this._scalarProps().includes(p) && !this._extraLoadable().includes(p)) {
        throw new FakeOfficeError("InvalidArgument", `The property '${p}' does not exist on ${this.constructor.name}.`);
      }
    }
    this._op("Load", [direct.join(",")], () => {
      const t = this._target();
      if (t === null) {
        return { response: { _IsNull: true }, commit: () => (this._loaded = {}) };
      }
      const got: Record<string, unknown> = {};
      for (const p of direct) got[p] = this._read(t, p);
      return { response: got, commit: () => Object.assign(this._loaded, got) };
    });
    return this;
  }

  /** Loadable properties not part of a default load (big arrays). */
  _extraLoadable(): string[] {
    return [];
  }

  toJSON(): Record<string, unknown> {
    return { ...this._loaded };
  }
}

// ---------------------------------------------------------------------------------------------------
// Workbook, application, names

export class Workbook extends FakeClientObject<WorkbookModel> {
  private _ws?: WorksheetCollection;
  private _names?: NamedItemCollection;
  private _app?: Application;

  constructor(ctx: FakeRequestContext) {
    super(ctx, null, "workbook", () => ctx._host.wb);
  }
  _scalarProps(): string[] {
    return [];
  }
  _read(): unknown {
    return undefined;
  }
  get worksheets(): WorksheetCollection {
    return (this._ws ??= new WorksheetCollection(this._ctx, this));
  }
  private _prot?: WorkbookProtection;
  _protection(): WorkbookProtection {
    return (this._prot ??= new WorkbookProtection(
      this._ctx,
      this,
      "protection",
      () => FakeClientObject._from(this),
      7,
    ));
  }
  /** ExcelApi 1.7. */
  get protection(): WorkbookProtection {
    return this._protection();
  }
  override _nav(name: string): FakeClientObject<unknown> | null {
    return name === "protection" ? this._protection() : null;
  }
  get names(): NamedItemCollection {
    return (this._names ??= new NamedItemCollection(this._ctx, this));
  }
  private _fns?: Functions;
  /** Worksheet functions (ExcelApi 1.2): only DATE, which the add-in uses to learn the workbook's date system. */
  get functions(): Functions {
    return (this._fns ??= new Functions(this._ctx, this));
  }
  _application(): Application {
    return (this._app ??= new Application(this._ctx, this));
  }
  get application(): Application {
    return this._application();
  }
  getSelectedRange(): Range {
    return new Range(this._ctx, this, "getSelectedRange()", () => {
      const wb = FakeClientObject._from(this);
      if (!wb) return null;
      const sel = wb.selection;
      const sheet = sel ? wb.sheetById(sel.sheetId) : wb.sheetById(wb.activeSheetId);
      if (!sheet) throw new FakeOfficeError("ItemNotFound", "No selection.");
      return { sheet, rects: [sel?.rects[0] ?? { top: 0, left: 0, bottom: 0, right: 0 }] };
    });
  }
  getSelectedRanges(): RangeAreas {
    return new RangeAreas(
      this._ctx,
      this,
      "getSelectedRanges()",
      () => {
        const wb = FakeClientObject._from(this);
        if (!wb) return null;
        const sel = wb.selection;
        const sheet = sel ? wb.sheetById(sel.sheetId) : wb.sheetById(wb.activeSheetId);
        if (!sheet) throw new FakeOfficeError("ItemNotFound", "No selection.");
        return { sheet, rects: sel?.rects ?? [{ top: 0, left: 0, bottom: 0, right: 0 }] };
      },
      9,
    );
  }
}

/**
 * The workbook's structure protection (ExcelApi 1.7). Excel documents `protected` and protect/unprotect, not what a
 * structural change then throws; the fake refuses with AccessDenied ("You cannot perform the requested operation"),
 * the code Excel gives for what protection forbids (a protected sheet's cells; office-js issue #6784).
 */
class WorkbookProtection extends FakeClientObject<WorkbookModel> {
  _scalarProps(): string[] {
    return ["protected"];
  }
  _read(wb: WorkbookModel, prop: string): unknown {
    return prop === "protected" ? wb.structureProtected : undefined;
  }
  get protected(): boolean {
    return this._prop("protected");
  }
  protect(): void {
    this._write("Protect", [], (wb) => (wb.structureProtected = true), 7);
  }
  unprotect(): void {
    this._write("Unprotect", [], (wb) => (wb.structureProtected = false), 7);
  }
}

/** What a structure-protected workbook refuses: adding, deleting, renaming, showing or hiding a sheet. */
function assertStructureFree(wb: WorkbookModel, what: string): void {
  if (wb.structureProtected) {
    throw new FakeOfficeError(
      "AccessDenied",
      `You cannot perform the requested operation (${what}: the workbook's structure is protected).`,
    );
  }
}

/** workbook.functions (ExcelApi 1.2). */
export class Functions extends FakeClientObject<WorkbookModel> {
  constructor(ctx: FakeRequestContext, parent: Workbook) {
    super(ctx, parent, "functions", () => ctx._host.wb, 2);
  }
  _scalarProps(): string[] {
    return [];
  }
  _read(): unknown {
    return undefined;
  }
  /**
   * DATE(year, month, day) as Excel computes it in the workbook's date system: the serial of that day, 1,462 smaller
   * in the 1904 system (DATE(1904,1,1) = 0 there); years 0-1899 add 1900; a day before the system's first is #NUM!.
   */
  date(year: number, month: number, day: number): FunctionResult {
    return new FunctionResult(this._ctx, this, `date(${year},${month},${day})`, () => {
      const wb = this._host.wb;
      const y = year < 1900 ? year + 1900 : year;
      const utc = Date.UTC(y, month - 1, day);
      let serial = Math.round((utc - Date.UTC(1899, 11, 30)) / 86400000);
      if (serial < 61) serial -= 1; // before Excel's phantom 1900-02-29
      if (wb.date1904) serial -= 1462;
      return serial < (wb.date1904 ? 0 : 1) ? { error: "#NUM!" } : { value: serial };
    });
  }
}

/** The result of a worksheet function: `value`, or `error` ("#NUM!", …) and a null value. */
export class FunctionResult extends FakeClientObject<{ value?: number; error?: string }> {
  _scalarProps(): string[] {
    return ["value", "error"];
  }
  _read(t: { value?: number; error?: string }, prop: string): unknown {
    return prop === "value" ? (t.value ?? null) : (t.error ?? null);
  }
  get value(): number | null {
    return this._prop("value");
  }
  get error(): string | null {
    return this._prop("error");
  }
}

export class Application extends FakeClientObject<WorkbookModel> {
  constructor(ctx: FakeRequestContext, parent: Workbook) {
    super(ctx, parent, "application", () => ctx._host.wb);
  }
  _scalarProps(): string[] {
    return ["calculationMode"];
  }
  _read(_t: WorkbookModel, prop: string): unknown {
    return prop === "calculationMode" ? "Automatic" : undefined;
  }
  get calculationMode(): string {
    return this._prop("calculationMode");
  }
  suspendApiCalculationUntilNextSync(): void {
    this._op("SuspendApiCalculationUntilNextSync", [], () => this._ctx._suspendCalculation(), 6);
  }
  suspendScreenUpdatingUntilNextSync(): void {
    this._op("SuspendScreenUpdatingUntilNextSync", [], () => this._ctx._suspendScreen(), 9);
  }
  calculate(type: string): void {
    this._op("Calculate", [type], () => undefined);
  }
}

class NamedItemCollection extends FakeClientObject<WorkbookModel> {
  _items: NamedItem[] | undefined;
  constructor(ctx: FakeRequestContext, parent: Workbook) {
    super(ctx, parent, "names", () => ctx._host.wb);
  }
  _scalarProps(): string[] {
    return [];
  }
  _read(): unknown {
    return undefined;
  }
  override _nav(name: string): FakeClientObject<unknown> | null {
    if (name !== "items") return null;
    return new ItemsLoader(this._ctx, this, (t, props) => {
      const wb = t as WorkbookModel;
      const items = [...wb.names.values()].map((n) => {
        const item = new NamedItem(this._ctx, this, `names[${n.name}]`, () => n);
        item._res = { v: n };
        item._synced = true;
        return item;
      });
      return { items, props, assign: (list) => (this._items = list as NamedItem[]) };
    });
  }
  get items(): NamedItem[] {
    if (!this._items) throw notLoaded("items");
    return this._items;
  }
  add(name: string, reference: Range | string, comment?: string): NamedItem {
    const model: { v: NameModel | null } = { v: null };
    this._write(
      "Add",
      [name, typeof reference === "string" ? reference : `<range ${reference._pathId}>`, comment ?? ""],
      (wb) => {
        if (!/^[A-Za-z_\u4e00-\u9fff\\][A-Za-z0-9_.\u4e00-\u9fff]*$/.test(name) || /^[A-Za-z]{1,3}[0-9]+$/.test(name)) {
          throw new FakeOfficeError("InvalidArgument", `The name '${name}' is not valid.`);
        }
        if (wb.names.has(name.toLowerCase())) {
          throw new FakeOfficeError("ItemAlreadyExists", `The name '${name}' already exists.`);
        }
        let sheet: SheetModel | undefined;
        let rect: Rect | null = null;
        if (typeof reference === "string") {
          const sp = splitSheet(reference);
          sheet = sp.sheet ? wb.sheetByName(sp.sheet) : undefined;
          rect = parseRect(sp.address);
        } else {
          const r = reference._target();
          if (r) {
            sheet = r.sheet;
            rect = r.rects[0]!;
          }
        }
        if (!sheet || !rect) throw new FakeOfficeError("InvalidArgument", `Invalid reference for name '${name}'.`);
        const n: NameModel = { name, sheetId: sheet.id, rect, ...(comment ? { comment } : {}) };
        wb.names.set(name.toLowerCase(), n);
        model.v = n;
      },
      4,
    );
    return new NamedItem(this._ctx, this, `names.add(${name})`, () => model.v);
  }
  getItem(name: string): NamedItem {
    return new NamedItem(this._ctx, this, `names.getItem(${name})`, () => {
      const wb = FakeClientObject._from(this);
      const n = wb?.names.get(name.toLowerCase());
      if (!n) throw new FakeOfficeError("ItemNotFound", `The name '${name}' was not found.`);
      return n;
    });
  }
  getItemOrNullObject(name: string): NamedItem {
    return new NamedItem(
      this._ctx,
      this,
      `names.getItemOrNullObject(${name})`,
      () => FakeClientObject._from(this)?.names.get(name.toLowerCase()) ?? null,
      4,
    );
  }
  getCount(): ClientResult<number> {
    const r = new ClientResult<number>();
    this._op(
      "GetCount",
      [],
      () => {
        const n = this._host.wb.names.size;
        return { response: n, commit: () => ((r._value = n), (r._set = true)) };
      },
      4,
    );
    return r;
  }
}

class NamedItem extends FakeClientObject<NameModel> {
  _scalarProps(): string[] {
    return ["name", "type", "value", "visible", "comment", "formula"];
  }
  _read(n: NameModel, prop: string): unknown {
    const sheet = this._host.wb.sheetById(n.sheetId);
    const ref = sheet ? `=${qualified(sheet.name, n.rect, true)}` : "=#REF!";
    switch (prop) {
      case "name":
        return n.name;
      case "type":
        return sheet ? "Range" : "Error";
      case "value":
        return ref.slice(1);
      case "formula":
        return ref;
      case "visible":
        return true;
      case "comment":
        return n.comment ?? "";
    }
    return undefined;
  }
  get name(): string {
    return this._prop("name");
  }
  get type(): string {
    return this._prop("type");
  }
  get value(): string {
    return this._prop("value");
  }
  get formula(): string {
    return this._prop("formula");
  }
  private _range(orNull: boolean): Range {
    return new Range(
      this._ctx,
      this,
      orNull ? "getRangeOrNullObject()" : "getRange()",
      () => {
        const n = FakeClientObject._from(this as FakeClientObject<NameModel>);
        if (!n) return null;
        const sheet = this._host.wb.sheetById(n.sheetId);
        if (!sheet) {
          if (orNull) return null;
          throw new FakeOfficeError("InvalidReference", `The name '${n.name}' does not refer to a range.`);
        }
        return { sheet, rects: [n.rect] };
      },
      orNull ? 4 : 0,
    );
  }
  getRange(): Range {
    return this._range(false);
  }
  getRangeOrNullObject(): Range {
    return this._range(true);
  }
  delete(): void {
    this._write("Delete", [], (n) => this._host.wb.names.delete(n.name.toLowerCase()), 4);
  }
}

/** Loads "items/..." of a collection: creates item proxies at sync and loads their properties. */
class ItemsLoader extends FakeClientObject<unknown> {
  constructor(
    ctx: FakeRequestContext,
    private readonly _coll: FakeClientObject<unknown>,
    private readonly _make: (
      t: unknown,
      props: string[],
    ) => { items: FakeClientObject<unknown>[]; props: string[]; assign: (items: FakeClientObject<unknown>[]) => void },
  ) {
    super(ctx, _coll, "items", () => null);
  }
  _scalarProps(): string[] {
    return [];
  }
  _read(): unknown {
    return undefined;
  }
  override load(props?: string | string[]): this {
    const list = (typeof props === "string" ? props.split(",") : (props ?? [])).map((p) => p.trim()).filter((p) => p);
    this._coll._op("Load", [`items/${list.join(",items/")}`], () => {
      const t = this._coll._target();
      if (t === null) return { response: null, commit: () => undefined };
      const made = this._make(t, list);
      const responses: Record<string, unknown>[] = [];
      const commits: (() => void)[] = [];
      for (const item of made.items) {
        const got: Record<string, unknown> = {};
        for (const p of list) {
          // "protection/protected": a navigation property's scalar, loaded on the item's child proxy.
          const path = p.split("/");
          const prop = path.pop()!;
          let obj: FakeClientObject<unknown> = item;
          for (const nav of path) {
            const child = obj._nav(nav);
            if (!child) throw new FakeOfficeError("InvalidArgument", `Cannot load 'items/${p}'.`);
            obj = child;
          }
          if (!obj._scalarProps().includes(prop)) {
            throw new FakeOfficeError("InvalidArgument", `The property '${p}' does not exist on the items.`);
          }
          const value = obj._read(obj._target(), prop);
          got[p] = value;
          const into = obj;
          commits.push(() => {
            into._loaded[prop] = value;
            into._synced = true;
          });
        }
        responses.push(got);
      }
      return {
        response: { value: responses },
        commit: () => {
          for (const c of commits) c();
          made.assign(made.items);
        },
      };
    });
    return this;
  }
}

// ---------------------------------------------------------------------------------------------------
// Worksheets

type EventResult = { remove(): void; context: FakeRequestContext };

class EventHandlers {
  constructor(
    private readonly _obj: FakeClientObject<unknown>,
    private readonly _kind: HandlerKind,
    private readonly _key: (t: unknown) => string,
    private readonly _apiVersion: number,
  ) {}
  add(handler: (args: unknown) => unknown): EventResult {
    const obj = this._obj;
    let id = -1;
    obj._op(
      "RegisterEventHandler",
      [this._kind],
      () => {
        const t = obj._target();
        if (t === null) throw new FakeOfficeError("ItemNotFound", "Cannot register an event on a null object.");
        id = obj._host.registerHandler(this._kind, this._key(t), handler, obj._ctx);
      },
      this._apiVersion,
    );
    const ctx = obj._ctx;
    return counted(
      {
        context: ctx,
        remove(): void {
          ctx._workbook._op("UnregisterEventHandler", [id], () => {
            // The handler of a worksheet that was deleted went with it: Excel cannot find it to remove it.
            const t = obj._res?.v;
            if (t instanceof SheetModel && !obj._host.wb.sheets.includes(t)) {
              throw new FakeOfficeError(
                "ItemNotFound",
                "The requested resource doesn't exist (the worksheet was deleted).",
              );
            }
            obj._host.unregisterHandler(id);
          });
        },
      },
      obj._host,
    );
  }
}

export class WorksheetCollection extends FakeClientObject<WorkbookModel> {
  _items: Worksheet[] | undefined;
  constructor(ctx: FakeRequestContext, parent: Workbook) {
    super(ctx, parent, "worksheets", () => ctx._host.wb);
  }
  _scalarProps(): string[] {
    return [];
  }
  _read(): unknown {
    return undefined;
  }
  override _nav(name: string): FakeClientObject<unknown> | null {
    if (name !== "items") return null;
    return new ItemsLoader(this._ctx, this, (t, props) => {
      const wb = t as WorkbookModel;
      const items = wb.sheets.map((s) => {
        const ws = new Worksheet(this._ctx, this, `worksheets[${s.id}]`, () => s);
        ws._res = { v: s };
        ws._synced = true;
        return ws;
      });
      return { items, props, assign: (list) => (this._items = list as Worksheet[]) };
    });
  }
  get items(): Worksheet[] {
    if (!this._items) throw notLoaded("items");
    return this._items;
  }
  getItem(key: string): Worksheet {
    return new Worksheet(this._ctx, this, `worksheets.getItem(${key})`, () => {
      const wb = FakeClientObject._from(this);
      const s = wb && (wb.sheetByName(key) ?? wb.sheetById(key));
      if (!s) {
        throw new FakeOfficeError("ItemNotFound", `The requested resource doesn't exist (worksheet '${key}').`);
      }
      return s;
    });
  }
  getItemOrNullObject(key: string): Worksheet {
    return new Worksheet(
      this._ctx,
      this,
      `worksheets.getItemOrNullObject(${key})`,
      () => {
        const wb = FakeClientObject._from(this);
        return (wb && (wb.sheetByName(key) ?? wb.sheetById(key))) ?? null;
      },
      4,
    );
  }
  getActiveWorksheet(): Worksheet {
    return new Worksheet(this._ctx, this, "worksheets.getActiveWorksheet()", () => {
      const wb = this._host.wb;
      return wb.sheetById(wb.activeSheetId) ?? wb.sheets[0] ?? null;
    });
  }
  getFirst(visibleOnly?: boolean): Worksheet {
    return new Worksheet(
      this._ctx,
      this,
      "worksheets.getFirst()",
      () => {
        const list = this._host.wb.sheets.filter((s) => !visibleOnly || s.visibility === "Visible");
        if (!list[0]) throw new FakeOfficeError("ItemNotFound", "No worksheet.");
        return list[0];
      },
      5,
    );
  }
  getLast(visibleOnly?: boolean): Worksheet {
    return new Worksheet(
      this._ctx,
      this,
      "worksheets.getLast()",
      () => {
        const list = this._host.wb.sheets.filter((s) => !visibleOnly || s.visibility === "Visible");
        const last = list[list.length - 1];
        if (!last) throw new FakeOfficeError("ItemNotFound", "No worksheet.");
        return last;
      },
      5,
    );
  }
  getCount(visibleOnly?: boolean): ClientResult<number> {
    const r = new ClientResult<number>();
    this._op(
      "GetCount",
      [visibleOnly ?? false],
      () => {
        const n = this._host.wb.sheets.filter((s) => !visibleOnly || s.visibility === "Visible").length;
        return { response: n, commit: () => ((r._value = n), (r._set = true)) };
      },
      4,
    );
    return r;
  }
  add(name?: string): Worksheet {
    const made: { v: SheetModel | null } = { v: null };
    this._write("Add", [name ?? null], (wb) => {
      assertStructureFree(wb, "worksheets.add");
      if (name !== undefined) checkSheetName(wb, name, null);
      made.v = wb.addSheet(name);
    });
    return new Worksheet(this._ctx, this, `worksheets.add(${name ?? ""})`, () => {
      if (!made.v) throw new FakeOfficeError("InvalidObjectPath", "The added worksheet is used before it was added.");
      return made.v;
    });
  }
  get onDeleted(): EventHandlers {
    return new EventHandlers(this, "deleted", () => "*", 7);
  }
  get onNameChanged(): EventHandlers {
    return new EventHandlers(this, "nameChanged", () => "*", 17);
  }
}

function checkSheetName(wb: WorkbookModel, name: string, self: SheetModel | null): void {
  if (!name || name.length > 31 || /[:\\/?*[\]]/.test(name) || name.startsWith("'") || name.endsWith("'")) {
    throw new FakeOfficeError("InvalidArgument", `The worksheet name '${name}' is not valid.`);
  }
  const other = wb.sheetByName(name);
  if (other && other !== self) {
    throw new FakeOfficeError("ItemAlreadyExists", `A worksheet named '${name}' already exists.`);
  }
}

function liveSheet(host: FakeHost, s: SheetModel): void {
  if (!host.wb.sheets.includes(s)) {
    throw new FakeOfficeError("ItemNotFound", `The worksheet '${s.name}' no longer exists.`);
  }
}

function assertWritable(s: SheetModel, rects?: Rect[], valuesOnly = false): void {
  if (!s.protected) return;
  if (valuesOnly && rects) {
    // Excel lets users (and the API) write values into unlocked cells of a protected sheet.
    let allUnlocked = true;
    for (const r of rects) {
      for (let row = r.top; row <= r.bottom && allUnlocked; row++) {
        for (let col = r.left; col <= r.right; col++) {
          if (s.get(row, col)?.format?.locked !== false) {
            allUnlocked = false;
            break;
          }
        }
      }
    }
    if (allUnlocked) return;
  }
  throw new FakeOfficeError("AccessDenied", `The worksheet '${s.name}' is protected; the cells cannot be changed.`);
}

export class Worksheet extends FakeClientObject<SheetT> {
  override _validate(v: SheetT | null): void {
    if (v) liveSheet(this._host, v);
  }
  _scalarProps(): string[] {
    return ["name", "id", "position", "visibility", "tabColor"];
  }
  _read(s: SheetT, prop: string): unknown {
    switch (prop) {
      case "name":
        return s.name;
      case "id":
        return s.id;
      case "position":
        return this._host.wb.sheets.indexOf(s);
      case "visibility":
        return s.visibility;
      case "tabColor":
        return s.tabColor;
    }
    return undefined;
  }
  override _nav(name: string): FakeClientObject<unknown> | null {
    if (name === "protection") return this._protection();
    return null;
  }
  get name(): string {
    return this._prop("name");
  }
  set name(v: string) {
    this._write("SetName", [v], (s) => {
      assertStructureFree(this._host.wb, "worksheet.name");
      checkSheetName(this._host.wb, v, s);
      const before = s.name;
      s.name = v;
      if (before !== v) this._host.onSheetRenamed(s, before);
    });
  }
  get id(): string {
    return this._prop("id");
  }
  get position(): number {
    return this._prop("position");
  }
  get visibility(): string {
    return this._prop("visibility");
  }
  set visibility(v: string) {
    this._write("SetVisibility", [v], (s) => {
      if (v !== "Visible" && v !== "Hidden" && v !== "VeryHidden") {
        throw new FakeOfficeError("InvalidArgument", `Bad visibility '${v}'.`);
      }
      const wb = this._host.wb;
      assertStructureFree(wb, "worksheet.visibility");
      if (v !== "Visible" && !wb.sheets.some((x) => x !== s && x.visibility === "Visible")) {
        throw new FakeOfficeError("InvalidOperation", "A workbook must contain at least one visible worksheet.");
      }
      s.visibility = v;
      if (v !== "Visible" && wb.activeSheetId === s.id) {
        wb.activeSheetId = wb.sheets.find((x) => x.visibility === "Visible")!.id;
      }
    });
  }
  set tabColor(v: string) {
    this._write("SetTabColor", [v], (s) => (s.tabColor = v), 7);
  }
  set showGridlines(v: boolean) {
    this._write("SetShowGridlines", [v], () => undefined, 8);
  }
  private _rangeOf(label: string, rect: () => Rect, api = 0): Range {
    return new Range(
      this._ctx,
      this,
      label,
      () => {
        const s = FakeClientObject._from(this as FakeClientObject<SheetT>);
        return s ? { sheet: s, rects: [rect()] } : null;
      },
      api,
    );
  }
  getRange(address?: string): Range {
    return this._rangeOf(`getRange(${address ?? ""})`, () => {
      if (address === undefined || address === "")
        return { top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLS - 1 };
      const r = parseRect(splitSheet(address).address);
      if (!r) throw new FakeOfficeError("InvalidArgument", `The address '${address}' is not valid.`);
      return r;
    });
  }
  getRangeByIndexes(row: number, col: number, rows: number, cols: number): Range {
    return this._rangeOf(
      `getRangeByIndexes(${row},${col},${rows},${cols})`,
      () => ({ top: row, left: col, bottom: row + rows - 1, right: col + cols - 1 }),
      7,
    );
  }
  getCell(row: number, col: number): Range {
    return this._rangeOf(`getCell(${row},${col})`, () => ({ top: row, left: col, bottom: row, right: col }));
  }
  getRanges(address: string): RangeAreas {
    return new RangeAreas(
      this._ctx,
      this,
      `getRanges(${address})`,
      () => {
        const s = FakeClientObject._from(this as FakeClientObject<SheetT>);
        if (!s) return null;
        // Excel's limit on an address (that of a formula), and the locale's list separator (office-js #1167).
        if (address.length > 8192) throw new FakeOfficeError("InvalidArgument", "The address is too long.");
        const rects = address.split(this._host.listSeparator).map((a) => {
          const r = parseRect(a);
          if (!r)
            throw new FakeOfficeError(
              "InvalidArgument",
              `The argument is invalid or missing or has an incorrect format.`,
            );
          return r;
        });
        return { sheet: s, rects };
      },
      9,
    );
  }
  private _used(valuesOnly: boolean | undefined, orNull: boolean): Range {
    return new Range(
      this._ctx,
      this,
      `${orNull ? "getUsedRangeOrNullObject" : "getUsedRange"}(${valuesOnly ?? false})`,
      () => {
        const s = FakeClientObject._from(this as FakeClientObject<SheetT>);
        if (!s) return null;
        liveSheet(this._host, s);
        const r = s.usedRect(valuesOnly ?? false);
        if (!r) return orNull ? null : { sheet: s, rects: [{ top: 0, left: 0, bottom: 0, right: 0 }] };
        return { sheet: s, rects: [r] };
      },
      orNull ? 4 : valuesOnly !== undefined ? 2 : 0,
    );
  }
  getUsedRange(valuesOnly?: boolean): Range {
    return this._used(valuesOnly, false);
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): Range {
    return this._used(valuesOnly, true);
  }
  activate(): void {
    this._write("Activate", [], (s) => {
      if (s.visibility !== "Visible")
        throw new FakeOfficeError("InvalidOperation", "A hidden sheet cannot be activated.");
      this._host.wb.activeSheetId = s.id;
    });
  }
  delete(): void {
    this._write("Delete", [], (s) => {
      const wb = this._host.wb;
      assertStructureFree(wb, "worksheet.delete");
      if (wb.sheets.filter((x) => x.visibility === "Visible" && x !== s).length === 0) {
        throw new FakeOfficeError("InvalidOperation", "A workbook must contain at least one visible worksheet.");
      }
      if (s.protected) throw new FakeOfficeError("AccessDenied", "The worksheet is protected.");
      wb.sheets = wb.sheets.filter((x) => x !== s);
      if (wb.activeSheetId === s.id) wb.activeSheetId = wb.sheets[0]!.id;
      if (wb.selection?.sheetId === s.id) wb.selection = null;
      this._host.onSheetDeleted(s);
    });
  }
  private _next(orNull: boolean, visibleOnly?: boolean): Worksheet {
    return new Worksheet(
      this._ctx,
      this,
      orNull ? "getNextOrNullObject()" : "getNext()",
      () => {
        const s = FakeClientObject._from(this as FakeClientObject<SheetT>);
        if (!s) return null;
        const list = this._host.wb.sheets;
        for (let i = list.indexOf(s) + 1; i < list.length; i++) {
          if (!visibleOnly || list[i]!.visibility === "Visible") return list[i]!;
        }
        if (orNull) return null;
        throw new FakeOfficeError("ItemNotFound", "There is no next worksheet.");
      },
      5,
    );
  }
  getNext(visibleOnly?: boolean): Worksheet {
    return this._next(false, visibleOnly);
  }
  getNextOrNullObject(visibleOnly?: boolean): Worksheet {
    return this._next(true, visibleOnly);
  }
  private _prot?: WorksheetProtection;
  _protection(): WorksheetProtection {
    return (this._prot ??= new WorksheetProtection(this._ctx, this, "protection", () =>
      FakeClientObject._from(this as FakeClientObject<SheetT>),
    ));
  }
  get protection(): WorksheetProtection {
    return this._protection();
  }
  private _fp?: FreezePanes;
  get freezePanes(): FreezePanes {
    return (this._fp ??= new FreezePanes(
      this._ctx,
      this,
      "freezePanes",
      () => FakeClientObject._from(this as FakeClientObject<SheetT>),
      7,
    ));
  }
  private _pl?: PageLayout;
  get pageLayout(): PageLayout {
    return (this._pl ??= new PageLayout(
      this._ctx,
      this,
      "pageLayout",
      () => FakeClientObject._from(this as FakeClientObject<SheetT>),
      9,
    ));
  }
  private _hpb?: PageBreakCollection;
  get horizontalPageBreaks(): PageBreakCollection {
    return (this._hpb ??= new PageBreakCollection(
      this._ctx,
      this,
      "horizontalPageBreaks",
      () => FakeClientObject._from(this as FakeClientObject<SheetT>),
      9,
    ));
  }
  get onChanged(): EventHandlers {
    return new EventHandlers(this, "changed", (t) => (t as SheetT).id, 7);
  }
}

/**
 * Manual horizontal page breaks (ExcelApi 1.9): `add(range)` puts a break before the range's top-left
 * cell (before its row); `removePageBreaks()` resets them all. The model keeps the 0-based rows, sorted.
 */
class PageBreakCollection extends FakeClientObject<SheetT> {
  _scalarProps(): string[] {
    return [];
  }
  _read(): unknown {
    return undefined;
  }
  add(pageBreakRange: string | Range): void {
    const label = typeof pageBreakRange === "string" ? pageBreakRange : `<range ${pageBreakRange._pathId}>`;
    this._write("AddPageBreak", [label], (s) => {
      let row: number | undefined;
      if (typeof pageBreakRange === "string") row = parseRect(splitSheet(pageBreakRange).address)?.top;
      else row = pageBreakRange._target()?.rects[0]?.top;
      if (row === undefined) throw new FakeOfficeError("InvalidArgument", `The address '${label}' is not valid.`);
      if (!s.rowBreaks.includes(row)) s.rowBreaks = [...s.rowBreaks, row].sort((a, b) => a - b);
    });
  }
  removePageBreaks(): void {
    this._write("RemovePageBreaks", [], (s) => (s.rowBreaks = []));
  }
}

class WorksheetProtection extends FakeClientObject<SheetT> {
  _scalarProps(): string[] {
    return ["protected"];
  }
  _read(s: SheetT, prop: string): unknown {
    return prop === "protected" ? s.protected : undefined;
  }
  get protected(): boolean {
    return this._prop("protected");
  }
  protect(): void {
    this._write("Protect", [], (s) => (s.protected = true), 2);
  }
  unprotect(): void {
    this._write("Unprotect", [], (s) => (s.protected = false), 2);
  }
}

class FreezePanes extends FakeClientObject<SheetT> {
  _scalarProps(): string[] {
    return [];
  }
  _read(): unknown {
    return undefined;
  }
  freezeRows(count?: number): void {
    this._write("FreezeRows", [count ?? 1], (s) => ((s.frozenRows = count ?? 1), (s.frozenColumns = 0)));
  }
  freezeColumns(count?: number): void {
    this._write("FreezeColumns", [count ?? 1], (s) => ((s.frozenColumns = count ?? 1), (s.frozenRows = 0)));
  }
  unfreeze(): void {
    this._write("Unfreeze", [], (s) => ((s.frozenRows = 0), (s.frozenColumns = 0)));
  }
}

class PageLayout extends FakeClientObject<SheetT> {
  _scalarProps(): string[] {
    return ["orientation", "paperSize", "zoom"];
  }
  _read(s: SheetT, prop: string): unknown {
    return (s.pageLayout as Record<string, unknown>)[prop];
  }
  get orientation(): string {
    return this._prop("orientation");
  }
  set orientation(v: string) {
    this._write("SetOrientation", [v], (s) => (s.pageLayout.orientation = v));
  }
  get paperSize(): string {
    return this._prop("paperSize");
  }
  set paperSize(v: string) {
    this._write("SetPaperSize", [v], (s) => (s.pageLayout.paperSize = v));
  }
  get zoom(): unknown {
    return this._prop("zoom");
  }
  set zoom(v: unknown) {
    this._write("SetZoom", [v], (s) => (s.pageLayout.zoom = v));
  }
  setPrintArea(area: string | Range): void {
    this._write("SetPrintArea", [typeof area === "string" ? area : `<range ${area._pathId}>`], (s) => {
      if (typeof area === "string") s.pageLayout.printArea = area;
      else {
        const r = area._target();
        s.pageLayout.printArea = r ? r.rects.map((x) => rectAddress(x)).join(",") : null;
      }
    });
  }
}

// ---------------------------------------------------------------------------------------------------
// Ranges

function each(t: RangeT, f: (row: number, col: number) => void): void {
  for (const r of t.rects) {
    for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) f(row, col);
  }
}

/** Every cell of the target, created on demand (formats). Huge rectangles touch only existing cells. */
function eachCell(t: RangeT, f: (c: Cell) => void): void {
  for (const r of t.rects) {
    if (rectCells(r) > 2_000_000) {
      for (const [, , c] of t.sheet.cellsIn(r)) f(c);
      continue;
    }
    for (let row = r.top; row <= r.bottom; row++)
      for (let col = r.left; col <= r.right; col++) f(t.sheet.touch(row, col));
  }
}

/** The common value over the target's cells, or null when they differ (as Office.js reports formats). */
function uniform<V>(t: RangeT, get: (c: Cell | undefined) => V): V | null {
  const seen: V[] = [];
  const differs = (v: V): boolean => {
    if (seen.length === 0) seen.push(v);
    return v !== seen[0];
  };
  for (const r of t.rects) {
    if (rectCells(r) > 2_000_000) {
      let n = 0;
      for (const [, , c] of t.sheet.cellsIn(r)) {
        n++;
        if (differs(get(c))) return null;
      }
      if (n < rectCells(r) && differs(get(undefined))) return null;
      continue;
    }
    for (let row = r.top; row <= r.bottom; row++) {
      for (let col = r.left; col <= r.right; col++) {
        if (differs(get(t.sheet.get(row, col)))) return null;
      }
    }
  }
  return seen.length ? seen[0]! : null;
}

function fmt(c: Cell): CellFormat {
  return (c.format ??= {});
}

/** The cells of the target's first area as Excel reports them: formula cells carry their calculated result. */
function grid<V>(t: RangeT, host: FakeHost, f: (c: Cell | undefined) => V): V[][] | null {
  const r = t.rects[0]!;
  if (rectCells(r) > host.maxCellsPerRead) return null; // Excel returns nothing for reads over 5,000,000 cells.
  const calc = calculator(host.wb);
  const out: V[][] = [];
  for (let row = r.top; row <= r.bottom; row++) {
    const line: V[] = [];
    for (let col = r.left; col <= r.right; col++) line.push(f(calculated(calc, t.sheet, row, col)));
    out.push(line);
  }
  return out;
}

/** Check a 2-D input against the range size; a non-array is broadcast to every cell. */
function shaped(t: RangeT, input: unknown, what: string): (row: number, col: number) => unknown {
  const r = t.rects[0]!;
  if (!Array.isArray(input)) return () => input;
  const rows = r.bottom - r.top + 1;
  const cols = r.right - r.left + 1;
  if (input.length !== rows || input.some((line) => !Array.isArray(line) || line.length !== cols)) {
    throw new FakeOfficeError(
      "InvalidArgument",
      `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${what}: ${rows}x${cols}).`,
    );
  }
  return (row, col) => (input as unknown[][])[row - r.top]![col - r.left];
}

abstract class RangeBase extends FakeClientObject<RangeT> {
  override _validate(v: RangeT | null): void {
    if (v) liveSheet(this._host, v.sheet);
  }
  private _fmt?: RangeFormat;
  _format(): RangeFormat {
    return (this._fmt ??= new RangeFormat(this._ctx, this, "format", () =>
      FakeClientObject._from(this as FakeClientObject<RangeT>),
    ));
  }
  get format(): RangeFormat {
    return this._format();
  }
  override _nav(name: string): FakeClientObject<unknown> | null {
    return name === "format" ? this._format() : null;
  }
  select(): void {
    this._select(0);
  }
  _select(api: number): void {
    this._write(
      "Select",
      [],
      (t) => {
        const wb = this._host.wb;
        if (t.sheet.visibility !== "Visible")
          throw new FakeOfficeError("InvalidSelection", "Cannot select on a hidden sheet.");
        wb.activeSheetId = t.sheet.id;
        wb.selection = { sheetId: t.sheet.id, rects: t.rects.map((r) => ({ ...r })) };
      },
      api,
    );
  }
  clear(applyTo?: string): void {
    this._write("Clear", [applyTo ?? "All"], (t) => {
      assertWritable(t.sheet);
      const what = applyTo === "Formats" ? "Formats" : applyTo === "Contents" ? "Contents" : "All";
      for (const r of t.rects) t.sheet.clear(r, what);
    });
  }
}

export class Range extends RangeBase {
  _scalarProps(): string[] {
    return [
      "address",
      "addressLocal",
      "cellCount",
      "rowCount",
      "columnCount",
      "rowIndex",
      "columnIndex",
      "values",
      "text",
      "formulas",
      "formulasLocal",
      "numberFormat",
      "valueTypes",
      "rowHidden",
      "columnHidden",
    ];
  }
  _read(t: RangeT, prop: string): unknown {
    const r = t.rects[0]!;
    const s = t.sheet;
    switch (prop) {
      case "address":
      case "addressLocal":
        return qualified(s.name, r);
      case "cellCount":
        return rectCells(r);
      case "rowCount":
        return r.bottom - r.top + 1;
      case "columnCount":
        return r.right - r.left + 1;
      case "rowIndex":
        return r.top;
      case "columnIndex":
        return r.left;
      case "values":
        return grid(t, this._host, valueOut);
      case "text":
        return grid(t, this._host, (c) => String(valueOut(c)));
      case "formulas":
      case "formulasLocal":
        return grid(t, this._host, formulaOut);
      case "numberFormat":
        return grid(t, this._host, (c) => c?.numberFormat ?? "General");
      case "valueTypes":
        return grid(t, this._host, valueType);
      case "rowHidden": {
        let hidden = 0;
        for (let row = r.top; row <= r.bottom; row++) if (s.hiddenRows.has(row)) hidden++;
        return hidden === 0 ? false : hidden === r.bottom - r.top + 1 ? true : null;
      }
      case "columnHidden":
        return false;
    }
    return undefined;
  }
  override _nav(name: string): FakeClientObject<unknown> | null {
    if (name === "worksheet") return this.worksheet;
    return super._nav(name);
  }
  get address(): string {
    return this._prop("address");
  }
  get addressLocal(): string {
    return this._prop("addressLocal");
  }
  get cellCount(): number {
    return this._prop("cellCount");
  }
  get rowCount(): number {
    return this._prop("rowCount");
  }
  get columnCount(): number {
    return this._prop("columnCount");
  }
  get rowIndex(): number {
    return this._prop("rowIndex");
  }
  get columnIndex(): number {
    return this._prop("columnIndex");
  }
  get text(): string[][] {
    return this._prop("text");
  }
  get valueTypes(): string[][] {
    return this._prop("valueTypes");
  }
  get rowHidden(): boolean | null {
    return this._prop("rowHidden");
  }
  get columnHidden(): boolean | null {
    return this._prop("columnHidden");
  }
  get values(): unknown[][] {
    return this._prop("values");
  }
  set values(v: unknown[][]) {
    this._enter("SetValues", v);
  }
  get formulas(): unknown[][] {
    return this._prop("formulas");
  }
  set formulas(v: unknown[][]) {
    this._enter("SetFormulas", v);
  }
  get formulasLocal(): unknown[][] {
    return this._prop("formulasLocal");
  }
  private _enter(action: string, v: unknown): void {
    this._write(action, [v], (t) => {
      assertWritable(t.sheet, t.rects, true);
      const at = shaped(t, v, action);
      // Excel's limits: 32,767 characters in a cell, 8,192 in a formula; the whole write is refused.
      each(t, (row, col) => {
        const input = at(row, col);
        if (typeof input !== "string") return;
        if (input.length > 8192 && /^=/.test(input)) {
          throw new FakeOfficeError("InvalidArgument", "The formula is longer than 8,192 characters.");
        }
        if (input.length > 32767)
          throw new FakeOfficeError("InvalidArgument", "The text is longer than 32,767 characters.");
      });
      each(t, (row, col) => {
        const input = at(row, col);
        if (input === null) return; // null leaves the cell unchanged (Office.js)
        const cell = t.sheet.touch(row, col);
        enter(cell, input, this._host.wb.date1904);
      });
      for (const rect of t.rects) this._ctx._written.push({ sheet: t.sheet, rect });
    });
  }
  get numberFormat(): string[][] {
    return this._prop("numberFormat");
  }
  set numberFormat(v: string[][]) {
    this._write("SetNumberFormat", [v], (t) => {
      assertWritable(t.sheet);
      const at = shaped(t, v, "numberFormat");
      each(t, (row, col) => {
        const f = at(row, col);
        if (f === null) return;
        if (typeof f !== "string") throw new FakeOfficeError("InvalidArgument", "A number format must be a string.");
        const cell = t.sheet.touch(row, col);
        if (f === "General") delete cell.numberFormat;
        else cell.numberFormat = f;
      });
    });
  }
  private _child(label: string, f: (t: RangeT) => RangeT | null, api = 0): Range {
    return new Range(
      this._ctx,
      this,
      label,
      () => {
        const t = FakeClientObject._from(this as FakeClientObject<RangeT>);
        return t ? f(t) : null;
      },
      api,
    );
  }
  get worksheet(): Worksheet {
    return new Worksheet(
      this._ctx,
      this,
      "worksheet",
      () => FakeClientObject._from(this as FakeClientObject<RangeT>)?.sheet ?? null,
    );
  }
  getCell(row: number, col: number): Range {
    return this._child(`getCell(${row},${col})`, (t) => {
      const r = t.rects[0]!;
      return {
        sheet: t.sheet,
        rects: [{ top: r.top + row, left: r.left + col, bottom: r.top + row, right: r.left + col }],
      };
    });
  }
  getOffsetRange(rows: number, cols: number): Range {
    return this._child(`getOffsetRange(${rows},${cols})`, (t) => {
      const r = t.rects[0]!;
      const o = { top: r.top + rows, left: r.left + cols, bottom: r.bottom + rows, right: r.right + cols };
      if (o.top < 0 || o.left < 0 || o.bottom >= MAX_ROWS || o.right >= MAX_COLS) {
        throw new FakeOfficeError("InvalidArgument", "The offset range is outside the sheet.");
      }
      return { sheet: t.sheet, rects: [o] };
    });
  }
  getResizedRange(dRows: number, dCols: number): Range {
    return this._child(
      `getResizedRange(${dRows},${dCols})`,
      (t) => {
        const r = t.rects[0]!;
        return { sheet: t.sheet, rects: [{ ...r, bottom: r.bottom + dRows, right: r.right + dCols }] };
      },
      2,
    );
  }
  getEntireColumn(): Range {
    return this._child("getEntireColumn()", (t) => ({
      sheet: t.sheet,
      rects: [{ ...t.rects[0]!, top: 0, bottom: MAX_ROWS - 1 }],
    }));
  }
  getEntireRow(): Range {
    return this._child("getEntireRow()", (t) => ({
      sheet: t.sheet,
      rects: [{ ...t.rects[0]!, left: 0, right: MAX_COLS - 1 }],
    }));
  }
  private _usedIn(valuesOnly: boolean | undefined, orNull: boolean): Range {
    return this._child(
      `${orNull ? "getUsedRangeOrNullObject" : "getUsedRange"}(${valuesOnly ?? false})`,
      (t) => {
        const used = t.sheet.usedRect(valuesOnly ?? false);
        const i = used && intersect(used, t.rects[0]!);
        if (!i) {
          if (orNull) return null;
          throw new FakeOfficeError("ItemNotFound", "The range is empty.");
        }
        return { sheet: t.sheet, rects: [i] };
      },
      orNull ? 4 : 0,
    );
  }
  getUsedRange(valuesOnly?: boolean): Range {
    return this._usedIn(valuesOnly, false);
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): Range {
    return this._usedIn(valuesOnly, true);
  }
  getIntersectionOrNullObject(other: string | Range): Range {
    return this._child(
      "getIntersectionOrNullObject()",
      (t) => {
        const o =
          typeof other === "string" ? parseRect(splitSheet(other).address) : (other._target()?.rects[0] ?? null);
        const i = o && intersect(o, t.rects[0]!);
        return i ? { sheet: t.sheet, rects: [i] } : null;
      },
      4,
    );
  }
  getMergedAreasOrNullObject(): RangeAreas {
    return new RangeAreas(
      this._ctx,
      this,
      "getMergedAreasOrNullObject()",
      () => {
        const t = FakeClientObject._from(this as FakeClientObject<RangeT>);
        if (!t) return null;
        const r = t.rects[0]!;
        const rects = t.sheet.merges.filter((m) => intersect(m, r)).map((m) => ({ ...m }));
        return rects.length ? { sheet: t.sheet, rects } : null;
      },
      13,
    );
  }
  merge(across?: boolean): void {
    this._write("Merge", [across ?? false], (t) => {
      assertWritable(t.sheet);
      const r = t.rects[0]!;
      const areas = across
        ? Array.from({ length: r.bottom - r.top + 1 }, (_, i) => ({ ...r, top: r.top + i, bottom: r.top + i }))
        : [r];
      for (const a of areas) {
        if (rectCells(a) < 2) continue;
        // Excel keeps the upper-left value and discards the others.
        for (const [row, col, cell] of t.sheet.cellsIn(a)) {
          if (row === a.top && col === a.left) continue;
          cell.value = null;
          delete cell.formula;
          delete cell.quotePrefix;
        }
        t.sheet.merges = t.sheet.merges.filter((m) => !intersect(m, a));
        t.sheet.merges.push({ ...a });
      }
    });
  }
  unmerge(): void {
    this._write("Unmerge", [], (t) => {
      assertWritable(t.sheet);
      t.sheet.merges = t.sheet.merges.filter((m) => !intersect(m, t.rects[0]!));
    });
  }
  private _dv?: DataValidation;
  get dataValidation(): DataValidation {
    return (this._dv ??= new DataValidation(
      this._ctx,
      this,
      "dataValidation",
      () => FakeClientObject._from(this as FakeClientObject<RangeT>),
      8,
    ));
  }
}

export class RangeAreas extends RangeBase {
  _scalarProps(): string[] {
    return ["address", "addressLocal", "areaCount", "cellCount"];
  }
  _read(t: RangeT, prop: string): unknown {
    switch (prop) {
      case "address":
      case "addressLocal":
        // As Excel writes it: every area sheet-qualified, ", " between areas ("Sheet1!A1:B4, Sheet1!D1:D4").
        return t.rects.map((r) => qualified(t.sheet.name, r)).join(", ");
      case "areaCount":
        return t.rects.length;
      case "cellCount":
        return t.rects.reduce((n, r) => n + rectCells(r), 0);
    }
    return undefined;
  }
  get address(): string {
    return this._prop("address");
  }
  get areaCount(): number {
    return this._prop("areaCount");
  }
  override select(): void {
    this._select(18);
  }
}

class DataValidation extends FakeClientObject<RangeT> {
  _scalarProps(): string[] {
    return ["rule", "prompt", "errorAlert", "type", "ignoreBlanks"];
  }
  _read(t: RangeT, prop: string): unknown {
    const r = t.rects[0]!;
    const v = t.sheet.validations.find((x) => contains(x.rect, r));
    switch (prop) {
      case "rule":
        return v?.rule ?? {};
      case "prompt":
        return v?.prompt ?? null;
      case "errorAlert":
        return v?.errorAlert ?? null;
      case "type":
        return v ? Object.keys(v.rule as object)[0] : "None";
      case "ignoreBlanks":
        return true;
    }
    return undefined;
  }
  private _entry(t: RangeT) {
    const r = t.rects[0]!;
    let v = t.sheet.validations.find(
      (x) => x.rect.top === r.top && x.rect.left === r.left && x.rect.bottom === r.bottom && x.rect.right === r.right,
    );
    if (!v) {
      v = { rect: { ...r }, rule: {} };
      t.sheet.validations.push(v);
    }
    return v;
  }
  get rule(): unknown {
    return this._prop("rule");
  }
  set rule(v: unknown) {
    this._write("SetRule", [v], (t) => {
      assertWritable(t.sheet);
      const keys = Object.keys(v as object);
      if (keys.length !== 1)
        throw new FakeOfficeError("InvalidArgument", "A data validation rule needs exactly one type.");
      this._entry(t).rule = JSON.parse(JSON.stringify(v));
    });
  }
  set prompt(v: unknown) {
    this._write("SetPrompt", [v], (t) => (this._entry(t).prompt = v));
  }
  set errorAlert(v: unknown) {
    this._write("SetErrorAlert", [v], (t) => (this._entry(t).errorAlert = v));
  }
  set ignoreBlanks(v: boolean) {
    this._write("SetIgnoreBlanks", [v], () => undefined);
  }
  clear(): void {
    this._write("Clear", [], (t) => {
      t.sheet.validations = t.sheet.validations.filter((x) => !intersect(x.rect, t.rects[0]!));
    });
  }
}

class RangeFormat extends FakeClientObject<RangeT> {
  _scalarProps(): string[] {
    return ["horizontalAlignment", "verticalAlignment", "wrapText", "columnWidth", "rowHeight"];
  }
  _read(t: RangeT, prop: string): unknown {
    switch (prop) {
      case "horizontalAlignment":
        return uniform(t, (c) => c?.format?.horizontal ?? DEFAULT_FORMAT.horizontal);
      case "verticalAlignment":
        return uniform(t, (c) => c?.format?.vertical ?? DEFAULT_FORMAT.vertical);
      case "wrapText":
        return uniform(t, (c) => c?.format?.wrap ?? DEFAULT_FORMAT.wrap);
      case "columnWidth": {
        const ws = new Set<number>();
        for (const r of t.rects) {
          for (let c = r.left; c <= Math.min(r.right, r.left + 16384); c++) ws.add(t.sheet.columnWidths.get(c) ?? 48);
        }
        return ws.size === 1 ? [...ws][0] : null;
      }
      case "rowHeight": {
        const hs = new Set<number>();
        for (const r of t.rects) {
          for (let row = r.top; row <= Math.min(r.bottom, r.top + 100000); row++)
            hs.add(t.sheet.rowHeights.get(row) ?? 15);
        }
        return hs.size === 1 ? [...hs][0] : null;
      }
    }
    return undefined;
  }
  private _child<C>(
    name: string,
    make: (ctx: FakeRequestContext, parent: RangeFormat, path: string, r: () => RangeT | null) => C,
  ): C {
    const key = `_c_${name}`;
    const self = this as unknown as Record<string, C>;
    return (self[key] ??= make(this._ctx, this, name, () => FakeClientObject._from(this as FakeClientObject<RangeT>)));
  }
  _font(): RangeFont {
    return this._child("font", (c, p, n, r) => new RangeFont(c, p, n, r));
  }
  _fill(): RangeFill {
    return this._child("fill", (c, p, n, r) => new RangeFill(c, p, n, r));
  }
  _protection(): FormatProtection {
    return this._child("protection", (c, p, n, r) => new FormatProtection(c, p, n, r));
  }
  _borders(): RangeBorderCollection {
    return this._child("borders", (c, p, n, r) => new RangeBorderCollection(c, p, n, r));
  }
  override _nav(name: string): FakeClientObject<unknown> | null {
    if (name === "font") return this._font();
    if (name === "fill") return this._fill();
    if (name === "protection") return this._protection();
    return null;
  }
  get font(): RangeFont {
    return this._font();
  }
  get fill(): RangeFill {
    return this._fill();
  }
  get protection(): FormatProtection {
    return this._protection();
  }
  get borders(): RangeBorderCollection {
    return this._borders();
  }
  private _set(action: string, v: unknown, apply: (f: CellFormat) => void): void {
    this._write(action, [v], (t) => {
      assertWritable(t.sheet);
      eachCell(t, (c) => apply(fmt(c)));
    });
  }
  get horizontalAlignment(): string {
    return this._prop("horizontalAlignment");
  }
  set horizontalAlignment(v: string) {
    this._set("SetHorizontalAlignment", v, (f) => (f.horizontal = v));
  }
  get verticalAlignment(): string {
    return this._prop("verticalAlignment");
  }
  set verticalAlignment(v: string) {
    this._set("SetVerticalAlignment", v, (f) => (f.vertical = v));
  }
  get wrapText(): boolean {
    return this._prop("wrapText");
  }
  set wrapText(v: boolean) {
    this._set("SetWrapText", v, (f) => (f.wrap = v));
  }
  get columnWidth(): number {
    return this._prop("columnWidth");
  }
  set columnWidth(v: number) {
    this._write("SetColumnWidth", [v], (t) => {
      assertWritable(t.sheet);
      for (const r of t.rects) for (let c = r.left; c <= r.right; c++) t.sheet.columnWidths.set(c, v);
    });
  }
  get rowHeight(): number {
    return this._prop("rowHeight");
  }
  set rowHeight(v: number) {
    this._write("SetRowHeight", [v], (t) => {
      assertWritable(t.sheet);
      for (const r of t.rects) for (let row = r.top; row <= r.bottom; row++) t.sheet.rowHeights.set(row, v);
    });
  }
  set useStandardWidth(v: boolean) {
    this._write(
      "SetUseStandardWidth",
      [v],
      (t) => {
        if (!v) return;
        for (const r of t.rects) {
          if (r.left === 0 && r.right === MAX_COLS - 1) t.sheet.columnWidths.clear();
          else for (let c = r.left; c <= r.right; c++) t.sheet.columnWidths.delete(c);
        }
      },
      7,
    );
  }
  set useStandardHeight(v: boolean) {
    this._write(
      "SetUseStandardHeight",
      [v],
      (t) => {
        if (!v) return;
        for (const r of t.rects) {
          if (r.top === 0 && r.bottom === MAX_ROWS - 1) t.sheet.rowHeights.clear();
          else for (let row = r.top; row <= r.bottom; row++) t.sheet.rowHeights.delete(row);
        }
      },
      7,
    );
  }
  autofitColumns(): void {
    this._write("AutofitColumns", [], () => undefined, 2);
  }
  autofitRows(): void {
    this._write("AutofitRows", [], () => undefined, 2);
  }
}

class FormatPart extends FakeClientObject<RangeT> {
  _scalarProps(): string[] {
    return [];
  }
  _read(_t: RangeT, _prop: string): unknown {
    return undefined;
  }
  _set(action: string, v: unknown, apply: (f: CellFormat) => void, api = 0): void {
    this._write(
      action,
      [v],
      (t) => {
        assertWritable(t.sheet);
        eachCell(t, (c) => apply(fmt(c)));
      },
      api,
    );
  }
}

class RangeFont extends FormatPart {
  override _scalarProps(): string[] {
    return ["name", "size", "bold", "italic", "color"];
  }
  override _read(t: RangeT, prop: string): unknown {
    switch (prop) {
      case "name":
        return uniform(t, (c) => c?.format?.fontName ?? DEFAULT_FORMAT.fontName);
      case "size":
        return uniform(t, (c) => c?.format?.fontSize ?? DEFAULT_FORMAT.fontSize);
      case "bold":
        return uniform(t, (c) => c?.format?.bold ?? DEFAULT_FORMAT.bold);
      case "italic":
        return uniform(t, (c) => c?.format?.italic ?? DEFAULT_FORMAT.italic);
      case "color":
        return uniform(t, (c) => c?.format?.fontColor ?? DEFAULT_FORMAT.fontColor);
    }
    return undefined;
  }
  get name(): string {
    return this._prop("name");
  }
  set name(v: string) {
    this._set("SetName", v, (f) => (f.fontName = v));
  }
  get size(): number {
    return this._prop("size");
  }
  set size(v: number) {
    this._set("SetSize", v, (f) => (f.fontSize = v));
  }
  get bold(): boolean {
    return this._prop("bold");
  }
  set bold(v: boolean) {
    this._set("SetBold", v, (f) => (f.bold = v));
  }
  get italic(): boolean {
    return this._prop("italic");
  }
  set italic(v: boolean) {
    this._set("SetItalic", v, (f) => (f.italic = v));
  }
  get color(): string {
    return this._prop("color");
  }
  set color(v: string) {
    this._set("SetColor", v, (f) => (f.fontColor = v.toUpperCase()));
  }
}

class RangeFill extends FormatPart {
  override _scalarProps(): string[] {
    return ["color"];
  }
  override _read(t: RangeT, prop: string): unknown {
    return prop === "color" ? uniform(t, (c) => c?.format?.fill ?? "#FFFFFF") : undefined;
  }
  get color(): string {
    return this._prop("color");
  }
  set color(v: string) {
    this._set("SetColor", v, (f) => (f.fill = v.toUpperCase()));
  }
  clear(): void {
    this._set("Clear", null, (f) => delete f.fill);
  }
}

class FormatProtection extends FormatPart {
  override _scalarProps(): string[] {
    return ["locked"];
  }
  override _read(t: RangeT, prop: string): unknown {
    return prop === "locked" ? uniform(t, (c) => c?.format?.locked ?? true) : undefined;
  }
  get locked(): boolean {
    return this._prop("locked");
  }
  set locked(v: boolean) {
    this._set("SetLocked", v, (f) => (f.locked = v), 2);
  }
}

const BORDER_INDEXES = [
  "EdgeTop",
  "EdgeBottom",
  "EdgeLeft",
  "EdgeRight",
  "InsideVertical",
  "InsideHorizontal",
  "DiagonalDown",
  "DiagonalUp",
];

class RangeBorderCollection extends FormatPart {
  getItem(index: string): RangeBorder {
    if (!BORDER_INDEXES.includes(index))
      throw new FakeOfficeError("InvalidArgument", `Unknown border index '${index}'.`);
    return new RangeBorder(
      this._ctx,
      this,
      `getItem(${index})`,
      () => FakeClientObject._from(this as FakeClientObject<RangeT>),
      0,
      index,
    );
  }
}

type Side = "borderTop" | "borderBottom" | "borderLeft" | "borderRight";

class RangeBorder extends FormatPart {
  constructor(
    ctx: FakeRequestContext,
    parent: FakeClientObject<unknown>,
    path: string,
    resolve: () => RangeT | null,
    api: number,
    readonly _index: string,
  ) {
    super(ctx, parent, path, resolve, api);
  }
  override _scalarProps(): string[] {
    return ["style", "color", "weight", "sideIndex"];
  }
  /** The cells and side an edge setting applies to. */
  private _targets(t: RangeT): [Rect, Side][] {
    const out: [Rect, Side][] = [];
    for (const r of t.rects) {
      switch (this._index) {
        case "EdgeTop":
          out.push([{ ...r, bottom: r.top }, "borderTop"]);
          break;
        case "EdgeBottom":
          out.push([{ ...r, top: r.bottom }, "borderBottom"]);
          break;
        case "EdgeLeft":
          out.push([{ ...r, right: r.left }, "borderLeft"]);
          break;
        case "EdgeRight":
          out.push([{ ...r, left: r.right }, "borderRight"]);
          break;
        case "InsideHorizontal":
          if (r.bottom > r.top)
            out.push([{ ...r, bottom: r.bottom - 1 }, "borderBottom"], [{ ...r, top: r.top + 1 }, "borderTop"]);
          break;
        case "InsideVertical":
          if (r.right > r.left)
            out.push([{ ...r, right: r.right - 1 }, "borderRight"], [{ ...r, left: r.left + 1 }, "borderLeft"]);
          break;
      }
    }
    return out;
  }
  override _read(t: RangeT, prop: string): unknown {
    if (prop === "sideIndex") return this._index;
    if (prop !== "style") return prop === "weight" ? "Thin" : "#000000";
    const targets = this._targets(t);
    if (!targets.length) return "None";
    const styles = new Set(
      targets.map(([r, side]) => uniform({ sheet: t.sheet, rects: [r] }, (c) => c?.format?.[side] ?? "None")),
    );
    return styles.size === 1 ? [...styles][0] : null;
  }
  get style(): string {
    return this._prop("style");
  }
  set style(v: string) {
    this._write("SetStyle", [v], (t) => {
      assertWritable(t.sheet);
      for (const [r, side] of this._targets(t)) {
        eachCell({ sheet: t.sheet, rects: [r] }, (c) => {
          if (v === "None") delete fmt(c)[side];
          else fmt(c)[side] = v;
        });
      }
    });
  }
  set color(v: string) {
    this._write("SetColor", [v], () => undefined);
  }
  set weight(v: string) {
    this._write("SetWeight", [v], () => undefined);
  }
}
