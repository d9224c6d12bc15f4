/**
 * The report as a Word document plan in 公文 layout (GB/T 9704—2012): the narrative's paragraphs with the
 * report tables in their places. The tables are the workbook's own (the named ranges of the table sheet of
 * the same sheet plan): the same labels, merges and figures, each figure as the workbook shows it.
 */
import type { Report } from "../model/report";
import { narrative, type Paragraph } from "../narrative";
import { shownText } from "../render/display";
import type { NamedRangePlan, PlanCell, PlanRange, SheetPlan, WorkbookPlan } from "../render/plan";
import { renderReport, TABLE_NAMES, tableColumnWidths } from "../render/report";
import { resolveSettings, type ReportSettings } from "../render/settings";
import type {
  DocBlock,
  DocCell,
  DocFont,
  DocParagraph,
  DocRun,
  DocSection,
  DocTable,
  DocumentPlan,
  PageSetup,
} from "./plan";

/** Twips in a millimetre (1 inch = 1440 twips = 25.4 mm). */
const MM = 1440 / 25.4;
const mm = (v: number) => Math.round(v * MM);

/** A4 portrait with the GB/T 9704 margins: 37 mm top, 35 mm bottom, 28 mm left, 26 mm right (text 156 × 225 mm). */
export const PORTRAIT: PageSetup = {
  orientation: "portrait",
  width: 11906,
  height: 16838,
  margins: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) },
};
/** A4 landscape for a table too wide for the portrait text width: the same margins turned with the page. */
export const LANDSCAPE: PageSetup = {
  orientation: "landscape",
  width: 16838,
  height: 11906,
  margins: { top: mm(28), bottom: mm(26), left: mm(37), right: mm(35) },
};

export function textWidth(page: PageSetup): number {
  return page.width - page.margins.left - page.margins.right;
}

const LATIN = "Times New Roman";

/** The fonts of a 公文 and the fallback each names for machines without it. */
export const DOCUMENT_FONTS: Record<"title" | "heading1" | "heading2" | "body", DocFont> = {
  title: { eastAsia: "方正小标宋简体", latin: LATIN, fallback: "宋体" },
  heading1: { eastAsia: "黑体", latin: LATIN, fallback: "SimHei" },
  heading2: { eastAsia: "楷体_GB2312", latin: LATIN, fallback: "楷体" },
  body: { eastAsia: "仿宋_GB2312", latin: LATIN, fallback: "仿宋" },
};

/** 二号 22 pt, 三号 16 pt. */
const TITLE_SIZE = 22;
const BODY_SIZE = 16;
const CHARS_PER_LINE = 28;
const LINES_PER_PAGE = 22;

export interface DocumentOptions {
  /** The paragraphs (default: the narrative of the report). */
  paragraphs?: Paragraph[];
  /** The workbook plan whose tables the document prints (default: renderReport of the same report). */
  workbook?: WorkbookPlan;
  /** 成文日期 (default: a placeholder). */
  date?: string;
}

export function placeholderText(what: string): string {
  return `【待补充：${what}】`;
}

/**
 * The document plan of a report: the same settings (rounding, table fonts) as the workbook, so that the
 * document's tables show the workbook's figures.
 */
