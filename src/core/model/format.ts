/**
 * The national format as data: every table, row and column with its verbatim label.
 * Source: 国办公开办函〔2021〕30号 (report years 2021+) and 国办公开办函〔2019〕60号 (2019-2020).
 * Labels here are printed exactly by the writer and are what the reader normalises towards.
 */

export type FormatId = "2021" | "2019" | "free-form";

export interface RowDef {
  key: string;
  /** Verbatim label of this row's own (deepest) label cell. */
  label: string;
  /** Labels of the enclosing merged row headers, outermost first (section 三: "三、本年度办理结果", "（三）不予公开"). */
  parents?: string[];
  /** true when the row is an outcome item that sums into （七）总计 (section 三). */
  outcome?: boolean;
  /** Outcome group (section 三): "open", "partial", "withheld", "unavailable", "notProcessed", "other". */
  group?: string;
  /**
   * Older wordings of this row that reports of this format still print (the 2019 format's 规范性文件 for the 2021
   * row 行政规范性文件): read as this row, with a label-wording info (label-typo, 措辞不同).
   */
  older?: string[];
}

export interface ColDef {
  key: string;
  label: string;
  /** Labels of the header cells above this column, outermost first. */
  parents?: string[];
  /** "count" = whole number >= 0; "wan-yuan" = amount in 万元 with decimals; "signed" = whole number, may be negative (2019 本年增/减). */
  kind: "count" | "wan-yuan" | "signed";
}

export interface TableDef {
  /** Stable id, also used in named ranges and the counts-sheet plan: "s2.item1", "s3", "s4". */
  id: string;
  format: "2021" | "2019";
  section: "二" | "三" | "四";
  /** Title the report prints above the table (section 二: the header cell "第二十条第（一）项"). */
  title: string;
  /** Header of the label column (section 二: "信息内容"). */
  labelHeader?: string;
  rows: RowDef[];
  cols: ColDef[];
}

/**
 * Key of one figure in a table: `${rowKey}|${colKey}`. Every reader, check and writer looks figures up by
 * this key, hundreds of times per report, always over the few hundred keys of the format: the keys are
 * built once and reused (no string concatenation and hashing per lookup).
 */
export function cellKey(rowKey: string, colKey: string): string {
  let byCol = CELL_KEYS.get(rowKey);
  if (!byCol) CELL_KEYS.set(rowKey, (byCol = new Map()));
  let key = byCol.get(colKey);
  if (key === undefined) byCol.set(colKey, (key = `${rowKey}|${colKey}`));
  return key;
}
const CELL_KEYS = new Map<string, Map<string, string>>();

/** cellKey of every figure of a table, [row index][column index] (built once per definition). */
export function cellKeys(def: TableDef): readonly (readonly string[])[] {
  let keys = TABLE_KEYS.get(def);
  if (!keys) {
    keys = def.rows.map((r) => def.cols.map((c) => cellKey(r.key, c.key)));
    TABLE_KEYS.set(def, keys);
  }
  return keys;
}
const TABLE_KEYS = new WeakMap<TableDef, string[][]>();

// ---------- Section 二 (2021) ----------
const S2_2021: TableDef[] = [
  {
    id: "s2.item1",
    format: "2021",
    section: "二",
    title: "第二十条第（一）项",
    labelHeader: "信息内容",
    rows: [
      { key: "rules", label: "规章" },
      { key: "normativeDocs", label: "行政规范性文件", older: ["规范性文件"] },
    ],
    cols: [
      { key: "issued", label: "本年制发件数", kind: "count" },
      { key: "repealed", label: "本年废止件数", kind: "count" },
      { key: "inForce", label: "现行有效件数", kind: "count" },
    ],
  },
  {
    id: "s2.item5",
    format: "2021",
    section: "二",
    title: "第二十条第（五）项",
    labelHeader: "信息内容",
    rows: [{ key: "licensing", label: "行政许可" }],
    cols: [{ key: "decisions", label: "本年处理决定数量", kind: "count" }],
  },
  {
    id: "s2.item6",
    format: "2021",
    section: "二",
    title: "第二十条第（六）项",
    labelHeader: "信息内容",
    rows: [
      { key: "penalty", label: "行政处罚" },
      { key: "enforcement", label: "行政强制" },
    ],
    cols: [{ key: "decisions", label: "本年处理决定数量", kind: "count" }],
  },
  {
    id: "s2.item8",
    format: "2021",
    section: "二",
    title: "第二十条第（八）项",
    labelHeader: "信息内容",
    rows: [{ key: "fees", label: "行政事业性收费" }],
    cols: [{ key: "amount", label: "本年收费金额（单位：万元）", kind: "wan-yuan" }],
  },
];

