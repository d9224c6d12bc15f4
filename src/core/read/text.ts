/**
 * Label normalisation: the reader compares labels after removing everything that published copies
 * change without meaning to (spaces, bracket width, numbering style, Traditional characters, known
 * typos) and remembers what it removed, so that a check can report the deviation.
 */
import type { LabelDeviation } from "../model/report";

// Traditional -> Simplified for the characters that occur in the report's labels, headings and metadata.
// prettier-ignore
const TRAD = "開請數結轉處國機關訊資審維訴複議總計現項規範許強費單業構會務權協檢與為無類過執檔詢補後內確認獲繳納製廢當層級" +
  "復續繼辦況經糾訟罰織組條發額萬購採護屬於穩險舉報訪沒圍據區縣鎮專員號統並個這對從來時長稱將實設應價態動劃預績環藥療衛點" +
  "領財徵稅營義傳達電話網頁覽讀問題進見邊嚴歸錄證擔負責歷曆輸種門體產間團華齊產筆張們議論陳職權圖書館館車島雙決準則質優麼戶勞帶廳鄉黨衆眾億視訂誤";
// prettier-ignore
const SIMP = "开请数结转处国机关讯资审维诉复议总计现项规范许强费单业构会务权协检与为无类过执档询补后内确认获缴纳制废当层级" +
  "复续继办况经纠讼罚织组条发额万购采护属于稳险举报访没围据区县镇专员号统并个这对从来时长称将实设应价态动划预绩环药疗卫点" +
  "领财征税营义传达电话网页览读问题进见边严归录证担负责历历输种门体产间团华齐产笔张们议论陈职权图书馆馆车岛双决准则质优么户劳带厅乡党众众亿视订误";

const TRAD_MAP = new Map<string, string>();
for (let i = 0; i < TRAD.length; i++) TRAD_MAP.set(TRAD[i]!, SIMP[i]!);
const TRAD_RE = new RegExp(`[${[...TRAD_MAP.keys()].join("")}]`, "g");

export function toSimplified(s: string): string {
  return s.replace(TRAD_RE, (c) => TRAD_MAP.get(c) ?? c);
}

/** Whitespace of every kind, including zero-width characters and control characters. */
// Also the invisible format characters (soft hyphen, bidi marks and overrides, word joiners) that a label
// copied from a web page or a PDF may carry.
const SPACE_RE =
  // eslint-disable-next-line no-control-regex -- control characters are exactly what this strips
  /[\s\u0000-\u001f\u007f\u00a0\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u3000]+/g;

export function stripSpaces(s: string): string {
  return s.replace(SPACE_RE, "");
}

/**
 * Known typos and wording variants, applied to the normalised core (after NFKC, brackets unified). Every entry has a
 * label in text.test.ts that needs it (the test fails for an entry without one): add the case with the entry.
 */
export const REPLACEMENTS: readonly [string, string, LabelDeviation][] = [
  ["行政止公开", "行政法规禁止公开", "typo"],
  ["部份公开", "部分公开", "typo"],
  ["结转下一年度", "结转下年度", "variant"],
  ["结转至下年度", "结转下年度", "variant"],
  ["上年度结转", "上年结转", "variant"],
  ["本年度新收", "本年新收", "variant"],
  ["其它", "其他", "variant"],
];
/** Parent headers that a pasted table may print in the same cell as the sub-header below them. */
export const PARENT_PREFIXES: readonly string[] = ["法人或其他组织"];

/** Whole-label variants. */
export const EXACT_VARIANTS: Readonly<Record<string, string>> = {
  本年增减: "本年增/减",
  "本年增(减)": "本年增/减",
};

export interface Numbering {
  kind: "cn" | "paren-cn" | "arabic" | "paren-arabic";
  n: number;
  /** The separator or brackets as typed ("、", ".", "．", "（）", "()"). */
  raw: string;
}

export interface NormLabel {
  raw: string;
  /** Fully normalised label text without its numbering; the lookup key. */
  core: string;
  /** The core with parenthesised parts removed, when different ("部分公开" for （二）部分公开（区分…）). */
  alias?: string;
  numbering?: Numbering;
  /** Punctuation of the core as typed (after whitespace removal), for bracket-width comparison. */
  punct: string;
  /** Deviations found by normalising alone (whitespace, traditional, typo, variant). */
  flags: LabelDeviation[];
}

const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };
function cnNumber(s: string): number {
  if (s.length === 1) return CN_DIGITS[s] ?? 0;
  if (s.length === 2 && s[0] === "十") return 10 + (CN_DIGITS[s[1]!] ?? 0);
  if (s.length === 2 && s[1] === "十") return (CN_DIGITS[s[0]!] ?? 0) * 10;
  if (s.length === 3 && s[1] === "十") return (CN_DIGITS[s[0]!] ?? 0) * 10 + (CN_DIGITS[s[2]!] ?? 0);
  return 0;
}
function arabic(s: string): number {
  return Number(s.normalize("NFKC"));
}

const NUM_PATTERNS: { re: RegExp; kind: Numbering["kind"] }[] = [
  { re: /^([（(])([一二三四五六七八九十]{1,3})([）)])[、.．,，]?/, kind: "paren-cn" },
  { re: /^([一二三四五六七八九十]{1,3})([、.．,，])/, kind: "cn" },
  { re: /^([（(])([0-9０-９]{1,2})([）)])[、.．,，]?/, kind: "paren-arabic" },
  { re: /^([0-9０-９]{1,2})([、.．,，](?![0-9０-９]))/, kind: "arabic" },
];

