/**
 * The task pane's DOM. Built once with createElement; every piece of workbook text (messages,
 * sheet names, cells, the body's name) goes in through textContent, never innerHTML.
 */
import type { Severity } from "../core/checks/types";
import {
  DEFAULT_SETTINGS,
  groupBySeverity,
  severityCounts,
  type Controller,
  type FindingView,
  type PaneSettings,
  type PaneState,
} from "./controller";
import { t, type Lang, type StringKey } from "./i18n";

type Child = Node | string | null | undefined | false;

interface Props {
  id?: string;
  class?: string;
  text?: string;
  attrs?: Record<string, string>;
  on?: { [K in keyof HTMLElementEventMap]?: (e: HTMLElementEventMap[K]) => void };
}

function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (props.id) el.id = props.id;
  if (props.class) el.className = props.class;
  if (props.text !== undefined) el.textContent = props.text;
  for (const [k, v] of Object.entries(props.attrs ?? {})) el.setAttribute(k, v);
  for (const [k, fn] of Object.entries(props.on ?? {})) el.addEventListener(k, fn as EventListener);
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    el.append(typeof c === "string" ? document.createTextNode(c) : c);
  }
  return el;
}

const SVG_NS = "http://www.w3.org/2000/svg";

/** Fluent-style severity glyphs (our own fixed paths, 16 px). */
function severityIcon(sev: Severity): SVGSVGElement {
  const svg = document.createElementNS(SVG_NS, "svg");
  svg.setAttribute("viewBox", "0 0 16 16");
  svg.setAttribute("width", "16");
  svg.setAttribute("height", "16");
  svg.setAttribute("aria-hidden", "true");
  svg.setAttribute("focusable", "false");
  svg.setAttribute("class", `sev-icon sev-${sev}`);
  const shape =
    sev === "warning"
      ? (() => {
          const p = document.createElementNS(SVG_NS, "path");
          p.setAttribute("d", "M7.13 1.5a1 1 0 0 1 1.74 0l6.5 11.5A1 1 0 0 1 14.5 14.5h-13a1 1 0 0 1-.87-1.5z");
          return p;
        })()
      : (() => {
          const c = document.createElementNS(SVG_NS, "circle");
          c.setAttribute("cx", "8");
          c.setAttribute("cy", "8");
          c.setAttribute("r", "7");
          return c;
        })();
  shape.setAttribute("class", "sev-shape");
  svg.append(shape);
  const mark = document.createElementNS(SVG_NS, "path");
  mark.setAttribute("class", "sev-mark");
  mark.setAttribute(
    "d",
    sev === "error" ? "M5.5 5.5l5 5M10.5 5.5l-5 5" : sev === "warning" ? "M8 5.6v3.8M8 11.6v.2" : "M8 7.2v4.2M8 4.6v.2",
  );
  svg.append(mark);
  return svg;
}

/** A stroked 16 px glyph: the disclosure chevron (points right; CSS turns it down when open) or a check mark. */
function strokeIcon(kind: "chevron" | "check"): SVGSVGElement {
  const svg = document.createElementNS(SVG_NS, "svg");
  svg.setAttribute("viewBox", "0 0 16 16");
  svg.setAttribute("width", "16");
  svg.setAttribute("height", "16");
  svg.setAttribute("aria-hidden", "true");
  svg.setAttribute("focusable", "false");
  svg.setAttribute("class", `icon icon-${kind}`);
  const p = document.createElementNS(SVG_NS, "path");
  p.setAttribute("d", kind === "chevron" ? "M6 3.5L10.5 8 6 12.5" : "M3.5 8.5l3 3 6-7");
  svg.append(p);
  return svg;
}

const BUSY_KEYS: Record<NonNullable<PaneState["busy"]>, StringKey> = {
  reading: "busyReading",
  checking: "busyChecking",
  generating: "busyGenerating",
  inserting: "busyInserting",
  saving: "busySaving",
  selecting: "busySelecting",
  fixing: "busyFixing",
};

