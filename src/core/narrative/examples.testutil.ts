/**
 * Example reports for the narrative tests: the seed 2018 report (free-form) and a 2021 report with
 * invented figures whose applicant columns differ from the 总计 column, so that a narrative that
 * took a single item or a single applicant column would show it.
 */
import { SEED_CATEGORIES } from "../model/seed";
import { fillTable, emptyReport, num } from "../model/build";
import { FORMAT_2019, FORMAT_2021, S3_COLS, type TableDef } from "../model/format";
import type { Breakdown, Category, Report, StatedPercent } from "../model/report";

function pct(text: string): StatedPercent {
  const t = text.replace("%", "");
  return { text, value: Number(t), decimals: t.includes(".") ? t.split(".")[1]!.length : 0 };
}

function categories(list: [string, number, string?][]): Category[] {
  return list.map(([name, count, share]) => ({ name, count: num(count), ...(share ? { share: pct(share) } : {}) }));
}

function breakdown(name: string, cats: Category[], extra: Partial<Breakdown> = {}): Breakdown {
  const total = cats.reduce((a, c) => a + (c.count.value ?? 0), 0);
  return { name, total: num(total), categories: cats, partition: true, children: [], ...extra };
}

/** Section 三 rows by key: every applicant column filled so that each row adds up to its 总计. */
export function section3Rows(totals: Record<string, number>): Record<string, Record<string, number>> {
  const rows: Record<string, Record<string, number>> = {};
  for (const [key, total] of Object.entries(totals)) {
    const commercial = Math.floor(total / 4);
    const legal = Math.floor(total / 10);
    const row: Record<string, number> = {};
    for (const c of S3_COLS) row[c.key] = 0;
    row.commercial = commercial;
    row.legal = legal;
    row.natural = total - commercial - legal;
    row.total = total;
    rows[key] = row;
  }
  return rows;
}

/** Section 四 as one row from per-group results [upheld, corrected, other, pending]. */
export function section4Row(
  groups: Record<string, [number, number, number, number]>,
): Record<string, Record<string, number>> {
  const row: Record<string, number> = {};
  for (const g of ["review", "suitDirect", "suitAfterReview"]) {
    const [u, c, o, p] = groups[g] ?? [0, 0, 0, 0];
    Object.assign(row, {
      [`${g}.upheld`]: u,
      [`${g}.corrected`]: c,
      [`${g}.other`]: o,
      [`${g}.pending`]: p,
      [`${g}.total`]: u + c + o + p,
    });
  }
  return { count: row };
}

/** The real 2018 report of 遂宁经济技术开发区 (seed-suining-2018-report.txt). */
export function seedReport2018(): Report {
  const r = emptyReport("free-form");
  r.meta = {
    body: { text: "遂宁经济技术开发区" },
    year: { value: 2018, from: "metadata" },
    scope: { value: "本级政府" },
    fee: num(0),
  };
  const keyAreas = breakdown(
    "重点领域",
    categories([
      ["行政权力信息", 2],
      ["财政资金信息", 103],
      ["公共资源配置信息", 95],
      ["食品药品安全信息", 70],
      ["重大项目信息", 35],
      ["环境保护信息", 24],
      ["国有企业信息", 17],
      ["公共服务信息", 36],
    ]),
    { shareOfParent: pct("34%"), statedYoY: pct("22%") },
  );
  r.proactive = breakdown("主动公开政府信息", categories([...SEED_CATEGORIES]), {
    statedIncrease: num(390),
    statedCompletion: pct("124%"),
    children: [keyAreas],
  });
  const allZero: Record<string, number> = {};
  for (const row of FORMAT_2019.section3.rows) allZero[row.key] = 0;
  r.section3 = fillTable(FORMAT_2019.section3, section3Rows(allZero));
  r.section4 = fillTable(FORMAT_2019.section4, section4Row({}));
  return r;
}

