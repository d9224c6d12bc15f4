/**
 * The narrative (报告正文): model -> paragraphs, phrased as published reports phrase their figures
 * (shared/reference/narrative-phrasing.md). One function per thing to say; every figure is the one the
 * tables print (a total is the SUM of its parts), every share comes from the exact share engine, and
 * numbers are written per GB/T 15835. A figure that could not be read (text, an error value, or a blank
 * unless blanks count as 0) is never stated: the sentence carries 【待补充：…】 in its place.
 */
import { breakdownPriorTotal, CASE_GROUP_KEYS } from "../model/figures";
import { cellKey, S3_GROUPS, SECTION_HEADINGS } from "../model/format";
import type { Breakdown, Num, Report, TableData } from "../model/report";
import { shareSet, shareUnits, unitsPerWhole, type ShareSet } from "../shares";
import { DEFAULT_ROUNDING, type RoundingOptions } from "../shares/types";
import {
  amountText,
  clauses,
  countChangeText,
  countWith,
  enumerate,
  pointChangeText,
  shareUnitsText,
  yoyText,
  yuanText,
} from "./numbers";
import { subjectOf, type SubjectSettings } from "./subject";

export interface Paragraph {
  id: string;
  kind: "title" | "heading" | "body" | "note";
  text: string;
}

export interface NarrativeSettings extends SubjectSettings {
  rounding: RoundingOptions;
  /**
   * Blanks count as 0 (生成报告: the tables print a blank as 0, and the summary says so). Otherwise a
   * blank is a figure not filled yet and the sentence waits for it (【待补充】).
   */
  blanksAsZero?: boolean;
}

export const DEFAULT_NARRATIVE_SETTINGS: NarrativeSettings = { rounding: DEFAULT_ROUNDING };

export { checkNumberWriting, NUMBER_RULES, type NumberFinding } from "./lint";
export { areaWordOf, selfWordOf, subjectOf, DEFAULT_AREA_WORD } from "./subject";

/** A visible gap for the user to fill: 【待补充：…】. */
export function placeholder(what: string): string {
  return `【待补充：${what}】`;
}

interface Ctx {
  report: Report;
  rounding: RoundingOptions;
  blanksAsZero: boolean;
  /** Subject of the sentences: 本局, 全县各级行政机关… */
  subject: string;
  /** "2021年" or "本年度". */
  when: string;
  /** The 2021 format's sub-headings （一）主动公开… belong to section 一 from the 2021 reports on. */
  subHeadings: boolean;
}

export function narrative(report: Report, settings?: Partial<NarrativeSettings>): Paragraph[] {
  const rounding = { ...DEFAULT_ROUNDING, ...settings?.rounding };
  const ctx: Ctx = {
    report,
    rounding,
    blanksAsZero: settings?.blanksAsZero === true,
    subject: subjectOf(report, settings),
    when: whenWord(report),
    subHeadings: report.format === "2021",
  };
  const out: Paragraph[] = [];
  const body = (id: string, text: string) => out.push({ id, kind: "body", text });
  const heading = (i: number) => out.push({ id: `h${i + 1}`, kind: "heading", text: SECTION_HEADINGS[i]! });
  const lead = (text: string) => (ctx.subHeadings ? text : "");

  out.push({ id: "title", kind: "title", text: titleText(report) });

  heading(0);
  if (!ctx.subHeadings) {
    body("s1.overview", placeholder("政府信息公开工作总体情况（工作机制、重点工作、平台建设、监督保障等）"));
  }
  const proactive = proactiveParagraph(ctx);
  if (proactive !== null || ctx.subHeadings) {
    body(
      "s1.proactive",
      lead("（一）主动公开。") +
        (proactive ?? placeholder("主动公开政府信息情况（公开数量、主要类别、重点领域信息等）")),
    );
  }
  body("s1.applications", lead("（二）依申请公开。") + applicationsParagraph(ctx));
  if (ctx.subHeadings) {
    body(
      "s1.management",
      "（三）政府信息管理。" + placeholder("政府信息管理情况（公开属性认定、公开前审查、政策文件清理等）"),
    );
    body(
      "s1.platform",
      "（四）平台建设。" + placeholder("政府信息公开平台建设情况（政府网站、政务新媒体、政府公报等）"),
    );
    body(
      "s1.supervision",
      "（五）监督保障。" + placeholder("监督保障情况（工作机制、教育培训、考核评议、社会评议、责任追究等）"),
    );
  }

  heading(1);
  body("s2.tables", section2Text(ctx));

  heading(2);
  body("s3.tables", section3Text(ctx));

  heading(3);
  body("s4.cases", section4Text(ctx));

  heading(4);
  body("s5.problems", placeholder("本年度政府信息公开工作存在的主要问题、上年度问题的改进情况及下一步工作打算"));

  heading(5);
  // 信息处理费 exists from the 2021 reports on (国办函〔2020〕109号).
  if (hasFeeSection(report)) body("s6.fee", feeText(ctx));
  body(
    "s6.other",
    placeholder("其他需要报告的事项（如人大代表建议和政协提案办理结果公开情况、年度政务公开工作要点落实情况等）"),
  );
  return out;
}

