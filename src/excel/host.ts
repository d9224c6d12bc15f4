/**
 * The Office.js host: the only code that calls Excel.run. Plain data in, plain data out.
 *
 * Budgets (asserted by test/excel/*.test.ts against the fake Excel, which counts syncs):
 * - loadWorkbookGrid: 1 sync for ordinary workbooks (all sheets, values + formulas + valueTypes).
 * - loadSheetGrid: 1 sync.
 * - applyPlan: 2 syncs (1: look up existing sheets/names; 2: write everything).
 * - insertTemplate: 2 syncs. selectCells / selectNamedRange: 1 sync.
 * - writeCell: 1 sync; 2 with `expected` (read the cell, then write it).
 * - fillBlankCells: 2 syncs (read the cells, then write the blank ones).
 *
 * Every call here has a time limit (./run.ts: HostError "Timeout" frees the pane's queue) and, with
 * `{ background: true }`, waits for the user to leave cell edit mode instead of failing (delayForCellEdit).
 *
 * Implementation in ./read.ts, ./write.ts, ./errors.ts, ./run.ts; this file is the API the task pane uses.
 */
import type { CellRef, SheetGrid, WorkbookGrid } from "../core/grid";
import type { SheetPlan, WorkbookPlan } from "../core/render/plan";
import { loadWorkbookGridImpl, loadSheetGridImpl, type ReadOptions } from "./read";
import { applyPlanImpl, insertTemplateImpl, type ApplyOptions } from "./write";
import { toUserErrorImpl, type UserError } from "./errors";
import { withTimeout, type CallOptions } from "./run";
import { fillBlankCellsImpl, writeCellImpl, type FillBlankResult, type WriteCellOptions } from "./write-cell";
import {
  selectCellsImpl,
  selectNamedRangeImpl,
  onSheetChangedImpl,
  onSheetDeletedOrRenamedImpl,
  type SheetLifecycleEvent,
} from "./interact";

export type {
  ReadOptions,
  ApplyOptions,
  UserError,
  SheetLifecycleEvent,
  WriteCellOptions,
  CallOptions,
  FillBlankResult,
};
export { setHostTimeouts } from "./run";

/** Every worksheet's used range (values, formulas, error values as CellError), in workbook order. */
export function loadWorkbookGrid(opts?: ReadOptions & CallOptions): Promise<WorkbookGrid> {
  return withTimeout(() => loadWorkbookGridImpl(opts), opts);
}

/** One sheet's used range, in one sync. Throws (ItemNotFound) when the sheet does not exist. */
export function loadSheetGrid(name: string, opts?: ReadOptions & CallOptions): Promise<SheetGrid> {
  return withTimeout(() => loadSheetGridImpl(name, opts), opts);
}

/**
 * Write a plan: at most 2 syncs. Only the sheets named in the plan are touched.
 * When a plan sheet already exists and `replace` is not true, nothing is written and a HostError
 * with code "SheetExists" is thrown (the task pane asks the user, then calls again with replace: true).
 */
export function applyPlan(plan: WorkbookPlan | SheetPlan, opts?: ApplyOptions & CallOptions): Promise<void> {
  return withTimeout(() => applyPlanImpl(plan, opts), opts);
}

/**
 * Write one number into one cell (a suggested fix the user confirmed); nothing else changes. 1 sync.
 * With `expected`, the cell is read first (2 syncs) and nothing is written unless it still holds that value
 * (null = blank) and no formula: HostError "CellChanged". A protected sheet fails with Excel's AccessDenied
 * (toUserError: "Protected"); a missing sheet with ItemNotFound. Like every add-in write, it clears Excel's undo stack.
 */
export function writeCell(ref: CellRef, value: number, opts?: WriteCellOptions): Promise<void> {
  return withTimeout(() => writeCellImpl(ref, value, opts));
}

/**
 * 导入上年数据: each figure into its cell of `sheet` where that cell is blank when read; a cell holding anything (a
 * typed figure, text, a formula) is kept as it is. 2 syncs. A protected sheet: HostError "Protected", nothing written.
 */
export function fillBlankCells(
  sheet: string,
  fills: { cell: { row: number; col: number }; value: number }[],
): Promise<FillBlankResult> {
  return withTimeout(() => fillBlankCellsImpl(sheet, fills));
}

/** Activate the first ref's sheet and select its cells (several areas when ExcelApi 1.18 is there, else the first). */
export function selectCells(refs: CellRef[]): Promise<void> {
  return withTimeout(() => selectCellsImpl(refs));
}

/** Activate and select a workbook-level named range. Throws ItemNotFound when the name does not exist. */
export function selectNamedRange(name: string): Promise<void> {
  return withTimeout(() => selectNamedRangeImpl(name));
}

/** Add the template as a new sheet (公开数据, or 公开数据 (2) when taken) and activate it. Returns the sheet name used. */
export function insertTemplate(plan: SheetPlan): Promise<string> {
  return withTimeout(() => insertTemplateImpl(plan));
}

/**
 * Call `handler` with the changed addresses ("B5", "B5:C7") whenever the sheet changes.
 * Resolves to an async remover (removes the handler in the context that registered it).
 */
export function onSheetChanged(
  sheetName: string,
  handler: (addresses: string[]) => void,
): Promise<() => Promise<void>> {
  return withTimeout(() => onSheetChangedImpl(sheetName, handler));
}

/**
 * Call `handler` when the sheet is deleted (ExcelApi 1.7) or renamed (ExcelApi 1.17, when supported).
 * Resolves to an async remover.
 */
export function onSheetDeletedOrRenamed(
  sheetName: string,
  handler: (event: SheetLifecycleEvent) => void,
): Promise<() => Promise<void>> {
  return withTimeout(() => onSheetDeletedOrRenamedImpl(sheetName, handler));
}

/** A value stored in the workbook's add-in settings (Office.context.document.settings). */
export function loadSettings<T>(key: string): T | undefined {
  const v = Office.context.document.settings.get(key) as T | null | undefined;
  return v === null || v === undefined ? undefined : v;
}

/** Store a value in the workbook's add-in settings and save them (saved with the workbook). */
export function saveSettings(key: string, value: unknown): Promise<void> {
  const settings = Office.context.document.settings;
  settings.set(key, value);
  return withTimeout(
    () =>
      new Promise<void>((resolve, reject) => {
        settings.saveAsync((result) => {
          if (result.status === Office.AsyncResultStatus.Failed) reject(result.error);
          else resolve();
        });
      }),
  );
}

/** Map any error from the functions above to a code with data (the pane words it: i18n.ts hostMessage). */
export function toUserError(e: unknown): UserError {
  return toUserErrorImpl(e);
}

/** Whether the running Excel supports ExcelApi 1.minor (e.g. 7 for 1.7). */
export function supportsExcelApi(minor: number): boolean {
  return Office.context.requirements.isSetSupported("ExcelApi", `1.${minor}`);
}
