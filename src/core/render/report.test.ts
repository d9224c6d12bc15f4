import { strict as assert } from "node:assert";
import { a1, cellAddress, parseA1, type SheetGrid } from "../grid";
import { cellKey, FORMAT_2021, S3_HEADER_NOTE } from "../model/format";
import type { Report } from "../model/report";
import type { Paragraph } from "../narrative";
import { readWorkbook } from "../read";
import { shareFormula, shareSet } from "../shares";
import type { PlanCell, SheetPlan, WorkbookPlan } from "./plan";
import {
  detectEditedCells,
  hashText,
  LARGEST_REMAINDER_NOTE,
  planToGrid,
  readGenerationRecord,
  renderReport,
  RECORD_SHEET,
  TABLE_NAMES,
  templateCells,
  templateForReport,
} from "./index";
import { columnPixels, paragraphCellText, tableColumnWidths, textLineChars } from "./report";
import { resolveSettings } from "./settings";
import { breakdown, report2019, report2021, seedLikeReport } from "./samples.testutil";

const PARAS: Paragraph[] = [
  { id: "title", kind: "title", text: "2021年政府信息公开工作年度报告" },
  { id: "h1", kind: "heading", text: "一、总体情况" },
  { id: "formula-like", kind: "body", text: "=SUM(A1:A2) 不是公式" },
  { id: "plus", kind: "body", text: "+86 0825-2311357" },
  { id: "at", kind: "note", text: "@注" },
];

function at(plan: SheetPlan, row: number, col: number): PlanCell | undefined {
  return plan.cells.find((c) => c.row === row && c.col === col);
}
/** A cell by its text; line breaks inserted into a header do not count. */
function find(plan: SheetPlan, value: string): PlanCell {
  const c = plan.cells.find((x) => typeof x.value === "string" && x.value.replace(/\n/g, "") === value);
  assert.ok(c, `"${value}" printed`);
  return c;
}
function sheet(wp: WorkbookPlan, name: string): SheetPlan {
  const s = wp.sheets.find((x) => x.name === name);
  assert.ok(s, name);
  return s;
}

function bound(source: Report) {
  const { plan: counts, report } = templateForReport(source);
  return { counts, report, cells: templateCells(counts), wp: renderReport(report, {}, PARAS) };
}

