import { S4_GROUPS } from "../model/format";
import { checkSum } from "./arithmetic";
import { defineCheck } from "./define";
import { tableCell } from "./places";
import { sumFix } from "./fix";

const PARTS = ["upheld", "corrected", "other", "pending"];

/** Section 四, each of 行政复议 / 未经复议直接起诉 / 复议后起诉: 维持 + 纠正 + 其他 + 尚未审结 = 总计. */
export const s4GroupSum = defineCheck({
  id: "s4-group-sum",
  severity: "error",
  description: {
    zh: "四：行政复议、未经复议直接起诉、复议后起诉各组 结果维持+结果纠正+其他结果+尚未审结 = 总计",
    en: "Section 四: in each group (review, direct suit, suit after review) upheld + corrected + other + pending = total",
  },
  messages: {
    mismatch: {
      zh: "四、{group}：结果维持、结果纠正、其他结果、尚未审结之和为{expected}，总计填写为{actual}。",
      en: "Section 四, {group}: upheld + corrected + other + pending = {expected}, but 总计 says {actual}.",
    },
    blankTotal: {
      zh: "四、{group}：总计为空，但结果维持、结果纠正、其他结果、尚未审结之和为{expected}。",
      en: "Section 四, {group}: missing total — 总计 is blank while upheld + corrected + other + pending = {expected}.",
    },
  },
  run({ report }, emit) {
    const t = report.section4;
    if (!t) return;
    const row = t.def.rows[0]?.key ?? "count";
    for (const g of S4_GROUPS) {
      const parts = PARTS.map((p) => tableCell(t, row, `${g.key}.${p}`));
      const total = tableCell(t, row, `${g.key}.total`);
      const r = checkSum(parts, total);
      if (r.kind === "ok" || r.kind === "unknown") continue;
      const cells = [...parts, total].map((n) => n?.cell);
      const group = g.parents.join("·");
      const fix = sumFix(parts, total);
      if (r.kind === "blankTotal") {
        emit({ messageId: "blankTotal", cells, params: { group, expected: r.expected }, expected: r.expected, fix });
      } else {
        emit({
          messageId: "mismatch",
          cells,
          params: { group, expected: r.expected, actual: r.actual },
          expected: r.expected,
          actual: r.actual,
          fix,
        });
      }
    }
  },
});
