/** Reports for render and recalculation tests (invented figures; the seed-like one follows the 2018 seed). */
import { SEED_CATEGORIES } from "../model/seed";
import { FORMAT_2019, FORMAT_2021 } from "../model/format";
import { emptyReport, fillTable, num } from "../model/build";
import type { Breakdown, Report } from "../model/report";

/** Section 三 figures: row key -> the six applicant columns (总计 computed). */
export type S3Figures = Record<string, [number, number, number, number, number, number]>;

export function s3Table(def: typeof FORMAT_2021.section3, figures: S3Figures) {
  const rows: Record<string, Record<string, number | null>> = {};
  const cols = def.cols.map((c) => c.key);
  const outcome = def.rows.filter((r) => r.outcome).map((r) => r.key);
  const handled = [0, 0, 0, 0, 0, 0];
  for (const r of def.rows) {
    const f = r.key === "handled" ? handled : (figures[r.key] ?? [0, 0, 0, 0, 0, 0]);
    if (outcome.includes(r.key)) f.forEach((v, i) => (handled[i]! += v));
    const row: Record<string, number | null> = {};
    f.forEach((v, i) => (row[cols[i]!] = v));
    row["total"] = f.reduce((a, v) => a + v, 0);
    rows[r.key] = row;
  }
  return fillTable(def, rows);
}

export function s4Table(def: typeof FORMAT_2021.section4, groups: [number, number, number, number][]) {
  const row: Record<string, number | null> = {};
  ["review", "suitDirect", "suitAfterReview"].forEach((g, i) => {
    const f = groups[i] ?? [0, 0, 0, 0];
    ["upheld", "corrected", "other", "pending"].forEach((k, j) => (row[`${g}.${k}`] = f[j]!));
    row[`${g}.total`] = f.reduce((a, v) => a + v, 0);
  });
  return fillTable(def, { count: row });
}

export function breakdown(name: string, cats: [string, number, string?][], extra: Partial<Breakdown> = {}): Breakdown {
  return {
    name,
    total: num(cats.reduce((a, c) => a + c[1], 0)),
    categories: cats.map(([n, c, share]) => ({
      name: n,
      count: num(c),
      ...(share
        ? {
            share: {
              text: share,
              value: parseFloat(share),
              decimals: (share.split(".")[1] ?? "").replace("%", "").length,
            },
          }
        : {}),
    })),
    partition: true,
    children: [],
    ...extra,
  };
}

/** A 2021 report with invented figures (every table filled). */
export function report2021(): Report {
  const r = emptyReport("2021");
  r.meta = {
    body: { text: "某某市某某局" },
    year: { value: 2021, from: "metadata" },
    scope: { value: "本机关" },
    fee: num(0),
  };
  const f = FORMAT_2021;
  r.section2["s2.item1"] = fillTable(f.section2[0]!, {
    rules: { issued: 2, repealed: 1, inForce: 15 },
    normativeDocs: { issued: 37, repealed: 5, inForce: 212 },
  });
  r.section2["s2.item5"] = fillTable(f.section2[1]!, { licensing: { decisions: 1499 } });
  r.section2["s2.item6"] = fillTable(f.section2[2]!, { penalty: { decisions: 305 }, enforcement: { decisions: 12 } });
  r.section2["s2.item8"] = fillTable(f.section2[3]!, { fees: { amount: 7730.28 } });
  r.section3 = s3Table(f.section3, {
    new: [1303, 120, 3, 2, 40, 1],
    carried: [28, 2, 0, 0, 0, 0],
    open: [966, 50, 1, 1, 20, 0],
    partial: [172, 30, 0, 0, 5, 0],
    "withheld.secret": [1, 0, 0, 0, 0, 0],
    "withheld.thirdParty": [24, 2, 0, 0, 1, 0],
    "unavailable.notHeld": [80, 20, 1, 0, 6, 0],
    "unavailable.unclear": [9, 1, 0, 0, 0, 0],
    "notProcessed.repeat": [12, 4, 0, 1, 3, 1],
    "other.other": [7, 1, 0, 0, 0, 0],
    carryNext: [60, 14, 1, 0, 5, 0],
  });
  r.section4 = s4Table(f.section4, [
    [8, 2, 1, 3],
    [4, 1, 0, 2],
    [1, 0, 0, 1],
  ]);
  return r;
}

/** A 2019-format report (the trial format's tables, （六） as one row). */
export function report2019(): Report {
  const r = emptyReport("2019");
  r.meta = { body: { text: "某某县人民政府办公室" }, year: { value: 2019, from: "metadata" } };
  const f = FORMAT_2019;
  r.section2["s2.item1"] = fillTable(f.section2[0]!, {
    rules: { made: 0, published: 0, totalPublic: 3 },
    normativeDocs: { made: 11, published: 11, totalPublic: 86 },
  });
  r.section2["s2.item5"] = fillTable(f.section2[1]!, {
    licensing: { priorCount: 120, change: -3, decisions: 4000 },
    otherServices: { priorCount: 30, change: 2, decisions: 51 },
  });
  r.section3 = s3Table(f.section3, {
    new: [56, 12, 0, 0, 0, 0],
    open: [48, 12, 0, 0, 0, 0],
    other: [8, 0, 0, 0, 0, 0],
  });
  r.section4 = s4Table(f.section4, [[1, 0, 0, 0]]);
  return r;
}

/** The seed's free-form proactive block (遂宁经开区 2018: 8 categories summing to 1119, 重点领域 382). */
export function seedLikeReport(): Report {
  const r = emptyReport("free-form");
  r.meta = { body: { text: "遂宁经济技术开发区管委会" }, year: { value: 2018, from: "metadata" } };
  const keyAreas = breakdown("重点领域", [
    ["行政权力信息", 120],
    ["财政资金信息", 103],
    ["公共资源配置信息", 40],
    ["食品药品安全信息", 9],
    ["重大项目信息", 55],
    ["环境保护信息", 21],
    ["国有企业信息", 4],
    ["公共服务信息", 30],
  ]);
  r.proactive = breakdown("主动公开政府信息", [...SEED_CATEGORIES], { statedIncrease: num(390), children: [keyAreas] });
  return r;
}
