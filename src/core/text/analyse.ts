/**
 * Verdicts on the report's own text: every fact extracted from the text against the table figure it
 * names (and against the text's own totals). One cause, one verdict: a list whose item is already a
 * wrong count says nothing more; a share is computed on the count the text states.
 */
import type { CellRef } from "../grid";
import { feeSaid } from "../model/fee";
import { cellKey } from "../model/format";
import { applicantCols, caseGroup, figure, s3Handled, section3Figures, type CaseGroup } from "../model/figures";
import type { Report, TableData } from "../model/report";
import { checkStatedShare, formatPercent, MAX_DECIMALS, shareSet, shareUnits } from "../shares";
import type { TieRule } from "../shares/types";
import type { Severity } from "../checks/types";
import { extractFacts, type CountFact, type Span, type TextFacts, type TextSource } from "./extract";
import { NARROWING, type Concept } from "./phrases";

export type VerdictKind = "count" | "share" | "sum" | "claim" | "change" | "year" | "fee";

export interface TextVerdict {
  kind: VerdictKind;
  messageId: string;
  severity?: Severity;
  source: TextSource;
  /** The figure (or words) the verdict is about, offsets in source.text. */
  start: number;
  end: number;
  sentence: Span;
  cells: CellRef[];
  params: Record<string, string | number>;
  expected?: string | number;
  actual?: string | number;
}

export interface AnalyseOptions {
  year?: number;
  rounding: TieRule;
  largestRemainder?: boolean;
}

/** A table figure with its cells. */
interface Truth {
  value: number;
  cells: CellRef[];
  /**
   * The 总计 the sheet itself shows for the row, when it differs from the SUM of its parts (a total typed over a
   * changed part): text that agrees with it agrees with the table as printed. The row's own finding (s3-row-sum)
   * names the cause; the text is not a second finding of it.
   */
  written?: number;
}

const S3_GROUP_OF: Record<string, string> = {
  G1: "open",
  G2: "partial",
  G3: "withheld",
  G4: "unavailable",
  G5: "notProcessed",
  G6: "other",
};
const CONCEPT_LABEL: Record<string, { zh: string; en: string }> = {
  N: { zh: "本年新收", en: "new this year" },
  C: { zh: "上年结转", en: "carried over" },
  NC: { zh: "本年新收加上年结转", en: "new plus carried over" },
  H: { zh: "办理结果总计", en: "handled (（七）总计)" },
  F: { zh: "结转下年度继续办理", en: "carried to next year" },
  G1: { zh: "予以公开", en: "disclosed" },
  G2: { zh: "部分公开", en: "partly disclosed" },
  G12: { zh: "予以公开和部分公开", en: "disclosed and partly disclosed" },
  G3: { zh: "不予公开", en: "withheld" },
  G4: { zh: "无法提供", en: "unavailable" },
  G5: { zh: "不予处理", en: "not processed" },
  G6: { zh: "其他处理", en: "other handling" },
};
const GROUP_LABEL: Record<string, { zh: string; en: string }> = {
  review: { zh: "行政复议", en: "administrative reviews" },
  suit: { zh: "行政诉讼", en: "lawsuits" },
  suitDirect: { zh: "未经复议直接起诉", en: "lawsuits without review" },
  suitAfterReview: { zh: "复议后起诉", en: "lawsuits after review" },
};
const RESULT_LABEL: Record<string, { zh: string; en: string }> = {
  upheld: { zh: "结果维持", en: "upheld" },
  corrected: { zh: "结果纠正", en: "corrected" },
  other: { zh: "其他结果", en: "other result" },
  pending: { zh: "尚未审结", en: "pending" },
  total: { zh: "总计", en: "total" },
};
const APPLICANT_LABEL: Record<string, { zh: string; en: string }> = {
  natural: { zh: "自然人", en: "natural persons" },
  org: { zh: "法人或其他组织", en: "legal persons and organisations" },
  commercial: { zh: "商业企业", en: "businesses" },
  research: { zh: "科研机构", en: "research institutions" },
  publicInterest: { zh: "社会公益组织", en: "public-interest organisations" },
  legal: { zh: "法律服务机构", en: "legal service providers" },
};

