/**
 * The narrative (报告正文): model -> paragraphs. One function per thing to say; every figure comes
 * from the model, every share from the exact share engine, and numbers are written per GB/T 15835.
 * What the model cannot tell is a visible placeholder 【待补充：…】, never invented text.
 */
import {
  breakdownPriorTotal,
  breakdownTotal,
  caseGroup,
  CASE_GROUP_KEYS,
  section3Figures,
  type CaseGroup,
} from "../model/figures";
import { cellKey, SECTION_HEADINGS } from "../model/format";
import type { Breakdown, Report, TableData } from "../model/report";
import { shareSet, shareUnits, unitsPerWhole, type ShareSet } from "../shares";
import { DEFAULT_ROUNDING, type RoundingOptions } from "../shares/types";
import {
  clauses,
  countChangeText,
  countWith,
  enumerate,
  pointChangeText,
  shareUnitsText,
  yoyText,
  yuanText,
  amountText,
} from "./numbers";

export interface Paragraph {
  id: string;
  kind: "title" | "heading" | "body" | "note";
  text: string;
}

export interface NarrativeSettings {
  rounding: RoundingOptions;
  /** Overrides the subject of the sentences ("本机关", "全市各级行政机关"). */
  scopeWord?: string;
  /**
   * The area a 本级政府 report covers ("全市", "全县"...). When not set it is derived from the unit name
   * (areaWordOf), falling back to "全区".
   */
  areaWord?: string;
}

/** The area word when neither the setting nor the unit name tells it. */
export const DEFAULT_AREA_WORD = "全区";

export const DEFAULT_NARRATIVE_SETTINGS: NarrativeSettings = { rounding: DEFAULT_ROUNDING };

export { checkNumberWriting, NUMBER_RULES, type NumberFinding } from "./lint";

/** A visible gap for the user to fill: 【待补充：…】. */
export function placeholder(what: string): string {
  return `【待补充：${what}】`;
}

interface Ctx {
  report: Report;
  rounding: RoundingOptions;
  /** Subject of the sentences. */
  scope: string;
  /** "2021年" or "本年度". */
  when: string;
}

