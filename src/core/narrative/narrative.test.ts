import { strict as assert } from "node:assert";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { fillTable, emptyReport, num } from "../model/build";
import { cellKey, FORMAT_2019, FORMAT_2021, SECTION_HEADINGS } from "../model/format";
import { readWorkbook } from "../read";
import { planToGrid, templateCells, templatePlan, typeIntoPlan } from "../render";
import type { Report } from "../model/report";
import { formatPercent, shareUnits } from "../shares";
import { DEFAULT_ROUNDING, type RoundingOptions } from "../shares/types";
import { section3Figures } from "../model/figures";
import {
  allZero2021,
  countyGovernment2023,
  example2021,
  report2020,
  section3Rows,
  section4Row,
  seedReport2018,
  unreadableCell2021,
  withLastYear2021,
} from "./examples.testutil";
import { areaWordOf, checkNumberWriting, narrative, titleText, type NarrativeSettings, type Paragraph } from "./index";

const GOLDEN_DIR = path.join(__dirname, "golden");
const UPDATE = process.env.UPDATE_GOLDEN === "1";

function serialize(paragraphs: Paragraph[]): string {
  return paragraphs.map((p) => `## ${p.kind} ${p.id}\n${p.text}\n`).join("\n");
}

function golden(name: string, paragraphs: Paragraph[]): void {
  const file = path.join(GOLDEN_DIR, name);
  const text = serialize(paragraphs);
  if (UPDATE || !existsSync(file)) {
    if (!UPDATE) assert.fail(`golden file ${name} is missing; run with UPDATE_GOLDEN=1 to create it`);
    mkdirSync(GOLDEN_DIR, { recursive: true });
    writeFileSync(file, text);
    return;
  }
  assert.equal(text, readFileSync(file, "utf8"), `narrative differs from golden/${name} (UPDATE_GOLDEN=1 to accept)`);
}

function textOf(ps: Paragraph[], id: string): string {
  const p = ps.find((x) => x.id === id);
  assert.ok(p, `paragraph ${id}`);
  return p.text;
}

function assertClean(ps: Paragraph[]): void {
  for (const p of ps) {
    assert.deepEqual(checkNumberWriting(p.text), [], `${p.id}: ${p.text}`);
    assert.doesNotMatch(p.text, /^[=+\-@]/, `${p.id} starts with a formula character`);
    assert.doesNotMatch(p.text, /占[^，。；\d]{0,10}(?<![\d.])0(\.0+)?%/, `${p.id} prints a zero share`);
    assert.doesNotMatch(p.text, /均获维持/);
  }
}

const LR: Partial<NarrativeSettings> = { rounding: { ...DEFAULT_ROUNDING, largestRemainder: true } };

describe("narrative / goldens", () => {
  it("seed 2018 report", () => {
    const ps = narrative(seedReport2018());
    assertClean(ps);
    golden("seed-2018.txt", ps);
  });

  it("2021 example report", () => {
    const ps = narrative(example2021());
    assertClean(ps);
    golden("example-2021.txt", ps);
  });

  it("2021 example, whole-city scope, largest remainder, one decimal, half-even", () => {
    const r = example2021();
    r.meta.scope = { value: "本级政府" };
    const ps = narrative(r, {
      areaWord: "全市",
      rounding: { decimals: 1, rounding: "half-even", largestRemainder: true },
    });
    assertClean(ps);
    golden("example-2021-lr.txt", ps);
  });
});

