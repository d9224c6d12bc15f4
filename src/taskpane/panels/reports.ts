/**
 * The report picker: shown only when the workbook holds several reports (one sheet per unit, or this year's
 * and last year's). Each option names the sheet, the unit, the year and how many errors its check found; picking
 * one makes the pane work on it.
 * Sheet and unit names are workbook text: they go in through textContent (h's text) only.
 */
import type { ReportChoice } from "../controller";
import type { Panel, ViewContext } from "./context";
import { h } from "./dom";

export function reportsPanel({ tr, controller, isBusy }: ViewContext): Panel {
  const select = h("select", {
    id: "report-picker",
    attrs: { "data-testid": "report-picker", "aria-describedby": "report-picker-hint" },
    on: {
      change: () => {
        const sheet = select.value;
        // While the pane is busy the choice waits: the select goes back to the report in use.
        if (isBusy()) select.value = controller.state.sheet ?? "";
        else void controller.pickReport(sheet);
      },
    },
  });
  const label = h("label", { attrs: { for: "report-picker" } });
  const row = h(
    "div",
    { id: "report-picker-row", class: "field report-picker", attrs: { hidden: "" } },
    label,
    select,
    h("p", { id: "report-picker-hint", class: "hint", text: tr("reportPickerHint") }),
  );
  const errorsText = (n: number | undefined): string | undefined =>
    n === undefined ? undefined : n > 0 ? tr("reportErrors", { n }) : tr("reportNoErrors");
  const optionText = (r: ReportChoice): string =>
    [r.sheet, r.unit, r.year !== undefined ? tr("year", { year: r.year }) : undefined, errorsText(r.errors)]
      .filter((x): x is string => !!x && x.length > 0)
      .join(" · ");

  let shown = "";
  return {
    nodes: [row],
    render(state) {
      row.hidden = state.reports.length < 2;
      if (row.hidden) return;
      const key = JSON.stringify(state.reports);
      if (key !== shown) {
        shown = key;
        const withErrors = state.reports.filter((r) => (r.errors ?? 0) > 0).length;
        label.textContent =
          withErrors > 0
            ? tr("reportPickerErrors", { n: state.reports.length, m: withErrors })
            : tr("reportPicker", { n: state.reports.length });
        select.replaceChildren(
          ...state.reports.map((r) => h("option", { text: optionText(r), attrs: { value: r.sheet } })),
        );
      }
      if (state.sheet !== undefined && select.value !== state.sheet) select.value = state.sheet;
    },
  };
}
