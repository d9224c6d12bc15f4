/**
 * What every panel of the pane shares: the language, the controller it reports clicks to, and the buttons'
 * busy rule. A panel is made once (its DOM), then `render` brings it up to date with each new state.
 */
import type { Controller, PaneState } from "../controller";
import { t, type Lang, type StringKey } from "../i18n";
import { h } from "./dom";

export interface Panel {
  /** The panel's top-level nodes, in page order. */
  readonly nodes: readonly HTMLElement[];
  render(state: PaneState): void;
}

/** The controller as the panels use it: its state and the user's actions. */
export type PaneActions = Pick<
  Controller,
  | "state"
  | "open"
  | "pickReport"
  | "check"
  | "generate"
  | "insertTemplate"
  | "confirmReplace"
  | "cancelReplace"
  | "askFix"
  | "cancelFix"
  | "confirmFix"
  | "selectFinding"
  | "selectFindingTableCells"
  | "selectTable"
  | "setAutoUpdate"
  | "saveSettings"
  | "dismissNotice"
  | "downloadDocx"
  | "importPrior"
  | "setTemplateYear"
  | "changeReportYear"
  | "selectMetaCell"
>;

export interface ViewContext {
  lang: Lang;
  tr(key: StringKey, params?: Record<string, string | number>): string;
  controller: PaneActions;
  isBusy(): boolean;
  /** A click handler that does nothing while busy (buttons stay focusable, marked aria-disabled). */
  act(fn: () => unknown): () => void;
  button(
    id: string,
    label: string,
    kind: "primary" | "secondary" | "subtle",
    onClick: () => void,
    title?: string,
  ): HTMLButtonElement;
}

export function viewContext(controller: PaneActions): ViewContext {
  const lang = controller.state.lang;
  const isBusy = (): boolean => controller.state.busy !== null;
  return {
    lang,
    tr: (key, params) => t(lang, key, params),
    controller,
    isBusy,
    act: (fn) => (): void => {
      if (!isBusy()) void fn();
    },
    button: (id, label, kind, onClick, title) =>
      h("button", {
        id,
        class: `btn btn-${kind}`,
        text: label,
        attrs: { type: "button", "data-testid": id, ...(title ? { title } : {}) },
        on: { click: onClick },
      }),
  };
}
