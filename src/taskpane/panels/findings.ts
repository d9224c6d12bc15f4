/**
 * The findings card: counts by severity, then one group per severity; a finding that names cells selects them
 * when activated, and a suggested fix asks before it writes. Focus survives a re-check (same finding, same fix).
 */
import type { Severity } from "../../core/checks/types";
import { groupBySeverity, severityCounts, type FindingView, type PaneState } from "../controller";
import type { StringKey } from "../i18n";
import type { Panel, ViewContext } from "./context";
import { h, severityIcon } from "./dom";

const SEVERITY_GROUP: Record<Severity, StringKey> = { error: "error", warning: "warning", info: "info" };
const SEVERITY_ONE: Record<Severity, StringKey> = { error: "errorOne", warning: "warningOne", info: "infoOne" };

/** A key that survives a re-check, to put focus back on the same finding after the list is rebuilt. */
export function findingKey(f: FindingView): string {
  return `${f.rule}|${f.cells.join(",")}|${f.message}`;
}

function valueSpan(label: string, value: string): HTMLElement {
  return h(
    "span",
    { class: "finding-value" },
    h("span", { class: "value-label", text: `${label} ` }),
    h("b", { text: value }),
  );
}

/** One finding as a list item: icon, message, cells and values, and its fix when the host can write. */
export function renderFinding(ctx: ViewContext, f: FindingView): HTMLElement {
  const { tr, controller, isBusy } = ctx;
  const meta = h("p", { class: "finding-meta" });
  if (f.cells.length) {
    meta.append(h("span", { class: "finding-cells", text: f.cellsLabel, attrs: { title: f.cells.join(" ") } }));
  }
  if (f.text) meta.replaceChildren(h("span", { class: "finding-cells", text: f.text.cell }));
  if (f.expected !== undefined) meta.append(valueSpan(tr("expected"), f.expected));
  if (f.actual !== undefined) meta.append(valueSpan(tr("actual"), f.actual));
  const selectable = f.refs.length > 0;
  const activate = (): void => {
    if (!isBusy()) void controller.selectFinding(f.id);
  };
  const item = h(
    "div",
    {
      class: `finding sev-${f.severity}${selectable ? " selectable" : ""}`,
      attrs: {
        "data-testid": "finding",
        "data-rule": f.rule,
        "data-key": findingKey(f),
        ...(selectable
          ? {
              role: "button",
              tabindex: "0",
              title: f.text
                ? tr("selectTextHint", { cell: f.text.cell })
                : tr("selectCellsHint", { cells: f.cells.join(" ") }),
            }
          : {}),
      },
      on: selectable
        ? {
            click: activate,
            keydown: (e) => {
              if (e.key === "Enter" || e.key === " ") {
                e.preventDefault();
                activate();
              }
            },
          }
        : {},
    },
    severityIcon(f.severity),
    h(
      "div",
      { class: "finding-text" },
      h("span", { class: "visually-hidden", text: `${tr(SEVERITY_ONE[f.severity])}: ` }),
      h("p", { class: "finding-message", text: f.message }),
      ...(f.text ? [renderSentence(ctx, f.text)] : []),
      meta,
    ),
  );
  return h("li", { class: `finding-item item-${f.severity}` }, item, renderFix(ctx, f), renderTableCells(ctx, f));
}

/** The sentence of a text finding, its figure marked (workbook text: always textContent). */
function renderSentence({ tr }: ViewContext, t: NonNullable<FindingView["text"]>): HTMLElement {
  return h(
    "blockquote",
    { class: "finding-sentence", attrs: { "data-testid": "finding-sentence", "aria-label": tr("textSentence") } },
    h("span", { text: t.before }),
    h("mark", { class: "finding-figure", text: t.figure, attrs: { "data-testid": "finding-figure" } }),
    h("span", { text: t.after }),
  );
}

/** The second action of a text finding: select its table cells. */
function renderTableCells({ tr, controller, act }: ViewContext, f: FindingView): HTMLElement | null {
  if (!f.text || f.text.tableRefs.length === 0) return null;
  const label = tr("selectTableCellsLabel", { cells: f.text.tableCells.join(" ") });
  return h(
    "div",
    { class: "finding-fix" },
    h("button", {
      class: "btn btn-secondary btn-small",
      text: tr("selectTableCells"),
      attrs: { type: "button", "data-testid": "select-table-cells", "aria-label": label, title: label },
      on: { click: act(() => controller.selectFindingTableCells(f.id)) },
    }),
  );
}

/**
 * A suggested fix: a small "改为 17" button beside (not inside) the finding, and, once chosen, an inline
 * confirm row naming the cell, the old and the new value and that Excel's undo history is cleared.
 */
