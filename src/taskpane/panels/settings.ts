/**
 * The settings card: share precision and tie rule, report sheet names, font and sizes. What the user is typing
 * is never overwritten by a re-render; problems from the last save mark their fields aria-invalid.
 */
import { DEFAULT_SETTINGS, type PaneSettings, type SettingsProblem } from "../controller";
import type { Panel, ViewContext } from "./context";
import { h, strokeIcon } from "./dom";

export function settingsPanel({ tr, controller, isBusy }: ViewContext): Panel {
  const field = (id: string, label: string, control: HTMLElement, hint?: HTMLElement): HTMLElement => {
    if (hint) control.setAttribute("aria-describedby", hint.id);
    return h("div", { class: "field" }, h("label", { attrs: { for: id }, text: label }), control, hint);
  };
  const decimals = h("select", { id: "set-decimals" });
  for (let d = 0; d <= 4; d++) decimals.append(h("option", { text: String(d), attrs: { value: String(d) } }));
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
  const tableSheet = textInput("set-table-sheet");
  const textSheet = textInput("set-text-sheet");
  const font = textInput("set-font", 64);
  const titleSize = sizeInput("set-title-size");
  const bodySize = sizeInput("set-body-size");

  let dirty = false;
  const fill = (s: PaneSettings): void => {
    decimals.value = String(s.decimals);
    halfUp.checked = s.rounding === "half-up";
    halfEven.checked = s.rounding === "half-even";
    largest.checked = s.largestRemainder;
    tableSheet.value = s.tableSheet;
    textSheet.value = s.textSheet;
    font.value = s.fontName;
    titleSize.value = String(s.titleSize);
    bodySize.value = String(s.bodySize);
    dirty = false;
  };
  const read = (): PaneSettings => ({
    decimals: Number(decimals.value),
    rounding: halfEven.checked ? "half-even" : "half-up",
    largestRemainder: largest.checked,
    tableSheet: tableSheet.value.trim(),
    textSheet: textSheet.value.trim(),
    fontName: font.value.trim(),
    titleSize: titleSize.value === "" ? NaN : Number(titleSize.value),
    bodySize: bodySize.value === "" ? NaN : Number(bodySize.value),
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
          void controller.saveSettings(read()).then((ok) => {
            if (ok) fill(controller.state.settings);
          });
        },
        input: () => {
          dirty = true;
        },
      },
    },
    field("set-decimals", tr("decimals"), decimals),
    h("fieldset", { class: "field" }, h("legend", { text: tr("tieRule") }), halfUpLabel, halfEvenLabel),
    h("label", { class: "choice" }, largest, h("span", { text: tr("largestRemainder") })),
    h("hr", { class: "divider" }),
    // Sizes belong to the report tables (报告表格); the text sheet has only its name and says what it takes.
    field("set-table-sheet", tr("tableSheet"), tableSheet),
    h(
      "div",
      { class: "field-row" },
      field("set-title-size", tr("titleSize"), titleSize),
      field("set-body-size", tr("bodySize"), bodySize),
    ),
    field(
      "set-text-sheet",
      tr("textSheet"),
      textSheet,
      h("p", { id: "text-sizes-hint", class: "hint", text: tr("textSizesHint") }),
    ),
    field("set-font", tr("fontName"), font),
    h("button", {
      id: "save-settings",
      class: "btn btn-secondary",
      text: tr("saveSettings"),
      attrs: { type: "submit" },
    }),
  );
  fill(DEFAULT_SETTINGS);
  const details = h(
    "details",
    { id: "settings", class: "card settings" },
    h("summary", {}, strokeIcon("chevron"), h("span", { text: tr("settings") })),
    form,
  );

  /** Which problems of the last save mark which field. */
  const marks: [HTMLElement, SettingsProblem[]][] = [
    [decimals, ["errDecimals"]],
    [tableSheet, ["errSheetName", "errSheetSame"]],
    [textSheet, ["errSheetName", "errSheetSame"]],
    [font, ["errFontName"]],
    [titleSize, ["errFontSize"]],
    [bodySize, ["errFontSize"]],
  ];
  let shown: PaneSettings | undefined;
  return {
    nodes: [details],
    render(state) {
      if (state.settings !== shown) {
        shown = state.settings;
        if (!dirty) fill(state.settings);
      }
      for (const [el, problems] of marks) {
        if (problems.some((p) => state.settingsProblems.includes(p))) el.setAttribute("aria-invalid", "true");
        else el.removeAttribute("aria-invalid");
      }
    },
  };
}
