/** Writes an engine grid as a real .xlsx (values, cached formula results, errors, merges, hidden rows). */
import ExcelJS from "exceljs";
import { isCellError, type CellValue, type WorkbookGrid } from "../../src/core/grid";

function excelValue(v: CellValue): ExcelJS.CellValue {
  if (v === null || v === undefined) return null;
  if (isCellError(v)) return { error: v.error } as ExcelJS.CellErrorValue;
  return v;
}

export async function writeGridXlsx(file: string, grid: WorkbookGrid): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (const s of grid.sheets) {
    const ws = wb.addWorksheet(s.name);
    s.values.forEach((row, r) => {
      row.forEach((v, c) => {
        const f = s.formulas?.[r]?.[c];
        if (v === null && !f) return;
        const cell = ws.getCell(s.top + r + 1, s.left + c + 1);
        cell.value = f
          ? ({ formula: f.replace(/^=/, ""), result: excelValue(v) ?? undefined } as ExcelJS.CellFormulaValue)
          : excelValue(v);
      });
    });
    for (const m of s.merges ?? []) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
    for (const r of s.hiddenRows ?? []) ws.getRow(r + 1).hidden = true;
  }
  await wb.xlsx.writeFile(file);
}
