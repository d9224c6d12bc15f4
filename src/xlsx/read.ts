/**
 * A streaming-style .xlsx reader of only the parts the reader needs: the workbook's sheet list and date system,
 * shared strings, and each sheet's cells (values, formulas, cached results), merges and hidden rows. It yields the
 * same WorkbookGrid as the ExcelJS path (src/cli/xlsx.ts; test/cli/xlsx-fast.test.ts holds them equal over every
 * workbook fixture) at a fraction of the cost: no styles, no object model, one pass over each XML part.
 * Pure (fflate + strings, no Node, no DOM): the CLI uses it (src/cli/xlsx-fast.ts, with Node's zlib and its limits)
 * and so does the task pane's 导入上年数据 (./in-browser.ts, with fflate and the browser's limits).
 * Throws on a file it cannot make sense of; the CLI then falls back on ExcelJS.
 */
import { strFromU8 } from "fflate";
import {
  columnIndex,
  columnLetters,
  numberFormatKind,
  type CellKind,
  type CellRange,
  type CellValue,
  type SheetGrid,
  type WorkbookGrid,
} from "../core/grid";
import { attr, decodeEntities, scanXml } from "./xml";

/** What the host holds the reading to: its unzipping (with its size limits) and its limits on cells. */
export interface XlsxGuard {
  /** The entries `wanted` picks, unzipped (throws the host's error for a damaged or too large zip). */
  unzip(bytes: Uint8Array, wanted: (name: string) => boolean): Map<string, Uint8Array>;
  /** Throws when a workbook of this many cells is too large to hold. */
  cells(count: number): void;
  /** Throws when a sheet's used range (`range`, `area` cells) is too large to lay out as a grid. */
  area(sheet: string, range: string, area: number): void;
}

export function readXlsxGrid(bytes: Uint8Array, guard: XlsxGuard, source?: string): WorkbookGrid {
  // Two passes over the zip's directory: the workbook and its relationships first, then exactly the parts they
  // name (a sheet may live under any part name, e.g. xl/data/counts-2021.xml; skipping it would lose the report).
  // Unzipped under the limits (the guard): throws the guard's error for a zip too large or whose sizes lie.
  const head = guard.unzip(bytes, (n) => n === "xl/workbook.xml" || n === "xl/_rels/workbook.xml.rels");
  const headText = (name: string): string | undefined => {
    const b = head.get(name);
    return b ? strFromU8(b) : undefined;
  };
  const workbook = headText("xl/workbook.xml");
  if (!workbook) throw new Error("no xl/workbook.xml");
  const rels = new Map<string, string>();
  const byType = new Map<string, string>();
  scanXml(
    headText("xl/_rels/workbook.xml.rels") ?? "",
    (t) => {
      if (t.name === "Relationship" && !t.close) {
        const id = attr(t.attrs, "Id");
        const target = attr(t.attrs, "Target");
        const type = attr(t.attrs, "Type") ?? "";
        if (id && target) rels.set(id, target);
        if (target && attr(t.attrs, "TargetMode") !== "External") byType.set(type.replace(/^.*\//, ""), target);
      }
    },
    () => undefined,
  );
  const sheetsListed: { name: string; target: string }[] = [];
  scanXml(
    workbook,
    (t) => {
      if (t.close) return;
      if (t.name === "sheet" || t.name.endsWith(":sheet")) {
        const name = attr(t.attrs, "name") ?? "";
        const rid = attr(t.attrs, "r:id") ?? /\s[\w]+:id="([^"]*)"/.exec(t.attrs)?.[1];
        const target = rid ? rels.get(rid) : undefined;
        if (target) sheetsListed.push({ name, target: resolveTarget(target) });
      }
    },
    () => undefined,
  );
  // <workbookPr date1904="1"/>: dates count from 1904 (Excel reads "1", "true" and "on" as true).
  let date1904 = false;
  scanXml(
    workbook,
    (t) => {
      if (!t.close && (t.name === "workbookPr" || t.name.endsWith(":workbookPr"))) {
        const v = attr(t.attrs, "date1904");
        date1904 = v === "1" || v === "true" || v === "on";
      }
    },
    () => undefined,
  );
  const sharedPart = resolveTarget(byType.get("sharedStrings") ?? "sharedStrings.xml");
  const stylesPart = resolveTarget(byType.get("styles") ?? "styles.xml");
  const wanted = new Set([sharedPart, stylesPart, ...sheetsListed.map((s) => s.target)]);
  const files = guard.unzip(bytes, (n) => wanted.has(n));
  const text = (name: string): string | undefined => {
    const b = files.get(name);
    return b ? strFromU8(b) : undefined;
  };
  const shared = sharedStrings(text(sharedPart) ?? "");
  const styleKinds = numberFormatKinds(text(stylesPart) ?? "");
  const sheets: SheetGrid[] = [];
  const counted = { cells: 0 };
  for (const s of sheetsListed) {
    const xml = text(s.target);
    if (xml === undefined) continue; // a listed part that is not in the zip: ExcelJS lists no worksheet for it either
    const sheet = sheetGrid(s.name, xml, shared, styleKinds, counted, guard);
    if (date1904) sheet.date1904 = true;
    sheets.push(sheet);
  }
  return source === undefined ? { sheets } : { sheets, source };
}

