/**
 * What `check` (and `generate`, `demo`) print: a readable block per file, a summary over several files,
 * and the --json document. Chinese by default, English with --lang en.
 */
import type { Figures } from "../core/summary";
import type { Finding, FindingText, Lang, Severity } from "../core/checks/types";
import type { FormatId } from "../core/model/format";
import type { ReadFailure } from "../core/read";
import type { FileForm } from "../core/model/report";
import { findingCells, formatMessage } from "../core/checks";
import { localizeValue } from "../core/checks/values";
import { cellAddress, rangesText } from "../core/grid";

/** One report of one file (a file with several report sheets gives several), or a file that could not be read. */
export interface FileResult {
  file: string;
  sheet: string | null;
  /** 单位名称 as the sheet gives it; null when it does not say. */
  unit?: string | null;
  year: number | null;
  format: FormatId | null;
  findings: Finding[];
  /** With --prior: true when the cross-year checks ran and found nothing ("与上年报告核对：一致"). */
  priorAgrees?: boolean;
  /** A sheet for preparing (编制): the parts filled so far. */
  progress?: { filled: number; total: number };
  /** Set when the file could not be read or holds no disclosure table. */
  error?: ReadFailure;
  /** For `summary` (CheckSettings.figures): the form the file came in, the report's figures and fee. */
  form?: FileForm;
  figures?: Figures;
  fee?: number | null;
  /** For `summary`: last year's report of the same unit in the folder, when the cross-year checks ran with it. */
  priorFrom?: { file: string; sheet: string | null };
}

export const SEVERITIES: Severity[] = ["error", "warning", "info"];

const SEVERITY_LABEL: Record<Severity, { zh: string; en: string; mark: string }> = {
  error: { zh: "错误", en: "Errors", mark: "✗" },
  warning: { zh: "警告", en: "Warnings", mark: "!" },
  info: { zh: "提示", en: "Notes", mark: "i" },
};

const FORMAT_LABEL: Record<FormatId, { zh: string; en: string }> = {
  "2021": { zh: "2021年格式（国办公开办函〔2021〕30号）", en: "2021 format (国办公开办函〔2021〕30号)" },
  "2019": { zh: "2019年试行格式（国办公开办函〔2019〕60号）", en: "2019 trial format (国办公开办函〔2019〕60号)" },
  "free-form": { zh: "自由格式（2019年以前的写法）", en: "free-form (pre-2019 style)" },
};

export function exitCodeOf(r: FileResult): number {
  if (r.error) return 2;
  return r.findings.some((f) => f.severity === "error") ? 1 : 0;
}

export function countBySeverity(findings: Finding[]): Record<Severity, number> {
  const n: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) n[f.severity]++;
  return n;
}

const MAX_CELLS_SHOWN = 6;

/** The finding's cells as ranges ("公开数据!F33:K33、公开数据!D35"), at most MAX_CELLS_SHOWN, then the count. */
function cellsText(f: Finding, lang: Lang): string {
  if (f.cells.length === 0) return "";
  const n = new Set(f.cells.map((c) => `${c.sheet}!${c.row},${c.col}`)).size;
  return rangesText(f.cells, {
    sep: lang === "zh" ? "、" : ", ",
    max: MAX_CELLS_SHOWN,
    more: () => (lang === "zh" ? ` 等，共${n}个单元格` : ` … (${n} cells in all)`),
  });
}

function expectedActual(f: Finding, lang: Lang): string {
  const parts: string[] = [];
  if (f.expected !== undefined) parts.push(lang === "zh" ? `应为 ${f.expected}` : `expected ${f.expected}`);
  if (f.actual !== undefined)
    parts.push(lang === "zh" ? `实为 ${f.actual}` : `actual ${localizeValue(f.actual, lang)}`);
  return parts.join(lang === "zh" ? "，" : ", ");
}

const MAX_QUOTE = 120;

