/**
 * Reading the numbers of Chinese prose: Arabic and full-width digits (with thousands separators and
 * decimals), Chinese numerals (两, 〇, 零, 十/百/千/万/亿, 二〇二三), percentages (51.85%, 百分之五),
 * approximations (14万余, 近3000, 1000余). Offsets are those of the text as given (no normalisation that
 * changes lengths), so a finding can mark the figure in its sentence.
 */

export interface NumberToken {
  /** Offsets in the text: text.slice(start, end) is the figure as written (with its % sign, without its unit). */
  start: number;
  end: number;
  /** The value (in percent for a percentage). */
  value: number;
  /** Decimals written (a percentage or a decimal number); 0 for Chinese numerals. */
  decimals: number;
  percent: boolean;
  /** Written in Chinese numerals ("七", "一百零五", "百分之五"). */
  chinese: boolean;
  /** 近/约/逾/超过 before, 余/多 after: not an exact count. */
  approx: boolean;
  /** The unit right after the figure (件, 条, 年, 元, 万元 …), "" when none; unitEnd is where it ends. */
  unit: string;
  unitEnd: number;
}

const CN_DIGIT: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const CN_UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const CN_BIG: Record<string, number> = { 万: 10_000, 亿: 100_000_000 };
const CN_CHARS = "零〇一二两三四五六七八九十百千万亿";

/**
 * A Chinese numeral as a whole number: "一百零五" 105, "两千零五" 2005, "十四万" 140000, "二〇二三" 2023
 * (a digit string), "十" 10. null when the string is not a well-formed numeral.
 */
export function parseChineseInt(s: string): number | null {
  if (s.length === 0) return null;
  // A plain digit string (years, codes): every character a digit, no units.
  if ([...s].every((c) => c in CN_DIGIT)) {
    if (s.length === 1) return CN_DIGIT[s]!;
    if (s.includes("两")) return null;
    return Number([...s].map((c) => CN_DIGIT[c]).join(""));
  }
  let total = 0; // completed 亿/万 sections
  let section = 0; // the figure below the current 万
  let digit: number | null = null; // a digit waiting for its unit
  let lastUnit = Infinity; // units inside a section must decrease (千 > 百 > 十)
  let lastBig = Infinity;
  for (const c of s) {
    const d = CN_DIGIT[c];
    if (d !== undefined) {
      if (digit !== null && digit !== 0 && d !== 0) return null; // "二三" is not a numeral
      digit = d;
    } else if (c in CN_UNIT) {
      const u = CN_UNIT[c]!;
      if (u >= lastUnit) return null;
      // "十五", "一百零十": 十 without its digit means 一十; the other units need theirs.
      const k = digit === null || digit === 0 ? (u === 10 ? 1 : null) : digit;
      if (k === null) return null;
      section += k * u;
      lastUnit = u;
      digit = null;
    } else {
      const b = CN_BIG[c];
      if (b === undefined || b >= lastBig) return null;
      const sec = section + (digit ?? 0);
      if (sec === 0) return null;
      total += sec * b;
      section = 0;
      digit = null;
      lastUnit = Infinity;
      lastBig = b;
    }
  }
  return total + section + (digit ?? 0);
}

const FW_DIGIT = /[０-９]/;
function asciiDigit(c: string): string {
  return FW_DIGIT.test(c) ? String.fromCharCode(c.charCodeAt(0) - 0xfee0) : c;
}
function isDigit(c: string | undefined): boolean {
  return c !== undefined && ((c >= "0" && c <= "9") || (c >= "０" && c <= "９"));
}

/** Units a figure may carry, longest first (万元 before 万, 人次 before 人). */
const UNITS = [
  "万元",
  "人次",
  "个百分点",
  "分钟",
  "小时",
  "件",
  "条",
  "个",
  "项",
  "篇",
  "期",
  "次",
  "家",
  "人",
  "名",
  "起",
  "元",
  "份",
  "场",
  "批",
  "天",
  "日",
  "月",
  "年",
  "号",
  "层",
  "通",
  "类",
  "所",
  "户",
  "余",
  "多",
];

const APPROX_BEFORE = /(?:近|约|逾|超过|超|将近|大约)$/;

const NUMBER_START = /[0-9０-９零〇一二两三四五六七八九十百千万亿]/g;

