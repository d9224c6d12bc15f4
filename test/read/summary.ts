/** A stable, readable summary of a read result: what the fixture expected files hold. */
import { cellAddress } from "../../src/core/grid";
import type { ReadResult } from "../../src/core/read";
import type { Breakdown, Num, ReadNote, TableData } from "../../src/core/model/report";

function num(n: Num | undefined): unknown {
  if (!n) return undefined;
  if (n.issue === undefined && n.formula === undefined) return n.value;
  const out: Record<string, unknown> = { value: n.value };
  if (n.issue) out.issue = n.issue;
  if (n.text !== undefined) out.text = n.text;
  if (n.formula) out.formula = n.formula;
  return out;
}

function table(t: TableData | undefined): unknown {
  if (!t) return undefined;
  const cells: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(t.cells)) cells[k] = num(v);
  const labels: Record<string, string> = {};
  for (const [k, m] of [
    ...Object.entries(t.rowLabels).map(([k, m]) => [`row ${k}`, m] as const),
    ...Object.entries(t.colLabels).map(([k, m]) => [`col ${k}`, m] as const),
  ]) {
    labels[k] = `${cellAddress(m.cell)} ${m.deviations.join("+") || "exact"}`;
  }
  const out: Record<string, unknown> = {
    def: `${t.def.id}/${t.def.format}/${t.def.rows.length}x${t.def.cols.length}`,
    cells,
    labels,
  };
  if (t.missingRows.length) out.missingRows = t.missingRows;
  if (t.missingCols.length) out.missingCols = t.missingCols;
  if (t.prior) out.prior = Object.fromEntries(Object.entries(t.prior).map(([k, v]) => [k, num(v)]));
  return out;
}

function breakdown(b: Breakdown | undefined): unknown {
  if (!b) return undefined;
  return {
    name: b.name,
    total: num(b.total),
    priorTotal: num(b.priorTotal),
    categories: b.categories.map((c) => ({
      name: c.name,
      count: num(c.count),
      prior: num(c.prior),
      share: c.share?.text,
      shareValue: c.share?.value,
    })),
    shareOfParent: b.shareOfParent?.text,
    statedIncrease: num(b.statedIncrease),
    statedYoY: b.statedYoY?.value,
    statedCompletion: b.statedCompletion?.value,
    target: num(b.target),
    children: b.children.map(breakdown),
  };
}

function note(n: ReadNote): string {
  const p = n.params ? ` ${JSON.stringify(n.params)}` : "";
  return `${n.code}${p}${n.cells.length ? ` @ ${n.cells.slice(0, 3).map(cellAddress).join(",")}` : ""}`;
}

export function summarize(res: ReadResult): unknown {
  if (!res.ok) return { ok: false, error: res.error };
  const r = res.report;
  const m = r.meta;
  return {
    ok: true,
    format: r.format,
    sheet: r.sheet,
    singleOtherRow: r.singleOtherRow,
    year: m.year
      ? `${m.year.value} from ${m.year.from}${m.year.cell ? ` ${cellAddress(m.year.cell)}` : ""}`
      : undefined,
    body: m.body?.text,
    scope: m.scope?.value,
    fee: num(m.fee),
    notFound: r.notFound.map(note),
    notes: r.notes.map(note),
    texts: r.texts.length,
    section2: Object.fromEntries(Object.entries(r.section2).map(([k, t]) => [k, table(t)])),
    section3: table(r.section3),
    section4: table(r.section4),
    prior: r.prior
      ? {
          section2: Object.fromEntries(Object.entries(r.prior.section2).map(([k, t]) => [k, table(t)])),
          section3: table(r.prior.section3),
        }
      : undefined,
    proactive: breakdown(r.proactive),
  };
}