const SEVERITY_GROUP: Record<Severity, StringKey> = { error: "error", warning: "warning", info: "info" };
const SEVERITY_ONE: Record<Severity, StringKey> = { error: "errorOne", warning: "warningOne", info: "infoOne" };

/** A key that survives a re-check, to put focus back on the same finding after the list is rebuilt. */
function findingKey(f: FindingView): string {
  return `${f.rule}|${f.cells.join(",")}|${f.message}`;
}

export interface View {
  destroy(): void;
}

export function mountView(root: HTMLElement, controller: Controller): View {
  const lang: Lang = controller.state.lang;
  const tr = (key: StringKey, params?: Record<string, string | number>): string => t(lang, key, params);
  document.documentElement.lang = lang === "zh" ? "zh-CN" : "en-US";
  document.title = tr("appTitle");

  const isBusy = (): boolean => controller.state.busy !== null;
  /** Buttons stay focusable while busy (aria-disabled), and ignore activation. */
  const act = (fn: () => unknown) => (): void => {
    if (!isBusy()) void fn();
  };

  const button = (
    id: string,
    label: string,
    kind: "primary" | "secondary" | "subtle",
    onClick: () => void,
    title?: string,
  ): HTMLButtonElement =>
    h("button", {
      id,
      class: `btn btn-${kind}`,
      text: label,
      attrs: { type: "button", "data-testid": id, ...(title ? { title } : {}) },
      on: { click: onClick },
    });

  // ---------- Header ----------
  const context = h("p", { id: "context", class: "context" });
  const header = h(
    "header",
    { class: "app-header" },
    h("img", { id: "logo", class: "logo", attrs: { src: "assets/logo.svg", alt: "", width: "32", height: "32" } }),
    h("div", { class: "app-heading" }, h("h1", { text: tr("appTitle") }), context),
  );

  const progress = h("div", {
    id: "progress",
    class: "progress",
    attrs: { role: "progressbar", "aria-label": tr("progress"), hidden: "" },
  });
  progress.append(h("div", { class: "progress-bar" }));
  const status = h("p", { id: "status", class: "visually-hidden", attrs: { role: "status", "aria-live": "polite" } });

  // ---------- Empty / failed states ----------
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

  // ---------- Ready state ----------
  const checkBtn = button(
    "check",
    tr("check"),
    "primary",
    act(() => controller.check()),
    tr("checkTitle"),
  );
  const generateBtn = button(
    "generate",
    tr("generate"),
    "secondary",
    act(() => controller.generate()),
    tr("generateTitle"),
  );
  const toolbar = h(
    "div",
    { class: "toolbar", attrs: { role: "group", "aria-label": tr("actionsLabel") } },
    checkBtn,
    generateBtn,
  );

  const autoInput = h("input", {
    id: "auto-update",
    attrs: { type: "checkbox", role: "switch", "data-testid": "auto-update", "aria-describedby": "auto-update-hint" },
    on: {
      change: () => {
        void controller.setAutoUpdate(autoInput.checked);
      },
    },
  });
  const autoRow = h(
    "div",
    { class: "switch-row" },
    h(
      "label",
      { class: "switch", attrs: { for: "auto-update" } },
      autoInput,
      h("span", { class: "switch-track", attrs: { "aria-hidden": "true" } }),
      h("span", { text: tr("autoUpdate") }),
    ),
    h("p", { id: "auto-update-hint", class: "hint", text: tr("autoUpdateHint") }),
  );

  const staleBanner = h(
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

  const confirmText = h("span", { class: "banner-text" });
  const confirmBanner = h(
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

  const summary = h("p", { id: "summary", class: "summary" });
  const chips = h("div", { class: "chips", attrs: { "aria-hidden": "true" } });
  const findingsBody = h("div", { id: "finding-groups" });
  const findingsHint = h("p", { class: "hint findings-hint", text: tr("showFindingHint"), attrs: { hidden: "" } });
  const findingsSection = h(
    "section",
    { id: "findings", class: "card", attrs: { "aria-labelledby": "findings-title" } },
    h("div", { class: "card-head" }, h("h2", { id: "findings-title", text: tr("findings") }), chips),
    summary,
    findingsHint,
    findingsBody,
  );

  const tableList = h("ul", { id: "table-list", class: "table-list" });
  // The copy shortcut is named once, here; 选中 marks its row and tells screen readers the rest.
  const copyHint = h("p", { id: "copy-hint", class: "hint", attrs: { "data-testid": "copy-hint" } });
  const tableStatus = h("p", { id: "table-status", class: "visually-hidden", attrs: { role: "status" } });
  const tablesSection = h(
    "section",
    { id: "tables", class: "card", attrs: { "aria-labelledby": "tables-title", hidden: "" } },
    h("h2", { id: "tables-title", text: tr("tables") }),
    copyHint,
    tableList,
    tableStatus,
  );

  // ---------- Settings ----------
  const field = (id: string, label: string, control: HTMLElement, hint?: HTMLElement): HTMLElement => {
    if (hint) control.setAttribute("aria-describedby", hint.id);
    return h("div", { class: "field" }, h("label", { attrs: { for: id }, text: label }), control, hint);
  };
  const decimalsSel = h("select", { id: "set-decimals" });
  for (let d = 0; d <= 4; d++) decimalsSel.append(h("option", { text: String(d), attrs: { value: String(d) } }));
  const radio = (value: string, label: string): [HTMLInputElement, HTMLElement] => {
    const input = h("input", { id: `set-rounding-${value}`, attrs: { type: "radio", name: "rounding", value } });
    return [input, h("label", { class: "choice" }, input, h("span", { text: label }))];
  };
  const [halfUp, halfUpLabel] = radio("half-up", tr("halfUp"));
  const [halfEven, halfEvenLabel] = radio("half-even", tr("halfEven"));
  const largest = h("input", { id: "set-largest", attrs: { type: "checkbox" } });
  const textInput = (id: string, max = 31): HTMLInputElement =>
    h("input", {
      id,
      class: "input",
      attrs: { type: "text", maxlength: String(max), autocomplete: "off", spellcheck: "false" },
    });
  const sizeInput = (id: string): HTMLInputElement =>
    h("input", { id, class: "input input-narrow", attrs: { type: "number", min: "6", max: "72", step: "0.5" } });
  const tableSheetIn = textInput("set-table-sheet");
  const textSheetIn = textInput("set-text-sheet");
  const fontIn = textInput("set-font", 64);
  const titleSizeIn = sizeInput("set-title-size");
  const bodySizeIn = sizeInput("set-body-size");

  let formDirty = false;
  const fillForm = (s: PaneSettings): void => {
    decimalsSel.value = String(s.decimals);
    halfUp.checked = s.rounding === "half-up";
    halfEven.checked = s.rounding === "half-even";
    largest.checked = s.largestRemainder;
    tableSheetIn.value = s.tableSheet;
    textSheetIn.value = s.textSheet;
    fontIn.value = s.fontName;
    titleSizeIn.value = String(s.titleSize);
    bodySizeIn.value = String(s.bodySize);
    formDirty = false;
  };
  const readForm = (): PaneSettings => ({
    decimals: Number(decimalsSel.value),
    rounding: halfEven.checked ? "half-even" : "half-up",
    largestRemainder: largest.checked,
    tableSheet: tableSheetIn.value.trim(),
    textSheet: textSheetIn.value.trim(),
    fontName: fontIn.value.trim(),
    titleSize: titleSizeIn.value === "" ? NaN : Number(titleSizeIn.value),
    bodySize: bodySizeIn.value === "" ? NaN : Number(bodySizeIn.value),
    autoUpdate: controller.state.settings.autoUpdate,
  });
  const form = h(
    "form",
    {
      id: "settings-form",
      class: "settings-form",
      attrs: { novalidate: "" },
      on: {
        submit: (e) => {
          e.preventDefault();
          if (isBusy()) return;
          void controller.saveSettings(readForm()).then((ok) => {
            if (ok) fillForm(controller.state.settings);
          });
        },
        input: () => {
          formDirty = true;
        },
      },
    },
    field("set-decimals", tr("decimals"), decimalsSel),
    h("fieldset", { class: "field" }, h("legend", { text: tr("tieRule") }), halfUpLabel, halfEvenLabel),
    h("label", { class: "choice" }, largest, h("span", { text: tr("largestRemainder") })),
    h("hr", { class: "divider" }),
    // Sizes belong to the report tables (报告表格); the text sheet has only its name and says what it takes.
    field("set-table-sheet", tr("tableSheet"), tableSheetIn),
    h(
      "div",
      { class: "field-row" },
      field("set-title-size", tr("titleSize"), titleSizeIn),
      field("set-body-size", tr("bodySize"), bodySizeIn),
    ),
    field(
      "set-text-sheet",
      tr("textSheet"),
      textSheetIn,
      h("p", { id: "text-sizes-hint", class: "hint", text: tr("textSizesHint") }),
    ),
    field("set-font", tr("fontName"), fontIn),
    h("button", {
      id: "save-settings",
      class: "btn btn-secondary",
      text: tr("saveSettings"),
      attrs: { type: "submit" },
    }),
  );
  fillForm(DEFAULT_SETTINGS);
  const settings = h(
    "details",
    { id: "settings", class: "card settings" },
    h("summary", {}, strokeIcon("chevron"), h("span", { text: tr("settings") })),
    form,
  );

  const ready = h(
    "div",
    { id: "ready", attrs: { hidden: "" } },
    toolbar,
    confirmBanner,
    staleBanner,
    notice,
    autoRow,
    findingsSection,
    tablesSection,
    settings,
  );

  const footerInsert = button(
    "insert-template-footer",
    tr("insertTemplate"),
    "subtle",
    act(() => controller.insertTemplate()),
  );
  const footer = h("footer", { class: "app-footer" }, footerInsert, h("p", { class: "hint", text: tr("privacy") }));

  const main = h("main", { id: "main", attrs: { "aria-busy": "true" } }, empty, failed, ready);
  root.replaceChildren(header, progress, status, main, footer);

  // ---------- Rendering ----------

  const renderFinding = (f: FindingView): HTMLElement => {
    const meta = h("p", { class: "finding-meta" });
    if (f.cells.length) {
      meta.append(h("span", { class: "finding-cells", text: f.cellsLabel, attrs: { title: f.cells.join(" ") } }));
    }
    if (f.expected !== undefined) {
      meta.append(
        h(
          "span",
          { class: "finding-value" },
          h("span", { class: "value-label", text: `${tr("expected")} ` }),
          h("b", { text: f.expected }),
        ),
      );
    }
    if (f.actual !== undefined) {
      meta.append(
        h(
          "span",
          { class: "finding-value" },
          h("span", { class: "value-label", text: `${tr("actual")} ` }),
          h("b", { text: f.actual }),
        ),
      );
    }
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
            ? { role: "button", tabindex: "0", title: tr("selectCellsHint", { cells: f.cells.join(" ") }) }
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
        meta,
      ),
    );
    return h("li", { class: `finding-item item-${f.severity}` }, item, renderFix(f));
  };

  /**
   * A suggested fix: a small "改为 17" button beside (not inside) the finding, and, once chosen, an inline
   * confirm row naming the cell, the old and the new value and that Excel's undo history is cleared.
   */
  const renderFix = (f: FindingView): HTMLElement | null => {
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
    return h(
      "div",
      { class: "finding-fix" },
      h("button", {
        class: "btn btn-secondary btn-small",
        text: tr("fixButton", { value: fix.value }),
        attrs: {
          type: "button",
          "data-testid": "fix",
          "data-fix-for": key,
          "aria-label": tr("fixButtonLabel", { cell: fix.cell, value: fix.value }),
          title: tr("fixButtonLabel", { cell: fix.cell, value: fix.value }),
        },
        on: { click: act(() => controller.askFix(f.id)) },
      }),
    );
  };

  let shownFindings: FindingView[] | null | undefined;
  let shownConfirmFix: PaneState["confirmFix"] | undefined;
  const renderFindings = (findings: FindingView[] | null, confirmFix: PaneState["confirmFix"]): void => {
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
      findingsHint.hidden = true;
      summary.textContent = tr("notChecked");
      findingsBody.replaceChildren();
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
    findingsHint.hidden = !findings.some((f) => f.refs.length > 0);
    const groups = groupBySeverity(findings)
      .filter((g) => g.items.length > 0)
      .map((g) =>
        h(
          "section",
          {
            class: `group group-${g.severity}`,
            attrs: { "data-testid": `group-${g.severity}`, "aria-labelledby": `group-${g.severity}-title` },
          },
          h(
            "h3",
            { id: `group-${g.severity}-title` },
            h("span", { text: tr(SEVERITY_GROUP[g.severity]) }),
            h("span", { class: "count", text: String(g.items.length) }),
          ),
          h("ul", { class: "finding-list" }, ...g.items.map(renderFinding)),
        ),
      );
    findingsBody.replaceChildren(...groups);
    const byKey = (attr: string, key: string, extra = ""): HTMLElement | undefined =>
      Array.from(findingsBody.querySelectorAll<HTMLElement>(`[${attr}]${extra}`)).find(
        (el) => el.getAttribute(attr) === key,
      );
    if (asked) {
      // The question was just asked: focus its 确定 (the question is its description).
      findingsBody.querySelector<HTMLElement>('[data-testid="fix-ok"]')?.focus();
    } else if (focusedFix) {
      // Back from the confirm row (取消, Esc, 确定): the fix button, else the finding, else 检查.
      (byKey("data-fix-for", focusedFix, '[data-testid="fix"]') ?? byKey("data-key", focusedFix) ?? checkBtn).focus();
    } else if (focusedKey) {
      const again = Array.from(findingsBody.querySelectorAll<HTMLElement>("[data-key]")).find(
        (el) => el.getAttribute("data-key") === focusedKey,
      );
      (again ?? checkBtn).focus();
    }
  };

  let shownTables: PaneState["tables"] | undefined;
  let shownSelected: string | null | undefined;
  const renderTables = (state: PaneState): void => {
    tablesSection.hidden = !(state.generated && state.tables.length > 0);
    const hint = tr("copyHint", { key: state.copyKey });
    if (copyHint.textContent !== hint) copyHint.textContent = hint;
    if (state.tables !== shownTables) buildTables(state);
    if (state.selectedTable !== shownSelected) {
      shownSelected = state.selectedTable;
      for (const li of tableList.querySelectorAll<HTMLElement>(".table-item")) {
        li.classList.toggle("is-selected", li.dataset.name === state.selectedTable);
      }
      const tb = state.tables.find((x) => x.name === state.selectedTable);
      tableStatus.textContent = tb ? tr("tableSelectedStatus", { title: tb.title, key: state.copyKey }) : "";
    }
  };
  const buildTables = (state: PaneState): void => {
    shownTables = state.tables;
    shownSelected = undefined;
    // "二、主动公开政府信息情况 第二十条第（一）项": the section once as a group line, then the item.
    const items: HTMLElement[] = [];
    let group = "";
    for (const tb of state.tables) {
      const space = tb.title.lastIndexOf(" ");
      const g = space > 0 ? tb.title.slice(0, space) : "";
      if (g && g !== group) items.push(h("li", { class: "table-group", text: g, attrs: { "aria-hidden": "true" } }));
      group = g;
      items.push(tableItem(tb, space > 0 ? tb.title.slice(space + 1) : tb.title));
    }
    tableList.replaceChildren(...items);
  };
  const tableItem = (tb: PaneState["tables"][number], label: string): HTMLElement =>
    h(
      "li",
      { class: "table-item", attrs: { "data-name": tb.name } },
      h("span", { class: "table-title", text: label }),
      h(
        "span",
        { class: "table-selected", attrs: { "aria-hidden": "true" } },
        strokeIcon("check"),
        tr("tableSelected"),
      ),
      h("button", {
        class: "btn btn-secondary btn-small",
        text: tr("selectTable"),
        attrs: {
          type: "button",
          "data-testid": "select-table",
          "data-name": tb.name,
          "aria-label": tr("selectTableLabel", { title: tb.title }),
        },
        on: { click: act(() => controller.selectTable(tb.name)) },
      }),
    );

  let shownSettings: PaneSettings | undefined;
  let shownContext: string | undefined;
  const render = (state: PaneState): void => {
    const busy = state.busy !== null;
    main.setAttribute("aria-busy", String(busy || state.phase === "loading"));
    progress.hidden = !(busy || state.phase === "loading");
    const busyText = state.busy ? tr(BUSY_KEYS[state.busy]) : state.phase === "loading" ? tr("busyReading") : "";
    progress.setAttribute("aria-valuetext", busyText);
    if (status.textContent !== busyText) status.textContent = busyText;
    document.body.dataset.state = busy ? "busy" : state.phase;

    empty.hidden = state.phase !== "empty";
    failed.hidden = state.phase !== "failed";
    ready.hidden = state.phase !== "ready";
    footerInsert.hidden = state.phase !== "ready";
    emptyReason.textContent =
      state.phase === "empty" && state.reason ? tr("emptyReason", { reason: state.reason }) : "";
    failedReason.textContent = state.phase === "failed" ? (state.reason ?? "") : "";
    const tplTitle = tr("insertTemplateTitle", { year: state.templateYear });
    insertBtn.title = tplTitle;
    emptyYear.textContent = tr("templateYearHint", { year: state.templateYear });
    footerInsert.title = tplTitle;

    const parts: string[] = [];
    if (state.phase === "ready" && state.sheet) parts.push(tr("counts", { sheet: state.sheet }));
    if (state.phase === "ready" && state.year) parts.push(tr("year", { year: state.year }));
    if (state.phase === "ready" && state.body) parts.push(state.body);
    // Each part wraps as a whole where it can ("遂宁市某某局" is not cut after "某").
    const contextText = parts.length ? parts.join(" · ") : tr("appSubtitle");
    if (shownContext !== contextText) {
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
    }

    autoInput.checked = state.settings.autoUpdate;
    staleBanner.hidden = !state.stale || state.confirmReplace !== null;
    confirmBanner.hidden = state.confirmReplace === null;
    confirmText.textContent = state.confirmReplace ?? "";

    notice.hidden = !state.notice;
    notice.className = `banner banner-${state.notice?.kind ?? "info"}`;
    notice.setAttribute("role", state.notice?.kind === "error" ? "alert" : "status");
    noticeText.textContent = state.notice?.text ?? "";

    renderFindings(state.findings, state.confirmFix);
    renderTables(state);
    if (state.settings !== shownSettings) {
      shownSettings = state.settings;
      if (!formDirty) fillForm(state.settings);
    }
    for (const [el, bad] of [
      [decimalsSel, state.settingsProblems.includes("errDecimals")],
      [tableSheetIn, state.settingsProblems.some((p) => p === "errSheetName" || p === "errSheetSame")],
      [textSheetIn, state.settingsProblems.some((p) => p === "errSheetName" || p === "errSheetSame")],
      [fontIn, state.settingsProblems.includes("errFontName")],
      [titleSizeIn, state.settingsProblems.includes("errFontSize")],
      [bodySizeIn, state.settingsProblems.includes("errFontSize")],
    ] as [HTMLElement, boolean][]) {
      if (bad) el.setAttribute("aria-invalid", "true");
      else el.removeAttribute("aria-invalid");
    }
    // Last, so that buttons made by this render are covered too.
    for (const b of root.querySelectorAll<HTMLButtonElement>(".btn")) {
      if (busy) b.setAttribute("aria-disabled", "true");
      else b.removeAttribute("aria-disabled");
    }
  };

  const unsubscribe = controller.subscribe(render);
  return {
    destroy(): void {
      unsubscribe();
    },
  };
}
