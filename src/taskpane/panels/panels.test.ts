import { strict as assert } from "node:assert";
import { useDom } from "../../../test/support/dom";
import { FakePane } from "../../../test/support/fake-pane";
import type { PaneState } from "../controller";
import { actionsPanel, autoUpdatePanel } from "./actions";
import { viewContext, type Panel, type ViewContext } from "./context";
import { headerPanel } from "./header";
import { noticesPanel } from "./notices";
import { reportInfoPanel } from "./report-info";
import { reportsPanel } from "./reports";
import { settingsPanel } from "./settings";
import { emptyPanels, footerPanel } from "./states";
import { tablesPanel } from "./tables";

describe("pane panels (each on its own, with a DOM)", () => {
  const dom = useDom();

  function mount(make: (ctx: ViewContext) => Panel, pane: FakePane) {
    const panel = make(viewContext(pane));
    const root = dom.document.createElement("div");
    root.append(...panel.nodes);
    dom.document.body.append(root);
    const render = (patch: Partial<PaneState> = {}): void => {
      pane.set(patch);
      panel.render(pane.state);
    };
    render();
    return { root, render };
  }
  const q = (root: HTMLElement, sel: string): HTMLElement => {
    const el = root.querySelector<HTMLElement>(sel);
    assert.ok(el, sel);
    return el;
  };

  it("header: the counts sheet, year and body once ready; the busy text while working", () => {
    const pane = new FakePane("zh", { phase: "loading" });
    const { root, render } = mount(headerPanel, pane);
    assert.equal(q(root, "#context").textContent, "政府信息公开工作年度报告");
    assert.equal(q(root, "#progress").hidden, false, "loading shows progress");
    render({ phase: "ready", sheet: "公开数据", year: 2024, body: "遂宁市某某局" });
    assert.equal(q(root, "#context").textContent, "数据表：公开数据 · 2024年度 · 遂宁市某某局");
    assert.equal(q(root, "#progress").hidden, true);
    render({ busy: "checking" });
    assert.equal(q(root, "#status").textContent, "正在检查…");
    assert.equal(q(root, "#progress").getAttribute("aria-valuetext"), "正在检查…");
  });

  it("empty and failed states: why, the template year, and their buttons", () => {
    const pane = new FakePane("en", { phase: "empty", reason: "no counts sheet", templateYear: 2025 });
    const { root, render } = mount(emptyPanels, pane);
    assert.equal(q(root, "#empty").hidden, false);
    assert.equal(q(root, "#empty-reason").textContent, "Reason: no counts sheet");
    // 报告年度 of the template, with its explanation; a year typed goes to the controller.
    assert.equal((q(root, "#template-year") as HTMLInputElement).value, "2025");
    assert.match(q(root, "#template-year-help").textContent!, /year whose report is due/);
    const year = q(root, "#template-year") as HTMLInputElement;
    year.value = "2024";
    year.dispatchEvent(new dom.window.Event("change") as unknown as Event);
    q(root, "#insert-template").click();
    render({ phase: "failed", reason: "cannot read" });
    assert.equal(q(root, "#empty").hidden, true);
    assert.equal(q(root, "#failed-reason").textContent, "cannot read");
    q(root, "#retry").click();
    assert.deepEqual(pane.calls, [["setTemplateYear", 2024], ["insertTemplate"], ["open"]]);
  });

  it("报告信息: the year (changeable), unit and 公开范围 as the sheet states them, each with its one-line explanation", () => {
    const cell = (row: number) => ({ sheet: "公开数据", row, col: 1 });
    const pane = new FakePane("zh", {
      year: 2025,
      body: "某某县教育局",
      metaCells: { year: cell(4), body: cell(3), scope: cell(5) },
    });
    const { root, render } = mount(reportInfoPanel, pane);
    const year = q(root, "#report-year") as HTMLInputElement;
    assert.equal(year.value, "2025");
    assert.equal(year.disabled, false);
    assert.match(
      q(root, "#report-year-help").textContent!,
      /^报告所属的年度，不是填报年份；默认是应报告的年度（12月为当年/,
    );
    assert.equal(q(root, "#report-body").textContent, "某某县教育局");
    // The template's own words: an example of what the field changes in the text.
    assert.match(q(root, "#report-body-help").textContent!, /正文称“本局”/);
    assert.equal(q(root, "#report-scope").textContent, "（未填写）");
    assert.match(
      q(root, "#report-scope-help").textContent!,
      /本级政府：全县（市、区）各级行政机关汇总，正文称“全县各级行政机关”/,
    );
    year.value = "2026";
    year.dispatchEvent(new dom.window.Event("change") as unknown as Event);
    q(root, "#select-scope").click();
    assert.deepEqual(pane.calls, [
      ["changeReportYear", 2026],
      ["selectMetaCell", "scope"],
    ]);
    render({ scope: "本级政府", metaCells: { body: cell(3) } });
    assert.equal(q(root, "#report-scope").textContent, "本级政府");
    assert.equal(year.disabled, true, "no 年度 cell: nothing to write");
    assert.equal(q(root, "#select-scope").hidden, true);
  });

  it("footer: the template button only once a report is open", () => {
    const pane = new FakePane("zh", { phase: "empty" });
    const { root, render } = mount(footerPanel, pane);
    assert.equal(q(root, "#insert-template-footer").hidden, true);
    render({ phase: "ready" });
    assert.equal(q(root, "#insert-template-footer").hidden, false);
  });

  it("actions and the auto-update switch report to the controller; nothing while busy", () => {
    const pane = new FakePane("zh");
    const { root } = mount((ctx) => {
      const a = actionsPanel(ctx);
      const s = autoUpdatePanel(ctx);
      return { nodes: [...a.nodes, ...s.nodes], render: (st) => (a.render(st), s.render(st)) };
    }, pane);
    q(root, "#check").click();
    q(root, "#generate").click();
    const sw = q(root, "#auto-update") as HTMLInputElement;
    sw.checked = true;
    sw.dispatchEvent(new dom.window.Event("change") as unknown as Event);
    pane.set({ busy: "generating" });
    q(root, "#check").click();
    assert.deepEqual(pane.calls, [["check"], ["generate"], ["setAutoUpdate", true]]);
  });

  it("report picker: hidden for one report; lists sheet · unit · year; picking asks the controller, not while busy", () => {
    const pane = new FakePane("zh", { sheet: "公开数据" });
    const { root, render } = mount(reportsPanel, pane);
    assert.equal(q(root, "#report-picker-row").hidden, true, "one report: no picker");
    const reports = [
      { sheet: "公开数据", unit: "平潭综合实验区", year: 2025, errors: 0 },
      { sheet: "甲局", unit: "<b>甲局</b>", year: 2025, errors: 2 },
      { sheet: "上年", year: 2024 },
    ];
    render({ reports });
    const select = q(root, "#report-picker") as HTMLSelectElement;
    assert.equal(q(root, "#report-picker-row").hidden, false);
    assert.equal(q(root, "label[for=report-picker]").textContent, "报告（本工作簿共3份，1份有错误）");
    assert.deepEqual(
      Array.from(select.options).map((o) => [o.value, o.textContent]),
      [
        ["公开数据", "公开数据 · 平潭综合实验区 · 2025年度 · 无错误"],
        ["甲局", "甲局 · <b>甲局</b> · 2025年度 · 2个错误"],
        ["上年", "上年 · 2024年度"],
      ],
    );
    assert.equal(select.querySelector("b"), null, "workbook text is text");
    assert.equal(select.value, "公开数据", "the report in use is selected");
    select.value = "甲局";
    select.dispatchEvent(new dom.window.Event("change") as unknown as Event);
    assert.deepEqual(pane.calls, [["pickReport", "甲局"]]);
    render({ sheet: "甲局" });
    assert.equal(select.value, "甲局");
    render({ busy: "checking" });
    select.value = "上年";
    select.dispatchEvent(new dom.window.Event("change") as unknown as Event);
    assert.equal(pane.calls.length, 1, "nothing while busy");
    assert.equal(select.value, "甲局", "the select goes back to the report in use");
  });

  it("notices: replace? hides out-of-date; an error notice is an alert; × dismisses", () => {
    const pane = new FakePane("zh", { stale: true });
    const { root, render } = mount(noticesPanel, pane);
    assert.equal(q(root, "#stale").hidden, false);
    render({ confirmReplace: "替换“报告表格”？" });
    assert.equal(q(root, "#stale").hidden, true);
    assert.equal(q(root, "#confirm").hidden, false);
    assert.equal(q(root, "#confirm .banner-text").textContent, "替换“报告表格”？");
    q(root, "#confirm-replace").click();
    q(root, "#cancel-replace").click();
    render({ notice: { kind: "error", text: "无法写入" } });
    assert.equal(q(root, "#notice").getAttribute("role"), "alert");
    assert.equal(q(root, "#notice-text").textContent, "无法写入");
    q(root, "#notice .btn-icon").click();
    assert.deepEqual(pane.calls, [["confirmReplace"], ["cancelReplace"], ["dismissNotice"]]);
  });

  it("report tables: grouped by section, 选中 selects, the selected row is marked and announced", () => {
    const tables = [
      { name: "表二_1", title: "二、主动公开政府信息情况 第二十条第（一）项" },
      { name: "表二_5", title: "二、主动公开政府信息情况 第二十条第（五）项" },
      { name: "表三", title: "三、收到和处理政府信息公开申请情况" },
    ] as PaneState["tables"];
    const pane = new FakePane("zh", { generated: true, tables });
    const { root, render } = mount(tablesPanel, pane);
    assert.equal(q(root, "#tables").hidden, false);
    assert.deepEqual(
      Array.from(root.querySelectorAll("#table-list > li")).map(
        (li) => li.className + ":" + li.firstChild!.textContent,
      ),
      [
        "table-group:二、主动公开政府信息情况",
        "table-item:第二十条第（一）项",
        "table-item:第二十条第（五）项",
        "table-item:三、收到和处理政府信息公开申请情况",
      ],
    );
    q(root, '[data-testid="select-table"][data-name="表三"]').click();
    assert.deepEqual(pane.calls, [["selectTable", "表三"]]);
    render({ selectedTable: "表三" });
    assert.ok(q(root, 'li[data-name="表三"]').classList.contains("is-selected"));
    assert.match(q(root, "#table-status").textContent!, /三、收到和处理政府信息公开申请情况/);
    assert.match(q(root, "#copy-hint").textContent!, /Ctrl\+C/);
    assert.equal(q(root, "#text-paste-hint").hidden, true, "no text in the list, no paste hint for it");
  });

  it("report text: 选中 报告正文 on a line of its own, with the paste option that gives paragraphs", () => {
    const tables = [
      { name: "表三", title: "三、收到和处理政府信息公开申请情况" },
      { name: "报告正文", title: "报告正文（全文）", text: { sheet: "报告正文", rows: 30 } },
    ] as PaneState["tables"];
    const pane = new FakePane("zh", { generated: true, tables });
    const { root, render } = mount(tablesPanel, pane);
    assert.deepEqual(
      Array.from(root.querySelectorAll("#table-list > li")).map(
        (li) => li.className + ":" + li.firstChild!.textContent,
      ),
      ["table-item:三、收到和处理政府信息公开申请情况", "table-item:报告正文（全文）"],
    );
    const button = q(root, '[data-testid="select-table"][data-name="报告正文"]');
    assert.equal(button.getAttribute("aria-label"), "选中报告正文以复制");
    assert.equal(q(root, "#text-paste-hint").hidden, false);
    assert.match(q(root, "#text-paste-hint").textContent!, /只保留文本/);
    button.click();
    assert.deepEqual(pane.calls, [["selectTable", "报告正文"]]);
    render({ selectedTable: "报告正文" });
    assert.ok(q(root, 'li[data-name="报告正文"]').classList.contains("is-selected"));
    assert.equal(q(root, "#table-status").textContent, "已选中报告正文，按 Ctrl+C 复制");
  });

  it("settings: filled from state, saved as typed, typing not overwritten, problems marked", async () => {
    const pane = new FakePane("zh");
    const { root, render } = mount(settingsPanel, pane);
    const decimals = q(root, "#set-decimals") as HTMLSelectElement;
    const table = q(root, "#set-table-sheet") as HTMLInputElement;
    assert.equal(decimals.value, "2");
    render({ settings: { ...pane.state.settings, decimals: 3 } });
    assert.equal(decimals.value, "3");
    table.value = " 表格 ";
    q(root, "#settings-form").dispatchEvent(new dom.window.Event("input", { bubbles: true }) as unknown as Event);
    render({ settings: { ...pane.state.settings, decimals: 1 } });
    assert.equal(table.value, " 表格 ", "what the user is typing stays");
    q(root, "#settings-form").dispatchEvent(new dom.window.Event("submit", { cancelable: true }) as unknown as Event);
    await Promise.resolve();
    const saved = pane.calls[0]![1] as PaneState["settings"];
    assert.equal(saved.tableSheet, "表格", "trimmed");
    render({ settingsProblems: ["errSheetSame", "errFontSize"] });
    assert.equal(table.getAttribute("aria-invalid"), "true");
    assert.equal(q(root, "#set-title-size").getAttribute("aria-invalid"), "true");
    assert.equal(decimals.getAttribute("aria-invalid"), null);
  });
});
