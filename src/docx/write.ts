/**
 * Writes a DocumentPlan as a .docx with the `docx` package (Node and browser alike). All layout decisions
 * are in the plan (src/core/document); this module only maps them onto WordprocessingML.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeightRule,
  HighlightColor,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type FileChild,
  type IRunOptions,
} from "docx";
import type { DocFont, DocParagraph, DocRun, DocTable, DocumentPlan, RunRole } from "../core/document/plan";

function fontAttrs(f: DocFont) {
  return { ascii: f.latin, hAnsi: f.latin, eastAsia: f.eastAsia, cs: f.latin, hint: "eastAsia" };
}

const ALIGN = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  both: AlignmentType.BOTH,
} as const;

function runOptions(plan: DocumentPlan, run: DocRun): IRunOptions {
  const inTable = run.role === "table" || run.role === "tableTitle";
  return {
    font: fontAttrs(plan.fonts[run.role]),
    size: plan.sizes[run.role] * 2,
    ...(run.bold ? { bold: true } : {}),
    ...(run.italic ? { italics: true } : {}),
    ...(run.placeholder ? { highlight: HighlightColor.YELLOW } : {}),
    ...(inTable
      ? { snapToGrid: false }
      : plan.condensed[run.role]
        ? { characterSpacing: plan.condensed[run.role] }
        : {}),
  };
}

function textRuns(plan: DocumentPlan, run: DocRun): TextRun[] {
  // A line break inside a run (the title's two lines) is a <w:br/> between two texts.
  const lines = run.text.split("\n");
  const base = runOptions(plan, run);
  return lines.map((t, i) => new TextRun({ ...base, text: t, ...(i > 0 ? { break: 1 } : {}) }));
}

function paragraph(plan: DocumentPlan, p: DocParagraph): Paragraph {
  const size = plan.sizes[p.runs[0]?.role ?? "body"];
  const inTable = p.kind === "tableNote" || p.kind === "caption";
  return new Paragraph({
    alignment: ALIGN[p.align],
    children: p.runs.flatMap((r) => textRuns(plan, r)),
    indent: {
      ...(p.firstLineChars ? { firstLineChars: p.firstLineChars * 100, firstLine: p.firstLineChars * size * 20 } : {}),
      ...(p.rightChars ? { right: p.rightChars * size * 20 } : {}),
    },
    spacing: {
      // Body text on the 22-line grid: exact line spacing; the title one line of its own size more.
      line: inTable ? plan.tableLine : p.kind === "title" ? Math.round(plan.grid.linePitch * 1.2) : plan.grid.linePitch,
      lineRule: LineRuleType.EXACT,
      before: p.spaceBeforeLines ? p.spaceBeforeLines * plan.grid.linePitch : p.kind === "caption" ? 120 : 0,
      after: p.kind === "title" ? plan.grid.linePitch : p.kind === "caption" ? 60 : 0,
    },
    ...(p.keepNext ? { keepNext: true, keepLines: true } : {}),
    widowControl: true,
  });
}

function spacer(plan: DocumentPlan): Paragraph {
  return new Paragraph({ spacing: { line: plan.tableLine, lineRule: LineRuleType.EXACT, before: 0, after: 0 } });
}

const THIN = { style: BorderStyle.SINGLE, size: 4, color: "000000" };

function table(plan: DocumentPlan, t: DocTable): Table {
  const role: RunRole = "table";
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: t.columnWidths.reduce((a, w) => a + w, 0), type: WidthType.DXA },
    columnWidths: t.columnWidths,
    alignment: AlignmentType.CENTER,
    borders: {
      top: THIN,
      bottom: THIN,
      left: THIN,
      right: THIN,
      insideHorizontal: THIN,
      insideVertical: THIN,
    },
    rows: t.rows.map((cells, r) => {
      return new TableRow({
        tableHeader: r < t.headerRows,
        cantSplit: true,
        height: { value: plan.tableLine + 80, rule: HeightRule.ATLEAST },
        children: cells.map((c) => {
          const width = t.columnWidths.slice(c.col, c.col + c.colSpan).reduce((a, w) => a + w, 0);
          return new TableCell({
            columnSpan: c.colSpan,
            rowSpan: c.rowSpan,
            width: { size: width, type: WidthType.DXA },
            verticalAlign: VerticalAlignTable.CENTER,
            margins: { left: 57, right: 57, top: 0, bottom: 0 },
            children: [
              new Paragraph({
                alignment: ALIGN[c.align],
                spacing: { line: plan.tableLine, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
                children: textRuns(plan, { text: c.text, role, ...(c.italic ? { italic: true } : {}) }),
              }),
            ],
          });
        }),
      });
    }),
  });
}

function footer(plan: DocumentPlan): Footer {
  const pn = plan.pageNumber;
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({
            children: [pn.before, PageNumber.CURRENT, pn.after],
            font: fontAttrs(pn.font),
            size: pn.size * 2,
            snapToGrid: false,
          }),
        ],
      }),
    ],
  });
}

/** The font table with a named fallback (w:altName) for each Chinese font, so Word and WPS substitute sensibly. */
function fontTable(plan: DocumentPlan): string {
  const fonts = new Map<string, string>();
  for (const f of [...Object.values(plan.fonts), plan.pageNumber.font]) {
    fonts.set(f.eastAsia, f.fallback);
    fonts.set(f.latin, "");
  }
  const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
  const entries = [...fonts]
    .map(([name, alt]) => {
      const cjk = /[^\x20-\x7e]/.test(name) || alt !== "";
      return (
        `<w:font w:name="${esc(name)}">` +
        (alt ? `<w:altName w:val="${esc(alt)}"/>` : "") +
        `<w:charset w:val="${cjk ? "86" : "00"}"/><w:family w:val="${cjk ? "modern" : "roman"}"/>` +
        `<w:pitch w:val="${cjk ? "fixed" : "variable"}"/></w:font>`
      );
    })
    .join("");
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
    `<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${entries}</w:fonts>`
  );
}

