/**
 * The supervising office's workbook (汇总.xlsx) from the summary of a folder (src/core/summary.ts):
 * - 总览: one row per report (file, sheet, unit, year, form, errors / warnings, reading doubts, cross-year, key
 *   figures), errors first, filterable, each row linked to its findings;
 * - 问题清单: every finding (file, sheet, unit, rule, cells, message, expected / actual), in 总览's order;
 * - 汇总表: the national tables summed over the reports marked 纳入=是 in 数据, as live formulas (SUMIF), the
 *   reports left out named above the tables with the reason;
 * - 数据: one row per report, every figure of the summed format (blank where not read), and the 纳入 column a
 *   supervisor may change (the sums follow when the workbook recalculates).
 */
import * as path from "node:path";
import type ExcelJS from "exceljs";
import { excelJs } from "./exceljs";
import { columnLetters, rangesText } from "../core/grid";
import { CHECKS, formatMessage } from "../core/checks";
import type { Finding, Severity } from "../core/checks/types";
import { cellKey, type TableDef } from "../core/model/format";
import { FORM_NAMES } from "../core/model/report";
import {
  type RollCall,
  chooseIncluded,
  EXCLUSION_TEXT,
  KEY_FIGURES,
  keyFigure,
  overviewOrder,
  sumFigures,
  summaryTables,
  type Figures,
  type Inclusion,
  type SummaryEntry,
} from "../core/summary";

const SEVERITY_ZH: Record<Severity, string> = { error: "错误", warning: "警告", info: "提示" };
const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E1F2" } };
const ERROR_FONT: Partial<ExcelJS.Font> = { color: { argb: "FFC00000" }, bold: true };
const SECTION_ZH: Record<string, string> = { 二: "二、主动公开政府信息情况", 三: "三、", 四: "四、" };

export interface SummaryBook {
  workbook: ExcelJS.Workbook;
  inclusion: Inclusion;
  /** What the 汇总表 formulas recalculate to (the engine's sums), by table id and cellKey. */
  sums: Figures;
  /** Where each summed figure sits in 汇总表 (A1 address), by table id and cellKey. */
  sumCells: Record<string, Record<string, string>>;
}

/** A rule's name in plain words (its description), or its id for a rule the engine does not list. */
function ruleName(id: string): string {
  return CHECKS.find((c) => c.id === id)?.description.zh ?? id;
}

function label(def: TableDef, rowKey: string): string {
  const r = def.rows.find((x) => x.key === rowKey)!;
  return r.label || def.title;
}

function colHeader(def: TableDef, colKey: string): string {
  const c = def.cols.find((x) => x.key === colKey)!;
  const parents = (c.parents ?? []).filter((p) => p !== c.label);
  return [...parents.slice(-1), c.label].join("·");
}

function header(ws: ExcelJS.Worksheet, titles: string[], widths: number[]): void {
  const row = ws.addRow(titles);
  row.font = { bold: true };
  row.eachCell((c) => {
    c.fill = HEADER_FILL;
    c.alignment = { vertical: "middle", wrapText: true };
  });
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.views = [{ state: "frozen", ySplit: 1 }];
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: titles.length } };
}

const shown = (file: string, root: string): string => path.relative(root, file) || path.basename(file);

/** Tables of an entry the reader has a reading doubt about (their figures are not stated). */
function doubtful(e: SummaryEntry): Set<string> {
  return new Set(e.findings.filter((f) => f.rule === "reading-doubt").map((f) => String(f.params["tableId"])));
}

