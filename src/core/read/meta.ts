/** Metadata: 单位名称, 报告年度, 公开范围, 信息处理费, and the year and body from a title. */
import type { CellValue } from "../grid";
import { isCellError } from "../grid";
import { feeSaid } from "../model/fee";
import { META_FIELDS } from "../model/labels";
import type { ReportMeta, Scope } from "../model/report";
import { findLabel, readFigure, use, type ReadCtx } from "./context";
import type { TextCell } from "./sheet-index";
import { normText, registerVocabulary, stripSpaces } from "./text";
import { isBlank } from "./values";

const BODY = META_FIELDS.body;
const YEAR = META_FIELDS.year;
const SCOPE = META_FIELDS.scope;
const FEE = META_FIELDS.fee;
const MODE = META_FIELDS.mode;
registerVocabulary([...BODY, ...YEAR, ...SCOPE, ...FEE, ...MODE]);

/** The label cell of a metadata field and the first filled cell right of it. */
function field(
  ctx: ReadCtx,
  labels: readonly string[],
): { label: TextCell; row: number; col: number; value: CellValue } | undefined {
  for (const l of labels) {
    for (const cell of findLabel(ctx.ix, l)) {
      for (let c = cell.col + 1; c <= cell.col + 4; c++) {
        const v = ctx.ix.value(cell.row, c);
        if (isBlank(v)) continue;
        return { label: cell, row: cell.row, col: c, value: v };
      }
      // A label without a value still counts as the field (value blank): take the cell right of it.
      return { label: cell, row: cell.row, col: cell.col + 1, value: null };
    }
  }
  return undefined;
}

function yearOf(v: CellValue): number | undefined {
  if (typeof v === "number" && Number.isInteger(v) && v >= 1990 && v <= 2100) return v;
  if (typeof v === "string") {
    const m = /(?:^|[^0-9])((?:19|20)\d{2})(?![0-9])/.exec(normText(v));
    if (m) return Number(m[1]);
  }
  return undefined;
}

const TITLE_RE = /^(.{0,60}?)((?:19|20)\d{2})年度?(.{0,40}?)政府信息公开(?:工作)?(?:年度)?(?:报告|年报)/;

export interface TitleHit {
  year: number;
  body?: string;
  cell: TextCell;
}

/** The report title among the sheet's texts: "…2024年政府信息公开工作年度报告", "2024年度…". Short texts first. */
export function findTitle(texts: TextCell[]): TitleHit | undefined {
  for (const short of [true, false]) {
    for (const t of texts) {
      const raw = t.raw;
      if (short !== raw.length <= 80 || raw.length > 2000) continue;
      if (!raw.includes("年") || !(raw.includes("报") || raw.includes("報"))) continue;
      const m = TITLE_RE.exec(normText(raw.slice(0, 400)));
      if (!m) continue;
      const body = cleanBody(m[1]!) || cleanBody(m[3]!);
      const hit: TitleHit = { year: Number(m[2]), cell: t };
      if (body) hit.body = body;
      return hit;
    }
  }
  return undefined;
}

function cleanBody(s: string): string {
  return s
    .replace(/^[\s"“”《（(【]+|[\s"“”》）)】,，、:：]+$/g, "")
    .replace(/^(关于|政府信息公开)/, "")
    .replace(/(关于|的)$/, "");
}

