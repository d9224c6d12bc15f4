/**
 * Building blocks shared by the checks: a typed way to emit findings (a messageId must exist in the
 * check's own messages, at compile time) and the reading of figures with blank = 0.
 */
import type { CellRef } from "../grid";
import { cellKey, cellKeys, type ColDef, type TableDef } from "../model/format";
import type { Breakdown, Num, Report, TableData } from "../model/report";
import type { Check, CheckContext, Finding, Severity } from "./types";

export interface Emit<M extends string> {
  messageId: M;
  /** Cells involved; undefined entries (derived figures) are dropped. */
  cells: (CellRef | undefined)[];
  params?: Record<string, string | number>;
  expected?: string | number;
  actual?: string | number;
  /** Only when this message is more or less serious than the check's default. */
  severity?: Severity;
  /** A suggested correction (see Finding.fix); undefined = none. */
  fix?: Finding["fix"];
  /** Where in the report's text (see Finding.text). */
  text?: Finding["text"];
}

export interface CheckSpec<M extends string> {
  id: string;
  severity: Severity;
  description: { zh: string; en: string };
  messages: Record<M, { zh: string; en: string }>;
  run(ctx: CheckContext, emit: (f: Emit<M>) => void): void;
}

export function defineCheck<M extends string>(spec: CheckSpec<M>): Check {
  return {
    id: spec.id,
    severity: spec.severity,
    description: spec.description,
    messages: spec.messages,
    run(ctx) {
      const out: Finding[] = [];
      spec.run(ctx, (e) => {
        const f: Finding = {
          rule: spec.id,
          severity: e.severity ?? spec.severity,
          cells: e.cells.filter((c): c is CellRef => c !== undefined),
          messageId: e.messageId,
          params: e.params ?? {},
        };
        if (e.expected !== undefined) f.expected = e.expected;
        if (e.actual !== undefined) f.actual = e.actual;
        if (e.fix !== undefined) f.fix = e.fix;
        if (e.text !== undefined) f.text = e.text;
        out.push(f);
      });
      return out;
    },
  };
}

// ---------- Figures ----------

/** A figure as arithmetic sees it: absent (not found), unreadable (text/#REF!), blank (= 0) or a number. */
export type Fig =
  | { state: "absent" }
  | { state: "unreadable"; num: Num }
  | { state: "blank"; num: Num }
  | { state: "number"; num: Num; value: number };

export function fig(n: Num | undefined): Fig {
  if (!n) return { state: "absent" };
  if (n.value === null) return n.issue ? { state: "unreadable", num: n } : { state: "blank", num: n };
  return { state: "number", num: n, value: n.value };
}

/** Blank = 0; undefined when the figure is absent or unreadable (another check says so). */
export function arith(n: Num | undefined): number | undefined {
  // fig()'s cases without its object: the sums call this for every figure.
  if (!n) return undefined; // absent
  if (n.value === null) return n.issue ? undefined : 0; // unreadable : blank
  return n.value;
}

export function isBlank(n: Num | undefined): boolean {
  return !!n && n.value === null && !n.issue;
}

/** Sums of counts may meet a fraction typed by mistake; keep them exact enough to compare and to print. */
export function clean(x: number): number {
  return Number(x.toFixed(10));
}

export function sameNumber(a: number, b: number): boolean {
  return Math.abs(a - b) < 1e-9;
}

export type SumOutcome =
  | { kind: "unknown" }
  | { kind: "ok" }
  | { kind: "mismatch"; expected: number; actual: number }
  | { kind: "blankTotal"; expected: number };

/** total = sum(parts) with blank = 0. A blank total beside non-zero parts is its own outcome. */
export function checkSum(parts: (Num | undefined)[], total: Num | undefined): SumOutcome {
  let sum = 0;
  for (const p of parts) {
    const v = arith(p);
    if (v === undefined) return { kind: "unknown" };
    sum += v;
  }
  const t = fig(total);
  if (t.state === "absent" || t.state === "unreadable") return { kind: "unknown" };
  if (t.state === "number" && sameNumber(t.value, sum)) return { kind: "ok" };
  // The cleaned sum only for a total that is blank or disagrees (toFixed is not free; most sums agree).
  const expected = clean(sum);
  if (t.state === "blank") return expected === 0 ? { kind: "ok" } : { kind: "blankTotal", expected };
  return { kind: "mismatch", expected, actual: t.value };
}

// ---------- Labels and places ----------

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

/** The report year: as the workbook says it, else as the user gave it. */
export function reportYear(ctx: CheckContext): number | undefined {
  return ctx.report.meta.year?.value ?? ctx.options.year;
}

/** Percent units at `decimals` of a stated value: 46 at 0 -> 46, 86.92 at 2 -> 8692. */
export function statedUnits(value: number, decimals: number): number {
  return Math.round(value * 10 ** decimals);
}

/** A count the share arithmetic can take: a whole number >= 0 (anything else is whole-number's finding). */
export function countValue(n: Num | undefined): number | undefined {
  const v = arith(n);
  return v !== undefined && Number.isSafeInteger(v) && v >= 0 ? v : undefined;
}

/** The whole a breakdown's shares refer to: its stated total, or (for a partition without one) the sum of its parts. */
export function breakdownTotal(b: Breakdown): { value: number; num?: Num } | undefined {
  if (b.total && b.total.value !== null) {
    const v = countValue(b.total);
    return v === undefined ? undefined : { value: v, num: b.total };
  }
  if (!b.partition || b.total) return undefined;
  let sum = 0;
  for (const c of b.categories) {
    const v = countValue(c.count);
    if (v === undefined) return undefined;
    sum += v;
  }
  return { value: sum };
}

/** Why last year's report cannot be this report's prior: another unit, or not the year before. */
export type PriorMismatch =
  { kind: "unit"; here: string; there: string } | { kind: "year"; expected: number; actual: number };

function unitKey(s: string): string {
  return s.replace(/[\s\u3000]+/g, "");
}

/** Compares the two reports (unit name, year) before any cross-year check; undefined when they fit. */
export function priorMismatch(report: Report): PriorMismatch | undefined {
  const prior = report.prior;
  if (!prior) return undefined;
  const here = report.meta.body?.text;
  const there = prior.meta.body?.text;
  if (here && there && unitKey(here) !== unitKey(there)) return { kind: "unit", here, there };
  const year = report.meta.year?.value;
  const priorYear = prior.meta.year?.value;
  if (year !== undefined && priorYear !== undefined && priorYear !== year - 1) {
    return { kind: "year", expected: year - 1, actual: priorYear };
  }
  return undefined;
}

/** Last year's report, only when it is this unit's report of the year before (else the cross-year checks skip). */
export function priorOf(report: Report): Report | undefined {
  return report.prior && !priorMismatch(report) ? report.prior : undefined;
}

/** Last year's total of a breakdown: as the sheet gives it, else from last year's report (same name). */
export function priorTotalOf(report: Report, b: Breakdown): Num | undefined {
  if (b.priorTotal && b.priorTotal.value !== null) return b.priorTotal;
  const last = priorOf(report);
  const root = last?.proactive;
  const prior = !last
    ? undefined
    : b === report.proactive
      ? root
      : breakdowns(last).find((p) => p !== root && p.name === b.name);
  return prior?.total && prior.total.value !== null ? prior.total : undefined;
}
