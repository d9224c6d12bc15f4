/**
 * The report's own text checked against its tables: which texts are read, and the verdicts of one
 * check run (computed once, shared by the text-* checks).
 */
import type { CellRef, SheetGrid, WorkbookGrid } from "../grid";
import { valueAt } from "../grid";
import type { ProseText, Report } from "../model/report";
import type { CheckContext, FindingText } from "../checks/types";
import type { CheckSpec } from "../checks/define";
import { analyseTexts, type TextVerdict, type VerdictKind } from "./analyse";

export { analyseTexts, markedSentence, type TextVerdict, type VerdictKind } from "./analyse";
export { extractFacts, splitSentences, type TextFacts, type TextSource } from "./extract";
export { parseChineseInt, scanNumbers, type NumberToken } from "./numbers";

/** A text worth reading for figures: a sentence (punctuation) with a digit or a numeral and some length. */
function isProse(text: string): boolean {
  return text.length >= 8 && /[，。；,;：]/.test(text);
}

/** Every text of the report the checker reads: the sheet's prose cells, then the attached texts. */
export function proseSources(report: Report): ProseText[] {
  const out: ProseText[] = [];
  for (const t of report.texts) if (isProse(t.text)) out.push({ text: t.text, cell: t.cell });
  for (const p of report.prose ?? []) if (isProse(p.text)) out.push(p);
  return out;
}

const VERDICTS = new WeakMap<CheckContext, Map<VerdictKind, TextVerdict[]>>();

/**
 * The text verdicts of this check run, by kind. The texts are analysed once per run (runChecks gives every
 * check the same context), not once per text-* check.
 */
export function textVerdicts(ctx: CheckContext, kind: VerdictKind): TextVerdict[] {
  let byKind = VERDICTS.get(ctx);
  if (!byKind) {
    const o = ctx.options;
    const all = analyseTexts(ctx.report, proseSources(ctx.report), {
      rounding: o.rounding,
      ...(o.largestRemainder ? { largestRemainder: true } : {}),
      ...(o.year !== undefined ? { year: o.year } : {}),
    });
    byKind = new Map();
    for (const v of all) {
      const list = byKind.get(v.kind);
      if (list) list.push(v);
      else byKind.set(v.kind, [v]);
    }
    VERDICTS.set(ctx, byKind);
  }
  return byKind.get(kind) ?? NONE;
}
const NONE: TextVerdict[] = [];

/**
 * The run() of each text-* check: the verdicts of its kind as findings, at the text's offsets. `messageIds`
 * are the messages the check declares for them (the compiler holds the list to the check's messages); a
 * verdict with another id is a bug in analyse.ts and throws.
 */
export function emitTextVerdicts<M extends string>(kind: VerdictKind, messageIds: readonly M[]): CheckSpec<M>["run"] {
  const known = new Set<string>(messageIds);
  return (ctx, emit) => {
    for (const v of textVerdicts(ctx, kind)) {
      if (!known.has(v.messageId)) throw new Error(`text-${kind}: no message "${v.messageId}"`);
      emit({
        messageId: v.messageId as M,
        cells: v.cells,
        params: v.params,
        text: findingText(v),
        ...(v.severity ? { severity: v.severity } : {}),
        ...(v.expected !== undefined ? { expected: v.expected } : {}),
        ...(v.actual !== undefined ? { actual: v.actual } : {}),
      });
    }
  };
}

/** Where a verdict sits, for Finding.text. */
export function findingText(v: TextVerdict): FindingText {
  const out: FindingText = {
    start: v.start,
    end: v.end,
    quote: v.source.text.slice(v.sentence.start, v.sentence.end).trim(),
    quoteStart:
      v.sentence.start +
      (v.source.text.slice(v.sentence.start, v.sentence.end).length -
        v.source.text.slice(v.sentence.start, v.sentence.end).trimStart().length),
  };
  if (v.source.cell) out.cell = v.source.cell;
  if (v.source.where) out.where = v.source.where;
  return out;
}

/**
 * The text sheet (报告正文) as the user left it: every non-empty text cell, in sheet order. The hosts attach
 * it (and, in the CLI, a report given with --text) as report.prose.
 */
export function textSheetProse(wb: WorkbookGrid, sheetName: string): ProseText[] {
  const sheet: SheetGrid | undefined = wb.sheets.find((s) => s.name === sheetName);
  if (!sheet) return [];
  const out: ProseText[] = [];
  sheet.values.forEach((row, r) => {
    row.forEach((_, c) => {
      const v = valueAt(sheet, sheet.top + r, sheet.left + c);
      if (typeof v === "string" && v.trim()) {
        const cell: CellRef = { sheet: sheet.name, row: sheet.top + r, col: sheet.left + c };
        out.push({ text: v, cell });
      }
    });
  });
  return out;
}

/** Paragraphs of a file (plain text or .docx) as prose: "report.docx 第3段" / "report.docx ¶3". */
export function fileProse(fileName: string, paragraphs: string[]): ProseText[] {
  const out: ProseText[] = [];
  paragraphs.forEach((text, i) => {
    if (text.trim()) out.push({ text, where: { zh: `${fileName} 第${i + 1}段`, en: `${fileName} ¶${i + 1}` } });
  });
  return out;
}