/** The sentence of a text finding with its figure in 【】, cut around the figure when long. */
export function quoteText(t: FindingText, lang: Lang): string {
  const a = t.start - t.quoteStart;
  const b = t.end - t.quoteStart;
  let before = t.quote.slice(0, a);
  let after = t.quote.slice(b);
  const room = Math.max(20, MAX_QUOTE - (b - a));
  if (before.length + after.length > room) {
    const half = Math.floor(room / 2);
    if (before.length > half) before = "…" + before.slice(before.length - half);
    if (after.length > room - Math.min(before.length, half))
      after = after.slice(0, room - Math.min(before.length, half)) + "…";
  }
  const where = t.where ? t.where[lang] : t.cell ? cellAddress(t.cell) : "";
  const quote = `“${before}【${t.quote.slice(a, b)}】${after}”`;
  return lang === "zh" ? `原文（${where}）：${quote}` : `Text (${where}): ${quote}`;
}

/** "建议：将 公开数据!J12 改为 17" / "Suggested fix: set 公开数据!J12 to 17". */
export function fixText(fix: NonNullable<Finding["fix"]>, lang: Lang): string {
  const cell = cellAddress(fix.cell);
  return lang === "zh" ? `建议：将 ${cell} 改为 ${fix.value}` : `Suggested fix: set ${cell} to ${fix.value}`;
}

export function summaryCounts(findings: Finding[], lang: Lang): string {
  const n = countBySeverity(findings);
  return lang === "zh"
    ? `${n.error} 个错误，${n.warning} 个警告，${n.info} 条提示`
    : `${n.error} error(s), ${n.warning} warning(s), ${n.info} note(s)`;
}

/** The readable block for one file. */
export function formatFileResult(r: FileResult, lang: Lang): string {
  const lines: string[] = [];
  if (r.error) {
    lines.push(
      lang === "zh"
        ? `✗ ${r.file}：无法核对 —— ${r.error.message.zh}`
        : `✗ ${r.file}: cannot check — ${r.error.message.en}`,
    );
    return lines.join("\n") + "\n";
  }
  const fmt = r.format ? FORMAT_LABEL[r.format][lang] : lang === "zh" ? "未知" : "unknown";
  const year = r.year ?? (lang === "zh" ? "未知" : "unknown");
  lines.push(
    lang === "zh"
      ? `文件：${r.file}  工作表：${r.sheet ?? "-"}  年度：${year}  格式：${fmt}${r.unit ? `  单位：${r.unit}` : ""}`
      : `File: ${r.file}  Sheet: ${r.sheet ?? "-"}  Year: ${year}  Format: ${fmt}${r.unit ? `  Unit: ${r.unit}` : ""}`,
  );
  if (r.progress) {
    lines.push(
      lang === "zh"
        ? `  编制进度：已填 ${r.progress.filled} / ${r.progress.total} 项`
        : `  Preparing: ${r.progress.filled} of ${r.progress.total} figures filled`,
    );
  }
  for (const sev of SEVERITIES) {
    const group = r.findings.filter((f) => f.severity === sev);
    if (group.length === 0) continue;
    const label = SEVERITY_LABEL[sev];
    lines.push(lang === "zh" ? `  ${label.zh}（${group.length}）` : `  ${label.en} (${group.length})`);
    for (const f of group) {
      const where = cellsText(f, lang);
      lines.push(`    ${label.mark} ${where ? where + (lang === "zh" ? "：" : ": ") : ""}${formatMessage(f, lang)}`);
      if (f.text) lines.push(`      ${quoteText(f.text, lang)}`);
      const ea = expectedActual(f, lang);
      lines.push(`      ${ea ? ea + "  " : ""}[${f.rule}]`);
      if (f.fix) lines.push(`      ${fixText(f.fix, lang)}`);
    }
  }
  if (r.findings.length === 0) lines.push(lang === "zh" ? "  未发现问题。" : "  No problems found.");
  if (r.priorAgrees)
    lines.push(lang === "zh" ? "  与上年报告核对：一致" : "  Checked against last year's report: consistent");
  lines.push(
    lang === "zh" ? `  结论：${summaryCounts(r.findings, lang)}` : `  Result: ${summaryCounts(r.findings, lang)}`,
  );
  return lines.join("\n") + "\n";
}

