/**
 * Fact extraction: split a text into sentences and clauses, read its numbers, and tie each figure to the
 * nearest phrase before it in its clause (else the nearest after it: "75件结转下年答复"), with the scope
 * words that change its meaning (含上年结转, 其中). Figures that are not counts (years, dates, document and
 * article numbers, list numbering, phone numbers, rates of other things) are left out.
 */
import type { ProseText } from "../model/report";
import { scanNumbers, type NumberToken } from "./numbers";
import { CLAIMS, COUNT_UNITS, INCLUDES_CARRIED, PHRASES, type Concept, type PhraseDef } from "./phrases";

/** A text checked against the tables: a cell of the workbook, or a paragraph of a file given to the CLI. */
export type TextSource = ProseText;

export interface Span {
  start: number;
  end: number;
}

export interface PhraseHit extends Span {
  def: PhraseDef;
  /** For case results: the case group named last before it in the sentence. */
  group?: string;
}

export interface CountFact {
  token: NumberToken;
  sentence: Span;
  clause: Span;
  phrase?: PhraseHit;
  /** What the figure may be, preferred first; empty when the phrase names nothing in the tables. */
  readings: Concept[];
  /** The sentence says the figure includes 上年结转 ("（含上年结转9件）" right after it). */
  includesCarried: boolean;
  /** A 受理-type phrase (N, or N + C only when the sentence says so). */
  received: boolean;
  /** The total a 其中 list breaks down, for its items. */
  listTotal?: CountFact;
  /** Shares of a list reuse the whole of the list. */
  paren: number;
}

export interface ShareFact {
  token: NumberToken;
  sentence: Span;
  /** The count it is the share of (the nearest count before it in the sentence). */
  count?: CountFact;
  /** "占办结总数的" -> "办结". */
  wholeName?: string;
}

export interface ChangeFact {
  token: NumberToken;
  sentence: Span;
  /** Of the nearest count before it in the sentence. */
  of?: CountFact;
  kind: "percent" | "count";
  sign: 1 | -1;
}

export interface ClaimFact extends Span {
  kind: (typeof CLAIMS)[number]["kind"];
  sentence: Span;
  /** Case groups named in the same part of the sentence (up to ；) before the claim. */
  groups: string[];
  text: string;
}

export interface YearFact {
  token: NumberToken;
  sentence: Span;
  /** What the sentence says about the year: this year (at the start of a sentence), next year (结转至), last year (含…转至今年). */
  means: "this" | "next" | "last";
  /** Words that allow a neighbouring year (将, 上年 …). */
  allowsNext: boolean;
  allowsLast: boolean;
}

export interface ListFact {
  total: CountFact;
  items: CountFact[];
  /** Offsets of the list (from 其中 to its end). */
  span: Span;
}

export interface MissingCount extends Span {
  sentence: Span;
  unit: string;
}

export interface TextFacts {
  source: TextSource;
  counts: CountFact[];
  shares: ShareFact[];
  changes: ChangeFact[];
  claims: ClaimFact[];
  years: YearFact[];
  lists: ListFact[];
  missing: MissingCount[];
  sentences: Span[];
}

const SENTENCE_END = /[。！？!?\n\r]/g;
const CLAUSE_END = /[，,；;：:（）()【】。！？!?\n\r]/;
const OPEN = /[（(]/;
const CLOSE = /[）)]/;

export function splitSentences(text: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  SENTENCE_END.lastIndex = 0;
  for (let m = SENTENCE_END.exec(text); m; m = SENTENCE_END.exec(text)) {
    out.push({ start, end: m.index + 1 });
    start = m.index + 1;
  }
  if (start < text.length) out.push({ start, end: text.length });
  return out.filter((s) => text.slice(s.start, s.end).trim().length > 0);
}

function clauseAround(text: string, sentence: Span, at: number, endAt: number): Span {
  let s = at;
  while (s > sentence.start && !CLAUSE_END.test(text[s - 1]!)) s--;
  let e = endAt;
  while (e < sentence.end && !CLAUSE_END.test(text[e]!)) e++;
  return { start: s, end: e };
}

/**
 * Every phrase in one regular expression (an alternative per phrase, in PHRASES order): a scan finds the
 * leftmost phrase, the earlier-listed (longer) one where two start together, and never overlaps.
 */
const ALL_PHRASES = new RegExp(PHRASES.map((p) => `(${p.re.source})`).join("|"), "g");

/** Phrase hits of a sentence, left to right. */
function phraseHits(text: string, sentence: Span): PhraseHit[] {
  const out: PhraseHit[] = [];
  ALL_PHRASES.lastIndex = sentence.start;
  let group: string | undefined;
  for (let m = ALL_PHRASES.exec(text); m && m.index < sentence.end; m = ALL_PHRASES.exec(text)) {
    const end = m.index + m[0].length;
    if (end > sentence.end) break;
    let k = 1;
    while (m[k] === undefined) k++;
    const def = PHRASES[k - 1]!;
    const h: PhraseHit = { start: m.index, end, def };
    if (def.readings === "caseGroup") group = def.key;
    else if (def.readings === "caseResult" && group) h.group = group;
    out.push(h);
  }
  return out;
}

