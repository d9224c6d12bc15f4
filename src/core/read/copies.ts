/** Two sheets of one workbook holding the same report (same unit and year): mark the later as a copy. */
import type { Num, Report, ReportCopy, TableData } from "../model/report";
import { cellKeys } from "../model/format";
import { stripSpaces } from "./text";

const MAX_LISTED = 50;

/** Every figure of a report by a stable key, with a label a user can read. */
function figures(r: Report): Map<string, { label: string; num: Num }> {
  const out = new Map<string, { label: string; num: Num }>();
  const table = (t: TableData | undefined) => {
    if (!t) return;
    const keys = cellKeys(t.def);
    t.def.rows.forEach((row, i) =>
      t.def.cols.forEach((col, j) => {
        const k = keys[i]![j]!;
        const num = t.cells[k];
        if (!num) return;
        const rowLabel = row.label || t.def.title;
        out.set(`${t.def.id}|${k}`, { label: `${t.def.section}：${rowLabel}／${col.label}`, num });
      }),
    );
  };
  for (const t of Object.values(r.section2)) table(t);
  table(r.section3);
  table(r.section4);
  const block = (b: Report["proactive"], path: string) => {
    if (!b) return;
    for (const c of b.categories) out.set(`${path}|${c.name}`, { label: `${b.name}：${c.name}`, num: c.count });
    if (b.total) out.set(`${path}|合计`, { label: `${b.name}：合计`, num: b.total });
    b.children.forEach((ch, i) => block(ch, `${path}.${i}`));
  };
  block(r.proactive, "proactive");
  return out;
}

function unitOf(r: Report): string | undefined {
  const t = r.meta.body?.text;
  return t ? stripSpaces(t) : undefined;
}

/** The differences of `b` from `a`; undefined when they are not the same report. */
export function compareCopies(a: Report, b: Report): ReportCopy | undefined {
  if (a.meta.year?.value !== b.meta.year?.value || a.format !== b.format) return undefined;
  const ua = unitOf(a);
  const ub = unitOf(b);
  if (ua !== ub) return undefined;
  const fa = figures(a);
  const fb = figures(b);
  const differences: ReportCopy["differences"] = [];
  let count = 0;
  for (const [k, x] of fb) {
    const y = fa.get(k);
    const vb = x.num.value;
    const va = y ? y.num.value : null;
    if (va === vb) continue;
    count++;
    if (differences.length >= MAX_LISTED) continue;
    const d: ReportCopy["differences"][number] = { label: x.label, value: vb, other: va };
    if (x.num.cell) d.cell = x.num.cell;
    if (y?.num.cell) d.otherCell = y.num.cell;
    differences.push(d);
  }
  // Without a unit name on either sheet, only identical figures make them one report.
  if (ua === undefined && count > 0) return undefined;
  return { of: a.sheet, differences, count };
}

/** Mark each report that repeats an earlier one (the first earlier match). */
export function markCopies(reports: Report[]): void {
  reports.forEach((r, i) => {
    for (let j = 0; j < i; j++) {
      const o = reports[j]!;
      if (o.copy) continue;
      const c = compareCopies(o, r);
      if (c) {
        r.copy = c;
        return;
      }
    }
  });
}
