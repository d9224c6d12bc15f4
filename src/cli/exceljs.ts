/**
 * ExcelJS, loaded the first time a command needs it (writing a workbook, or reading one the fast reader does not
 * know): it takes ~0.3 s to load, which a check of ordinary workbooks, and every folder worker thread, never pays.
 */
import type * as ExcelJSModule from "exceljs";

let loaded: typeof ExcelJSModule | undefined;

export function excelJs(): typeof ExcelJSModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loaded ??= require("exceljs") as typeof ExcelJSModule;
  return loaded;
}