// ---------- context ----------

/** Section 六 reports 信息处理费 from the 2021 reports on; an unknown year follows the format. */
function hasFeeSection(report: Report): boolean {
  const year = report.meta.year?.value;
  return year !== undefined ? year >= 2021 : report.format === "2021";
}

function whenWord(report: Report): string {
  const y = report.meta.year?.value;
  return y !== undefined ? `${y}年` : "本年度";
}

/** "{单位}{年度}年政府信息公开工作年度报告", with what is known. */
export function titleText(report: Report): string {
  const body = report.meta.body?.text.trim() ?? "";
  const year = report.meta.year?.value;
  return `${body}${year !== undefined ? `${year}年` : ""}政府信息公开工作年度报告`;
}

// ---------- figures as the sentences may state them ----------

/**
 * A figure the text may state: a whole number >= 0, or null when it cannot be stated (a blank not yet
 * filled, text that does not read as a number, an error value, a fraction or a negative number).
 */
type Fig = number | null;

function fig(ctx: Ctx, n: Num | undefined): Fig {
  const v = n?.value ?? null;
  if (v === null) return !n?.issue && ctx.blanksAsZero ? 0 : null;
  return Number.isSafeInteger(v) && v >= 0 ? v : null;
}

/** The SUM of figures as the table prints it; null when any part cannot be stated. */
function sumFig(figs: Fig[]): Fig {
  let s = 0;
  for (const f of figs) {
    if (f === null) return null;
    s += f;
  }
  return s;
}

function known(figs: Fig[]): figs is number[] {
  return figs.every((f) => f !== null);
}

/** "6件", or a placeholder naming the figure where it cannot be stated. */
function countOr(f: Fig, unit: string, what: string): string {
  return f === null ? placeholder(what) : countWith(f, unit);
}

/** The reason a figure is missing, for its placeholder: "…（表中未填写）" or "…（表中无法识别）". */
function gapOf(ctx: Ctx, nums: (Num | undefined)[], what: string): string {
  const unreadable = nums.some((n) => n && n.value === null && n.issue);
  const invalid = nums.some((n) => n && n.value !== null && !(Number.isSafeInteger(n.value) && n.value >= 0));
  if (unreadable) return `${what}（表中有无法识别的数字，请先修正）`;
  if (invalid) return `${what}（表中有非整数或负数，请先修正）`;
  return ctx.blanksAsZero ? what : `${what}（表中尚未填写）`;
}

// ---------- shares with their notes ----------

interface ShareList {
  set: ShareSet;
  /** A sentence for the end of the paragraph when the shares do not add up to 100% or were adjusted. */
  note: string | null;
}

function sharesOf(names: string[], counts: number[], total: number, rounding: RoundingOptions): ShareList {
  const set = shareSet(counts, rounding, total);
  const sum = counts.reduce((a, c) => a + c, 0);
  let note: string | null = null;
  if (sum === total && total > 0 && counts.filter((c) => c > 0).length > 1) {
    if (set.largestRemainderApplied && set.adjusted.some((a) => a)) {
      const independent = shareSet(counts, { ...rounding, largestRemainder: false }, total);
      const moved = names
        .map((name, i) => ({ name, i }))
        .filter(({ i }) => set.adjusted[i])
        .map(
          ({ name, i }) =>
            `${name}由${shareUnitsText(independent.units[i]!, counts[i]!, rounding.decimals)}调整为${shareUnitsText(
              set.units[i]!,
              counts[i]!,
              rounding.decimals,
            )}`,
        );
      note = `为使各项占比之和为100%，个别占比按最大余数法作了调整（${enumerate(moved)}）。`;
    } else if (set.sumUnits !== unitsPerWhole(rounding.decimals)) {
      note = "因四舍五入，各项占比之和可能不等于100%。";
    }
  }
  return { set, note };
}

