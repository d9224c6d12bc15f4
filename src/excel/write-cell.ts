/** Writing one figure: the task pane's "apply a suggested fix", only ever after the user confirms. */
import { a1, cellAddress, type CellRef, type CellValue } from "../core/grid";
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
