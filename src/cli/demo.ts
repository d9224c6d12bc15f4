/**
 * The built-in example: the real 2018 report of 遂宁经济技术开发区管委会 (examples/seed-suining-2018-report.txt),
 * parsed from its own sentences into the counts-sheet template. Nothing is typed in by hand: every figure
 * below comes from a regular expression over the published text, so the example shows what the report says,
 * including its mistakes (whole-percent shares that sum to 99%, non-zero categories printed as 占0%).
 */
import { emptyReport, fillTable, num } from "../core/model/build";
import { FORMAT_2021, type TableDef } from "../core/model/format";
import type { Report, StatedPercent } from "../core/model/report";
import type { SheetPlan } from "../core/render/plan";
import { templateForReport } from "../core/render";

export const SEED_FILE = "examples/seed-suining-2018-report.txt";

export interface SeedCategory {
  name: string;
  count: number;
  /** The share as the text states it ("6%"), when it states one. */
  share?: string;
}

export interface SeedReport {
  year: number;
  body: string;
  proactive: {
    total: number;
    /** "比2017年新增390条": the year compared with and the increase. */
    increaseOver: number;
    increase: number;
    completion: string;
    categories: SeedCategory[];
  };
  keyAreas: { total: number; shareOfProactive: string; yoy: string; categories: SeedCategory[] };
  /** "全年未收到公开申请". */
  noApplications: boolean;
  /** "没有收到行政复议、行政诉讼". */
  noReviewsOrSuits: boolean;
  /** "没有收费及减免" -> 0 元. */
  fee: number | null;
}

const PCT = String.raw`\d+(?:\.\d+)?%`;
const COMMA = "[,，]";

function must(re: RegExp, text: string, what: string): RegExpExecArray {
  const m = re.exec(text);
  if (!m) throw new Error(`示例原文中找不到${what} (seed text: ${what} not found, ${re})`);
  return m;
}

export function parseSeedReport(text: string): SeedReport {
  const title = must(/^\s*(\d{4})年(\S+?)政府信息公开工作年度报告\s*$/m, text, "标题");
  const pro = must(new RegExp(`累计主动公开政府信息(\\d+)条${COMMA}比(\\d{4})年新增(\\d+)条`), text, "主动公开总数");
  const completion = must(new RegExp(`完成率达到(${PCT})`), text, "完成率");
  const list = must(new RegExp(`累计主动公开[^。]*。其中${COMMA}包括([^。]+)。`), text, "主动公开分类");
  const categories = list[1]!.split(/[;；]/).map((part) => {
    const m = must(new RegExp(`^(.+?)(\\d+)条${COMMA}占(${PCT})$`), part.trim(), `分类“${part}”`);
    return { name: m[1]!, count: Number(m[2]), share: m[3]! };
  });
  const key = must(
    new RegExp(
      `(\\d{4})年重点领域公开信息共(\\d+)条${COMMA}占比(${PCT})${COMMA}同比增长(${PCT})${COMMA}其中([^。]+)。`,
    ),
    text,
    "重点领域信息",
  );
  const areas = key[5]!.split(/[,，、]/).map((part) => {
    const m = must(/^(.+?)(\d+)条$/, part.trim(), `重点领域“${part}”`);
    return { name: m[1]!, count: Number(m[2]) };
  });
  return {
    year: Number(title[1]),
    body: title[2]!,
    proactive: {
      total: Number(pro[1]),
      increaseOver: Number(pro[2]),
      increase: Number(pro[3]),
      completion: completion[1]!,
      categories,
    },
    keyAreas: { total: Number(key[2]), shareOfProactive: key[3]!, yoy: key[4]!, categories: areas },
    noApplications: /全年未收到(?:政府信息)?公开申请/.test(text),
    noReviewsOrSuits: /没有收到行政复议、行政诉讼/.test(text),
    fee: /没有收费及减免/.test(text) ? 0 : null,
  };
}

function percent(text: string): StatedPercent {
  const m = /^(\d+)(?:\.(\d+))?%$/.exec(text);
  if (!m) throw new Error(`not a percentage: ${text}`);
  return { text, value: Number(text.slice(0, -1)), decimals: m[2]?.length ?? 0 };
}

function zeros(def: TableDef): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const r of def.rows) out[r.key] = Object.fromEntries(def.cols.map((c) => [c.key, 0]));
  return out;
}

/** The seed as a report model (figures without cells: the template places them). */
export function seedToReport(seed: SeedReport): Report {
  const report = emptyReport("free-form");
  report.meta = {
    body: { text: seed.body },
    year: { value: seed.year, from: "metadata" },
    // The report speaks for the whole zone ("全区没有收到行政复议…"): the 管委会 as the zone's government.
    scope: { value: "本级政府" },
  };
  if (seed.fee !== null) report.meta.fee = num(seed.fee);
  const p = seed.proactive;
  const k = seed.keyAreas;
  report.proactive = {
    name: "主动公开政府信息",
    total: num(p.total),
    categories: p.categories.map((c) => ({
      name: c.name,
      count: num(c.count),
      ...(c.share ? { share: percent(c.share) } : {}),
    })),
    partition: true,
    statedIncrease: num(p.increase),
    statedCompletion: percent(p.completion),
    children: [
      {
        name: "重点领域",
        total: num(k.total),
        categories: k.categories.map((c) => ({ name: c.name, count: num(c.count) })),
        partition: true,
        shareOfParent: percent(k.shareOfProactive),
        statedYoY: percent(k.yoy),
        children: [],
      },
    ],
  };
  // "全年未收到公开申请" and "没有收到行政复议、行政诉讼": the national tables are all 0 (written out, not blank).
  if (seed.noApplications) report.section3 = fillTable(FORMAT_2021.section3, zeros(FORMAT_2021.section3));
  if (seed.noReviewsOrSuits) report.section4 = fillTable(FORMAT_2021.section4, zeros(FORMAT_2021.section4));
  return report;
}

/**
 * The counts sheet for the seed: the template with the report's categories, counts and stated shares.
 * Section 二 (the 第二十条 tables came with the 2019 format) stays blank: the 2018 report gives none of
 * those figures, and the check says so (blank cells) rather than the demo inventing zeros.
 */
export function buildSeedPlan(seed: SeedReport): SheetPlan {
  return templateForReport(seedToReport(seed)).plan;
}