/** A 2021 report with invented figures (new 120 + carried 5 = handled 118 + carry-over 7). */
export function example2021(): Report {
  const r = emptyReport("2021");
  r.meta = {
    body: { text: "某某县教育局" },
    year: { value: 2021, from: "metadata" },
    scope: { value: "本机关" },
    fee: num(0),
  };
  r.proactive = breakdown(
    "主动公开政府信息",
    categories([
      ["政府文件", 45],
      ["工作动态信息", 610],
      ["人事信息", 12],
      ["财政信息", 193],
      ["规划计划信息", 0],
    ]),
    {
      priorTotal: num(905),
      children: [
        breakdown(
          "重点领域",
          categories([
            ["教育招生信息", 120],
            ["财政资金信息", 80],
            ["公共服务信息", 30],
          ]),
          { priorTotal: num(210) },
        ),
      ],
    },
  );
  r.section2 = {
    "s2.item1": fillTable(FORMAT_2021.section2[0]!, {
      rules: { issued: 0, repealed: 0, inForce: 0 },
      normativeDocs: { issued: 6, repealed: 2, inForce: 31 },
    }),
    "s2.item5": fillTable(FORMAT_2021.section2[1]!, { licensing: { decisions: 356 } }),
    "s2.item6": fillTable(FORMAT_2021.section2[2]!, { penalty: { decisions: 4 }, enforcement: { decisions: 0 } }),
    "s2.item8": fillTable(FORMAT_2021.section2[3]!, { fees: { amount: 0 } }),
  };
  const totals: Record<string, number> = {};
  for (const row of FORMAT_2021.section3.rows) totals[row.key] = 0;
  Object.assign(totals, {
    new: 120,
    carried: 5,
    open: 60,
    partial: 20,
    "withheld.law": 1,
    "withheld.safety": 1,
    "withheld.thirdParty": 2,
    "withheld.internal": 2,
    "withheld.process": 3,
    "unavailable.notHeld": 15,
    "unavailable.needsCreation": 2,
    "unavailable.unclear": 1,
    "notProcessed.petition": 3,
    "notProcessed.repeat": 2,
    "notProcessed.publication": 1,
    "other.noCorrection": 4,
    "other.other": 1,
    handled: 118,
    carryNext: 7,
  });
  r.section3 = fillTable(FORMAT_2021.section3, section3Rows(totals), { sheet: "公开数据", row: 40, col: 3 });
  r.section4 = fillTable(FORMAT_2021.section4, section4Row({ review: [1, 1, 0, 0], suitDirect: [0, 0, 0, 1] }));
  return r;
}

/** A 2021 report with every figure of the national tables 0 (a small department with nothing to report). */
export function allZero2021(): Report {
  const r = emptyReport("2021");
  r.meta = {
    body: { text: "某某县档案馆" },
    year: { value: 2024, from: "metadata" },
    scope: { value: "本机关" },
    fee: num(0),
  };
  for (const def of FORMAT_2021.section2) {
    const rows: Record<string, Record<string, number>> = {};
    for (const row of def.rows) rows[row.key] = Object.fromEntries(def.cols.map((c) => [c.key, 0]));
    r.section2[def.id] = fillTable(def, rows);
  }
  const zeros: Record<string, number> = {};
  for (const row of FORMAT_2021.section3.rows) zeros[row.key] = 0;
  r.section3 = fillTable(FORMAT_2021.section3, section3Rows(zeros));
  r.section4 = fillTable(FORMAT_2021.section4, section4Row({}));
  return r;
}

