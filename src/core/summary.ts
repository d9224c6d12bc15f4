/**
 * The supervising office's view of a folder of reports (pure): one entry per report with its findings and figures,
 * which reports go into the sums (and why the others do not), the sums themselves, the key figures of each report,
 * and last year's report of each unit found in the same folder (for the cross-year checks).
 * The CLI (src/cli/summary-write.ts) lays it out as a workbook: 总览, 问题清单, 汇总表 and the 数据 it sums.
 */
import type { Finding } from "./checks/types";
import { formatDef } from "./model/build";
import { cellKey, type FormatId, type TableDef } from "./model/format";
import type { FileForm, Report } from "./model/report";
import type { ReadFailure } from "./read";

/** Figures of a report by table id and cellKey; null = blank or not readable (never stated as a number). */
export type Figures = Record<string, Record<string, number | null>>;

export interface SummaryEntry {
  file: string;
  sheet: string | null;
  unit: string | null;
  year: number | null;
  /** The national format the report follows. */
  format: FormatId | null;
  /** The form the file came in: a workbook, a Word file, a saved page, a PDF. */
  form?: FileForm;
  findings: Finding[];
  error?: ReadFailure;
  figures?: Figures;
  /** 信息处理费 in 元, when stated. */
  fee?: number | null;
  /** Last year's report of the same unit found in the folder (file and sheet), when the cross-year checks ran. */
  priorFrom?: { file: string; sheet: string | null };
}

/** The figures of a report, table by table (section 二 tables, 三, 四). */
export function reportFigures(report: Report): Figures {
  const out: Figures = {};
  const tables = [...Object.values(report.section2), report.section3, report.section4];
  for (const t of tables) {
    if (!t) continue;
    const cells: Record<string, number | null> = {};
    for (const r of t.def.rows) {
      for (const c of t.def.cols) {
        const key = cellKey(r.key, c.key);
        const n = t.cells[key];
        cells[key] = n && (n.issue === undefined || n.issue === "text") ? n.value : null;
      }
    }
    out[t.def.id] = cells;
  }
  return out;
}

export type Exclusion =
  "unreadable" | "errors" | "reading-doubt" | "other-year" | "other-format" | "not-listed" | "copy";

export const EXCLUSION_TEXT: Record<Exclusion, { zh: string; en: string }> = {
  unreadable: { zh: "无法读取", en: "unreadable" },
  errors: { zh: "有错误", en: "has errors" },
  "reading-doubt": { zh: "读取存疑", en: "reading doubt" },
  "other-year": { zh: "非汇总年度", en: "another year" },
  "other-format": { zh: "格式不同", en: "another format" },
  "not-listed": { zh: "不在单位名单中", en: "not on the list of units" },
  copy: { zh: "同单位同年度的另一份", en: "another copy of the same unit and year" },
};

export interface Inclusion {
  /** The report year being summed (the latest year in the folder). */
  year: number | null;
  format: "2021" | "2019" | null;
  /** For each entry (same order): undefined = summed, else why not. */
  why: (Exclusion | undefined)[];
}

/** Whose report an entry is: its unit, or (naming none) its own file and sheet. */
const unitOf = (e: SummaryEntry): string => e.unit ?? `${e.file}#${e.sheet ?? ""}`;

/** How directly a form is read: a workbook's cells first, a PDF's positioned text last. */
const FORM_RANK: Record<FileForm, number> = { xlsx: 0, docx: 1, html: 2, pdf: 3 };

/**
 * Which reports go into the sums: the latest year's readable reports in that year's format, without errors and
 * without a reading doubt, one per unit (its workbook before its Word file, page or PDF; else the first in file order). A supervisor can change the choice in the
 * workbook (the 纳入 column of 数据): the sums follow.
 */
