/**
 * Reading the workbook in as few syncs as possible, without tripping Excel's request limits.
 *
 * One sync for ordinary workbooks: the sheets are reached by a chain getFirst().getNextOrNullObject()...
 * (ExcelApi 1.5) queued for up to CHAIN_LENGTH sheets, so that the sheet list, every used range and its
 * values, formulas, valueTypes and number formats come back in the same round trip (a chain link past the last sheet is
 * a null object; methods on it give null objects).
 *
 * Size guard: the data loaded in that first sync is the used part of a fixed window A1:T10000
 * (200,000 cells at most per sheet: about 3.9 MB of numbers at the measured 19.6 bytes per cell without number
 * formats, under the 5 MB limit of Excel for the web; with the number formats that tell a date from a count, about
 * 30 bytes per number, so a window packed with numbers in all its 20 columns can pass 5 MB and then takes the
 * fallback below). A sheet whose used range does not fit the window is read again in
 * row chunks, each chunk at most `maxCellsPerSync` cells and at most `maxBytesPerSync` estimated bytes;
 * small chunks of several sheets share a sync. Excel for the web refuses a request or response over 5 MB
 * and a read over 5,000,000 cells may come back empty, hence 1,000,000 cells / 4,000,000 bytes.
 *
 * Chunks adapt to what comes back (readChunks): bytes per cell are measured on every chunk read (JSON of
 * values + formulas + valueTypes + numberFormat, i.e. what the response carries, times 1.25) and size the next chunk of
 * that sheet; before anything is measured the guess is the largest rate seen in this read, else
 * ESTIMATED_BYTES_PER_CELL (40: a number is ~5 bytes in values and in formulas plus ~9 for "Double"; a
 * 10-character Chinese label is ~32 bytes twice plus ~9 - test/excel/read.test.ts measures both). A sync
 * refused for its size is done again with chunks of half the rows. So a workbook that also holds an
 * applications register of thousands of rows of Chinese text (~200 bytes per cell) reads on the web.
 *
 * If the one-sync read fails for any reason but cell edit mode (for instance a response over 5 MB, or an
 * Excel that refuses methods on null objects), the read falls back to the plain path: list the sheets,
 * then the used ranges' sizes, then the values in adaptive chunks.
 */
import type { CellError, CellKind, CellValue, CellRange, SheetGrid, WorkbookGrid } from "../core/grid";
import { columnIndex, numberFormatKind } from "../core/grid";
import { DATE_1904_OFFSET } from "../core/read/values";
import { HostError, isEditModeError, isPayloadLimitError } from "./errors";
import { excelRun, type CallOptions } from "./run";

export interface ReadOptions {
  /** Largest number of cells read in one request (default 1,000,000). */
  maxCellsPerSync?: number;
  /** Largest estimated response size in bytes per sync (default 4,000,000; Excel on the web refuses > 5 MB). */
  maxBytesPerSync?: number;
}

export const WINDOW_ADDRESS = "A1:T10000";
export const CHAIN_LENGTH = 64;
export const ESTIMATED_BYTES_PER_CELL = 40;
const DEFAULT_MAX_CELLS = 1_000_000;
const DEFAULT_MAX_BYTES = 4_000_000;

/** Sheets seen by the last loadWorkbookGrid: the next chain is made long enough for them all. */
let lastSheetCount = 0;

interface Budget {
  maxCells: number;
  maxBytes: number;
}

function budgetOf(opts?: ReadOptions): Budget {
  return {
    maxCells: Math.max(1, opts?.maxCellsPerSync ?? DEFAULT_MAX_CELLS),
    maxBytes: Math.max(1, opts?.maxBytesPerSync ?? DEFAULT_MAX_BYTES),
  };
}

interface Probe {
  ws: Excel.Worksheet;
  used: Excel.Range;
  /** The used part of the window, with data; null when not loaded (the plain path). */
  window: Excel.Range | null;
  merged: Excel.RangeAreas | null;
}

