/**
 * The counts sheet's own labels (metadata fields, the free-form breakdown blocks, the last-year cells), as
 * data: ONE table that the template writes from and the reader reads by. In every list the first wording is
 * the one the template prints; the others are wordings the reader also accepts (hand-made and older sheets).
 * The national tables' labels are in format.ts, which both sides also share.
 */

/** The counts sheet's name: the report a single-report host works on by default. */
export const COUNTS_SHEET_NAME = "公开数据";

/** Metadata fields: label cell, value to its right. */
export const META_FIELDS = {
  body: ["单位名称", "填报单位", "机关名称", "报告单位", "单位"],
  year: ["报告年度", "年度", "报告年份"],
  scope: ["公开范围", "报告范围", "统计范围"],
  fee: ["信息处理费（元）", "信息处理费", "收取信息处理费（元）"],
  mode: ["填报方式", "使用方式"],
} as const;

/** The two ways of using the counts sheet (填报方式): 编制 (preparing; the template's) and 核对 (checking). */
export const MODE_CHOICES = ["编制", "核对"] as const;

/** The two choices of 公开范围 the template offers. */
export const SCOPE_CHOICES = ["本机关", "本级政府"] as const;

/** Headings of the two breakdown blocks. */
export const PROACTIVE_HEADINGS = ["主动公开政府信息分类", "主动公开政府信息", "主动公开信息分类", "主动公开信息"];
export const KEY_AREA_HEADINGS = ["重点领域信息", "重点领域", "重点领域信息公开", "重点领域信息分类"];

/** Header words of a breakdown block, by column. */
export const BLOCK_HEADERS = {
  label: ["类别", "分类", "类型", "信息类别", "名称", "项目", "领域", "重点领域", "信息类型", "类别名称"],
  count: ["本年条数", "条数", "数量", "本年数量", "公开条数", "信息条数", "本年", "件数", "本年件数", "公开数量"],
  prior: ["上年条数", "上年数量", "上年", "上年件数"],
  share: ["报告所写占比", "占比", "所占比例", "比例", "占比(%)", "所写占比", "占比%"],
} as const;

/** The total row of a block. */
export const BLOCK_TOTALS = ["合计", "总计", "小计", "总数", "累计"];

/** Label/value rows under a block. */
export const BLOCK_TAIL = {
  increase: ["比上年新增（条）", "比上年新增", "比上年增加", "新增条数"],
  yoy: ["同比增长（%）", "同比增长", "同比增长率"],
  yoyDown: ["同比下降（%）", "同比下降"],
  completion: ["完成率（%）", "完成率"],
  target: ["年度目标（条）", "年度目标", "目标任务", "全年目标"],
  shareOfParent: ["占主动公开比例（%）", "占主动公开总数比例", "占主动公开比例", "占比（%）"],
} as const;

/** Last-year cells of the counts sheet, for the cross-year checks. */
export const ITEM1_PRIOR_LABEL = "上年现行有效件数";
export const S3_PRIOR_CARRY_LABEL = "上年报告“四、结转下年度继续办理”";
/**
 * Last year's totals the narrative's 同比 sentences use (not a table row): label cell, the figure right of it.
 * Today one: last year's 本年新收政府信息公开申请 总计 (→ "较上年增加X件，增长Y%").
 */
export const PRIOR_RECEIVED_LABELS = [
  "上年本年新收申请（总计）",
  "上年新收申请（总计）",
  "上年本年新收申请",
  "上年新收申请",
];
/** The template's one-line explanation beside the 上年 totals. */
export const PRIOR_TOTALS_NOTE = "用于同比，可从上年报告导入";
/** Label left of section 四's data row in some printed reports. */
export const S4_ROW_LABELS = ["件数", "数量"];

/**
 * Category and area names that reports of the free-form years (before 2019) commonly print. The reader
 * recognises a breakdown without any heading by a column of these. The template's default block names are
 * the first eight of each list.
 */
export const COMMON_CATEGORIES = [
  "政府文件",
  "计划总结信息",
  "规范性文件信息",
  "工作动态信息",
  "人事信息",
  "财政信息",
  "行政执法信息",
  "其他信息",
  "机构职能",
  "机构职能信息",
  "政策文件",
  "规划计划",
  "规划计划信息",
  "工作动态",
  "人事任免",
  "财政预决算",
  "统计信息",
  "应急管理",
];
export const COMMON_KEY_AREAS = [
  "行政权力信息",
  "财政资金信息",
  "公共资源配置信息",
  "食品药品安全信息",
  "重大项目信息",
  "环境保护信息",
  "国有企业信息",
  "公共服务信息",
  "社会公益事业信息",
  "保障性住房信息",
  "征地拆迁信息",
  "安全生产信息",
  "价格收费信息",
];