describe("narrative / goldens of the preparer's reports", () => {
  it("a department (本机关: 某某县教育局 -> 本局) is example-2021.txt", () => {
    assert.match(textOf(narrative(example2021()), "s1.applications"), /^（二）依申请公开。本局全年/);
  });

  it("a county government (本级政府: 全县各级行政机关)", () => {
    const ps = narrative(countyGovernment2023());
    assertClean(ps);
    golden("county-government-2023.txt", ps);
  });

  it("a report with every category 0", () => {
    const ps = narrative(allZero2021());
    assertClean(ps);
    assert.ok(
      ps.every((p) => !/(?<![\d.])0件|0元/.test(p.text)),
      "no category stated as 0",
    );
    golden("all-zero-2024.txt", ps);
  });

  it("a 2019-format report: the 2019 tables' sentences, no 2021 sub-headings", () => {
    const ps = narrative(report2020());
    assertClean(ps);
    assert.ok(!ps.some((p) => /^（[一二三四五]）/.test(p.text)), "no （一）主动公开… sub-headings");
    assert.match(textOf(ps, "s2.tables"), /新制作规范性文件4件、新公开4件，对外公开规范性文件总数27件/);
    golden("format-2019-2020.txt", ps);
  });

  it("a report with last year's figures: 同比 sentences", () => {
    const ps = narrative(withLastYear2021());
    assertClean(ps);
    assert.match(textOf(ps, "s1.applications"), /新收政府信息公开申请120件，较上年增加20件，增长20\.00%，其中自然人/);
    golden("with-last-year-2021.txt", ps);
  });

  it("同比 from the sheet's own 上年本年新收申请（总计） when last year's report is not given", () => {
    const plan = templatePlan({ year: 2022, unit: "某某县教育局" });
    const s3 = templateCells(plan).tables["s3"]!;
    const sheet = (prior: number | null) => {
      typeIntoPlan(plan, [
        { cell: s3.cells[cellKey("new", "natural")]!, value: 90 },
        { cell: s3.cells[cellKey("new", "commercial")]!, value: 30 },
        ...["research", "publicInterest", "legal", "otherOrg"].map((c) => ({
          cell: s3.cells[cellKey("new", c)]!,
          value: 0,
        })),
        { cell: s3.prior[cellKey("new", "total")]!, value: prior as number },
      ]);
      const read = readWorkbook({ sheets: [planToGrid(plan)] });
      assert.ok(read.ok);
      return read.report;
    };
    const r = sheet(100);
    assert.equal(r.prior?.section3?.cells[cellKey("new", "total")], undefined, "not a figure of last year's table");
    for (const settings of [{}, { blanksAsZero: true }]) {
      assert.match(
        textOf(narrative(r, settings), "s1.applications"),
        /新收政府信息公开申请120件，较上年增加20件，增长20\.00%，其中自然人申请90件/,
      );
    }
    // Last year's report given as well (check/generate --prior): its figure wins.
    const withReport = { ...r, prior: example2021() };
    assert.match(textOf(narrative(withReport), "s1.applications"), /申请120件，与上年持平，其中/);
    // Blank: no 同比 (never a blank as 0), with or without blanks as 0.
    const blank = sheet(null);
    for (const settings of [{}, { blanksAsZero: true }]) {
      const text = textOf(narrative(blank, settings), "s1.applications");
      assert.match(text, /新收政府信息公开申请120件，其中/);
      assert.ok(!text.includes("上年增加") && !text.includes("持平"), text);
    }
  });

  it("an unreadable count cell: 【待补充】, never a number", () => {
    const r = unreadableCell2021();
    for (const settings of [{}, { blanksAsZero: true }]) {
      const ps = narrative(r, settings);
      assertClean(ps);
      const t = textOf(ps, "s1.applications");
      assert.match(t, /全年办结【待补充：办结件数（表中有无法识别的数字，请先修正）】件。/);
      assert.doesNotMatch(t, /办结\d|予以公开\d|占/);
      // Figures that do not depend on the cell are still stated.
      assert.match(t, /新收政府信息公开申请120件/);
      assert.match(textOf(ps, "s4.cases"), /【待补充：[^】]*无法识别/);
      assert.doesNotMatch(textOf(ps, "s4.cases"), /\d件/);
      if (settings === undefined || !("blanksAsZero" in settings)) golden("unreadable-cell-2021.txt", ps);
    }
  });

  it("names the subject as the body names itself", () => {
    const r = example2021();
    const subject = (unit: string, scope: "本机关" | "本级政府" = "本机关") => {
      r.meta.body = { text: unit };
      r.meta.scope = { value: scope };
      return textOf(narrative(r), "s6.fee")
        .replace(/^2021年，/, "")
        .replace(/未收取.*$/, "");
    };
    assert.equal(subject("某某县教育局"), "本局");
    assert.equal(subject("某某市发展和改革委员会"), "本委");
    assert.equal(subject("某某省财政厅"), "本厅");
    assert.equal(subject("某某县人民政府"), "县政府");
    assert.equal(subject("某某县人民政府办公室"), "本办");
    assert.equal(subject("某某镇人民政府"), "本镇");
    assert.equal(subject("某某县人民政府", "本级政府"), "全县各级行政机关");
    assert.equal(subject("某某县档案馆"), "本馆");
    assert.equal(subject("某某单位"), "本机关");
  });

  it("varies the openings of its paragraphs", () => {
    const ps = narrative(countyGovernment2023()).filter((p) => p.kind === "body" && !p.text.startsWith("【"));
    const openings = ps.map((p) => p.text.replace(/^（[一二三四五]）[^。]+。/, "").slice(0, 6));
    const counts = new Map<string, number>();
    for (const o of openings) counts.set(o, (counts.get(o) ?? 0) + 1);
    assert.ok(
      [...counts.values()].every((n) => n <= 2),
      `openings repeat: ${openings.join(" | ")}`,
    );
  });
});

