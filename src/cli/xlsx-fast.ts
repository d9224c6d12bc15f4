/**
 * The CLI's fast .xlsx reader: the shared reader (src/xlsx/read.ts) under the CLI's limits, unzipping with Node's
 * zlib. Throws XlsxReadError for a zip too large or whose sizes lie, or a workbook with too many cells; anything
 * else it cannot make sense of throws too, and the caller falls back on ExcelJS.
 */
import type { WorkbookGrid } from "../core/grid";
import { readXlsxGrid } from "../xlsx/read";
import { checkCellCount, checkSheetArea, unzipGuarded } from "./limits";

export function readXlsxFast(bytes: Uint8Array, source?: string): WorkbookGrid {
  const file = source ?? "workbook.xlsx";
  return readXlsxGrid(
    bytes,
    {
      unzip: (b, wanted) => unzipGuarded(b, file, wanted),
      cells: (n) => checkCellCount(n, file),
      area: (sheet, range, area) => checkSheetArea(sheet, range, area, file),
    },
    source,
  );
}