export function narrative(report: Report, settings?: Partial<NarrativeSettings>): Paragraph[] {
  const rounding = { ...DEFAULT_ROUNDING, ...settings?.rounding };
  const ctx: Ctx = { report, rounding, scope: scopeWord(report, settings), when: whenWord(report) };
  const out: Paragraph[] = [];
  const body = (id: string, text: string) => out.push({ id, kind: "body", text });
  const note = (id: string, text: string | null) => {
    if (text) out.push({ id, kind: "note", text });
  };
  const heading = (i: number) => out.push({ id: `h${i + 1}`, kind: "heading", text: SECTION_HEADINGS[i]! });

  out.push({ id: "title", kind: "title", text: titleText(report) });

  heading(0);
  const proactive = proactiveParagraph(ctx);
  body("s1.proactive", proactive.text);
  note("s1.proactive.note", proactive.note);
  const apps = applicationsParagraph(ctx);
  body("s1.applications", apps.text);
  note("s1.applications.note", apps.note);
  body(
    "s1.management",
    "（三）政府信息管理。" + placeholder("政府信息管理情况（公开属性认定、公开前审查、政策文件清理等）"),
  );
  body("s1.platform", "（四）平台建设。" + placeholder("政府信息公开平台建设情况（政府网站、政务新媒体、政府公报等）"));
  body(
    "s1.supervision",
    "（五）监督保障。" + placeholder("监督保障情况（工作机制、教育培训、考核评议、社会评议、责任追究等）"),
  );

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

function scopeWord(report: Report, settings?: Partial<NarrativeSettings>): string {
  if (settings?.scopeWord) return settings.scopeWord;
  if (report.meta.scope?.value === "本级政府") {
    const area = settings?.areaWord || areaWordOf(report.meta.body?.text) || DEFAULT_AREA_WORD;
    return `${area}各级行政机关`;
  }
  return "本机关";
}

/** Administrative suffixes of a unit name and the area word each gives (longer suffixes first). */
const AREA_SUFFIXES: [string, string][] = [
  ["自治区", "全区"],
  ["自治州", "全州"],
  ["自治县", "全县"],
  ["自治旗", "全旗"],
  ["省", "全省"],
  ["市", "全市"],
  ["州", "全州"],
  ["县", "全县"],
  ["区", "全区"],
  ["旗", "全旗"],
];

/**
 * The area word of a 本级政府 report from the unit name: the LAST administrative suffix before
 * 人民政府/政府 ("某某市某某区人民政府" -> "全区", "某某县人民政府" -> "全县"); null when the name has none.
 */
export function areaWordOf(unit: string | undefined): string | null {
  if (!unit) return null;
  let name = unit.replace(/\s+/g, "");
  const gov = name.lastIndexOf("政府");
  if (gov >= 0) name = name.slice(0, gov).replace(/人民$/, "");
  let best: { at: number; word: string } | null = null;
  for (const [suffix, word] of AREA_SUFFIXES) {
    const at = name.lastIndexOf(suffix);
    if (at < 0) continue;
    const end = at + suffix.length;
    // The suffix that ends last wins; at the same end, the longer one (自治区 over 区) listed first.
    if (!best || end > best.at) best = { at: end, word };
  }
  return best?.word ?? null;
}

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

function val(t: TableData | undefined, row: string, col: string): number | null {
  return t?.cells[cellKey(row, col)]?.value ?? null;
}

/** A blank counts as 0 in what the narrative adds up (the checks report the blank). */
function zeroIfBlank(n: number | null | undefined): number {
  return n ?? 0;
}

/** A figure the narrative can write as a count: a whole number >= 0. */
function isCount(n: number | null | undefined): n is number {
  return typeof n === "number" && Number.isSafeInteger(n) && n >= 0;
}

/** Figures that are not blank and not whole numbers >= 0 (typed 12.5 or -3): the text waits for a correction. */
function hasInvalid(values: (number | null | undefined)[]): boolean {
  return values.some((v) => v !== null && v !== undefined && !isCount(v));
}

const FIX_FIRST = "（表中有非整数或负数，请先按核对结果修正）";

/** The values of a table's figures (listed once per paragraph: a table's cells are a large keyed object). */
function cellValues(t: TableData | undefined): (number | null)[] {
  return t ? Object.values(t.cells).map((n) => n.value) : [];
}

function hasAnyFigure(values: (number | null)[]): boolean {
  return values.some((v) => v !== null);
}

// ---------- shares with their notes ----------

interface ShareList {
  set: ShareSet;
  /** Note when the shares of a whole do not add up to 100% or were adjusted; null otherwise. */
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
      note = `注：为使各项占比之和为100%，按最大余数法调整了个别占比（${enumerate(moved)}）。`;
    } else if (set.sumUnits !== unitsPerWhole(rounding.decimals)) {
      note = "注：因四舍五入，各项占比之和可能不等于100%。";
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

// ---------- 一（一）主动公开 ----------

function proactiveParagraph(ctx: Ctx): { text: string; note: string | null } {
  const lead = "（一）主动公开。";
  const b = ctx.report.proactive;
  if (!b || (b.total?.value == null && b.categories.every((c) => c.count.value == null))) {
    return { text: lead + placeholder("主动公开政府信息情况（公开数量、主要类别、重点领域信息等）"), note: null };
  }
  const figures = [b.target?.value];
  for (const x of [b, ...b.children]) {
    figures.push(x.total?.value, x.priorTotal?.value, ...x.categories.map((c) => c.count.value));
  }
  // 比上年新增 is signed (a fall is negative) but whole.
  const increases = [b, ...b.children].map((x) => x.statedIncrease?.value ?? 0);
  if (hasInvalid(figures) || increases.some((v) => !Number.isSafeInteger(v))) {
    return { text: lead + placeholder("主动公开政府信息情况" + FIX_FIRST), note: null };
  }
  const counts = b.categories.map((c) => zeroIfBlank(c.count.value));
  // The 合计 the table prints (SUM of the categories), not a typed total that may disagree with them.
  const total = breakdownTotal(b);
  if (total === 0 && counts.every((c) => c === 0)) {
    return { text: `${lead}${ctx.when}，${ctx.scope}无主动公开的政府信息。`, note: null };
  }
  const { decimals, rounding: rule } = ctx.rounding;
  const unit = "条";
  let first = `${ctx.when}，${ctx.scope}主动公开政府信息${countWith(total, unit)}`;
  const prior = knownPrior(b);
  first += prior !== null ? changeClauses(total, prior, unit, ctx) : statedIncreaseClause(b, unit);
  const target = b.target?.value;
  if (target != null && target > 0) {
    const u = shareUnits(total, target, decimals, rule)!;
    first += `，完成年度目标（${countWith(target, unit)}）的${shareUnitsText(u, total, decimals)}`;
  }
  let text = lead + first + "。";
  const names = b.categories.map((c) => c.name);
  // Parts that exceed the stated total have no meaningful share of it (the checks report the mismatch).
  const sum = counts.reduce((a, c) => a + c, 0);
  const shares = sum <= total ? sharesOf(names, counts, total, ctx.rounding) : null;
  const items = shares
    ? countShareClauses(names, counts, shares.set, unit, "主动公开总数的", decimals)
    : counts.flatMap((c, i) => (c > 0 ? [`${names[i]}${countWith(c, unit)}`] : []));
  if (items.length > 0) text += `其中，${clauses(items)}。`;
  for (const child of b.children) text += childSentence(ctx, child, b, total, prior);
  return { text, note: shares?.note ?? null };
}

/** Last year's total when explicitly known (never implied from a stated increase); null when unknown or impossible. */
function knownPrior(b: Breakdown): number | null {
  const prior = breakdownPriorTotal(b);
  return isCount(prior) ? prior : null;
}

/** A stated 比上年新增 D as stated ("，比上年新增390条"), without a 同比 that last year's figure would need. */
function statedIncreaseClause(b: Breakdown, unit: string): string {
  const d = b.statedIncrease?.value;
  if (d === null || d === undefined || !Number.isSafeInteger(d)) return "";
  if (d === 0) return "，与上年持平";
  return d > 0 ? `，比上年新增${countWith(d, unit)}` : `，比上年减少${countWith(-d, unit)}`;
}

/** "，比上年增加N条，同比增长x%" / "，与上年持平". */
function changeClauses(total: number, prior: number, unit: string, ctx: Ctx): string {
  const change = countChangeText(total, prior, unit);
  if (!change) return "，与上年持平";
  const yoy = yoyText(total, prior, ctx.rounding.decimals, ctx.rounding.rounding);
  return `，比上年${change}` + (yoy ? `，同比${yoy}` : "");
}

/** 重点领域信息N条，占主动公开总数的x%，比上年提高y个百分点，其中A a条、B b条。 */
function childSentence(
  ctx: Ctx,
  child: Breakdown,
  parent: Breakdown,
  parentTotal: number,
  parentPrior: number | null,
): string {
  const { decimals, rounding: rule } = ctx.rounding;
  const counts = child.categories.map((c) => zeroIfBlank(c.count.value));
  const total = breakdownTotal(child);
  if (total <= 0) return "";
  const name = child.name.endsWith("信息") ? child.name : `${child.name}信息`;
  let s = `${name}${countWith(total, "条")}`;
  const units = parentTotal > 0 && total <= parentTotal ? shareUnits(total, parentTotal, decimals, rule) : null;
  if (units !== null)
    s += `，占${parent.name.includes("主动公开") ? "主动公开" : parent.name}总数的${shareUnitsText(units, total, decimals)}`;
  const prior = knownPrior(child);
  if (prior !== null) {
    s += changeClauses(total, prior, "条", ctx);
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

function applicationsParagraph(ctx: Ctx): { text: string; note: string | null } {
  const lead = "（二）依申请公开。";
  const t = ctx.report.section3;
  const values = cellValues(t);
  if (!t || !hasAnyFigure(values)) {
    return { text: lead + placeholder("依申请公开情况（收到和处理政府信息公开申请情况）"), note: null };
  }
  if (hasInvalid(values)) {
    return { text: lead + placeholder("依申请公开情况" + FIX_FIRST), note: null };
  }
  // The figures as the table prints them (SUMs of parts), never the typed totals: text and tables agree.
  const a = section3Figures(t);
  const { decimals } = ctx.rounding;
  let text = lead;
  const all = a.received + a.carried;
  if (all === 0) {
    text += `${ctx.when}，${ctx.scope}未收到政府信息公开申请，无上年结转申请。`;
  } else if (a.carried > 0) {
    text += `${ctx.when}，${ctx.scope}共办理政府信息公开申请${countWith(all, "件")}，其中本年新收${countWith(
      a.received,
      "件",
    )}，上年结转${countWith(a.carried, "件")}。`;
  } else {
    text += `${ctx.when}，${ctx.scope}新收政府信息公开申请${countWith(a.received, "件")}，无上年结转申请。`;
  }
  let note: string | null = null;
  if (a.handled > 0) {
    const names = a.groups.map((g) => g.short);
    const counts = a.groups.map((g) => g.count);
    const shares = sharesOf(names, counts, a.handled, ctx.rounding);
    const items = countShareClauses(names, counts, shares.set, "件", "办结总数的", decimals);
    text += `全年办结政府信息公开申请${countWith(a.handled, "件")}`;
    text += items.length > 0 ? `，其中${clauses(items)}。` : "。";
    note = shares.note;
  } else if (all > 0) {
    text += "本年度未办结政府信息公开申请。";
  }
  if (a.carryNext > 0) text += `结转下年度继续办理${countWith(a.carryNext, "件")}。`;
  else if (all > 0) text += "无结转下年度继续办理的申请。";
  return { text, note };
}

// ---------- 二、三 ----------

function section2Text(ctx: Ctx): string {
  if (Object.keys(ctx.report.section2).length === 0) {
    return placeholder("主动公开政府信息情况（《条例》第二十条规定的各项信息）");
  }
  const summary = section2Summary(ctx);
  return summary
    ? `${ctx.when}，${ctx.scope}${summary}。具体情况详见下表。`
    : `${ctx.when}，${ctx.scope}主动公开政府信息情况详见下表。`;
}

/** The 2021 tables in words, non-zero figures only: 制发/废止/现行有效, 处理决定, 收费金额. */
function section2Summary(ctx: Ctx): string | null {
  if (ctx.report.format !== "2021") return null;
  const s2 = ctx.report.section2;
  const counts = Object.values(s2).flatMap((t) =>
    t.def.cols.filter((c) => c.kind === "count").flatMap((c) => t.def.rows.map((r) => val(t, r.key, c.key))),
  );
  if (hasInvalid(counts)) return null;
  const parts: string[] = [];
  const item1 = s2["s2.item1"];
  if (item1 && item1.def.format === "2021") {
    for (const row of item1.def.rows) {
      const issued = zeroIfBlank(val(item1, row.key, "issued"));
      const repealed = zeroIfBlank(val(item1, row.key, "repealed"));
      const inForce = zeroIfBlank(val(item1, row.key, "inForce"));
      if (issued + repealed + inForce === 0) continue;
      parts.push(
        `制发${row.label}${countWith(issued, "件")}、废止${countWith(repealed, "件")}，现行有效${countWith(inForce, "件")}`,
      );
    }
  }
  const decisions: string[] = [];
  for (const id of ["s2.item5", "s2.item6"]) {
    const t = s2[id];
    if (!t || t.def.format !== "2021") continue;
    for (const row of t.def.rows) {
      const n = zeroIfBlank(val(t, row.key, "decisions"));
      if (n > 0) decisions.push(`${row.label}决定${countWith(n, "件")}`);
    }
  }
  if (decisions.length > 0) parts.push(`作出${enumerate(decisions)}`);
  const fees = val(s2["s2.item8"], "fees", "amount");
  if (fees !== null && fees > 0) parts.push(`收取行政事业性收费${amountText(fees)}万元`);
  return parts.length > 0 ? clauses(parts) : null;
}

function section3Text(ctx: Ctx): string {
  if (!ctx.report.section3) return placeholder("收到和处理政府信息公开申请情况");
  return `${ctx.when}，${ctx.scope}收到和处理政府信息公开申请情况详见下表。`;
}

// ---------- 四 ----------

/** One group of section 四 (review, suitDirect, suitAfterReview); its 总计 is the SUM of its results, as the table prints it. */

function resultsText(g: CaseGroup): string {
  return `结果维持${countWith(g.upheld, "件")}、结果纠正${countWith(g.corrected, "件")}、其他结果${countWith(
    g.other,
    "件",
  )}、尚未审结${countWith(g.pending, "件")}`;
}

function section4Text(ctx: Ctx): string {
  const t = ctx.report.section4;
  const values = cellValues(t);
  if (!t || !hasAnyFigure(values)) return placeholder("因政府信息公开申请引发的行政复议、行政诉讼情况");
  if (hasInvalid(values)) {
    return placeholder("因政府信息公开申请引发的行政复议、行政诉讼情况" + FIX_FIRST);
  }
  const [reviewKey, directKey, afterKey] = CASE_GROUP_KEYS as [string, string, string];
  const review = caseGroup(t, reviewKey);
  const direct = caseGroup(t, directKey);
  const after = caseGroup(t, afterKey);
  const suits = direct.total + after.total;
  const lead = `${ctx.when}，${ctx.scope}`;
  let s: string;
  if (review.total === 0 && suits === 0) {
    s = `${lead}未发生因政府信息公开申请引发的行政复议、行政诉讼案件。`;
  } else {
    const reviewPart =
      review.total > 0
        ? `因政府信息公开申请引发行政复议${countWith(review.total, "件")}，其中${resultsText(review)}`
        : "未发生因政府信息公开申请引发的行政复议";
    let suitPart: string;
    if (suits > 0) {
      const sub = (label: string, g: CaseGroup) =>
        g.total > 0 ? `${label}${countWith(g.total, "件")}（${resultsText(g)}）` : `${label}${countWith(0, "件")}`;
      suitPart = `${review.total > 0 ? "" : "因政府信息公开申请引发"}行政诉讼${countWith(suits, "件")}，其中${sub(
        "未经复议直接起诉",
        direct,
      )}，${sub("复议后起诉", after)}`;
    } else {
      suitPart = "未发生行政诉讼";
    }
    s = `${lead}${reviewPart}；${suitPart}。`;
  }
  return s + "详见下表。";
}

// ---------- 六 ----------

function feeText(ctx: Ctx): string {
  const fee = ctx.report.meta.fee?.value;
  if (fee === null || fee === undefined) {
    return `${ctx.when}，${ctx.scope}收取政府信息公开信息处理费${placeholder("金额，未收取的写0")}元。`;
  }
  if (!Number.isFinite(fee) || fee < 0) {
    return `${ctx.when}，${ctx.scope}收取政府信息公开信息处理费${placeholder("金额（表中金额有误，请先核对）")}元。`;
  }
  if (fee === 0) return `${ctx.when}，${ctx.scope}未收取政府信息公开信息处理费，收费金额为0元。`;
  return `${ctx.when}，${ctx.scope}收取政府信息公开信息处理费${yuanText(fee)}元。`;
}
