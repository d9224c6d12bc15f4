import { strict as assert } from "node:assert";
import { FORMAT_2019, FORMAT_2021, SECTION_HEADINGS } from "../model/format";
import { readWorkbook } from "./index";
import {
  deviations,
  EXACT_VARIANTS,
  maybeLabel,
  normLabel,
  PARENT_PREFIXES,
  REPLACEMENTS,
  stripSpaces,
  toSimplified,
} from "./text";

function devs(found: string, expected: string): string[] {
  const f = normLabel(found);
  const e = normLabel(expected);
  assert.ok(f && e, `${found} / ${expected} normalise`);
  const same = f.core === e.core || f.alias === e.core || f.core === e.alias || (!!f.alias && f.alias === e.alias);
  assert.ok(same, `“${found}” should match “${expected}” (cores ${f.core} / ${e.core})`);
  return deviations(f, e, f.core !== e.core);
}

describe("read/text: label normalisation", () => {
  it("an exact label has no deviation", () => {
    assert.deepEqual(devs("1.属于国家秘密", "1.属于国家秘密"), []);
    assert.deepEqual(devs("（三）不予公开", "（三）不予公开"), []);
    assert.deepEqual(devs("一、本年新收政府信息公开申请数量", "一、本年新收政府信息公开申请数量"), []);
  });

  it("numbering 1、 vs 1. and a missing number", () => {
    assert.deepEqual(devs("1、属于国家秘密", "1.属于国家秘密"), ["numbering"]);
    assert.deepEqual(devs("属于国家秘密", "1.属于国家秘密"), ["numbering"]);
    assert.deepEqual(devs("3.属于国家秘密", "1.属于国家秘密"), ["numbering"]);
    assert.deepEqual(devs("一.本年新收政府信息公开申请数量", "一、本年新收政府信息公开申请数量"), ["numbering"]);
  });

  it("bracket and punctuation width", () => {
    assert.deepEqual(devs("(三)不予公开", "（三）不予公开"), ["brackets"]);
    assert.deepEqual(devs("1．属于国家秘密", "1.属于国家秘密"), ["brackets"]);
    assert.deepEqual(devs("本年收费金额(单位:万元)", "本年收费金额（单位：万元）"), ["brackets"]);
    assert.deepEqual(devs('3.危及"三安全一稳定"', "3.危及“三安全一稳定”"), ["brackets"]);
  });

  it("spaces, line breaks and zero-width characters inside labels", () => {
    assert.deepEqual(devs("商业 企业", "商业企业"), ["whitespace"]);
    assert.deepEqual(devs("本年新\n制作数量", "本年新制作数量"), ["whitespace"]);
    assert.deepEqual(devs("自\u200b然人", "自然人"), ["whitespace"]);
    assert.deepEqual(devs("\u3000总计 ", "总计"), ["whitespace"]);
  });

  it("known typos and variants", () => {
    assert.deepEqual(devs("2.其他法律行政止公开", "2.其他法律行政法规禁止公开"), ["typo"]);
    assert.deepEqual(devs("四、结转下一年度继续办理", "四、结转下年度继续办理"), ["variant"]);
    assert.deepEqual(devs("3.其它", "3.其他"), ["variant"]);
    assert.deepEqual(devs("（二）部分公开", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"), ["variant"]);
    assert.deepEqual(devs("本年增减", "本年增/减"), ["variant"]);
  });

  // Every entry of the reader's typo/variant tables, with a label as typed that needs it (and the label it is).
  const TABLE_CASES: [typed: string, label: string, deviation: string][] = [
    ["2.其他法律行政止公开", "2.其他法律行政法规禁止公开", "typo"],
    ["（二）部份公开", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "typo"],
    ["四、结转下一年度继续办理", "四、结转下年度继续办理", "variant"],
    ["四、结转至下年度继续办理", "四、结转下年度继续办理", "variant"],
    ["二、上年度结转政府信息公开申请数量", "二、上年结转政府信息公开申请数量", "variant"],
    ["一、本年度新收政府信息公开申请数量", "一、本年新收政府信息公开申请数量", "variant"],
    ["3.其它", "3.其他", "variant"],
    ["本年增减", "本年增/减", "variant"],
    ["本年增（减）", "本年增/减", "variant"],
    ["法人或其他组织\n商业企业", "商业企业", "whitespace"],
  ];

  it("every entry of the typo/variant tables is needed by a case, and each case reads as its label", () => {
    for (const [typed, label, deviation] of TABLE_CASES) {
      assert.ok(devs(typed, label).includes(deviation), `${typed}: ${deviation}`);
    }
    const typed = TABLE_CASES.map(([t]) => normLabel(t)!.raw.normalize("NFKC"));
    for (const [from] of REPLACEMENTS) {
      assert.ok(
        typed.some((t) => t.includes(from)),
        `no case needs the replacement ${from} (add the label that needs it, or remove the entry)`,
      );
    }
    for (const from of Object.keys(EXACT_VARIANTS)) {
      assert.ok(
        TABLE_CASES.some(([t]) => normLabel(t)!.core === EXACT_VARIANTS[from] && t.normalize("NFKC").includes(from)),
        `no case needs the variant ${from}`,
      );
    }
    for (const parent of PARENT_PREFIXES) {
      assert.ok(
        typed.some((t) => t.startsWith(parent)),
        `no case needs the parent prefix ${parent}`,
      );
    }
  });

  it("each entry is needed: without it, the cases that use it no longer read as their labels", () => {
    // The tables are constant to TypeScript only: an entry is taken out for the moment of one check, then put back.
    // normLabel caches by the raw text: each round reads the cases with its own invisible suffix.
    let round = 0;
    const stillRead = (typed: string, label: string): boolean => {
      const f = normLabel(typed + "\u200b".repeat(++round))!;
      const e = normLabel(label)!;
      return f.core === e.core || f.alias === e.core || f.core === e.alias || (!!f.alias && f.alias === e.alias);
    };
    const without = (what: string, drop: () => () => void, uses: (typed: string) => boolean): void => {
      const cases = TABLE_CASES.filter(([t]) => uses(t.normalize("NFKC")));
      const restore = drop();
      try {
        assert.ok(cases.length > 0, `no case uses ${what}`);
        for (const [typed, label] of cases)
          assert.ok(!stillRead(typed, label), `“${typed}” still reads as its label without ${what}`);
      } finally {
        restore();
      }
    };
    const replacements = REPLACEMENTS as [string, string, string][];
    for (const entry of [...replacements]) {
      without(
        `the replacement ${entry[0]}`,
        () => {
          const i = replacements.indexOf(entry);
          replacements.splice(i, 1);
          return () => replacements.splice(i, 0, entry);
        },
        (t) => t.includes(entry[0]),
      );
    }
    const variants = EXACT_VARIANTS as Record<string, string>;
    for (const [from, to] of Object.entries(variants)) {
      without(
        `the variant ${from}`,
        () => {
          delete variants[from];
          return () => (variants[from] = to);
        },
        (t) => t.endsWith(from),
      );
    }
    const parents = PARENT_PREFIXES as string[];
    for (const parent of [...parents]) {
      without(
        `the parent prefix ${parent}`,
        () => {
          const i = parents.indexOf(parent);
          parents.splice(i, 1);
          return () => parents.splice(i, 0, parent);
        },
        (t) => stripSpaces(t).startsWith(parent),
      );
    }
    // Put back as they were: every case reads as its label again.
    for (const [typed, label] of TABLE_CASES) assert.ok(stillRead(typed, label), typed);
  });

  it("Traditional characters", () => {
    assert.equal(toSimplified("屬於國家秘密"), "属于国家秘密");
    assert.deepEqual(devs("1.屬於國家秘密", "1.属于国家秘密"), ["traditional"]);
    assert.deepEqual(devs("四、結轉下年度繼續辦理", "四、结转下年度继续办理"), ["traditional"]);
    assert.deepEqual(devs("行政複議", "行政复议"), ["traditional"]);
    assert.deepEqual(devs("行政復議", "行政复议"), ["traditional"]);
    assert.deepEqual(devs("(五)不予處理", "（五）不予处理"), ["brackets", "traditional"]);
  });

  it("several deviations at once, in a fixed order", () => {
    assert.deepEqual(devs("2、其他法律行政止公開", "2.其他法律行政法规禁止公开"), ["numbering", "traditional", "typo"]);
  });

  it("labels of different rows stay different", () => {
    const cores = new Set<string>();
    for (const r of FORMAT_2021.section3.rows) cores.add(normLabel(r.label)!.core);
    assert.equal(cores.size, FORMAT_2021.section3.rows.length);
  });

  it("only short texts made of label characters are label candidates", () => {
    assert.equal(maybeLabel("规章"), true);
    assert.equal(maybeLabel("規章"), true);
    assert.equal(maybeLabel("第1条记录：关于办理群众来信的情况说明"), false);
    assert.equal(maybeLabel("abc 123"), false);
    assert.equal(maybeLabel("行".repeat(301)), false);
  });

  it("every label of both formats is a label candidate and normalises to itself", () => {
    readWorkbook({ sheets: [] }); // loads the readers, which register their vocabularies
    const labels = new Set<string>(SECTION_HEADINGS);
    for (const f of [FORMAT_2021, FORMAT_2019]) {
      for (const t of [...f.section2, f.section3, f.section4]) {
        labels.add(t.title);
        for (const r of t.rows) if (r.label) labels.add(r.label);
        for (const c of t.cols) labels.add(c.label);
      }
    }
    for (const l of labels) {
      assert.ok(maybeLabel(l), l);
      const n = normLabel(l)!;
      assert.deepEqual(deviations(n, n), [], l);
      assert.deepEqual(n.flags, [], l);
    }
  });
});
