import { cellAddress } from "../grid";
import { defineCheck } from "./define";

/** This sheet repeats the report of another sheet of the workbook (same unit and year): the same, or where it differs. */
export const reportCopy = defineCheck({
  id: "report-copy",
  severity: "info",
  description: {
    zh: "同一工作簿中另有一份同单位同年度的报告（副本）",
    en: "Another sheet of the workbook holds the same unit's report for the same year (a copy)",
  },
  messages: {
    same: {
      zh: "本表是工作表“{sheet}”中报告的副本，数字完全相同。",
      en: "This sheet is a copy of the report on sheet “{sheet}”; every figure is the same.",
    },
    differs: {
      zh: "本表与工作表“{sheet}”是同一单位同一年度的报告，但有 {count} 个数字不同：{list}。请确认哪一份是定稿。",
      en: "This sheet and sheet “{sheet}” hold the same unit's report for the same year, but {count} figure(s) differ: {list}. Check which one is final.",
    },
  },
  run({ report }, emit) {
    const c = report.copy;
    if (!c) return;
    if (c.count === 0) {
      emit({ messageId: "same", cells: [], params: { sheet: c.of } });
      return;
    }
    const shown = c.differences.slice(0, 5);
    const list = (lang: "zh" | "en") =>
      shown
        .map((d) => {
          const here = d.cell ? cellAddress(d.cell) : "";
          const there = d.otherCell ? cellAddress(d.otherCell) : "";
          const v = (x: number | null) => (x === null ? (lang === "zh" ? "空白" : "blank") : String(x));
          return lang === "zh"
            ? `${d.label} ${here} 为 ${v(d.value)}，${there} 为 ${v(d.other)}`
            : `${d.label} ${here} is ${v(d.value)}, ${there} is ${v(d.other)}`;
        })
        .join(lang === "zh" ? "；" : "; ") + (c.count > shown.length ? (lang === "zh" ? " 等" : " …") : "");
    emit({
      messageId: "differs",
      severity: "warning",
      cells: c.differences.flatMap((d) => [d.cell, d.otherCell]),
      params: { sheet: c.of, count: c.count, list: list("zh"), "list@en": list("en") },
    });
  },
});
