/**
 * Sentences for the text tests, each with a table that fits it (or, for the must-raise cases, contradicts
 * it) and exactly the findings it must give. "real" sentences are verbatim from published reports
 * (../shared/reference/narrative-phrasing.md, ../shared/field/); the others are constructed to pin one
 * reading each.
 */
import { runChecks, type Finding } from "../checks";
import { textReport, type TextTable } from "./reports.testutil";

export interface Case {
  text: string;
  table: TextTable;
  /** "rule/messageId" of every text finding, in any order; [] = must pass. */
  expect: string[];
  real?: boolean;
  note?: string;
  largestRemainder?: boolean;
}

export const CELL = { sheet: "报告正文", row: 4, col: 0 };

export function textFindings(c: Pick<Case, "text" | "table" | "largestRemainder">): Finding[] {
  const r = textReport(c.table);
  r.prose = [{ text: c.text, cell: CELL }];
  return runChecks(r, c.largestRemainder ? { largestRemainder: true } : {}).filter((f) => f.text !== undefined);
}

const G = (a: number, b: number, c: number, d: number, e: number, f: number): TextTable["G"] => [a, b, c, d, e, f];

// ---------- The reference's verbatim examples, each with a table that fits it.
export const REFERENCE: Case[] = [
  {
    real: true,
    note: "ref 1",
    text: "2023年共受理政府信息依申请公开121件（其中本年度新收申请数112件，上年结转申请数9件），已答复119件，属于同意公开的60件，部分公开13件，不同意公开的6件，无法提供的26件，不予处理3件，其他处理11件，另2件结转下一年处理。",
    table: { year: 2023, N: 112, C: 9, G: G(60, 13, 6, 26, 3, 11) },
    expect: [],
  },
  {
    real: true,
    note: "ref 2",
    text: "被行政复议7件，其中结果维持6件、结果纠正0件、其他结果0件、尚未审结1件。2023年度收到诉讼为3件，其中未经复议直接起诉2件，均尚未审结。复议后起诉1件，结果维持。",
    table: {
      year: 2023,
      N: 0,
      cases: { review: [6, 0, 0, 1], suitDirect: [0, 0, 0, 2], suitAfterReview: [1, 0, 0, 0] },
    },
    expect: [],
  },
  {
    real: true,
    note: "ref 3",
    text: "全区各级行政机关共收到政府信息公开申请110件，其中予以公开38件，部分公开1件，不予公开5件，无法提供59件，不予处理7件，年内均在法定期限予以答复办结。",
    table: { year: 2022, N: 110, G: G(38, 1, 5, 59, 7, 0) },
    expect: [],
  },
  {
    real: true,
    note: "ref 4",
    text: "市政府办公室代表市政府共受理政府信息公开申请109件，答复108件（含上年度结转申请2件，另有3件顺延到下年度答复）…政府信息公开行政复议2件，均获维持；政府信息公开行政诉讼21件，其中17件结果维持，4件尚未审结。",
    table: {
      year: 2022,
      N: 109,
      C: 2,
      G: G(108, 0, 0, 0, 0, 0),
      cases: { review: [2, 0, 0, 0], suitDirect: [17, 0, 0, 4] },
    },
    expect: [],
  },
  {
    real: true,
    note: "ref 5",
    text: "市政府办公厅全年新受理政府信息公开申请件227件，上年结转18件；按规定在法定期限内答复229件，16件结转至2025年继续办理。",
    table: { year: 2024, N: 227, C: 18, G: G(229, 0, 0, 0, 0, 0) },
    expect: [],
  },
  {
    real: true,
    note: "ref 6",
    text: "全区共受理政府信息公开申请件2025件（包含上年结转71件），1950件已按规定在法定期限内予以答复，75件结转下年答复。",
    table: { year: 2024, N: 1954, C: 71, G: G(1950, 0, 0, 0, 0, 0) },
    expect: [],
  },
  {
    real: true,
    note: "ref 7",
    text: "本年度全区共处理政府信息公开申请件767件，其中区政府24件、部门街道743件，其中742件已办结，25件结转2025年继续办理。",
    table: { year: 2024, N: 767, G: G(742, 0, 0, 0, 0, 0) },
    expect: [],
  },
  {
    real: true,
    note: "ref 8 (2024)",
    text: "全年共办理政府信息公开申请69件，含2023年转至今年办理的3件，办结68件，剩余1件结转下一年度处理",
    table: { year: 2024, N: 66, C: 3, G: G(68, 0, 0, 0, 0, 0) },
    expect: [],
  },
  {
    real: true,
    note: "ref 8 (2023)",
    text: "共办理政府信息公开申请74件，办结71件，剩余3件结转下一年度处理",
    table: { year: 2023, N: 74, G: G(71, 0, 0, 0, 0, 0) },
    expect: [],
  },
  {
    real: true,
    note: "ref 9",
    text: "全年办理省政府及省政府办公厅政府信息公开申请1598件，同比增长24.9%。其中自然人申请件1556件，占比97.4%，法人或其他组织申请件42件；予以公开及部分公开896件，占比56.1%",
    table: { year: 2023, N: 1598, naturalNew: 1556, G: G(800, 96, 702, 0, 0, 0), prior: { N: 1279 } },
    expect: [],
  },
  {
    real: true,
    note: "ref 10",
    text: "共完成政府信息依申请公开答复1453件，包括上年结转信息公开申请30件。其中，予以公开答复966件，占66.48%；部分公开67，占4.61%；不予公开81件，占5.57%；无法提供的182件，占12.53%；不予处理的61件，占4.20%；其他处理96件，占6.61%。",
    table: { year: 2022, N: 1423, C: 30, G: G(966, 67, 81, 182, 61, 96) },
    expect: [],
  },
  {
    real: true,
    note: "ref 11: wrong count, share rounded down, mixed decimals",
    text: "予以公开及部分公开140件，占31.4%；不予公开25件，占5.60%",
    table: { year: 2023, N: 446, G: G(100, 46, 25, 275, 0, 0) },
    expect: ["text-count/wrong", "text-share/wrong", "text-share/mixed"],
  },
];