export function conceptLabel(c: Concept): { zh: string; en: string } {
  if (CONCEPT_LABEL[c]) return CONCEPT_LABEL[c];
  if (c.startsWith("A.")) return APPLICANT_LABEL[c.slice(2)] ?? { zh: c, en: c };
  const [, g, r] = c.split(".");
  const gl = GROUP_LABEL[g!] ?? { zh: g!, en: g! };
  const rl = RESULT_LABEL[r!] ?? { zh: r!, en: r! };
  return r === "total" ? gl : { zh: `${gl.zh}${rl.zh}`, en: `${gl.en} ${rl.en}` };
}

class Tables {
  private readonly s3?: TableData;
  private readonly s4?: TableData;
  constructor(report: Report) {
    if (report.section3) this.s3 = report.section3;
    if (report.section4) this.s4 = report.section4;
  }
  get hasS3(): boolean {
    return !!this.s3;
  }
  get hasS4(): boolean {
    return !!this.s4;
  }
  private s3Cell(row: string, col = "total"): CellRef[] {
    const c = this.s3?.cells[cellKey(row, col)]?.cell;
    return c ? [c] : [];
  }
  private groupRows(group: string): string[] {
    return this.s3 ? this.s3.def.rows.filter((r) => r.group === group).map((r) => r.key) : [];
  }
  /** `truth` with the row's 总计 as the sheet shows it, when that differs from the SUM of the row. */
  private withWritten(truth: Truth, row: string): Truth {
    const v = this.s3?.cells[cellKey(row, "total")]?.value;
    return typeof v === "number" && Number.isFinite(v) && v !== truth.value ? { ...truth, written: v } : truth;
  }
  /** Section 三 figure by concept; basis = the total an applicant split refers to. */
  get(c: Concept, basis: "N" | "NC" | "H" = "N"): Truth | undefined {
    const t = this.s3;
    if (c.startsWith("K.")) return this.caseFigure(c);
    if (!t) return undefined;
    const f = section3Figures(t);
    switch (c) {
      case "N":
        return this.withWritten({ value: f.received, cells: this.s3Cell("new") }, "new");
      case "C":
        return this.withWritten({ value: f.carried, cells: this.s3Cell("carried") }, "carried");
      case "NC":
        return { value: f.received + f.carried, cells: [...this.s3Cell("new"), ...this.s3Cell("carried")] };
      case "H":
        return this.withWritten({ value: f.handled, cells: this.s3Cell("handled") }, "handled");
      case "F":
        return this.withWritten({ value: f.carryNext, cells: this.s3Cell("carryNext") }, "carryNext");
      case "G12": {
        const a = this.get("G1")!;
        const b = this.get("G2")!;
        return { value: a.value + b.value, cells: [...a.cells, ...b.cells] };
      }
    }
    const group = S3_GROUP_OF[c];
    if (group) {
      const g = f.groups.find((x) => x.group === group);
      const rows = this.groupRows(group);
      return { value: g?.count ?? 0, cells: rows.flatMap((r) => this.s3Cell(r)) };
    }
    if (c.startsWith("A.")) {
      const key = c.slice(2);
      const cols = key === "org" ? applicantCols(t.def).filter((k) => k !== "natural") : [key];
      if (!cols.every((k) => t.def.cols.some((d) => d.key === k))) return undefined;
      const rows = basis === "H" ? [] : basis === "NC" ? ["new", "carried"] : ["new"];
      let value = 0;
      const cells: CellRef[] = [];
      for (const col of cols) {
        if (basis === "H") {
          value += s3Handled(t, col);
          cells.push(...this.s3Cell("handled", col));
        } else {
          for (const r of rows) {
            value += figure(t.cells[cellKey(r, col)]);
            cells.push(...this.s3Cell(r, col));
          }
        }
      }
      return { value, cells };
    }
    return undefined;
  }
  caseGroup(group: string): (CaseGroup & { cells: CellRef[] }) | undefined {
    const t = this.s4;
    if (!t) return undefined;
    const keys = group === "suit" ? ["suitDirect", "suitAfterReview"] : [group];
    const out = { upheld: 0, corrected: 0, other: 0, pending: 0, total: 0, cells: [] as CellRef[] };
    for (const k of keys) {
      const g = caseGroup(t, k);
      out.upheld += g.upheld;
      out.corrected += g.corrected;
      out.other += g.other;
      out.pending += g.pending;
      out.total += g.total;
      const cell = t.cells[cellKey("count", `${k}.total`)]?.cell;
      if (cell) out.cells.push(cell);
    }
    return out;
  }
  private caseFigure(c: Concept): Truth | undefined {
    const [, group, result] = c.split(".") as [string, string, keyof CaseGroup];
    const g = this.caseGroup(group);
    if (!g) return undefined;
    const keys = group === "suit" ? ["suitDirect", "suitAfterReview"] : [group];
    const cells = keys.flatMap((k) => {
      const cell = this.s4!.cells[cellKey("count", `${k}.${result}`)]?.cell;
      return cell ? [cell] : [];
    });
    return { value: g[result], cells };
  }
}

