/** The header (title; the counts sheet, year and body once read), the progress bar and the busy status line. */
import type { PaneState } from "../controller";
import type { StringKey } from "../i18n";
import type { Panel, ViewContext } from "./context";
import { h } from "./dom";

const BUSY_KEYS: Record<NonNullable<PaneState["busy"]>, StringKey> = {
  reading: "busyReading",
  checking: "busyChecking",
  generating: "busyGenerating",
  downloading: "busyDownloading",
  inserting: "busyInserting",
  saving: "busySaving",
  selecting: "busySelecting",
  fixing: "busyFixing",
  importing: "busyImporting",
};

export function headerPanel({ tr }: ViewContext): Panel {
  const context = h("p", { id: "context", class: "context" });
  const fill = h("p", { id: "fill-progress", class: "context", attrs: { "data-testid": "fill-progress", hidden: "" } });
  const header = h(
    "header",
    { class: "app-header" },
    h("img", { id: "logo", class: "logo", attrs: { src: "assets/logo.svg", alt: "", width: "32", height: "32" } }),
    h("div", { class: "app-heading" }, h("h1", { text: tr("appTitle") }), context, fill),
  );
  const progress = h("div", {
    id: "progress",
    class: "progress",
    attrs: { role: "progressbar", "aria-label": tr("progress"), hidden: "" },
  });
  progress.append(h("div", { class: "progress-bar" }));
  const status = h("p", { id: "status", class: "visually-hidden", attrs: { role: "status", "aria-live": "polite" } });

  let shownContext: string | undefined;
  return {
    nodes: [header, progress, status],
    render(state) {
      const loading = state.busy !== null || state.phase === "loading";
      progress.hidden = !loading;
      const busyText = state.busy ? tr(BUSY_KEYS[state.busy]) : state.phase === "loading" ? tr("busyReading") : "";
      progress.setAttribute("aria-valuetext", busyText);
      if (status.textContent !== busyText) status.textContent = busyText;

      const p = state.phase === "ready" ? state.preparing : undefined;
      fill.hidden = !p;
      const fillText = p ? tr("fillProgress", { filled: p.filled, total: p.total }) : "";
      if (fill.textContent !== fillText) fill.textContent = fillText;

      const parts: string[] = [];
      if (state.phase === "ready" && state.sheet) parts.push(tr("counts", { sheet: state.sheet }));
      if (state.phase === "ready" && state.year) parts.push(tr("year", { year: state.year }));
      if (state.phase === "ready" && state.body) parts.push(state.body);
      // Each part wraps as a whole where it can ("遂宁市某某局" is not cut after "某").
      const contextText = parts.length ? parts.join(" · ") : tr("appSubtitle");
      if (shownContext === contextText) return;
      shownContext = contextText;
      const shown = parts.length ? parts : [contextText];
      context.replaceChildren(
        ...shown.map((p, i) =>
          h(
            "span",
            { class: "context-part" },
            p,
            i < shown.length - 1 && h("span", { class: "context-sep", text: " · " }),
          ),
        ),
      );
    },
  };
}