// ---------- Real sentences against tables that contradict them (must raise).
export const REAL_RAISE: Case[] = [
  {
    real: true,
    note: "ref 3 with 其他处理 2 in the table: the list leaves it out, and 均…办结 while 0 carried over still holds",
    text: "全区各级行政机关共收到政府信息公开申请112件，其中予以公开38件，部分公开1件，不予公开5件，无法提供59件，不予处理7件，年内均在法定期限予以答复办结。",
    table: { year: 2022, N: 112, G: G(38, 1, 5, 59, 7, 2) },
    expect: ["text-sum/omits"],
  },
  {
    real: true,
    note: "ref 4 with a pending review: 均获维持 is false",
    text: "政府信息公开行政复议2件，均获维持；政府信息公开行政诉讼21件，其中17件结果维持，4件尚未审结。",
    table: { year: 2022, N: 0, cases: { review: [1, 0, 0, 1], suitDirect: [17, 0, 0, 4] } },
    expect: ["text-claim/allUpheld"],
  },
  {
    real: true,
    note: "ref 2 with one direct suit decided: 均尚未审结 is false",
    text: "2023年度收到诉讼为3件，其中未经复议直接起诉2件，均尚未审结。",
    table: { year: 2023, N: 0, cases: { suitDirect: [1, 0, 0, 1], suitAfterReview: [1, 0, 0, 0] } },
    expect: ["text-claim/allPending"],
  },
  {
    real: true,
    note: "ref 5 in a 2023 report: 结转至2025年 is not next year",
    text: "市政府办公厅全年新受理政府信息公开申请件227件，上年结转18件；按规定在法定期限内答复229件，16件结转至2025年继续办理。",
    table: { year: 2023, N: 227, C: 18, G: G(229, 0, 0, 0, 0, 0) },
    expect: ["text-year/next"],
  },
  {
    real: true,
    note: "ref 6 with a table whose 本年新收 is the 2025 the sentence gives with carry-over",
    text: "全区共受理政府信息公开申请件2025件（包含上年结转71件），1950件已按规定在法定期限内予以答复，75件结转下年答复。",
    table: { year: 2024, N: 2025, C: 71, G: G(2021, 0, 0, 0, 0, 0) },
    expect: ["text-count/wrong", "text-count/wrong"],
  },
  {
    real: true,
    note: "ref 9 with last year 1300: 同比增长24.9% is wrong (22.9%)",
    text: "全年办理省政府及省政府办公厅政府信息公开申请1598件，同比增长24.9%。",
    table: { year: 2023, N: 1598, prior: { N: 1300 } },
    expect: ["text-change/percent"],
  },
  {
    real: true,
    note: "ref 9 with 自然人 1550 in the table",
    text: "全年办理省政府及省政府办公厅政府信息公开申请1598件，同比增长24.9%。其中自然人申请件1556件，占比97.4%，法人或其他组织申请件42件",
    table: { year: 2023, N: 1598, naturalNew: 1550 },
    expect: ["text-count/wrong", "text-count/wrong"],
  },
  {
    real: true,
    note: "ref 10 with the share of 部分公开 rounded down",
    text: "共完成政府信息依申请公开答复1453件，包括上年结转信息公开申请30件。其中，予以公开答复966件，占66.48%；部分公开67，占4.60%；不予公开81件，占5.57%；无法提供的182件，占12.53%；不予处理的61件，占4.20%；其他处理96件，占6.61%。",
    table: { year: 2022, N: 1423, C: 30, G: G(966, 67, 81, 182, 61, 96) },
    expect: ["text-share/wrong"],
  },
  {
    real: true,
    note: "pingtan 2022: 收到75件 is 本年新收 74 + 上年结转 1 without saying so",
    text: "2022年，全区收到政府信息公开申请75件，涉及自然人72件、商业企业3件，均在法定期限内予以答复，办结率100%。",
    table: { year: 2022, N: 74, C: 1, naturalNew: 71, naturalCarried: 1 },
    expect: ["text-count/scope"],
  },
  {
    real: true,
    note: "pingtan 2022 sentence with a pending lawsuit: 均已结案 is false",
    text: "2022年，全区政府信息公开工作方面共有行政诉讼案件1件、行政复议案件2件，均已结案。",
    table: { year: 2022, N: 0, cases: { review: [0, 1, 1, 0], suitDirect: [0, 0, 0, 1] } },
    expect: ["text-claim/noPending"],
  },
  {
    real: true,
    note: "pingtan 2022 sentence copied into the 2023 report",
    text: "2022年，全区收到政府信息公开申请75件，涉及自然人72件、商业企业3件，均在法定期限内予以答复，办结率100%。",
    table: { year: 2023, N: 75, naturalNew: 72 },
    expect: ["text-year/this"],
  },
  {
    real: true,
    note: "pingtan 2023 with one application carried to next year: 办结81件 and the list",
    text: "2023年全区接收通过邮寄、网络提交的各类政府信息公开申请共计81件，涉及自然人80件、商业企业1件。办结依申请公开81件，其中：予以公开及部分公开42件，占51.85%；不予公开5件，占6.17%；无法提供31件，占38.27%；不予处理1件，占1.23%；其他处理2件，占2.47%。",
    table: { year: 2023, N: 81, naturalNew: 80, G: G(42, 0, 5, 30, 1, 2), F: 1 },
    expect: ["text-count/wrong", "text-count/wrong"],
  },
  {
    real: true,
    note: "pingtan 2024 with a fee charged",
    text: "2024年，无收取信息处理费情况。",
    table: { year: 2024, N: 0, fee: 20 },
    expect: ["text-fee/differs"],
  },
  {
    real: true,
    note: "pingtan 2025: 154 received but 150 in the table",
    text: "2025年，全区共收到政府信息公开申请154件，共办结148件，结转至2026年6件。",
    table: { year: 2025, N: 150, G: G(144, 0, 0, 0, 0, 0) },
    expect: ["text-count/wrong", "text-count/wrong"],
  },
  {
    real: true,
    note: "pingtan 2019: eleven categories sum to 2533, stated 2599",
    text: "今年，我区政府信息公开单位共公布政府信息2599条，(其中机构职能类信息25条，政策、规范性文件类信息68条，规划计划类信息28条，行政许可类信息69条，重大建设项目信息90条，为民办实事类信息175条，民政扶贫救灾社会保障就业类信息67条，国土资源城乡建设环保能源类信息983条，科教文体卫生类信息48条，安全生产、应急管理类信息124条，其他应主动公开政府信息856条)对于主动公开的政府信息，主要通过政府门户网站、办公场所的宣传栏、《平潭时报》、电视广播等媒介发布公开。",
    table: { year: 2019, N: 23 },
    expect: ["text-sum/list"],
  },
  {
    real: true,
    note: "pingtan 2020: categories 2603, stated 2602",
    text: "全年我区政府信息公开单位共公布政府信息2602条(其中机构职能类信息82条，政策、规范性文件类信息80条，规划计划类信息21条，行政许可类信息40条，重大建设项目信息390条，为民办实事类信息69条，民政扶贫救灾社会保障就业类信息143条，国土资源城乡建设环保能源类信息208条，科教文体卫生类信息246条，安全生产、应急管理类信息271条，其他应主动公开政府信息1053条)，对于主动公开的政府信息，主要通过政府门户网站、政务新媒体、办公场所的LED屏及宣传栏、《平潭时报》、电视广播等媒介进行公开。",
    table: { year: 2020, N: 21 },
    expect: ["text-sum/list"],
  },
  {
    real: true,
    note: "pingtan 2019: a count missing before 条",
    text: "全年公开核准企业资质条、施工许可证76条、安全生产许可证121条、排水许可证5条、申请户外广告设置许可证783条、申请竣工验收备案16条；公开劳动就业、三农信息等信息共62条。",
    table: { year: 2019, N: 23 },
    expect: ["text-count/missing"],
  },
];

