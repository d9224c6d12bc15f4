/**
 * A linter for numbers in Chinese report text (GB/T 15835—2011 and the report's own conventions).
 * Each rule is a small function over the text; findings carry the rule id, the index and the
 * offending text. Rules only flag obvious cases: a false alarm costs the user's trust.
 */

import { matchAllNotAfter, matchAllWhere } from "../text/lookbehind";

export interface NumberFinding {
  rule: string;
  index: number;
  text: string;
}

interface Rule {
  id: string;
  /** What the rule wants, Chinese first. */
  description: { zh: string; en: string };
  check(text: string): NumberFinding[];
}

const CJK = "\\u3400-\\u9fff\\uf900-\\ufaff";
const CN_DIGITS = "一二两三四五六七八九十";

/** Matches of `re`; with `notAfter`, as `(?<!notAfter)re` (lookbehind written out: IE11 cannot parse it). */
function matches(text: string, re: RegExp, rule: string, group = 0, notAfter?: RegExp): NumberFinding[] {
  const out: NumberFinding[] = [];
  for (const m of notAfter ? matchAllNotAfter(text, re, notAfter) : text.matchAll(re)) {
    const whole = m[0];
    const part = m[group] ?? whole;
    const offset = group === 0 ? 0 : whole.indexOf(part);
    out.push({ rule, index: m.index! + offset, text: part });
  }
  return out;
}

/** Sentences with their start offsets (split after 。！？ and line breaks). */
function sentences(text: string): { start: number; text: string }[] {
  const out: { start: number; text: string }[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if ("。！？!?\n".includes(text[i]!)) {
      out.push({ start, text: text.slice(start, i + 1) });
      start = i + 1;
    }
  }
  if (start < text.length) out.push({ start, text: text.slice(start) });
  return out;
}

const noSpace: Rule = {
  id: "no-space-cjk-digit",
  description: { zh: "汉字与数字之间不加空格", en: "No space between Chinese characters and digits" },
  check: (text) => {
    // A run of spaces between a Chinese character and a digit, or between a digit (or %) and a Chinese character.
    const cjk = new RegExp(`[${CJK}]`);
    return matchAllWhere(text, /[ \t\u00a0\u3000]+/g, (prev, m) => {
      const next = text.charAt(m.index + m[0].length);
      return (cjk.test(prev) && /[0-9]/.test(next)) || (/[0-9%]/.test(prev) && cjk.test(next));
    }).map((m) => ({ rule: "no-space-cjk-digit", index: m.index, text: m[0] }));
  },
};

const zeroShare: Rule = {
  id: "zero-share",
  description: {
    zh: "非零数量不得写作“占0%”，应写“不足0.01%”或增加小数位",
    en: 'A share is never written "占0%"; write "不足0.01%" or use more decimals',
  },
  check(text) {
    const out: NumberFinding[] = [];
    for (const m of text.matchAll(/占[^，。；、\d%％]{0,12}?(\d+(?:\.\d+)?)[%％]/g)) {
      if (/^0+(\.0+)?$/.test(m[1]!)) out.push({ rule: "zero-share", index: m.index!, text: m[0] });
    }
    return out;
  },
};

const onePrecision: Rule = {
  id: "one-precision",
  description: {
    zh: "同一句中的百分数保留相同位数的小数（末尾的0保留）",
    en: "Percentages in one sentence use one precision, trailing zeros kept",
  },
  check(text) {
    const out: NumberFinding[] = [];
    for (const s of sentences(text)) {
      let first: number | null = null;
      for (const m of matchAllNotAfter(s.text, /(\d+)(?:\.(\d+))?[%％]/g, /[\d.]/)) {
        // "100%" stands for the whole (各项之和为100%) and carries no precision of its own.
        if (m[0] === "100%" || m[0] === "100％") continue;
        const d = m[2]?.length ?? 0;
        if (first === null) first = d;
        else if (d !== first) out.push({ rule: "one-precision", index: s.start + m.index!, text: m[0] });
      }
    }
    return out;
  },
};

const rangeUnit: Rule = {
  id: "range-unit",
  description: {
    zh: "数值范围两端都要写出%、万、亿，如“15%~30%”",
    en: 'Both ends of a range carry %, 万 or 亿: "15%~30%", not "15~30%"',
  },
  check: (text) => matches(text, /\d+(?:\.\d+)?\s*[~～〜]\s*\d+(?:\.\d+)?\s*[%％万亿]/g, "range-unit", 0, /[\d.]/),
};

