/** Banners above the findings: replace the report sheets?, the report is out of date, and one-line notices. */
import type { Panel, ViewContext } from "./context";
import { h, severityIcon } from "./dom";

export function noticesPanel({ tr, button, act, controller }: ViewContext): Panel {
  const confirmText = h("span", { class: "banner-text" });
  const confirm = h(
    "div",
    {
      id: "confirm",
      class: "banner banner-warning banner-confirm",
      attrs: { role: "alert", hidden: "", "data-testid": "confirm" },
    },
    severityIcon("warning"),
    confirmText,
    h(
      "div",
      { class: "banner-actions" },
      button(
        "confirm-replace",
        tr("replace"),
        "primary",
        act(() => controller.confirmReplace()),
      ),
      button("cancel-replace", tr("cancel"), "secondary", () => controller.cancelReplace()),
    ),
  );

  const stale = h(
    "div",
    { id: "stale", class: "banner banner-warning", attrs: { role: "status", hidden: "", "data-testid": "stale" } },
    severityIcon("warning"),
    h("span", { class: "banner-text", text: tr("stale") }),
    button(
      "regenerate",
      tr("regenerate"),
      "subtle",
      act(() => controller.generate()),
    ),
  );

  const noticeText = h("span", { class: "banner-text", attrs: { id: "notice-text" } });
  const notice = h(
    "div",
    { id: "notice", class: "banner", attrs: { hidden: "", "data-testid": "notice" } },
    noticeText,
    h("button", {
      class: "btn-icon",
      text: "×",
      attrs: { type: "button", "aria-label": tr("dismiss"), title: tr("dismiss") },
      on: { click: () => controller.dismissNotice() },
    }),
  );

  return {
    nodes: [confirm, stale, notice],
    render(state) {
      stale.hidden = !state.stale || state.confirmReplace !== null;
      confirm.hidden = state.confirmReplace === null;
      confirmText.textContent = state.confirmReplace ?? "";
      notice.hidden = !state.notice;
      notice.className = `banner banner-${state.notice?.kind ?? "info"}`;
      notice.setAttribute("role", state.notice?.kind === "error" ? "alert" : "status");
      noticeText.textContent = state.notice?.text ?? "";
    },
  };
}