// ---------- Real sentences that must pass with the tables the reports print.
export const REAL_PASS: Case[] = [
  {
    real: true,
    note: "pingtan 2023 application paragraph",
    text: "2023年全区接收通过邮寄、网络提交的各类政府信息公开申请共计81件，涉及自然人80件、商业企业1件。办结依申请公开81件，其中：予以公开及部分公开42件，占51.85%；不予公开5件，占6.17%；无法提供31件，占38.27%；不予处理1件，占1.23%；其他处理2件，占2.47%；因政府信息公开引起的行政复议案件2件、行政诉讼案件7件。",
    table: {
      year: 2023,
      N: 81,
      naturalNew: 80,
      G: G(22, 20, 5, 31, 1, 2),
      cases: { review: [1, 1, 0, 0], suitDirect: [4, 0, 0, 1], suitAfterReview: [1, 0, 1, 0] },
    },
    expect: [],
  },
  {
    real: true,
    note: "pingtan 2024",
    text: "规范做好申请登记、审查、办理、答复、归档等工作，强化服务理念，提高答复质量。全年办理政府信息公开申请218件。",
    table: { year: 2024, N: 218 },
    expect: [],
  },
  {
    real: true,
    note: "pingtan 2025 applications and cases (起)",
    text: "2025年，全区共收到政府信息公开申请154件，共办结148件，结转至2026年6件。全年办理因政府信息公开申请引发的行政复议36起，行政诉讼9起。",
    table: {
      year: 2025,
      N: 154,
      G: G(148, 0, 0, 0, 0, 0),
      cases: { review: [20, 6, 6, 4], suitAfterReview: [5, 1, 1, 2] },
    },
    expect: [],
  },
  {
    real: true,
    note: "pingtan 2022 cases",
    text: "2022年，全区政府信息公开工作方面共有行政诉讼案件1件、行政复议案件2件，均已结案。",
    table: { year: 2022, N: 0, cases: { review: [0, 1, 1, 0], suitDirect: [1, 0, 0, 0] } },
    expect: [],
  },
  {
    real: true,
    note: "pingtan 2019: a nested list that adds up",
    text: "今年共发布380条财政资金信息，其中专项资金152条，预决算公开197条（政府预决算32条、部门预决算公开165条）、“三公”经费27条、债券发行4条。",
    table: { year: 2019, N: 23 },
    expect: [],
  },
  {
    real: true,
    note: "pingtan 2020: 诉求 are not applications; 办结率 is a rate",
    text: "2020年，共组织开展6期《问政平潭》，直面社会各界群众提出的实际问题，对24个单位部门进行问政，曝光了16个问题；组织开展19期《问政平潭之有事你说》，上线部门22家，收到群众诉求348件，现场解决162件，跟进解决186件，办结率100%。",
    table: { year: 2020, N: 21, G: G(21, 0, 0, 0, 0, 0) },
    expect: [],
  },
  {
    real: true,
    note: "pingtan 2020 受理21件",
    text: "2020年全区各级行政机关共受理政府信息公开申请21件，受理的申请件已按规定在法定期限内予以答复。",
    table: { year: 2020, N: 21 },
    expect: [],
  },
  {
    real: true,
    note: "pingtan 2022 fee",
    text: "2022年，无收取信息处理费情况。",
    table: { year: 2022, N: 0, fee: 0 },
    expect: [],
  },
  {
    real: true,
    note: "pingtan 2022 section 五: next year's plans",
    text: "2023年，我区将采取以下措施加以改进。",
    table: { year: 2022, N: 0 },
    expect: [],
  },
  {
    real: true,
    note: "pingtan 2023 preamble: document numbers, article numbers, dates, phone",
    text: "本报告根据《中华人民共和国政府信息公开条例》（国务院令第711号，以下简称《条例》）、《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》（国办公开办函〔2021〕30号）等文件要求，汇总平潭综合实验区各有关单位政府信息公开工作情况编制而成。本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。通讯地址：平潭综合实验区商务营运中心7号楼14层；邮编：350400；电话：0591-23165385。",
    table: { year: 2023, N: 81 },
    expect: [],
  },
  {
    real: true,
    note: "pingtan 2023: 393 is the cleaned stock, not the table's 470 (section 二 not read)",
    text: "一是做好规范性文件公开。按照省政府办公厅相关工作要求设立规范性文件库，清理并集中发布现行有效行政规范性文件393件，动态更新本年度制发的规范性文件77件。",
    table: { year: 2023, N: 81 },
    expect: [],
  },
  {
    real: true,
    note: "pingtan 2019: 受理…259起 are 群众诉求, not applications",
    text: "区社会事业局不断公开社会保障、医疗救助、临时救助、减灾救灾、城乡低保、特困人员等信息，受理各类群众诉求259起。",
    table: { year: 2019, N: 23 },
    expect: [],
  },
  {
    real: true,
    note: "pingtan 2020: 权责清单 counts, 二十条措施 inside a title",
    text: "共梳理出4个片区权责清单事项各14项，12个区直部门权责清单项共4650项，区直部门与片区管理局之间“属地管理”事项主体责任和配合责任清单54项。",
    table: { year: 2020, N: 21 },
    expect: [],
  },
  {
    real: true,
    note: "pingtan 2025 approximate figures",
    text: "2025年，通过实验区政府门户网站累计主动公开政府信息7700余条，公开科技创新、营商环境、重大项目、民生保障等重点领域信息2000余条，通过“平潭发布”公众号发布信息672条，有效保障群众知情权、监督权。",
    table: { year: 2025, N: 154 },
    expect: [],
  },
];

