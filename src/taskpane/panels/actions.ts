/** The main actions (检查, 生成报告) and the switch that re-checks after every edit. */
import type { Panel, ViewContext } from "./context";
import { h } from "./dom";

export interface ActionsPanel extends Panel {
  /** Where focus goes when the finding it was on is gone. */
  readonly checkButton: HTMLButtonElement;
}

export function actionsPanel({ tr, button, act, controller }: ViewContext): ActionsPanel {
  const checkButton = button(
    "check",
    tr("check"),
    "primary",
    act(() => controller.check()),
    tr("checkTitle"),
  );
  const generateButton = button(
    "generate",
    tr("generate"),
    "secondary",
    act(() => controller.generate()),
    tr("generateTitle"),
  );
  // 下载 Word 文档 where the pane can download; on a Mac, where it cannot, what to do instead.
  const downloadButton = button(
    "download-docx",
    tr("downloadDocx"),
    "secondary",
    act(() => controller.downloadDocx()),
    tr("downloadDocxTitle"),
  );
  const macHint = h("p", {
    id: "docx-mac-hint",
    class: "hint",
    text: tr("docxMac"),
    attrs: { "data-testid": "docx-mac-hint" },
  });
  const toolbar = h(
    "div",
    { class: "toolbar", attrs: { role: "group", "aria-label": tr("actionsLabel") } },
    checkButton,
    generateButton,
    downloadButton,
  );
  return {
    nodes: [toolbar, macHint],
    checkButton,
    render(state) {
      downloadButton.hidden = state.wordDocument !== "download";
      macHint.hidden = state.wordDocument !== "mac";
    },
  };
}

export function autoUpdatePanel({ tr, controller }: ViewContext): Panel {
  const input = h("input", {
    id: "auto-update",
    attrs: { type: "checkbox", role: "switch", "data-testid": "auto-update", "aria-describedby": "auto-update-hint" },
    on: {
      change: () => {
        void controller.setAutoUpdate(input.checked);
      },
    },
  });
  const row = h(
    "div",
    { class: "switch-row" },
    h(
      "label",
      { class: "switch", attrs: { for: "auto-update" } },
      input,
      h("span", { class: "switch-track", attrs: { "aria-hidden": "true" } }),
      h("span", { text: tr("autoUpdate") }),
    ),
    h("p", { id: "auto-update-hint", class: "hint", text: tr("autoUpdateHint") }),
  );
  return {
    nodes: [row],
    render(state) {
      input.checked = state.settings.autoUpdate;
    },
  };
}
