/**
 * The pane when there is nothing to check: no counts sheet (offer the template) or the workbook could not be
 * read (say why, offer to try again); and the footer's template button once a report is open.
 */
import type { Panel, ViewContext } from "./context";
import { h } from "./dom";

export function emptyPanels({ tr, button, act, controller }: ViewContext): Panel {
  const emptyReason = h("p", { id: "empty-reason", class: "empty-reason" });
  const emptyYear = h("p", { class: "hint" });
  const insertBtn = button(
    "insert-template",
    tr("insertTemplate"),
    "primary",
    act(() => controller.insertTemplate()),
  );
  const empty = h(
    "section",
    { id: "empty", class: "empty", attrs: { "aria-labelledby": "empty-title", hidden: "" } },
    h("img", { class: "empty-logo", attrs: { src: "assets/logo.svg", alt: "", width: "64", height: "64" } }),
    h("h2", { id: "empty-title", text: tr("emptyTitle") }),
    h("p", { text: tr("emptyBody") }),
    emptyReason,
    insertBtn,
    emptyYear,
  );

  const failedReason = h("p", { id: "failed-reason", class: "empty-reason" });
  const failed = h(
    "section",
    { id: "failed", class: "empty", attrs: { hidden: "", role: "alert" } },
    failedReason,
    button(
      "retry",
      tr("check"),
      "primary",
      act(() => controller.open()),
    ),
  );

  return {
    nodes: [empty, failed],
    render(state) {
      empty.hidden = state.phase !== "empty";
      failed.hidden = state.phase !== "failed";
      emptyReason.textContent =
        state.phase === "empty" && state.reason ? tr("emptyReason", { reason: state.reason }) : "";
      failedReason.textContent = state.phase === "failed" ? (state.reason ?? "") : "";
      insertBtn.title = tr("insertTemplateTitle", { year: state.templateYear });
      emptyYear.textContent = tr("templateYearHint", { year: state.templateYear });
    },
  };
}

export function footerPanel({ tr, button, act, controller }: ViewContext): Panel {
  const insert = button(
    "insert-template-footer",
    tr("insertTemplate"),
    "subtle",
    act(() => controller.insertTemplate()),
  );
  const footer = h("footer", { class: "app-footer" }, insert, h("p", { class: "hint", text: tr("privacy") }));
  return {
    nodes: [footer],
    render(state) {
      insert.hidden = state.phase !== "ready";
      insert.title = tr("insertTemplateTitle", { year: state.templateYear });
    },
  };
}
