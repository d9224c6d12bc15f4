/**
 * A catalogue of hostile and broken inputs. Each entry builds a workbook (an engine grid, or a file
 * for the command line) and says what must come out: a finding (rule, and the cell it must name),
 * a reader/CLI error code, or a CLI exit code. Grids are the filled counts sheet of the invented
 * example (templateForReport -> planToGrid), mutated; the truth is known, so a figure read wrongly
 * is caught too (`figures`).
 */
import { strict as assert } from "node:assert";
import * as nodeFs from "node:fs";
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { cellAddress, type CellRef, type CellValue, type SheetGrid, type WorkbookGrid } from "../../src/core/grid";
import { cellKey } from "../../src/core/model/format";
import type { Report } from "../../src/core/model/report";
import { planToGrid, templateCells, templateForReport, templatePlan, type TemplateCells } from "../../src/core/render";
import type { JsonFile } from "../../src/cli/output";
import { cleanReport } from "../cli/helpers";
import { writeGridXlsx } from "./xlsx-from-grid";

export type Expected =
  | { kind: "finding"; rule: string; cell?: string; severity?: "error" | "warning" | "info" }
  | { kind: "error"; code: string }
  | { kind: "exit"; code: number };

export type Built =
  | { grid: WorkbookGrid }
  /** A file (or directory) for the command line; `args` are extra CLI arguments. */
  | {
      file: string;
      args?: string[];
      /** Installed just before the CLI runs, removed after (returns the remover). */
      hook?: () => () => void;
    };

export interface HostileCase {
  id: string;
  description: string;
  build: (dir: string) => Built | Promise<Built>;
  expected: Expected;
  /** Figures the engine must read ("s3:new|natural" -> 110): a wrong figure is a silent wrong result. */
  figures?: Record<string, number | null>;
  /** Run through the engine only (the grid cannot be written to .xlsx as such), or the CLI only. */
  only?: "engine" | "cli";
  /** Extra CLI arguments for a grid entry (generate gets "-o <temp>" before them). */
  cliArgs?: string[];
  /** CLI command: check (default) or generate. */
  command?: "check" | "generate";
  /** More to assert on the CLI's --json files. */
  verifyJson?: (files: JsonFile[]) => void;
  /** Longer time budget (ms). */
  slow?: number;
}

// ---------- the base workbook ----------

const BASE = templateForReport(cleanReport());
/** Where every figure of the base counts sheet sits. */
export const CELLS: TemplateCells = templateCells(BASE.plan);
export const SHEET = BASE.plan.name;
export const BASE_REPORT: Report = BASE.report;

/** A fresh copy of the filled counts sheet (values only; full rectangle, top-left A1). */
export function baseSheet(): SheetGrid {
  return planToGrid(BASE.plan);
}

/** The cell of a table figure in the base sheet. */
export function at(table: string, row: string, col: string): CellRef {
  const c = CELLS.tables[table]?.cells[cellKey(row, col)];
  if (!c) throw new Error(`no cell ${table} ${row} ${col}`);
  return c;
}

export function addr(table: string, row: string, col: string, sheet?: string): string {
  const c = at(table, row, col);
  return cellAddress(sheet === undefined ? c : { ...c, sheet });
}

/** The base figure at a table cell. */
export function baseValue(table: string, row: string, col: string): CellValue {
  const c = at(table, row, col);
  return baseSheet().values[c.row]![c.col] ?? null;
}

function set(s: SheetGrid, ref: { row: number; col: number }, v: CellValue): SheetGrid {
  while (s.values.length <= ref.row) s.values.push([]);
  const line = s.values[ref.row]!;
  while (line.length <= ref.col) line.push(null);
  line[ref.col] = v;
  return s;
}

function setFormula(s: SheetGrid, ref: { row: number; col: number }, f: string, cached: CellValue): SheetGrid {
  set(s, ref, cached);
  s.formulas ??= s.values.map((r) => r.map(() => null));
  while (s.formulas.length <= ref.row) s.formulas.push([]);
  const line = s.formulas[ref.row]!;
  while (line.length <= ref.col) line.push(null);
  line[ref.col] = f;
  // No cached result: what a host reading the file sees (the ExcelJS reader marks it "uncached").
  if (cached === null) ((s.kinds ??= [])[ref.row] ??= [])[ref.col] = "uncached";
  return s;
}

function mutate(fn: (s: SheetGrid) => void, name?: string): () => Built {
  return () => {
    const s = baseSheet();
    if (name !== undefined) s.name = name;
    fn(s);
    return { grid: { sheets: [s] } };
  };
}

