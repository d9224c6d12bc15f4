import { cellKey } from "../model/format";
import { defineCheck } from "./define";

/** A 2021-format section 三 that still prints （六）其他处理 as one row instead of its three items. */
export const s3OtherItems = defineCheck({
  id: "s3-other-items",
  severity: "warning",
  description: {
    zh: "2021年格式的第三部分应将（六）其他处理分为3项，而非一行",
    en: "A 2021-format section 三 splits （六）其他处理 into its 3 items instead of one row",
  },
  messages: {
    singleRow: {
      zh: "三、（六）其他处理只有一行；2021年格式要求分为“1.申请人无正当理由逾期不补正…”“2.申请人逾期未按收费通知要求缴纳费用…”“3.其他”三项。",
      en: "Section 三 prints （六）其他处理 as one row; the 2021 format splits it into three items (no correction, fee not paid, other).",
    },
  },
  run({ report }, emit) {
    if (report.format !== "2021" || !report.singleOtherRow) return;
    const t = report.section3;
    const label = t?.rowLabels["other"]?.cell;
    const figures = t ? t.def.cols.map((c) => t.cells[cellKey("other", c.key)]?.cell) : [];
    emit({ messageId: "singleRow", cells: [label, ...figures] });
  },
});
