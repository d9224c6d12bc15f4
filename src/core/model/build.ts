/**
 * Build reports from plain figures: used by tests, the built-in example and property tests.
 * Figures without a cell get one on a virtual sheet so that findings can still name a place.
 */
import type { CellRef } from "../grid";
import { cellKey, FORMAT_2019, FORMAT_2021, type FormatDef, type TableDef } from "./format";
import type { Num, Report, TableData } from "./report";

export function emptyTable(def: TableDef): TableData {
  return { def, cells: {}, rowLabels: {}, colLabels: {}, missingRows: [], missingCols: [] };
}

export function num(value: number | null, cell?: CellRef): Num {
  return cell ? { value, cell } : { value };
}

/**
 * Fill a table from figures by row key then column key. With `sheet`, each figure gets a cell at
 * (origin.row + row index, origin.col + column index), as a template lays the table out.
 */
export function fillTable(
  def: TableDef,
  figures: Record<string, Record<string, number | null>>,
  place?: { sheet: string; row: number; col: number },
): TableData {
  const t = emptyTable(def);
  def.rows.forEach((r, ri) => {
    const row = figures[r.key];
    if (!row) return;
    def.cols.forEach((c, ci) => {
      if (!(c.key in row)) return;
      const cell = place ? { sheet: place.sheet, row: place.row + ri, col: place.col + ci } : undefined;
      t.cells[cellKey(r.key, c.key)] = num(row[c.key] ?? null, cell);
    });
  });
  return t;
}

export function emptyReport(format: Report["format"], sheet = "公开数据"): Report {
  return { format, sheet, meta: {}, section2: {}, texts: [], notFound: [], notes: [] };
}

export function formatDef(format: "2021" | "2019"): FormatDef {
  return format === "2021" ? FORMAT_2021 : FORMAT_2019;
}