/** A figure that is not a count: a year, a date, an ordinal, a document number, a phone number, numbering. */
function notACount(text: string, t: NumberToken): boolean {
  if (t.percent) return true;
  const before = text.slice(Math.max(0, t.start - 2), t.start);
  const after = text[t.end] ?? "";
  if (/第$/.test(before) || /[〔[【]$/.test(before) || /^[〕\]】]/.test(after)) return true;
  if (/[-－—_/.．]$/.test(before) || /^[-－_/]/.test(after)) return true; // phone numbers, dates, codes, "1.加强"
  if (/^[、.．)）]/.test(after) && !t.unit) return true; // list numbering "1、" "（1）"
  if (/[（(]$/.test(before) && /^[)）]/.test(after)) return true;
  if (["年", "月", "日", "号", "层", "分钟", "小时", "天", "个百分点"].includes(t.unit)) return true;
  if (!t.unit && t.chinese) return true; // 二十大, 一是, 三审三校
  if (/[A-Za-z@]$/.test(before) || /^[A-Za-z@]/.test(after)) return true; // H5, www…, e-mail
  return false;
}

export function extractFacts(source: TextSource): TextFacts {
  const text = source.text;
  const out: TextFacts = {
    source,
    counts: [],
    shares: [],
    changes: [],
    claims: [],
    years: [],
    lists: [],
    missing: [],
    sentences: [],
  };
  // Cheap exit: no digit, no numeral, no claim word.
  if (!/[0-9０-９零〇一二两三四五六七八九十百千万均全零未无]/.test(text)) return out;
  const tokens = scanNumbers(text);
  const sentences = splitSentences(text);
  out.sentences = sentences;
  let ti = 0;
  let prevSentenceFirst: CountFact | undefined;
  for (const sentence of sentences) {
    const toks: NumberToken[] = [];
    while (ti < tokens.length && tokens[ti]!.start < sentence.end) {
      if (tokens[ti]!.start >= sentence.start) toks.push(tokens[ti]!);
      ti++;
    }
    const sText = text.slice(sentence.start, sentence.end);
    const hasClaimWord = /[均全零未无]/.test(sText);
    if (toks.length === 0 && !hasClaimWord) continue;
    const hits = toks.length > 0 || hasClaimWord ? phraseHits(text, sentence) : [];
    const sentenceCounts: CountFact[] = [];
    // Bracket depth at each token (tokens come in order: one pass).
    let depthPos = sentence.start;
    let depth = 0;
    const depthAt = (pos: number): number => {
      for (; depthPos < pos; depthPos++) {
        const c = text[depthPos]!;
        if (c === "（" || c === "(") depth++;
        else if ((c === "）" || c === ")") && depth > 0) depth--;
      }
      return depth;
    };
    for (let k = 0; k < toks.length; k++) {
      const t = toks[k]!;
      // Years: "2023年，…" at the start of a sentence means this year.
      if (t.unit === "年" && !t.chinese && t.value >= 1990 && t.value <= 2099 && t.decimals === 0) {
        addYear(out, text, sentence, t);
        continue;
      }
      if (t.percent) {
        addPercent(out, text, sentence, t, sentenceCounts);
        continue;
      }
      if (notACount(text, t)) continue;
      const bare = !t.unit;
      if (!bare && !COUNT_UNITS.has(t.unit) && t.unit !== "元" && t.unit !== "万元") continue;
      // Changes: 比上年增加45条, 较上年减少3件.
      const lead = text.slice(Math.max(sentence.start, t.start - 8), t.start);
      const change = /(?:比|较|同比)(?:上年|去年|上一年度?)?(?:增加|增长|多|减少|下降|少|回落)了?$/.exec(lead);
      if (change) {
        const of = sentenceCounts[sentenceCounts.length - 1];
        const down = /减少|下降|少|回落/.test(change[0]);
        out.changes.push({ token: t, sentence, kind: "count", sign: down ? -1 : 1, ...(of ? { of } : {}) });
        continue;
      }
      const clause = clauseAround(text, sentence, t.start, t.unitEnd);
      const phrase = nearestPhrase(hits, toks, k, clause, t);
      // A bare figure counts only right after its phrase ("部分公开67").
      if (bare && (!phrase || phrase.end !== t.start)) continue;
      if (bare && t.chinese) continue;
      const fact: CountFact = {
        token: t,
        sentence,
        clause,
        readings: phrase ? readingsOf(phrase) : [],
        includesCarried: false,
        received: !!phrase?.def.received,
        paren: depthAt(t.start),
      };
      if (phrase) fact.phrase = phrase;
      // "X件（含上年结转Z件）", "X件，包括上年结转Z件": the scope belongs to X.
      const after = text.slice(t.unitEnd, Math.min(sentence.end, t.unitEnd + 24));
      if (INCLUDES_CARRIED.test(after.slice(0, after.search(/[。；]|$/)))) {
        const m = INCLUDES_CARRIED.exec(after)!;
        const between = after.slice(0, m.index);
        if (!/[0-9０-９]/.test(between)) fact.includesCarried = true;
      }
      out.counts.push(fact);
      sentenceCounts.push(fact);
    }
    findLists(out, text, sentence, sentenceCounts, prevSentenceFirst);
    // "X件（其中本年新收…，上年结转Z件）", "X件（含上年结转Z件）": X includes last year's applications.
    for (const c of sentenceCounts) {
      if (!c.readings.includes("C")) continue;
      const total =
        c.listTotal ?? [...sentenceCounts].reverse().find((x) => x.token.start < c.token.start && x.paren < c.paren);
      if (total) total.includesCarried = true;
    }
    if (hasClaimWord) findClaims(out, text, sentence, hits);
    findMissing(out, text, sentence);
    const first = sentenceCounts.find((c) => !c.token.approx);
    prevSentenceFirst = first;
  }
  return out;
}

