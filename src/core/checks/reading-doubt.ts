/**
 * A table read from a published form (a Word file, a saved page, a PDF) whose arithmetic fails the way a misread
 * fails: figures moved one column along a row, or moved between columns (the column sums off by amounts that
 * cancel out), or columns/rows of the table not found at all. That is a doubt about OUR reading of the file, not
 * an error of the unit: one warning naming the table's cells replaces the table's arithmetic and missing-figure
 * findings (runChecks drops them, see `dropDoubted`), and the summary states none of the table's figures.
 * A workbook (the unit's own figures in cells) never raises it.
 */
import type { CellRef } from "../grid";
import { formatDef } from "../model/build";
import { FORM_NAMES, type Num, type TableData } from "../model/report";
import { defineCheck } from "./define";
import { tableTitle } from "./places";
import type { Finding } from "./types";

/** The findings a doubt about a table replaces, by table id: its arithmetic, and the reader's missing figures. */
const COVERS: Record<string, Set<string>> = {
  s3: new Set(["s3-row-sum", "s3-column-sum", "s3-balance", "s3-other-items"]),
  s4: new Set(["s4-group-sum"]),
};

const WHY = {
  notRead: { zh: "整张表未能读出", en: "the whole table could not be read" },
  missing: { zh: "表中有行或列未能读出", en: "rows or columns of the table could not be read" },
  rowShift: {
    zh: "“{row}”一行的合计数落在了前面的列，像是空白格未读出、数字左移",
    en: "row “{row}” shows its total in an earlier column, as if a blank was skipped and the figures slid left",
  },
  columnsMoved: {
    zh: "各列合计的差额相互抵消，像是数字落到了相邻的列",
    en: "the columns' differences cancel out, as if figures landed in a neighbouring column",
  },
} as const;

const val = (n: Num | undefined): number | undefined =>
  n === undefined ? undefined : n.value === null ? (n.issue ? undefined : 0) : n.value;

/**
 * Does a row of parts + total (last) show its total early: a figure that is the sum of the figures before it, with
 * nothing after it, while the total column disagrees? That is a row whose figures slid one or more columns to the
 * left (a blank cell not printed, or not read), the commonest misread of a published table.
 */
function totalArrivedEarly(values: (number | undefined)[]): boolean {
  if (values.some((v) => v === undefined)) return false;
  const v = values as number[];
  const n = v.length;
  if (v.slice(0, -1).reduce((a, b) => a + b, 0) === v[n - 1]) return false;
  let sum = 0;
  for (let j = 0; j < n - 1; j++) {
    if (j > 0 && v[j]! > 0 && v[j] === sum && v.slice(j + 1).every((x) => x === 0)) return true;
    sum += v[j]!;
  }
  return false;
}

/** Why the table looks misread, or undefined. */
function misread(t: TableData): { why: { zh: string; en: string }; row?: string; cells: CellRef[] } | undefined {
  const cells = Object.values(t.cells)
    .map((n) => n.cell)
    .filter((c): c is CellRef => c !== undefined);
  if (cells.length === 0) return undefined; // the table was not found at all: missing-figures says so
  if (t.missingCols.length > 0 || t.missingRows.length > 0) return { why: WHY.missing, cells };
  const at = (r: string, c: string): number | undefined => val(t.cells[`${r}|${c}`]);
  if (t.def.id === "s3") {
    const cols = t.def.cols.map((c) => c.key);
    for (const r of t.def.rows) {
      if (totalArrivedEarly(cols.map((c) => at(r.key, c)))) {
        const label = t.rowLabels[r.key]?.found ?? r.label;
        return { why: WHY.rowShift, row: label, cells };
      }
    }
    // Column sums off by amounts that cancel out: figures moved between columns, none lost.
    const outcomes = t.def.rows.filter((r) => r.outcome).map((r) => r.key);
    const diffs: number[] = [];
    for (const c of cols) {
      const parts = outcomes.map((r) => at(r, c));
      const total = at("handled", c);
      if (total === undefined || parts.some((p) => p === undefined)) return undefined;
      diffs.push((parts as number[]).reduce((a, b) => a + b, 0) - total);
    }
    const off = diffs.filter((d) => d !== 0);
    if (off.length >= 2 && off.reduce((a, b) => a + b, 0) === 0) return { why: WHY.columnsMoved, cells };
  }
  if (t.def.id === "s4") {
    const groups = [...new Set(t.def.cols.map((c) => c.key.split(".")[0]!))];
    for (const g of groups) {
      const keys = t.def.cols.filter((c) => c.key.startsWith(`${g}.`)).map((c) => c.key);
      if (totalArrivedEarly(keys.map((k) => at("count", k)))) return { why: WHY.rowShift, row: g, cells };
    }
  }
  return undefined;
}

