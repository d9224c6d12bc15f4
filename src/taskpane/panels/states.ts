/**
 * The pane when there is nothing to check: no counts sheet (offer the template) or the workbook could not be
 * read (say why, offer to try again); and the footer's template button once a report is open.
 */
import type { Panel, ViewContext } from "./context";
import { h } from "./dom";

export function emptyPanels({ tr, button, act, controller }: ViewContext): Panel {
  const emptyReason = h("p", { id: "empty-reason", class: "empty-reason" });
  // 报告年度 of the template: the year whose report is due, changeable before 插入模板.
  const yearInput = h("input", {
    id: "template-year",
    class: "input input-narrow",
    attrs: { type: "number", min: "1990", step: "1", inputmode: "numeric", "aria-describedby": "template-year-help" },
    on: {
      change: () => {
        if (!controller.setTemplateYear(Number(yearInput.value)))
          yearInput.value = String(controller.state.templateYear);
      },
    },
  });
  const emptyYear = h(
    "div",
    { class: "field template-year" },
    h("label", { attrs: { for: "template-year" }, text: tr("reportYear") }),
    yearInput,
    h("p", { id: "template-year-help", class: "hint", text: tr("templateYearHelp") }),
  );
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
    emptyYear,
    insertBtn,
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
      if (document.activeElement !== yearInput) yearInput.value = String(state.templateYear);
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
