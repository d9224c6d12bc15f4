/** Cell values -> Num and StatedPercent, keeping the cell, the text as typed and the formula. */
import { formulaAt, isCellError, kindAt, valueAt, type CellRef, type CellValue, type SheetGrid } from "../grid";
import type { Num, StatedPercent } from "../model/report";
import { stripSpaces } from "./text";

const UNITS = /(件|条|個|个|项|項|次|家|人次|人|万元|萬元|元|笔|份|篇|期|场)$/;

/** A number typed as text ("12", " 12 ", "1,234", "１２", "12件"), or null when the text is not a number. */
export function parseNumberText(text: string): number | null {
  let s = stripSpaces(text)
    .normalize("NFKC")
    .replace(/\u2212/g, "-");
  if (s.length === 0 || s.length > 40) return null;
  s = s.replace(UNITS, "");
  if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) s = s.replace(/,/g, "");
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(s)) return null;
  const v = Number(s);
  return Number.isFinite(v) ? v : null;
}

/** Ways published tables print "none": a dash of any width, a slash, 无, 〇. Read as 0. */
const ZERO_MARK = /^(?:[-‐‑‒–—―－─]+|[/／]|无|無|〇|零)$/;

/** "12（其中修订3件）", "40(含到期自然失效15件)": a leading number with an annotation in brackets. */
const ANNOTATED = /^([+-]?[0-9][0-9,]*(?:\.[0-9]+)?)(?:件|条|个|项|次|家|人次|人|笔|份)?[(（[【]([^()（）]*)[)）\]】]$/;

/**
 * Text that a published table prints for a figure, read as a number: a text number ("12", "1,234", "１２",
 * "12件"), a zero mark ("—", "/", "无") or a number with an annotation ("12（其中修订3件）"). null otherwise.
 */
export function readFigureText(text: string): { value: number; reading?: "zero-mark" | "annotated" } | null {
  const n = parseNumberText(text);
  if (n !== null) return { value: n };
  const s = stripSpaces(text).normalize("NFKC");
  if (ZERO_MARK.test(s)) return { value: 0, reading: "zero-mark" };
  const m = ANNOTATED.exec(s);
  if (m) {
    const v = parseNumberText(m[1]!);
    if (v !== null) return { value: v, reading: "annotated" };
  }
  return null;
}

/** Whether a cell would read as a number (a number, or text that reads as one). */
export function isNumeric(v: CellValue): boolean {
  if (typeof v === "number") return Number.isFinite(v);
  if (typeof v === "string") return readFigureText(v) !== null;
  return false;
}

export function isBlank(v: CellValue): boolean {
  return v === null || v === undefined || (typeof v === "string" && stripSpaces(v) === "");
}

/** Read one cell as a figure. */
export function cellNum(sheet: SheetGrid, row: number, col: number): Num {
  const cell: CellRef = { sheet: sheet.name, row, col };
  const v = valueAt(sheet, row, col);
  const formula = formulaAt(sheet, row, col);
  const out: Num = { value: null, cell };
  if (formula) out.formula = formula;
  const kind = kindAt(sheet, row, col);
  if (kind === "uncached" && formula && (v === null || v === undefined)) {
    out.issue = "uncached-formula";
    return out;
  }
  if (v === null || v === undefined) return out;
  if (typeof v === "number" && (kind === "date" || kind === "time") && Number.isFinite(v)) {
    // Never a count: 2023-05-01 is the serial 45047, which no one meant.
    out.issue = kind;
    out.text = kind === "date" ? serialDateText(v, sheet.date1904 === true) : serialTimeText(v);
    out.serial = v;
    return out;
  }
  if (typeof v === "number") {
    if (Number.isFinite(v)) out.value = v;
    else {
      out.text = String(v);
      out.issue = "not-a-number";
    }
    return out;
  }
  if (typeof v === "boolean") {
    out.text = v ? "TRUE" : "FALSE";
    out.issue = "boolean";
    return out;
  }
  if (isCellError(v)) {
    out.text = String(v.error);
    out.issue = "error-value";
    return out;
  }
  if (typeof v === "string") {
    if (stripSpaces(v) === "") return out;
    out.text = v;
    const n = readFigureText(v);
    if (n === null) out.issue = "not-a-number";
    else {
      out.value = n.value;
      out.issue = "text";
      if (n.reading) out.reading = n.reading;
    }
    return out;
  }
  out.issue = "not-a-number";
  return out;
}

