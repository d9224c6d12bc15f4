import { cellAddress } from "../grid";
import { formatDef } from "../model/build";
import { defineCheck } from "./define";
import { tableTitle } from "./places";

/** Reader notes that the figure checks already report through the figures themselves. */
const OWNED_ELSEWHERE = new Set(["text-number"]);

/**
 * What the reader noticed while reading and had to decide on its own: a table or report found twice
 * (it read the first), numbers too large to compute exactly, a row given twice, a year or scope it
 * could not read. Without this check those decisions would be silent.
 */
export const readerNotes = defineCheck({
  id: "reader-notes",
  severity: "warning",
  description: {
    zh: "读取时发现的歧义或无法精确处理的内容（表格出现两次、数字过大、行重复、年度矛盾等）",
    en: "Ambiguities and content the reader could not handle exactly (a table found twice, numbers too large, a repeated row, conflicting years …)",
  },
  messages: {
    ambiguousSheet: {
      zh: "有多个工作表都像年度报告（{sheets}），已读取“{sheet}”；请删除多余的工作表或指定要核对的工作表。",
      en: "Several sheets look like the report ({sheets}); “{sheet}” was read. Remove the extra sheet or name the sheet to check.",
    },
    ambiguousTable: {
      zh: "“{table}”出现了不止一处（{places}），已读取 {first} 处的表格；请删除多余的一处。",
      en: "“{table}” appears more than once ({places}); the one at {first} was read. Remove the extra copy.",
    },
    unsafeNumber: {
      zh: "有{count}个数字超出可精确计算的范围（绝对值大于9007199254740991），核对结果不可靠，请检查这些数字。",
      en: "{count} figure(s) exceed the range of exact arithmetic (absolute value above 9007199254740991); results for them are unreliable.",
    },
    duplicateRow: {
      zh: "“{table}”中的行“{label}”出现了两次，只读取了第一行。",
      en: "Row “{label}” appears twice in “{table}”; only the first was read.",
    },
    formatMixed: {
      zh: "“{table}”混用了2019年试行格式与2021年格式的行，已按2021年格式读取。",
      en: "“{table}” mixes rows of the 2019 trial format and the 2021 format; it was read as the 2021 format.",
    },
    badYear: {
      zh: "“报告年度”填写的“{text}”不是年份。",
      en: "报告年度 holds “{text}”, which is not a year.",
    },
    yearConflict: {
      zh: "“报告年度”为{metadata}年，标题却是{title}年；已按{metadata}年核对。",
      en: "报告年度 says {metadata} but the title says {title}; checked as {metadata}.",
    },
    yearOverride: {
      zh: "工作簿写明{found}年，已按指定的{option}年核对。",
      en: "The workbook says {found}; checked as {option} as requested.",
    },
    unknownScope: {
      zh: "“公开范围”填写的“{text}”无法识别（应为“本机关”或“本级政府”）。",
      en: "公开范围 holds “{text}”, which is neither 本机关 nor 本级政府.",
    },
    feeFromText: {
      zh: "信息处理费取自正文“{text}”。",
      en: "The fee was taken from the text “{text}”.",
    },
    textsTruncated: {
      zh: "表格以外的文字太多，只读取了前{kept}处用于年度和用语检查。",
      en: "Too much text outside the tables; only the first {kept} cells were used for year and wording checks.",
    },
    other: {
      zh: "读取时注意到：{code}。",
      en: "Noted while reading: {code}.",
    },
  },
  run({ report }, emit) {
    const defs =
      report.format === "free-form"
        ? []
        : (() => {
            const d = formatDef(report.format);
            return [...d.section2, d.section3, d.section4];
          })();
    const title = (id: unknown): string => {
      const d = defs.find((x) => x.id === id);
      return d ? tableTitle(d) : String(id ?? "");
    };
    for (const note of report.notes) {
      if (OWNED_ELSEWHERE.has(note.code)) continue;
      const p = note.params ?? {};
      const cells = note.cells;
      switch (note.code) {
        case "ambiguous":
          if (p["what"] === "sheet")
            emit({
              messageId: "ambiguousSheet",
              cells,
              params: { sheets: String(p["sheets"] ?? ""), sheet: report.sheet },
            });
          else
            emit({
              messageId: "ambiguousTable",
              cells,
              params: {
                table: title(p["table"] ?? p["what"]),
                places: cells.map(cellAddress).join("、"),
                "places@en": cells.map(cellAddress).join(", "),
                first: cells[0] ? cellAddress(cells[0]) : "",
              },
            });
          break;
        case "unsafe-number":
          emit({
            messageId: "unsafeNumber",
            cells,
            params: { count: Number(p["count"] ?? cells.length) },
            severity: "error",
          });
          break;
        case "duplicate-row":
          emit({
            messageId: "duplicateRow",
            cells,
            params: { table: title(p["table"]), label: String(p["label"] ?? "") },
          });
          break;
        case "format-mixed":
          emit({ messageId: "formatMixed", cells, params: { table: title(p["table"]) } });
          break;
        case "bad-year":
          emit({ messageId: "badYear", cells, params: { text: String(p["text"] ?? "") } });
          break;
        case "year-conflict":
          emit({
            messageId: "yearConflict",
            cells,
            params: { metadata: String(p["metadata"] ?? ""), title: String(p["title"] ?? "") },
          });
          break;
        case "year-override":
          emit({
            messageId: "yearOverride",
            cells,
            params: { found: String(p["found"] ?? ""), option: String(p["option"] ?? "") },
            severity: "info",
          });
          break;
        case "unknown-scope":
          emit({ messageId: "unknownScope", cells, params: { text: String(p["text"] ?? "") } });
          break;
        case "fee-from-text":
          emit({ messageId: "feeFromText", cells, params: { text: String(p["text"] ?? "") }, severity: "info" });
          break;
        case "texts-truncated":
          emit({ messageId: "textsTruncated", cells, params: { kept: Number(p["kept"] ?? 0) }, severity: "info" });
          break;
        default:
          emit({ messageId: "other", cells, params: { code: note.code }, severity: "info" });
      }
    }
  },
});