/** A county government's whole-area report (本级政府), suits in both groups, every application handled. */
export function countyGovernment2023(): Report {
  const r = emptyReport("2021");
  r.meta = {
    body: { text: "某某县人民政府" },
    year: { value: 2023, from: "metadata" },
    scope: { value: "本级政府" },
    fee: num(0),
  };
  r.section2 = {
    "s2.item1": fillTable(FORMAT_2021.section2[0]!, {
      rules: { issued: 0, repealed: 0, inForce: 0 },
      normativeDocs: { issued: 0, repealed: 3, inForce: 42 },
    }),
    "s2.item5": fillTable(FORMAT_2021.section2[1]!, { licensing: { decisions: 5321 } }),
    "s2.item6": fillTable(FORMAT_2021.section2[2]!, { penalty: { decisions: 1487 }, enforcement: { decisions: 36 } }),
    "s2.item8": fillTable(FORMAT_2021.section2[3]!, { fees: { amount: 1530.26 } }),
  };
  const totals: Record<string, number> = {};
  for (const row of FORMAT_2021.section3.rows) totals[row.key] = 0;
  Object.assign(totals, {
    new: 236,
    carried: 9,
    open: 118,
    partial: 21,
    "withheld.thirdParty": 4,
    "unavailable.notHeld": 71,
    "notProcessed.petition": 12,
    "notProcessed.repeat": 5,
    "other.other": 14,
    carryNext: 0,
  });
  r.section3 = fillTable(FORMAT_2021.section3, section3Rows(totals));
  r.section4 = fillTable(
    FORMAT_2021.section4,
    section4Row({ review: [6, 0, 1, 0], suitDirect: [3, 0, 0, 1], suitAfterReview: [2, 0, 0, 0] }),
  );
  return r;
}

/** A 2020 report in the 2019 trial format. */
export function report2020(): Report {
  const r = emptyReport("2019");
  r.meta = { body: { text: "某某市生态环境局" }, year: { value: 2020, from: "metadata" }, scope: { value: "本机关" } };
  const [item1, item5, item6, item8, item9] = FORMAT_2019.section2 as [
    TableDef,
    TableDef,
    TableDef,
    TableDef,
    TableDef,
  ];
  r.section2 = {
    "s2.item1": fillTable(item1, {
      rules: { made: 0, published: 0, totalPublic: 0 },
      normativeDocs: { made: 4, published: 4, totalPublic: 27 },
    }),
    "s2.item5": fillTable(item5, {
      licensing: { priorCount: 12, change: 1, decisions: 268 },
      otherServices: { priorCount: 3, change: 0, decisions: 0 },
    }),
    "s2.item6": fillTable(item6, {
      penalty: { priorCount: 40, change: -2, decisions: 93 },
      enforcement: { priorCount: 5, change: 0, decisions: 7 },
    }),
    "s2.item8": fillTable(item8, { fees: { priorCount: 0, change: 0 } }),
    "s2.item9": fillTable(item9, { procurement: { count: 6, amount: 412.5 } }),
  };
  const totals: Record<string, number> = {};
  for (const row of FORMAT_2019.section3.rows) totals[row.key] = 0;
  Object.assign(totals, {
    new: 31,
    carried: 2,
    open: 17,
    partial: 3,
    "unavailable.notHeld": 9,
    other: 2,
    carryNext: 2,
  });
  r.section3 = fillTable(FORMAT_2019.section3, section3Rows(totals));
  r.section4 = fillTable(FORMAT_2019.section4, section4Row({ review: [1, 0, 0, 0] }));
  return r;
}

/** The 2021 example with last year's report known (本年新收 100 last year): 同比 sentences. */
export function withLastYear2021(): Report {
  const r = example2021();
  const last = example2021();
  const totals: Record<string, number> = {};
  for (const row of FORMAT_2021.section3.rows) totals[row.key] = 0;
  Object.assign(totals, { new: 100, open: 95, carryNext: 5 });
  last.section3 = fillTable(FORMAT_2021.section3, section3Rows(totals));
  last.meta.year = { value: 2020, from: "metadata" };
  r.prior = last;
  return r;
}

/** The 2021 example with two unreadable count cells: 予以公开/自然人 typed "六十", 行政复议/结果维持 #REF!. */
export function unreadableCell2021(): Report {
  const r = example2021();
  r.section3!.cells["open|natural"] = { value: null, text: "六十", issue: "not-a-number" };
  r.section4!.cells["count|review.upheld"] = { value: null, text: "#REF!", issue: "error-value" };
  return r;
}
