/**
 * Reports for the check tests, laid out as the counts sheet would hold them so that findings name
 * real addresses. Sheet 公开数据 (0-based rows/cols here; Excel addresses in the comments):
 *   A1 title, B3 报告年度, B5 信息处理费（元）
 *   二 item1 B20:D21 (+ last year's 现行有效件数 in E20:E21), item5 B24, item6 B26:B27, item8 B29
 *   三 D31:J55 (rows 一 31, 二 32, （一） 33, （二） 34, （三）1-8 35-42, （四）1-3 43-45, （五）1-5 46-50,
 *      （六）1-3 51-53, （七）总计 54, 四 55; columns 自然人 D … 其他 I, 总计 J)
 *   四 B61:P61 (复议 B-F, 直接起诉 G-K, 复议后起诉 L-P)
 *   proactive (seed): categories A11:D18 (count B, share D), 合计 B19, 新增 B20, 完成率 B21;
 *   重点领域 areas A25:B32, 合计 B33, 占比 B34, 同比 B35
 */
import type { CellRef } from "../grid";
import { emptyReport, fillTable, num } from "../model/build";
import { cellKey, FORMAT_2021, type TableDef } from "../model/format";
import { isComputedTotal } from "../model/preparing";
import type { Breakdown, Num, Report, StatedPercent } from "../model/report";
import { DEFAULT_ROUNDING } from "../shares/types";
import type { Check, CheckOptions, Finding } from "./types";
import { findingCells } from "./index";
import { SEED_AREAS, SEED_CATEGORIES } from "../model/seed";
export { SEED_AREAS, SEED_CATEGORIES };

export const SHEET = "公开数据";

export function at(row: number, col: number, sheet = SHEET): CellRef {
  return { sheet, row, col };
}

export const PLACE = {
  item1: { sheet: SHEET, row: 19, col: 1 },
  item5: { sheet: SHEET, row: 23, col: 1 },
  item6: { sheet: SHEET, row: 25, col: 1 },
  item8: { sheet: SHEET, row: 28, col: 1 },
  s3: { sheet: SHEET, row: 30, col: 3 },
  s4: { sheet: SHEET, row: 60, col: 1 },
};

export type Figures = Record<string, Record<string, number | null>>;

const APPLICANTS = ["natural", "commercial", "research", "publicInterest", "legal", "otherOrg"] as const;

/** Consistent section 三 figures (every relation holds), for the 2021 layout or one with a single （六） row. */
export function s3Figures(def: TableDef = FORMAT_2021.section3): Figures {
  const outcomes: Record<(typeof APPLICANTS)[number], Record<string, number>> = {
    natural: {
      open: 10,
      partial: 2,
      "withheld.secret": 1,
      "withheld.process": 1,
      "unavailable.notHeld": 3,
      "notProcessed.repeat": 1,
      "other.other": 1,
    },
    commercial: { open: 3, partial: 1 },
    research: {},
    publicInterest: {},
    legal: { open: 2 },
    otherOrg: { "unavailable.unclear": 1 },
  };
  const intake: Record<string, [number, number]> = {
    natural: [20, 3],
    commercial: [5, 0],
    research: [0, 0],
    publicInterest: [0, 0],
    legal: [2, 0],
    otherOrg: [1, 1],
  };
  const f: Figures = {};
  for (const r of def.rows) f[r.key] = {};
  for (const a of APPLICANTS) {
    let handled = 0;
    for (const r of def.rows) {
      if (!r.outcome) continue;
      // A single （六） row takes what the three items would hold.
      const v = r.key === "other" ? (outcomes[a]["other.other"] ?? 0) : (outcomes[a][r.key] ?? 0);
      f[r.key]![a] = v;
      handled += v;
    }
    const [n, c] = intake[a]!;
    f["new"]![a] = n;
    f["carried"]![a] = c;
    f["handled"]![a] = handled;
    f["carryNext"]![a] = n + c - handled;
  }
  for (const r of def.rows) f[r.key]!["total"] = APPLICANTS.reduce((s, a) => s + (f[r.key]![a] ?? 0), 0);
  return f;
}

export function s4Figures(): Figures {
  return {
    count: {
      "review.upheld": 1,
      "review.corrected": 1,
      "review.other": 0,
      "review.pending": 1,
      "review.total": 3,
      "suitDirect.upheld": 1,
      "suitDirect.corrected": 0,
      "suitDirect.other": 0,
      "suitDirect.pending": 0,
      "suitDirect.total": 1,
      "suitAfterReview.upheld": 0,
      "suitAfterReview.corrected": 0,
      "suitAfterReview.other": 0,
      "suitAfterReview.pending": 1,
      "suitAfterReview.total": 1,
    },
  };
}

export interface Report2021Figures {
  item1: Figures;
  item1Prior: Record<string, number | null>;
  item5: Figures;
  item6: Figures;
  item8: Figures;
  s3: Figures;
  /** The section 三 layout; default the 2021 one with （六） in three items. */
  s3Def?: TableDef;
  s4: Figures;
}

export function figures2021(): Report2021Figures {
  return {
    item1: { rules: { issued: 1, repealed: 0, inForce: 12 }, normativeDocs: { issued: 5, repealed: 2, inForce: 40 } },
    item1Prior: { rules: 11, normativeDocs: 37 },
    item5: { licensing: { decisions: 120 } },
    item6: { penalty: { decisions: 30 }, enforcement: { decisions: 4 } },
    item8: { fees: { amount: 7730.28 } },
    s3: s3Figures(),
    s4: s4Figures(),
  };
}