const PUNCT_RE = /[()（）[\]【】［］“”‘’"'「」『』,，:：;；、.．/／%％]/g;
const QUOTES_RE = /[“”‘’"'「」『』]/g;

/** NFKC plus the unifications that NFKC leaves: quotes dropped, 、 and ， as ",", 【】[] as (). */
function unifyCore(s: string): string {
  return s
    .normalize("NFKC")
    .replace(QUOTES_RE, "")
    .replace(/[【[]/g, "(")
    .replace(/[】\]]/g, ")")
    .replace(/[、,]/g, ",")
    .replace(/[．。]$/, "")
    .replace(/:$/, "");
}

// The characters of every label the reader looks up, as a bitmap over the BMP. A cell with a CJK
// character outside this set cannot be a label, so long sheets of unrelated text skip normalisation.
const ALPHABET = new Uint8Array(0x10000);
function addChars(s: string): void {
  for (let i = 0; i < s.length; i++) ALPHABET[s.charCodeAt(i)] = 1;
}
addChars(TRAD + "一二三四五六七八九十");
for (const [from] of REPLACEMENTS) addChars(from);

/** Register labels the reader will look up (their characters). */
export function registerVocabulary(labels: Iterable<string>): void {
  for (const l of labels) addChars(l);
}

/** Whether a text can be a label: short, with at least one CJK character, all of them in the vocabulary. */
export function maybeLabel(s: string): boolean {
  if (s.length > 300) return false;
  let cjk = false;
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (code < 0x3400 || (code > 0x9fff && (code < 0xf900 || code > 0xfaff))) continue;
    if (ALPHABET[code] === 0) return false;
    cjk = true;
  }
  return cjk;
}

const cache = new Map<string, NormLabel>();

/** Normalise a label. Inputs longer than 120 characters after whitespace removal are not labels: null. */
export function normLabel(raw: string): NormLabel | null {
  const hit = cache.get(raw);
  if (hit) return hit;
  const flags: LabelDeviation[] = [];
  let s = stripSpaces(raw);
  if (s.length === 0 || s.length > 120) return null;
  if (s !== raw) flags.push("whitespace");
  const simp = toSimplified(s);
  if (simp !== s) flags.push("traditional");
  s = simp;
  let numbering: Numbering | undefined;
  for (const p of NUM_PATTERNS) {
    const m = p.re.exec(s);
    if (!m) continue;
    if (p.kind === "paren-cn" || p.kind === "paren-arabic") {
      numbering = { kind: p.kind, n: p.kind === "paren-cn" ? cnNumber(m[2]!) : arabic(m[2]!), raw: m[1]! + m[3]! };
    } else {
      numbering = { kind: p.kind, n: p.kind === "cn" ? cnNumber(m[1]!) : arabic(m[1]!), raw: m[2]! };
    }
    s = s.slice(m[0].length).replace(/^[、.．,，:：]+/, "");
    break;
  }
  const punct = (s.match(PUNCT_RE) ?? []).join("");
  let core = unifyCore(s);
  for (const [from, to, kind] of REPLACEMENTS) {
    if (core.includes(from)) {
      core = core.split(from).join(to);
      if (!flags.includes(kind)) flags.push(kind);
    }
  }
  // A header printed with its parent in one cell ("法人或其他组织\n商业企业"): the sub-header is the label.
  for (const parent of PARENT_PREFIXES) {
    if (core.length > parent.length && core.startsWith(parent)) core = core.slice(parent.length);
  }
  const exact = EXACT_VARIANTS[core];
  if (exact !== undefined) {
    core = exact;
    if (!flags.includes("variant")) flags.push("variant");
  }
  if (core.length === 0 && !numbering) return null;
  const alias = core.replace(/\([^()]*\)/g, "");
  const out: NormLabel = { raw, core, punct, flags };
  if (alias !== core && alias.length > 0) out.alias = alias;
  if (numbering) out.numbering = numbering;
  if (cache.size > 50000) cache.clear();
  cache.set(raw, out);
  return out;
}

function widthOf(s: string): string {
  return s.normalize("NFKC").replace(QUOTES_RE, '"');
}

/**
 * The deviations of a found label from the expected one, given that they matched (by core, or by
 * alias when `viaAlias`).
 */
export function deviations(found: NormLabel, expected: NormLabel, viaAlias = false): LabelDeviation[] {
  const out = new Set<LabelDeviation>(found.flags);
  const e = expected.numbering;
  const f = found.numbering;
  if (e || f) {
    if (!e || !f || e.kind !== f.kind || e.n !== f.n) out.add("numbering");
    else if (e.raw !== f.raw) out.add(widthOf(e.raw) === widthOf(f.raw) ? "brackets" : "numbering");
  }
  if (viaAlias && found.core !== expected.core) out.add("variant");
  else if (found.punct !== expected.punct) {
    out.add(widthOf(found.punct) === widthOf(expected.punct) ? "brackets" : "variant");
  }
  const order: LabelDeviation[] = ["numbering", "brackets", "whitespace", "traditional", "typo", "variant"];
  return order.filter((d) => out.has(d));
}

/** Normalised text for free-text searches (titles, paragraphs): no spaces, Simplified, NFKC. */
export function normText(raw: string): string {
  return toSimplified(stripSpaces(raw)).normalize("NFKC");
}
