/** Writing figures the user asked for: a suggested fix (after the user confirms), last year's figures into blank cells. */
import { a1, cellAddress, rangeA1, type CellRef, type CellValue } from "../core/grid";
import { HostError } from "./errors";
import { toCells } from "./read";

export interface WriteCellOptions {
  /**
   * What the caller saw in the cell (a number, or null for blank). When given, the cell is read first and
   * nothing is written unless it still holds exactly that value and no formula: HostError "CellChanged".
   */
  expected?: number | null;
}

function describe(v: CellValue, formula: string): string {
  if (formula) return formula;
  if (v === null) return "";
  return typeof v === "object" ? v.error : String(v);
}

export async function writeCellImpl(ref: CellRef, value: number, opts: WriteCellOptions = {}): Promise<void> {
  if (!Number.isFinite(value)) throw new HostError("InvalidValue", `not a finite number: ${String(value)}`);
  const address = cellAddress(ref);
  try {
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem(ref.sheet).getRange(a1(ref.row, ref.col));
      if (opts.expected !== undefined) {
        range.load("values,formulas,valueTypes");
        await context.sync();
        const { values, formulas } = toCells(range.values, range.formulas, range.valueTypes);
        const now = values[0]?.[0] ?? null;
        const formula = formulas[0]?.[0] ?? "";
        if (formula || now !== opts.expected) {
          throw new HostError("CellChanged", `${address} changed`, {
            cell: address,
            found: describe(now, formula),
          });
        }
      }
      range.values = [[value]];
      await context.sync();
    });
  } catch (e) {
    if ((e as { code?: unknown } | null)?.code === "ItemNotFound") {
      throw new HostError("ItemNotFound", `${ref.sheet} not found`, { name: ref.sheet });
    }
    throw e;
  }
}

export interface FillBlankResult {
  /** The cells written (blank when read, now holding the figure). */
  written: CellRef[];
  /** The cells left as they are: they held a figure, text or formula by the time they were read. */
  kept: CellRef[];
}

/**
 * 导入上年数据: last year's figures into the cells of one sheet that are blank, never over anything there (a typed
 * figure, text, a formula). 2 syncs in one Excel.run: read the cells' bounding range (and whether the sheet is
 * protected), then write only the blank ones (all writes in the second sync). Throws ItemNotFound for a missing sheet,
 * HostError "Protected" for a protected sheet before writing anything (Excel applies a batch in order: a locked cell
 * part-way would leave the cells before it written).
 */
export async function fillBlankCellsImpl(
  sheet: string,
  fills: { cell: { row: number; col: number }; value: number }[],
): Promise<FillBlankResult> {
  const out: FillBlankResult = { written: [], kept: [] };
  if (fills.length === 0) return out;
  for (const f of fills)
    if (!Number.isFinite(f.value)) throw new HostError("InvalidValue", `not a finite number: ${String(f.value)}`);
  const top = Math.min(...fills.map((f) => f.cell.row));
  const left = Math.min(...fills.map((f) => f.cell.col));
  const bottom = Math.max(...fills.map((f) => f.cell.row));
  const right = Math.max(...fills.map((f) => f.cell.col));
  try {
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      const range = ws.getRange(rangeA1({ top, left, bottom, right }));
      range.load("values,formulas,valueTypes");
      ws.load("protection/protected");
      await context.sync();
      if (ws.protection.protected)
        throw new HostError("Protected", `worksheet is protected: ${sheet}`, { sheets: sheet });
      const { values, formulas } = toCells(range.values, range.formulas, range.valueTypes);
      for (const f of fills) {
        const { row, col } = f.cell;
        const ref: CellRef = { sheet, row, col };
        const now = values[row - top]?.[col - left] ?? null;
        const formula = formulas[row - top]?.[col - left] ?? "";
        if (now !== null || formula) {
          out.kept.push(ref);
          continue;
        }
        ws.getRange(a1(row, col)).values = [[f.value]];
        out.written.push(ref);
      }
      if (out.written.length > 0) await context.sync();
    });
  } catch (e) {
    if ((e as { code?: unknown } | null)?.code === "ItemNotFound") {
      throw new HostError("ItemNotFound", `${sheet} not found`, { name: sheet });
    }
    throw e;
  }
  return out;
}
