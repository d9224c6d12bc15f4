import { expectedFormat } from "../model/format";
import { defineCheck } from "./define";
import { reportYear } from "./prior";

const FORMAT_NAME: Record<string, string> = {
  "2021": "国办公开办函〔2021〕30号",
  "2019": "国办公开办函〔2019〕60号",
};

/** The format must match the report year: 2021 format from report year 2021, 2019 format for 2019-2020. */
export const formatYear = defineCheck({
  id: "format-year",
  severity: "warning",
  description: {
    zh: "报告格式与报告年度相符（2021年起用2021年格式，2019—2020年用2019年格式）",
    en: "The format matches the report year (2021 format from 2021; 2019 format for 2019-2020)",
  },
  messages: {
    wrongFormat: {
      zh: "{year}年度报告应使用{expectedName}规定的{expected}年格式，但表格为{actualName}规定的{actual}年格式。",
      en: "A report for {year} should use the {expected} format ({expectedName}), but the tables follow the {actual} format ({actualName}).",
    },
    freeForm: {
      zh: "{year}年度报告应使用{expectedName}规定的表格（{expected}年格式），但未找到该格式的表格。",
      en: "A report for {year} should use the tables of {expectedName} ({expected} format), but none were found.",
    },
  },
  run(ctx, emit) {
    const year = reportYear(ctx);
    if (year === undefined) return;
    const want = expectedFormat(year);
    const have = ctx.report.format;
    if (!want || want === have) return;
    const cells = [ctx.report.meta.year?.cell];
    const params = { year, expected: want, expectedName: FORMAT_NAME[want]! };
    if (have === "free-form") {
      emit({ messageId: "freeForm", cells, params, expected: want, actual: have });
    } else {
      emit({
        messageId: "wrongFormat",
        cells,
        params: { ...params, actual: have, actualName: FORMAT_NAME[have]! },
        expected: want,
        actual: have,
      });
    }
  },
});