/** Queue what one sheet needs: its name, used range size, the used part of the window with data, merges. */
function queueProbe(ws: Excel.Worksheet): Probe {
  ws.load("name");
  const used = ws.getUsedRangeOrNullObject(true);
  used.load("rowIndex,columnIndex,rowCount,columnCount,rowHidden");
  const window = ws.getRange(WINDOW_ADDRESS).getUsedRangeOrNullObject(true);
  window.load("rowIndex,columnIndex,rowCount,columnCount,values,formulas,valueTypes,numberFormat");
  return { ws, used, window, merged: queueMerges(ws) };
}

/** The sheet's merged areas (ExcelApi 1.13), or null when this Excel cannot tell. */
function queueMerges(ws: Excel.Worksheet): Excel.RangeAreas | null {
  if (Office.context.requirements.isSetSupported("ExcelApi", "1.13")) {
    const merged = ws.getRange().getMergedAreasOrNullObject();
    merged.load("address");
    return merged;
  }
  return null;
}

/** Work left after the first sync for a sheet too big for the window. */
interface Pending {
  grid: SheetGrid;
  ws: Excel.Worksheet;
  top: number;
  left: number;
  rows: number;
  cols: number;
  /** Measured on the window; null when nothing of the sheet was read yet. */
  bytesPerCell: number | null;
}

function emptyGrid(name: string): SheetGrid {
  return { name, top: 0, left: 0, values: [], formulas: [] };
}

/** Turn a loaded probe into a grid, or into pending chunk work. */
function finishProbe(p: Probe): { grid: SheetGrid; pending: Pending | null } {
  const name = p.ws.name;
  const grid = emptyGrid(name);
  if (p.merged) grid.merges = p.merged.isNullObject ? [] : parseAreas(p.merged.address);
  if (p.used.isNullObject) return { grid, pending: null };
  grid.top = p.used.rowIndex;
  grid.left = p.used.columnIndex;
  const hidden = p.used.rowHidden;
  if (hidden === false) grid.hiddenRows = [];
  else if (hidden === true) grid.hiddenRows = Array.from({ length: p.used.rowCount }, (_, i) => grid.top + i);
  const w = p.window;
  const fits =
    w !== null &&
    !w.isNullObject &&
    w.rowIndex === p.used.rowIndex &&
    w.columnIndex === p.used.columnIndex &&
    w.rowCount === p.used.rowCount &&
    w.columnCount === p.used.columnCount;
  if (fits) {
    const { values, formulas, kinds } = toCells(w.values, w.formulas, w.valueTypes, w.numberFormat);
    grid.values = values;
    grid.formulas = formulas;
    if (kinds) grid.kinds = kinds;
    return { grid, pending: null };
  }
  let bytesPerCell: number | null = null;
  if (w !== null && !w.isNullObject && w.values) bytesPerCell = measuredRate(w, w.rowCount * w.columnCount) || null;
  return {
    grid,
    pending: {
      grid,
      ws: p.ws,
      top: p.used.rowIndex,
      left: p.used.columnIndex,
      rows: p.used.rowCount,
      cols: p.used.columnCount,
      bytesPerCell,
    },
  };
}

function jsonLength(v: unknown): number {
  // Characters, not bytes: close enough for an estimate (Chinese text counts 1 instead of 3, hence the margin).
  const s = JSON.stringify(v);
  let n = 0;
  for (let i = 0; i < s.length; i++) n += s.charCodeAt(i) < 0x80 ? 1 : 3;
  return n;
}

/**
 * Read the pending sheets in row chunks, several chunks per sync while the budget allows.
 * Each sheet's chunks are sized from its bytes per cell: measured on the window when the first sync
 * brought it, else the largest rate measured so far in this read (else ESTIMATED_BYTES_PER_CELL), and
 * measured again on every chunk that comes back. A sync that Excel refuses for its size (a payload over
 * the limit, or values that come back null) is done again with the rate of its sheets doubled, i.e. chunks
 * of half the rows; a single row that is still too large is HostError "TooLarge".
 */
