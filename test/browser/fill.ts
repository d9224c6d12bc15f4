/**
 * Figures for the browser scenario: a consistent year of counts typed into the template's cells,
 * with one planted error. Positions come from the template itself (templateCells), so the edits
 * land where the pane's 插入模板 put the labels.
 */
import { a1, type CellRef } from "../../src/core/grid";
import { cellKey } from "../../src/core/model/format";
import { templateCells, templatePlan } from "../../src/core/render/template";

export type Edit = [address: string, value: string | number];

/** Section 三 by row: 自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他 (总计 is derived). */
const S3: Record<string, number[]> = {
  new: [20, 3, 0, 1, 0, 1],
  carried: [2, 0, 0, 0, 0, 0],
  open: [12, 2, 0, 1, 0, 1],
  partial: [3, 0, 0, 0, 0, 0],
  "withheld.thirdParty": [1, 0, 0, 0, 0, 0],
  "unavailable.notHeld": [4, 1, 0, 0, 0, 0],
};
const S3_COLS = ["natural", "commercial", "research", "publicInterest", "legal", "otherOrg"];

export interface Scenario {
  sheet: string;
  year: number;
  edits: Edit[];
  /** The planted error: 三、（一）予以公开 / 自然人 typed 13 instead of 12. */
  planted: { address: string; wrong: number; right: number };
  /** Expected figures for assertions on the generated report. */
  expect: { received: number; handled: number; open: number; carryNext: number };
  /** Where things are in this template (from its own layout, never typed in by hand). */
  at: {
    /** The planted cell, its row's 总计 and its column's （七）总计: the cells of its one finding ("D64,J64,D85"). */
    cross: string;
    /** 一、本年新收 / 自然人 (the report table's formulas point at it). */
    newNatural: string;
    /** A cell outside the template's layout (an edit there changes no figure). */
    spare: string;
  };
}

export function scenario(year: number, body = "遂宁市某某局"): Scenario {
  const cells = templateCells(templatePlan({ year }));
  const edits: Edit[] = [];
  const put = (ref: CellRef | undefined, value: string | number): void => {
    if (!ref) throw new Error(`template cell missing for ${String(value)}`);
    edits.push([a1(ref.row, ref.col), value]);
  };
  put(cells.meta.body, body);
  put(cells.meta.year, year);
  put(cells.meta.scope, "本机关");
  put(cells.meta.fee, 0);
  // The scenario types every total as a published report prints it: a sheet for checking (核对).
  put(cells.meta.mode, "核对");

  // Proactive disclosure by category and key areas (counts only; no stated shares).
  const categories = [72, 2, 100, 300, 45, 200, 300, 100];
  cells.proactive.categories.forEach((c, i) => put(c.count, categories[i] ?? 0));
  put(
    cells.proactive.total,
    categories.reduce((a, b) => a + b, 0),
  );
  const areas = [50, 60, 40, 30, 52, 50, 50, 50];
  cells.keyAreas.categories.forEach((c, i) => put(c.count, areas[i] ?? 0));
  put(
    cells.keyAreas.total,
    areas.reduce((a, b) => a + b, 0),
  );

  // Section 二.
  const s2: Record<string, Record<string, Record<string, number>>> = {
    "s2.item1": {
      rules: { issued: 0, repealed: 0, inForce: 3 },
      normativeDocs: { issued: 5, repealed: 1, inForce: 20 },
    },
    "s2.item5": { licensing: { decisions: 120 } },
    "s2.item6": { penalty: { decisions: 30 }, enforcement: { decisions: 2 } },
    "s2.item8": { fees: { amount: 12.5 } },
  };
  for (const [id, rows] of Object.entries(s2)) {
    const t = cells.tables[id]!;
    for (const [rk, cols] of Object.entries(rows))
      for (const [ck, v] of Object.entries(cols)) put(t.cells[cellKey(rk, ck)], v);
  }
  const item1 = cells.tables["s2.item1"]!;
  put(item1.prior[cellKey("rules", "inForce")], 3);
  put(item1.prior[cellKey("normativeDocs", "inForce")], 16);

  // Section 三: every row, every column; derived totals; blanks written as 0 as the format wants.
  const s3 = cells.tables.s3!;
  const rows = s3.def.rows.map((r) => r.key);
  const fig: Record<string, number[]> = {};
  for (const rk of rows) fig[rk] = S3[rk] ?? [0, 0, 0, 0, 0, 0];
  const outcome = s3.def.rows.filter((r) => r.outcome).map((r) => r.key);
  fig.handled = S3_COLS.map((_, i) => outcome.reduce((sum, rk) => sum + fig[rk]![i]!, 0));
  fig.carryNext = S3_COLS.map((_, i) => fig.new![i]! + fig.carried![i]! - fig.handled![i]!);
  for (const rk of rows) {
    const vals = fig[rk]!;
    S3_COLS.forEach((ck, i) => put(s3.cells[cellKey(rk, ck)], vals[i]!));
    put(
      s3.cells[cellKey(rk, "total")],
      vals.reduce((a, b) => a + b, 0),
    );
  }
  // Last year's 结转下年度 = this year's 上年结转.
  S3_COLS.forEach((ck, i) => put(s3.prior[cellKey("carried", ck)], fig.carried![i]!));
  put(
    s3.prior[cellKey("carried", "total")],
    fig.carried!.reduce((a, b) => a + b, 0),
  );

  // Section 四: one row of five-column groups.
  const s4 = cells.tables.s4!;
  const s4fig: Record<string, number> = { "review.upheld": 1, "review.pending": 1, "review.total": 2 };
  for (const c of s4.def.cols) put(s4.cells[cellKey("count", c.key)], s4fig[c.key] ?? 0);

  const openNatural = s3.cells[cellKey("open", "natural")]!;
  const address = a1(openNatural.row, openNatural.col);
  // The planted error replaces the right figure (last edit wins when replayed in order).
  edits.push([address, 13]);
  const sum = (v: number[]) => v.reduce((a, b) => a + b, 0);
  const addr = (r: CellRef) => a1(r.row, r.col);
  const openTotal = s3.cells[cellKey("open", "total")]!;
  const handledNatural = s3.cells[cellKey("handled", "natural")]!;
  const plan = templatePlan({ year });
  const lastRow = Math.max(...plan.cells.map((c) => c.row), ...plan.merges.map((m) => m.bottom));
  return {
    sheet: cells.sheet,
    year,
    edits,
    planted: { address, wrong: 13, right: 12 },
    expect: {
      received: sum(fig.new!),
      handled: sum(fig.handled!),
      open: sum(fig.open!),
      carryNext: sum(fig.carryNext!),
    },
    at: {
      cross: `${address},${addr(openTotal)},${addr(handledNatural)}`,
      newNatural: addr(s3.cells[cellKey("new", "natural")]!),
      spare: a1(lastRow + 3, 0),
    },
  };
}
