import type { LabelDeviation, LabelMatch } from "../model/report";
import { defineCheck, tables, tableTitle } from "./define";

const KIND: Record<LabelDeviation, { zh: string; en: string }> = {
  numbering: { zh: "序号写法", en: "numbering" },
  brackets: { zh: "括号全角/半角", en: "bracket width" },
  whitespace: { zh: "空格或换行", en: "spaces or line breaks" },
  traditional: { zh: "繁体字", en: "Traditional characters" },
  typo: { zh: "错别字", en: "typo" },
  variant: { zh: "措辞不同", en: "wording variant" },
};

/** A row or column label that the reader matched despite a cosmetic deviation from the verbatim label. */
export const labelTypo = defineCheck({
  id: "label-typo",
  severity: "info",
  description: {
    zh: "行、列标签与规定格式的文字有出入（序号、括号、空格、繁体、错字）",
    en: "Row or column labels that deviate from the format's wording (numbering, brackets, spaces, Traditional, typos)",
  },
  messages: {
    deviates: {
      zh: "{table}：标签“{found}”与格式“{expected}”不一致（{kinds}）。",
      en: "{table}: label “{found}” differs from the format's “{expected}” ({kinds}).",
    },
  },
  run({ report }, emit) {
    for (const t of tables(report)) {
      const matches: LabelMatch[] = [...Object.values(t.rowLabels), ...Object.values(t.colLabels)];
      for (const m of matches) {
        if (m.deviations.length === 0) continue;
        emit({
          messageId: "deviates",
          cells: [m.cell],
          params: {
            table: tableTitle(t.def),
            found: m.found,
            expected: m.expected,
            kinds: m.deviations.map((d) => KIND[d].zh).join("、"),
            "kinds@en": m.deviations.map((d) => KIND[d].en).join(", "),
          },
          expected: m.expected,
          actual: m.found,
        });
      }
    }
  },
});
