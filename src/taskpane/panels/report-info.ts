/**
 * 报告信息: 报告年度 (changeable: the pane writes the sheet's 年度 cell, the year 生成报告 uses), 单位名称 and 公开范围
 * as the counts sheet states them, each with its one-line explanation of what it changes in the text (the same
 * words as the template's), and 选中 to type it in the sheet.
 */
import type { PaneState } from "../controller";
import type { StringKey } from "../i18n";
import type { Panel, ViewContext } from "./context";
import { h } from "./dom";

type Field = keyof PaneState["metaCells"];

export function reportInfoPanel({ tr, button, act, controller, isBusy }: ViewContext): Panel {
  const year = h("input", {
    id: "report-year",
    class: "input input-narrow",
    attrs: {
      type: "number",
      min: "1990",
      step: "1",
      inputmode: "numeric",
      "aria-describedby": "report-year-help",
      "data-testid": "report-year",
    },
    on: {
      change: () => {
        const y = Number(year.value);
        if (isBusy() || year.value === "") return;
        void controller.changeReportYear(y);
      },
    },
  });
  const shown: Partial<Record<Field, HTMLElement>> = {};
  const selects: Partial<Record<Field, HTMLButtonElement>> = {};
  const row = (field: Field, label: StringKey, help: StringKey, control: HTMLElement): HTMLElement => {
    const select = button(
      `select-${field}`,
      tr("selectCell"),
      "subtle",
      act(() => controller.selectMetaCell(field)),
      tr("selectCellLabel", { field: tr(label) }),
    );
    select.setAttribute("aria-label", tr("selectCellLabel", { field: tr(label) }));
    selects[field] = select;
    const id = `${field === "year" ? "report-year" : `report-${field}`}-help`;
    return h(
      "div",
      { class: "field info-field" },
      h("div", { class: "info-line" }, h("label", { attrs: { for: control.id }, text: tr(label) }), control, select),
      h("p", { id, class: "hint", text: tr(help) }),
    );
  };
  const value = (field: Field): HTMLElement => {
    const el = h("span", { id: `report-${field}`, class: "info-value", attrs: { "data-testid": `report-${field}` } });
    shown[field] = el;
    return el;
  };
  const card = h(
    "section",
    { id: "report-info", class: "card", attrs: { "aria-labelledby": "report-info-title" } },
    h("h2", { id: "report-info-title", text: tr("reportInfo") }),
    row("year", "reportYear", "yearHelp", year),
    row("body", "unitName", "unitHelp", value("body")),
    row("scope", "scopeName", "scopeHelp", value("scope")),
  );
  return {
    nodes: [card],
    render(state) {
      // What the user is typing is not overwritten by a re-render.
      if (document.activeElement !== year) year.value = state.year !== undefined ? String(state.year) : "";
      year.max = String(state.templateYear + 1);
      year.disabled = !state.metaCells.year || !state.canFix;
      const text = { body: state.body, scope: state.scope };
      for (const f of ["body", "scope"] as const) {
        const t = text[f] || tr("notFilled");
        if (shown[f]!.textContent !== t) shown[f]!.textContent = t;
        shown[f]!.classList.toggle("info-missing", !text[f]);
      }
      for (const f of ["year", "body", "scope"] as const) selects[f]!.hidden = !state.metaCells[f];
    },
  };
}