export function renderFix({ tr, controller, act }: ViewContext, f: FindingView): HTMLElement | null {
  const fix = f.fix;
  if (!fix || !controller.state.canFix) return null;
  const key = findingKey(f);
  const pending = controller.state.confirmFix;
  if (pending && pending.id === f.id) {
    const textId = `fix-confirm-text-${f.id}`;
    const ok = h("button", {
      class: "btn btn-primary btn-small",
      text: tr("fixOk"),
      attrs: { type: "button", "data-testid": "fix-ok", "data-fix-for": key, "aria-describedby": textId },
      on: { click: act(() => controller.confirmFix()) },
    });
    const cancel = h("button", {
      class: "btn btn-secondary btn-small",
      text: tr("cancel"),
      attrs: { type: "button", "data-testid": "fix-cancel", "data-fix-for": key, "aria-describedby": textId },
      on: { click: () => controller.cancelFix() },
    });
    return h(
      "div",
      {
        class: "fix-confirm",
        attrs: { role: "group", "aria-labelledby": textId, "data-testid": "fix-confirm", "data-fix-for": key },
        on: {
          keydown: (e) => {
            if (e.key === "Escape") {
              e.preventDefault();
              controller.cancelFix();
            }
          },
        },
      },
      h("p", { id: textId, class: "fix-confirm-text", text: pending.text }),
      h("div", { class: "fix-confirm-actions" }, ok, cancel),
    );
  }
  const label = tr("fixButtonLabel", { cell: fix.cell, value: fix.value });
  return h(
    "div",
    { class: "finding-fix" },
    h("button", {
      class: "btn btn-secondary btn-small",
      text: tr("fixButton", { value: fix.value }),
      attrs: { type: "button", "data-testid": "fix", "data-fix-for": key, "aria-label": label, title: label },
      on: { click: act(() => controller.askFix(f.id)) },
    }),
  );
}

/** A group of findings: its heading with the count, then its findings (a severity, or 正文). */
function renderGroup(ctx: ViewContext, key: Severity | "text", items: FindingView[]): HTMLElement {
  const title = key === "text" ? ctx.tr("textGroup") : ctx.tr(SEVERITY_GROUP[key]);
  return h(
    "section",
    {
      class: `group group-${key}`,
      attrs: { "data-testid": `group-${key}`, "aria-labelledby": `group-${key}-title` },
    },
    h(
      "h3",
      { id: `group-${key}-title` },
      h("span", { text: title }),
      h("span", { class: "count", text: String(items.length) }),
    ),
    h("ul", { class: "finding-list" }, ...items.map((f) => renderFinding(ctx, f))),
  );
}

/** `fallbackFocus`: where focus goes when the finding it was on is gone after a re-check. */
export function findingsPanel(ctx: ViewContext, fallbackFocus: () => HTMLElement): Panel {
  const { tr } = ctx;
  const summary = h("p", { id: "summary", class: "summary" });
  const chips = h("div", { class: "chips", attrs: { "aria-hidden": "true" } });
  const body = h("div", { id: "finding-groups" });
  const hint = h("p", { class: "hint findings-hint", text: tr("showFindingHint"), attrs: { hidden: "" } });
  const section = h(
    "section",
    { id: "findings", class: "card", attrs: { "aria-labelledby": "findings-title" } },
    h("div", { class: "card-head" }, h("h2", { id: "findings-title", text: tr("findings") }), chips),
    summary,
    hint,
    body,
  );

  const byAttr = (attr: string, key: string, extra = ""): HTMLElement | undefined =>
    Array.from(body.querySelectorAll<HTMLElement>(`[${attr}]${extra}`)).find((el) => el.getAttribute(attr) === key);

  let shownFindings: FindingView[] | null | undefined;
  let shownConfirmFix: PaneState["confirmFix"] | undefined;
  const render = ({ findings, confirmFix }: PaneState): void => {
    if (findings === shownFindings && confirmFix === shownConfirmFix) return;
    const asked =
      confirmFix !== null && (shownConfirmFix?.cell !== confirmFix.cell || shownConfirmFix.value !== confirmFix.value);
    shownFindings = findings;
    shownConfirmFix = confirmFix;
    const active = document.activeElement as HTMLElement | null;
    const focusedKey = active?.closest?.("[data-key]")?.getAttribute("data-key");
    const focusedFix = active?.closest?.("[data-fix-for]")?.getAttribute("data-fix-for");
    chips.replaceChildren();
    if (findings === null) {
      summary.classList.remove("visually-hidden", "summary-ok");
      hint.hidden = true;
      summary.textContent = tr("notChecked");
      body.replaceChildren();
      return;
    }
    const counts = severityCounts(findings);
    for (const sev of ["error", "warning", "info"] as Severity[]) {
      chips.append(
        h(
          "span",
          { class: `chip chip-${sev}${counts[sev] ? "" : " chip-zero"}` },
          severityIcon(sev),
          String(counts[sev]),
        ),
      );
    }
    summary.textContent = findings.length === 0 ? tr("noFindings") : tr("summary", counts);
    summary.classList.toggle("summary-ok", findings.length === 0);
    // With findings the chips say it visibly; the sentence stays for screen readers.
    summary.classList.toggle("visually-hidden", findings.length > 0);
    hint.hidden = !findings.some((f) => f.refs.length > 0);
    // Findings about the report's own text are one group, 正文, after the tables' findings (severity order inside).
    const text = findings.filter((f) => f.text);
    body.replaceChildren(
      ...groupBySeverity(findings.filter((f) => !f.text))
        .filter((g) => g.items.length > 0)
        .map((g) => renderGroup(ctx, g.severity, g.items)),
      ...(text.length > 0 ? [renderGroup(ctx, "text", text)] : []),
    );
    if (asked) {
      // The question was just asked: focus its 确定 (the question is its description).
      body.querySelector<HTMLElement>('[data-testid="fix-ok"]')?.focus();
    } else if (focusedFix) {
      // Back from the confirm row (取消, Esc, 确定): the fix button, else the finding, else 检查.
      (
        byAttr("data-fix-for", focusedFix, '[data-testid="fix"]') ??
        byAttr("data-key", focusedFix) ??
        fallbackFocus()
      ).focus();
    } else if (focusedKey) {
      (byAttr("data-key", focusedKey) ?? fallbackFocus()).focus();
    }
  };
  return { nodes: [section], render };
}