const MS_PER_DAY = 86400000;

/** Days from 1900-01-00 to 1904-01-01 in Excel's 1900 system: a 1904-system serial plus this is a 1900 one. */
export const DATE_1904_OFFSET = 1462;

/**
 * An Excel serial as the date it shows: 45047 -> "2023-05-01" (with the time when it has one); in a workbook on the
 * 1904 date system (`date1904`) the same date is 43585.
 */
export function serialDateText(serial: number, date1904 = false): string {
  if (date1904) return serialDateText(serial + DATE_1904_OFFSET);
  // Serial 60 is Excel's phantom 1900-02-29; serials before it are one day later than the calendar says.
  const days = serial < 61 ? serial + 1 : serial;
  const d = new Date(Date.UTC(1899, 11, 30) + Math.round(days * MS_PER_DAY));
  if (serial >= 60 && serial < 61) return "1900-02-29";
  const date = d.toISOString().slice(0, 10);
  const frac = serial - Math.floor(serial);
  return frac > 1e-9 ? `${date} ${serialTimeText(frac)}` : date;
}

/** A fraction of a day (or more, for a duration) as h:mm(:ss): 0.5 -> "12:00", 1.25 -> "30:00". */
export function serialTimeText(serial: number): string {
  const secs = Math.round(Math.abs(serial) * 86400);
  const h = Math.floor(secs / 3600);
  const m = Math.floor((secs % 3600) / 60);
  const s = secs % 60;
  const mm = String(m).padStart(2, "0");
  return `${serial < 0 ? "-" : ""}${h}:${mm}${s ? `:${String(s).padStart(2, "0")}` : ""}`;
}

/** Decimals of a number as it would print (up to 10), without binary noise. */
function decimalsOf(v: number): number {
  const s = String(Number(v.toPrecision(12)));
  if (s.includes("e")) return 0;
  const i = s.indexOf(".");
  return i < 0 ? 0 : Math.min(10, s.length - i - 1);
}

/**
 * A stated percentage: "6%", "占6%", "86.92％", a number in percent units (unit "percent": 6 = 6%),
 * or a fraction as Excel stores a "0%"-formatted cell (unit "fraction": 0.06 = 6%).
 */
export function parsePercent(v: CellValue, unit: "percent" | "fraction", cell?: CellRef): StatedPercent | undefined {
  let value: number;
  let decimals: number;
  let text: string;
  if (typeof v === "string") {
    const s = stripSpaces(v)
      .normalize("NFKC")
      .replace(/^(占比?|约|为)/, "")
      .replace(/\u2212/g, "-");
    const m = /^([+-]?\d+)(?:\.(\d+))?%$/.exec(s);
    if (m) {
      decimals = m[2]?.length ?? 0;
      value = Number(m[2] ? `${m[1]}.${m[2]}` : m[1]);
      text = v.trim();
    } else {
      const n = parseNumberText(s);
      if (n === null) return undefined;
      return parsePercent(n, unit, cell);
    }
  } else if (typeof v === "number" && Number.isFinite(v)) {
    if (unit === "fraction") {
      decimals = Math.max(0, decimalsOf(v) - 2);
      value = Number((v * 100).toFixed(decimals));
    } else {
      decimals = decimalsOf(v);
      value = v;
    }
    text = `${value.toFixed(decimals)}%`;
  } else return undefined;
  const out: StatedPercent = { text, value, decimals };
  if (cell) out.cell = cell;
  return out;
}
