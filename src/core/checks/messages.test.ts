/**
 * Every check renders its message in Chinese and in English, with the cells and the values it names:
 * one case per check (a report that trips it), asserted word for word in both languages. A new check
 * without a case here fails the last test.
 */
import assert from "node:assert/strict";
import { emptyReport, fillTable, num } from "../model/build";
import { cellKey, FORMAT_2021 } from "../model/format";
import type { Report } from "../model/report";
import { textReport } from "../text/reports.testutil";
import { CHECKS, findingCells, formatMessage, getCheck, runChecks } from "./index";
import {
  at,
  figures2021,
  preparingReport,
  report2021,
  runCheck,
  s3Figures,
  SEED_CATEGORIES,
  seedProactive,
  seedReport,
} from "./reports.testutil";
import type { CheckOptions, Finding } from "./types";

interface Case {
  /** The report that trips the check (and options). */
  report: () => Report;
  options?: Partial<CheckOptions>;
  /** Which of the check's findings to render (default: the first). */
  messageId?: string;
  /** Through every check (text checks need the whole run), else the check alone. */
  all?: boolean;
  /** The finding's cells; a long list by its size and ends. */
  cells: string[] | { count: number; first: string; last: string };
  zh: string;
  en: string;
}

/** A report whose text (报告正文!A4) says `text` against tables built from `table`. */
function prose(text: string, table: Parameters<typeof textReport>[0]): Report {
  const r = textReport(table);
  r.prose = [{ text, cell: { sheet: "报告正文", row: 3, col: 0 } }];
  return r;
}

function withFigures(change: (f: ReturnType<typeof figures2021>) => void, year?: number): Report {
  const f = figures2021();
  change(f);
  return report2021(f, year);
}

