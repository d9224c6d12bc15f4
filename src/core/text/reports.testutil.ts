/**
 * Synthetic reports for the text tests: the figures a sentence speaks of, laid into national tables
 * with cells (公开数据, section 三 from row 40, section 四 on row 70), everything else 0.
 */
import { emptyReport, fillTable, num } from "../model/build";
import { FORMAT_2021, S3_COLS } from "../model/format";
import type { Report } from "../model/report";
import { section4Row } from "../narrative/examples.testutil";

export interface TextTable {
  year?: number;
  /** 本年新收, 上年结转 (总计). */
  N: number;
  C?: number;
  /** （一）…（六） group totals. */
  G?: [number, number, number, number, number, number];
  /** 结转下年度 (default N + C − ΣG). */
  F?: number;
  /** 自然人 on the 一 and 二 rows (the rest goes to 商业企业). */
  naturalNew?: number;
  naturalCarried?: number;
  /** Section 四: [维持, 纠正, 其他, 尚未审结] per group. */
  cases?: Partial<Record<"review" | "suitDirect" | "suitAfterReview", [number, number, number, number]>>;
  fee?: number;
  prior?: TextTable;
}

const GROUP_ROWS = ["open", "partial", "withheld.law", "unavailable.notHeld", "notProcessed.petition", "other.other"];

function row(total: number, natural?: number): Record<string, number> {
  const r: Record<string, number> = {};
  for (const c of S3_COLS) r[c.key] = 0;
  r.natural = natural ?? total;
  r.commercial = total - r.natural;
  r.total = total;
  return r;
}

export function textReport(t: TextTable): Report {
  const r = emptyReport("2021");
  r.meta = { year: { value: t.year ?? 2023, from: "metadata" } };
  if (t.fee !== undefined) r.meta.fee = num(t.fee, { sheet: "公开数据", row: 90, col: 3 });
  const C = t.C ?? 0;
  const G = t.G ?? [t.N + C - (t.F ?? 0), 0, 0, 0, 0, 0];
  const H = G.reduce((a, b) => a + b, 0);
  const F = t.F ?? t.N + C - H;
  const rows: Record<string, Record<string, number>> = {};
  for (const d of FORMAT_2021.section3.rows) rows[d.key] = row(0);
  rows.new = row(t.N, t.naturalNew);
  rows.carried = row(C, t.naturalCarried);
  GROUP_ROWS.forEach((k, i) => (rows[k] = row(G[i]!, i === 0 ? undefined : G[i]!)));
  // 自然人 of the outcome rows: what the 一/二 rows give, the rest 商业企业 (so columns balance).
  const naturalIn = rows.new.natural! + rows.carried.natural!;
  let naturalLeft = naturalIn - (t.naturalNew !== undefined || t.naturalCarried !== undefined ? 0 : 0);
  GROUP_ROWS.forEach((k) => {
    const take = Math.min(naturalLeft, rows[k]!.total!);
    rows[k] = row(rows[k]!.total!, take);
    naturalLeft -= take;
  });
  rows.handled = row(H, Math.min(naturalIn, H));
  rows.carryNext = row(F, naturalIn - Math.min(naturalIn, H));
  r.section3 = fillTable(FORMAT_2021.section3, rows, { sheet: "公开数据", row: 40, col: 3 });
  r.section4 = fillTable(FORMAT_2021.section4, section4Row(t.cases ?? {}), { sheet: "公开数据", row: 70, col: 1 });
  if (t.prior) r.prior = textReport({ ...t.prior, year: (t.year ?? 2023) - 1 });
  return r;
}
