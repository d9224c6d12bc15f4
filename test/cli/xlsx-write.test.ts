/** applyPlan with ExcelJS: what lands in the file (written and read back, no LibreOffice needed). */
import { strict as assert } from "node:assert";
import ExcelJS from "exceljs";
import { applyPlan } from "../../src/cli/xlsx-write";
import { renderReport, templateCells, templateForReport, templatePlan } from "../../src/core/render";
import type { Paragraph } from "../../src/core/narrative";
import { paragraphCellText } from "../../src/core/render/report";
import { report2021 } from "../../src/core/render/samples.testutil";

async function roundTrip(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const buf = await wb.xlsx.writeBuffer();
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(buf as ArrayBuffer);
  return back;
}

const PARAS: Paragraph[] = [
  { id: "a", kind: "body", text: "=SUM(1,2)" },
  { id: "b", kind: "body", text: "+1" },
  { id: "c", kind: "body", text: "-1" },
  { id: "d", kind: "body", text: "@x" },
];

describe("cli/xlsx-write: applyPlan with ExcelJS", () => {
  it("writes formulas without cached results and strings starting with = + - @ as strings", async () => {
    const { plan, report } = templateForReport(report2021());
    const wb = new ExcelJS.Workbook();
    applyPlan(wb, plan);
    applyPlan(wb, renderReport(report, {}, PARAS));
    const back = await roundTrip(wb);
    const text = back.getWorksheet("报告正文")!;
    PARAS.forEach((p, i) => {
      const c = text.getCell(i + 1, 1);
      assert.equal(c.formula, undefined);
      // As the text sheet writes it (body indented by two full-width spaces).
      assert.equal(c.value, paragraphCellText(p));
      assert.equal(c.type, ExcelJS.ValueType.String);
    });
    const tables = back.getWorksheet("报告表格")!;
    let formulas = 0;
    tables.eachRow((row) =>
      row.eachCell((c) => {
        if (c.formula) {
          formulas++;
          assert.equal(c.result, undefined);
        }
      }),
    );
    assert.ok(formulas > 150);
  });

  it("writes styles, merges, widths, validations, names, print setup, freeze panes and hidden sheets", async () => {
    const plan = templatePlan({ year: 2024 });
    const cells = templateCells(plan);
    const { report } = templateForReport(report2021());
    const wb = new ExcelJS.Workbook();
    applyPlan(wb, plan);
    applyPlan(wb, renderReport(report, {}, PARAS));
    const back = await roundTrip(wb);
    const counts = back.getWorksheet("公开数据")!;
    const at = cells.tables["s3"]!.cells["new|natural"]!;
    const input = counts.getCell(at.row + 1, at.col + 1);
    assert.equal(input.protection?.locked, false);
    assert.equal((input.fill as ExcelJS.FillPattern).fgColor?.argb, "FFFFF2CC");
    assert.equal(input.dataValidation?.type, "whole");
    assert.equal(input.dataValidation?.operator, "greaterThanOrEqual");
    const scope = counts.getCell(cells.meta.scope.row + 1, cells.meta.scope.col + 1);
    assert.deepEqual(scope.dataValidation?.formulae, ['"本机关,本级政府"']);
    assert.equal(counts.views[0]?.state, "frozen");
    assert.equal((counts.views[0] as ExcelJS.WorksheetViewFrozen).ySplit, 2);
    assert.ok(counts.getCell("A1").isMerged);
    const tables = back.getWorksheet("报告表格")!;
    assert.equal(tables.pageSetup.paperSize, 9);
    assert.equal(tables.pageSetup.orientation, "landscape");
    assert.equal(tables.pageSetup.fitToWidth, 1);
    // Widths as planned; table 三 (A..J) pastes into Word within A4 portrait text width (590 px at 7w+5 a column).
    const planned = renderReport(report, {}, PARAS).sheets[0]!.columnWidths;
    let px = 0;
    for (let c = 1; c <= 10; c++) {
      assert.equal(tables.getColumn(c).width, planned[c - 1]);
      px += 7 * tables.getColumn(c).width! + 5;
    }
    assert.ok(px <= 590 && px > 400, String(px));
    const c = tables.getCell("D7");
    assert.equal(c.font?.name, "仿宋");
    assert.equal(c.border?.top?.style, "thin");
    assert.equal(back.getWorksheet("_报告生成记录")!.state, "hidden");
    const names = back.definedNames.model.map((n) => n.name);
    assert.ok(names.includes("表_三_申请情况"), names.join(","));
  });

  it("replaces a sheet of the same name in place when regenerating, with fresh names", async () => {
    const { plan, report } = templateForReport(report2021());
    const wb = new ExcelJS.Workbook();
    applyPlan(wb, plan);
    applyPlan(wb, renderReport(report, {}, PARAS));
    wb.addWorksheet("用户自己的表");
    applyPlan(wb, renderReport(report, {}, [{ id: "x", kind: "body", text: "新的正文" }]));
    const back = await roundTrip(wb);
    assert.deepEqual(
      back.worksheets.map((w) => w.name),
      ["公开数据", "报告表格", "报告正文", "_报告生成记录", "用户自己的表"],
    );
    assert.equal(back.getWorksheet("报告正文")!.getCell("A1").value, "\u3000\u3000新的正文");
    assert.equal(back.getWorksheet("报告正文")!.getCell("A2").value, null);
    const s3 = back.definedNames.model.filter((n) => n.name === "表_三_申请情况");
    assert.equal(s3.length, 1);
    assert.equal(s3[0]!.ranges.length, 1);
  });
});
