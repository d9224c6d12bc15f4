/**
 * The field corpus (six real published reports of 平潭综合实验区, as pasted workbooks) and the perturbation
 * suite. Each workbook must give exactly the table problems its README row lists and no error where none is
 * listed; 20+ variants of two reports, made the way real pages vary, must read to the same figures and give
 * the same errors, with at most one extra grouped warning or info.
 */
import { strict as assert } from "node:assert";
import * as path from "node:path";
import type { CellValue, SheetGrid, WorkbookGrid } from "../../src/core/grid";
import { cellKey, cellKeys } from "../../src/core/model/format";
import type { Report } from "../../src/core/model/report";
import type { Finding } from "../../src/core/checks";
import { checkWorkbook, type CheckedReport } from "../../src/core/workbook";
import { readXlsx } from "../../src/cli/xlsx";

const DIR = path.join(__dirname, "..", "fixtures", "field");
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the corpus's own data file (CommonJS, builds nothing when required)
const { REPORTS } = require(path.join(DIR, "make-field.js")) as {
  REPORTS: { file: string; format: string; s3: (number | string)[][]; s4: (number | string)[] }[];
};

const YEARS = [2019, 2020, 2022, 2023, 2024, 2025] as const;

/** The README's table problems, as (rule, expected, actual); every other error is a false error. */
const EXPECTED_ERRORS: Record<number, [string, number, number][]> = {
  2019: [],
  2020: [
    ["s3-column-sum", 26, 20],
    ["s3-column-sum", 27, 21],
  ],
  2022: [],
  2023: [],
  2024: [],
  2025: [],
};
/** Warnings and infos, by rule (the habits of each page: text numbers, line breaks in labels, the fee sentence). */
const EXPECTED_OTHERS: Record<number, string[]> = {
  2019: ["text-number", "label-typo"],
  2020: ["text-number", "label-typo"],
  2022: ["label-typo", "reader-notes"],
  2023: ["label-typo", "reader-notes"],
  2024: ["label-typo", "reader-notes"],
  2025: ["label-typo", "reader-notes"],
};
/** With last year's report: the README's cross-year problems (warnings). */
const PRIOR_WARNINGS: Record<number, [number, string, string][]> = {
  2020: [[2019, "in-force", "totalPublic"]],
  2023: [[2022, "in-force", "mismatch"]],
  2024: [[2023, "in-force", "mismatch"]],
  2025: [[2024, "in-force", "mismatch"]],
};

const grids = new Map<number, WorkbookGrid>();
async function grid(year: number): Promise<WorkbookGrid> {
  let g = grids.get(year);
  if (!g) grids.set(year, (g = await readXlsx(path.join(DIR, `pingtan-${year}.xlsx`))));
  return structuredClone(g);
}

/** The narrative's own checks (text against tables) belong to the narrative corpus test, not to this one. */
const isTextCheck = (f: Finding) => f.rule.startsWith("text-") && f.rule !== "text-number";

function tableOnly(r: CheckedReport): CheckedReport {
  return { ...r, findings: r.findings.filter((f) => !isTextCheck(f)) };
}

function only(wb: WorkbookGrid, prior?: Report): CheckedReport {
  const r = checkWorkbook(wb, prior ? { prior } : {});
  if (!r.ok) assert.fail(r.error.message.en);
  assert.equal(r.reports.length, 1, r.reports.map((x) => x.sheet).join());
  return tableOnly(r.reports[0]!);
}

const errorsOf = (fs: Finding[]) =>
  fs
    .filter((f) => f.severity === "error")
    .map((f) => [f.rule, f.expected, f.actual])
    .sort();
const othersOf = (fs: Finding[]) => fs.filter((f) => f.severity !== "error");

/** Every figure of the national tables by table id and cell key. */
function figuresOf(r: Report): Map<string, number | null> {
  const out = new Map<string, number | null>();
  for (const t of [...Object.values(r.section2), r.section3, r.section4]) {
    if (!t) continue;
    for (const [k, n] of Object.entries(t.cells)) out.set(`${t.def.id}|${k}`, n.value);
  }
  return out;
}

