/**
 * The task pane's DOM: the panels (src/taskpane/panels/*) laid out once, then rendered on every state change.
 * To add a panel: make it in panels/ (nodes + render), then place it below and list it in `panels`.
 */
import type { Controller } from "./controller";
import { actionsPanel, autoUpdatePanel } from "./panels/actions";
import { viewContext, type Panel, type PaneActions } from "./panels/context";
import { h } from "./panels/dom";
import { findingsPanel } from "./panels/findings";
import { headerPanel } from "./panels/header";
import { noticesPanel } from "./panels/notices";
import { priorPanel } from "./panels/prior";
import { reportInfoPanel } from "./panels/report-info";
import { reportsPanel } from "./panels/reports";
import { settingsPanel } from "./panels/settings";
import { emptyPanels, footerPanel } from "./panels/states";
import { tablesPanel } from "./panels/tables";

export interface View {
  destroy(): void;
}

export function mountView(root: HTMLElement, controller: PaneActions & Pick<Controller, "subscribe">): View {
  const ctx = viewContext(controller);
  document.documentElement.lang = ctx.lang === "zh" ? "zh-CN" : "en-US";
  document.title = ctx.tr("appTitle");

  const header = headerPanel(ctx);
  const empty = emptyPanels(ctx);
  const reports = reportsPanel(ctx);
  const actions = actionsPanel(ctx);
  const prior = priorPanel(ctx);
  const notices = noticesPanel(ctx);
  const autoUpdate = autoUpdatePanel(ctx);
  const findings = findingsPanel(ctx, () => actions.checkButton);
  const tables = tablesPanel(ctx);
  const info = reportInfoPanel(ctx);
  const settings = settingsPanel(ctx);
  const footer = footerPanel(ctx);

  const readyPanels = [reports, actions, prior, notices, autoUpdate, findings, info, tables, settings];
  const ready = h("div", { id: "ready", attrs: { hidden: "" } }, ...readyPanels.flatMap((p) => p.nodes));
  const main = h("main", { id: "main", attrs: { "aria-busy": "true" } }, ...empty.nodes, ready);
  root.replaceChildren(...header.nodes, main, ...footer.nodes);
  const panels: Panel[] = [header, empty, ...readyPanels, footer];

  const unsubscribe = controller.subscribe((state) => {
    const busy = state.busy !== null;
    main.setAttribute("aria-busy", String(busy || state.phase === "loading"));
    document.body.dataset.state = busy ? "busy" : state.phase;
    ready.hidden = state.phase !== "ready";
    for (const p of panels) p.render(state);
    // Last, so that buttons made by this render are covered too.
    for (const b of root.querySelectorAll<HTMLButtonElement>(".btn")) {
      if (busy) b.setAttribute("aria-disabled", "true");
      else b.removeAttribute("aria-disabled");
    }
  });
  return {
    destroy(): void {
      unsubscribe();
    },
  };
}