const APPLICATION_CONTEXT = /申请/;
const S3_NEEDS_CONTEXT = new Set<Concept>(["N", "C", "NC", "H", "F"]);

export function analyseTexts(report: Report, sources: TextSource[], options: AnalyseOptions): TextVerdict[] {
  const tables = new Tables(report);
  const out: TextVerdict[] = [];
  const lrNoted = options.largestRemainder || sources.some((s) => s.text.includes("最大余数"));
  for (const source of sources) {
    const facts = extractFacts(source);
    const empty = facts.counts.length + facts.claims.length + facts.years.length + facts.missing.length === 0;
    if (empty && !source.text.includes("信息处理费")) {
      continue;
    }
    analyseOne(facts, tables, report, options, lrNoted, out);
  }
  return out;
}

function analyseOne(
  facts: TextFacts,
  tables: Tables,
  report: Report,
  options: AnalyseOptions,
  lrNoted: boolean,
  out: TextVerdict[],
): void {
  const { source } = facts;
  const text = source.text;
  const context = contextOf(facts);
  const resolved = new Map<CountFact, Concept>();
  const wrong = new Set<CountFact>();
  const verdict = (v: Omit<TextVerdict, "source">): void => {
    out.push({ source, ...v });
  };
  const figureOf = (f: CountFact): string => text.slice(f.token.start, f.token.unitEnd);

  // ---- Counts against their cells.
  for (const f of facts.counts) {
    if (f.token.approx || f.readings.length === 0) continue;
    let readings = f.readings;
    const unitOk =
      f.token.unit === "件" || f.token.unit === "" || (f.token.unit === "起" && readings[0]?.startsWith("K."));
    if (!unitOk) continue;
    if (readings.some((r) => S3_NEEDS_CONTEXT.has(r)) && !context(f.sentence)) continue;
    if (f.includesCarried && readings.includes("NC")) readings = ["NC"];
    let basis: ("N" | "NC" | "H")[] = ["N", "NC"];
    const totalReading = f.listTotal ? resolved.get(f.listTotal) : undefined;
    if (totalReading === "N" || totalReading === "NC" || totalReading === "H") basis = [totalReading];
    const candidates: { concept: Concept; truth: Truth }[] = [];
    for (const r of readings) {
      if (r.startsWith("A.")) {
        for (const b of basis) {
          const t = tables.get(r, b);
          if (t) candidates.push({ concept: r, truth: t });
        }
      } else {
        const t = tables.get(r);
        if (t) candidates.push({ concept: r, truth: t });
      }
    }
    if (candidates.length === 0) continue;
    const match = candidates.find((c) => c.truth.value === f.token.value || c.truth.written === f.token.value);
    const cellOf = source.cell;
    if (match) {
      resolved.set(f, match.concept);
      const n = tables.get("N");
      if (f.received && match.concept === "NC" && !f.includesCarried && n && n.value !== match.truth.value) {
        const c = tables.get("C")!;
        verdict({
          kind: "count",
          messageId: "scope",
          severity: "warning",
          start: f.token.start,
          end: f.token.end,
          sentence: f.sentence,
          cells: [...(cellOf ? [cellOf] : []), ...n.cells, ...c.cells],
          params: { figure: figureOf(f), value: f.token.value, received: n.value, carried: c.value },
          expected: n.value,
          actual: f.token.value,
        });
      }
      continue;
    }
    wrong.add(f);
    const first = candidates[0]!;
    const sentenceText = text.slice(f.clause.start, f.token.start);
    const narrowing = [...new Set([...sentenceText.matchAll(NARROWING)].map((m) => m[0]))];
    const choices = [...new Map(candidates.map((c) => [c.truth.value, c])).values()];
    const expectedZh = choices.map((c) => `${c.truth.value}（${conceptLabel(c.concept).zh}）`).join("或");
    const expectedEn = choices.map((c) => `${c.truth.value} (${conceptLabel(c.concept).en})`).join(" or ");
    verdict({
      kind: "count",
      messageId: narrowing.length > 0 ? "unmatched" : "wrong",
      ...(narrowing.length > 0 ? { severity: "warning" as Severity } : {}),
      start: f.token.start,
      end: f.token.end,
      sentence: f.sentence,
      cells: [...(cellOf ? [cellOf] : []), ...choices.flatMap((c) => c.truth.cells)],
      params: {
        figure: figureOf(f),
        what: conceptLabel(first.concept).zh,
        "what@en": conceptLabel(first.concept).en,
        expected: expectedZh,
        "expected@en": expectedEn,
        words: narrowing.join("、"),
        "words@en": narrowing.join(", "),
      },
      expected: first.truth.value,
      actual: f.token.value,
    });
  }
  for (const m of facts.missing) {
    verdict({
      kind: "count",
      messageId: "missing",
      severity: "warning",
      start: m.start,
      end: m.end,
      sentence: m.sentence,
      cells: source.cell ? [source.cell] : [],
      params: { words: text.slice(Math.max(m.sentence.start, m.start - 6), m.end + 1), unit: m.unit },
    });
  }

  // ---- Lists that do not add up to their total.
  const listed = new Set<CountFact>();
  for (const l of facts.lists) {
    if (l.total.token.approx || wrong.has(l.total) || l.items.some((i) => wrong.has(i))) continue;
    l.items.forEach((i) => listed.add(i));
    const sum = l.items.reduce((a, i) => a + i.token.value, 0);
    if (Math.abs(sum - l.total.token.value) < 1e-9) continue;
    // 其中 may name some parts only: fewer is wrong only when the list is complete (it ends with 其他…).
    if (
      sum < l.total.token.value &&
      !l.items.some((i) => /其他|其它/.test(text.slice(i.clause.start, i.token.start)))
    ) {
      continue;
    }
    verdict({
      kind: "sum",
      messageId: "list",
      start: l.total.token.start,
      end: l.total.token.end,
      sentence: l.total.sentence,
      cells: source.cell ? [source.cell] : [],
      params: {
        figure: figureOf(l.total),
        count: l.items.length,
        sum: Number(sum.toFixed(6)),
        total: l.total.token.value,
        diff: Number(Math.abs(l.total.token.value - sum).toFixed(6)),
      },
      expected: l.total.token.value,
      actual: Number(sum.toFixed(6)),
    });
    l.items.forEach((i) => wrong.add(i)); // one finding for the list
  }
  // Outcome lists that leave out a category the table has.
  if (tables.hasS3) {
    for (const sentence of facts.sentences) {
      const outcomes = facts.counts.filter(
        (f) => f.sentence === sentence && /^G/.test(resolved.get(f) ?? "") && !wrong.has(f),
      );
      if (outcomes.length < 2) continue;
      if (facts.counts.some((f) => f.sentence === sentence && wrong.has(f))) continue; // that wrong count is the cause
      const concepts = new Set(outcomes.map((f) => resolved.get(f)!));
      const covered = new Set<string>();
      for (const c of concepts) (c === "G12" ? ["G1", "G2"] : [c]).forEach((x) => covered.add(x));
      const h = tables.get("H")!;
      const sum = [...covered].reduce((a, c) => a + tables.get(c as Concept)!.value, 0);
      if (sum === h.value) continue;
      const left = ["G1", "G2", "G3", "G4", "G5", "G6"].filter(
        (c) => !covered.has(c) && tables.get(c as Concept)!.value !== 0,
      );
      if (left.length === 0) continue;
      const last = outcomes[outcomes.length - 1]!;
      verdict({
        kind: "sum",
        messageId: "omits",
        start: outcomes[0]!.token.start,
        end: last.token.end,
        sentence,
        cells: [...(source.cell ? [source.cell] : []), ...left.flatMap((c) => tables.get(c as Concept)!.cells)],
        params: {
          sum,
          handled: h.value,
          left: left.map((c) => `${CONCEPT_LABEL[c]!.zh}${tables.get(c as Concept)!.value}件`).join("、"),
          "left@en": left.map((c) => `${CONCEPT_LABEL[c]!.en} ${tables.get(c as Concept)!.value}`).join(", "),
        },
        expected: h.value,
        actual: sum,
      });
    }
  }

  // ---- Shares at the decimals written.
  const wholeOf = new Map<number, number>(); // share index -> whole
  const shareWhole: (number | undefined)[] = [];
  facts.shares.forEach((s, i) => {
    const whole = findWhole(facts, s, i, shareWhole, resolved, tables);
    shareWhole.push(whole);
    if (whole !== undefined) wholeOf.set(i, whole);
  });
  const mixedDone = new Set<Span>();
  facts.shares.forEach((s, i) => {
    const whole = shareWhole[i];
    const count = s.count;
    if (whole === undefined || whole <= 0 || !count || !Number.isSafeInteger(count.token.value)) return;
    if (s.token.decimals > MAX_DECIMALS) return;
    const stated = { text: text.slice(s.token.start, s.token.end), value: s.token.value, decimals: s.token.decimals };
    const r = checkStatedShare(count.token.value, whole, stated, options.rounding);
    if (r.ok || r.expectedUnits === null) return;
    if (lrNoted) {
      // The shares of one whole in this sentence, adjusted by largest remainder.
      const same = facts.shares
        .map((x, j) => ({ x, j }))
        .filter(
          ({ x, j }) =>
            x.sentence === s.sentence && shareWhole[j] === whole && x.count && x.token.decimals === s.token.decimals,
        );
      const counts = same.map(({ x }) => x.count!.token.value);
      const set = shareSet(counts, { decimals: s.token.decimals, rounding: "half-up", largestRemainder: true }, whole);
      const at = same.findIndex(({ j }) => j === i);
      if (at >= 0 && set.units[at] === Math.round(s.token.value * 10 ** s.token.decimals)) return;
    }
    verdict({
      kind: "share",
      messageId: "wrong",
      start: s.token.start,
      end: s.token.end,
      sentence: s.sentence,
      cells: source.cell ? [source.cell] : [],
      params: {
        figure: figureOf(count),
        count: count.token.value,
        whole,
        expected: r.expectedText,
        actual: stated.text,
      },
      expected: r.expectedText,
      actual: stated.text,
    });
  });
  for (const sentence of facts.sentences) {
    const shares = facts.shares.filter((s) => s.sentence === sentence);
    const decimals = [...new Set(shares.map((s) => s.token.decimals))];
    if (decimals.length < 2 || mixedDone.has(sentence)) continue;
    mixedDone.add(sentence);
    verdict({
      kind: "share",
      messageId: "mixed",
      severity: "warning",
      start: shares[0]!.token.start,
      end: shares[shares.length - 1]!.token.end,
      sentence,
      cells: source.cell ? [source.cell] : [],
      params: {
        list: shares.map((s) => text.slice(s.token.start, s.token.end)).join("、"),
        decimals: decimals.sort().join("、"),
        "list@en": shares.map((s) => text.slice(s.token.start, s.token.end)).join(", "),
        "decimals@en": decimals.sort().join(", "),
      },
    });
  }

  // ---- Claims (均获维持, 全部办结, 零败诉 …).
  const claimed = new Set<string>();
  for (const c of facts.claims) {
    const key = `${c.sentence.start}|${c.kind}`;
    if (claimed.has(key)) continue;
    if (c.kind === "allDone") {
      if (!context(c.sentence)) continue;
      const f = tables.get("F");
      if (!f || f.value === 0) continue;
      claimed.add(key);
      verdict({
        kind: "claim",
        messageId: "allDone",
        start: c.start,
        end: c.end,
        sentence: c.sentence,
        cells: [...(source.cell ? [source.cell] : []), ...f.cells],
        params: { claim: c.text, carryNext: f.value },
        expected: 0,
        actual: f.value,
      });
      continue;
    }
    let groups = c.groups;
    if (c.kind === "noCorrected" && groups.length === 0) groups = ["review", "suit"];
    for (const g of groups) {
      const t = tables.caseGroup(g);
      if (!t) continue;
      const bad =
        c.kind === "allUpheld"
          ? t.upheld !== t.total
          : c.kind === "allPending"
            ? t.pending !== t.total
            : c.kind === "noPending"
              ? t.pending !== 0
              : t.corrected !== 0;
      if (!bad) continue;
      claimed.add(key);
      verdict({
        kind: "claim",
        messageId: c.kind,
        start: c.start,
        end: c.end,
        sentence: c.sentence,
        cells: [...(source.cell ? [source.cell] : []), ...t.cells],
        params: {
          claim: c.text,
          group: GROUP_LABEL[g]!.zh,
          "group@en": GROUP_LABEL[g]!.en,
          total: t.total,
          upheld: t.upheld,
          corrected: t.corrected,
          other: t.other,
          pending: t.pending,
        },
      });
    }
  }

  // ---- 同比 and 较上年 against last year's report.
  if (report.prior) {
    const prior = new Tables(report.prior);
    for (const ch of facts.changes) {
      const of = ch.of;
      const concept = of ? resolved.get(of) : undefined;
      if (!of || !concept) continue;
      const last = prior.get(concept);
      if (!last || (concept.startsWith("K.") ? !prior.hasS4 : !prior.hasS3)) continue;
      const now = of.token.value;
      let expected: string;
      let actual: string;
      let ok: boolean;
      if (ch.kind === "count") {
        const diff = now - last.value;
        ok = diff === ch.sign * ch.token.value;
        expected = String(diff);
        actual = String(ch.sign * ch.token.value);
      } else {
        if (last.value <= 0 || ch.token.decimals > MAX_DECIMALS) continue;
        const diff = now - last.value;
        const u = shareUnits(Math.abs(diff), last.value, ch.token.decimals, options.rounding) ?? 0;
        const units = diff < 0 ? -u : u;
        ok = units === ch.sign * Math.round(ch.token.value * 10 ** ch.token.decimals);
        expected = formatPercent(units, ch.token.decimals);
        actual = (ch.sign < 0 ? "-" : "") + text.slice(ch.token.start, ch.token.end);
      }
      if (ok) continue;
      verdict({
        kind: "change",
        messageId: ch.kind,
        start: ch.token.start,
        end: ch.token.end,
        sentence: ch.sentence,
        cells: [...(source.cell ? [source.cell] : []), ...last.cells],
        params: { figure: figureOf(of), now, last: last.value, expected, actual },
        expected,
        actual,
      });
    }
  }

  // ---- Years.
  const year = report.meta.year?.value ?? options.year;
  if (year !== undefined) {
    for (const y of facts.years) {
      const found = y.token.value;
      const want = y.means === "next" ? year + 1 : y.means === "last" ? year - 1 : year;
      if (found === want) continue;
      if (y.means === "this" && ((y.allowsNext && found === year + 1) || (y.allowsLast && found === year - 1)))
        continue;
      verdict({
        kind: "year",
        messageId: y.means,
        severity: "warning",
        start: y.token.start,
        end: y.token.end,
        sentence: y.sentence,
        cells: source.cell ? [source.cell] : [],
        params: { found, year, want },
        expected: want,
        actual: found,
      });
    }
  }

  // ---- The fee sentence against the fee figure.
  const fee = report.meta.fee;
  if (fee && fee.value !== null && !(fee.cell && source.cell && sameCell(fee.cell, source.cell))) {
    const said = feeSentence(text);
    if (said && Math.abs(said.value - fee.value) > 1e-9) {
      const s = facts.sentences.find((x) => x.start <= said.start && said.start < x.end) ?? {
        start: 0,
        end: text.length,
      };
      verdict({
        kind: "fee",
        messageId: "differs",
        start: said.start,
        end: said.end,
        sentence: s,
        cells: [...(source.cell ? [source.cell] : []), ...(fee.cell ? [fee.cell] : [])],
        params: { said: said.text, value: said.value, fee: fee.value },
        expected: fee.value,
        actual: said.value,
      });
    }
  }
}