describe("field corpus: six real reports (pingtan 2019-2025)", function () {
  this.timeout(60000);

  for (const year of YEARS) {
    it(`pingtan-${year}: exactly the README's table problems, the figures as printed`, async () => {
      const r = only(await grid(year));
      assert.equal(r.year, year);
      assert.equal(r.unit, "平潭综合实验区");
      assert.deepEqual(errorsOf(r.findings), [...EXPECTED_ERRORS[year]!].sort());
      assert.deepEqual(
        othersOf(r.findings)
          .map((f) => f.rule)
          .sort(),
        [...EXPECTED_OTHERS[year]!].sort(),
      );
      // Figures: every 三 row and the 四 row as the page prints them.
      const data = REPORTS.find((x) => x.file === `pingtan-${year}.xlsx`)!;
      const s3 = r.report.section3!;
      const keys = cellKeys(s3.def);
      assert.equal(s3.def.rows.length, data.s3.length);
      data.s3.forEach((row, i) =>
        row.forEach((v, j) => assert.equal(s3.cells[keys[i]![j]!]?.value, Number(v), `${s3.def.rows[i]!.key} ${j}`)),
      );
      const s4 = r.report.section4!;
      data.s4.forEach((v, j) => assert.equal(s4.cells[cellKey("count", s4.def.cols[j]!.key)]?.value, Number(v)));
    });
  }

  for (const [year, list] of Object.entries(PRIOR_WARNINGS)) {
    it(`pingtan-${year} with ${list[0]![0]} as last year's report: exactly the cross-year warnings listed`, async () => {
      const prior = only(await grid(list[0]![0])).report;
      const r = only(await grid(Number(year)), prior);
      assert.deepEqual(errorsOf(r.findings), [...EXPECTED_ERRORS[Number(year)]!].sort());
      const cross = r.findings.filter((f) =>
        ["prior-report", "carry-over", "in-force", "copied-forward"].includes(f.rule),
      );
      assert.deepEqual(
        cross.map((f) => [f.rule, f.messageId]),
        list.map(([, rule, id]) => [rule, id]),
      );
    });
  }

  it("another unit's or another year's report as last year's: one warning, no cross-year cascade", async () => {
    const prior = only(await grid(2023)).report;
    const r = only(await grid(2025), prior);
    const cross = r.findings.filter((f) =>
      ["prior-report", "carry-over", "in-force", "copied-forward"].includes(f.rule),
    );
    assert.deepEqual(
      cross.map((f) => [f.rule, f.messageId, f.expected, f.actual]),
      [["prior-report", "year", 2024, 2023]],
    );
  });
});

// ---------------------------------------------------------------- perturbations

/** A sheet as a dense absolute grid (row 0 = Excel row 1), merges kept. */
interface Dense {
  name: string;
  v: CellValue[][];
  merges: { top: number; left: number; bottom: number; right: number }[];
}

function dense(s: SheetGrid): Dense {
  const v: CellValue[][] = [];
  s.values.forEach((row, r) => {
    const out: CellValue[] = [];
    row.forEach((x, c) => (out[s.left + c] = x ?? null));
    v[s.top + r] = out;
  });
  for (let r = 0; r < v.length; r++) v[r] ??= [];
  for (const row of v) for (let c = 0; c < row.length; c++) row[c] ??= null;
  return { name: s.name, v, merges: (s.merges ?? []).map((m) => ({ ...m })) };
}
function toGrid(d: Dense): SheetGrid {
  return { name: d.name, top: 0, left: 0, values: d.v, merges: d.merges };
}
function insertCol(d: Dense, at: number): void {
  for (const row of d.v) if (row.length > at) row.splice(at, 0, null);
  for (const m of d.merges) {
    if (m.left >= at) m.left++;
    if (m.right >= at) m.right++;
  }
}
function insertRows(d: Dense, at: number, n = 1): void {
  d.v.splice(at, 0, ...Array.from({ length: n }, () => [] as CellValue[]));
  for (const m of d.merges) {
    if (m.top >= at) m.top += n;
    if (m.bottom >= at) m.bottom += n;
  }
}
function unmergeRepeat(d: Dense): void {
  for (const m of d.merges) {
    const v = d.v[m.top]?.[m.left] ?? null;
    for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) (d.v[r] ??= [])[c] = v;
  }
  d.merges = [];
}

