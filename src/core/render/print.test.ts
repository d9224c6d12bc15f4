import { strict as assert } from "node:assert";
import type { NamedRangePlan, SheetPlan } from "./plan";
import { LANDSCAPE_A4_PRINT_HEIGHT, planRowHeight, printBlocks, tablePageBreaks } from "./print";
import { renderReport, TABLE_NAMES } from "./index";
import { report2019, report2021, seedLikeReport } from "./samples.testutil";

/** The printed page of every row: a new page at each manual break, and where a page overflows. */
function pagesOf(plan: SheetPlan, breaks: readonly number[], pageHeight = LANDSCAPE_A4_PRINT_HEIGHT): number[] {
  const height = planRowHeight(plan);
  const last = Math.max(...plan.cells.map((c) => c.row));
  const page: number[] = [];
  let p = 0;
  let used = 0;
  for (let r = 0; r <= last; r++) {
    const h = height(r);
    if ((breaks.includes(r) && used > 0) || used + h > pageHeight) {
      p++;
      used = 0;
    }
    used += h;
    page.push(p);
  }
  return page;
}

function span(plan: SheetPlan, from: number, to: number): number {
  const height = planRowHeight(plan);
  let s = 0;
  for (let r = from; r <= to; r++) s += height(r);
  return s;
}

/** Header rows of a named table: its leading rows of header cells only. */
function headerEnd(plan: SheetPlan, n: NamedRangePlan): number {
  let r = n.range.top;
  const onlyTh = (row: number) => {
    const cells = plan.cells.filter((c) => c.row === row && (c.value !== undefined || c.formula));
    return cells.length > 0 && cells.every((c) => c.style === "th");
  };
  while (r < n.range.bottom && onlyTh(r)) r++;
  return r; // the first body row
}

describe("printing the report tables: page breaks (issue 16)", () => {
  for (const [label, report] of [
    ["2021 format", report2021()],
    ["2019 format", report2019()],
    ["seed-like (with the 主动公开 breakdown tables)", seedLikeReport()],
  ] as const) {
    describe(label, () => {
      const wp = renderReport(report);
      const sheet = wp.sheets[0]!;
      const breaks = sheet.print?.rowBreaks ?? [];
      const pages = pagesOf(sheet, breaks);
      const names = wp.names.filter((n) => n.sheet === sheet.name).sort((a, b) => a.range.top - b.range.top);

      it("the plan carries the breaks, ascending, never before the first row", () => {
        assert.deepEqual(breaks, tablePageBreaks(sheet, wp.names));
        assert.deepEqual(
          [...breaks].sort((a, b) => a - b),
          breaks,
        );
        assert.ok(breaks.every((r) => r > 0));
        assert.ok(breaks.length >= 1, "table 三 does not fit on the first page");
      });

      it("no label at the foot of a page: each label prints with its header rows and first row", () => {
        for (const [i, b] of printBlocks(sheet, wp.names).entries()) {
          const first = headerEnd(sheet, names[i]!);
          // The label is the title row above the table, or (二's items) the table's own first row.
          assert.ok(b.start <= names[i]!.range.top);
          for (let r = b.start; r <= first; r++)
            assert.equal(pages[r], pages[b.start], `${names[i]!.name}: row ${r + 1} on another page than its label`);
        }
      });

      it("a table that fits on a page prints on one page", () => {
        for (const [i, b] of printBlocks(sheet, wp.names).entries()) {
          if (span(sheet, b.start, b.end) > LANDSCAPE_A4_PRINT_HEIGHT) continue;
          assert.equal(pages[b.end], pages[b.start], `${names[i]!.name} split across pages`);
        }
      });

      it("a page never breaks inside a merged label that fits on a page", () => {
        for (const m of sheet.merges) {
          if (m.bottom === m.top || span(sheet, m.top, m.bottom) > LANDSCAPE_A4_PRINT_HEIGHT) continue;
          assert.equal(pages[m.bottom], pages[m.top], `merge at row ${m.top + 1} split`);
        }
      });
    });
  }

  it("table 三 is taller than a page, so it breaks inside, after its header rows", () => {
    const wp = renderReport(report2021());
    const sheet = wp.sheets[0]!;
    const s3 = wp.names.find((n) => n.name === TABLE_NAMES.s3)!;
    assert.ok(span(sheet, s3.range.top, s3.range.bottom) > LANDSCAPE_A4_PRINT_HEIGHT);
    const inside = (sheet.print?.rowBreaks ?? []).filter((r) => r > s3.range.top && r <= s3.range.bottom);
    assert.ok(inside.length >= 1);
    assert.ok(inside.every((r) => r > headerEnd(sheet, s3)));
  });

  it("a short page holds less: more breaks, and still no label alone", () => {
    const wp = renderReport(report2021());
    const sheet = wp.sheets[0]!;
    const short = tablePageBreaks(sheet, wp.names, 300);
    assert.ok(short.length > (sheet.print?.rowBreaks ?? []).length);
    const pages = pagesOf(sheet, short, 300);
    for (const [i, b] of printBlocks(sheet, wp.names, 300).entries()) {
      const first = headerEnd(sheet, wp.names[i]!);
      assert.equal(pages[first], pages[b.start], wp.names[i]!.name);
    }
  });
});
