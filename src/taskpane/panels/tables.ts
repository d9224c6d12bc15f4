/** The generated report tables, grouped by section, each with 选中 (select it in Excel, to copy into Word). */
import type { PaneState } from "../controller";
import type { Panel, ViewContext } from "./context";
import { h, strokeIcon } from "./dom";

type TableLink = PaneState["tables"][number];

export function tablesPanel({ tr, act, controller }: ViewContext): Panel {
  const list = h("ul", { id: "table-list", class: "table-list" });
  // The copy shortcut is named once, here; 选中 marks its row and tells screen readers the rest.
  const copyHint = h("p", { id: "copy-hint", class: "hint", attrs: { "data-testid": "copy-hint" } });
  // 报告正文 pastes into Word as a one-column table; "只保留文本" makes each paragraph a paragraph.
  const textHint = h("p", { id: "text-paste-hint", class: "hint", text: tr("textPasteHint"), attrs: { hidden: "" } });
  const status = h("p", { id: "table-status", class: "visually-hidden", attrs: { role: "status" } });
  const section = h(
    "section",
    { id: "tables", class: "card", attrs: { "aria-labelledby": "tables-title", hidden: "" } },
    h("h2", { id: "tables-title", text: tr("tables") }),
    copyHint,
    list,
    textHint,
    status,
  );

  const item = (tb: TableLink, label: string): HTMLElement =>
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
          "aria-label": tb.text ? tr("selectTextLabel") : tr("selectTableLabel", { title: tb.title }),
        },
        on: { click: act(() => controller.selectTable(tb.name)) },
      }),
    );

  // "二、主动公开政府信息情况 第二十条第（一）项": the section once as a group line, then the item.
  const build = (tables: TableLink[]): void => {
    const items: HTMLElement[] = [];
    let group = "";
    for (const tb of tables) {
      if (tb.text) {
        // 报告正文: a line of its own, under no section.
        group = "";
        items.push(item(tb, tb.title));
        continue;
      }
      const space = tb.title.lastIndexOf(" ");
      const g = space > 0 ? tb.title.slice(0, space) : "";
      if (g && g !== group) items.push(h("li", { class: "table-group", text: g, attrs: { "aria-hidden": "true" } }));
      group = g;
      items.push(item(tb, space > 0 ? tb.title.slice(space + 1) : tb.title));
    }
    list.replaceChildren(...items);
  };

  let shownTables: TableLink[] | undefined;
  let shownSelected: string | null | undefined;
  return {
    nodes: [section],
    render(state) {
      section.hidden = !(state.generated && state.tables.length > 0);
      const hint = tr("copyHint", { key: state.copyKey });
      if (copyHint.textContent !== hint) copyHint.textContent = hint;
      if (state.tables !== shownTables) {
        shownTables = state.tables;
        shownSelected = undefined;
        build(state.tables);
        textHint.hidden = !state.tables.some((tb) => tb.text);
      }
      if (state.selectedTable === shownSelected) return;
      shownSelected = state.selectedTable;
      for (const li of list.querySelectorAll<HTMLElement>(".table-item")) {
        li.classList.toggle("is-selected", li.dataset.name === state.selectedTable);
      }
      const tb = state.tables.find((x) => x.name === state.selectedTable);
      status.textContent = !tb
        ? ""
        : tb.text
          ? tr("textSelectedStatus", { key: state.copyKey })
          : tr("tableSelectedStatus", { title: tb.title, key: state.copyKey });
    },
  };
}