interface Sites {
  figures: { row: number; col: number; table: string }[];
  labels: { row: number; col: number }[];
  s3: {
    natural: number;
    commercial: number;
    research: number;
    otherOrg: number;
    total: number;
    headerRow: number;
    firstRow: number;
    lastRow: number;
  };
}
function sites(r: Report): Sites {
  const figures: Sites["figures"] = [];
  const labels: Sites["labels"] = [];
  for (const t of [...Object.values(r.section2), r.section3, r.section4]) {
    if (!t) continue;
    for (const n of Object.values(t.cells))
      if (n.cell) figures.push({ row: n.cell.row, col: n.cell.col, table: t.def.id });
    for (const m of [...Object.values(t.rowLabels), ...Object.values(t.colLabels)])
      labels.push({ row: m.cell.row, col: m.cell.col });
  }
  const s3 = r.section3!;
  const col = (k: string) => s3.cells[cellKey("new", k)]!.cell!.col;
  return {
    figures,
    labels,
    s3: {
      natural: col("natural"),
      commercial: col("commercial"),
      research: col("research"),
      otherOrg: col("otherOrg"),
      total: col("total"),
      headerRow: s3.colLabels["commercial"]!.cell.row,
      firstRow: s3.cells[cellKey("new", "natural")]!.cell!.row,
      lastRow: s3.cells[cellKey("carryNext", "natural")]!.cell!.row,
    },
  };
}

type Variant = [name: string, make: (d: Dense, s: Sites) => void, copies?: boolean];

const mapFigures = (f: (v: CellValue) => CellValue) => (d: Dense, s: Sites) => {
  for (const x of s.figures) d.v[x.row]![x.col] = f(d.v[x.row]![x.col] ?? null);
};
const mapLabels = (f: (v: string) => string) => (d: Dense, s: Sites) => {
  for (const x of s.labels) {
    const v = d.v[x.row]![x.col];
    if (typeof v === "string") d.v[x.row]![x.col] = f(v);
  }
};
const num = (v: CellValue): number | undefined =>
  typeof v === "number" ? v : typeof v === "string" && /^-?\d+(\.\d+)?$/.test(v.trim()) ? Number(v) : undefined;