// ---------- Section 二 (2019 trial format) ----------
const S2_2019_PRIOR_COLS: ColDef[] = [
  { key: "priorCount", label: "上一年项目数量", kind: "count" },
  { key: "change", label: "本年增/减", kind: "signed" },
  { key: "decisions", label: "处理决定数量", kind: "count" },
];
const S2_2019: TableDef[] = [
  {
    id: "s2.item1",
    format: "2019",
    section: "二",
    title: "第二十条第（一）项",
    labelHeader: "信息内容",
    rows: [
      { key: "rules", label: "规章" },
      { key: "normativeDocs", label: "规范性文件" },
    ],
    cols: [
      { key: "made", label: "本年新制作数量", kind: "count" },
      { key: "published", label: "本年新公开数量", kind: "count" },
      { key: "totalPublic", label: "对外公开总数量", kind: "count" },
    ],
  },
  {
    id: "s2.item5",
    format: "2019",
    section: "二",
    title: "第二十条第（五）项",
    labelHeader: "信息内容",
    rows: [
      { key: "licensing", label: "行政许可" },
      { key: "otherServices", label: "其他对外管理服务事项" },
    ],
    cols: S2_2019_PRIOR_COLS,
  },
  {
    id: "s2.item6",
    format: "2019",
    section: "二",
    title: "第二十条第（六）项",
    labelHeader: "信息内容",
    rows: [
      { key: "penalty", label: "行政处罚" },
      { key: "enforcement", label: "行政强制" },
    ],
    cols: S2_2019_PRIOR_COLS,
  },
  {
    id: "s2.item8",
    format: "2019",
    section: "二",
    title: "第二十条第（八）项",
    labelHeader: "信息内容",
    rows: [{ key: "fees", label: "行政事业性收费" }],
    cols: S2_2019_PRIOR_COLS.slice(0, 2),
  },
  {
    id: "s2.item9",
    format: "2019",
    section: "二",
    title: "第二十条第（九）项",
    labelHeader: "信息内容",
    rows: [{ key: "procurement", label: "政府集中采购" }],
    cols: [
      { key: "count", label: "采购项目数量", kind: "count" },
      { key: "amount", label: "采购总金额", kind: "wan-yuan" },
    ],
  },
];

// ---------- Section 三 ----------
export const S3_HEADER_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";
const APPLICANT = "申请人情况";
const ORG = "法人或其他组织";
export const S3_COLS: ColDef[] = [
  { key: "natural", label: "自然人", parents: [APPLICANT], kind: "count" },
  { key: "commercial", label: "商业企业", parents: [APPLICANT, ORG], kind: "count" },
  { key: "research", label: "科研机构", parents: [APPLICANT, ORG], kind: "count" },
  { key: "publicInterest", label: "社会公益组织", parents: [APPLICANT, ORG], kind: "count" },
  { key: "legal", label: "法律服务机构", parents: [APPLICANT, ORG], kind: "count" },
  { key: "otherOrg", label: "其他", parents: [APPLICANT, ORG], kind: "count" },
  { key: "total", label: "总计", parents: [APPLICANT], kind: "count" },
];

const RESULT = "三、本年度办理结果";
const G3 = "（三）不予公开";
const G4 = "（四）无法提供";
const G5 = "（五）不予处理";
const G6 = "（六）其他处理";

const S3_HEAD_ROWS: RowDef[] = [
  { key: "new", label: "一、本年新收政府信息公开申请数量" },
  { key: "carried", label: "二、上年结转政府信息公开申请数量" },
  { key: "open", label: "（一）予以公开", parents: [RESULT], outcome: true, group: "open" },
  {
    key: "partial",
    label: "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
    parents: [RESULT],
    outcome: true,
    group: "partial",
  },
  { key: "withheld.secret", label: "1.属于国家秘密", parents: [RESULT, G3], outcome: true, group: "withheld" },
  { key: "withheld.law", label: "2.其他法律行政法规禁止公开", parents: [RESULT, G3], outcome: true, group: "withheld" },
  { key: "withheld.safety", label: "3.危及“三安全一稳定”", parents: [RESULT, G3], outcome: true, group: "withheld" },
  {
    key: "withheld.thirdParty",
    label: "4.保护第三方合法权益",
    parents: [RESULT, G3],
    outcome: true,
    group: "withheld",
  },
  {
    key: "withheld.internal",
    label: "5.属于三类内部事务信息",
    parents: [RESULT, G3],
    outcome: true,
    group: "withheld",
  },
  { key: "withheld.process", label: "6.属于四类过程性信息", parents: [RESULT, G3], outcome: true, group: "withheld" },
  { key: "withheld.enforcement", label: "7.属于行政执法案卷", parents: [RESULT, G3], outcome: true, group: "withheld" },
  { key: "withheld.query", label: "8.属于行政查询事项", parents: [RESULT, G3], outcome: true, group: "withheld" },
  {
    key: "unavailable.notHeld",
    label: "1.本机关不掌握相关政府信息",
    parents: [RESULT, G4],
    outcome: true,
    group: "unavailable",
  },
  {
    key: "unavailable.needsCreation",
    label: "2.没有现成信息需要另行制作",
    parents: [RESULT, G4],
    outcome: true,
    group: "unavailable",
  },
  {
    key: "unavailable.unclear",
    label: "3.补正后申请内容仍不明确",
    parents: [RESULT, G4],
    outcome: true,
    group: "unavailable",
  },
  {
    key: "notProcessed.petition",
    label: "1.信访举报投诉类申请",
    parents: [RESULT, G5],
    outcome: true,
    group: "notProcessed",
  },
  { key: "notProcessed.repeat", label: "2.重复申请", parents: [RESULT, G5], outcome: true, group: "notProcessed" },
  {
    key: "notProcessed.publication",
    label: "3.要求提供公开出版物",
    parents: [RESULT, G5],
    outcome: true,
    group: "notProcessed",
  },
  {
    key: "notProcessed.massive",
    label: "4.无正当理由大量反复申请",
    parents: [RESULT, G5],
    outcome: true,
    group: "notProcessed",
  },
  {
    key: "notProcessed.confirm",
    label: "5.要求行政机关确认或重新出具已获取信息",
    parents: [RESULT, G5],
    outcome: true,
    group: "notProcessed",
  },
];

