/** Where the figures are and what they are called: tables, labels, every figure and breakdown of a report. */
import { cellKey, cellKeys, type ColDef, type TableDef } from "../model/format";
import type { Breakdown, Num, Report, TableData } from "../model/report";
import type { CheckContext } from "./types";

export function colLabel(col: ColDef): string {
  return [...(col.parents ?? []).filter((p) => p !== "申请人情况"), col.label].join("·");
}

export function rowLabel(def: TableDef, rowKey: string): string {
  return def.rows.find((r) => r.key === rowKey)?.label ?? rowKey;
}

/** Title of a table as a user finds it: "三、收到和处理政府信息公开申请情况", "二、第二十条第（一）项". */
export function tableTitle(def: TableDef): string {
  return `${def.section}、${def.title}`;
}

/** "规章 / 本年制发件数"; section 四 has one unnamed row. */
export function figureLabel(def: TableDef, rowKey: string, col: ColDef): string {
  const r = rowLabel(def, rowKey);
  return r ? `${r} / ${colLabel(col)}` : colLabel(col);
}

export function tableCell(t: TableData, rowKey: string, colKey: string): Num | undefined {
  return t.cells[cellKey(rowKey, colKey)];
}

/** Every table of the report, in reading order. */
export function tables(report: Report): TableData[] {
  const out = Object.values(report.section2);
  if (report.section3) out.push(report.section3);
  if (report.section4) out.push(report.section4);
  return out;
}

export type FigureKind = "count" | "signed" | "wan-yuan" | "yuan";

export interface FigureSite {
  num: Num;
  kind: FigureKind;
  /** What the figure is, for messages (built only when a message needs it). */
  label(): string;
  /** Table title or breakdown name, to group findings. */
  block: string;
  /** True where the format expects a number written out (blank deserves a warning). */
  required: boolean;
}

const FIGURES = new WeakMap<CheckContext, FigureSite[]>();

/**
 * Every figure of the report (tables, last-year columns, fee, free-form breakdowns), in reading order.
 * Several checks walk them: listed once per run (runChecks shares one context between the checks).
 */
export function figures(ctx: CheckContext): FigureSite[] {
  let out = FIGURES.get(ctx);
  if (!out) {
    out = listFigures(ctx.report);
    FIGURES.set(ctx, out);
  }
  return out;
}

/**
 * A figure of a national table. Most figures never need their label (only those with a finding do), so
 * the label is a method computing it from the row and column, not a closure allocated per figure.
 */
class TableFigure implements FigureSite {
  readonly required = true;
  readonly kind: FigureKind;
  constructor(
    readonly num: Num,
    readonly block: string,
    private readonly def: TableDef,
    private readonly rowKey: string,
    private readonly col: ColDef,
  ) {
    this.kind = col.kind;
  }
  label(): string {
    return `${this.block} ${figureLabel(this.def, this.rowKey, this.col)}`;
  }
}

function listFigures(report: Report): FigureSite[] {
  const out: FigureSite[] = [];
  for (const t of tables(report)) {
    const block = tableTitle(t.def);
    const keys = cellKeys(t.def);
    t.def.rows.forEach((r, i) => {
      t.def.cols.forEach((c, j) => {
        const n = t.cells[keys[i]![j]!];
        if (n) out.push(new TableFigure(n, block, t.def, r.key, c));
      });
    });
    for (const [key, n] of Object.entries(t.prior ?? {})) {
      const [rk, ck] = key.split("|") as [string, string];
      const col = t.def.cols.find((c) => c.key === ck);
      const label = (): string => `${block} ${rowLabel(t.def, rk)} / 上年${col?.label ?? ck}`;
      out.push({ num: n, kind: col?.kind ?? "count", label, block, required: false });
    }
  }
  if (report.meta.fee) {
    out.push({
      num: report.meta.fee,
      kind: "yuan",
      label: () => "信息处理费（元）",
      block: "信息处理费",
      required: false,
    });
  }
  const walk = (b: Breakdown): void => {
    if (b.total)
      out.push({ num: b.total, kind: "count", label: () => `${b.name} 合计`, block: b.name, required: true });
    for (const c of b.categories) {
      out.push({ num: c.count, kind: "count", label: () => `${b.name} ${c.name}`, block: b.name, required: true });
    }
    const extra: [Num | undefined, string, FigureKind][] = [
      [b.statedIncrease, "比上年新增", "signed"],
      [b.target, "年度目标", "count"],
      [b.priorTotal, "上年合计", "count"],
    ];
    for (const [n, what, kind] of extra) {
      if (n) out.push({ num: n, kind, label: () => `${b.name} ${what}`, block: b.name, required: false });
    }
    b.children.forEach(walk);
  };
  if (report.proactive) walk(report.proactive);
  return out;
}

/** Every breakdown (the proactive block and its children), depth first. */
export function breakdowns(report: Report): Breakdown[] {
  const out: Breakdown[] = [];
  const walk = (b: Breakdown): void => {
    out.push(b);
    b.children.forEach(walk);
  };
  if (report.proactive) walk(report.proactive);
  return out;
}