function resolveTarget(target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = ["xl", ...target.split("/")];
  const out: string[] = [];
  for (const p of parts) {
    if (p === "..") out.pop();
    else if (p !== "." && p !== "") out.push(p);
  }
  return out.join("/");
}

/** Shared strings: each <si>'s text (rich runs joined; phonetic guides <rPh> left out, as Excel shows them). */
function sharedStrings(xml: string): string[] {
  const out: string[] = [];
  let cur: string[] | null = null;
  let inT = false;
  let inPh = 0;
  scanXml(
    xml,
    (t) => {
      switch (t.name) {
        case "si":
          if (t.close) {
            out.push((cur ?? []).join(""));
            cur = null;
          } else if (t.selfClose) out.push("");
          else cur = [];
          break;
        case "t":
          inT = !t.close && !t.selfClose;
          break;
        case "rPh":
          if (!t.selfClose) inPh += t.close ? -1 : 1;
          break;
      }
    },
    (s) => {
      if (inT && cur && inPh === 0) cur.push(s);
    },
  );
  return out;
}

interface Found {
  row: number;
  col: number;
  value: CellValue;
  formula?: string;
  kind?: CellKind;
}

/** Excel's built-in number formats that ExcelJS names (the others have no format string there either). */
const BUILTIN_FORMATS: Record<number, string> = {
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: 'm/d/yy "h":mm',
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
};

/** For each cell style (cellXfs index): "date"/"time" when its number format shows a number so, else null. */
function numberFormatKinds(xml: string): ("date" | "time" | null)[] {
  const custom = new Map<number, string>();
  const out: ("date" | "time" | null)[] = [];
  let inXfs = false;
  scanXml(
    xml,
    (t) => {
      if (t.name === "numFmt" && !t.close) {
        const id = Number(attr(t.attrs, "numFmtId"));
        const code = attr(t.attrs, "formatCode");
        if (Number.isFinite(id) && code !== undefined) custom.set(id, code);
      } else if (t.name === "cellXfs") inXfs = !t.close && !t.selfClose;
      else if (t.name === "xf" && inXfs && !t.close) {
        const id = Number(attr(t.attrs, "numFmtId") ?? 0);
        out.push(numberFormatKind(custom.get(id) ?? BUILTIN_FORMATS[id]));
      }
    },
    () => undefined,
  );
  return out;
}

/** How often (in cells found) the running count is held against the limit while a sheet is scanned. */
const LIMIT_CHECK_EVERY = 65536;

const CELL_REF = /^([A-Z]{1,3})([0-9]+)$/;