/** "名称N条，占{denominator}x%" clauses for the non-zero items; the first one names the denominator. */
function countShareClauses(
  names: string[],
  counts: number[],
  shares: ShareSet,
  unit: string,
  denominator: string,
  decimals: number,
): string[] {
  const out: string[] = [];
  counts.forEach((c, i) => {
    if (c <= 0) return;
    const u = shares.units[i];
    const share =
      u === null || u === undefined
        ? ""
        : `，占${out.length === 0 ? denominator : ""}${shareUnitsText(u, c, decimals)}`;
    out.push(`${names[i]}${countWith(c, unit)}${share}`);
  });
  return out;
}

/** "，较上年增加20件，增长20.00%" / "，与上年持平"; empty when last year is unknown. */
function changeVsLastYear(current: number, prior: Fig, unit: string, ctx: Ctx): string {
  if (prior === null) return "";
  const change = countChangeText(current, prior, unit);
  if (!change) return "，与上年持平";
  const yoy = yoyText(current, prior, ctx.rounding.decimals, ctx.rounding.rounding);
  return `，较上年${change}` + (yoy ? `，${yoy}` : "");
}

// ---------- 一（一）主动公开 ----------

/** The proactive-disclosure sentences, or null when the report has no such figures. */
function proactiveParagraph(ctx: Ctx): string | null {
  const b = ctx.report.proactive;
  if (!b || (b.total?.value == null && b.categories.every((c) => c.count.value == null && !c.count.issue))) return null;
  const countNums = b.categories.map((c) => c.count);
  const counts = countNums.map((n) => fig(ctx, n));
  // The 合计 the table prints: SUM of the categories (the stated total when no category has a figure).
  const hasCategories = b.categories.some((c) => c.count.value !== null || c.count.issue);
  const total = hasCategories ? sumFig(counts) : fig(ctx, b.total);
  if (total === null || (hasCategories && !known(counts))) {
    return placeholder(gapOf(ctx, hasCategories ? countNums : [b.total], "主动公开政府信息条数"));
  }
  if (total === 0) return `${ctx.when}，${ctx.subject}未主动公开政府信息。`;
  const { decimals, rounding: rule } = ctx.rounding;
  const unit = "条";
  let first = `${ctx.when}，${ctx.subject}主动公开政府信息${countWith(total, unit)}`;
  const prior = priorOf(b);
  first += prior !== null ? proactiveChange(total, prior, unit, ctx) : statedIncreaseClause(b, unit);
  const target = fig(ctx, b.target);
  if (target !== null && target > 0) {
    const u = shareUnits(total, target, decimals, rule)!;
    first += `，完成年度目标（${countWith(target, unit)}）的${shareUnitsText(u, total, decimals)}`;
  }
  let text = first + "。";
  const names = b.categories.map((c) => c.name);
  const parts = counts.map((c) => c ?? 0);
  const shares = sharesOf(names, parts, total, ctx.rounding);
  const items = countShareClauses(names, parts, shares.set, unit, "主动公开总数的", decimals);
  if (items.length > 0) text += `其中，${clauses(items)}。`;
  for (const child of b.children) text += childSentence(ctx, child, b, total, prior);
  return text + (shares.note ?? "");
}

/** Last year's total when explicitly known (never implied from a stated increase). */
function priorOf(b: Breakdown): Fig {
  const prior = breakdownPriorTotal(b);
  return typeof prior === "number" && Number.isSafeInteger(prior) && prior >= 0 ? prior : null;
}

/** A stated 比上年新增 D as stated ("，比上年新增390条"), without a 同比 that last year's figure would need. */
function statedIncreaseClause(b: Breakdown, unit: string): string {
  const d = b.statedIncrease?.value;
  if (d === null || d === undefined || !Number.isSafeInteger(d)) return "";
  if (d === 0) return "，与上年持平";
  return d > 0 ? `，比上年新增${countWith(d, unit)}` : `，比上年减少${countWith(-d, unit)}`;
}