export function documentPlan(
  report: Report,
  settings?: Partial<ReportSettings>,
  options: DocumentOptions = {},
): DocumentPlan {
  const s = resolveSettings(settings);
  const paragraphs = options.paragraphs ?? narrative(report, { rounding: s.rounding });
  const workbook = options.workbook ?? renderReport(report, settings, paragraphs);
  const tableSheet = workbook.sheets.find((x) => x.name === s.tableSheet);
  const tables = tableSheet
    ? workbook.names
        .filter((n) => n.sheet === tableSheet.name)
        .map((n) => captioned(tableSheet, n, tableColumnWidths(s)))
    : [];
  const tableFont: DocFont = {
    eastAsia: s.fonts.name === "仿宋" ? "仿宋_GB2312" : s.fonts.name,
    latin: LATIN,
    fallback: "仿宋",
  };
  const units = placeTables(paragraphs.map(paragraphBlock), tables);
  units.push({ blocks: signature(report, options.date), landscape: false });

  const linePitch = Math.floor((PORTRAIT.height - PORTRAIT.margins.top - PORTRAIT.margins.bottom) / LINES_PER_PAGE);
  // Word's character grid: pitch = body size + charSpace/4096 pt; 28 characters fill the text width.
  const pitch = textWidth(PORTRAIT) / 20 / CHARS_PER_LINE;
  const charSpace = Math.floor((pitch - BODY_SIZE) * 4096);
  // In twips (a twentieth of a point), rounded towards more condensed: -0.25 pt is -5.
  const condensed = Math.floor((pitch - BODY_SIZE) * 20);
  return {
    title: paragraphs.find((p) => p.kind === "title")?.text ?? "政府信息公开工作年度报告",
    fonts: { ...DOCUMENT_FONTS, table: tableFont, tableTitle: tableFont },
    sizes: {
      title: TITLE_SIZE,
      heading1: BODY_SIZE,
      heading2: BODY_SIZE,
      body: BODY_SIZE,
      table: s.fonts.bodySize,
      tableTitle: s.fonts.titleSize,
    },
    grid: { linePitch, charSpace, charsPerLine: CHARS_PER_LINE, linesPerPage: LINES_PER_PAGE },
    condensed: { body: condensed, heading1: condensed, heading2: condensed },
    tableLine: Math.round(s.fonts.bodySize * 1.35 * 20),
    // 4号 (14 pt) 宋体 digits with a dash on each side.
    pageNumber: { before: "— ", after: " —", font: { eastAsia: "宋体", latin: LATIN, fallback: "SimSun" }, size: 14 },
    sections: sections(units),
  };
}

// ---------- tables ----------

const COLS = 16384;

/** Width of a column of `w` Excel units in twips: 7w + 5 pixels at 96 dpi, 15 twips a pixel. */
function columnTwips(w: number): number {
  return Math.round((7 * w + 5) * 15);
}

/**
 * A named range of the table sheet as a table: its cells, merges (clipped to the range) and widths. The
 * sheet's columns are shared by all its tables (one wide amount widens a column of every table); a table of
 * the document takes the base widths (`baseWidths`, Excel units) widened only for its own figures.
 */
export function tableBlock(sheet: SheetPlan, name: NamedRangePlan, baseWidths?: Record<number, number>): DocTable {
  const r = name.range;
  const cells = new Map<number, PlanCell>();
  for (const c of sheet.cells) cells.set(c.row * COLS + c.col, c);
  const covered = new Set<number>();
  const spans = new Map<number, PlanRange>();
  for (const m of sheet.merges) {
    const top = Math.max(m.top, r.top);
    const left = Math.max(m.left, r.left);
    const bottom = Math.min(m.bottom, r.bottom);
    const right = Math.min(m.right, r.right);
    if (top > bottom || left > right) continue;
    spans.set(top * COLS + left, { top, left, bottom, right });
    for (let row = top; row <= bottom; row++)
      for (let col = left; col <= right; col++) if (row !== top || col !== left) covered.add(row * COLS + col);
  }
  const rows: DocCell[][] = [];
  let headerRows = 0;
  let inHeader = true;
  for (let row = r.top; row <= r.bottom; row++) {
    const out: DocCell[] = [];
    let allHeader = true;
    for (let col = r.left; col <= r.right; col++) {
      const k = row * COLS + col;
      if (covered.has(k)) continue;
      const cell = cells.get(k);
      const style = cell?.style ? sheet.styles[cell.style] : undefined;
      const span = spans.get(k);
      if (cell?.style !== "th") allHeader = false;
      out.push({
        col: col - r.left,
        text: shownText(cell, style),
        colSpan: span ? span.right - span.left + 1 : 1,
        rowSpan: span ? span.bottom - span.top + 1 : 1,
        align: style?.horizontal ?? "left",
        ...(style?.font?.italic ? { italic: true } : {}),
      });
    }
    if (inHeader && allHeader && out.length > 0) headerRows++;
    else inHeader = false;
    rows.push(out);
  }
  const units: number[] = [];
  for (let col = r.left; col <= r.right; col++) units.push(baseWidths?.[col] ?? sheet.columnWidths[col] ?? 8.43);
  const scale = (sheet.styles["num"]?.font?.size ?? 10.5) / 10.5;
  for (const cells of rows.slice(headerRows))
    for (const c of cells) {
      // A figure on one line: a digit is about one unit at 五号, plus half a unit of padding.
      if (c.colSpan === 1 && /^[-\d.%]+$/.test(c.text))
        units[c.col] = Math.max(units[c.col]!, Math.ceil((c.text.length + 0.5) * scale));
    }
  const columnWidths = units.map(columnTwips);
  return { type: "table", name: name.name, title: name.title, columnWidths, headerRows, rows };
}