/** A complete, correct 2021 report; pass modified figures to break one thing. */
export function report2021(f: Report2021Figures = figures2021(), year = 2021): Report {
  const r = emptyReport("2021", SHEET);
  const [d1, d5, d6, d8] = FORMAT_2021.section2;
  const item1 = fillTable(d1!, f.item1, PLACE.item1);
  item1.prior = {};
  d1!.rows.forEach((row, i) => {
    const v = f.item1Prior[row.key];
    if (v !== undefined) item1.prior![cellKey(row.key, "inForce")] = num(v, at(PLACE.item1.row + i, 4));
  });
  r.section2 = {
    "s2.item1": item1,
    "s2.item5": fillTable(d5!, f.item5, PLACE.item5),
    "s2.item6": fillTable(d6!, f.item6, PLACE.item6),
    "s2.item8": fillTable(d8!, f.item8, PLACE.item8),
  };
  r.section3 = fillTable(f.s3Def ?? FORMAT_2021.section3, f.s3, PLACE.s3);
  if (f.s3Def === FORMAT_2021.section3SingleOther) r.singleOtherRow = true;
  r.section4 = fillTable(FORMAT_2021.section4, f.s4, PLACE.s4);
  r.meta = {
    body: { text: "某某市某某局", cell: at(1, 1) },
    year: { value: year, cell: at(2, 1), from: "metadata" },
    scope: { value: "本机关", cell: at(3, 1) },
    fee: num(0, at(4, 1)),
  };
  r.texts = [{ text: `${year}年政府信息公开工作年度报告数据表`, cell: at(0, 0) }];
  return r;
}

/** A stated percent as a reader would make it from "6%" / "86.92%" / "-3.5%". */
/** A 2021 report as a 编制 sheet: every total of 三 and 四 a SUM formula (its result as Excel stores it). */
export function preparingReport(): Report {
  const r = report2021();
  r.meta.mode = { value: "编制" };
  for (const t of [r.section3!, r.section4!]) {
    for (const row of t.def.rows) {
      for (const col of t.def.cols) {
        const n = t.cells[cellKey(row.key, col.key)];
        if (n && isComputedTotal(t.def, row.key, col.key)) n.formula = "=SUM(D1:D2)";
      }
    }
  }
  return r;
}

export function pct(text: string, cell?: CellRef): StatedPercent {
  const m = /^(-?\d+)(?:\.(\d+))?%$/.exec(text);
  if (!m) throw new Error(`not a percent: ${text}`);
  const p: StatedPercent = { text, value: Number(text.slice(0, -1)), decimals: m[2]?.length ?? 0 };
  if (cell) p.cell = cell;
  return p;
}

/** The seed's free-form proactive block (遂宁经济技术开发区, 2018) as the counts sheet holds it. */
export function seedProactive(
  categories = SEED_CATEGORIES,
  total: number | null = 1119,
  areas = SEED_AREAS,
  areaTotal: number | null = 382,
): Breakdown {
  const keyAreas: Breakdown = {
    name: "重点领域信息",
    nameCell: at(23, 0),
    total: num(areaTotal, at(32, 1)),
    categories: areas.map(([name, count], i) => ({ name, nameCell: at(24 + i, 0), count: num(count, at(24 + i, 1)) })),
    partition: true,
    shareOfParent: pct("34%", at(33, 1)),
    statedYoY: pct("22%", at(34, 1)),
    children: [],
  };
  return {
    name: "主动公开政府信息",
    nameCell: at(8, 0),
    total: num(total, at(18, 1)),
    categories: categories.map(([name, count, share], i) => ({
      name,
      nameCell: at(10 + i, 0),
      count: num(count, at(10 + i, 1)),
      share: pct(share, at(10 + i, 3)),
    })),
    partition: true,
    statedIncrease: num(390, at(19, 1)),
    statedCompletion: pct("124%", at(20, 1)),
    children: [keyAreas],
  };
}

/** The seed report: free-form, 2018, no applications, no reviews. */
export function seedReport(): Report {
  const r = emptyReport("free-form", SHEET);
  r.meta = { body: { text: "遂宁经济技术开发区管委会" }, year: { value: 2018, cell: at(0, 0), from: "title" } };
  r.texts = [{ text: "2018年遂宁经济技术开发区管委会政府信息公开工作年度报告", cell: at(0, 0) }];
  r.proactive = seedProactive();
  return r;
}

/** Run one check with the default options (and any given). */
export function runCheck(check: Check, report: Report, options: Partial<CheckOptions> = {}): Finding[] {
  return check.run({ report, options: { ...DEFAULT_ROUNDING, ...options } });
}

/** A finding reduced to what a test asserts. */
export function summary(f: Finding): {
  rule: string;
  severity: string;
  messageId: string;
  cells: string[];
  expected?: string | number;
  actual?: string | number;
} {
  const s: ReturnType<typeof summary> = {
    rule: f.rule,
    severity: f.severity,
    messageId: f.messageId,
    cells: findingCells(f),
  };
  if (f.expected !== undefined) s.expected = f.expected;
  if (f.actual !== undefined) s.actual = f.actual;
  return s;
}

export function setNum(n: Num | undefined, patch: Partial<Num>): void {
  if (!n) throw new Error("no such figure");
  Object.assign(n, patch);
}

/** Addresses of one row across columns: row("DEF", 33) -> ["公开数据!D33", "公开数据!E33", "公开数据!F33"]. */
export function rowCells(cols: string, row: number): string[] {
  return [...cols].map((c) => `${SHEET}!${c}${row}`);
}

/** Addresses of one column across rows: colCells("D", 33, 35) -> D33, D34, D35. */
export function colCells(col: string, from: number, to: number): string[] {
  const out: string[] = [];
  for (let r = from; r <= to; r++) out.push(`${SHEET}!${col}${r}`);
  return out;
}