describe("render/report: 报告表格 and 报告正文", () => {
  const { counts, report, wp } = bound(report2021());
  const tables = sheet(wp, "报告表格");

  it("refers every figure formula to an input cell of the counts sheet holding that figure", () => {
    const countsGrid = planToGrid(counts);
    const refs = tables.cells.filter((c) => c.formula && /公开数据!/.test(c.formula));
    assert.equal(refs.length, 10 + 24 * 6 + 12, "every figure of 二, 三 (not （七）总计 or the 总计 column) and 四");
    const byAddress = new Map<string, number | null>();
    for (const t of [...Object.values(report.section2), report.section3!, report.section4!])
      for (const n of Object.values(t.cells)) byAddress.set(cellAddress(n.cell!), n.value);
    for (const c of refs) {
      const m = /^=公开数据!([A-Z]+[0-9]+)$/.exec(c.formula!);
      assert.ok(m, c.formula);
      const p = parseA1(m[1]!)!;
      const target = counts.cells.find((x) => x.row === p.row && x.col === p.col);
      assert.ok(target && counts.styles[target.style!]?.input, `${c.formula} points at an input cell`);
      assert.ok(byAddress.has(`公开数据!${m[1]}`), `${c.formula} is a bound figure`);
      assert.equal(countsGrid.values[p.row]![p.col], byAddress.get(`公开数据!${m[1]}`));
    }
  });

  it("prints section 三 with verbatim labels, the merged 3x3 note and live totals", () => {
    const note = find(tables, S3_HEADER_NOTE);
    assert.ok(
      tables.merges.some((m) => m.top === note.row && m.left === 0 && m.bottom === note.row + 2 && m.right === 2),
    );
    const first = note.row + 3;
    const def = FORMAT_2021.section3;
    const rowOf = (key: string) => first + def.rows.findIndex((r) => r.key === key);
    def.rows.forEach((r, i) => {
      const rowTexts = tables.cells.filter((c) => c.row === first + i && c.col <= 2).map((c) => c.value);
      assert.ok(rowTexts.includes(r.label), `row ${r.key}: ${r.label}`);
      // 总计 column: SUM of the six applicant columns of the same row.
      assert.equal(at(tables, first + i, 9)?.formula, `=SUM(D${first + i + 1}:I${first + i + 1})`);
    });
    const outcomeRows = def.rows.filter((r) => r.outcome).map((r) => rowOf(r.key));
    for (let col = 3; col < 9; col++) {
      assert.equal(
        at(tables, rowOf("handled"), col)?.formula,
        `=SUM(${a1(Math.min(...outcomeRows), col)}:${a1(Math.max(...outcomeRows), col)})`,
      );
    }
    assert.equal(Math.max(...outcomeRows) - Math.min(...outcomeRows) + 1, 21);
    // Figure cells refer to the cells of their own row/column key.
    const carried = report.section3!.cells[cellKey("carried", "legal")]!.cell!;
    assert.equal(at(tables, rowOf("carried"), 7)?.formula, `=${cellAddress(carried)}`);
  });

  it("prints section 四 with three header rows and 总计 as the SUM of its four", () => {
    const top = find(tables, "行政复议");
    assert.equal(top.col, 3);
    const row = top.row + 3;
    for (let g = 0; g < 3; g++) {
      const col = 3 + g * 5 + 4;
      assert.equal(at(tables, row, col)?.formula, `=SUM(${a1(row, col - 4)}:${a1(row, col - 1)})`);
      assert.equal(at(tables, top.row + 2, col)?.value ?? at(tables, top.row + 1, col)?.value, "总计");
    }
    assert.ok(tables.merges.some((m) => m.top === top.row && m.left === 3 && m.right === 7));
    assert.ok(tables.merges.some((m) => m.top === top.row && m.left === 8 && m.right === 17));
  });

  it("shares the outcome groups of （七）总计 with the exact rounding formula", () => {
    const title = find(tables, "依申请公开办理结果分类情况");
    const header = title.row + 1;
    const totalRow = header + 7;
    assert.equal(at(tables, totalRow, 0)?.value, "（七）总计");
    for (let i = 1; i <= 6; i++) {
      const r = header + i;
      assert.match(at(tables, r, 3)!.formula!, /^=SUM\(J\d+:J\d+\)$/);
      assert.equal(at(tables, r, 4)?.formula, shareFormula(a1(r, 3), a1(totalRow, 3), 2, "half-up"));
      assert.equal(tables.styles[at(tables, r, 4)!.style!]?.numberFormat, "0.00%");
    }
    assert.equal(at(tables, header + 1, 0)?.value, "（一）予以公开");
    // （三）不予公开 sums exactly its 8 items.
    const m = /^=SUM\(J(\d+):J(\d+)\)$/.exec(at(tables, header + 3, 3)!.formula!)!;
    assert.equal(Number(m[2]) - Number(m[1]) + 1, 8);
  });

  it("honours decimals and the tie rule in share formulas", () => {
    const wp3 = renderReport(
      seedLikeReport(),
      { rounding: { decimals: 3, rounding: "half-even", largestRemainder: false } },
      PARAS,
    );
    const t = sheet(wp3, "报告表格");
    const shares = t.cells.filter((c) => c.formula?.startsWith("=IF("));
    assert.ok(shares.length >= 9);
    for (const c of shares) {
      assert.match(c.formula!, /\*100000,/);
      assert.match(c.formula!, /MOD\(QUOTIENT/, "half-even looks at the parity of the quotient");
      assert.equal(t.styles[c.style!]?.numberFormat, "0.000%");
    }
  });

  it("writes largest-remainder shares as values with the visible note", () => {
    const src = seedLikeReport();
    const wpL = renderReport(src, { rounding: { decimals: 0, rounding: "half-up", largestRemainder: true } }, PARAS);
    const t = sheet(wpL, "报告表格");
    const title = find(t, "主动公开政府信息分类情况");
    const counts = src.proactive!.categories.map((c) => c.count.value!);
    const set = shareSet(counts, { decimals: 0, rounding: "half-up", largestRemainder: true });
    counts.forEach((_, i) => {
      const c = at(t, title.row + 2 + i, 4)!;
      assert.equal(c.formula, undefined);
      assert.equal(c.value, set.units[i]! / 100);
    });
    assert.equal(set.sumUnits, 100);
    assert.ok(t.cells.some((c) => c.value === LARGEST_REMAINDER_NOTE));
    // Not in the default mode.
    assert.ok(!tables.cells.some((c) => c.value === LARGEST_REMAINDER_NOTE));
  });

  it("uses the 公文 look: borders, 仿宋, sizes, number format 0, no fills", () => {
    for (const c of tables.cells) {
      const st = tables.styles[c.style!]!;
      assert.ok(st, `cell ${a1(c.row, c.col)} styled`);
      assert.equal(st.fill, undefined);
      assert.equal(st.font?.name, "仿宋");
      if (c.formula && /公开数据!|SUM/.test(c.formula)) {
        assert.ok(st.border);
        assert.ok(st.numberFormat === "0" || st.numberFormat === "General");
      }
    }
    assert.equal(tables.styles["title"]!.font!.size, 12);
    assert.equal(tables.styles["title"]!.font!.bold, true);
    assert.equal(tables.styles["num"]!.font!.size, 10.5);
    assert.equal(tables.print?.paper, "A4");
    assert.equal(tables.print?.orientation, "landscape");
    const custom = renderReport(report, { fonts: { name: "宋体", titleSize: 14, bodySize: 12 } }, PARAS);
    assert.equal(sheet(custom, "报告表格").styles["num"]!.font!.name, "宋体");
  });

  it("names each table with a valid Excel name covering its cells", () => {
    const names = wp.names.map((n) => n.name);
    for (const k of ["s3", "s4", "outcomes"] as const) assert.ok(names.includes(TABLE_NAMES[k]), k);
    assert.ok(names.includes("表_二_第一项"));
    for (const n of wp.names) {
      assert.match(n.name, /^[\p{L}_][\p{L}\p{N}_.]*$/u);
      assert.ok(!/^[A-Za-z]{1,3}\d+$/.test(n.name));
      assert.equal(n.sheet, "报告表格");
      assert.ok(n.title.length > 0);
      const inside = tables.cells.filter(
        (c) => c.row >= n.range.top && c.row <= n.range.bottom && c.col >= n.range.left && c.col <= n.range.right,
      );
      assert.ok(
        inside.every((c) => tables.styles[c.style!]?.border),
        `${n.name}: every cell bordered`,
      );
    }
    const s3 = wp.names.find((n) => n.name === TABLE_NAMES.s3)!;
    assert.equal(s3.range.bottom - s3.range.top + 1, 3 + 25);
  });

  it("renders the 2019 format's tables and a figure without a cell as its value", () => {
    const src = report2019();
    src.section2["s2.item1"]!.cells[cellKey("rules", "totalPublic")] = { value: 3 };
    const wp19 = renderReport(src, {}, PARAS);
    const t = sheet(wp19, "报告表格");
    find(t, "本年新制作数量");
    find(t, "政府集中采购");
    const other = find(t, "（六）其他处理");
    assert.ok(
      t.merges.some((m) => m.top === other.row && m.left === 1 && m.right === 2),
      "（六） one row",
    );
    const rules = find(t, "规章");
    assert.equal(at(t, rules.row, 5)?.value, 3);
  });

  it("writes the narrative as strings, one paragraph a row, and records their hashes", () => {
    const text = sheet(wp, "报告正文");
    PARAS.forEach((p, i) => {
      const c = at(text, i, 0)!;
      // Body and notes start with the two-character indent; titles and headings as they are.
      assert.equal(c.value, p.kind === "body" || p.kind === "note" ? "\u3000\u3000" + p.text : p.text);
      assert.equal(c.value, paragraphCellText(p));
      assert.doesNotMatch(String(c.value), /^[=+\-@]/);
      assert.equal(c.formula, undefined);
    });
    assert.ok(text.columnWidths[0]! >= 60);
    const rec = sheet(wp, RECORD_SHEET);
    assert.equal(rec.hidden, true);
    const record = readGenerationRecord(planToGrid(rec))!;
    assert.equal(record.entries.length, PARAS.length);
    assert.equal(record.entries[2]!.hash, hashText(String(at(text, 2, 0)!.value)));
    assert.equal(record.entries[2]!.cell.sheet, "报告正文");
  });

  it("sets the text sheet as a 公文: 宋体 22 pt bold title, 黑体 16 pt headings, 仿宋 16 pt body", () => {
    const text = sheet(wp, "报告正文");
    const style = (row: number) => text.styles[at(text, row, 0)!.style!]!;
    assert.deepEqual(style(0).font, { name: "宋体", size: 22, bold: true });
    assert.equal(style(0).horizontal, "center");
    assert.deepEqual(style(1).font, { name: "黑体", size: 16 });
    assert.deepEqual(style(2).font, { name: "仿宋", size: 16 });
    assert.deepEqual(style(4).font, { name: "仿宋", size: 16 });
    // The settings keep their say: the body follows the table font, and every text font can be set.
    const custom = renderReport(
      report,
      { fonts: { name: "仿宋_GB2312", titleSize: 12, bodySize: 10.5 }, textFonts: { titleName: "方正小标宋简体" } },
      PARAS,
    );
    const ct = sheet(custom, "报告正文");
    assert.equal(ct.styles["p-body"]!.font!.name, "仿宋_GB2312");
    assert.equal(ct.styles["p-title"]!.font!.name, "方正小标宋简体");
  });

  it("sizes each paragraph's row by its lines of 三号 in the text column, the same height per line", () => {
    const perRow = textLineChars(16);
    assert.ok(perRow >= 20 && perRow <= 28, `${perRow} characters a line`);
    const lines = [1, 2, 5, 12];
    const paras: Paragraph[] = lines.map((n, i) => ({
      id: `p${i}`,
      kind: "body",
      // n full lines including the two-character indent.
      text: "政".repeat(n * perRow - 2),
    }));
    const text = sheet(renderReport(report, {}, paras), "报告正文");
    const h = lines.map((_, i) => text.rowHeights![i]!);
    const perLine = (h[3]! - h[0]!) / (12 - 1);
    assert.ok(perLine >= 16 * 1.25 && perLine <= 16 * 1.5, `line height ${perLine}`);
    lines.forEach((n, i) => assert.ok(Math.abs(h[i]! - h[0]! - (n - 1) * perLine) <= 1, `row ${i}: ${h[i]}`));
    // One character more starts a new line.
    const longer = sheet(
      renderReport(report, {}, [{ id: "x", kind: "body", text: "政".repeat(2 * perRow - 1) }]),
      "报告正文",
    );
    assert.ok(longer.rowHeights![0]! > h[1]!);
  });

  it("breaks a title longer than a line before its year", () => {
    const title = (text: string) => paragraphCellText({ id: "title", kind: "title", text });
    assert.equal(title("2021年政府信息公开工作年度报告"), "2021年政府信息公开工作年度报告");
    assert.equal(title("某某局2021年政府信息公开工作年度报告"), "某某局\n2021年政府信息公开工作年度报告");
    assert.equal(
      title("某某市某某区某某局2021年政府信息公开工作年度报告"),
      "某某市某某区某某局\n2021年政府信息公开工作年度报告",
    );
    const text = sheet(
      renderReport(report, {}, [
        { id: "title", kind: "title", text: "某某市某某区某某局2021年政府信息公开工作年度报告" },
      ]),
      "报告正文",
    );
    const one = sheet(renderReport(report, {}, [{ id: "title", kind: "title", text: "某某局" }]), "报告正文");
    assert.ok(text.rowHeights![0]! > one.rowHeights![0]! + 22, "two lines of 22 pt");
  });

  /** Width in pixels at 96 dpi of the columns of a named table (7w+5 a column). */
  function tablePixels(plan: SheetPlan, range: { left: number; right: number }): number {
    let px = 0;
    for (let c = range.left; c <= range.right; c++) px += columnPixels(plan.columnWidths[c]!);
    return px;
  }
  /** A4 text width at 96 dpi (37.8 px/cm): 15.6 cm portrait, 24.7 cm landscape. */
  const PORTRAIT_PX = 590;
  const LANDSCAPE_PX = 930;

  it("sizes the tables to paste into Word within the page: 四 landscape A4, every other table portrait", () => {
    assert.ok(wp.names.length >= 7);
    for (const n of wp.names) {
      const px = tablePixels(tables, n.range);
      const page = n.name === TABLE_NAMES.s4 ? LANDSCAPE_PX : PORTRAIT_PX;
      assert.ok(px <= page, `${n.name}: ${px} px > ${page} px`);
    }
    // The whole sheet prints landscape at (almost) full size: fit-to-width shrinks it to at least 95%.
    assert.equal(tables.print?.orientation, "landscape");
    assert.ok(LANDSCAPE_PX / tablePixels(tables, { left: 0, right: 17 }) >= 0.95);
    // Figures: six digits in every figure column; "100.00%" in the share column.
    for (let c = 3; c <= 17; c++) assert.ok(tables.columnWidths[c]! >= 6, `column ${c}`);
    assert.ok(tables.columnWidths[4]! >= "100.00%".length);
    // Not narrower than it needs: table 三 uses most of the portrait width.
    assert.ok(tablePixels(tables, wp.names.find((n) => n.name === TABLE_NAMES.s3)!.range) > PORTRAIT_PX * 0.85);
  });

  it("scales the widths with the table font size", () => {
    const base = tableColumnWidths(resolveSettings());
    const big = tableColumnWidths(resolveSettings({ fonts: { name: "仿宋", titleSize: 14, bodySize: 12 } }));
    for (const c of Object.keys(base).map(Number)) {
      assert.ok(big[c]! > base[c]!, `column ${c}`);
      assert.ok(Math.abs(big[c]! / base[c]! - 12 / 10.5) < 0.1, `column ${c}: ${big[c]} / ${base[c]}`);
    }
    const wpBig = renderReport(report, { fonts: { name: "仿宋", titleSize: 14, bodySize: 12 } }, PARAS);
    assert.deepEqual(sheet(wpBig, "报告表格").columnWidths[2], big[2]);
  });

  it("widens an amount column to show a large amount in full", () => {
    const src = report2021();
    src.section2["s2.item8"]!.cells[cellKey("fees", "amount")] = { value: 123456.78 };
    const t = sheet(renderReport(src, {}, PARAS), "报告表格");
    assert.ok(t.columnWidths[3]! >= "123456.78".length);
  });

  it("writes column headers verbatim without line breaks (they wrap by column width), rows high enough", () => {
    const labels = new Set<string>([
      ...FORMAT_2021.section2.flatMap((d) => d.cols.map((c) => c.label)),
      ...FORMAT_2021.section3.cols.map((c) => c.label),
      ...FORMAT_2021.section4.cols.map((c) => c.label),
    ]);
    // A line break in a cell pastes into Word as a paragraph mark inside the header.
    for (const c of tables.cells) assert.ok(typeof c.value !== "string" || !c.value.includes("\n"), JSON.stringify(c));
    let wrapped = 0;
    for (const c of tables.cells) {
      if (typeof c.value !== "string" || !labels.has(c.value) || tables.styles[c.style!]?.wrap !== true) continue;
      const size = tables.styles[c.style!]!.font!.size!;
      const m = tables.merges.find((x) => x.top === c.row && x.left === c.col);
      let width = 0;
      for (let col = c.col; col <= (m?.right ?? c.col); col++) width += tables.columnWidths[col]!;
      // Lines the text wraps to at this width (two units a CJK character, one of padding).
      const perLine = Math.floor(((width * 11) / size - 1) / 2);
      const lines = Math.ceil(c.value.length / perLine);
      if (lines > 1) wrapped++;
      let h = 0;
      for (let r = c.row; r <= (m?.bottom ?? c.row); r++) h += tables.rowHeights?.[r] ?? 15;
      assert.ok(h >= lines * size * 1.3, `${c.value}: ${lines} lines in ${h} pt`);
    }
    assert.ok(wrapped >= 10, String(wrapped));
    assert.ok(find(tables, "社会公益组织"));
    assert.ok(find(tables, "本年制发件数"));
    assert.ok(tables.cells.some((c) => c.value === "结果维持"));
  });

  it("the reader reads a generated table sheet's headers as the labels", () => {
    // Named explicitly: without a name the reader skips generated sheets (never a second report).
    const read = readWorkbook({ sheets: [planToGrid(tables)] }, { sheet: tables.name });
    assert.ok(read.ok, read.ok ? "" : read.error.message.en);
    assert.equal(read.report.section3?.def.cols.length, 7);
  });

  it("writes a figure typed as text as IFERROR(--cell, the engine's reading): live once corrected", () => {
    const src = report2021();
    const { report: bound2 } = templateForReport(src);
    const n = bound2.section3!.cells[cellKey("open", "natural")]!;
    bound2.section3!.cells[cellKey("open", "natural")] = { ...n, value: 6, text: "6件", issue: "text" };
    const bad = bound2.section3!.cells[cellKey("open", "legal")]!;
    bound2.section3!.cells[cellKey("open", "legal")] = { ...bad, value: null, text: "#REF!", issue: "error-value" };
    const t = sheet(renderReport(bound2, {}, PARAS), "报告表格");
    const formulas = t.cells.filter((c) => c.formula?.startsWith("=IFERROR("));
    assert.deepEqual(
      formulas.map((c) => c.formula),
      [`=IFERROR(--${cellAddress(n.cell!)},6)`],
    );
    // Unreadable: its value (blank), no formula.
    assert.ok(!t.cells.some((c) => c.formula?.includes(cellAddress(bad.cell!))));
  });

  it("detectEditedCells finds exactly the paragraphs the user changed", () => {
    const record = readGenerationRecord(planToGrid(sheet(wp, RECORD_SHEET)))!;
    const grid: SheetGrid = planToGrid(sheet(wp, "报告正文"));
    assert.deepEqual(detectEditedCells(record, grid), []);
    grid.values[3]![0] = "+86 0825-2311358";
    grid.values[1]![0] = null;
    const edited = detectEditedCells(record, { sheets: [grid] });
    assert.deepEqual(
      edited.map((e) => [e.address, e.id]),
      [
        ["报告正文!A2", "h1"],
        ["报告正文!A4", "plus"],
      ],
    );
    assert.equal(detectEditedCells(record, { sheets: [] }).length, PARAS.length);
    assert.notEqual(hashText("a"), hashText("b"));
  });

  it("adds a table for the proactive categories and their sub-breakdown", () => {
    const src = seedLikeReport();
    const t = sheet(renderReport(src, {}, PARAS), "报告表格");
    const title = find(t, "主动公开政府信息分类情况");
    src.proactive!.categories.forEach((c, i) => assert.equal(at(t, title.row + 2 + i, 0)?.value, c.name));
    const total = title.row + 2 + 8;
    assert.equal(at(t, total, 0)?.value, "合计");
    assert.equal(at(t, total, 3)?.formula, `=SUM(D${title.row + 3}:D${total})`);
    find(t, "重点领域信息分类情况");
    // Free-form reports have no 二/三/四 tables.
    assert.ok(!t.cells.some((c) => c.value === S3_HEADER_NOTE));
    // A category with no cell gets its value.
    const r = renderReport(
      {
        ...src,
        proactive: breakdown("x", [
          ["甲", 5],
          ["乙", 3],
        ]),
      },
      {},
      PARAS,
    );
    const t2 = sheet(r, "报告表格");
    assert.equal(at(t2, find(t2, "甲").row, 3)?.value, 5);
  });
});
