/**
 * How the host enters Excel: Excel.run with the right options, and a time limit on every call.
 *
 * Cell edit mode. While the user types in a cell, Excel fails any batch with InvalidOperationInCellEditMode,
 * unless the batch was started with `Excel.run({ delayForCellEdit: true }, ...)`: then Excel holds it until
 * the user leaves the cell (docs: Excel.RunOptions.delayForCellEdit, "Delay execution while cell is being
 * edited"). Office.js sends the flag only where the host has the DelayForCellEdit requirement set
 * (excel-web-16.00.debug.js, onBeforeExcelRun); elsewhere (Excel 2019) the batch still fails, and the pane
 * retries. Background work (the re-check and auto-update that follow an edit) asks to be delayed; a user's
 * own click does not: it fails at once and the pane says "请先结束单元格编辑（按 Enter 或 Esc）".
 *
 * Time limit. A `context.sync()` can stay unanswered in Excel on the web (a lost connection, a busy
 * service); the pane runs one action at a time, so one hung call would freeze it. Every host call is
 * given HOST_TIMEOUT_MS; past that it rejects with HostError "Timeout" (the pane tells the user and runs
 * the next action). A delayed background batch waits for the user's edit, so it gets the longer
 * BACKGROUND_TIMEOUT_MS. Excel may still finish the abandoned batch later: every host call is safe to
 * repeat (reads, or writes that write the same thing again).
 */
import { HostError } from "./errors";

export interface CallOptions {
  /** Started by the pane itself after an edit, not by a click: wait for the user to leave the cell. */
  background?: boolean;
}

export const HOST_TIMEOUT_MS = 60_000;
export const BACKGROUND_TIMEOUT_MS = 180_000;

let limits = { user: HOST_TIMEOUT_MS, background: BACKGROUND_TIMEOUT_MS };

/** For tests: shorter limits (restore with no argument). */
export function setHostTimeouts(next?: { user: number; background?: number }): void {
  limits = next
    ? { user: next.user, background: next.background ?? next.user }
    : { user: HOST_TIMEOUT_MS, background: BACKGROUND_TIMEOUT_MS };
}

/** Excel.run with delayForCellEdit for background work. */
export function excelRun<T>(opts: CallOptions | undefined, batch: (context: Excel.RequestContext) => Promise<T>) {
  return Excel.run({ delayForCellEdit: opts?.background === true }, batch);
}

/** `work` settles as it does, or rejects with HostError "Timeout" once the limit passes. */
export function withTimeout<T>(work: () => Promise<T>, opts?: CallOptions): Promise<T> {
  const ms = opts?.background ? limits.background : limits.user;
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new HostError("Timeout", `Excel did not answer within ${ms} ms`, { seconds: Math.round(ms / 1000) }));
    }, ms);
    const done = (): void => clearTimeout(timer);
    let p: Promise<T>;
    try {
      p = work();
    } catch (e) {
      done();
      reject(e);
      return;
    }
    p.then(
      (v) => {
        done();
        resolve(v);
      },
      (e: unknown) => {
        done();
        reject(e);
      },
    );
  });
}
