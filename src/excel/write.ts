/**
 * Writing a SheetPlan / WorkbookPlan into the open workbook in two syncs:
 *   1. look up the plan's sheets and names (getItemOrNullObject);
 *   2. add or clear the plan's sheets and write everything, with calculation (and, ExcelApi 1.9,
 *      screen updating) suspended.
 * Sheets that are not in the plan are never touched.
 *
 * Text is always written as text: every string that Excel could read as something else (a formula
 * "=1+1", "+5", "-", "@x", a number "001", a percentage "6%", a date "2019年1月", TRUE) is written with
 * a leading apostrophe. The apostrophe is Excel's quote prefix: the cell's value is the text without
 * it, in every version and platform, whatever the cell's number format. Setting the number format "@"
 * first would also work in the Excel UI, but it changes the cell's format (the plan's number format is
 * then lost), and a later re-entry of the cell keeps it as text even when the user types a number.
 *
 * Column widths: the plan gives Excel character units (the width of "0" in the default font, 7 px for
 * 11 pt Calibri/等线); Excel's pixel width is chars * 7 + 5 (padding), and Office.js wants points:
 * points = round(chars * 7 + 5) * 0.75 (96 px = 72 pt). 8.43 chars -> 64 px -> 48 pt, Excel's default.
 *
 * Formats are grouped: each (attribute, value) pair is applied to the rectangles that share it, as one
 * multi-area range (`getRanges("A1:B2,C3:D4")`, ExcelApi 1.9) or, on older Excel, one range per rectangle.
 * getRanges wants the list separator of the user's locale: "A1,B2" fails with InvalidArgument where the
 * separator is ";" (German, Czech... Windows settings; office-js issues #1167 and #1985), while every
 * address Excel returns uses ",". So the first InvalidArgument from a batch that used getRanges switches
 * multi-area ranges off for the session and the write is done again with one range per rectangle.
 */
import { quoteSheetName, rangeA1, columnLetters } from "../core/grid";
import type { CellStyle, NamedRangePlan, SheetPlan, WorkbookPlan } from "../core/render/plan";
import { codeOf, HostError } from "./errors";
import { excelRun, type CallOptions } from "./run";

export interface ApplyOptions {
  /** Clear and rewrite plan sheets that already exist (default false: throw HostError "SheetExists"). */
  replace?: boolean;
}

/**
 * Longest address list given to one getRanges call. Excel refuses an address over 8,192 characters
 * (its formula length limit, which an address list shares); 2,000 leaves room for sheet-qualified forms.
 */
export const MAX_AREAS_ADDRESS = 2000;

/** Multi-area ranges worked or were not tried yet in this session (false after a list-separator failure). */
let multiArea = true;

/** Whether getRanges may be used for `address` now. */
export function multiAreaUsable(address = ""): boolean {
  return multiArea && address.length <= MAX_AREAS_ADDRESS;
}

/** getRanges was refused: one range per rectangle from now on. */
export function multiAreaFailed(): void {
  multiArea = false;
}

/** For tests: forget a previous failure. */
export function resetMultiArea(): void {
  multiArea = true;
}

/** Set while a batch queues getRanges calls, to know whether its failure may be the list separator. */
let queuedMultiArea = false;

export function columnWidthPoints(chars: number): number {
  return Math.round(chars * 7 + 5) * 0.75;
}