function sameCell(a: CellRef, b: CellRef): boolean {
  return a.sheet === b.sheet && a.row === b.row && a.col === b.col;
}

/** The 信息处理费 sentence: "收取信息处理费120元" (120), "未收取信息处理费", "未发生收费" (0); one reading, model/fee.ts. */
export function feeSentence(text: string): { value: number; text: string; start: number; end: number } | undefined {
  return feeSaid(text);
}

/** Whether a sentence (or the one before it) is about applications. */
function contextOf(facts: TextFacts): (s: Span) => boolean {
  const text = facts.source.text;
  const idx = new Map(facts.sentences.map((s, i) => [s, i]));
  return (s) => {
    if (APPLICATION_CONTEXT.test(text.slice(s.start, s.end))) return true;
    const i = idx.get(s);
    const prev = i !== undefined && i > 0 ? facts.sentences[i - 1]! : undefined;
    return !!prev && APPLICATION_CONTEXT.test(text.slice(prev.start, prev.end));
  };
}

/** The whole a share is of: the whole it names, its list's total, the whole of the share before it, or H. */
function findWhole(
  facts: TextFacts,
  s: TextFacts["shares"][number],
  i: number,
  before: (number | undefined)[],
  resolved: Map<CountFact, Concept>,
  tables: Tables,
): number | undefined {
  const text = facts.source.text;
  if (s.wholeName) {
    const name = s.wholeName.replace(/^(?:本年|全年|年度)/, "");
    const key = /办结|答复/.test(name)
      ? /办结|答复/
      : /办理|处理/.test(name)
        ? /办理|处理/
        : name.length >= 2
          ? name.slice(0, 4)
          : undefined;
    for (let k = facts.counts.length - 1; k >= 0; k--) {
      const c = facts.counts[k]!;
      if (c.token.start >= s.token.start || c.token.approx) continue;
      const lead = text.slice(c.clause.start, c.token.start);
      if (key && (typeof key === "string" ? lead.includes(key) : key.test(lead))) return c.token.value;
    }
    if (/办结|答复|办理/.test(name)) return tables.get("H")?.value;
    return undefined;
  }
  const count = s.count;
  if (count?.listTotal) return count.listTotal.token.value;
  if (i > 0 && facts.shares[i - 1]!.sentence === s.sentence && before[i - 1] !== undefined) return before[i - 1];
  const concept = count ? resolved.get(count) : undefined;
  if (concept && /^G/.test(concept)) {
    for (let k = facts.counts.length - 1; k >= 0; k--) {
      const c = facts.counts[k]!;
      if (c.token.start < s.token.start && resolved.get(c) === "H") return c.token.value;
    }
    return tables.get("H")?.value;
  }
  return undefined;
}

/** Where the figure sits in the text, for messages: the sentence with the figure in 【】. */
export function markedSentence(v: Pick<TextVerdict, "source" | "start" | "end" | "sentence">): string {
  const t = v.source.text;
  return `${t.slice(v.sentence.start, v.start)}【${t.slice(v.start, v.end)}】${t.slice(v.end, v.sentence.end)}`.trim();
}
