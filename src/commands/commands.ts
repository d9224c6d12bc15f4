/*
 * Ribbon command handlers (FunctionFile commands.html). The manifest's only button opens the task pane
 * (ShowTaskpane needs no code); `action` is the ExecuteFunction entry point kept for future commands.
 */

/** Runs when a ribbon button with `<FunctionName>action</FunctionName>` is clicked. */
export function action(event: Office.AddinCommands.Event): void {
  // Every ExecuteFunction handler must call completed(), or Office shows a busy indicator forever.
  event.completed();
}

/** Registers the handlers; older hosts without Office.actions find global functions instead. */
export function registerCommands(office: typeof Office = Office): void {
  if (office.actions && typeof office.actions.associate === "function") {
    office.actions.associate("action", action);
  } else {
    (globalThis as { action?: typeof action }).action = action;
  }
}

void Office.onReady(() => registerCommands());