/** True when Excel would not keep the string as plain text if it were typed into a General cell. */
export function needsQuotePrefix(s: string): boolean {
  if (s === "") return false;
  if (/^[=+\-@']/.test(s)) return true;
  // Plain text: starts with a letter or CJK character and holds no ASCII digit (no number, date or time).
  if (/^[A-Za-z\u3400-\u9fff\uff00-\uffef\u3000-\u303f“”‘’（）《》【】]/.test(s) && !/[0-9]/.test(s)) {
    return /^(true|false)$/i.test(s.trim());
  }
  return true;
}

/** The entry for the 2-D `formulas` array: formula, number, boolean, text (apostrophe when needed), or "" (blank). */
export function excelInput(cell: {
  value?: string | number | boolean | null;
  formula?: string;
}): string | number | boolean {
  if (cell.formula !== undefined) return cell.formula;
  const v = cell.value;
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return needsQuotePrefix(v) ? `'${v}` : v;
  return v;
}

interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Group cells (row, col) into few rectangles: runs in each row, then identical runs stacked. */
export function toRectangles(cells: { row: number; col: number }[]): Rect[] {
  const byRow = new Map<number, number[]>();
  for (const c of cells) {
    const list = byRow.get(c.row) ?? [];
    list.push(c.col);
    byRow.set(c.row, list);
  }
  const open = new Map<string, Rect>();
  const done: Rect[] = [];
  const rows = [...byRow.keys()].sort((a, b) => a - b);
  let prevRow = -2;
  for (const row of rows) {
    const cols = [...new Set(byRow.get(row)!)].sort((a, b) => a - b);
    const runs: [number, number][] = [];
    for (const c of cols) {
      const last = runs[runs.length - 1];
      if (last && last[1] === c - 1) last[1] = c;
      else runs.push([c, c]);
    }
    const next = new Map<string, Rect>();
    for (const [l, r] of runs) {
      const key = `${l}:${r}`;
      const o = row === prevRow + 1 ? open.get(key) : undefined;
      if (o) {
        o.bottom = row;
        next.set(key, o);
        open.delete(key);
      } else next.set(key, { top: row, left: l, bottom: row, right: r });
    }
    done.push(...open.values());
    open.clear();
    for (const [k, v] of next) open.set(k, v);
    prevRow = row;
  }
  done.push(...open.values());
  return done.sort((a, b) => a.top - b.top || a.left - b.left);
}

type Attr =
  | "fontName"
  | "fontSize"
  | "bold"
  | "italic"
  | "fontColor"
  | "fill"
  | "horizontal"
  | "vertical"
  | "wrap"
  | "border"
  | "unlocked";

function attributes(style: CellStyle): [Attr, string | number | boolean][] {
  const out: [Attr, string | number | boolean][] = [];
  const f = style.font;
  if (f?.name) out.push(["fontName", f.name]);
  if (f?.size) out.push(["fontSize", f.size]);
  if (f?.bold) out.push(["bold", true]);
  if (f?.italic) out.push(["italic", true]);
  if (f?.color) out.push(["fontColor", f.color]);
  if (style.fill) out.push(["fill", style.fill]);
  if (style.horizontal) out.push(["horizontal", style.horizontal]);
  if (style.vertical) out.push(["vertical", style.vertical]);
  if (style.wrap) out.push(["wrap", true]);
  if (style.border) out.push(["border", true]);
  if (style.input) out.push(["unlocked", true]);
  return out;
}

function horizontalOf(v: string): "Left" | "Center" | "Right" {
  return v === "left" ? "Left" : v === "right" ? "Right" : "Center";
}

function verticalOf(v: string): "Top" | "Center" | "Bottom" {
  return v === "top" ? "Top" : v === "bottom" ? "Bottom" : "Center";
}

function applyAttr(format: Excel.RangeFormat, attr: Attr, value: string | number | boolean): void {
  switch (attr) {
    case "fontName":
      format.font.name = String(value);
      break;
    case "fontSize":
      format.font.size = Number(value);
      break;
    case "bold":
      format.font.bold = true;
      break;
    case "italic":
      format.font.italic = true;
      break;
    case "fontColor":
      format.font.color = String(value);
      break;
    case "fill":
      format.fill.color = String(value);
      break;
    case "horizontal":
      format.horizontalAlignment = horizontalOf(String(value));
      break;
    case "vertical":
      format.verticalAlignment = verticalOf(String(value));
      break;
    case "wrap":
      format.wrapText = true;
      break;
    case "border":
      for (const edge of [
        "EdgeTop",
        "EdgeBottom",
        "EdgeLeft",
        "EdgeRight",
        "InsideHorizontal",
        "InsideVertical",
      ] as const) {
        format.borders.getItem(edge).style = "Continuous";
      }
      break;
    case "unlocked":
      format.protection.locked = false;
      break;
  }
}

/** Address lists no longer than MAX_AREAS_ADDRESS. */
function addressLists(addresses: string[]): string[] {
  const out: string[] = [];
  let cur = "";
  for (const a of addresses) {
    if (cur && cur.length + 1 + a.length > MAX_AREAS_ADDRESS) {
      out.push(cur);
      cur = "";
    }
    cur = cur ? `${cur},${a}` : a;
  }
  if (cur) out.push(cur);
  return out;
}

/** Apply `f` to the format of every address: few multi-area ranges (ExcelApi 1.9) or one range each. */
function forAreas(ws: Excel.Worksheet, addresses: string[], f: (format: Excel.RangeFormat) => void): void {
  if (addresses.length > 1 && multiArea && Office.context.requirements.isSetSupported("ExcelApi", "1.9")) {
    queuedMultiArea = true;
    for (const list of addressLists(addresses)) f(ws.getRanges(list).format);
    return;
  }
  for (const a of addresses) f(ws.getRange(a).format);
}

function columnsAddress(left: number, right: number): string {
  return `${columnLetters(left)}:${columnLetters(right)}`;
}

/** Group adjacent indexes with the same value: [[from, to, value]]. */
function runsOf(map: Record<number, number>): [number, number, number][] {
  const keys = Object.keys(map)
    .map(Number)
    .filter((k) => Number.isInteger(k) && k >= 0)
    .sort((a, b) => a - b);
  const runs: [number, number, number][] = [];
  for (const k of keys) {
    const v = map[k]!;
    const last = runs[runs.length - 1];
    if (last && last[1] === k - 1 && last[2] === v) last[1] = k;
    else runs.push([k, k, v]);
  }
  return runs;
}

/** Queue everything a sheet plan writes (no sync). `ws` is a new or cleared sheet. */
export function queueSheet(ws: Excel.Worksheet, plan: SheetPlan): void {
  const cells = plan.cells;
  if (cells.length) {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    for (const c of cells) {
      top = Math.min(top, c.row);
      left = Math.min(left, c.col);
      bottom = Math.max(bottom, c.row);
      right = Math.max(right, c.col);
    }
    const rows = bottom - top + 1;
    const cols = right - left + 1;
    const input: (string | number | boolean)[][] = Array.from({ length: rows }, () => new Array(cols).fill(""));
    const formats: string[][] = Array.from({ length: rows }, () => new Array(cols).fill("General"));
    let anyFormat = false;
    for (const c of cells) {
      input[c.row - top]![c.col - left] = excelInput(c);
      const nf = c.style ? plan.styles[c.style]?.numberFormat : undefined;
      if (nf) {
        formats[c.row - top]![c.col - left] = nf;
        anyFormat = true;
      }
    }
    const box = ws.getRangeByIndexes(top, left, rows, cols);
    // One 2-D write for values and formulas; number formats after it (a "@" format set first would turn formulas into text).
    box.formulas = input;
    if (anyFormat) box.numberFormat = formats;
  }

  // Formats: (attribute, value) -> cells -> rectangles -> one multi-area range.
  const groups = new Map<
    string,
    { attr: Attr; value: string | number | boolean; cells: { row: number; col: number }[] }
  >();
  for (const c of cells) {
    const style = c.style ? plan.styles[c.style] : undefined;
    if (!style) continue;
    for (const [attr, value] of attributes(style)) {
      const key = `${attr}\u0000${String(value)}`;
      let g = groups.get(key);
      if (!g) {
        g = { attr, value, cells: [] };
        groups.set(key, g);
      }
      g.cells.push(c);
    }
  }
  for (const g of groups.values()) {
    const addresses = toRectangles(g.cells).map((r) => rangeA1(r));
    forAreas(ws, addresses, (format) => applyAttr(format, g.attr, g.value));
  }

  for (const m of plan.merges) {
    if (m.bottom > m.top || m.right > m.left) ws.getRange(rangeA1(m)).merge(false);
  }

  const widths = runsOf(plan.columnWidths);
  const byWidth = new Map<number, string[]>();
  for (const [from, to, chars] of widths) {
    const pts = columnWidthPoints(chars);
    byWidth.set(pts, [...(byWidth.get(pts) ?? []), columnsAddress(from, to)]);
  }
  for (const [pts, addresses] of byWidth) forAreas(ws, addresses, (format) => (format.columnWidth = pts));

  const byHeight = new Map<number, string[]>();
  for (const [from, to, points] of runsOf(plan.rowHeights ?? {})) {
    byHeight.set(points, [...(byHeight.get(points) ?? []), `${from + 1}:${to + 1}`]);
  }
  for (const [points, addresses] of byHeight) forAreas(ws, addresses, (format) => (format.rowHeight = points));

  if (plan.validations?.length) {
    if (Office.context.requirements.isSetSupported("ExcelApi", "1.8")) {
      for (const v of plan.validations) {
        const dv = ws.getRange(rangeA1(v.range)).dataValidation;
        dv.clear();
        if (v.type === "list") {
          dv.rule = { list: { inCellDropDown: true, source: (v.list ?? []).join(",") } };
        } else {
          const basic = { formula1: v.min ?? 0, operator: "GreaterThanOrEqualTo" as const };
          dv.rule = v.type === "whole" ? { wholeNumber: basic } : { decimal: basic };
        }
        if (v.prompt) dv.prompt = { showPrompt: true, title: "", message: v.prompt };
        if (v.error) dv.errorAlert = { showAlert: true, style: "Stop", title: "输入有误", message: v.error };
      }
    }
  }

  if (plan.print) {
    if (Office.context.requirements.isSetSupported("ExcelApi", "1.9")) {
      const layout = ws.pageLayout;
      layout.orientation = plan.print.orientation === "landscape" ? "Landscape" : "Portrait";
      layout.paperSize = "A4";
      if (plan.print.fitToWidth) layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      if (plan.print.area) layout.setPrintArea(rangeA1(plan.print.area));
      // The manual page breaks of the last generation go; the plan's (before each table that would
      // otherwise leave its label at the foot of a page) come.
      ws.horizontalPageBreaks.removePageBreaks();
      for (const row of plan.print.rowBreaks ?? []) ws.horizontalPageBreaks.add(`A${row + 1}`);
    }
  }

  if (plan.freezeRows && plan.freezeRows > 0) ws.freezePanes.freezeRows(plan.freezeRows);
  // A sheet the user does not need (the generator's record) is hidden; otherwise it is made visible again.
  ws.visibility = plan.hidden ? "Hidden" : "Visible";
}

/** Empty an existing plan sheet: contents, formats, merges, validations, frozen panes, widths and heights. */
function queueClear(ws: Excel.Worksheet): void {
  const all = ws.getRange();
  all.unmerge();
  all.clear("All");
  all.format.useStandardWidth = true;
  all.format.useStandardHeight = true;
  if (Office.context.requirements.isSetSupported("ExcelApi", "1.8")) {
    all.dataValidation.clear();
  }
  ws.freezePanes.unfreeze();
}

function suspend(context: Excel.RequestContext): void {
  context.workbook.application.suspendApiCalculationUntilNextSync();
  if (Office.context.requirements.isSetSupported("ExcelApi", "1.9")) {
    context.workbook.application.suspendScreenUpdatingUntilNextSync();
  }
}

function isWorkbookPlan(plan: WorkbookPlan | SheetPlan): plan is WorkbookPlan {
  return Array.isArray((plan as WorkbookPlan).sheets);
}

/** A failed batch that used getRanges and failed with InvalidArgument: the list separator, most likely. */
function separatorFailure(e: unknown): boolean {
  const was = queuedMultiArea;
  queuedMultiArea = false;
  if (was && codeOf(e) === "InvalidArgument") {
    multiAreaFailed();
    return true;
  }
  return false;
}

export async function applyPlanImpl(plan: WorkbookPlan | SheetPlan, opts?: ApplyOptions & CallOptions): Promise<void> {
  queuedMultiArea = false;
  try {
    await applyOnce(plan, opts);
  } catch (e) {
    if (!separatorFailure(e)) throw e;
    // Sheets the failed batch added are ours; sheets that existed were allowed to be replaced (else SheetExists).
    await applyOnce(plan, { ...opts, replace: true });
  }
  queuedMultiArea = false;
}

async function applyOnce(plan: WorkbookPlan | SheetPlan, opts?: ApplyOptions & CallOptions): Promise<void> {
  const sheets: SheetPlan[] = isWorkbookPlan(plan) ? plan.sheets : [plan];
  const names: NamedRangePlan[] = isWorkbookPlan(plan) ? plan.names : [];
  await excelRun(opts, async (context) => {
    const worksheets = context.workbook.worksheets;
    const found = sheets.map((s) => worksheets.getItemOrNullObject(s.name).load("name"));
    const oldNames = names.map((n) => context.workbook.names.getItemOrNullObject(n.name).load("name"));
    // Protection is known before anything is written: Excel applies a batch in order, so a protected sheet
    // met half-way would leave the sheets before it rewritten. (Loaded through the collection, not through
    // the null objects of sheets that do not exist.)
    worksheets.load("items/name,items/protection/protected");
    // A workbook whose structure is protected (Review > Protect Workbook) takes no new sheet, and no sheet can be
    // shown or hidden in it (the writer sets every plan sheet's visibility): refused before anything is written.
    const workbook = context.workbook.load("protection/protected");
    await context.sync();

    if (workbook.protection.protected) throw structureProtected(sheets.map((s) => s.name));
    const existing = sheets.filter((_, i) => !found[i]!.isNullObject).map((s) => s.name);
    if (existing.length && !opts?.replace) {
      throw new HostError("SheetExists", `worksheets exist: ${existing.join(", ")}`, { sheets: existing });
    }
    const ours = new Set(found.filter((f) => !f.isNullObject).map((f) => f.name));
    const locked = worksheets.items.filter((w) => ours.has(w.name) && w.protection.protected).map((w) => w.name);
    if (locked.length) {
      throw new HostError("Protected", `worksheets are protected: ${locked.join(", ")}`, { sheets: locked });
    }

    suspend(context);
    const bySheet = new Map<string, Excel.Worksheet>();
    sheets.forEach((s, i) => {
      let ws = found[i]!;
      if (ws.isNullObject) ws = worksheets.add(s.name);
      else queueClear(ws);
      bySheet.set(s.name, ws);
      queueSheet(ws, s);
    });
    oldNames.forEach((n) => {
      if (!n.isNullObject) n.delete();
    });
    for (const n of names) {
      const ws = bySheet.get(n.sheet) ?? worksheets.getItem(n.sheet);
      context.workbook.names.add(n.name, ws.getRange(rangeA1(n.range)), n.title);
    }
    await context.sync();
  });
}

/** The refusal for a workbook whose structure is protected: `sheets` cannot be added (or shown, or hidden) there. */
function structureProtected(sheets: string[]): HostError {
  return new HostError("WorkbookProtected", `the workbook's structure is protected: ${sheets.join(", ")}`, { sheets });
}

/** A name not yet taken: 公开数据, 公开数据 (2), 公开数据 (3)... (Excel compares names case-insensitively). */
export function uniqueSheetName(base: string, taken: string[]): string {
  const lower = new Set(taken.map((t) => t.toLowerCase()));
  if (!lower.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const name = base.slice(0, 31 - suffix.length) + suffix;
    if (!lower.has(name.toLowerCase())) return name;
  }
}

/** The plan under another sheet name: formulas that name the sheet follow it. */
function renamed(plan: SheetPlan, name: string): SheetPlan {
  if (name === plan.name) return plan;
  const from = `${quoteSheetName(plan.name)}!`;
  const to = `${quoteSheetName(name)}!`;
  return {
    ...plan,
    name,
    cells: plan.cells.map((c) => (c.formula?.includes(from) ? { ...c, formula: c.formula.split(from).join(to) } : c)),
  };
}

export async function insertTemplateImpl(plan: SheetPlan): Promise<string> {
  queuedMultiArea = false;
  let added = "";
  try {
    return await Excel.run(async (context) => {
      const worksheets = context.workbook.worksheets;
      worksheets.load("items/name");
      const workbook = context.workbook.load("protection/protected");
      await context.sync();
      if (workbook.protection.protected) throw structureProtected([plan.name]);
      added = uniqueSheetName(
        plan.name,
        worksheets.items.map((w) => w.name),
      );
      suspend(context);
      const ws = worksheets.add(added);
      queueSheet(ws, renamed(plan, added));
      ws.activate();
      await context.sync();
      return added;
    });
  } catch (e) {
    if (!added || !separatorFailure(e)) throw e;
    // The failed batch may have added the sheet: it is ours, fill it again with one range per rectangle.
    return Excel.run(async (context) => {
      const found = context.workbook.worksheets.getItemOrNullObject(added);
      await context.sync();
      suspend(context);
      let ws = found;
      if (ws.isNullObject) ws = context.workbook.worksheets.add(added);
      else queueClear(ws);
      queueSheet(ws, renamed(plan, added));
      ws.activate();
      await context.sync();
      return added;
    });
  } finally {
    queuedMultiArea = false;
  }
}
