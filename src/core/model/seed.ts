/**
 * The figures of the built-in example, the real 2018 report of 遂宁经济技术开发区 (examples/seed-suining-2018-report.txt):
 * its proactive-disclosure categories with the shares the report printed, and its 重点领域 areas.
 * Example data only (the demo and the tests): the reader's vocabulary and the template's default block names are
 * in model/labels.ts.
 */

/** [category, count, share as printed]: "其中，包括政府文件72条，占6%；……其他信息380条，占34%。" (sum 1119). */
export const SEED_CATEGORIES: readonly [string, number, string][] = [
  ["政府文件", 72, "6%"],
  ["计划总结信息", 2, "0%"],
  ["规范性文件信息", 4, "0%"],
  ["工作动态信息", 514, "46%"],
  ["人事信息", 13, "1%"],
  ["财政信息", 103, "9%"],
  ["行政执法信息", 31, "3%"],
  ["其他信息", 380, "34%"],
];

/** [area, count]: "2018年重点领域公开信息共382条，……其中行政权力信息2条，……公共服务信息36条。" */
export const SEED_AREAS: readonly [string, number][] = [
  ["行政权力信息", 2],
  ["财政资金信息", 103],
  ["公共资源配置信息", 95],
  ["食品药品安全信息", 70],
  ["重大项目信息", 35],
  ["环境保护信息", 24],
  ["国有企业信息", 17],
  ["公共服务信息", 36],
];