const CASES: Record<string, Case> = {
  "missing-figures": {
    report: () => {
      const r = report2021();
      r.section3!.missingRows.push("withheld.safety");
      return r;
    },
    cells: [],
    zh: "三、收到和处理政府信息公开申请情况：未找到行“3.危及“三安全一稳定””，其数字无法核对。",
    en: "三、收到和处理政府信息公开申请情况: row “3.危及“三安全一稳定”” not found; its figures cannot be checked.",
  },
  "no-figures": {
    report: () => {
      const r = report2021();
      for (const t of [...Object.values(r.section2), r.section3!, r.section4!]) {
        for (const n of [...Object.values(t.cells), ...Object.values(t.prior ?? {})]) n.value = null;
      }
      delete r.meta.fee;
      return r;
    },
    cells: ["公开数据!B20", "公开数据!B24", "公开数据!B26", "公开数据!B29", "公开数据!D31", "公开数据!B61"],
    zh: "未填写任何数据：200个应填数字的单元格全部为空；请从 公开数据!B20 起填写本年度的数字（没有的填0）后再核对。",
    en: "No figures filled in: all 200 cells that take a figure are blank; fill in this year's figures from 公开数据!B20 on (0 where there is none) and check again.",
  },
  "reader-notes": {
    report: () => {
      const r = report2021();
      const cells = [at(10, 0), at(40, 0)];
      r.notes.push({ code: "ambiguous", cells, params: { what: "s4", table: "s4" } });
      return r;
    },
    cells: ["公开数据!A11", "公开数据!A41"],
    zh: "“四、政府信息公开行政复议、行政诉讼情况”出现了不止一处（公开数据!A11、公开数据!A41），已读取 公开数据!A11 处的表格；请删除多余的一处。",
    en: "“四、政府信息公开行政复议、行政诉讼情况” appears more than once (公开数据!A11, 公开数据!A41); the one at 公开数据!A11 was read. Remove the extra copy.",
  },
  "report-copy": {
    report: () => {
      const r = report2021();
      r.copy = {
        of: "原件",
        count: 1,
        differences: [
          { label: "三：（一）予以公开／自然人", cell: at(12, 3), value: 6, otherCell: at(12, 3, "原件"), other: 5 },
        ],
      };
      return r;
    },
    cells: ["公开数据!D13", "原件!D13"],
    zh: "本表与工作表“原件”是同一单位同一年度的报告，但有 1 个数字不同：三：（一）予以公开／自然人 公开数据!D13 为 6，原件!D13 为 5。请确认哪一份是定稿。",
    en: "This sheet and sheet “原件” hold the same unit's report for the same year, but 1 figure(s) differ: 三：（一）予以公开／自然人 公开数据!D13 is 6, 原件!D13 is 5. Check which one is final.",
  },
  "not-a-number": {
    report: () => {
      const r = report2021();
      Object.assign(r.section3!.cells[cellKey("new", "natural")]!, {
        value: null,
        issue: "not-a-number",
        text: "二十",
      });
      return r;
    },
    cells: ["公开数据!D31"],
    zh: "三、收到和处理政府信息公开申请情况 一、本年新收政府信息公开申请数量 / 自然人：应填数字，填写的是“二十”。",
    en: "三、收到和处理政府信息公开申请情况 一、本年新收政府信息公开申请数量 / 自然人: a number belongs here, found “二十”.",
  },
  "uncached-formula": {
    report: () => {
      const r = report2021();
      Object.assign(r.section4!.cells[cellKey("count", "review.total")]!, {
        value: null,
        issue: "uncached-formula",
        formula: "=SUM(B61:E61)",
      });
      return r;
    },
    cells: ["公开数据!F61"],
    zh: "1 个数字单元格的公式没有计算结果（公开数据!F61），无法读取其数值。请在 Excel 中打开并保存一次，以便计算公式结果。",
    en: "1 figure cell(s) hold formulas without a calculated result (公开数据!F61); their values cannot be read. Open and save the file once in Excel so that the formulas are calculated.",
  },
  "text-number": {
    report: () => {
      const r = report2021();
      Object.assign(r.section2["s2.item5"]!.cells[cellKey("licensing", "decisions")]!, { issue: "text", text: "1,20" });
      return r;
    },
    cells: ["公开数据!B24"],
    zh: "二、第二十条第（五）项 行政许可 / 本年处理决定数量：“1,20”是文本形式的数字，已按120读取；请改为数字格式，以免 Excel 求和时漏算。",
    en: "二、第二十条第（五）项 行政许可 / 本年处理决定数量: “1,20” is a number typed as text, read as 120; enter it as a number so that Excel sums it.",
  },
  "whole-number": {
    report: () => withFigures((f) => (f.item5["licensing"]!["decisions"] = 12.5)),
    cells: ["公开数据!B24"],
    zh: "二、第二十条第（五）项 行政许可 / 本年处理决定数量：件数应为整数，填写为12.5。",
    en: "二、第二十条第（五）项 行政许可 / 本年处理决定数量: a count must be a whole number, found 12.5.",
  },
  "blank-cell": {
    report: () =>
      withFigures((f) => {
        f.s3["withheld.secret"]!["research"] = null;
        f.s3["withheld.law"]!["research"] = null;
      }),
    cells: ["公开数据!F35", "公开数据!F36"],
    zh: "三、收到和处理政府信息公开申请情况：有2个单元格为空，已按0计算；格式要求填写0。",
    en: "三、收到和处理政府信息公开申请情况: 2 blank cell(s), counted as 0; the format wants 0 written out.",
  },
  "s3-row-sum": {
    report: () => withFigures((f) => (f.s3["open"]!["natural"] = 11)),
    cells: ["公开数据!D33", "公开数据!J33", "公开数据!D54"],
    zh: "三、“（一）予以公开”行“自然人”列的数字很可能填错：填写为11，该行自然人至其他之和为16而总计为15，该列办理结果各项之和为20而（七）总计为19，两处都相差1；改为10后行、列都相符。",
    en: "Section 三, the figure in row “（一）予以公开”, column “自然人” is probably wrong: it says 11; its row's applicant columns sum to 16 against 总计 15, and its column's outcome items sum to 20 against （七）总计 19, both off by 1; 10 makes both hold.",
  },
  "s3-column-sum": {
    // A figure and its row's 总计 both one too high: the row holds, the columns do not (column-only).
    report: () =>
      withFigures((f) => {
        f.s3["open"]!["natural"] = f.s3["open"]!["natural"]! + 1;
        f.s3["open"]!["total"] = f.s3["open"]!["total"]! + 1;
      }),
    cells: { count: 22, first: "公开数据!D33", last: "公开数据!D54" },
    zh: "三、“自然人”列：办理结果各项之和为20，（七）总计填写为19。",
    en: "Section 三, column “自然人”: the outcome items sum to 20, but （七）总计 says 19.",
  },
  "s3-balance": {
    report: () =>
      withFigures((f) => {
        f.s3["carryNext"]!["total"] = f.s3["carryNext"]!["total"]! + 3;
        f.s3["carryNext"]!["otherOrg"] = f.s3["carryNext"]!["otherOrg"]! + 3;
      }),
    cells: ["公开数据!I31", "公开数据!I32", "公开数据!I54", "公开数据!I55"],
    zh: "三、“法人或其他组织·其他”列：一、本年新收1加二、上年结转1为2，但（七）总计1加四、结转下年度4为5。",
    en: "Section 三, column “法人或其他组织·其他”: 一 new 1 + 二 carried over 1 = 2, but （七）总计 1 + 四 carried to next year 4 = 5.",
  },
  "s4-group-sum": {
    report: () => withFigures((f) => (f.s4["count"]!["review.total"] = 2)),
    cells: ["公开数据!B61", "公开数据!C61", "公开数据!D61", "公开数据!E61", "公开数据!F61"],
    zh: "四、行政复议：结果维持、结果纠正、其他结果、尚未审结之和为3，总计填写为2。",
    en: "Section 四, 行政复议: upheld + corrected + other + pending = 3, but 总计 says 2.",
  },
  "reading-doubt": {
    // A PDF misread: 三（一） with the blank 科研机构 skipped, the figures slid one column left.
    report: () => {
      const r = withFigures((f) => {
        const cols = ["natural", "commercial", "research", "publicInterest", "legal", "otherOrg", "total"];
        const read = [10, 3, 0, 2, 0, 15, null];
        cols.forEach((c, i) => (f.s3["open"]![c] = read[i]!));
      });
      r.medium = "pdf";
      return r;
    },
    cells: { count: 175, first: "公开数据!D31", last: "公开数据!J55" },
    zh: "从PDF读出的“三、收到和处理政府信息公开申请情况”可能读错了（“（一）予以公开”一行的合计数落在了前面的列，像是空白格未读出、数字左移）：请对照原文件核对。该表的数字未作汇总，也不算作该单位的错误。",
    en: "“三、收到和处理政府信息公开申请情况” as read from the PDF may be misread (row “（一）予以公开” shows its total in an earlier column, as if a blank was skipped and the figures slid left): check it against the file. Its figures are not summed and not counted as the unit's errors.",
  },
  "typed-total": {
    report: () => {
      const r = preparingReport();
      delete r.section3!.cells[cellKey("new", "total")]!.formula;
      return r;
    },
    cells: ["公开数据!J31"],
    zh: "三、收到和处理政府信息公开申请情况：1个总计/合计单元格原为公式，现为手填数字，修改分项后不会随之更新；请恢复公式（可从相邻的合计单元格复制），或把“填报方式”改为“核对”。",
    en: "三、收到和处理政府信息公开申请情况: 1 total cell(s) hold a typed number instead of their SUM formula and no longer follow their parts; restore the formula (copy it from a neighbouring total), or set 填报方式 to 核对.",
  },
  "no-year": {
    report: () => {
      const r = report2021();
      delete r.meta.year;
      return r;
    },
    cells: [],
    zh: "未找到报告年度：请在“报告年度”旁填写年份，或在标题中写明“××××年”。与年度有关的检查未进行。",
    en: "The report year was not found: fill in 报告年度 or put the year in the title. Year-dependent checks were skipped.",
  },
  "format-year": {
    report: () => report2021(undefined, 2020),
    cells: ["公开数据!B3"],
    zh: "2020年度报告应使用国办公开办函〔2019〕60号规定的2019年格式，但表格为国办公开办函〔2021〕30号规定的2021年格式。",
    en: "A report for 2020 should use the 2019 format (国办公开办函〔2019〕60号), but the tables follow the 2021 format (国办公开办函〔2021〕30号).",
  },
  "s3-other-items": {
    report: () => {
      const f = figures2021();
      f.s3Def = FORMAT_2021.section3SingleOther;
      f.s3 = s3Figures(f.s3Def);
      const r = report2021(f);
      r.section3!.rowLabels["other"] = {
        cell: { sheet: "公开数据", row: 50, col: 1 },
        found: "（六）其他处理",
        expected: "（六）其他处理",
        deviations: [],
      };
      return r;
    },
    cells: [
      "公开数据!B51",
      "公开数据!D51",
      "公开数据!E51",
      "公开数据!F51",
      "公开数据!G51",
      "公开数据!H51",
      "公开数据!I51",
      "公开数据!J51",
    ],
    zh: "三、（六）其他处理只有一行；2021年格式要求分为“1.申请人无正当理由逾期不补正…”“2.申请人逾期未按收费通知要求缴纳费用…”“3.其他”三项。",
    en: "Section 三 prints （六）其他处理 as one row; the 2021 format splits it into three items (no correction, fee not paid, other).",
  },
  "label-typo": {
    report: () => {
      const r = report2021();
      r.section3!.colLabels["commercial"] = {
        cell: at(28, 4),
        found: "商业 企业",
        expected: "商业企业",
        deviations: ["whitespace"],
      };
      return r;
    },
    cells: ["公开数据!E29"],
    zh: "三、收到和处理政府信息公开申请情况：标签“商业 企业”与格式“商业企业”不一致（空格或换行）。",
    en: "三、收到和处理政府信息公开申请情况: label “商业 企业” differs from the format's “商业企业” (spaces or line breaks).",
  },
  "breakdown-sum": {
    report: () => {
      const r = seedReport();
      r.proactive = seedProactive(SEED_CATEGORIES, 1120);
      return r;
    },
    cells: [
      "公开数据!B11",
      "公开数据!B12",
      "公开数据!B13",
      "公开数据!B14",
      "公开数据!B15",
      "公开数据!B16",
      "公开数据!B17",
      "公开数据!B18",
      "公开数据!B19",
    ],
    zh: "主动公开政府信息：各类别之和为1119条，合计写为1120条。",
    en: "主动公开政府信息: the categories sum to 1119, but the total says 1120.",
  },
  "stated-share": {
    report: () => {
      const r = seedReport();
      r.proactive = seedProactive(
        SEED_CATEGORIES.map(([n, c, s]): [string, number, string] => (n === "财政信息" ? [n, c, "10%"] : [n, c, s])),
      );
      return r;
    },
    cells: ["公开数据!D16", "公开数据!B16", "公开数据!B19"],
    zh: "主动公开政府信息：“财政信息”103条占合计1119条，按所写精度应为9%，写为10%。",
    en: "主动公开政府信息: “财政信息” 103 of 1119 is 9% at the stated precision, but the report says 10%.",
  },
  "shares-sum": {
    report: seedReport,
    cells: [
      "公开数据!D11",
      "公开数据!D12",
      "公开数据!D13",
      "公开数据!D14",
      "公开数据!D15",
      "公开数据!D16",
      "公开数据!D17",
      "公开数据!D18",
    ],
    zh: "主动公开政府信息：各项占比之和为99%，不等于100%。如系四舍五入所致，请加注“注：因四舍五入，各项占比之和可能不等于100%”，或改用最大余数法。",
    en: "主动公开政府信息: the stated shares sum to 99%, not 100%. If rounding is the cause, add the note “注：因四舍五入，各项占比之和可能不等于100%” or use largest remainder.",
  },
  "zero-share": {
    report: seedReport,
    cells: ["公开数据!D12", "公开数据!B12"],
    zh: "主动公开政府信息：“计划总结信息”有2条，占比却写为0%；可写为0.2%或“不足1%”。",
    en: "主动公开政府信息: “计划总结信息” has 2, yet its share is written 0%; write 0.2% or “不足1%” instead.",
  },
  "mixed-precision": {
    report: () => {
      const r = seedReport();
      r.proactive = seedProactive(
        [
          ["甲", 1303, "86.92%"],
          ["乙", 172, "11.47%"],
          ["丙", 24, "2%"],
        ],
        1499,
      );
      return r;
    },
    cells: ["公开数据!D11", "公开数据!D12", "公开数据!D13"],
    zh: "主动公开政府信息：各项占比的小数位数不一致（0/2位），应统一保留2位小数。",
    en: "主动公开政府信息: the shares use different numbers of decimals (0/2); use 2 decimals throughout.",
  },
  "stated-increase": {
    report: () => {
      const r = seedReport();
      r.proactive!.priorTotal = num(700, at(18, 2));
      return r;
    },
    cells: ["公开数据!B20", "公开数据!B19", "公开数据!C19"],
    zh: "主动公开政府信息：本年1119条，上年700条，比上年新增应为419条，写为390条。",
    en: "主动公开政府信息: 1119 this year and 700 last year make an increase of 419, but the report says 390.",
  },
  "stated-yoy": {
    report: () => {
      const r = seedReport();
      r.proactive!.children[0]!.priorTotal = num(320, at(32, 2));
      return r;
    },
    cells: ["公开数据!B35", "公开数据!B33", "公开数据!C33"],
    zh: "重点领域信息：本年382条，上年320条，同比变化应为19%，写为22%。",
    en: "重点领域信息: 382 this year against 320 last year is a change of 19%, but the report says 22%.",
  },
  "stated-completion": {
    report: () => {
      const r = seedReport();
      r.proactive!.target = num(1000, at(21, 1));
      return r;
    },
    cells: ["公开数据!B21", "公开数据!B19", "公开数据!B22"],
    zh: "主动公开政府信息：合计1119条，年度目标1000条，完成率应为112%，写为124%。",
    en: "主动公开政府信息: 1119 against a target of 1000 is a completion rate of 112%, but the report says 124%.",
  },
  "prior-report": {
    report: () => {
      const r = report2021(undefined, 2022);
      r.meta.body = { text: "某县甲局" };
      r.prior = report2021(undefined, 2021);
      r.prior.meta.body = { text: "某县乙局" };
      return r;
    },
    cells: ["公开数据!B3"],
    zh: "上年报告是另一单位的（“某县乙局”，本报告为“某县甲局”），未做跨年核对。",
    en: "Last year's report is another unit's (“某县乙局”; this report is “某县甲局”); cross-year checks were skipped.",
  },
  "carry-over": {
    report: () => {
      const r = report2021();
      const prior = emptyReport("2021", "公开数据");
      const def = FORMAT_2021.section3;
      const carryIndex = def.rows.findIndex((x) => x.key === "carryNext");
      prior.section3 = fillTable(
        def,
        { carryNext: { natural: 5, commercial: 0, research: 0, publicInterest: 0, legal: 0, otherOrg: 1, total: 6 } },
        { sheet: "公开数据", row: 56 - carryIndex, col: 3 },
      );
      r.prior = prior;
      return r;
    },
    cells: ["公开数据!D32", "公开数据!D57"],
    zh: "三、“自然人”列：本年上年结转为3，上年报告结转下年度继续办理为5。",
    en: "Section 三, column “自然人”: carried over from last year is 3, but last year's report carried 5 to this year.",
  },
  "in-force": {
    report: () => withFigures((f) => (f.item1["normativeDocs"]!["inForce"] = 45)),
    cells: ["公开数据!D21", "公开数据!E21", "公开数据!B21", "公开数据!C21"],
    zh: "二、第二十条第（一）项“行政规范性文件”：上年现行有效37件 + 本年制发5件 − 本年废止2件 = 40件，现行有效件数填写为45件。",
    en: "Section 二 item (1), “行政规范性文件”: last year in force 37 + issued 5 − repealed 2 = 40, but in force says 45.",
  },
  "copied-forward": {
    report: () => {
      const r = report2021();
      r.prior = report2021(undefined, 2020);
      return r;
    },
    cells: { count: 200, first: "公开数据!D31", last: "公开数据!B29" },
    zh: "本年200个数字与上年报告完全相同，请确认不是沿用了上年的数据。",
    en: "All 200 figures are identical to last year's report; make sure last year's figures were not copied forward.",
  },
  "review-exceeds-applications": {
    report: () =>
      withFigures((f) => {
        f.s4["count"]!["review.upheld"] = 25;
        f.s4["count"]!["review.total"] = 27;
      }),
    cells: ["公开数据!F61", "公开数据!J54"],
    zh: "四、行政复议总计27件，多于三、（七）总计办理的申请26件，请核实。",
    en: "Section 四: 27 administrative reviews exceed the 26 applications handled (三 （七）总计); please verify.",
  },
  "fee-unit": {
    report: () => withFigures((f) => (f.item8["fees"]!["amount"] = 77302800)),
    cells: ["公开数据!B29"],
    zh: "二、行政事业性收费金额为77302800万元（即7730.28亿元），数额异常，是否误填了以元为单位的金额？",
    en: "Section 二: the fees amount to 77302800 万元 (7730.28 亿元), which looks like a figure in 元 typed into the 万元 column.",
  },
  "fee-missing": {
    report: () => {
      const r = report2021(undefined, 2022);
      r.meta.fee!.value = null;
      return r;
    },
    cells: ["公开数据!B5"],
    zh: "未填写信息处理费：2021年起的年度报告应在“六、其他需要报告的事项”中报告收取的信息处理费，未收取的填0。",
    en: "The information processing fee is missing: from 2021 section 六 reports the fee charged; write 0 when none was charged.",
  },
  "other-year-text": {
    report: () => {
      const r = report2021(undefined, 2023);
      r.texts = [{ text: "2019年政府信息公开工作年度报告数据表", cell: at(0, 0) }];
      return r;
    },
    cells: ["公开数据!A1"],
    zh: "“2019年政府信息公开工作年度报告数据表”写的是2019年，但报告年度为2023年。",
    en: "“2019年政府信息公开工作年度报告数据表” names the year 2019, but the report is for 2023.",
  },
  "text-count": {
    report: () => prose("全年共收到政府信息公开申请141件。", { year: 2023, N: 140 }),
    all: true,
    cells: ["报告正文!A4", "公开数据!J41", "公开数据!J42"],
    zh: "正文写“141件”，与表格不符：表格中本年新收为140（本年新收加上年结转）。",
    en: "The text says “141件”, but the tables give new this year = 140 (new plus carried over).",
  },
  "text-share": {
    report: () =>
      prose("全年办结政府信息公开申请81件，其中予以公开42件，占51.86%；不予公开39件，占48.15%。", {
        year: 2023,
        N: 81,
        G: [42, 0, 39, 0, 0, 0],
      }),
    all: true,
    cells: ["报告正文!A4"],
    zh: "正文所写占比51.86%有误：42÷81按所写小数位数应为51.85%。",
    en: "The share 51.86% in the text is wrong: 42 / 81 at the decimals written is 51.85%.",
  },
  "text-sum": {
    report: () => prose("全年共公开政府信息100条，其中政策文件40条、工作动态50条、其他信息5条。", { year: 2023, N: 0 }),
    all: true,
    cells: ["报告正文!A4"],
    zh: "正文所列3项之和为95，与所写合计“100条”不符（相差5）。",
    en: "The 3 items listed in the text sum to 95, not to the stated total “100条” (off by 5).",
  },
  "text-claim": {
    report: () => prose("政府信息公开行政复议2件，均获维持。", { year: 2023, N: 5, cases: { review: [1, 0, 0, 1] } }),
    all: true,
    cells: ["报告正文!A4", "公开数据!F71"],
    zh: "正文称“均获维持”，但表格中行政复议共2件：结果维持1件、结果纠正0件、其他结果0件、尚未审结1件。",
    en: "The text says “均获维持” (all upheld), but the tables give administrative reviews: 2 in all, 1 upheld, 0 corrected, 0 other, 1 pending.",
  },
  "text-change": {
    report: () => prose("全年共收到政府信息公开申请120件，同比增长30%。", { year: 2023, N: 120, prior: { N: 100 } }),
    all: true,
    cells: ["报告正文!A4", "公开数据!J41"],
    zh: "正文所写同比变化30%有误：本年120件、上年100件，应为20%。",
    en: "The year-on-year change 30% in the text is wrong: 120 this year against 100 last year is 20%.",
  },
  "text-year": {
    report: () => prose("2022年，本机关共收到政府信息公开申请12件。", { year: 2023, N: 12 }),
    all: true,
    cells: ["报告正文!A4"],
    zh: "正文写2022年，但报告年度为2023年（疑似沿用其他年度的文字）。",
    en: "The text says 2022, but the report is for 2023 (perhaps another year's text reused).",
  },
  "text-fee": {
    report: () => prose("2023年，本机关共收取信息处理费50元。", { year: 2023, N: 0, fee: 0 }),
    all: true,
    cells: ["报告正文!A4", "公开数据!D91"],
    zh: "正文写“信息处理费50元”（50元），但信息处理费填写为0元。",
    en: "The text says “信息处理费50元” (50 yuan), but the fee figure is 0 yuan.",
  },
};