const fullYear: Rule = {
  id: "full-year",
  description: { zh: "年份写全，如“2024年”，不写“24年”", en: 'Years are written in full: "2024年", not "24年"' },
  check(text) {
    const out: NumberFinding[] = [];
    for (const m of matchAllNotAfter(text, /\d{2}年/g, /[\d.'’]/)) {
      const before = text.slice(Math.max(0, m.index! - 2), m.index!);
      const after = text.slice(m.index! + m[0].length);
      // Durations ("近10年", "连续10年", "10年来") are not years.
      if (/(近|满|约|达|共|第|续|逾|过|每|历时)$/.test(before) || /^(来|以来|间|内|前|后|左右|多|之)/.test(after))
        continue;
      const yearBefore = /(比|于|至|在|从|到|自|截至|截止)$/.test(before);
      const yearAfter = /^(度|\d{1,2}月|[，,。；、）)\s]|$|政府|工作|全年|上半年|下半年|底|初|末|第)/.test(after);
      if (yearBefore || yearAfter) out.push({ rule: "full-year", index: m.index!, text: m[0] });
    }
    return out;
  },
};

const noQianBai: Rule = {
  id: "no-qian-bai",
  description: {
    zh: "数字只与“万”“亿”连用，不与“千”“百”连用",
    en: "Digits combine with 万/亿 only, never with 千/百 (5.34亿, not 5亿3千4百万)",
  },
  check: (text) => matches(text, /\d+(?:\.\d+)?[千百](?![米克瓦焦帕赫])/g, "no-qian-bai"),
};

const digitGrouping: Rule = {
  id: "digit-grouping",
  description: {
    zh: "四位以内的整数不分节；全文分节方式保持一致（本文不分节）",
    en: "Integers of up to 4 digits are not grouped; one grouping style throughout",
  },
  check(text) {
    const out: NumberFinding[] = [];
    const grouped = matchAllNotAfter(text, /\d{1,3}(?:,\d{3})+(?![\d,])/g, /[\d.,]/);
    const ungroupedLarge = matchAllNotAfter(text, /\d{5,}(?![\d,])/g, /[\d.,]/).filter(
      // A year-month-day or a phone number is not a quantity.
      (m) => !/^(19|20)\d{6}$/.test(m[0]) && m[0].length < 9,
    );
    for (const m of grouped) {
      const digits = m[0].replace(/,/g, "").length;
      if (digits <= 4) out.push({ rule: "digit-grouping", index: m.index!, text: m[0] });
    }
    const largeGrouped = grouped.filter((m) => m[0].replace(/,/g, "").length > 4);
    if (largeGrouped.length > 0 && ungroupedLarge.length > 0) {
      // Mixed styles: flag the less frequent one.
      const minority = largeGrouped.length <= ungroupedLarge.length ? largeGrouped : ungroupedLarge;
      for (const m of minority) out.push({ rule: "digit-grouping", index: m.index!, text: m[0] });
    }
    return out.sort((a, b) => a.index - b.index);
  },
};

const arabicCount: Rule = {
  id: "arabic-count",
  description: {
    zh: "计数用阿拉伯数字（“收到申请3件”，不写“三件”；相邻数字表示约数如“三四件”除外）",
    en: 'Counts are written in Arabic digits ("3件", not "三件"), except approximations like "三四件"',
  },
  check(text) {
    const out: NumberFinding[] = [];
    const re = new RegExp(
      `(?:收到|受理|办结|办理|新收|结转|引发|发生|提起|公开|共|计|达|维持|纠正|审结|其中)了?([${CN_DIGITS}]{1,3})(件|条)(?!龙)`,
      "g",
    );
    for (const m of text.matchAll(re)) {
      const numeral = m[1]!;
      if (isAdjacentApproximation(numeral)) continue;
      const index = m.index! + m[0].indexOf(numeral + m[2]);
      out.push({ rule: "arabic-count", index, text: numeral + m[2] });
    }
    return out;
  },
};

function isAdjacentApproximation(numeral: string): boolean {
  const order = "一二三四五六七八九";
  if (numeral.length !== 2) return false;
  const a = order.indexOf(numeral[0]!);
  const b = order.indexOf(numeral[1]!);
  return a >= 0 && b === a + 1;
}

const decreaseMultiple: Rule = {
  id: "decrease-multiple",
  description: {
    zh: "减少不能用倍数表示，应写“下降80%”",
    en: 'A decrease is never a multiple: "下降80%", not "降低N倍"',
  },
  check: (text) =>
    matches(
      text,
      new RegExp(`(?:降低|下降|减少|缩小|减小|压缩)了?(?:\\d+(?:\\.\\d+)?|[${CN_DIGITS}]+)倍`, "g"),
      "decrease-multiple",
    ),
};

const leadingZero: Rule = {
  id: "leading-zero",
  description: { zh: "纯小数保留整数位的0，如“0.46”", en: 'Decimals keep the leading zero: "0.46"' },
  check: (text) => matches(text, /\.\d+/g, "leading-zero", 0, /[\d\w.]/),
};

const halfWidth: Rule = {
  id: "half-width-digits",
  description: { zh: "数字使用半角字符", en: "Digits are half-width" },
  check: (text) => matches(text, /[０-９]+/g, "half-width-digits"),
};

export const NUMBER_RULES: Rule[] = [
  noSpace,
  zeroShare,
  onePrecision,
  rangeUnit,
  fullYear,
  noQianBai,
  digitGrouping,
  arabicCount,
  decreaseMultiple,
  leadingZero,
  halfWidth,
];

/** Check how numbers are written in a text; `rules` limits the check to some rule ids. */
export function checkNumberWriting(text: string, opts?: { rules?: string[] }): NumberFinding[] {
  const known = new Set(NUMBER_RULES.map((r) => r.id));
  for (const id of opts?.rules ?? []) {
    if (!known.has(id)) throw new Error(`unknown number-writing rule "${id}"; known: ${[...known].join(", ")}`);
  }
  const active = opts?.rules ? NUMBER_RULES.filter((r) => opts.rules!.includes(r.id)) : NUMBER_RULES;
  return active.flatMap((r) => r.check(text)).sort((a, b) => a.index - b.index || a.rule.localeCompare(b.rule));
}