async function readChunks(context: Excel.RequestContext, pending: Pending[], budget: Budget): Promise<void> {
  let known = Math.max(0, ...pending.map((p) => p.bytesPerCell ?? 0));
  const work = pending.map((p) => ({ p, offset: 0, rate: p.bytesPerCell ?? 0 }));
  for (const w of work) {
    w.p.grid.values = [];
    w.p.grid.formulas = [];
  }
  const rateOf = (w: (typeof work)[number]) => w.rate || known || ESTIMATED_BYTES_PER_CELL;
  let next = 0;
  while (next < work.length) {
    interface Chunk {
      w: (typeof work)[number];
      offset: number;
      rows: number;
      range: Excel.Range;
    }
    const batch: Chunk[] = [];
    let cells = 0;
    let bytes = 0;
    for (let i = next; i < work.length; i++) {
      const w = work[i]!;
      if (w.offset >= w.p.rows) continue;
      const rate = rateOf(w);
      const roomCells = budget.maxCells - cells;
      const roomBytes = budget.maxBytes - bytes;
      let rows = Math.min(
        w.p.rows - w.offset,
        Math.floor(roomCells / w.p.cols),
        Math.floor(roomBytes / (rate * w.p.cols)),
      );
      if (rows < 1) {
        if (batch.length) break;
        rows = 1;
      }
      const range = w.p.ws.getRangeByIndexes(w.p.top + w.offset, w.p.left, rows, w.p.cols);
      range.load("values,formulas,valueTypes,numberFormat");
      batch.push({ w, offset: w.offset, rows, range });
      cells += rows * w.p.cols;
      bytes += rows * w.p.cols * rate;
      if (w.offset + rows < w.p.rows) break; // this sheet goes on in the next sync
    }
    let refused: unknown = null;
    // (a refused sync changes nothing: the same chunks are planned again, smaller)
    try {
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per budgeted batch of chunks, only for big workbooks
      await context.sync();
    } catch (e) {
      if (!isPayloadLimitError(e)) throw e;
      refused = e;
    }
    if (!refused && batch.some((c) => c.range.values === null || c.range.values === undefined)) refused = "null";
    if (refused) {
      if (batch.length === 1 && batch[0]!.rows === 1) {
        throw new HostError(
          "TooLarge",
          `row ${batch[0]!.w.p.top + batch[0]!.offset + 1} of ${batch[0]!.w.p.grid.name}`,
        );
      }
      for (const c of batch) c.w.rate = rateOf(c.w) * 2;
      continue;
    }
    for (const c of batch) {
      const { values, formulas, kinds } = toCells(
        c.range.values,
        c.range.formulas,
        c.range.valueTypes,
        c.range.numberFormat,
      );
      const grid = c.w.p.grid;
      if (kinds) kinds.forEach((k, i) => k && ((grid.kinds ??= [])[grid.values.length + i] = k));
      c.w.p.grid.values.push(...values);
      c.w.p.grid.formulas!.push(...formulas);
      c.w.offset += c.rows;
      const measured = measuredRate(c.range, c.rows * c.w.p.cols);
      c.w.rate = measured;
      known = Math.max(known, measured);
    }
    while (next < work.length && work[next]!.offset >= work[next]!.p.rows) next++;
  }
}

/** Bytes per cell of what a loaded range brought back (values + formulas + valueTypes + numberFormat), +25%. */
function measuredRate(range: Excel.Range, cells: number): number {
  if (cells <= 0) return 0;
  const bytes =
    jsonLength(range.values) +
    jsonLength(range.formulas) +
    jsonLength(range.valueTypes) +
    jsonLength(range.numberFormat);
  return Math.max(8, Math.ceil((bytes / cells) * 1.25));
}

/**
 * Excel's values + valueTypes -> CellValue (blank null, errors as CellError); formulas only where real; a number
 * whose number format shows a date or time marked so in `kinds` (absent when there is none).
 */