/** "，比上年增加N条，同比增长x%" / "，与上年持平". */
function proactiveChange(total: number, prior: number, unit: string, ctx: Ctx): string {
  const change = countChangeText(total, prior, unit);
  if (!change) return "，与上年持平";
  const yoy = yoyText(total, prior, ctx.rounding.decimals, ctx.rounding.rounding);
  return `，比上年${change}` + (yoy ? `，同比${yoy}` : "");
}

/** 重点领域信息N条，占主动公开总数的x%，比上年提高y个百分点，其中A a条、B b条。 */
function childSentence(ctx: Ctx, child: Breakdown, parent: Breakdown, parentTotal: number, parentPrior: Fig): string {
  const { decimals, rounding: rule } = ctx.rounding;
  const counts = child.categories.map((c) => fig(ctx, c.count));
  const name = child.name.endsWith("信息") ? child.name : `${child.name}信息`;
  if (!known(counts))
    return placeholder(
      gapOf(
        ctx,
        child.categories.map((c) => c.count),
        `${name}条数`,
      ),
    );
  const total = child.categories.length > 0 ? sumFig(counts)! : (fig(ctx, child.total) ?? 0);
  if (total <= 0) return "";
  let s = `${name}${countWith(total, "条")}`;
  const units = parentTotal > 0 && total <= parentTotal ? shareUnits(total, parentTotal, decimals, rule) : null;
  if (units !== null)
    s += `，占${parent.name.includes("主动公开") ? "主动公开" : parent.name}总数的${shareUnitsText(units, total, decimals)}`;
  const prior = priorOf(child);
  if (prior !== null) {
    s += proactiveChange(total, prior, "条", ctx);
    if (units !== null && parentPrior !== null && parentPrior > 0 && prior <= parentPrior) {
      const priorUnits = shareUnits(prior, parentPrior, decimals, rule)!;
      s += `，占比${pointChangeText(units, priorUnits, decimals)}`;
    }
  } else s += statedIncreaseClause(child, "条");
  const parts = child.categories
    .map((c, i) => ({ name: c.name, n: counts[i]! }))
    .filter((p) => p.n > 0)
    .map((p) => `${p.name}${countWith(p.n, "条")}`);
  if (parts.length > 0) s += `，其中${enumerate(parts)}`;
  return s + "。";
}

// ---------- 一（二）依申请公开 ----------

interface S3Figures {
  received: Fig;
  carried: Fig;
  handled: Fig;
  carryNext: Fig;
  natural: Fig;
  organisations: Fig;
  groups: { short: string; count: Fig }[];
  /** The cells each figure sums, for the placeholder's reason. */
  nums: Record<"received" | "carried" | "handled" | "carryNext", (Num | undefined)[]>;
}

const ORG_COLS = ["commercial", "research", "publicInterest", "legal", "otherOrg"];

/** The applicant columns (every column but 总计) and the outcome rows of a section-三 table, per format. */
const S3_SHAPE = new WeakMap<TableData["def"], { applicant: string[]; outcomeRows: TableData["def"]["rows"] }>();
function s3Shape(def: TableData["def"]): { applicant: string[]; outcomeRows: TableData["def"]["rows"] } {
  let shape = S3_SHAPE.get(def);
  if (!shape) {
    shape = {
      applicant: def.cols.filter((c) => c.key !== "total").map((c) => c.key),
      outcomeRows: def.rows.filter((r) => r.outcome),
    };
    S3_SHAPE.set(def, shape);
  }
  return shape;
}

/** A row's applicant cells, and the row's 总计 as the table prints it (SUM of them). */
function s3Row(ctx: Ctx, t: TableData, row: string): { cells: (Num | undefined)[]; sum: Fig } {
  const cells = s3Shape(t.def).applicant.map((c) => t.cells[cellKey(row, c)]);
  return { cells, sum: sumFig(cells.map((n) => fig(ctx, n))) };
}

