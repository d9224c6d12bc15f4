/**
 * 导入上年数据…: a button that opens the file picker for last year's report workbook (.xlsx). The file is read in
 * the pane (no server); the controller fills the counts sheet's blank 上年 cells from it.
 */
import type { Panel, ViewContext } from "./context";
import { h } from "./dom";

export function priorPanel({ tr, button, act, controller }: ViewContext): Panel {
  // The picker itself is out of sight (a file input cannot be styled as the pane's buttons); the button opens it.
  const input = h("input", {
    id: "prior-file",
    class: "visually-hidden",
    attrs: {
      type: "file",
      accept: ".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      tabindex: "-1",
      "aria-hidden": "true",
      "aria-label": tr("importPrior"),
      "data-testid": "prior-file",
    },
    on: {
      change: () => {
        const file = input.files?.[0];
        // Cleared at once, so that picking the same file again (after fixing it) is a change too.
        input.value = "";
        if (file) void controller.importPrior(file);
      },
    },
  });
  const open = button(
    "import-prior",
    tr("importPrior"),
    "secondary",
    act(() => input.click()),
    tr("importPriorTitle"),
  );
  open.setAttribute("aria-describedby", "import-prior-hint");
  const row = h(
    "div",
    { id: "prior", class: "prior-row" },
    open,
    input,
    h("p", { id: "import-prior-hint", class: "hint", text: tr("importPriorHint") }),
  );
  return {
    nodes: [row],
    render(state) {
      row.hidden = !state.canImportPrior;
    },
  };
}