/** Every number in the text, in order. */
export function scanNumbers(text: string): NumberToken[] {
  const out: NumberToken[] = [];
  NUMBER_START.lastIndex = 0;
  for (let m = NUMBER_START.exec(text); m; m = NUMBER_START.exec(text)) {
    const i = m.index;
    const c = m[0];
    let tok: NumberToken | null;
    if (isDigit(c)) tok = readArabic(text, i);
    else if (c === "百" && text.startsWith("百分之", i)) tok = readPercentWords(text, i);
    else tok = readChinese(text, i);
    if (tok) {
      finish(text, tok);
      out.push(tok);
      NUMBER_START.lastIndex = Math.max(tok.end, i + 1);
    }
  }
  return out;
}

function readArabic(text: string, start: number): NumberToken {
  let i = start;
  let digits = "";
  while (isDigit(text[i])) digits += asciiDigit(text[i++]!);
  // Thousands separators: ",234" groups (ASCII comma, or the full-width one when three digits and no fourth follow).
  while ((text[i] === "," || text[i] === "，") && /^[0-9０-９]{3}(?![0-9０-９])/.test(text.slice(i + 1, i + 5))) {
    if (text[i] === "，" && digits.length > 3) break;
    for (let k = 1; k <= 3; k++) digits += asciiDigit(text[i + k]!);
    i += 4;
  }
  let decimals = 0;
  if ((text[i] === "." || text[i] === "．") && isDigit(text[i + 1])) {
    let frac = "";
    i++;
    while (isDigit(text[i])) frac += asciiDigit(text[i++]!);
    digits += "." + frac;
    decimals = frac.length;
  }
  let value = Number(digits);
  let percent = false;
  let end = i;
  if (text[i] === "%" || text[i] === "％") {
    percent = true;
    end = i + 1;
  } else if (text[i] === "万" && text[i + 1] !== "元") {
    value = Math.round(value * 10_000);
    end = i + 1;
  } else if (text[i] === "亿") {
    value = Math.round(value * 100_000_000);
    end = i + 1;
  }
  return { start, end, value, decimals, percent, chinese: false, approx: false, unit: "", unitEnd: end };
}

function readChinese(text: string, start: number): NumberToken | null {
  let i = start;
  while (i < text.length && CN_CHARS.includes(text[i]!)) i++;
  // Trim trailing characters until the run parses ("三十五万" parses whole; "一万余" stops before 余).
  for (let end = i; end > start; end--) {
    const v = parseChineseInt(text.slice(start, end));
    if (v !== null) {
      return {
        start,
        end,
        value: v,
        decimals: 0,
        percent: false,
        chinese: true,
        approx: false,
        unit: "",
        unitEnd: end,
      };
    }
  }
  return null;
}

function readPercentWords(text: string, start: number): NumberToken | null {
  const from = start + 3;
  let inner: NumberToken | null = null;
  if (isDigit(text[from])) inner = readArabic(text, from);
  else if (CN_CHARS.includes(text[from] ?? "")) inner = readChineseDecimal(text, from);
  if (!inner || inner.percent) return null;
  return { ...inner, start, percent: true, chinese: inner.chinese };
}

/** "五点二" -> 5.2 (after 百分之). */
function readChineseDecimal(text: string, start: number): NumberToken | null {
  const whole = readChinese(text, start);
  if (!whole) return null;
  if (text[whole.end] !== "点") return whole;
  let i = whole.end + 1;
  let frac = "";
  while (i < text.length && text[i]! in CN_DIGIT && text[i] !== "两") frac += String(CN_DIGIT[text[i++]!]);
  if (!frac) return whole;
  return { ...whole, end: i, value: Number(`${whole.value}.${frac}`), decimals: frac.length };
}

function finish(text: string, tok: NumberToken): void {
  if (APPROX_BEFORE.test(text.slice(Math.max(0, tok.start - 3), tok.start))) tok.approx = true;
  if (tok.percent) return;
  let i = tok.end;
  // "14万余条", "1000余条", "3000多件": the approximation sits between the figure and its unit.
  if (text[i] === "余" || text[i] === "多") {
    tok.approx = true;
    i++;
  }
  while (text[i] === " " || text[i] === "\u00a0") i++;
  for (const u of UNITS) {
    if (u !== "余" && u !== "多" && text.startsWith(u, i)) {
      tok.unit = u;
      tok.unitEnd = i + u.length;
      return;
    }
  }
}