function readingsOf(h: PhraseHit): Concept[] {
  const r = h.def.readings;
  if (r === "caseGroup") return [`K.${h.def.key}.total` as Concept];
  if (r === "caseResult") return h.group ? [`K.${h.group}.${h.def.key}` as Concept] : [];
  return r;
}

/** The phrase closest before the figure in its clause (no other figure between), else the first after it. */
function nearestPhrase(
  hits: PhraseHit[],
  toks: NumberToken[],
  k: number,
  clause: Span,
  t: NumberToken,
): PhraseHit | undefined {
  const prevEnd = Math.max(clause.start, k > 0 ? toks[k - 1]!.unitEnd : clause.start);
  const nextStart = Math.min(clause.end, k + 1 < toks.length ? toks[k + 1]!.start : clause.end);
  let before: PhraseHit | undefined;
  for (const h of hits) {
    if (h.start >= prevEnd && h.end <= t.start) before = h;
  }
  if (before) return before;
  for (const h of hits) {
    if (h.start >= t.unitEnd && h.end <= nextStart) return h;
  }
  return undefined;
}

function addYear(out: TextFacts, text: string, sentence: Span, t: NumberToken): void {
  const lead = text.slice(sentence.start, t.start);
  const tail = text.slice(t.unitEnd, t.unitEnd + 6);
  const sText = text.slice(sentence.start, sentence.end);
  const inQuote = /《[^》]*$/.test(text.slice(Math.max(0, t.start - 60), t.start));
  if (inQuote) return;
  // "2023年1月1日": a date; only the statistics period dates matter (copied-forward reports keep them).
  const isDate = /^[0-9０-９]{1,2}月/.test(tail) || /^度?[0-9０-９]{1,2}月/.test(tail);
  const before = text.slice(Math.max(sentence.start, t.start - 8), t.start);
  let means: YearFact["means"] | undefined;
  if (/(?:结转|顺延|转)(?:至|到)$/.test(before)) means = "next";
  else if (/含$|包含$|包括$/.test(before) && /^转至/.test(tail)) means = "last";
  else if (isDate) {
    if (/统计(?:期限|时限|区间|时间)/.test(sText)) means = "this";
  } else if (
    /^[\s（(一二三四五六七八九十0-9、.．)）]*(?:[^，。]{0,12}方面[。，])?$/.test(lead) &&
    /^度?[，,全共本我]/.test(tail)
  ) {
    means = "this";
  }
  if (!means) return;
  out.years.push({
    token: t,
    sentence,
    means,
    allowsNext: /将|计划|拟|下一步|明年|下一年|继续|加以改进|改进措施/.test(sText),
    allowsLast: /上年|去年|上一年|较|同比|相比/.test(sText),
  });
}