/** One line per report (file + sheet) and a total line, for several reports. */
export function formatSummary(results: FileResult[], lang: Lang): string {
  const lines: string[] = [lang === "zh" ? "汇总：" : "Summary:"];
  const total: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  let unreadable = 0;
  let withErrors = 0;
  for (const r of results) {
    if (r.error) {
      unreadable++;
      lines.push(
        `  ✗ ${r.file}  ${lang === "zh" ? "无法核对：" + r.error.message.zh : "cannot check: " + r.error.message.en}`,
      );
      continue;
    }
    const n = countBySeverity(r.findings);
    total.error += n.error;
    total.warning += n.warning;
    total.info += n.info;
    if (n.error > 0) withErrors++;
    const sheet = r.sheet ? (lang === "zh" ? `  工作表：${r.sheet}` : `  sheet: ${r.sheet}`) : "";
    const unit = r.unit ? (lang === "zh" ? `  单位：${r.unit}` : `  unit: ${r.unit}`) : "";
    lines.push(`  ${n.error > 0 ? "✗" : "✓"} ${r.file}  ${summaryCounts(r.findings, lang)}${sheet}${unit}`);
  }
  const files = new Set(results.map((r) => r.file)).size;
  const reports = results.length - unreadable;
  // Several reports in one file: count reports; otherwise files (one report each).
  const byReport = results.length > files;
  const head =
    lang === "zh"
      ? byReport
        ? `共 ${files} 个文件、${reports} 份报告：${withErrors} 份有错误，${unreadable} 个无法核对`
        : `共 ${files} 个文件：${withErrors} 个有错误，${unreadable} 个无法核对`
      : byReport
        ? `${files} file(s), ${reports} report(s): ${withErrors} with errors, ${unreadable} could not be checked`
        : `${files} file(s): ${withErrors} with errors, ${unreadable} could not be checked`;
  lines.push(
    lang === "zh"
      ? `${head}；合计 ${total.error} 个错误，${total.warning} 个警告，${total.info} 条提示`
      : `${head}; ${total.error} error(s), ${total.warning} warning(s), ${total.info} note(s) in all`,
  );
  return lines.join("\n") + "\n";
}

export interface JsonFinding {
  rule: string;
  severity: Severity;
  cells: string[];
  message: string;
  expected?: string | number;
  actual?: string | number;
  /** Only when the check suggests a correction: set `cell` ("Sheet!A1") to `value`. */
  fix?: { cell: string; value: number };
  /**
   * Only for a finding about the report's text: the text cell ("报告正文!A5", or the paragraph of a file
   * given with --text, "report.docx ¶12"), the figure's offsets in that text, and the sentence.
   */
  text?: { cell: string; start: number; end: number; quote: string };
}

/** One entry per report: a file with several report sheets gives one entry per sheet. */
export interface JsonFile {
  file: string;
  sheet: string | null;
  /** 单位名称 as the sheet gives it; null when it does not say (absent for an unreadable file). */
  unit?: string | null;
  year: number | null;
  format: FormatId | null;
  findings: JsonFinding[];
  error?: { code: string; message: string };
}

export function toJson(results: FileResult[], lang: Lang): { files: JsonFile[] } {
  return {
    files: results.map((r) => {
      const f: JsonFile = {
        file: r.file,
        sheet: r.sheet,
        ...(r.unit !== undefined ? { unit: r.unit } : {}),
        year: r.year,
        format: r.format,
        findings: r.findings.map((x) => {
          const j: JsonFinding = {
            rule: x.rule,
            severity: x.severity,
            cells: findingCells(x),
            message: formatMessage(x, lang),
          };
          if (x.expected !== undefined) j.expected = x.expected;
          if (x.actual !== undefined) j.actual = localizeValue(x.actual, lang);
          if (x.fix) j.fix = { cell: cellAddress(x.fix.cell), value: x.fix.value };
          if (x.text) {
            const cell = x.text.cell ? cellAddress(x.text.cell) : (x.text.where?.[lang] ?? "");
            j.text = { cell, start: x.text.start, end: x.text.end, quote: x.text.quote };
          }
          return j;
        }),
      };
      if (r.error) f.error = { code: r.error.code, message: r.error.message[lang] };
      return f;
    }),
  };
}

/** A one-line progress bar for stderr (only drawn when stderr is a terminal). */
export function progressLine(done: number, total: number, file: string): string {
  const width = 24;
  const filled = total === 0 ? width : Math.round((done / total) * width);
  const name = file.length > 40 ? "…" + file.slice(-39) : file;
  return `\r[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${done}/${total} ${name}\x1b[K`;
}