// ---------- Constructed sentences: number writing and readings.
export const CONSTRUCTED: Case[] = [
  {
    note: "Chinese numerals",
    text: "本年度共受理政府信息公开申请一百零五件，办结一百件，结转下年度五件。",
    table: { year: 2023, N: 105, G: G(100, 0, 0, 0, 0, 0) },
    expect: [],
  },
  {
    note: "两千零五 and thousands separators",
    text: "全年新收政府信息公开申请两千零五件，办结2,005件。",
    table: { year: 2023, N: 2005, G: G(2005, 0, 0, 0, 0, 0) },
    expect: [],
  },
  {
    note: "full-width digits",
    text: "全年共收到政府信息公开申请１２件，其中予以公开１０件，无法提供２件。",
    table: { year: 2023, N: 12, G: G(10, 0, 0, 2, 0, 0) },
    expect: [],
  },
  {
    note: "百分之 share",
    text: "全年办结政府信息公开申请40件，其中予以公开20件，占百分之五十；无法提供20件，占百分之五十。",
    table: { year: 2023, N: 40, G: G(20, 0, 0, 20, 0, 0) },
    expect: [],
  },
  {
    note: "零败诉 with a corrected suit",
    text: "本年度因政府信息公开申请引发行政诉讼3件，实现零败诉。",
    table: { year: 2023, N: 10, cases: { suitDirect: [2, 1, 0, 0] } },
    expect: ["text-claim/noCorrected"],
  },
  {
    note: "零败诉 with pending cases holds",
    text: "本年度因政府信息公开申请引发行政诉讼3件，实现零败诉。",
    table: { year: 2023, N: 10, cases: { suitDirect: [2, 0, 0, 1] } },
    expect: [],
  },
  {
    note: "全部办结 while 2 are carried over",
    text: "全年共受理政府信息公开申请30件，全部办结。",
    table: { year: 2023, N: 30, G: G(28, 0, 0, 0, 0, 0), F: 2 },
    expect: ["text-claim/allDone"],
  },
  {
    note: "代表市政府: a part of the whole (warning, not error)",
    text: "市政府办公室代表市政府受理政府信息公开申请23件。",
    table: { year: 2023, N: 140 },
    expect: ["text-count/unmatched"],
  },
  {
    note: "较上年增加 against last year's report",
    text: "全年共收到政府信息公开申请120件，较上年增加20件。",
    table: { year: 2023, N: 120, prior: { N: 90 } },
    expect: ["text-change/count"],
  },
  {
    note: "较上年增加 right",
    text: "全年共收到政府信息公开申请120件，较上年增加30件，同比增长33.3%。",
    table: { year: 2023, N: 120, prior: { N: 90 } },
    expect: [],
  },
  {
    note: "同比 without last year: silent",
    text: "全年共收到政府信息公开申请120件，同比增长50%。",
    table: { year: 2023, N: 120 },
    expect: [],
  },
  {
    note: "a year that is not the report year",
    text: "2021年，本机关共收到政府信息公开申请12件。",
    table: { year: 2023, N: 12 },
    expect: ["text-year/this"],
  },
  {
    note: "含2022年转至今年: the year named must be last year",
    text: "全年共办理政府信息公开申请20件，含2021年转至今年办理的2件。",
    table: { year: 2023, N: 18, C: 2 },
    expect: ["text-year/last"],
  },
  {
    note: "fee charged as stated",
    text: "本年度共收取信息处理费120元。",
    table: { year: 2023, N: 0, fee: 120 },
    expect: [],
  },
  {
    note: "fee differs",
    text: "本年度未收取信息处理费。",
    table: { year: 2023, N: 0, fee: 120 },
    expect: ["text-fee/differs"],
  },
  {
    note: "share of the named whole at two decimals",
    text: "全年办结政府信息公开申请81件，其中予以公开42件，占办结总数的51.86%。",
    table: { year: 2023, N: 81, G: G(42, 0, 39, 0, 0, 0) },
    expect: ["text-share/wrong"],
  },
  {
    note: "满意率, 完成率 are rates of other things",
    text: "全年共收到政府信息公开申请12件，群众满意率100%，年度任务完成率124%。",
    table: { year: 2023, N: 12 },
    expect: [],
  },
  {
    note: "list numbering and 一是/二十大 are not counts",
    text: "（一）主动公开方面。一是深入学习贯彻党的二十大精神，2.加强组织领导，全年共收到政府信息公开申请12件。",
    table: { year: 2023, N: 12 },
    expect: [],
  },
  {
    note: "自然人 on the basis of 本年新收",
    text: "全年新收政府信息公开申请50件，其中自然人40件，法人或其他组织10件。",
    table: { year: 2023, N: 50, naturalNew: 40 },
    expect: [],
  },
  {
    note: "a result category wrong",
    text: "全年办结政府信息公开申请50件，其中予以公开30件，不予公开20件。",
    table: { year: 2023, N: 50, G: G(30, 0, 18, 2, 0, 0) },
    expect: ["text-count/wrong"],
  },
];

export const TEXT_CASES = [...REFERENCE, ...REAL_RAISE, ...REAL_PASS, ...CONSTRUCTED];