/** Section 三 as the table prints it: a row's 总计 = SUM of the applicant columns; （七）总计 = SUM of the outcome rows. */
function s3Figures(ctx: Ctx, t: TableData): S3Figures {
  const { outcomeRows } = s3Shape(t.def);
  // Each outcome row summed once: its group's count and 办结 both take it.
  const handledCells: (Num | undefined)[] = [];
  const byGroup = new Map<string | undefined, Fig[]>();
  for (const r of outcomeRows) {
    const row = s3Row(ctx, t, r.key);
    handledCells.push(...row.cells);
    const list = byGroup.get(r.group);
    if (list) list.push(row.sum);
    else byGroup.set(r.group, [row.sum]);
  }
  const groups = S3_GROUPS.filter((g) => byGroup.has(g.group)).map((g) => ({
    short: g.short,
    count: sumFig(byGroup.get(g.group)!),
  }));
  const received = s3Row(ctx, t, "new");
  const carried = s3Row(ctx, t, "carried");
  const carryNext = s3Row(ctx, t, "carryNext");
  return {
    received: received.sum,
    carried: carried.sum,
    handled: sumFig(groups.map((g) => g.count)),
    carryNext: carryNext.sum,
    natural: fig(ctx, t.cells[cellKey("new", "natural")]),
    organisations: sumFig(ORG_COLS.map((c) => fig(ctx, t.cells[cellKey("new", c)]))),
    groups,
    nums: { received: received.cells, carried: carried.cells, handled: handledCells, carryNext: carryNext.cells },
  };
}

/**
 * Last year's 本年新收: from last year's report when it is known (a prior workbook), else the sheet's own
 * 上年本年新收申请（总计） cell. Never a blank as 0.
 */
function priorReceived(ctx: Ctx): Fig {
  const known = { ...ctx, blanksAsZero: false };
  const p = ctx.report.prior?.section3;
  const fromReport = p ? s3Row(known, p, "new").sum : null;
  if (fromReport !== null) return fromReport;
  return fig(known, ctx.report.section3?.prior?.[cellKey("new", "total")]);
}

function applicationsParagraph(ctx: Ctx): string {
  const t = ctx.report.section3;
  if (!t || !Object.values(t.cells).some((n) => n.value !== null || n.issue)) {
    return placeholder("依申请公开情况（收到和处理政府信息公开申请情况）");
  }
  const a = s3Figures(ctx, t);
  const gap = (k: keyof S3Figures["nums"], what: string) => placeholder(gapOf(ctx, a.nums[k], what));
  let text = "";

  // Received, with the applicants' split and last year's figure; then carried over.
  if (a.received === 0 && a.carried === 0) {
    text += `${ctx.subject}全年未收到政府信息公开申请，也无上年结转的申请。`;
    return text;
  }
  if (a.received === 0) {
    const c = a.carried === null ? gap("carried", "上年结转申请件数") + "件" : countWith(a.carried, "件");
    text += `${ctx.subject}全年未收到新的政府信息公开申请，上年结转申请${c}。`;
  } else {
    const n = a.received === null ? gap("received", "本年新收申请件数") + "件" : countWith(a.received, "件");
    text += `${ctx.subject}全年新收政府信息公开申请${n}`;
    if (a.received !== null) text += changeVsLastYear(a.received, priorReceived(ctx), "件", ctx);
    if (a.received !== null && a.received > 0 && a.natural !== null && a.organisations !== null) {
      if (a.organisations === 0) text += "，均为自然人申请";
      else if (a.natural === 0) text += "，均为法人或其他组织申请";
      else
        text += `，其中自然人申请${countWith(a.natural, "件")}、法人或其他组织申请${countWith(a.organisations, "件")}`;
    }
    if (a.carried === null) text += `；上年结转申请${gap("carried", "上年结转申请件数")}件。`;
    else text += a.carried > 0 ? `；另有上年结转申请${countWith(a.carried, "件")}。` : "，无上年结转申请。";
  }

  // Handled, by result with shares of the handled total.
  let note: string | null = null;
  if (a.handled === null) {
    text += `全年办结${gap("handled", "办结件数")}件。`;
  } else if (a.handled === 0) {
    text += "本年度尚无办结的申请。";
  } else {
    const names = a.groups.map((g) => g.short);
    const counts = a.groups.map((g) => g.count!);
    const shares = sharesOf(names, counts, a.handled, ctx.rounding);
    const items = countShareClauses(names, counts, shares.set, "件", "办结总数的", ctx.rounding.decimals);
    const only = counts.filter((c) => c > 0).length === 1 ? names[counts.findIndex((c) => c > 0)] : null;
    text += `全年办结${countWith(a.handled, "件")}`;
    if (only && a.handled > 1) text += `，均为${only}`;
    else if (only) text += `，为${only}`;
    else text += `。其中，${clauses(items)}`;
    text += "。";
    note = shares.note;
  }

  // Carried into next year.
  if (a.carryNext === null) text += `结转下年度继续办理${gap("carryNext", "结转下年度件数")}件。`;
  else if (a.carryNext > 0) text += `另有${countWith(a.carryNext, "件")}结转下年度继续办理。`;
  else if (a.handled !== null && a.handled > 0) text += "申请已全部办结，无结转下年度继续办理的申请。";
  return text + (note ?? "");
}