export function buildDocument(plan: DocumentPlan): Document {
  const body = plan.fonts.body;
  return new Document({
    title: plan.title,
    creator: "disclosure-report",
    styles: {
      default: {
        document: {
          run: { font: fontAttrs(body), size: plan.sizes.body * 2 },
          paragraph: { spacing: { line: plan.grid.linePitch, lineRule: LineRuleType.EXACT } },
        },
      },
    },
    sections: plan.sections.map((sec) => ({
      properties: {
        page: {
          // docx swaps width and height for a landscape page: it takes them as the portrait sheet.
          size: {
            width: Math.min(sec.page.width, sec.page.height),
            height: Math.max(sec.page.width, sec.page.height),
            orientation: sec.page.orientation === "landscape" ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
          },
          margin: { ...sec.page.margins, header: 851, footer: 992 },
        },
        // The line grid (22 lines); 28 characters a line come from the body's condensed spacing, which
        // Word, WPS and LibreOffice all honour (LibreOffice spreads text on a negative character grid).
        grid: { type: "lines", linePitch: plan.grid.linePitch },
      },
      footers: { default: footer(plan) },
      children: sec.blocks.flatMap((b): FileChild[] => {
        if (b.type !== "table") return [paragraph(plan, b)];
        // An empty line after a table (two tables in a row would also join into one).
        return [table(plan, b), spacer(plan)];
      }),
    })),
  });
}

/** The .docx bytes of a plan. */
export async function writeDocx(plan: DocumentPlan): Promise<Uint8Array> {
  const doc = buildDocument(plan);
  const buf = await Packer.toArrayBuffer(doc, false, [{ path: "word/fontTable.xml", data: fontTable(plan) }]);
  return new Uint8Array(buf);
}