/** The notes the workbook prints under a table (rounding, largest remainder): rows of "note" style below it. */
function tableNotes(sheet: SheetPlan, name: NamedRangePlan): string[] {
  const notes: string[] = [];
  for (let row = name.range.bottom + 1; ; row++) {
    const c = sheet.cells.find((x) => x.row === row && x.col === name.range.left);
    if (!c || c.style !== "note" || typeof c.value !== "string") break;
    notes.push(c.value);
  }
  return notes;
}

/** Where each table goes: after which narrative paragraph, or at the end of which section (一 = 1). */
type Anchor = { afterIdPrefix?: string; section: number };

function anchorOf(name: string): Anchor {
  if (name.startsWith("表_主动公开")) return { afterIdPrefix: "s1.proactive", section: 1 };
  if (name.startsWith("表_二_")) return { section: 2 };
  if (name === TABLE_NAMES.s3 || name === TABLE_NAMES.outcomes) return { section: 3 };
  if (name === TABLE_NAMES.s4) return { section: 4 };
  return { section: 6 };
}

const SECTION_NUMBERS = "一二三四五六";

interface PlacedTable {
  table: DocTable;
  caption?: string;
  notes: string[];
}

/** Tables with their caption (tables that the section heading does not already name) and notes. */
function captioned(sheet: SheetPlan, name: NamedRangePlan, baseWidths: Record<number, number>): PlacedTable {
  const table = tableBlock(sheet, name, baseWidths);
  // Section 二's tables carry their title in their first row, 三 and 四 are named by the section heading; the
  // share tables have a title row of their own above the range.
  const own = !/^[二三四]、/.test(name.title);
  return { table, ...(own ? { caption: name.title } : {}), notes: tableNotes(sheet, name) };
}

interface Unit {
  blocks: DocBlock[];
  landscape: boolean;
}

/** The blocks of a table: its caption (kept with it), the table, its notes; landscape when it is too wide. */
function tableUnit(t: PlacedTable): Unit {
  const width = t.table.columnWidths.reduce((a, w) => a + w, 0);
  const landscape = width > textWidth(PORTRAIT);
  // On a page of its own, a table named by its section heading gets the heading's words as its caption.
  const caption = t.caption ?? (landscape ? t.table.title.replace(/^[一二三四五六]、/, "") : undefined);
  const blocks: DocBlock[] = [];
  if (caption)
    blocks.push({
      type: "paragraph",
      kind: "caption",
      runs: [{ text: caption, role: "tableTitle", bold: true }],
      align: "center",
      keepNext: true,
    });
  blocks.push(t.table);
  for (const note of t.notes)
    blocks.push({ type: "paragraph", kind: "tableNote", runs: runsOf(note, "table"), align: "left" });
  return { blocks, landscape };
}

/** The narrative's paragraphs with each table after its anchor paragraph, or at the end of its section. */
function placeTables(paragraphs: DocParagraph[], tables: PlacedTable[]): Unit[] {
  const sectionOf: number[] = [];
  let section = 0;
  for (const p of paragraphs) {
    const text = p.runs.map((r) => r.text).join("");
    const n = p.kind === "heading1" ? SECTION_NUMBERS.indexOf(text.charAt(0)) : -1;
    if (n >= 0 && text.charAt(1) === "、") section = n + 1;
    sectionOf.push(section);
  }
  const after = new Map<number, PlacedTable[]>();
  for (const t of tables) {
    const anchor = anchorOf(t.table.name);
    let at = -1;
    if (anchor.afterIdPrefix)
      paragraphs.forEach((p, i) => {
        if (p.id?.startsWith(anchor.afterIdPrefix!)) at = i;
      });
    if (at < 0) at = sectionOf.lastIndexOf(anchor.section);
    if (at < 0) at = paragraphs.length - 1;
    after.set(at, [...(after.get(at) ?? []), t]);
  }
  const units: Unit[] = [];
  paragraphs.forEach((p, i) => {
    const placed = after.get(i) ?? [];
    // The paragraph that introduces a table ("详见下表") stays on the table's page.
    units.push({ blocks: [placed.length > 0 ? { ...p, keepNext: true } : p], landscape: false });
    for (const t of placed) units.push(tableUnit(t));
  });
  if (paragraphs.length === 0) for (const t of tables) units.push(tableUnit(t));
  return units;
}

// ---------- paragraphs ----------

const PLACEHOLDER = /【待补充[^】]*】/;