export const readingDoubt = defineCheck({
  id: "reading-doubt",
  severity: "warning",
  description: {
    zh: "从 Word、网页或 PDF 读出的表格勾稽不成立且像是读取错位：对读取结果存疑，不作为该单位的错误",
    en: "A table read from Word, a web page or a PDF fails its arithmetic the way a misread does: a doubt about the reading, not the unit's error",
  },
  messages: {
    doubt: {
      zh: "从{medium}读出的“{table}”可能读错了（{why}）：请对照原文件核对。该表的数字未作汇总，也不算作该单位的错误。",
      en: "“{table}” as read from {medium} may be misread ({why}): check it against the file. Its figures are not summed and not counted as the unit's errors.",
    },
  },
  run({ report }, emit) {
    const medium = report.medium;
    if (!medium) return;
    const doubt = (table: string, tableId: string, why: { zh: string; en: string }, cells: CellRef[]): void =>
      emit({
        messageId: "doubt",
        cells,
        params: {
          table,
          tableId,
          medium: FORM_NAMES[medium].zh,
          "medium@en": FORM_NAMES[medium].en,
          why: why.zh,
          "why@en": why.en,
        },
      });
    // A table of the format that is not in what we rebuilt from the page: our reading, not the unit, is in doubt
    // (the report is published; its tables are there to be read).
    if (report.format !== "free-form") {
      const d = formatDef(report.format);
      const present = (id: string): boolean =>
        id === "s3"
          ? report.section3 !== undefined
          : id === "s4"
            ? report.section4 !== undefined
            : id in report.section2;
      for (const def of [...d.section2, d.section3, d.section4])
        if (!present(def.id)) doubt(tableTitle(def), def.id, WHY.notRead, []);
    }
    for (const t of [report.section3, report.section4]) {
      if (!t) continue;
      const m = misread(t);
      if (!m) continue;
      const row = m.row ?? "";
      doubt(
        tableTitle(t.def),
        t.def.id,
        { zh: m.why.zh.replace("{row}", row), en: m.why.en.replace("{row}", row) },
        m.cells,
      );
    }
  },
});

/** The findings without those a reading doubt replaces (the doubtful table's arithmetic and missing figures). */
export function dropDoubted(findings: Finding[]): Finding[] {
  const doubts = findings.filter((f) => f.rule === "reading-doubt");
  if (doubts.length === 0) return findings;
  const tables = new Set(doubts.map((d) => String(d.params["tableId"])));
  const titles = new Set(doubts.map((d) => String(d.params["table"])));
  // Any other finding that rests on a figure of a doubted table (the text's 81件 against the table's total, a blank
  // cell of it) rests on our reading too.
  const at = (c: CellRef): string => `${c.sheet}!${c.row}:${c.col}`;
  const doubtedCells = new Set(doubts.flatMap((d) => d.cells.map(at)));
  return findings.filter((f) => {
    for (const id of tables) if (COVERS[id]?.has(f.rule)) return false;
    if (f.rule === "missing-figures" && titles.has(String(f.params["table"] ?? f.params["label"]))) return false;
    if (f.rule !== "reading-doubt" && f.cells.some((c) => doubtedCells.has(at(c)))) return false;
    return true;
  });
}