function sheetGrid(
  name: string,
  xml: string,
  shared: string[],
  styleKinds: ("date" | "time" | null)[],
  counted: { cells: number },
  guard: XlsxGuard,
): SheetGrid {
  const found: Found[] = [];
  const merges: CellRange[] = [];
  const hiddenRows: number[] = [];
  const sharedFormulas = new Map<string, { formula: string; row: number; col: number }>();
  let row = -1;
  let col = -1;
  let type = "n";
  let style = 0;
  let v: string | null = null;
  let f: string | null = null;
  let fShared: { si: string; master: boolean } | null = null;
  let isText: string[] | null = null;
  let where: "v" | "f" | "t" | null = null;
  let inCell = false;
  /** Moves to the cell a reference names ("AB12"), as CELL_REF reads it; false (staying put) if it names none. */
  const placeCell = (ref: string): boolean => {
    const n = ref.length;
    let i = 0;
    let c = 0;
    while (i < n && i < 4) {
      const d = ref.charCodeAt(i);
      if (d < 65 || d > 90) break;
      c = c * 26 + (d - 64);
      i++;
    }
    if (i === 0 || i > 3 || i === n) return false;
    let r = 0;
    for (let j = i; j < n; j++) {
      const d = ref.charCodeAt(j);
      if (d < 48 || d > 57) return false;
      r = r * 10 + (d - 48);
    }
    col = c - 1;
    row = r - 1;
    return true;
  };
  scanXml(
    xml,
    (t) => {
      switch (t.name) {
        case "row":
          if (!t.close) {
            const r = Number(attr(t.attrs, "r"));
            row = Number.isFinite(r) && r > 0 ? r - 1 : row + 1;
            col = -1;
            const h = attr(t.attrs, "hidden");
            if (h === "1" || h === "true") hiddenRows.push(row);
          }
          break;
        case "c":
          if (!t.close) {
            const ref = attr(t.attrs, "r");
            if (ref === undefined || !placeCell(ref)) col++;
            // An empty cell (<c r="H4" s="2"/>, most of a formatted sheet) holds nothing: only where it is counts.
            if (t.selfClose) break;
            type = attr(t.attrs, "t") ?? "n";
            style = Number(attr(t.attrs, "s") ?? 0) || 0;
            v = null;
            f = null;
            fShared = null;
            isText = null;
            inCell = !t.selfClose;
          }
          if (t.close) {
            endCell();
            inCell = false;
          }
          break;
        case "v":
          where = t.close || t.selfClose ? null : "v";
          if (!t.close && !t.selfClose) v = "";
          break;
        case "f":
          if (!t.close && inCell) {
            const ft = attr(t.attrs, "t");
            const si = attr(t.attrs, "si");
            if (ft === "shared" && si !== undefined) fShared = { si, master: !t.selfClose };
            if (!t.selfClose) f = "";
          }
          where = t.close || t.selfClose ? null : "f";
          break;
        case "is":
          if (!t.close && !t.selfClose) isText = [];
          break;
        case "t":
          if (isText) where = !t.close && !t.selfClose ? "t" : null;
          break;
        case "mergeCell":
          if (!t.close) {
            const ref = attr(t.attrs, "ref");
            const [a, b] = (ref ?? "").split(":");
            const ma = a ? CELL_REF.exec(a) : null;
            const mb = b ? CELL_REF.exec(b) : ma;
            if (ma && mb) {
              merges.push({
                top: Number(ma[2]) - 1,
                left: columnIndex(ma[1]!),
                bottom: Number(mb[2]) - 1,
                right: columnIndex(mb[1]!),
              });
            }
          }
          break;
      }
    },
    (s) => {
      if (where === "v") v += s;
      else if (where === "f") f += s;
      else if (where === "t" && isText) isText.push(s);
    },
  );

  function endCell(): void {
    let formula: string | undefined;
    if (fShared) {
      if (fShared.master && f) {
        sharedFormulas.set(fShared.si, { formula: f, row, col });
        formula = f;
      } else {
        const m = sharedFormulas.get(fShared.si);
        if (m) formula = shiftFormula(m.formula, row - m.row, col - m.col);
      }
    } else if (f) formula = f;
    let value: CellValue = null;
    if (v !== null || isText) {
      switch (type) {
        case "s":
          value = shared[Number(v)] ?? null;
          break;
        case "str":
          value = v ?? "";
          break;
        case "inlineStr":
          value = (isText ?? []).join("");
          break;
        case "b":
          value = v === "1" || v === "true";
          break;
        case "e":
          value = { error: v ?? "" };
          break;
        default: {
          const n = v === null || v === "" ? null : Number.parseFloat(v);
          value = n === null || Number.isNaN(n) ? null : n;
        }
      }
    }
    if (value === null && !formula) return;
    // Counted over the workbook as the cells are found: refused before a huge sheet is held (the guard).
    if (++counted.cells > LIMIT_CHECK_EVERY && counted.cells % LIMIT_CHECK_EVERY === 0) guard.cells(counted.cells);
    // A formula with no cached result is "uncached"; a number shown as a date or time by its format says so.
    const kind: CellKind | null =
      formula && value === null ? "uncached" : typeof value === "number" ? (styleKinds[style] ?? null) : null;
    const cell: Found = formula ? { row, col, value, formula: `=${formula}` } : { row, col, value };
    if (kind) cell.kind = kind;
    found.push(cell);
  }

  // Cells covered by a merge, other than its top-left, are blank (as ExcelJS and Excel show them).
  if (merges.length > 0) {
    const covered = (r: number, c: number): boolean =>
      merges.some((m) => r >= m.top && r <= m.bottom && c >= m.left && c <= m.right && !(r === m.top && c === m.left));
    for (let i = found.length - 1; i >= 0; i--) if (covered(found[i]!.row, found[i]!.col)) found.splice(i, 1);
  }
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  const extend = (r: number, c: number): void => {
    if (r < top) top = r;
    if (c < left) left = c;
    if (r > bottom) bottom = r;
    if (c > right) right = c;
  };
  for (const x of found) extend(x.row, x.col);
  for (const m of merges) {
    extend(m.top, m.left);
    extend(m.bottom, m.right);
  }
  if (bottom < 0) return { name, top: 0, left: 0, values: [], formulas: [], merges, hiddenRows };
  guard.cells(counted.cells);
  const height = bottom - top + 1;
  const width = right - left + 1;
  guard.area(name, `${columnLetters(left)}${top + 1}:${columnLetters(right)}${bottom + 1}`, height * width);
  const values: CellValue[][] = [];
  const formulas: (string | null)[][] = [];
  for (let r = 0; r < height; r++) {
    values.push(new Array<CellValue>(width).fill(null));
    formulas.push(new Array<string | null>(width).fill(null));
  }
  let kinds: (CellKind | null)[][] | undefined;
  for (const x of found) {
    values[x.row - top]![x.col - left] = x.value;
    if (x.formula) formulas[x.row - top]![x.col - left] = x.formula;
    if (x.kind) {
      kinds ??= [];
      (kinds[x.row - top] ??= [])[x.col - left] = x.kind;
    }
  }
  const grid: SheetGrid = { name, top, left, values, formulas, merges, hiddenRows };
  if (kinds) grid.kinds = kinds;
  return grid;
}

/** A shared formula as it reads in a cell dr rows and dc columns from its master: relative references move. */
function shiftFormula(formula: string, dr: number, dc: number): string {
  if (dr === 0 && dc === 0) return formula;
  let out = "";
  // Strings stay as they are; references outside strings move unless anchored with $.
  const parts = formula.split(/("(?:[^"]|"")*")/);
  for (const p of parts) {
    if (p.startsWith('"')) {
      out += p;
      continue;
    }
    out += p.replace(
      /(^|[^A-Za-z0-9_.'!$])(\$?)([A-Z]{1,3})(\$?)([0-9]+)(?![0-9A-Za-z_(])/g,
      (_m: string, pre: string, cAbs: string, c: string, rAbs: string, r: string) => {
        const col = cAbs ? c : columnLetters(columnIndex(c) + dc);
        const row = rAbs ? r : String(Number(r) + dr);
        return `${pre}${cAbs}${col}${rAbs}${row}`;
      },
    );
  }
  return decodeEntities(out);
}