export function readMeta(ctx: ReadCtx, opts: { year?: number }): ReportMeta {
  const { ix } = ctx;
  const meta: ReportMeta = {};
  const body = field(ctx, BODY);
  if (body) {
    use(ctx, body.label.row, body.label.col);
    if (typeof body.value === "string" && stripSpaces(body.value) !== "") {
      use(ctx, body.row, body.col);
      meta.body = { text: body.value.trim(), cell: ix.ref(body.row, body.col) };
    }
  }
  const year = field(ctx, YEAR);
  let metaYear: number | undefined;
  if (year) {
    use(ctx, year.label.row, year.label.col);
    metaYear = yearOf(year.value);
    if (metaYear !== undefined) {
      use(ctx, year.row, year.col);
      meta.year = { value: metaYear, cell: ix.ref(year.row, year.col), from: "metadata" };
    } else if (!isBlank(year.value)) {
      ctx.notes.push({
        code: "bad-year",
        cells: [ix.ref(year.row, year.col)],
        params: { text: showValue(year.value) },
      });
    }
  }
  // One pass over the sheet's text for the title and the fee sentence.
  const candidates = ix.texts((raw) => raw.includes("报") || raw.includes("報") || raw.includes("费"));
  const title = findTitle(candidates.filter((t) => t.raw.includes("年")));
  if (title) {
    if (!meta.year) meta.year = { value: title.year, cell: ix.ref(title.cell.row, title.cell.col), from: "title" };
    else if (title.year !== meta.year.value) {
      ctx.notes.push({
        code: "year-conflict",
        cells: [meta.year.cell!, ix.ref(title.cell.row, title.cell.col)],
        params: { metadata: meta.year.value, title: title.year },
      });
    }
    if (!meta.body && title.body) meta.body = { text: title.body, cell: ix.ref(title.cell.row, title.cell.col) };
  }
  if (opts.year !== undefined) {
    if (meta.year && meta.year.value !== opts.year) {
      ctx.notes.push({
        code: "year-override",
        cells: meta.year.cell ? [meta.year.cell] : [],
        params: { found: meta.year.value, option: opts.year },
      });
    }
    meta.year = { value: opts.year, from: "option" };
  }
  const scope = field(ctx, SCOPE);
  if (scope) {
    use(ctx, scope.label.row, scope.label.col);
    const s = typeof scope.value === "string" ? normText(scope.value) : "";
    let value: Scope | undefined;
    if (s.includes("本机关") || s.includes("本部门") || s.includes("本单位")) value = "本机关";
    else if (
      s.includes("本级") ||
      s.includes("各级") ||
      s.includes("全区") ||
      s.includes("全市") ||
      s.includes("全县") ||
      s.includes("全省")
    )
      value = "本级政府";
    if (value) {
      use(ctx, scope.row, scope.col);
      meta.scope = { value, cell: ix.ref(scope.row, scope.col) };
    } else if (!isBlank(scope.value)) {
      ctx.notes.push({
        code: "unknown-scope",
        cells: [ix.ref(scope.row, scope.col)],
        params: { text: showValue(scope.value) },
      });
    }
  }
  // 填报方式: 编制 (preparing, totals are formulas) or 核对 (a published report's figures typed in).
  const mode = field(ctx, MODE);
  if (mode) {
    use(ctx, mode.label.row, mode.label.col);
    const m = typeof mode.value === "string" ? normText(mode.value) : "";
    const value = m.includes("编制") ? "编制" : m.includes("核对") ? "核对" : undefined;
    if (value) {
      use(ctx, mode.row, mode.col);
      meta.mode = { value, cell: ix.ref(mode.row, mode.col) };
    }
  }
  const fee = field(ctx, FEE);
  if (fee) {
    use(ctx, fee.label.row, fee.label.col);
    meta.fee = readFigure(ctx, fee.row, fee.col);
  } else {
    const hit = feeFromText(candidates.filter((t) => t.raw.includes("费")));
    if (hit) {
      meta.fee = { value: hit.value, cell: ix.ref(hit.cell.row, hit.cell.col), text: hit.text };
      ctx.notes.push({ code: "fee-from-text", cells: [meta.fee.cell!], params: { text: hit.text } });
    }
  }
  return meta;
}

function showValue(v: CellValue): string {
  if (isCellError(v)) return v.error;
  return String(v).slice(0, 60);
}

/** The first text cell that states the 信息处理费 (an amount, or that none was charged: model/fee.ts). */
export function feeFromText(texts: TextCell[]): { value: number; text: string; cell: TextCell } | undefined {
  for (const t of texts) {
    const said = feeSaid(normText(t.raw.slice(0, 4000)));
    if (said) return { value: said.value, text: said.text, cell: t };
  }
  return undefined;
}
