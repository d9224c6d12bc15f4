import { matchAllNotAfter } from "../text/lookbehind";
import { defineCheck } from "./define";
import { reportYear } from "./prior";

/** Only short texts that read like a title are looked at: body text legitimately cites other years' documents. */
const TITLE_LIKE = /报告|数据表/;
const MAX_TITLE_LENGTH = 60;
/** A sentence is not a title. */
const SENTENCE = /[，。；！？,;]/;
/** Years inside 《…》 belong to a cited document. */
const CITED = /《[^》]*》/g;
/** A year: four digits not preceded by another digit (no lookbehind: IE11/EdgeHTML cannot parse it). */
const YEAR = /((?:19|20)[0-9]{2})\s*年/g;
const DIGIT = /[0-9０-９]/;

/** A title naming a year other than the report year (or its neighbours): often last year's file reused. */
export const otherYearText = defineCheck({
  id: "other-year-text",
  severity: "warning",
  description: {
    zh: "标题中出现的年份与报告年度不符（疑似沿用其他年度的文件）",
    en: "A title names a year other than the report year (perhaps another year's file reused)",
  },
  messages: {
    otherYear: {
      zh: "“{text}”写的是{found}年，但报告年度为{year}年。",
      en: "“{text}” names the year {found}, but the report is for {year}.",
    },
  },
  run(ctx, emit) {
    const year = reportYear(ctx);
    if (year === undefined) return;
    for (const t of ctx.report.texts) {
      const text = t.text.trim();
      if (text.length > MAX_TITLE_LENGTH || !TITLE_LIKE.test(text) || SENTENCE.test(text)) continue;
      const others = matchAllNotAfter(text.replace(CITED, ""), YEAR, DIGIT)
        .map((m) => Number(m[1]))
        .filter((y) => Math.abs(y - year) > 1);
      for (const found of new Set(others)) {
        emit({ messageId: "otherYear", cells: [t.cell], params: { text, found, year }, expected: year, actual: found });
      }
    }
  },
});