function render(id: string, c: Case): { cells: Case["cells"]; zh: string; en: string } {
  const found: Finding[] = c.all
    ? runChecks(c.report(), c.options).filter((f) => f.rule === id)
    : runCheck(getCheck(id), c.report(), c.options);
  const f = c.messageId ? found.find((x) => x.messageId === c.messageId) : found[0];
  assert.ok(f, `${id}: no finding${c.messageId ? ` "${c.messageId}"` : ""} (got ${found.map((x) => x.messageId)})`);
  const all = findingCells(f);
  const cells = Array.isArray(c.cells) ? all : { count: all.length, first: all[0]!, last: all[all.length - 1]! };
  return { cells, zh: formatMessage(f, "zh"), en: formatMessage(f, "en") };
}

describe("every check's message, in zh and en, with its cells and values", () => {
  for (const [id, c] of Object.entries(CASES)) {
    it(id, () => {
      const got = render(id, c);
      if (process.env.PRINT_MESSAGES) console.log(JSON.stringify({ id, ...got }));
      assert.deepEqual(got, { cells: c.cells, zh: c.zh, en: c.en });
    });
  }

  it("has a case for every check", () => {
    assert.deepEqual(
      CHECKS.map((c) => c.id).filter((id) => !(id in CASES)),
      [],
    );
  });
});