function addPercent(out: TextFacts, text: string, sentence: Span, t: NumberToken, counts: CountFact[]): void {
  const lead = text.slice(Math.max(sentence.start, t.start - 16), t.start);
  const of = counts[counts.length - 1];
  const change = /(?:同比|比上年|较上年|与上年相比)?(增长|增加|上升|提高|下降|减少|回落|降低)了?$/.exec(lead);
  if (change && /同比|上年|去年/.test(lead)) {
    out.changes.push({
      token: t,
      sentence,
      kind: "percent",
      sign: /下降|减少|回落|降低/.test(change[1]!) ? -1 : 1,
      ...(of ? { of } : {}),
    });
    return;
  }
  // Rates of other things (满意率, 完成率, 办结率, 公开率) are not shares of a count of the text.
  if (/率(?:为|达|达到)?$/.test(lead)) return;
  const share = /占(?:比)?(?:([^，。；%％]{1,12}?)的?(?:比例|比重)?)?(?:为|达)?$|[（(]$|占比(?:为)?$/.exec(lead);
  if (!share) return;
  const whole = share[1] ? share[1].replace(/的$/, "").replace(/(?:总数|总量|总件数|总和|合计)$/, "") : undefined;
  out.shares.push({ token: t, sentence, ...(of ? { count: of } : {}), ...(whole ? { wholeName: whole } : {}) });
}

/** 其中-lists: the items (same unit, same bracket depth) of the total they break down. */
function findLists(
  out: TextFacts,
  text: string,
  sentence: Span,
  counts: CountFact[],
  prevFirst: CountFact | undefined,
): void {
  const s = text.slice(sentence.start, sentence.end);
  const inLists = new Set<CountFact>();
  for (const m of s.matchAll(/其中/g)) {
    const at = sentence.start + m.index!;
    const openBefore = OPEN.test(text[at - 1] ?? "");
    // The list ends at the next 其中, a ；, the end of the sentence, or the bracket it opened in.
    let end = at + 2;
    let depth = 0;
    for (; end < sentence.end; end++) {
      const c = text[end]!;
      if (OPEN.test(c)) depth++;
      else if (CLOSE.test(c)) {
        if (depth === 0) break;
        depth--;
      } else if (depth === 0 && (c === "；" || c === ";" || text.startsWith("其中", end))) break;
    }
    const startDepth = counts.find((c) => c.token.start > at)?.paren;
    const items = counts.filter(
      (c) =>
        c.token.start > at &&
        c.token.start < end &&
        !c.token.approx &&
        (startDepth === undefined || c.paren === startDepth),
    );
    const before = counts.filter((c) => c.token.start < at && !c.token.approx && !inLists.has(c));
    let total = before[before.length - 1];
    if (!total && at - sentence.start <= 1 && prevFirst) total = prevFirst;
    if (!total) continue;
    if (openBefore && total.paren !== (items[0]?.paren ?? 0) - 1) {
      // "X条（其中…）": the bracket opens right before 其中.
    }
    const sameUnit = items.filter(
      (c) => c.token.unit === total.token.unit || (!c.token.unit && total.token.unit === "件"),
    );
    for (const c of items) {
      c.listTotal = total;
      inLists.add(c);
    }
    if (sameUnit.length < 2 || sameUnit.length !== items.length) continue;
    out.lists.push({ total, items: sameUnit, span: { start: at, end } });
  }
}

function findClaims(out: TextFacts, text: string, sentence: Span, hits: PhraseHit[]): void {
  const s = text.slice(sentence.start, sentence.end);
  for (const def of CLAIMS) {
    def.re.lastIndex = 0;
    for (const m of s.matchAll(def.re)) {
      const start = sentence.start + m.index!;
      // The part of the sentence the claim speaks for: back to the last ；.
      const segStart = Math.max(sentence.start, text.lastIndexOf("；", start) + 1, text.lastIndexOf(";", start) + 1);
      // After a 其中 the claim speaks for the part named after it ("诉讼3件，其中直接起诉2件，均尚未审结").
      const qi = text.lastIndexOf("其中", start);
      const from = qi >= segStart ? qi : segStart;
      const groups = [
        ...new Set(
          hits
            .filter((h) => h.def.readings === "caseGroup" && h.start >= from && h.end <= start)
            .map((h) => h.def.key!),
        ),
      ];
      out.claims.push({ kind: def.kind, start, end: start + m[0].length, sentence, groups, text: m[0] });
    }
  }
}

/** "全年公开核准企业资质条、施工许可证76条": an item of a list of counts whose figure is missing. */
function findMissing(out: TextFacts, text: string, sentence: Span): void {
  const s = text.slice(sentence.start, sentence.end);
  for (const m of s.matchAll(/([\u4e00-\u9fa5])(条|件)(?=[、，；])/g)) {
    if (/[零〇一二两三四五六七八九十百千万余多每逐各本该此某首整]/.test(m[1]!)) continue;
    const at = m.index! + 1;
    const next = s.slice(at + 2).split(/[、，；。]/)[0] ?? "";
    const prevItem =
      s
        .slice(0, at)
        .split(/[、，；。]/)
        .pop() ?? "";
    if (!new RegExp(`[0-9０-９]+${m[2]}$`).test(next)) continue;
    if (/[0-9０-９]/.test(prevItem)) continue;
    out.missing.push({ start: sentence.start + at, end: sentence.start + at + 1, sentence, unit: m[2]! });
  }
}