describe("narrative / structure", () => {
  it("has the title, the six headings in order and no empty paragraph", () => {
    const ps = narrative(example2021());
    assert.equal(ps[0]!.kind, "title");
    assert.deepEqual(
      ps.filter((p) => p.kind === "heading").map((p) => p.text),
      SECTION_HEADINGS,
    );
    assert.ok(ps.every((p) => p.text.length > 0));
    assert.equal(new Set(ps.map((p) => p.id)).size, ps.length, "ids are unique");
  });

  it("writes the title with what is known", () => {
    const r = emptyReport("2021");
    assert.equal(titleText(r), "政府信息公开工作年度报告");
    r.meta.year = { value: 2022, from: "option" };
    assert.equal(titleText(r), "2022年政府信息公开工作年度报告");
    r.meta.body = { text: " 某某市统计局 " };
    assert.equal(titleText(r), "某某市统计局2022年政府信息公开工作年度报告");
  });

  it("puts visible placeholders where the model says nothing", () => {
    const ps = narrative(emptyReport("2021"));
    for (const id of [
      "s1.proactive",
      "s1.applications",
      "s2.tables",
      "s3.tables",
      "s4.cases",
      "s5.problems",
      "s6.fee",
    ]) {
      assert.match(textOf(ps, id), /【待补充：[^】]+】/, id);
    }
    assert.match(
      textOf(ps, "s6.fee"),
      /^本年度，本机关收取政府信息公开信息处理费【待补充：金额，未收取的写0（表中尚未填写）】元。$/,
    );
    assertClean(ps);
  });
});

