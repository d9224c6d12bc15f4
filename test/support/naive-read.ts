/**
 * The naive way to read a workbook with Office.js, for comparison in benchmarks: one sync per cell
 * (plus one for the sheet list and one per sheet for its used range). Never use this in the add-in.
 */
import type { CellValue, SheetGrid, WorkbookGrid } from "../../src/core/grid";

export async function naiveRead(): Promise<WorkbookGrid> {
  return Excel.run(async (context) => {
    const worksheets = context.workbook.worksheets;
    worksheets.load("items/name");
    await context.sync();
    const sheets: SheetGrid[] = [];
    for (const ws of worksheets.items) {
      const used = ws.getUsedRangeOrNullObject(true);
      used.load("rowIndex,columnIndex,rowCount,columnCount");
      await context.sync();
      const grid: SheetGrid = { name: ws.name, top: 0, left: 0, values: [], formulas: [] };
      sheets.push(grid);
      if (used.isNullObject) continue;
      grid.top = used.rowIndex;
      grid.left = used.columnIndex;
      for (let r = 0; r < used.rowCount; r++) {
        const values: CellValue[] = [];
        const formulas: string[] = [];
        for (let c = 0; c < used.columnCount; c++) {
          const cell = ws.getCell(grid.top + r, grid.left + c);
          cell.load("values,formulas,valueTypes");
          await context.sync();
          const v = cell.values[0]![0];
          const t = cell.valueTypes[0]![0];
          const f = cell.formulas[0]![0];
          values.push(t === "Empty" ? null : t === "Error" ? { error: String(v) } : (v as CellValue));
          formulas.push(typeof f === "string" && f.startsWith("=") && !(t === "String" && f === v) ? f : "");
        }
        grid.values.push(values);
        grid.formulas!.push(formulas);
      }
    }
    return { sheets, source: "current workbook" };
  });
}