// ---------- 二、三 ----------

function section2Text(ctx: Ctx): string {
  if (Object.keys(ctx.report.section2).length === 0) {
    return placeholder("主动公开政府信息情况（《条例》第二十条规定的各项信息）");
  }
  const summary = ctx.report.format === "2019" ? section2Summary2019(ctx) : section2Summary2021(ctx);
  if (summary) return `本年度，${ctx.subject}${summary}。具体情况见下表。`;
  if (ctx.report.format === "2021" && allKnownZero(ctx, Object.values(ctx.report.section2))) {
    return `本年度，${ctx.subject}未制发、废止规章和行政规范性文件，未作出行政许可、行政处罚、行政强制决定。具体情况见下表。`;
  }
  return "主动公开政府信息的具体情况见下表。";
}

/** Every figure of the tables is there and 0 (a blank counts only when blanks count as 0). */
function allKnownZero(ctx: Ctx, tables: TableData[]): boolean {
  return tables.every((t) =>
    t.def.rows.every((r) => t.def.cols.every((c) => fig(ctx, t.cells[cellKey(r.key, c.key)]) === 0)),
  );
}

function cellFig(ctx: Ctx, t: TableData | undefined, row: string, col: string): { f: Fig; n: Num | undefined } {
  const n = t?.cells[cellKey(row, col)];
  return { f: fig(ctx, n), n };
}

/** The 2021 tables in words, non-zero figures only: 制发/废止/现行有效, 处理决定, 收费金额. */
function section2Summary2021(ctx: Ctx): string | null {
  const s2 = ctx.report.section2;
  const parts: string[] = [];
  const item1 = s2["s2.item1"];
  if (item1) {
    for (const row of item1.def.rows) {
      const issued = cellFig(ctx, item1, row.key, "issued");
      const repealed = cellFig(ctx, item1, row.key, "repealed");
      const inForce = cellFig(ctx, item1, row.key, "inForce");
      const say = (c: { f: Fig; n: Num | undefined }, what: string) =>
        countOr(c.f, "件", gapOf(ctx, [c.n], `${row.label}${what}件数`));
      if (issued.f === 0 && repealed.f === 0 && inForce.f === 0) continue;
      const acts: string[] = [];
      if (issued.f !== 0) acts.push(`制发${row.label}${say(issued, "本年制发")}`);
      if (repealed.f !== 0)
        acts.push(acts.length ? `废止${say(repealed, "本年废止")}` : `废止${row.label}${say(repealed, "本年废止")}`);
      const inForceText = `现行有效${say(inForce, "现行有效")}`;
      parts.push(acts.length ? `${enumerate(acts)}，${inForceText}` : `${row.label}${inForceText}`);
    }
  }
  const decisions: string[] = [];
  for (const id of ["s2.item5", "s2.item6"]) {
    const t = s2[id];
    if (!t) continue;
    for (const row of t.def.rows) {
      const d = cellFig(ctx, t, row.key, "decisions");
      if (d.f === 0) continue;
      decisions.push(`${row.label}决定${countOr(d.f, "件", gapOf(ctx, [d.n], `${row.label}处理决定数量`))}`);
    }
  }
  if (decisions.length > 0) parts.push(`作出${enumerate(decisions)}`);
  parts.push(...feeParts(ctx, s2["s2.item8"], "amount"));
  return parts.length > 0 ? clauses(parts) : null;
}

