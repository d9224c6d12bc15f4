/**
 * Preparing a report (编制): the clerk types the parts, the sheet computes every total. What is a part and
 * what is a total, how far the filling has got, and which year's report is due.
 */
import type { CellRef } from "../grid";
import { cellKey, type TableDef } from "./format";
import type { Num, Report, TableData } from "./report";

/**
 * True for a figure the table computes from its parts: section 三's 总计 column and （七）总计 row, section 四's
 * 总计 of each group. Every other figure of the national tables is typed by the clerk.
 */
export function isComputedTotal(def: TableDef, rowKey: string, colKey: string): boolean {
  if (def.section === "三") return colKey === "total" || rowKey === "handled";
  if (def.section === "四") return colKey.endsWith(".total");
  return false;
}

export interface TableProgress {
  /** "三、收到和处理政府信息公开申请情况". */
  title: string;
  filled: number;
  total: number;
  /** The parts not filled yet (blank), in sheet order. */
  blanks: CellRef[];
}

export interface Progress {
  filled: number;
  total: number;
  tables: TableProgress[];
}

function tablesOf(report: Report): TableData[] {
  const out = Object.values(report.section2);
  if (report.section3) out.push(report.section3);
  if (report.section4) out.push(report.section4);
  return out;
}

/** Something typed counts as filled, 0 included, and so does text that does not read as a number. */
function isFilled(n: Num): boolean {
  return n.value !== null || n.issue !== undefined;
}

/**
 * How many of the figures the clerk types (the parts of the national tables, not their totals) are filled:
 * "已填 118 / 166 项". Only figures the reader found on the sheet count.
 */
export function fillProgress(report: Report): Progress {
  const tables: TableProgress[] = [];
  for (const t of tablesOf(report)) {
    const p: TableProgress = { title: `${t.def.section}、${t.def.title}`, filled: 0, total: 0, blanks: [] };
    for (const r of t.def.rows) {
      for (const c of t.def.cols) {
        if (isComputedTotal(t.def, r.key, c.key)) continue;
        const n = t.cells[cellKey(r.key, c.key)];
        if (!n) continue;
        p.total++;
        if (isFilled(n)) p.filled++;
        else if (n.cell) p.blanks.push(n.cell);
      }
    }
    p.blanks.sort((a, b) => a.row - b.row || a.col - b.col);
    if (p.total > 0) tables.push(p);
  }
  return {
    filled: tables.reduce((a, t) => a + t.filled, 0),
    total: tables.reduce((a, t) => a + t.total, 0),
    tables,
  };
}

/** "已填 118 / 166 项" / "118 of 166 figures filled". */
export function progressText(p: Pick<Progress, "filled" | "total">, lang: "zh" | "en"): string {
  return lang === "zh" ? `已填 ${p.filled} / ${p.total} 项` : `${p.filled} of ${p.total} figures filled`;
}

/**
 * The report year a clerk is preparing on `now`: reports are due by 31 January (departments) or 31 March
 * (whole-area reports) of the next year, and the work starts in December. So in December the year now
 * ending; from January on, the year just ended (current year - 1).
 */
export function dueReportYear(now: Date): number {
  const y = now.getFullYear();
  return now.getMonth() === 11 ? y : y - 1;
}