/** The rows of a table in the base sheet, [first, last] (0-based, inclusive). */
function tableRows(table: string): [number, number] {
  const rows = Object.values(CELLS.tables[table]!.cells).map((c) => c.row);
  return [Math.min(...rows), Math.max(...rows)];
}

/** The heading row of section 四 (two rows above its 3 header rows). */
function s4HeadingRow(): number {
  return tableRows("s4")[0] - 4;
}

/** Insert a row before `row` (rows, merges and hidden rows below shift down). */
function insertRow(s: SheetGrid, row: number, values: CellValue[]): void {
  s.values.splice(row, 0, values);
  s.merges = (s.merges ?? []).map((m) => ({
    ...m,
    top: m.top >= row ? m.top + 1 : m.top,
    bottom: m.bottom >= row ? m.bottom + 1 : m.bottom,
  }));
}

/** Insert an empty column at `col` (every row shifts right; merges too). */
function insertColumn(s: SheetGrid, col: number, fill: (row: number) => CellValue): void {
  s.values.forEach((r, i) => {
    while (r.length < col) r.push(null);
    r.splice(col, 0, fill(i));
  });
  s.merges = (s.merges ?? []).map((m) => ({
    ...m,
    left: m.left >= col ? m.left + 1 : m.left,
    right: m.right >= col ? m.right + 1 : m.right,
  }));
}

const S3 = "s3";
const NEW_NATURAL = addr(S3, "new", "natural");
const S4_REVIEW_TOTAL = addr("s4", "count", "review.total");

function figureKey(table: string, row: string, col: string): string {
  return `${table}:${cellKey(row, col)}`;
}

// ---------- the catalogue ----------