/** 行政事业性收费 in 万元 as typed (decimals allowed). */
function feeParts(ctx: Ctx, t: TableData | undefined, col: string): string[] {
  const n = t?.cells[cellKey("fees", col)];
  const v = n?.value ?? null;
  if (v === null) return n?.issue ? [`收取行政事业性收费${placeholder(gapOf(ctx, [n], "收费金额"))}万元`] : [];
  if (!Number.isFinite(v) || v < 0) return [`收取行政事业性收费${placeholder(gapOf(ctx, [n], "收费金额"))}万元`];
  return v > 0 ? [`收取行政事业性收费${amountText(v)}万元`] : [];
}

/** The 2019 tables in words: 新制作/新公开/对外公开总数, 处理决定, 政府集中采购. */
function section2Summary2019(ctx: Ctx): string | null {
  const s2 = ctx.report.section2;
  const parts: string[] = [];
  const item1 = s2["s2.item1"];
  if (item1) {
    for (const row of item1.def.rows) {
      const made = cellFig(ctx, item1, row.key, "made");
      const published = cellFig(ctx, item1, row.key, "published");
      const total = cellFig(ctx, item1, row.key, "totalPublic");
      if (made.f === 0 && published.f === 0 && total.f === 0) continue;
      const say = (c: { f: Fig; n: Num | undefined }, what: string) =>
        countOr(c.f, "件", gapOf(ctx, [c.n], `${row.label}${what}`));
      const acts: string[] = [];
      if (made.f !== 0) acts.push(`新制作${row.label}${say(made, "本年新制作数量")}`);
      if (published.f !== 0) acts.push(`新公开${acts.length ? "" : row.label}${say(published, "本年新公开数量")}`);
      const totalText = `对外公开${row.label}总数${say(total, "对外公开总数量")}`;
      parts.push(acts.length ? `${enumerate(acts)}，${totalText}` : totalText);
    }
  }
  const decisions: string[] = [];
  for (const id of ["s2.item5", "s2.item6"]) {
    const t = s2[id];
    if (!t) continue;
    for (const row of t.def.rows) {
      const d = cellFig(ctx, t, row.key, "decisions");
      if (d.f === 0) continue;
      decisions.push(`${row.label}处理决定${countOr(d.f, "件", gapOf(ctx, [d.n], `${row.label}处理决定数量`))}`);
    }
  }
  if (decisions.length > 0) parts.push(`作出${enumerate(decisions)}`);
  const item9 = s2["s2.item9"];
  if (item9) {
    const count = cellFig(ctx, item9, "procurement", "count");
    const amount = item9.cells[cellKey("procurement", "amount")];
    if (count.f !== 0) {
      let s = `政府集中采购项目${countOr(count.f, "项", gapOf(ctx, [count.n], "采购项目数量"))}`;
      const v = amount?.value ?? null;
      if (v !== null && Number.isFinite(v) && v > 0) s += `，采购总金额${amountText(v)}万元`;
      parts.push(s);
    }
  }
  return parts.length > 0 ? clauses(parts) : null;
}

function section3Text(ctx: Ctx): string {
  if (!ctx.report.section3) return placeholder("收到和处理政府信息公开申请情况");
  return "收到和处理政府信息公开申请的具体情况见下表。";
}

// ---------- 四 ----------

interface Cases {
  upheld: Fig;
  corrected: Fig;
  other: Fig;
  pending: Fig;
  total: Fig;
}

function casesOf(ctx: Ctx, t: TableData, keys: string[]): { c: Cases; nums: (Num | undefined)[] } {
  const nums: (Num | undefined)[] = [];
  const part = (r: string) =>
    sumFig(
      keys.map((k) => {
        const n = t.cells[cellKey("count", `${k}.${r}`)];
        nums.push(n);
        return fig(ctx, n);
      }),
    );
  const upheld = part("upheld");
  const corrected = part("corrected");
  const other = part("other");
  const pending = part("pending");
  return { c: { upheld, corrected, other, pending, total: sumFig([upheld, corrected, other, pending]) }, nums };
}