const FULL = (s: string) => s.replace(/[0-9]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

/** The variants, each the way real pages vary. */
const VARIANTS: Variant[] = [
  ["a blank column before the tables", (d) => insertCol(d, 0)],
  ["a blank column between label and figure columns", (d, s) => insertCol(d, s.s3.natural)],
  ["blank rows above section 三", (d, s) => insertRows(d, s.s3.headerRow - 3, 2)],
  ["everything moved down 6 rows and right 2 columns", (d) => (insertRows(d, 0, 6), insertCol(d, 0), insertCol(d, 0))],
  ["merges lost (values only in the first cell)", (d) => (d.merges = [])],
  ["merges lost with the value repeated into every cell", (d) => unmergeRepeat(d)],
  ["every number typed as text", mapFigures((v) => (typeof v === "number" ? String(v) : v))],
  ["zero printed as —", mapFigures((v) => (num(v) === 0 ? "—" : v))],
  ["zero printed as -", mapFigures((v) => (num(v) === 0 ? "-" : v))],
  ["zero printed as 无", mapFigures((v) => (num(v) === 0 ? "无" : v))],
  ["numbers with 件", mapFigures((v) => (num(v) !== undefined ? `${num(v)}件` : v))],
  ["full-width digits", mapFigures((v) => (num(v) !== undefined ? FULL(String(num(v))) : v))],
  [
    "a number with an annotation",
    (d, s) => {
      const x = s.figures.find((f) => f.table === "s3" && (num(d.v[f.row]![f.col] ?? null) ?? 0) > 0)!;
      d.v[x.row]![x.col] = `${num(d.v[x.row]![x.col] ?? null)}（其中转办1件）`;
    },
  ],
  ["labels with line breaks", mapLabels((v) => (v.length > 3 ? `${v.slice(0, 2)}\n${v.slice(2)}` : v))],
  ["labels with full-width spaces", mapLabels((v) => (v.length > 3 ? `${v.slice(0, 2)}\u3000${v.slice(2)}` : v))],
  ["labels ending with a non-breaking space", mapLabels((v) => `${v}\u00a0`)],
  [
    "法人 columns reordered (科研机构 before 商业企业)",
    (d, s) => {
      // Only section 三's rows: 四 has its own columns under the same letters.
      for (const row of d.v.slice(s.s3.headerRow, s.s3.lastRow + 1)) {
        const a = row[s.s3.commercial] ?? null;
        row[s.s3.commercial] = row[s.s3.research] ?? null;
        row[s.s3.research] = a;
      }
    },
  ],
  [
    "法人 columns with a 小计 column",
    (d, s) => {
      insertCol(d, s.s3.otherOrg + 1);
      const c = s.s3.otherOrg + 1;
      d.v[s.s3.headerRow]![c] = "小计";
      for (let r = s.s3.firstRow; r < d.v.length; r++) {
        const row = d.v[r]!;
        const parts = [
          s.s3.commercial,
          s.s3.commercial + 1,
          s.s3.commercial + 2,
          s.s3.commercial + 3,
          s.s3.otherOrg,
        ].map((k) => num(row[k] ?? null));
        if (parts.every((p) => p !== undefined)) row[c] = parts.reduce((a, b) => a! + b!, 0)!;
      }
    },
  ],
  [
    "法人或其他组织 and each sub-header in one cell with a line break",
    (d, s) => {
      for (let c = s.s3.commercial; c <= s.s3.otherOrg; c++) {
        const v = d.v[s.s3.headerRow]![c];
        if (typeof v === "string") d.v[s.s3.headerRow]![c] = `法人或其他组织\n${v}`;
      }
    },
  ],
  [
    "（三）1.属于国家秘密 in one cell, the next column empty",
    (d, s) => {
      for (let r = s.s3.firstRow; r < Math.min(d.v.length, s.s3.firstRow + 30); r++) {
        const row = d.v[r]!;
        const labels = row
          .slice(0, s.s3.natural)
          .map((x, i) => [x, i] as const)
          .filter(([x]) => typeof x === "string" && String(x).trim() !== "");
        if (labels.length < 2) continue;
        const [g, gi] = labels[labels.length - 2]!;
        const [item, ii] = labels[labels.length - 1]!;
        if (!/^[（(][三四五]/.test(String(g))) continue;
        row[gi] = `${String(g).match(/^[（(][三四五六][）)]/)![0]}${String(item)}`;
        row[ii] = null;
      }
      d.merges = d.merges.filter((m) => m.left >= s.s3.natural || m.top < s.s3.firstRow);
    },
  ],
  ["numbering 1、 instead of 1.", mapLabels((v) => v.replace(/^(\d)\./, "$1、"))],
  ["half-width brackets (一)", mapLabels((v) => v.replace(/（/g, "(").replace(/）/g, ")"))],
  [
    "a title and paragraphs inserted above",
    (d) => {
      insertRows(d, 0, 3);
      d.v[0] = ["（转载）"];
      d.v[1] = ["来源：门户网站  发布时间：2024-03-01"];
    },
  ],
  ["a second copy on another sheet", () => undefined, true],
];

describe("perturbation suite: real reports varied the way real pages vary", function () {
  this.timeout(120000);
  for (const year of [2020, 2023, 2025]) {
    describe(`pingtan-${year}`, () => {
      let base: CheckedReport;
      let s: Sites;
      before(async () => {
        base = only(await grid(year));
        s = sites(base.report);
      });
      for (const [name, make, copies] of VARIANTS) {
        it(name, async () => {
          const wb = await grid(year);
          const d = dense(wb.sheets[0]!);
          make(d, s);
          wb.sheets[0] = toGrid(d);
          if (copies) wb.sheets.push({ ...structuredClone(wb.sheets[0]!), name: "副本" });
          const res = checkWorkbook(wb);
          if (!res.ok) assert.fail(res.error.message.en);
          assert.equal(res.reports.length, copies ? 2 : 1);
          const r = tableOnly(res.reports[0]!);
          const want = figuresOf(base.report);
          const got = figuresOf(r.report);
          for (const [k, v] of want) assert.equal(got.get(k), v, k);
          assert.deepEqual(errorsOf(r.findings), errorsOf(base.findings));
          const extra = othersOf(r.findings).length - othersOf(base.findings).length;
          assert.ok(
            extra <= 1,
            `${extra} extra: ${othersOf(r.findings)
              .map((f) => `${f.rule}/${f.messageId}`)
              .join(", ")}`,
          );
          if (copies) {
            const c = res.reports[1]!;
            assert.deepEqual(c.report.copy, { of: wb.sheets[0]!.name, differences: [], count: 0 });
          }
        });
      }
    });
  }
});
