import { a1 } from "../grid";
import { defineCheck } from "./define";
import { figures, type FigureSite } from "./places";
import { typedText } from "./values";

/** Cells quoted in a grouped message. */
const SHOWN = 3;

function examples(sites: FigureSite[], sep: string): string {
  const list = sites
    .slice(0, SHOWN)
    .map((f) => `${f.num.cell ? a1(f.num.cell.row, f.num.cell.col) : ""}“${f.num.text ?? ""}”`);
  return list.join(sep) + (sites.length > SHOWN ? "…" : "");
}

/**
 * Figures typed as text, read as numbers: a text number ("1,234", "１２", "12件"), a zero mark ("—", "/", "无")
 * or a number with an annotation ("12（其中修订3件）"). One habit of the typist is one finding per table (with
 * the count and the first cells), never one per cell.
 */
export const textNumber = defineCheck({
  id: "text-number",
  severity: "warning",
  description: {
    zh: "以文本形式录入的数字（按数字读取，但 Excel 公式不会计入）",
    en: "A number typed as text (read as the number, but Excel formulas skip it)",
  },
  messages: {
    text: {
      zh: "{label}：“{text}”是文本形式的数字，已按{value}读取；请改为数字格式，以免 Excel 求和时漏算。",
      en: "{label}: “{text}” is a number typed as text, read as {value}; enter it as a number so that Excel sums it.",
    },
    grouped: {
      zh: "{count}个数字是文本形式（{blocks}；如 {examples}），已按数字读取；请改为数字格式，以免 Excel 求和时漏算。",
      en: "{count} figures are typed as text ({blocks}; e.g. {examples}), read as numbers; enter them as numbers so that Excel sums them.",
    },
    zeroMarks: {
      zh: "{count}处以“{marks}”表示没有（{blocks}；如 {examples}），已按0读取。",
      en: "{count} cells print “{marks}” for none ({blocks}; e.g. {examples}), read as 0.",
    },
    annotated: {
      zh: "{count}个数字带有说明（{blocks}；如 {examples}），已按开头的数字读取，说明保留在原单元格。",
      en: "{count} figures carry an annotation ({blocks}; e.g. {examples}); the leading number is read, the annotation stays in the cell.",
    },
  },
  run(ctx, emit) {
    // One habit of the typist is one finding for the whole report, naming the tables it touches.
    const plain: FigureSite[] = [];
    const zero: FigureSite[] = [];
    const annotated: FigureSite[] = [];
    for (const f of figures(ctx)) {
      if (f.num.issue !== "text" || f.num.value === null) continue;
      (f.num.reading === "zero-mark" ? zero : f.num.reading === "annotated" ? annotated : plain).push(f);
    }
    const blocks = (sites: FigureSite[], lang: "zh" | "en"): string => {
      const n = new Map<string, number>();
      for (const f of sites) n.set(f.block, (n.get(f.block) ?? 0) + 1);
      return [...n].map(([b, k]) => (lang === "zh" ? `${b} ${k}个` : `${b}: ${k}`)).join(lang === "zh" ? "，" : "; ");
    };
    const group = (sites: FigureSite[]) => ({
      count: sites.length,
      blocks: blocks(sites, "zh"),
      "blocks@en": blocks(sites, "en"),
      examples: examples(sites, "、"),
      "examples@en": examples(sites, ", "),
    });
    if (plain.length === 1) {
      const f = plain[0]!;
      const text = f.num.text ?? String(f.num.value);
      emit({
        messageId: "text",
        cells: [f.num.cell],
        params: { label: f.label(), text, value: f.num.value! },
        expected: f.num.value!,
        // The typed text, marked as such: "应为 2，实为 文本“2”" (not "应为 2，实为 2"). Hosts show `text "2"` in English.
        actual: typedText(text),
      });
    } else if (plain.length > 1) {
      emit({ messageId: "grouped", cells: plain.map((f) => f.num.cell), params: group(plain) });
    }
    if (zero.length > 0) {
      const marks = [...new Set(zero.map((f) => (f.num.text ?? "").trim()))].join("”“");
      emit({
        messageId: "zeroMarks",
        severity: "info",
        cells: zero.map((f) => f.num.cell),
        params: { ...group(zero), marks },
      });
    }
    if (annotated.length > 0) {
      emit({
        messageId: "annotated",
        severity: "info",
        cells: annotated.map((f) => f.num.cell),
        params: group(annotated),
      });
    }
  },
});