/** The results of n cases, zeros left out: "均获维持", "结果维持1件、结果纠正1件", "尚未审结". */
function resultsText(c: Cases): string {
  const named: [string, number][] = [
    ["结果维持", c.upheld!],
    ["结果纠正", c.corrected!],
    ["其他结果", c.other!],
    ["尚未审结", c.pending!],
  ];
  const nonZero = named.filter(([, n]) => n > 0);
  const total = c.total!;
  if (nonZero.length === 1) {
    const [name] = nonZero[0]!;
    if (total === 1) return name === "其他结果" ? "为其他结果" : name;
    return { 结果维持: "均获维持", 结果纠正: "均被纠正", 其他结果: "均为其他结果", 尚未审结: "均尚未审结" }[name]!;
  }
  return "其中" + enumerate(nonZero.map(([name, n]) => `${name}${countWith(n, "件")}`));
}

function section4Text(ctx: Ctx): string {
  const t = ctx.report.section4;
  if (!t || !Object.values(t.cells).some((n) => n.value !== null || n.issue)) {
    return placeholder("因政府信息公开申请引发的行政复议、行政诉讼情况");
  }
  const [reviewKey, directKey, afterKey] = CASE_GROUP_KEYS as [string, string, string];
  const review = casesOf(ctx, t, [reviewKey]);
  const direct = casesOf(ctx, t, [directKey]);
  const after = casesOf(ctx, t, [afterKey]);
  const suits = casesOf(ctx, t, [directKey, afterKey]);
  const R = review.c;
  const S = suits.c;
  const lead = `${ctx.when}，${ctx.subject}`;
  if (!known([R.upheld, R.corrected, R.other, R.pending]) || !known([S.upheld, S.corrected, S.other, S.pending])) {
    const nums = [...review.nums, ...suits.nums];
    return `${lead}${placeholder(gapOf(ctx, nums, "因政府信息公开申请引发的行政复议、行政诉讼情况"))}。具体情况见下表。`;
  }
  const r = R.total!;
  const s = S.total!;
  if (r === 0 && s === 0) return `${lead}未发生因政府信息公开申请引发的行政复议、行政诉讼案件。`;
  const sentences: string[] = [];
  if (r > 0) sentences.push(`因政府信息公开申请被申请行政复议${countWith(r, "件")}，${resultsText(R)}`);
  else sentences.push("未发生因政府信息公开申请引发的行政复议");
  if (s > 0) {
    const d = direct.c.total!;
    const a = after.c.total!;
    let suit = `被提起行政诉讼${countWith(s, "件")}`;
    if (d > 0 && a > 0) {
      // The results summed over both groups, then the groups (results per group are in the table).
      suit += `，${resultsText(S)}。行政诉讼中，未经复议直接起诉${countWith(d, "件")}、复议后起诉${countWith(a, "件")}`;
    } else {
      suit += `，${s > 1 ? "均为" : "为"}${d > 0 ? "未经复议直接起诉" : "复议后起诉"}，${resultsText(S)}`;
    }
    sentences.push(suit);
  } else sentences.push("未发生行政诉讼");
  let text = `${lead}${sentences.join("；")}。`;
  if (r > 0 && s > 0) text += `以上两类案件共${countWith(r + s, "件")}。`;
  const concluded = r - R.pending! + (s - S.pending!);
  if (concluded > 0 && R.corrected === 0 && S.corrected === 0) {
    text +=
      r > 0 && s > 0 ? "未发生行政复议纠错或行政诉讼败诉。" : r > 0 ? "未发生行政复议纠错。" : "未发生行政诉讼败诉。";
  }
  return text + "具体情况见下表。";
}

// ---------- 六 ----------

function feeText(ctx: Ctx): string {
  const n = ctx.report.meta.fee;
  const v = n?.value ?? null;
  const subject = `${ctx.when}，${ctx.subject}`;
  if (v === null && !n?.issue && ctx.blanksAsZero) return `${subject}未收取政府信息公开信息处理费。`;
  if (v === null) return `${subject}收取政府信息公开信息处理费${placeholder(gapOf(ctx, [n], "金额，未收取的写0"))}元。`;
  if (!Number.isFinite(v) || v < 0) {
    return `${subject}收取政府信息公开信息处理费${placeholder("金额（表中金额有误，请先核对）")}元。`;
  }
  if (v === 0) return `${subject}未收取政府信息公开信息处理费。`;
  return `${subject}收取政府信息公开信息处理费${yuanText(v)}元。`;
}