const S3_OTHER_2021: RowDef[] = [
  {
    key: "other.noCorrection",
    label: "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    parents: [RESULT, G6],
    outcome: true,
    group: "other",
  },
  {
    key: "other.noFee",
    label: "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    parents: [RESULT, G6],
    outcome: true,
    group: "other",
  },
  { key: "other.other", label: "3.其他", parents: [RESULT, G6], outcome: true, group: "other" },
];
const S3_OTHER_SINGLE: RowDef[] = [{ key: "other", label: G6, parents: [RESULT], outcome: true, group: "other" }];

const S3_TAIL_ROWS: RowDef[] = [
  { key: "handled", label: "（七）总计", parents: [RESULT] },
  { key: "carryNext", label: "四、结转下年度继续办理" },
];

/** Outcome groups of section 三 with the labels the narrative and the outcome table use. */
export const S3_GROUPS: { group: string; label: string; short: string }[] = [
  { group: "open", label: "（一）予以公开", short: "予以公开" },
  { group: "partial", label: "（二）部分公开", short: "部分公开" },
  { group: "withheld", label: G3, short: "不予公开" },
  { group: "unavailable", label: G4, short: "无法提供" },
  { group: "notProcessed", label: G5, short: "不予处理" },
  { group: "other", label: G6, short: "其他处理" },
];

function s3(format: "2021" | "2019", singleOther: boolean): TableDef {
  return {
    id: "s3",
    format,
    section: "三",
    title: "收到和处理政府信息公开申请情况",
    labelHeader: S3_HEADER_NOTE,
    rows: [...S3_HEAD_ROWS, ...(singleOther ? S3_OTHER_SINGLE : S3_OTHER_2021), ...S3_TAIL_ROWS],
    cols: S3_COLS,
  };
}

// ---------- Section 四 ----------
const S4_RESULTS: { key: string; label: string }[] = [
  { key: "upheld", label: "结果维持" },
  { key: "corrected", label: "结果纠正" },
  { key: "other", label: "其他结果" },
  { key: "pending", label: "尚未审结" },
  { key: "total", label: "总计" },
];
export const S4_GROUPS: { key: string; label: string; parents: string[] }[] = [
  { key: "review", label: "行政复议", parents: ["行政复议"] },
  { key: "suitDirect", label: "未经复议直接起诉", parents: ["行政诉讼", "未经复议直接起诉"] },
  { key: "suitAfterReview", label: "复议后起诉", parents: ["行政诉讼", "复议后起诉"] },
];
function s4(format: "2021" | "2019"): TableDef {
  return {
    id: "s4",
    format,
    section: "四",
    title: "政府信息公开行政复议、行政诉讼情况",
    rows: [{ key: "count", label: "" }],
    cols: S4_GROUPS.flatMap((g) =>
      S4_RESULTS.map((r) => ({
        key: `${g.key}.${r.key}`,
        label: r.label,
        parents: g.parents,
        kind: "count" as const,
      })),
    ),
  };
}

export interface FormatDef {
  id: "2021" | "2019";
  section2: TableDef[];
  section3: TableDef;
  /** Section 三 of a 2021 report that prints （六）其他处理 as one row (a deviation, still checkable). */
  section3SingleOther?: TableDef;
  section4: TableDef;
}

export const FORMAT_2021: FormatDef = {
  id: "2021",
  section2: S2_2021,
  section3: s3("2021", false),
  section3SingleOther: s3("2021", true),
  section4: s4("2021"),
};

export const FORMAT_2019: FormatDef = {
  id: "2019",
  section2: S2_2019,
  section3: s3("2019", true),
  section4: s4("2019"),
};

/** The format a report of this year must use; undefined before 2019 (free-form). */
export function expectedFormat(year: number): "2021" | "2019" | undefined {
  if (year >= 2021) return "2021";
  if (year >= 2019) return "2019";
  return undefined;
}

/** The six section headings of the 2021 format. */
export const SECTION_HEADINGS: string[] = [
  "一、总体情况",
  "二、主动公开政府信息情况",
  "三、收到和处理政府信息公开申请情况",
  "四、政府信息公开行政复议、行政诉讼情况",
  "五、存在的主要问题及改进情况",
  "六、其他需要报告的事项",
];
