import type { LabelDeviation, LabelMatch } from "../model/report";
import { defineCheck } from "./define";
import { tables, tableTitle } from "./places";

const KIND: Record<LabelDeviation, { zh: string; en: string }> = {
  numbering: { zh: "序号写法", en: "numbering" },
  brackets: { zh: "括号全角/半角", en: "bracket width" },
  whitespace: { zh: "空格或换行", en: "spaces or line breaks" },
  traditional: { zh: "繁体字", en: "Traditional characters" },
  typo: { zh: "错别字", en: "typo" },
  variant: { zh: "措辞不同", en: "wording variant" },
};

/**
 * Kinds that repeat the same way over labels (one habit of the sheet's author): two or more labels with the
 * same kind give one finding for the report (naming its tables), quoting one label. Typos and wording variants are never
 * grouped: each needs its own correction.
 */
const GROUPED: Partial<Record<LabelDeviation, { zh: string; en: string }>> = {
  numbering: { zh: "序号写法与格式不同", en: "numbering written differently from the format" },
  brackets: { zh: "括号全角/半角与格式不同", en: "brackets of another width than the format's" },
  whitespace: { zh: "含多余的空格或换行", en: "extra spaces or line breaks" },
  traditional: { zh: "使用了繁体字", en: "Traditional characters" },
};
const GROUP_OVER = 1;

/** A label as quoted in a message: line breaks and tabs shown as a visible mark, not breaking the line. */
function shown(label: string): string {
  return label.replace(/\r?\n/g, "↵").replace(/\t/g, "→");
}

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
    grouped: {
      zh: "{table}：{count}处标签{issue}，如“{found}”应为“{expected}”；请按格式统一改正。",
      en: "{table}: {count} labels with {issue}, e.g. “{found}” for the format's “{expected}”; correct them all as the format writes them.",
    },
  },
  run({ report }, emit) {
    // One habit (a kind of deviation) is one finding for the whole report, naming the tables it touches.
    const deviating: (LabelMatch & { table: string })[] = [];
    for (const t of tables(report)) {
      const table = tableTitle(t.def);
      const here = [...Object.values(t.rowLabels), ...Object.values(t.colLabels)]
        .filter((m) => m.deviations.length > 0)
        .sort((a, b) => a.cell.row - b.cell.row || a.cell.col - b.cell.col);
      for (const m of here) deviating.push({ ...m, table });
    }
    const grouped = new Set<LabelDeviation>();
    for (const [kind, issue] of Object.entries(GROUPED) as [LabelDeviation, { zh: string; en: string }][]) {
      const withKind = deviating.filter((m) => m.deviations.includes(kind));
      if (withKind.length <= GROUP_OVER) continue;
      grouped.add(kind);
      // The example shows this kind alone where a label has only it.
      const example = withKind.find((m) => m.deviations.length === 1) ?? withKind[0]!;
      emit({
        messageId: "grouped",
        cells: withKind.map((m) => m.cell),
        params: {
          table: [...new Set(withKind.map((m) => m.table))].join("、"),
          count: withKind.length,
          issue: issue.zh,
          "issue@en": issue.en,
          found: shown(example.found),
          expected: example.expected,
        },
      });
    }
    // A label stands alone when one of its deviations is not covered by a group (a typo, a variant, a rare kind).
    for (const m of deviating) {
      if (m.deviations.every((d) => grouped.has(d))) continue;
      emit({
        messageId: "deviates",
        cells: [m.cell],
        params: {
          table: m.table,
          found: shown(m.found),
          expected: m.expected,
          kinds: m.deviations.map((d) => KIND[d].zh).join("、"),
          "kinds@en": m.deviations.map((d) => KIND[d].en).join(", "),
        },
        expected: m.expected,
        actual: shown(m.found),
      });
    }
  },
});