export function toCells(
  values: unknown[][],
  formulas: unknown[][] | undefined,
  types: string[][] | undefined,
  numberFormats?: unknown[][],
): { values: CellValue[][]; formulas: string[][]; kinds?: (CellKind | null)[][] } {
  let kinds: (CellKind | null)[][] | undefined;
  const outV: CellValue[][] = [];
  const outF: string[][] = [];
  for (let r = 0; r < values.length; r++) {
    const vr = values[r]!;
    const fr = formulas?.[r];
    const tr = types?.[r];
    const nr = numberFormats?.[r];
    const lineV: CellValue[] = new Array<CellValue>(vr.length);
    const lineF: string[] = new Array<string>(vr.length);
    for (let c = 0; c < vr.length; c++) {
      const v = vr[c];
      const t = tr?.[c];
      let cell: CellValue;
      if (t === "Empty" || v === "" || v === null || v === undefined) cell = t === "String" && v === "" ? "" : null;
      else if (t === "Error") cell = { error: String(v) } satisfies CellError;
      else if (typeof v === "number" || typeof v === "boolean" || typeof v === "string") cell = v;
      else cell = String(v);
      lineV[c] = cell;
      if (typeof cell === "number") {
        const k = numberFormatKind(nr?.[c] as string | undefined);
        if (k) ((kinds ??= [])[r] ??= [])[c] = k;
      }
      const f = fr?.[c];
      // A text cell that reads "=1+1" reports the same text as its formula: that is not a formula.
      lineF[c] = typeof f === "string" && f.startsWith("=") && !(t === "String" && f === v) ? f : "";
    }
    outV.push(lineV);
    outF.push(lineF);
  }
  return kinds ? { values: outV, formulas: outF, kinds } : { values: outV, formulas: outF };
}

/** "Sheet1!A1:B2,Sheet1!C3" or "'a,b'!A1:B2, 'a,b'!C3" -> absolute rectangles. */
export function parseAreas(address: string): CellRange[] {
  const out: CellRange[] = [];
  for (const part of splitAreas(address)) {
    const bang = part.lastIndexOf("!");
    const addr = bang >= 0 ? part.slice(bang + 1) : part;
    const m = /^\$?([A-Za-z]{1,3})\$?([0-9]+)(?::\$?([A-Za-z]{1,3})\$?([0-9]+))?$/.exec(addr.trim());
    if (!m) continue;
    const top = Number(m[2]) - 1;
    const left = columnIndex(m[1]!);
    out.push({ top, left, bottom: m[4] ? Number(m[4]) - 1 : top, right: m[3] ? columnIndex(m[3]) : left });
  }
  return out;
}

function splitAreas(address: string): string[] {
  const parts: string[] = [];
  let cur = "";
  let quoted = false;
  for (const ch of address) {
    if (ch === "'") quoted = !quoted;
    if (ch === "," && !quoted) {
      parts.push(cur.trim());
      cur = "";
    } else cur += ch;
  }
  if (cur.trim()) parts.push(cur.trim());
  return parts;
}

export async function loadWorkbookGridImpl(opts?: ReadOptions & CallOptions): Promise<WorkbookGrid> {
  // The manifest asks for ExcelApi 1.7, but a pane opened some other way (or an old build) must say so
  // plainly instead of failing on the first newer member.
  if (!Office.context.requirements.isSetSupported("ExcelApi", "1.7")) {
    throw new HostError("ApiNotSupported", "ExcelApi 1.7 is not supported", { need: "ExcelApi 1.7" });
  }
  const budget = budgetOf(opts);
  return excelRun(opts, async (context) => {
    let probes: Probe[];
    try {
      probes = await chainProbes(context);
    } catch (e) {
      if (isEditModeError(e)) throw e;
      probes = await listedProbes(context);
    }
    lastSheetCount = probes.length;
    const sheets: SheetGrid[] = [];
    const pending: Pending[] = [];
    for (const p of probes) {
      const { grid, pending: more } = finishProbe(p);
      sheets.push(grid);
      if (more) pending.push(more);
    }
    if (pending.length) await readChunks(context, pending, budget);
    await markDateSystem(context, sheets);
    return { sheets, source: "current workbook" };
  });
}