/** Runs of a text in a role, the placeholders highlighted. */
function runsOf(text: string, role: DocRun["role"]): DocRun[] {
  const runs: DocRun[] = [];
  let at = 0;
  const re = new RegExp(PLACEHOLDER.source, "g");
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m.index > at) runs.push({ text: text.slice(at, m.index), role });
    runs.push({ text: m[0], role, placeholder: true });
    at = m.index + m[0].length;
  }
  if (at < text.length || runs.length === 0) runs.push({ text: text.slice(at), role });
  return runs;
}

/** A run-in heading "（一）主动公开。" at the start of a body paragraph (楷体 in 公文). */
const RUN_IN = /^（[一二三四五六七八九十]{1,3}）[^。：，；【]{1,20}[。：]/;

/** "某某市某某局" / "2021年政府信息公开工作年度报告": a long title breaks before its year. */
function titleRuns(title: string): DocRun[] {
  const chars = Math.floor(textWidth(PORTRAIT) / 20 / TITLE_SIZE);
  if ([...title].length <= chars) return runsOf(title, "title");
  const m = /(\d{4}年)?政府信息公开工作年度报告$/.exec(title);
  if (!m || m.index === 0) return runsOf(title, "title");
  return runsOf(`${title.slice(0, m.index)}\n${title.slice(m.index)}`, "title");
}

export function paragraphBlock(p: Paragraph): DocParagraph {
  const text = p.text.replace(/^[\u3000 ]+/, "");
  if (p.kind === "title") return { type: "paragraph", kind: "title", id: p.id, runs: titleRuns(text), align: "center" };
  if (p.kind === "heading") {
    const level = /^（/.test(text) ? "heading2" : "heading1";
    return {
      type: "paragraph",
      kind: level,
      id: p.id,
      runs: runsOf(text, level),
      align: "both",
      firstLineChars: 2,
      keepNext: true,
    };
  }
  const lead = p.kind === "body" ? RUN_IN.exec(text) : null;
  const runs = lead
    ? [{ text: lead[0], role: "heading2" as const }, ...runsOf(text.slice(lead[0].length), "body")]
    : runsOf(text, "body");
  return { type: "paragraph", kind: p.kind, id: p.id, runs, align: "both", firstLineChars: 2 };
}

/** The unit and the date at the end, right-aligned (the date 右空四字). */
function signature(report: Report, date?: string): DocParagraph[] {
  const unit = report.meta.body?.text.trim();
  return [
    {
      type: "paragraph",
      kind: "signature",
      runs: unit ? runsOf(unit, "body") : runsOf(placeholderText("单位名称"), "body"),
      align: "right",
      rightChars: 4,
      spaceBeforeLines: 2,
    },
    {
      type: "paragraph",
      kind: "signature",
      runs: runsOf(date ?? placeholderText("成文日期"), "body"),
      align: "right",
      rightChars: 4,
    },
  ];
}

// ---------- sections ----------

/** Consecutive units of one orientation make a section; each table is scaled down to its text width if wider. */
function sections(units: Unit[]): DocSection[] {
  const out: DocSection[] = [];
  for (const u of units) {
    const page = u.landscape ? LANDSCAPE : PORTRAIT;
    const last = out[out.length - 1];
    if (last && last.page === page) last.blocks.push(...u.blocks);
    else out.push({ page, blocks: [...u.blocks] });
  }
  for (const sec of out) {
    const width = textWidth(sec.page);
    for (const b of sec.blocks) {
      if (b.type !== "table") continue;
      const total = b.columnWidths.reduce((a, w) => a + w, 0);
      if (total > width) b.columnWidths = b.columnWidths.map((w) => Math.floor((w * width) / total));
    }
  }
  return out;
}

/**
 * The paragraphs as the text sheet of a plan holds them in column A (row i is paragraph i), so that text the
 * user edited in the workbook (and kept on regeneration) is the text of the document too.
 */
export function paragraphsFromTextSheet(sheet: SheetPlan | undefined, paragraphs: Paragraph[]): Paragraph[] {
  if (!sheet) return paragraphs;
  const byRow = new Map<number, PlanCell>();
  for (const c of sheet.cells) if (c.col === 0) byRow.set(c.row, c);
  return paragraphs.map((p, i) => {
    const v = byRow.get(i)?.value;
    if (typeof v !== "string" || !v.trim()) return p;
    return { ...p, text: v.replace(/\n/g, "").replace(/^[\u3000 ]+/, "") };
  });
}