export const CATALOGUE: HostileCase[] = [
  // --- count cells that are not clean whole numbers ---
  {
    id: "text-in-count",
    description: "Chinese words typed in a count cell (“十二件”)",
    build: mutate((s) => set(s, at(S3, "new", "natural"), "十二件")),
    expected: { kind: "finding", rule: "not-a-number", cell: NEW_NATURAL, severity: "error" },
  },
  {
    id: "negative-count",
    description: "a negative count",
    build: mutate((s) => set(s, at(S3, "new", "natural"), -110)),
    expected: { kind: "finding", rule: "whole-number", cell: NEW_NATURAL, severity: "error" },
    figures: { [figureKey(S3, "new", "natural")]: -110 },
  },
  {
    id: "fractional-count",
    description: "a fractional count (110.5)",
    build: mutate((s) => set(s, at(S3, "new", "natural"), 110.5)),
    expected: { kind: "finding", rule: "whole-number", cell: NEW_NATURAL, severity: "error" },
  },
  {
    id: "tiny-fraction",
    description: "a count off a whole number by binary noise (110.00000000001)",
    build: mutate((s) => set(s, at(S3, "new", "natural"), 110.00000000001)),
    expected: { kind: "finding", rule: "whole-number", cell: NEW_NATURAL },
  },
  {
    id: "full-width-digits",
    description: "full-width digits typed as text (“１１０”)",
    build: mutate((s) => set(s, at(S3, "new", "natural"), "１１０")),
    expected: { kind: "finding", rule: "text-number", cell: NEW_NATURAL, severity: "warning" },
    figures: { [figureKey(S3, "new", "natural")]: 110 },
  },
  {
    id: "thousands-separator",
    description: "“1,268” typed as text with a thousands separator",
    build: mutate((s) => set(s, at("s2.item5", "licensing", "decisions"), "1,268")),
    expected: { kind: "finding", rule: "text-number", cell: addr("s2.item5", "licensing", "decisions") },
    figures: { [figureKey("s2.item5", "licensing", "decisions")]: 1268 },
  },
  {
    id: "unit-suffix",
    description: "a count with its unit typed in (“110件”)",
    build: mutate((s) => set(s, at(S3, "new", "natural"), "110件")),
    expected: { kind: "finding", rule: "text-number", cell: NEW_NATURAL },
    figures: { [figureKey(S3, "new", "natural")]: 110 },
  },
  {
    id: "spaces-around-number",
    description: "a number typed as text with spaces and a no-break space (“ 110\u00a0”)",
    build: mutate((s) => set(s, at(S3, "new", "natural"), " 110\u00a0")),
    expected: { kind: "finding", rule: "text-number", cell: NEW_NATURAL },
    figures: { [figureKey(S3, "new", "natural")]: 110 },
  },
  {
    id: "exponent-text",
    description: "text in scientific notation (“1.1E2”) is not taken for 110",
    build: mutate((s) => set(s, at(S3, "new", "natural"), "1.1E2")),
    expected: { kind: "finding", rule: "not-a-number", cell: NEW_NATURAL },
    figures: { [figureKey(S3, "new", "natural")]: null },
  },
  {
    id: "boolean-in-count",
    description: "TRUE in a count cell",
    build: mutate((s) => set(s, at(S3, "new", "natural"), true)),
    expected: { kind: "finding", rule: "not-a-number", cell: NEW_NATURAL },
  },
  {
    id: "error-ref",
    description: "#REF! in a count cell",
    build: mutate((s) => set(s, at(S3, "new", "natural"), { error: "#REF!" })),
    expected: { kind: "finding", rule: "not-a-number", cell: NEW_NATURAL, severity: "error" },
    figures: { [figureKey(S3, "new", "natural")]: null },
  },
  {
    id: "error-div0",
    description: "a formula giving #DIV/0! in a total",
    build: mutate((s) => setFormula(s, at(S3, "new", "total"), "=D62/0", { error: "#DIV/0!" })),
    expected: { kind: "finding", rule: "not-a-number", cell: addr(S3, "new", "total") },
  },
  {
    id: "error-na",
    description: "#N/A (a failed lookup) in section 四",
    build: mutate((s) => set(s, at("s4", "count", "review.upheld"), { error: "#N/A" })),
    expected: { kind: "finding", rule: "not-a-number", cell: addr("s4", "count", "review.upheld") },
  },
  {
    id: "formula-returning-text",
    description: 'a formula whose result is text (=TEXT(110,"0")): read as a text number, noted',
    build: mutate((s) => setFormula(s, at(S3, "new", "natural"), '=TEXT(110,"0")', "110")),
    expected: { kind: "finding", rule: "text-number", cell: NEW_NATURAL },
    figures: { [figureKey(S3, "new", "natural")]: 110 },
  },
  {
    id: "formula-returning-empty-text",
    description: 'a formula returning "" where a figure belongs',
    build: mutate((s) => setFormula(s, at("s4", "count", "review.upheld"), '=IF(1,"",0)', "")),
    expected: { kind: "finding", rule: "s4-group-sum", cell: S4_REVIEW_TOTAL },
  },
  {
    id: "formula-without-result",
    description:
      "a total given as a formula the file holds no result for (saved by a program that does not calculate): " +
      'never read as blank (the file tells it from a formula showing ""): one finding asks to open and save it in Excel',
    build: mutate((s) => setFormula(s, at(S3, "new", "total"), "=SUM(D62:I62)", null)),
    expected: { kind: "finding", rule: "uncached-formula", cell: addr(S3, "new", "total"), severity: "error" },
    figures: { [figureKey(S3, "new", "total")]: null },
  },
  {
    id: "nan-and-infinity",
    description: "NaN and Infinity from a broken host (engine only)",
    build: mutate((s) => {
      set(s, at(S3, "new", "natural"), Number.NaN);
      set(s, at(S3, "new", "commercial"), Number.POSITIVE_INFINITY);
    }),
    expected: { kind: "finding", rule: "not-a-number", cell: NEW_NATURAL },
    only: "engine",
  },
  {
    id: "beyond-2-53",
    description: "a count beyond 2^53 (9007199254740993 cannot be held exactly)",
    build: mutate((s) => set(s, at(S3, "new", "natural"), 2 ** 53 + 2)),
    expected: { kind: "finding", rule: "reader-notes", cell: NEW_NATURAL, severity: "error" },
  },
  {
    id: "beyond-2-53-text",
    description: "a huge number typed as text (“99999999999999999999”)",
    build: mutate((s) => set(s, at(S3, "new", "natural"), "99999999999999999999")),
    expected: { kind: "finding", rule: "reader-notes", cell: NEW_NATURAL, severity: "error" },
  },
  // --- layout changes ---
  {
    id: "merged-over-numbers",
    description: "two figure cells merged: the covered figure is gone (blank), as Excel keeps only the first",
    build: mutate((s) => {
      const a = at(S3, "new", "natural");
      set(s, at(S3, "new", "commercial"), null);
      s.merges = [...(s.merges ?? []), { top: a.row, left: a.col, bottom: a.row, right: a.col + 1 }];
    }),
    expected: { kind: "finding", rule: "s3-row-sum", cell: addr(S3, "new", "total") },
    figures: { [figureKey(S3, "new", "natural")]: 110, [figureKey(S3, "new", "commercial")]: null },
  },
  {
    id: "hidden-rows",
    description: "rows of section 三 hidden: still read (hidden figures count)",
    build: mutate((s) => {
      const [a, b] = tableRows(S3);
      s.hiddenRows = [a, a + 1, b];
    }),
    expected: { kind: "exit", code: 0 },
    figures: { [figureKey(S3, "new", "natural")]: 110, [figureKey(S3, "carryNext", "total")]: 6 },
  },
  {
    id: "rows-reordered",
    description: "the rows 一、本年新收 and 二、上年结转 swapped (labels move with their figures)",
    build: mutate((s) => {
      const r1 = at(S3, "new", "natural").row;
      const r2 = at(S3, "carried", "natural").row;
      const tmp = s.values[r1]!;
      s.values[r1] = s.values[r2]!;
      s.values[r2] = tmp;
    }),
    expected: { kind: "exit", code: 0 },
    figures: {
      [figureKey(S3, "new", "natural")]: 110,
      [figureKey(S3, "new", "total")]: 124,
      [figureKey(S3, "carried", "natural")]: 4,
    },
  },
  {
    id: "extra-columns",
    description: "a 备注 column inserted inside section 三 (between 自然人 and 商业企业)",
    build: mutate((s) => {
      const c = at(S3, "new", "commercial").col;
      const [a] = tableRows(S3);
      insertColumn(s, c, (r) => (r === a - 2 ? "备注" : r === a ? "核实中" : null));
    }),
    expected: { kind: "exit", code: 0 },
    figures: {
      [figureKey(S3, "new", "natural")]: 110,
      [figureKey(S3, "new", "commercial")]: 9,
      [figureKey(S3, "new", "total")]: 124,
      [figureKey("s4", "count", "review.total")]: 5,
    },
  },
  {
    id: "missing-section",
    description: "section 四 deleted",
    build: mutate((s) => {
      s.values = s.values.slice(0, s4HeadingRow());
    }),
    expected: { kind: "finding", rule: "missing-figures", severity: "error" },
  },
  {
    id: "truncated-table",
    description: "section 三 cut off after （四）无法提供 (the rest of the sheet lost)",
    build: mutate((s) => {
      s.values = s.values.slice(0, at(S3, "unavailable.notHeld", "natural").row + 1);
    }),
    expected: { kind: "finding", rule: "missing-figures", severity: "error" },
  },
  {
    id: "same-table-twice",
    description:
      "section 四 pasted twice on one sheet with different figures: ambiguity reported, not resolved silently",
    build: mutate((s) => {
      const from = s4HeadingRow();
      const copy = s.values.slice(from).map((r) => [...r]);
      const pasteAt = s.values.length + 2;
      copy.forEach((r, i) => (s.values[pasteAt + i] = r));
      for (let i = s.values.length - 1; i >= 0; i--) s.values[i] ??= [];
      const last = s.values[s.values.length - 1]!;
      last[3] = 99; // 结果维持 differs in the copy
      s.merges = [
        ...(s.merges ?? []),
        ...(s.merges ?? [])
          .filter((m) => m.top >= from)
          .map((m) => ({ ...m, top: m.top - from + pasteAt, bottom: m.bottom - from + pasteAt })),
      ];
    }),
    // The anchor of the first copy (its 行政复议 header) is named, and the first copy is the one read.
    expected: { kind: "finding", rule: "reader-notes", cell: `${SHEET}!D${s4HeadingRow() + 2}` },
    figures: { [figureKey("s4", "count", "review.upheld")]: 3 },
  },
  {
    id: "two-reports",
    description: "two full reports on two sheets (the sheet copied): which one was read is said",
    build: () => {
      const a = baseSheet();
      a.name = "2021年";
      const b = planToGrid(templateForReport(cleanReport(), { year: 2021, sheet: "2021年 (2)" }).plan);
      return { grid: { sheets: [a, b] } };
    },
    // The single-report reader (generate, the pane's default) says which sheet it read.
    expected: { kind: "finding", rule: "reader-notes" },
    only: "engine",
  },
  {
    id: "two-reports-check",
    description: "two full reports on two sheets (the sheet copied): check reads both, one entry each, the copy said",
    build: () => {
      const a = baseSheet();
      a.name = "2021年";
      const b = planToGrid(templateForReport(cleanReport(), { year: 2021, sheet: "2021年 (2)" }).plan);
      return { grid: { sheets: [a, b] } };
    },
    expected: { kind: "exit", code: 0 },
    only: "cli",
    verifyJson: (files) => {
      if (files.map((f) => f.sheet).join() !== "2021年,2021年 (2)")
        throw new Error(JSON.stringify(files.map((f) => f.sheet)));
      const copy = files[1]!.findings.filter((f) => f.rule === "report-copy");
      if (copy.length !== 1) throw new Error(`report-copy: ${JSON.stringify(files[1]!.findings)}`);
    },
  },
  {
    id: "format-2019-2021-mix",
    description: "a 2021 report year with 2019 trial-format tables (本年新制作数量)",
    build: () => {
      const g = planToGrid(templatePlan({ year: 2020 }));
      const yearCell = CELLS.meta.year;
      set(g, yearCell, 2021);
      return { grid: { sheets: [g] } };
    },
    expected: { kind: "finding", rule: "format-year", cell: cellAddress(CELLS.meta.year) },
  },
  {
    id: "format-2019-rows-in-2021-table",
    description: "the 2021 tables with 报告年度 and title saying 2020 (2019 trial format expected)",
    build: mutate((s) => {
      set(s, CELLS.meta.year, 2020);
      const t = s.values[0]![0] as string;
      s.values[0]![0] = t.replace("2021", "2020");
    }),
    expected: { kind: "finding", rule: "format-year", cell: cellAddress(CELLS.meta.year) },
  },
  {
    id: "format-2019-table-with-2021-rows",
    description: "a 2019 trial-format section 三 whose （六）其他处理 carries a 2021 item row: the mix is said",
    build: () => {
      const g = planToGrid(templatePlan({ year: 2020 }));
      const i = g.values.findIndex((r) => r.some((v) => typeof v === "string" && v.includes("其他处理")));
      g.values[i]![2] = "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请";
      // The label was merged across B:C; the user unmerged it to type the item.
      g.merges = (g.merges ?? []).filter((m) => !(m.top <= i && m.bottom >= i && m.left <= 2 && m.right >= 2));
      return { grid: { sheets: [g] } };
    },
    expected: { kind: "finding", rule: "reader-notes", severity: "warning" },
  },
  {
    id: "no-year",
    description: "no year anywhere (报告年度 blank, title without a year)",
    build: mutate((s) => {
      set(s, CELLS.meta.year, null);
      s.values[0]![0] = "政府信息公开工作年度报告数据表";
    }),
    expected: { kind: "finding", rule: "no-year", severity: "warning" },
  },
  {
    id: "year-not-a-year",
    description: "报告年度 holds “去年”",
    build: mutate((s) => {
      set(s, CELLS.meta.year, "去年");
    }),
    expected: { kind: "finding", rule: "reader-notes", cell: cellAddress(CELLS.meta.year) },
  },
  {
    id: "year-conflict",
    description: "报告年度 2021 but the title says 2020",
    build: mutate((s) => {
      s.values[0]![0] = "2020年政府信息公开工作年度报告数据表";
    }),
    expected: { kind: "finding", rule: "reader-notes", cell: cellAddress(CELLS.meta.year) },
  },
  {
    id: "duplicate-row",
    description: "the row 二、上年结转 typed twice in section 三 (the copy with other figures)",
    build: mutate((s) => {
      const r = at(S3, "carried", "natural").row;
      insertRow(
        s,
        r + 1,
        [...s.values[r]!].map((v) => (typeof v === "number" ? v + 1 : v)),
      );
    }),
    expected: { kind: "finding", rule: "reader-notes", cell: cellAddress({ ...at(S3, "carried", "natural"), col: 0 }) },
    figures: { [figureKey(S3, "carried", "natural")]: 4 },
  },
  {
    id: "empty-workbook",
    description: "a workbook without sheets",
    build: () => ({ grid: { sheets: [] } }),
    expected: { kind: "error", code: "empty" },
    only: "engine",
  },
  {
    id: "empty-sheet",
    description: "one sheet with no cell",
    build: () => ({ grid: { sheets: [{ name: "Sheet1", top: 0, left: 0, values: [] }] } }),
    expected: { kind: "error", code: "empty" },
  },
  {
    id: "blank-strings-only",
    description: "a sheet of spaces and empty strings",
    build: () => ({
      grid: { sheets: [{ name: "Sheet1", top: 0, left: 0, values: [["  ", "", "\u3000"], ["\t"]] }] },
    }),
    // Whitespace is content to the reader: the sheet is not empty, it just holds no table.
    expected: { kind: "error", code: "no-table" },
  },
  {
    id: "unrelated-100k-rows",
    description: "100,000 rows of unrelated content (a register of documents)",
    build: () => {
      const values: CellValue[][] = [["序号", "文件名称", "日期", "件数"]];
      for (let i = 1; i <= 100_000; i++) values.push([i, `关于第${i}项工作的通知`, 45000 + (i % 365), i % 7]);
      return { grid: { sheets: [{ name: "台账", top: 0, left: 0, values }] } };
    },
    expected: { kind: "error", code: "no-table" },
    slow: 240_000,
  },
  {
    id: "five-mb-cell",
    description: "a 5 MB text cell beside the tables",
    build: mutate((s) => {
      set(s, { row: 2, col: 5 }, "很长的说明。".repeat(Math.ceil((5 * 1024 * 1024) / 18)));
    }),
    expected: { kind: "exit", code: 0 },
    figures: { [figureKey(S3, "new", "natural")]: 110 },
    slow: 120_000,
  },
  {
    id: "five-mb-label",
    description: "a 5 MB text in a label cell of section 三 (the row is then not found, not misread)",
    build: mutate((s) => {
      set(
        s,
        { row: at(S3, "new", "natural").row, col: 0 },
        "一、本年新收政府信息公开申请数量" + "x".repeat(5 * 1024 * 1024),
      );
    }),
    expected: { kind: "finding", rule: "missing-figures", severity: "error" },
    figures: { [figureKey(S3, "carried", "natural")]: 4 },
    slow: 120_000,
  },
  {
    id: "control-chars-in-label",
    description: "a label with a control character (BEL) and a line break",
    build: mutate((s) => {
      s.values[at(S3, "carried", "natural").row]![0] = "二、上年结转政府信息\u0007公开申请\n数量";
    }),
    expected: { kind: "exit", code: 0 },
    figures: { [figureKey(S3, "carried", "natural")]: 4 },
  },
  {
    id: "zero-width-in-label",
    description: "zero-width spaces and a BOM inside labels (自\u200b然人, 行政\ufeff复议)",
    build: mutate((s) => {
      const [a] = tableRows(S3);
      s.values[a - 2]![3] = "自\u200b然人";
      s.values[s4HeadingRow() + 1]![3] = "行政\ufeff复议";
    }),
    expected: { kind: "exit", code: 0 },
    figures: { [figureKey(S3, "new", "natural")]: 110, [figureKey("s4", "count", "review.total")]: 5 },
  },
  {
    id: "rtl-in-label",
    description: "right-to-left override and mark characters in a label",
    build: mutate((s) => {
      s.values[at(S3, "new", "natural").row]![0] = "\u202e一、本年新收政府信息公开申请数量\u200f";
    }),
    expected: { kind: "exit", code: 0 },
    figures: { [figureKey(S3, "new", "natural")]: 110 },
  },
  {
    id: "formula-injection-labels",
    description: "labels and values starting with = + - @ are text, not formulas",
    build: mutate((s) => {
      set(s, CELLS.meta.body, '=HYPERLINK("http://x","单位")');
      s.values[CELLS.proactive.categories[0]!.name.row]![0] = "+政府文件";
      s.values[CELLS.proactive.categories[1]!.name.row]![0] = "@计划总结信息";
      s.values[CELLS.proactive.categories[2]!.name.row]![0] = "-规范性文件信息";
    }),
    expected: { kind: "exit", code: 0 },
  },
  {
    id: "sheet-name-quotes",
    description: "a sheet named My 'Sheet' (addresses quoted: 'My ''Sheet'''!D62)",
    build: mutate((s) => set(s, at(S3, "new", "natural"), 111), "My 'Sheet'"),
    expected: { kind: "finding", rule: "s3-row-sum", cell: addr(S3, "new", "total", "My 'Sheet'") },
    // Excel (and ExcelJS) refuse a sheet name ending with an apostrophe; another host may not.
    only: "engine",
  },
  {
    id: "sheet-name-apostrophe",
    description: "a sheet named It's 数据 (addresses quoted: 'It''s 数据'!J62)",
    build: mutate((s) => set(s, at(S3, "new", "natural"), 111), "It's 数据"),
    expected: { kind: "finding", rule: "s3-row-sum", cell: `'It''s 数据'!${addr(S3, "new", "total").split("!")[1]}` },
  },
  {
    id: "sheet-name-spaces",
    description: "a sheet named with spaces and a digit-like name (' 2021 数据 ')",
    build: mutate((s) => set(s, at("s4", "count", "review.total"), 6), " 2021 数据 "),
    expected: { kind: "finding", rule: "s4-group-sum", cell: addr("s4", "count", "review.total", " 2021 数据 ") },
  },
  {
    id: "sheet-name-a1-like",
    description: "a sheet named like a cell (AB12): must be quoted",
    build: mutate((s) => set(s, at("s4", "count", "review.total"), 6), "AB12"),
    expected: {
      kind: "finding",
      rule: "s4-group-sum",
      cell: `'AB12'!${addr("s4", "count", "review.total").split("!")[1]}`,
    },
  },
  {
    id: "offset-used-range",
    description: "the whole counts sheet moved to start at K20 (grid top/left not 0)",
    build: mutate((s) => {
      s.values = [
        ...Array.from({ length: 19 }, () => []),
        ...s.values.map((r) => [...Array<CellValue>(10).fill(null), ...r]),
      ];
      s.merges = (s.merges ?? []).map((m) => ({
        top: m.top + 19,
        bottom: m.bottom + 19,
        left: m.left + 10,
        right: m.right + 10,
      }));
    }),
    expected: { kind: "exit", code: 0 },
    figures: { [figureKey(S3, "new", "natural")]: 110 },
  },
  {
    id: "malformed-grid",
    description: "a malformed grid from a broken host: rows that are not arrays, bad offsets, bad merges (engine only)",
    build: () => {
      const s = baseSheet() as unknown as Record<string, unknown>;
      (s.values as unknown[]).splice(3, 0, null, 5, "text");
      s.top = -3;
      s.left = Number.NaN;
      s.merges = [null, { top: 1, left: 1, bottom: 0, right: 0 }, { top: "a" }];
      s.formulas = [[null, 5], "x"];
      return { grid: { sheets: [s as unknown as SheetGrid, null as unknown as SheetGrid] } };
    },
    // What can be read is read: the three bad rows become blank rows above the template.
    expected: { kind: "exit", code: 0 },
    figures: { [figureKey(S3, "new", "natural")]: 110, [figureKey("s4", "count", "review.total")]: 5 },
    only: "engine",
  },
  {
    id: "all-blank-figures",
    description:
      "the template with every figure blank, as inserted (编制): one no-figures information (已填 0 / N 项) instead of " +
      "a blank-cell warning per table, and no error",
    build: () => ({ grid: { sheets: [planToGrid(templatePlan({ year: 2021 }))] } }),
    expected: { kind: "finding", rule: "no-figures", severity: "info" },
  },
  {
    id: "huge-merge",
    description: "a merge over the whole sheet (A1:XFD1048576)",
    build: mutate((s) => {
      s.merges = [...(s.merges ?? []), { top: 0, left: 0, bottom: 1048575, right: 16383 }];
    }),
    expected: { kind: "exit", code: 0 },
    only: "engine",
  },
  // --- files for the command line ---
  {
    id: "generate-fractional-category",
    description: "generate --largest-remainder with a fractional and a negative count in the proactive block",
    build: mutate((s) => {
      set(s, CELLS.proactive.categories[0]!.count, 45.5);
      set(s, CELLS.proactive.categories[1]!.count, -12);
    }),
    expected: { kind: "exit", code: 1 },
    command: "generate",
    cliArgs: ["--largest-remainder"],
  },
  {
    id: "generate-text-numbers",
    description: "generate from a sheet with text numbers, an error value and a 5 MB cell",
    build: mutate((s) => {
      set(s, at(S3, "new", "natural"), "１１０");
      set(s, at("s4", "count", "review.upheld"), { error: "#REF!" });
      set(s, { row: 2, col: 5 }, "长".repeat(5 * 1024 * 1024));
    }),
    expected: { kind: "exit", code: 1 },
    command: "generate",
    slow: 120_000,
  },
  {
    id: "corrupt-xlsx",
    description: "a zip header followed by garbage",
    build: async (dir) => {
      const f = path.join(dir, "corrupt.xlsx");
      await fs.writeFile(f, Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(300, 0x41)]));
      return { file: f };
    },
    expected: { kind: "error", code: "corrupt" },
    only: "cli",
  },
  {
    id: "truncated-xlsx",
    description: "a real workbook cut in half",
    build: async (dir) => {
      const full = path.join(dir, "full.xlsx");
      await writeGridXlsx(full, { sheets: [baseSheet()] });
      const buf = await fs.readFile(full);
      const f = path.join(dir, "half.xlsx");
      await fs.writeFile(f, buf.subarray(0, buf.length >> 1));
      return { file: f };
    },
    expected: { kind: "error", code: "corrupt" },
    only: "cli",
  },
  {
    id: "encrypted-xlsx",
    description: "a password-protected workbook (OLE compound file with an EncryptionInfo stream)",
    build: async (dir) => {
      const header = Buffer.alloc(2048);
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
      Buffer.from("EncryptionInfo", "utf16le").copy(header, 1024);
      Buffer.from("EncryptedPackage", "utf16le").copy(header, 1152);
      const f = path.join(dir, "encrypted.xlsx");
      await fs.writeFile(f, header);
      return { file: f };
    },
    expected: { kind: "error", code: "encrypted" },
    only: "cli",
  },
  {
    id: "xls-renamed",
    description: "an Excel 97-2003 .xls saved under an .xlsx name",
    build: () => ({ file: path.resolve(__dirname, "..", "fixtures", "xlsx", "xls-renamed.xlsx") }),
    expected: { kind: "error", code: "xls-format" },
    only: "cli",
  },
  {
    id: "csv-renamed",
    description: "a CSV (UTF-8 with BOM) under an .xlsx name",
    build: async (dir) => {
      const f = path.join(dir, "data.xlsx");
      await fs.writeFile(f, "\ufeff类别,本年条数\n政府文件,72\n");
      return { file: f };
    },
    expected: { kind: "error", code: "text-format" },
    only: "cli",
  },
  {
    id: "zero-bytes",
    description: "an empty (0-byte) file",
    build: async (dir) => {
      const f = path.join(dir, "zero.xlsx");
      await fs.writeFile(f, "");
      return { file: f };
    },
    expected: { kind: "error", code: "empty-file" },
    only: "cli",
  },
  {
    id: "missing-file",
    description: "a file that does not exist",
    build: (dir) => ({ file: path.join(dir, "nope.xlsx") }),
    expected: { kind: "error", code: "not-found" },
    only: "cli",
  },
  {
    id: "directory-without-xlsx",
    description: "a directory that holds no .xlsx",
    build: async (dir) => {
      const d = path.join(dir, "just-notes");
      await fs.mkdir(d);
      await fs.writeFile(path.join(d, "readme.txt"), "x");
      return { file: d };
    },
    expected: { kind: "error", code: "no-xlsx-in-directory" },
    only: "cli",
  },
  {
    id: "file-vanishes-mid-run",
    description:
      "three workbooks in a directory; the second is deleted after the directory is listed, before it is read",
    build: async (dir) => {
      const d = path.join(dir, "vanishing");
      await fs.mkdir(d);
      for (const n of ["a.xlsx", "b.xlsx", "c.xlsx"]) await writeGridXlsx(path.join(d, n), { sheets: [baseSheet()] });
      const victim = path.join(d, "b.xlsx");
      return {
        file: d,
        hook: () => {
          // Deterministic: the deletion happens right after the CLI's readdir of this directory returns.
          const original = nodeFs.promises.readdir;
          const patched = async (...args: Parameters<typeof original>) => {
            const names = await (original as (...a: unknown[]) => Promise<unknown>).apply(nodeFs.promises, args);
            if (path.resolve(String(args[0])) === path.resolve(d)) nodeFs.rmSync(victim, { force: true });
            return names;
          };
          nodeFs.promises.readdir = patched as typeof original;
          return () => {
            nodeFs.promises.readdir = original;
          };
        },
      };
    },
    expected: { kind: "exit", code: 2 },
    verifyJson: (files) => {
      assert.deepEqual(
        files.map((f) => [path.basename(f.file), f.error?.code ?? "ok"]),
        [
          ["a.xlsx", "ok"],
          ["b.xlsx", "not-found"],
          ["c.xlsx", "ok"],
        ],
      );
    },
    only: "cli",
  },
  {
    id: "generate-from-directory",
    description: "generate given a directory as FILE",
    build: async (dir) => {
      const d = path.join(dir, "a-dir");
      await fs.mkdir(d);
      return { file: d, args: ["-o", path.join(dir, "from-dir-out.xlsx")] };
    },
    expected: { kind: "exit", code: 2 },
    only: "cli",
    command: "generate",
  },
  {
    id: "generate-out-under-a-file",
    description: "generate with the output under a regular file (somefile.txt/out.xlsx): unwritable, said plainly",
    build: async (dir) => {
      const f = path.join(dir, "in-for-unwritable.xlsx");
      await writeGridXlsx(f, { sheets: [baseSheet()] });
      const blocker = path.join(dir, "somefile.txt");
      await fs.writeFile(blocker, "I am a file");
      return { file: f, args: ["-o", path.join(blocker, "out.xlsx")] };
    },
    expected: { kind: "exit", code: 2 },
    only: "cli",
    command: "generate",
  },
  {
    id: "generate-out-in-proc",
    description: "generate with the output in /proc (not writable even by root)",
    build: async (dir) => {
      const f = path.join(dir, "in-for-proc.xlsx");
      await writeGridXlsx(f, { sheets: [baseSheet()] });
      return { file: f, args: ["-o", "/proc/disclosure-report-out.xlsx"] };
    },
    expected: { kind: "exit", code: 2 },
    only: "cli",
    command: "generate",
  },
  {
    id: "generate-out-is-directory",
    description: "generate --force with OUT naming an existing directory",
    build: async (dir) => {
      const f = path.join(dir, "in-for-dir-out.xlsx");
      await writeGridXlsx(f, { sheets: [baseSheet()] });
      const d = path.join(dir, "out-is-dir.xlsx");
      await fs.mkdir(d);
      return { file: f, args: ["-o", d, "--force"] };
    },
    expected: { kind: "exit", code: 2 },
    only: "cli",
    command: "generate",
  },
];
