/**
 * Last year's figures into this year's 上年 cells (导入上年数据 / `template --prior`): 上年报告“四、结转下年度继续办理”
 * from last year's 四、结转下年度继续办理, 上年本年新收申请（总计） from last year's 本年新收 总计 (for 同比), 上年现行有效件数
 * from last year's 现行有效件数, and the optional blocks' 上年条数 from last year's counts of the same category. Pure: which cell gets which figure, read from the sheet's
 * own report (so it works on any counts sheet the reader understands, not only the template's layout).
 */
import { rangesText, type CellRef } from "../grid";
import { cellKey } from "./format";
import type { Breakdown, Num, Report } from "./report";

export interface PriorFill {
  cell: CellRef;
  value: number;
  /** What the figure is, in the sheet's words ("三、上年结转 / 自然人"). */
  what: { zh: string; en: string };
}

export interface PriorPlan {
  /** Blank 上年 cells and last year's figure for each. */
  fills: PriorFill[];
  /** 上年 cells that already hold a figure: left as they are (nothing typed is overwritten). */
  kept: CellRef[];
  /** 上年 cells for which last year's report has no figure. */
  missing: CellRef[];
}

function known(n: Num | undefined): number | undefined {
  return n && n.value !== null && !n.issue && Number.isFinite(n.value) ? n.value : undefined;
}

/** A report's 本年新收申请 总计: its 总计 cell, else the SUM of the applicant columns when each is known. */
function receivedOf(r: Report): Num | undefined {
  const t = r.section3;
  if (!t) return undefined;
  const total = t.cells[cellKey("new", "total")];
  if (known(total) !== undefined) return total;
  let sum = 0;
  for (const c of t.def.cols) {
    if (c.key === "total") continue;
    const v = known(t.cells[cellKey("new", c.key)]);
    if (v === undefined) return undefined;
    sum += v;
  }
  return { value: sum };
}

export function priorFills(current: Report, last: Report): PriorPlan {
  const out: PriorPlan = { fills: [], kept: [], missing: [] };
  const put = (target: Num | undefined, from: Num | undefined, what: PriorFill["what"]): void => {
    if (!target?.cell) return;
    const value = known(from);
    if (target.value !== null || target.issue) {
      out.kept.push(target.cell);
      return;
    }
    if (value === undefined) out.missing.push(target.cell);
    else out.fills.push({ cell: target.cell, value, what });
  };
  // 三: last year's 四、结转下年度继续办理 row, column by column.
  const s3 = current.section3;
  if (s3?.prior) {
    for (const c of s3.def.cols) {
      const key = cellKey("carryNext", c.key);
      put(s3.prior[key], last.section3?.cells[key], {
        zh: `上年结转下年度 / ${c.label}`,
        en: `last year's carried to next year / ${c.key}`,
      });
    }
  }
  // 上年本年新收申请（总计）: last year's own 本年新收 总计 (never its 上年 cells).
  const received = s3?.prior?.[cellKey("new", "total")];
  if (received) {
    put(received, receivedOf(last), { zh: "上年本年新收申请（总计）", en: "last year's new applications (total)" });
  }
  // 二（一）: last year's 现行有效件数, row by row.
  const item1 = current.section2["s2.item1"];
  if (item1?.prior) {
    for (const r of item1.def.rows) {
      const key = cellKey(r.key, "inForce");
      put(item1.prior[key], last.section2["s2.item1"]?.cells[key], {
        zh: `上年现行有效件数 / ${r.label}`,
        en: `last year's in force / ${r.key}`,
      });
    }
  }
  // The optional blocks: last year's count of the category of the same name, and last year's 合计.
  const blocks = (r: Report): Breakdown[] => (r.proactive ? [r.proactive, ...r.proactive.children] : []);
  const lastBlocks = blocks(last);
  blocks(current).forEach((b, i) => {
    const lb = lastBlocks[i];
    if (!lb) return;
    // Only a block last year's report used (its template's 合计 formula alone shows 0 over blank categories).
    if (!lb.categories.some((c) => known(c.count) !== undefined)) return;
    for (const c of b.categories) {
      const lc = lb.categories.find((x) => x.name === c.name);
      put(c.prior, lc?.count, { zh: `${b.name} ${c.name} 上年条数`, en: `${b.name} ${c.name}, last year` });
    }
    put(b.priorTotal, lb.total, { zh: `${b.name} 上年合计`, en: `${b.name} last year's total` });
  });
  return out;
}

/** "公开数据!D58:J58、公开数据!D13:D14" for a message: ranges, at most `max` of them, then how many cells in all. */
export function cellList(cells: CellRef[], lang: "zh" | "en" = "zh", max = 6): string {
  return rangesText(cells, {
    sep: lang === "zh" ? "、" : ", ",
    max,
    more: () => (lang === "zh" ? ` 等${cells.length}个单元格` : ` … (${cells.length} cells in all)`),
  });
}

/** What 导入上年数据 / `template --prior` did, in plain words: one line per fact (no end stop), zh and en. */
export interface PriorFillMessage {
  lines: { zh: string; en: string }[];
  /** Last year's report is not of the year before this one: the user may have picked the wrong file. */
  wrongYear: boolean;
}

/**
 * The lines to show after filling: what was filled (from whose report of which year), what was kept (typed
 * already), what last year's report lacks, and a warning when its year is not `year` − 1.
 * `source` names the file when the report has neither unit nor year.
 */
export function priorFillMessage(
  done: { filled: CellRef[]; kept: CellRef[]; missing: CellRef[] },
  last: Report,
  year: number | undefined,
  source: string,
): PriorFillMessage {
  const lastYear = last.meta.year?.value;
  const unit = last.meta.body?.text ?? "";
  const fromZh = [unit, lastYear !== undefined ? `${lastYear}年` : ""].filter(Boolean).join(" ") || source;
  const fromEn = [unit, lastYear !== undefined ? `${lastYear}` : ""].filter(Boolean).join(" ") || source;
  const lines: PriorFillMessage["lines"] = [];
  const n = done.filled.length;
  lines.push(
    n > 0
      ? {
          zh: `已从上年报告（${fromZh}）填入 ${n} 项上年数据：${cellList(done.filled)}`,
          en: `Filled ${n} of last year's figures from last year's report (${fromEn}): ${cellList(done.filled, "en")}`,
        }
      : {
          zh: `上年报告（${fromZh}）中没有可填入的数据，未作改动`,
          en: `Last year's report (${fromEn}) has no figure to fill in; nothing was changed`,
        },
  );
  if (done.kept.length > 0)
    lines.push({
      zh: `已填写的 ${done.kept.length} 项保持不变：${cellList(done.kept)}`,
      en: `${done.kept.length} figure(s) already filled were left as they are: ${cellList(done.kept, "en")}`,
    });
  if (done.missing.length > 0)
    lines.push({
      zh: `上年报告中没有的 ${done.missing.length} 项留空：${cellList(done.missing)}`,
      en: `${done.missing.length} figure(s) last year's report lacks were left blank: ${cellList(done.missing, "en")}`,
    });
  const wrongYear = lastYear !== undefined && year !== undefined && lastYear !== year - 1;
  if (wrongYear)
    lines.push({
      zh: `注意：上年报告的年度是 ${lastYear} 年，不是 ${year - 1} 年，请确认选对了文件`,
      en: `Note: last year's report is for ${lastYear}, not ${year - 1}; check that you picked the right file`,
    });
  return { lines, wrongYear };
}