export function chooseIncluded(entries: SummaryEntry[], roll?: RollCall): Inclusion {
  const years = entries.filter((e) => !e.error && e.year !== null).map((e) => e.year!);
  const year = years.length ? Math.max(...years) : null;
  const counts = new Map<string, number>();
  for (const e of entries) {
    if (e.error || e.year !== year || e.format === null || e.format === "free-form") continue;
    counts.set(e.format, (counts.get(e.format) ?? 0) + 1);
  }
  const format = ([...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null) as "2021" | "2019" | null;
  const why = entries.map((e, i): Exclusion | undefined => {
    if (e.error || !e.figures) return "unreadable";
    if (e.year !== year) return "other-year";
    if (e.format !== format) return "other-format";
    if (roll && roll.onList[i] !== true) return "not-listed";
    if (e.findings.some((f) => f.rule === "reading-doubt")) return "reading-doubt";
    if (e.findings.some((f) => f.severity === "error")) return "errors";
    return undefined;
  });
  // One report per unit: of its copies (the workbook and the pages published from it), the one read most directly —
  // a workbook before a Word file, a saved page, a PDF — and among equals the first in file order.
  const chosen = new Map<string, number>();
  entries.forEach((e, i) => {
    if (why[i] !== undefined) return;
    const unit = unitOf(e);
    const best = chosen.get(unit);
    if (best === undefined || FORM_RANK[e.form ?? "pdf"] < FORM_RANK[entries[best]!.form ?? "pdf"]) chosen.set(unit, i);
  });
  entries.forEach((e, i) => {
    if (why[i] !== undefined) return;
    if (chosen.get(unitOf(e)) !== i) why[i] = "copy";
  });
  return { year, format, why };
}

/** The tables of a format, as the summary lays them out (section 二 tables, 三, 四). */
export function summaryTables(format: "2021" | "2019"): TableDef[] {
  const d = formatDef(format);
  return [...d.section2, d.section3, d.section4];
}

/** The sums over the included entries, table by table: what the workbook's formulas must recalculate to. */
export function sumFigures(entries: SummaryEntry[], inclusion: Inclusion): Figures {
  const out: Figures = {};
  if (!inclusion.format) return out;
  for (const def of summaryTables(inclusion.format)) {
    const sums: Record<string, number | null> = {};
    for (const r of def.rows)
      for (const c of def.cols) {
        const key = cellKey(r.key, c.key);
        let s = 0;
        entries.forEach((e, i) => {
          if (inclusion.why[i] !== undefined) return;
          s += e.figures?.[def.id]?.[key] ?? 0;
        });
        sums[key] = s;
      }
    out[def.id] = sums;
  }
  return out;
}

/** The figures an office looks at first, per report: 本年新收, 办结, 结转, 复议, 诉讼 (null: not read). */
export const KEY_FIGURES: { id: string; zh: string; en: string; table: string; keys: string[] }[] = [
  { id: "new", zh: "本年新收", en: "new requests", table: "s3", keys: [cellKey("new", "total")] },
  { id: "handled", zh: "办结", en: "handled", table: "s3", keys: [cellKey("handled", "total")] },
  { id: "carryNext", zh: "结转下年", en: "carried forward", table: "s3", keys: [cellKey("carryNext", "total")] },
  { id: "review", zh: "行政复议", en: "reviews", table: "s4", keys: [cellKey("count", "review.total")] },
  {
    id: "suit",
    zh: "行政诉讼",
    en: "lawsuits",
    table: "s4",
    keys: [cellKey("count", "suitDirect.total"), cellKey("count", "suitAfterReview.total")],
  },
];

/** A key figure of an entry; null when any of its cells was not read (a figure not read is never stated). */
export function keyFigure(e: SummaryEntry, k: (typeof KEY_FIGURES)[number]): number | null {
  const t = e.figures?.[k.table];
  if (!t) return null;
  let s = 0;
  for (const key of k.keys) {
    const v = t[key];
    if (v === null || v === undefined) return null;
    s += v;
  }
  return s;
}

/** 总览's order: unreadable first, then most errors, most warnings, then file order. Returns entry indexes. */
export function overviewOrder(entries: SummaryEntry[]): number[] {
  const count = (e: SummaryEntry, s: string): number => e.findings.filter((f) => f.severity === s).length;
  return entries
    .map((_, i) => i)
    .sort((a, b) => {
      const ea = entries[a]!;
      const eb = entries[b]!;
      return (
        Number(Boolean(eb.error)) - Number(Boolean(ea.error)) ||
        count(eb, "error") - count(ea, "error") ||
        count(eb, "warning") - count(ea, "warning") ||
        a - b
      );
    });
}

/**
 * A unit's name as written across reports and lists: spaces (full-width too) and full-width forms (（）, １２,
 * Ａ) do not make another unit.
 */
export function unitKey(unit: string): string {
  return unit.normalize("NFKC").replace(/\s+/g, "").replace(/（/g, "(").replace(/）/g, ")");
}

/** The units a supervisor expects reports from, against the reports in the folder. */
export interface RollCall {
  /** The units on the list (as written there) with no report in the folder, in the list's order. */
  missing: string[];
  /**
   * For each entry (same order): is its unit on the list? null when the report names no unit and its file name names
   * no unit of the list (a file that could not be read, say): its unit is unknown, neither on nor off the list.
   */
  onList: (boolean | null)[];
  /** For each entry: the unit of the list it belongs to (by its unit name or, failing that, its file name), or null. */
  listed: (string | null)[];
}

/**
 * Checks the folder against the list of units expected: who sent nothing, and which reports come from a unit not
 * on the list. A file that could not be read has no unit name; its file name stands for it (第3局.pdf counts as
 * 第3局's report, not as 未收到).
 */
export function rollCall(
  expected: string[],
  entries: { unit: string | null; file: string; error?: unknown }[],
): RollCall {
  const keys = new Map<string, string>();
  for (const u of expected) if (unitKey(u) !== "" && !keys.has(unitKey(u))) keys.set(unitKey(u), u);
  const seen = new Set<string>();
  const listed: (string | null)[] = [];
  const onList = entries.map((e): boolean | null => {
    if (e.unit) {
      const k = unitKey(e.unit);
      seen.add(k);
      listed.push(keys.get(k) ?? null);
      return keys.has(k);
    }
    const name = unitKey(e.file.replace(/^.*[\\/]/, ""));
    const hit = [...keys.keys()].filter((k) => name.includes(k)).sort((a, b) => b.length - a.length)[0];
    if (hit) seen.add(hit);
    listed.push(hit !== undefined ? keys.get(hit)! : null);
    return hit !== undefined ? true : null;
  });
  return { missing: [...keys.entries()].filter(([k]) => !seen.has(k)).map(([, u]) => u), onList, listed };
}

/**
 * The list of units from a text (one a line; # starts a comment) or from a table's first column; a heading such
 * as 单位 or 单位名称 on the first line is not a unit.
 */
export function unitList(lines: string[]): string[] {
  const out: string[] = [];
  lines.forEach((raw, i) => {
    const u = raw.replace(/^\uFEFF/, "").trim();
    if (u === "" || u.startsWith("#")) return;
    if (i === 0 && /^(单位|单位名称|单位名|名称|unit|units|name)$/i.test(unitKey(u))) return;
    out.push(u);
  });
  return out;
}

/**
 * For each entry, last year's report of the same unit in the folder (index): the cross-year checks then run against
 * it. Where last year's report is there in several forms (the workbook and its published page), the workbook is
 * taken, else the first in file order; a report we doubt we read right is not taken.
 */
export function priorPairs(
  entries: { unit: string | null; year: number | null; error?: unknown; form?: string; doubt?: boolean }[],
): Map<number, number> {
  const byUnitYear = new Map<string, number[]>();
  entries.forEach((e, i) => {
    // (a report with a reading doubt is no last year to check against: its doubted table may be misread)
    if (e.error || e.doubt || !e.unit || e.year === null) return;
    const k = `${unitKey(e.unit)}\u0000${e.year}`;
    byUnitYear.set(k, [...(byUnitYear.get(k) ?? []), i]);
  });
  const out = new Map<number, number>();
  entries.forEach((e, i) => {
    if (e.error || !e.unit || e.year === null) return;
    const prior = byUnitYear.get(`${unitKey(e.unit)}\u0000${e.year - 1}`);
    if (!prior?.length) return;
    out.set(i, prior.find((j) => entries[j]!.form === "xlsx" || entries[j]!.form === undefined) ?? prior[0]!);
  });
  return out;
}