/** DATE(2000,1,1) in Excel's 1900 date system; 1,462 less in the 1904 system. */
const DATE_2000_1900 = 36526;

/**
 * Whether the workbook counts dates from 1904 (Excel's "Use 1904 date system", a Mac workbook's old default): then a
 * date typed into a count cell is held 1,462 days smaller and must be named so. Office.js has no released property
 * for it (Workbook.use1904DateSystem is listed only among the preview APIs), so Excel is asked through its own
 * worksheet function (ExcelApi 1.2): DATE(2000,1,1) is 36526 in the 1900 system, 35064 in the 1904. Asked only when a
 * sheet has a date in it (one more sync, on that rare path only); when Excel cannot answer, the 1900 system stands.
 */
async function markDateSystem(context: Excel.RequestContext, sheets: SheetGrid[]): Promise<void> {
  if (!sheets.some((s) => s.kinds?.some((row) => row?.some((k) => k === "date")))) return;
  try {
    const probe = context.workbook.functions.date(2000, 1, 1);
    probe.load("value");
    await context.sync();
    if (probe.value === DATE_2000_1900 - DATE_1904_OFFSET) for (const s of sheets) s.date1904 = true;
  } catch {
    // Not told: dates are named in the 1900 system, as before.
  }
}

/** The one-sync path: the chain of sheets, each probed. Continues with another sync past CHAIN_LENGTH sheets. */
async function chainProbes(context: Excel.RequestContext): Promise<Probe[]> {
  const length = Math.max(CHAIN_LENGTH, lastSheetCount + 8);
  const probes: Probe[] = [];
  let ws = context.workbook.worksheets.getFirst();
  for (;;) {
    const batch: Probe[] = [];
    for (let i = 0; i < length; i++) {
      if (i > 0 || probes.length > 0) ws = ws.getNextOrNullObject();
      batch.push(queueProbe(ws));
    }
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- a second round only past CHAIN_LENGTH sheets
    await context.sync();
    for (const p of batch) {
      if (p.ws.isNullObject) return probes;
      probes.push(p);
    }
  }
}

/** The plain path: list the sheets, then probe each (2 syncs before any chunk). */
async function listedProbes(context: Excel.RequestContext): Promise<Probe[]> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  await context.sync();
  const probes: Probe[] = [];
  for (const ws of sheets.items) {
    const used = ws.getUsedRangeOrNullObject(true);
    used.load("rowIndex,columnIndex,rowCount,columnCount,rowHidden");
    const merged = queueMerges(ws);
    // No window here: every non-empty sheet goes through the budgeted chunks.
    probes.push({ ws, used, window: null, merged });
  }
  await context.sync();
  return probes;
}

export async function loadSheetGridImpl(name: string, opts?: ReadOptions & CallOptions): Promise<SheetGrid> {
  const budget = budgetOf(opts);
  try {
    return await excelRun(opts, async (context) => {
      let probe = queueProbe(context.workbook.worksheets.getItem(name));
      try {
        await context.sync();
      } catch (e) {
        if (!isPayloadLimitError(e)) throw e;
        // The window alone is over the limit: its size first, then the values in adaptive chunks.
        const ws = context.workbook.worksheets.getItem(name);
        ws.load("name");
        const used = ws.getUsedRangeOrNullObject(true);
        used.load("rowIndex,columnIndex,rowCount,columnCount,rowHidden");
        probe = { ws, used, window: null, merged: queueMerges(ws) };
        await context.sync();
      }
      const { grid, pending } = finishProbe(probe);
      if (pending) await readChunks(context, [pending], budget);
      await markDateSystem(context, [grid]);
      return grid;
    });
  } catch (e) {
    if ((e as { code?: unknown } | null)?.code === "ItemNotFound") {
      throw new HostError("ItemNotFound", `worksheet ${name} not found`, { name });
    }
    throw e;
  }
}