export function summaryWorkbook(entries: SummaryEntry[], root: string, roll?: RollCall): SummaryBook {
  const wb = new (excelJs().Workbook)();
  wb.creator = "disclosure-report";
  const inclusion = chooseIncluded(entries, roll);
  const order = overviewOrder(entries);
  const overview = wb.addWorksheet("总览");
  const issues = wb.addWorksheet("问题清单");
  const sumSheet = wb.addWorksheet("汇总表");
  const data = wb.addWorksheet("数据");

  // 问题清单 first (总览 links to each report's first row).
  header(
    issues,
    // 检查项 in plain words; 规则编号 (the rule's id, as `check` prints it in brackets) last, for filtering.
    ["文件", "工作表", "单位", "年度", "类别", "检查项", "单元格", "说明", "应为", "实为", "规则编号"],
    [28, 14, 24, 8, 8, 26, 26, 70, 10, 10, 16],
  );
  const firstIssueRow = new Map<number, number>();
  for (const i of order) {
    const e = entries[i]!;
    const base = [shown(e.file, root), e.sheet ?? "", e.unit ?? "", e.year ?? ""];
    if (e.error) {
      firstIssueRow.set(i, issues.rowCount + 1);
      const r = issues.addRow([...base, "无法读取", "文件无法读取", "", e.error.message.zh, "", "", "unreadable"]);
      r.getCell(5).font = ERROR_FONT;
      continue;
    }
    const shownFindings: Finding[] = e.findings;
    for (const f of shownFindings) {
      if (!firstIssueRow.has(i)) firstIssueRow.set(i, issues.rowCount + 1);
      const r = issues.addRow([
        ...base,
        SEVERITY_ZH[f.severity],
        ruleName(f.rule),
        // Cells as ranges (公开数据!E33:I33), not one by one: a finding over a whole column stays one line.
        rangesText(f.cells, { sep: "、" }),
        formatMessage(f, "zh"),
        f.expected ?? "",
        f.actual ?? "",
        f.rule,
      ]);
      r.getCell(8).alignment = { wrapText: true, vertical: "top" };
      if (f.severity === "error") r.getCell(5).font = ERROR_FONT;
    }
  }

  // 总览
  const keyTitles = KEY_FIGURES.map((k) => k.zh);
  header(
    overview,
    [
      "文件",
      "工作表",
      "单位",
      "年度",
      "文件形式",
      "报告格式",
      "错误",
      "警告",
      "提示",
      "读取存疑",
      "跨年核对",
      ...keyTitles,
      "信息处理费（元）",
      ...(roll ? ["单位名单"] : []),
      "纳入汇总",
      "问题",
    ],
    [28, 14, 24, 8, 12, 10, 8, 8, 8, 10, 26, ...keyTitles.map(() => 10), 12, ...(roll ? [10] : []), 14, 14],
  );
  // The units on the list that sent nothing come first: a supervisor chases them.
  for (const unit of roll?.missing ?? []) {
    const row = overview.addRow([
      "",
      "",
      unit,
      "",
      "",
      "",
      "",
      "",
      "",
      "",
      "",
      ...keyTitles.map(() => ""),
      "",
      "未收到",
      "否（未收到）",
      "未收到",
    ]);
    row.getCell(3).font = ERROR_FONT;
  }
  for (const i of order) {
    const e = entries[i]!;
    const n = (s: Severity): number => e.findings.filter((f) => f.severity === s).length;
    const doubts = doubtful(e);
    const keys = KEY_FIGURES.map((k) => {
      if (e.error) return "";
      if (doubts.has(k.table)) return "存疑";
      const v = keyFigure(e, k);
      return v === null ? "未读出" : v;
    });
    const why = inclusion.why[i];
    const row = overview.addRow([
      shown(e.file, root),
      e.sheet ?? "",
      // A report that names no unit (one that could not be read) shows the listed unit its file name names.
      e.unit ?? roll?.listed[i] ?? "",
      e.year ?? "",
      e.form ? FORM_NAMES[e.form].zh : "",
      e.format === "2021" ? "2021 版" : e.format === "2019" ? "2019 版" : e.format === "free-form" ? "自由格式" : "",
      e.error ? "无法读取" : n("error"),
      e.error ? "" : n("warning"),
      e.error ? "" : n("info"),
      e.error ? "" : e.findings.filter((f) => f.rule === "reading-doubt").length,
      e.priorFrom ? `已与上年报告核对（${shown(e.priorFrom.file, root)}）` : e.error ? "" : "文件夹中无上年报告",
      ...keys,
      e.error || doubts.size ? "" : (e.fee ?? ""),
      ...(roll ? [roll.onList[i] === true ? "名单内" : roll.onList[i] === false ? "名单外" : "单位不明"] : []),
      why === undefined ? "是" : `否（${EXCLUSION_TEXT[why].zh}）`,
      "",
    ]);
    const at = firstIssueRow.get(i);
    const link = row.getCell(row.cellCount);
    if (at !== undefined) {
      const count = e.error ? 1 : e.findings.length;
      link.value = { text: `查看 ${count} 条`, hyperlink: `#'问题清单'!A${at}` };
      link.font = { color: { argb: "FF0563C1" }, underline: true };
    } else link.value = "无";
    if (e.error || n("error") > 0) row.getCell(7).font = ERROR_FONT;
  }

  // 数据: every report, every figure of the summed format; 纳入 decides the sums.
  const tables = inclusion.format ? summaryTables(inclusion.format) : [];
  const fixed = ["纳入", "文件", "工作表", "单位", "年度", "报告格式", "未纳入原因"];
  const figureCols: { def: TableDef; key: string }[] = [];
  for (const def of tables)
    for (const r of def.rows) for (const c of def.cols) figureCols.push({ def, key: cellKey(r.key, c.key) });
  header(
    data,
    [
      ...fixed,
      ...figureCols.map(({ def, key }) => {
        const [rk, ck] = key.split("|") as [string, string];
        return `${def.section}·${def.id === "s4" ? "" : `${label(def, rk)}·`}${colHeader(def, ck)}`;
      }),
    ],
    [6, 28, 14, 24, 8, 10, 16, ...figureCols.map(() => 12)],
  );
  entries.forEach((e, i) => {
    const why = inclusion.why[i];
    data.addRow([
      why === undefined ? "是" : "否",
      shown(e.file, root),
      e.sheet ?? "",
      e.unit ?? "",
      e.year ?? "",
      e.format ?? "",
      why === undefined ? "" : EXCLUSION_TEXT[why].zh,
      ...figureCols.map(({ def, key }) =>
        e.error || e.format !== inclusion.format || doubtful(e).has(def.id)
          ? null
          : (e.figures?.[def.id]?.[key] ?? null),
      ),
    ]);
  });
  const last = Math.max(2, entries.length + 1);
  const colOf = new Map(figureCols.map((f, j) => [`${f.def.id} ${f.key}`, columnLetters(fixed.length + j)]));

  // 汇总表: who is in, who is out (and why), then each table with live SUMIF formulas over 数据.
  const sums = sumFigures(entries, inclusion);
  const sumCells: Record<string, Record<string, string>> = {};
  const included = entries.filter((_, i) => inclusion.why[i] === undefined);
  const left = entries.flatMap((e, i) => {
    const why = inclusion.why[i];
    const where = e.sheet && e.form === "xlsx" ? `${shown(e.file, root)}·${e.sheet}` : shown(e.file, root);
    return why === undefined ? [] : [`${e.unit ? `${e.unit}（${where}，` : `${where}（`}${EXCLUSION_TEXT[why].zh}）`];
  });
  sumSheet.getColumn(1).width = 44;
  sumSheet.addRow([`${inclusion.year ?? ""}年度政府信息公开工作年度报告汇总表`]).font = { bold: true, size: 14 };
  sumSheet.addRow([
    `纳入汇总 ${included.length} 份报告：${included.map((e) => e.unit ?? shown(e.file, root)).join("、") || "无"}`,
  ]);
  const out = sumSheet.addRow([`未纳入 ${left.length} 份：${left.join("、") || "无"}`]);
  if (left.length) out.font = { color: { argb: "FFC00000" } };
  if (roll) {
    const missing = sumSheet.addRow([
      roll.missing.length
        ? `未收到 ${roll.missing.length} 个单位：${roll.missing.join("、")}`
        : "单位名单中的单位均已收到报告",
    ]);
    if (roll.missing.length) missing.font = { color: { argb: "FFC00000" } };
  }
  sumSheet.addRow([
    "以下各数为“数据”工作表中“纳入”一栏为“是”的报告之和（公式实时计算）；改动“纳入”一栏即可调整本级汇总的范围。",
  ]);
  const rows = last;
  for (const def of tables) {
    sumCells[def.id] = {};
    sumSheet.addRow([]);
    const title = sumSheet.addRow([
      def.section === "二" ? `${SECTION_ZH["二"]} ${def.title}` : `${def.section}、${def.title}`,
    ]);
    title.font = { bold: true };
    const isS4 = def.id === "s4";
    // 四 is printed as three groups (复议, 直接起诉, 复议后起诉) of five results, as the national table reads.
    const groups = isS4
      ? [...new Set(def.cols.map((c) => c.key.split(".")[0]!))].map((g) => ({
          label: def.cols.find((c) => c.key.startsWith(`${g}.`))!.parents!.join("·"),
          cols: def.cols.filter((c) => c.key.startsWith(`${g}.`)),
          row: def.rows[0]!.key,
          parents: [] as string[],
        }))
      : def.rows.map((r) => ({ label: label(def, r.key), cols: def.cols, row: r.key, parents: r.parents ?? [] }));
    const head = sumSheet.addRow(["", ...groups[0]!.cols.map((c) => (isS4 ? c.label : colHeader(def, c.key)))]);
    head.font = { bold: true };
    head.eachCell((c) => {
      c.fill = HEADER_FILL;
      c.alignment = { wrapText: true, vertical: "middle" };
    });
    // The group headings of the national table (三、本年度办理结果, （三）不予公开 …) as rows of their own, before
    // their first item: without them three runs of items would each start again at "1.".
    let shownParents: string[] = [];
    for (const g of groups) {
      const parents = g.parents;
      parents.forEach((p, level) => {
        if (shownParents[level] === p) return;
        const heading = sumSheet.addRow([p]);
        heading.font = { bold: level === 0, italic: level > 0 };
        shownParents = [...parents.slice(0, level + 1)];
      });
      if (parents.length < shownParents.length) shownParents = shownParents.slice(0, parents.length);
      const r = sumSheet.addRow([g.label]);
      g.cols.forEach((c, j) => {
        const key = cellKey(g.row, c.key);
        const col = colOf.get(`${def.id} ${key}`)!;
        const cell = r.getCell(j + 2);
        cell.value = {
          formula: `SUMIF('数据'!$A$2:$A$${rows},"是",'数据'!${col}$2:${col}$${rows})`,
          result: sums[def.id]?.[key] ?? 0,
        } as ExcelJS.CellFormulaValue;
        if (c.kind === "wan-yuan") cell.numFmt = "0.0000";
        sumCells[def.id]![key] = `${columnLetters(j + 1)}${r.number}`;
      });
    }
  }
  for (let c = 2; c <= 16; c++) sumSheet.getColumn(c).width = 11;
  return { workbook: wb, inclusion, sums, sumCells };
}