describe("narrative / applications (section 三)", () => {
  it("states received, carried over, handled, carry-over and group counts from the 总计 column", () => {
    const t = textOf(narrative(example2021()), "s1.applications");
    assert.match(t, /^（二）依申请公开。本局全年新收政府信息公开申请120件，/);
    // The applicants' split of 本年新收: 自然人 column, and the five 法人或其他组织 columns together.
    assert.match(t, /其中自然人申请78件、法人或其他组织申请42件；另有上年结转申请5件。/);
    assert.match(t, /全年办结118件。其中，/);
    assert.match(t, /另有7件结转下年度继续办理。$/);
    // Group counts are sums of their items in the 总计 column; the 自然人 column would give 予以公开44件.
    assert.match(t, /予以公开60件，占办结总数的50\.85%/);
    assert.match(t, /不予公开9件，占7\.63%/);
    assert.match(t, /无法提供18件/);
    assert.doesNotMatch(t, /予以公开44件/);
  });

  it("uses the group sum even when items are spread over the applicant columns", () => {
    const r = example2021();
    const figures = section3Figures(r.section3!);
    assert.deepEqual(
      figures.groups.map((g) => g.count),
      [60, 20, 9, 18, 6, 5],
    );
    assert.equal(figures.handled, 118);
  });

  it("leaves zero groups out and never prints 占0% for a non-zero group", () => {
    const totals: Record<string, number> = {};
    for (const row of FORMAT_2021.section3.rows) totals[row.key] = 0;
    Object.assign(totals, { new: 20001, open: 20000, "other.other": 1, handled: 20001 });
    const r = emptyReport("2021");
    r.section3 = fillTable(FORMAT_2021.section3, section3Rows(totals));
    const t = textOf(narrative(r), "s1.applications");
    assert.match(t, /新收政府信息公开申请20001件，其中自然人申请13001件、法人或其他组织申请7000件，无上年结转申请/);
    assert.match(t, /其他处理1件，占不足0\.01%/);
    assert.doesNotMatch(t, /部分公开|不予公开|无法提供|不予处理/);
    assert.match(t, /申请已全部办结，无结转下年度继续办理的申请。$/);
  });

  it("reads a 2019-format table with （六）其他处理 as one row", () => {
    const def = FORMAT_2019.section3;
    const totals: Record<string, number> = {};
    for (const row of def.rows) totals[row.key] = 0;
    Object.assign(totals, { new: 10, open: 6, other: 3, handled: 9, carryNext: 1 });
    const r = emptyReport("2019");
    r.meta.year = { value: 2020, from: "metadata" };
    r.section3 = fillTable(def, section3Rows(totals));
    const t = textOf(narrative(r), "s1.applications");
    assert.match(
      t,
      /全年办结9件。其中，予以公开6件，占办结总数的66\.67%；其他处理3件，占33\.33%。另有1件结转下年度继续办理。$/,
    );
  });

  it("says so when there were no applications", () => {
    const t = textOf(narrative(seedReport2018()), "s1.applications");
    assert.equal(t, "全区各级行政机关全年未收到政府信息公开申请，也无上年结转的申请。");
  });

  it("adds the rounding note when shares of the handled total do not add up to 100%", () => {
    const totals: Record<string, number> = {};
    for (const row of FORMAT_2021.section3.rows) totals[row.key] = 0;
    Object.assign(totals, { new: 3, open: 1, partial: 1, "other.other": 1, handled: 3 });
    const r = emptyReport("2021");
    r.section3 = fillTable(FORMAT_2021.section3, section3Rows(totals));
    const plain = narrative(r);
    assert.match(textOf(plain, "s1.applications"), /予以公开1件，占办结总数的33\.33%；部分公开1件，占33\.33%/);
    // The note is the last sentence of the paragraph it concerns.
    assert.match(
      textOf(plain, "s1.applications"),
      /其他处理1件，占33\.33%。申请已全部办结，无结转下年度继续办理的申请。因四舍五入，各项占比之和可能不等于100%。$/,
    );
    assert.ok(!plain.some((p) => p.kind === "note"));
    const lr = narrative(r, LR);
    assert.match(textOf(lr, "s1.applications"), /予以公开1件，占办结总数的33\.34%；部分公开1件，占33\.33%/);
    assert.match(
      textOf(lr, "s1.applications"),
      /。为使各项占比之和为100%，个别占比按最大余数法作了调整（予以公开由33\.33%调整为33\.34%）。$/,
    );
    assertClean(lr);
  });

  it("matches shareUnits for every group share and stays lint-clean (property)", () => {
    const outcomeRows = FORMAT_2021.section3.rows.filter((r) => r.outcome);
    fc.assert(
      fc.property(
        fc.array(fc.nat(60), { minLength: outcomeRows.length, maxLength: outcomeRows.length }),
        fc.nat(30),
        fc.nat(30),
        fc.constantFrom<RoundingOptions["rounding"]>("half-up", "half-even"),
        fc.integer({ min: 0, max: 4 }),
        fc.boolean(),
        (items, carried, carryNext, rule, decimals, lr) => {
          const totals: Record<string, number> = {};
          outcomeRows.forEach((row, i) => (totals[row.key] = items[i]!));
          const handled = items.reduce((a, c) => a + c, 0);
          Object.assign(totals, { handled, carried, carryNext, new: Math.max(0, handled + carryNext - carried) });
          const r = emptyReport("2021");
          r.meta.year = { value: 2023, from: "option" };
          r.section3 = fillTable(FORMAT_2021.section3, section3Rows(totals));
          const rounding = { decimals, rounding: rule, largestRemainder: lr };
          const ps = narrative(r, { rounding });
          assertClean(ps);
          const t = textOf(ps, "s1.applications");
          if (!lr) {
            for (const g of section3Figures(r.section3).groups) {
              if (g.count === 0) {
                assert.ok(!t.includes(`${g.short}0件`));
                continue;
              }
              const u = shareUnits(g.count, handled, decimals, rule)!;
              const share = u === 0 ? "不足" + formatPercent(1, decimals) : formatPercent(u, decimals);
              assert.ok(t.includes(`${g.short}${g.count}件，占`) && t.includes(share), `${g.short} ${share} in ${t}`);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("narrative / proactive (section 一（一）)", () => {
  it("writes counts and shares of the stated total at one precision, with the stated increase as stated", () => {
    const t = textOf(narrative(seedReport2018()), "s1.proactive");
    // The seed states 比2017年新增390条 but not 2017's figure: no 同比 derived from the increase alone.
    assert.match(t, /主动公开政府信息1119条，比上年新增390条。/);
    assert.doesNotMatch(t, /同比/);
    assert.match(t, /政府文件72条，占主动公开总数的6\.43%；计划总结信息2条，占0\.18%；/);
    assert.match(t, /重点领域信息382条，占主动公开总数的34\.14%，其中行政权力信息2条、/);
    // The seed's stated whole-percent shares are not repeated.
    assert.doesNotMatch(t, /占6%|占0%|34%，/);
  });

  it("writes a decrease in 减少 and 下降, and a change of a rate in 百分点", () => {
    const t = textOf(narrative(example2021()), "s1.proactive");
    assert.match(t, /比上年减少45条，同比下降4\.97%/);
    assert.match(t, /占比提高3\.54个百分点/);
    assert.doesNotMatch(t, /规划计划信息/, "a zero category is left out");
  });

  it("says 无 when everything is zero, and 与上年持平 when unchanged", () => {
    const r = emptyReport("2021");
    r.proactive = {
      name: "主动公开政府信息",
      total: num(0),
      categories: [{ name: "政府文件", count: num(0) }],
      partition: true,
      children: [],
    };
    assert.equal(textOf(narrative(r), "s1.proactive"), "（一）主动公开。本年度，本机关未主动公开政府信息。");
    r.proactive.total = num(10);
    r.proactive.categories[0]!.count = num(10);
    r.proactive.priorTotal = num(10);
    assert.match(
      textOf(narrative(r), "s1.proactive"),
      /主动公开政府信息10条，与上年持平。其中，政府文件10条，占主动公开总数的100\.00%。/,
    );
  });

  it("computes 同比 only when last year's total is known (stated, or every category's 上年条数)", () => {
    const r = seedReport2018();
    r.proactive!.priorTotal = num(729);
    assert.match(textOf(narrative(r), "s1.proactive"), /1119条，比上年增加390条，同比增长53\.50%。/);
    delete r.proactive!.priorTotal;
    r.proactive!.categories.forEach((c, i) => (c.prior = num(i === 0 ? 129 : 0)));
    r.proactive!.categories[1]!.prior = num(600);
    // 129 + 600 = 729 from the categories.
    assert.match(textOf(narrative(r), "s1.proactive"), /1119条，比上年增加390条，同比增长53\.50%。/);
    r.proactive!.categories[2]!.prior = num(null);
    assert.match(textOf(narrative(r), "s1.proactive"), /1119条，比上年新增390条。/, "one category's prior unknown");
    r.proactive!.statedIncrease = num(-5);
    assert.match(textOf(narrative(r), "s1.proactive"), /1119条，比上年减少5条。/);
  });

  it("uses the 合计 the table prints (SUM of the categories), not a typed total that disagrees", () => {
    const r = seedReport2018();
    r.proactive!.total = num(500);
    const t = textOf(narrative(r), "s1.proactive");
    assert.match(t, /主动公开政府信息1119条/);
    assert.doesNotMatch(t, /500条/);
    assert.match(t, /政府文件72条，占主动公开总数的6\.43%/);
    // A total typed without any category figure is the total.
    r.proactive!.categories.forEach((c) => (c.count = num(null)));
    r.proactive!.children = [];
    assert.match(textOf(narrative(r), "s1.proactive"), /主动公开政府信息500条/);
    // One category filled, the others blank: not filled yet, unless blanks count as 0 (生成报告).
    r.proactive!.categories[0]!.count = num(72);
    assert.match(textOf(narrative(r), "s1.proactive"), /^【待补充：主动公开政府信息条数（表中尚未填写）】$/);
    assert.match(
      textOf(narrative(r, { blanksAsZero: true }), "s1.proactive"),
      /主动公开政府信息72条，比上年新增390条。其中，政府文件72条/,
    );
  });

  it("states the completion of a target when the target is known", () => {
    const r = seedReport2018();
    r.proactive!.target = num(900);
    assert.match(textOf(narrative(r), "s1.proactive"), /完成年度目标（900条）的124\.33%/);
  });
});

describe("narrative / review and litigation (section 四)", () => {
  function withS4(groups: Parameters<typeof section4Row>[0]): Report {
    const r = emptyReport("2021");
    r.meta.year = { value: 2024, from: "metadata" };
    r.section4 = fillTable(FORMAT_2021.section4, section4Row(groups));
    return r;
  }

  it("states the review and the suits with their results, zeros folded away", () => {
    const t = textOf(narrative(example2021()), "s4.cases");
    assert.equal(
      t,
      "2021年，本局因政府信息公开申请被申请行政复议2件，其中结果维持1件、结果纠正1件；" +
        "被提起行政诉讼1件，为未经复议直接起诉，尚未审结。以上两类案件共3件。具体情况见下表。",
    );
    assert.doesNotMatch(t, /0件/);
  });

  it("says 未发生 for no cases", () => {
    assert.equal(
      textOf(narrative(withS4({})), "s4.cases"),
      "2024年，本机关未发生因政府信息公开申请引发的行政复议、行政诉讼案件。",
    );
  });

  it("handles suits without review, and sums the suits' results over both groups", () => {
    const t = textOf(narrative(withS4({ suitAfterReview: [2, 0, 0, 0] })), "s4.cases");
    assert.equal(
      t,
      "2024年，本机关未发生因政府信息公开申请引发的行政复议；被提起行政诉讼2件，均为复议后起诉，均获维持。" +
        "未发生行政诉讼败诉。具体情况见下表。",
    );
    const both = textOf(narrative(withS4({ suitDirect: [1, 0, 0, 1], suitAfterReview: [1, 0, 1, 0] })), "s4.cases");
    assert.match(
      both,
      /被提起行政诉讼4件，其中结果维持2件、其他结果1件、尚未审结1件。行政诉讼中，未经复议直接起诉2件、复议后起诉2件。/,
    );
  });

  it("claims 均获维持 and 未发生纠错 only when the table gives them", () => {
    const say = (g: Parameters<typeof section4Row>[0]) => textOf(narrative(withS4(g)), "s4.cases");
    assert.match(say({ review: [3, 0, 0, 0] }), /行政复议3件，均获维持；未发生行政诉讼。未发生行政复议纠错。/);
    assert.match(say({ review: [1, 0, 0, 0] }), /行政复议1件，结果维持；/);
    for (const g of [{ review: [2, 1, 0, 0] }, { review: [2, 0, 0, 1] }] as Parameters<typeof section4Row>[0][]) {
      assert.doesNotMatch(say(g), /均获维持/);
    }
    assert.doesNotMatch(say({ review: [2, 1, 0, 0] }), /未发生行政复议纠错/);
    // Every case pending: nothing concluded, so no claim about corrections.
    assert.equal(
      say({ review: [0, 0, 0, 2] }),
      "2024年，本机关因政府信息公开申请被申请行政复议2件，均尚未审结；未发生行政诉讼。具体情况见下表。",
    );
  });
});

describe("narrative / fee (section 六)", () => {
  it("states 0元, an amount, or a placeholder", () => {
    const r = example2021();
    assert.equal(textOf(narrative(r), "s6.fee"), "2021年，本局未收取政府信息公开信息处理费。");
    r.meta.fee = num(12.5);
    assert.equal(textOf(narrative(r), "s6.fee"), "2021年，本局收取政府信息公开信息处理费12.50元。");
    r.meta.fee = num(300);
    assert.match(textOf(narrative(r), "s6.fee"), /信息处理费300元。$/);
    r.meta.fee = num(null);
    assert.match(textOf(narrative(r), "s6.fee"), /【待补充：金额，未收取的写0（表中尚未填写）】元/);
    assert.equal(textOf(narrative(r, { blanksAsZero: true }), "s6.fee"), "2021年，本局未收取政府信息公开信息处理费。");
  });

  it("uses the scope word settings", () => {
    const r = example2021();
    r.meta.scope = { value: "本级政府" };
    r.meta.body = { text: "某某经济技术开发区管理委员会" };
    assert.match(textOf(narrative(r), "s6.fee"), /^2021年，全区各级行政机关/);
    r.meta.body = { text: "某某单位" };
    assert.match(textOf(narrative(r), "s6.fee"), /^2021年，全区各级行政机关/, "no suffix: the default");
    r.meta.body = { text: "某某市人民政府" };
    assert.match(textOf(narrative(r), "s6.fee"), /^2021年，全市各级行政机关/);
    assert.match(textOf(narrative(r, { areaWord: "全县" }), "s6.fee"), /^2021年，全县各级行政机关/);
    assert.match(textOf(narrative(r, { scopeWord: "市教育局" }), "s6.fee"), /^2021年，市教育局未收取/);
  });
});

describe("narrative / robustness", () => {
  it("waits for a correction instead of writing non-whole or negative figures", () => {
    const r = example2021();
    r.section3!.cells["open|natural"] = num(60.5);
    r.section4!.cells["count|review.upheld"] = num(-2);
    r.proactive!.categories[0]!.count = num(-1);
    r.meta.fee = num(-3);
    const ps = narrative(r);
    for (const id of ["s1.proactive", "s1.applications", "s4.cases", "s6.fee"]) {
      assert.match(textOf(ps, id), /【待补充：[^】]*(核对|修正)[^】]*】/, id);
    }
    assertClean(ps);
  });

  it("never throws and stays lint-clean on arbitrary proactive breakdowns (property)", () => {
    const figure = fc.oneof(fc.nat(5000), fc.constant(null), fc.double({ min: -10, max: 10, noNaN: true }));
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom("政府文件", "工作动态信息", "人事信息", "财政信息", "其他信息"), figure), {
          maxLength: 8,
        }),
        fc.option(figure),
        fc.option(figure),
        fc.option(fc.integer({ min: -500, max: 500 })),
        fc.integer({ min: 0, max: 4 }),
        fc.boolean(),
        (cats, total, prior, increase, decimals, lr) => {
          // The table's 合计: SUM of the categories, the typed total only when no category has a figure.
          const r = emptyReport("free-form");
          r.proactive = {
            name: "主动公开政府信息",
            categories: cats.map(([name, n]) => ({ name, count: num(n) })),
            partition: true,
            children: [],
            ...(total !== null ? { total: num(total) } : {}),
            ...(prior !== null ? { priorTotal: num(prior) } : {}),
            ...(increase !== null ? { statedIncrease: num(increase) } : {}),
          };
          const rounding = { decimals, rounding: "half-up" as const, largestRemainder: lr };
          // Blanks not filled yet: the text waits for them, and stays clean.
          const waiting = narrative(r, { rounding });
          assertClean(waiting);
          if (cats.some(([, n]) => n === null) && cats.some(([, n]) => n !== null)) {
            assert.match(waiting.find((p) => p.id === "s1.proactive")!.text, /^【待补充：主动公开政府信息条数/);
          }
          // 生成报告: blanks count as 0, as the table's SUM counts them.
          const ps = narrative(r, { rounding, blanksAsZero: true });
          assertClean(ps);
          const t = ps.find((p) => p.id === "s1.proactive")?.text ?? "";
          const counts = cats.map(([, n]) => n);
          const valid = [...counts, total, prior].every((v) => v === null || (Number.isSafeInteger(v) && v >= 0));
          const sum = counts.reduce<number>((a, c) => a + (c ?? 0), 0);
          const whole = counts.some((c) => c !== null) ? sum : (total ?? 0);
          if (valid && !lr && sum <= whole) {
            cats.forEach(([name, n]) => {
              if (!n || whole === 0) return;
              const u = shareUnits(n, whole, decimals, "half-up")!;
              const share = u === 0 ? "不足" + formatPercent(1, decimals) : formatPercent(u, decimals);
              assert.ok(t.includes(`${name}${n}条，占`) && t.includes(share), `${name} ${share} in ${t}`);
            });
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe("narrative / the figures of the tables (a typed total that disagrees with its parts)", () => {
  it("states the SUMs the tables print, and shares of them, whatever the typed totals say", () => {
    const r = example2021();
    const s3 = r.section3!;
    // A clerk's typos: （七）总计 119 instead of 118, 新收 总计 121 instead of 120, 予以公开 总计 61 instead of 60.
    s3.cells["handled|total"] = num(119);
    s3.cells["new|total"] = num(121);
    s3.cells["open|total"] = num(61);
    r.section4!.cells["count|review.total"] = num(5);
    const ps = narrative(r);
    assertClean(ps);
    const t = textOf(ps, "s1.applications");
    assert.match(t, /新收政府信息公开申请120件，/);
    assert.match(t, /全年办结118件。其中，予以公开60件，占办结总数的50\.85%/);
    assert.doesNotMatch(t, /119件|121件|61件/);
    assert.match(textOf(ps, "s4.cases"), /行政复议2件/);
  });

  it("applicationFigures sums the applicant columns, not the typed 总计 column", () => {
    const r = example2021();
    r.section3!.cells["new|total"] = num(999);
    r.section3!.cells["handled|total"] = num(null);
    const f = section3Figures(r.section3!);
    assert.equal(f.received, 120);
    assert.equal(f.handled, 118);
  });
});

describe("narrative / area word of a 本级政府 report", () => {
  const cases: [string, string | null][] = [
    ["某某县人民政府", "全县"],
    ["某某市人民政府", "全市"],
    ["某某区人民政府", "全区"],
    ["某某市某某区人民政府", "全区"],
    ["某某省人民政府", "全省"],
    ["某某自治区人民政府", "全区"],
    ["某某自治州人民政府", "全州"],
    ["某某州人民政府", "全州"],
    ["某某自治县人民政府", "全县"],
    ["某某旗人民政府", "全旗"],
    ["某某市某某县人民政府办公室", "全县"],
    ["遂宁经济技术开发区", "全区"],
    ["某某市政府", "全市"],
    ["某某管委会", null],
    ["", null],
  ];
  for (const [unit, word] of cases) {
    it(`${unit || "(blank)"} -> ${word ?? "the setting or 全区"}`, () => {
      assert.equal(areaWordOf(unit), word);
      const r = example2021();
      r.meta.scope = { value: "本级政府" };
      r.meta.body = { text: unit };
      assert.match(textOf(narrative(r), "s6.fee"), new RegExp(`^2021年，${word ?? "全区"}各级行政机关`));
      // An explicit setting wins over the unit name.
      assert.match(textOf(narrative(r, { areaWord: "全镇" }), "s6.fee"), /^2021年，全镇各级行政机关/);
    });
  }
});

describe("narrative / section 六 before 2021", () => {
  it("has no 信息处理费 sentence before 2021 (国办函〔2020〕109号), keeping the placeholder of 六", () => {
    for (const year of [2018, 2019, 2020]) {
      const r = example2021();
      r.meta.year = { value: year, from: "metadata" };
      const ps = narrative(r);
      assert.ok(!ps.some((p) => p.id === "s6.fee" || p.text.includes("信息处理费")), String(year));
      const six = ps.findIndex((p) => p.id === "h6");
      assert.equal(ps[six + 1]!.id, "s6.other");
      assert.match(ps[six + 1]!.text, /^【待补充：其他需要报告的事项/);
    }
    const r = example2021();
    r.meta.year = { value: 2021, from: "metadata" };
    assert.match(textOf(narrative(r), "s6.fee"), /信息处理费/);
    // Unknown year: the format tells (2019 format = 2019-2020 reports).
    const unknown = emptyReport("2019");
    assert.ok(!narrative(unknown).some((p) => p.id === "s6.fee"));
    assert.ok(narrative(emptyReport("2021")).some((p) => p.id === "s6.fee"));
  });
});
