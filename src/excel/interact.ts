/** Selection and events: one sync each; event removers run in the context that registered the handler. */
import type { CellRef } from "../core/grid";
import { rangeA1 } from "../core/grid";
import { codeOf, HostError, isEditModeError } from "./errors";
import { multiAreaFailed, multiAreaUsable, toRectangles } from "./write";

export type SheetLifecycleEvent =
  { type: "deleted"; sheet: string } | { type: "renamed"; sheet: string; newName: string };

function notFound(e: unknown, name: string): unknown {
  if ((e as { code?: unknown } | null)?.code === "ItemNotFound") {
    return new HostError("ItemNotFound", `${name} not found`, { name });
  }
  return e;
}

export async function selectCellsImpl(refs: CellRef[]): Promise<void> {
  const first = refs[0];
  if (!first) return;
  const same = refs.filter((r) => r.sheet === first.sheet);
  const addresses = toRectangles(same).map((r) => rangeA1(r));
  const select = (areas: boolean) =>
    Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(first.sheet);
      ws.activate();
      if (areas && Office.context.requirements.isSetSupported("ExcelApi", "1.18")) {
        ws.getRanges(addresses.join(",")).select();
      } else ws.getRange(addresses[0]).select();
      await context.sync();
    });
  const areas =
    addresses.length > 1 &&
    Office.context.requirements.isSetSupported("ExcelApi", "1.18") &&
    multiAreaUsable(addresses.join(","));
  try {
    try {
      await select(areas);
    } catch (e) {
      // getRanges refused the list (a ";" list-separator locale, office-js #1167): select the first area.
      if (!areas || isEditModeError(e) || codeOf(e) === "ItemNotFound") throw e;
      multiAreaFailed();
      await select(false);
    }
  } catch (e) {
    throw notFound(e, first.sheet);
  }
}

/**
 * Remove event handlers; a failure is not the user's concern. Removing a handler whose worksheet was
 * deleted fails (ItemNotFound: the sheet, and with it the handler, is gone), and so does one whose
 * context is no longer valid (the pane reloaded, office-js #194): either way nothing is left to remove.
 */
async function removeHandlers(context: Excel.RequestContext, results: OfficeExtension.EventHandlerResult<unknown>[]) {
  try {
    await Excel.run(context, async (ctx) => {
      for (const r of results) r.remove();
      await ctx.sync();
    });
  } catch (e) {
    console.warn("event handler not removed:", codeOf(e) || e);
  }
}

export async function selectNamedRangeImpl(name: string): Promise<void> {
  try {
    await Excel.run(async (context) => {
      const range = context.workbook.names.getItem(name).getRange();
      range.worksheet.activate();
      range.select();
      await context.sync();
    });
  } catch (e) {
    throw notFound(e, name);
  }
}

/** Run a handler without letting its exception reach Excel's event dispatch. */
function safely(f: () => void): void {
  try {
    f();
  } catch (e) {
    console.error(e);
  }
}

export async function onSheetChangedImpl(
  sheetName: string,
  handler: (addresses: string[]) => void,
): Promise<() => Promise<void>> {
  try {
    return await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheetName);
      const registered = ws.onChanged.add(async (event) => {
        // The add-in's own writes fire onChanged too; ExcelApi 1.14 tells them apart (triggerSource).
        if ((event as { triggerSource?: string }).triggerSource === "ThisLocalAddin") return;
        safely(() => handler(event.address.split(",").map((a) => a.trim())));
      });
      await context.sync();
      return () => removeHandlers(context, [registered]);
    });
  } catch (e) {
    throw notFound(e, sheetName);
  }
}

export async function onSheetDeletedOrRenamedImpl(
  sheetName: string,
  handler: (event: SheetLifecycleEvent) => void,
): Promise<() => Promise<void>> {
  try {
    return await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheetName);
      ws.load("id");
      let id = "";
      let current = sheetName;
      const results: OfficeExtension.EventHandlerResult<unknown>[] = [];
      results.push(
        context.workbook.worksheets.onDeleted.add(async (event) => {
          if (event.worksheetId === id) safely(() => handler({ type: "deleted", sheet: current }));
        }),
      );
      if (Office.context.requirements.isSetSupported("ExcelApi", "1.17")) {
        results.push(
          context.workbook.worksheets.onNameChanged.add(async (event) => {
            if (event.worksheetId !== id) return;
            const before = current;
            current = event.nameAfter;
            safely(() => handler({ type: "renamed", sheet: before, newName: event.nameAfter }));
          }),
        );
      }
      await context.sync();
      id = ws.id;
      return () => removeHandlers(context, results);
    });
  } catch (e) {
    throw notFound(e, sheetName);
  }
}
