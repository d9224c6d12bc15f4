import { strict as assert } from "node:assert";
import { useDom } from "../../../test/support/dom";
import { FakePane, findingView } from "../../../test/support/fake-pane";
import { viewContext } from "./context";
import { findingsPanel } from "./findings";

describe("pane panel: findings", () => {
  const dom = useDom();

  function mount(pane: FakePane) {
    const fallback = dom.document.createElement("button");
    const panel = findingsPanel(viewContext(pane), () => fallback);
    dom.document.body.append(...panel.nodes, fallback);
    panel.render(pane.state);
    return { panel, fallback, root: panel.nodes[0]! };
  }

  it("before the first check says so, with no groups", () => {
    const { root } = mount(new FakePane("zh", { findings: null }));
    assert.equal(root.querySelector("#summary")!.textContent, "尚未检查。点“检查”核对数据表。");
    assert.equal(root.querySelectorAll('[data-testid="finding"]').length, 0);
  });

  it("groups by severity with counts, and shows message, cells, expected and actual", () => {
    const pane = new FakePane("zh", {
      findings: [
        findingView({ id: 0 }),
        findingView({ id: 1, severity: "warning", rule: "fee-unit", message: "费用单位", refs: [], cells: [] }),
      ],
    });
    const { root } = mount(pane);
    assert.equal(root.querySelector('[data-testid="group-error"] .count')!.textContent, "1");
    assert.equal(root.querySelector('[data-testid="group-warning"] .count')!.textContent, "1");
    assert.equal(root.querySelector('[data-testid="group-info"]'), null, "an empty group is not shown");
    const err = root.querySelector('[data-rule="s3-row-sum"]')!;
    assert.match(err.querySelector(".finding-message")!.textContent!, /合计应为 5，实为 6/);
    assert.equal(err.querySelector(".finding-cells")!.textContent, "公开数据!D64");
    assert.deepEqual(
      Array.from(err.querySelectorAll(".finding-value")).map((e) => e.textContent),
      ["应为 5", "实际 6"],
    );
    assert.equal(err.getAttribute("role"), "button", "a finding that names cells can select them");
    assert.equal(root.querySelector('[data-rule="fee-unit"]')!.getAttribute("role"), null);
  });

  it("activating a finding selects its cells, by click or Enter, never while busy", () => {
    const pane = new FakePane("zh", { findings: [findingView({ id: 7 })] });
    const { root, panel } = mount(pane);
    const item = root.querySelector<HTMLElement>('[data-testid="finding"]')!;
    item.click();
    item.dispatchEvent(new dom.window.KeyboardEvent("keydown", { key: "Enter" }) as unknown as Event);
    pane.set({ busy: "checking" });
    panel.render(pane.state);
    item.click();
    assert.deepEqual(pane.calls, [
      ["selectFinding", 7],
      ["selectFinding", 7],
    ]);
  });

  it("a fix asks first, then focuses 确定; Esc cancels; focus returns to the fix button", () => {
    const fix = { ref: { sheet: "公开数据", row: 63, col: 3 }, cell: "公开数据!D64", value: 5, was: 6 };
    const pane = new FakePane("zh", { findings: [findingView({ id: 0, fix })] });
    const { root, panel } = mount(pane);
    const fixButton = root.querySelector<HTMLElement>('[data-testid="fix"]')!;
    assert.equal(fixButton.textContent, "改为 5");
    fixButton.focus();
    fixButton.click();
    assert.deepEqual(pane.calls, [["askFix", 0]]);
    pane.set({ confirmFix: { id: 0, cell: fix.cell, value: 5, text: "将 公开数据!D64 由 6 改为 5？" } });
    panel.render(pane.state);
    const ok = root.querySelector<HTMLElement>('[data-testid="fix-ok"]')!;
    assert.equal(dom.document.activeElement, ok, "the question just asked has focus on 确定");
    assert.match(root.querySelector(".fix-confirm-text")!.textContent!, /由 6 改为 5/);
    root
      .querySelector('[data-testid="fix-confirm"]')!
      .dispatchEvent(new dom.window.KeyboardEvent("keydown", { key: "Escape", bubbles: true }) as unknown as Event);
    assert.deepEqual(pane.calls.at(-1), ["cancelFix"]);
    pane.set({ confirmFix: null });
    panel.render(pane.state);
    assert.equal(dom.document.activeElement, root.querySelector('[data-testid="fix"]'), "back on the fix button");
  });

  it("no fix is offered when the host cannot write", () => {
    const fix = { ref: { sheet: "公开数据", row: 63, col: 3 }, cell: "公开数据!D64", value: 5, was: 6 };
    const { root } = mount(new FakePane("zh", { canFix: false, findings: [findingView({ fix })] }));
    assert.equal(root.querySelector('[data-testid="fix"]'), null);
  });

  it("keeps focus on the same finding after a re-check, else on the fallback", () => {
    const pane = new FakePane("en", { findings: [findingView({ id: 0 }), findingView({ id: 1, rule: "other" })] });
    const { root, panel, fallback } = mount(pane);
    root.querySelector<HTMLElement>('[data-rule="other"]')!.focus();
    pane.set({ findings: [findingView({ id: 0, rule: "other" })] });
    panel.render(pane.state);
    assert.equal(dom.document.activeElement?.getAttribute("data-rule"), "other");
    pane.set({ findings: [] });
    panel.render(pane.state);
    assert.equal(dom.document.activeElement, fallback);
    assert.equal(root.querySelector("#summary")!.textContent, "No problems found: every relation holds.");
  });

  it("groups findings about the report's text under 正文, with the sentence and its figure marked", () => {
    const text = {
      before: "2022年，全区收到政府信息公开申请",
      figure: "75",
      after: "件，涉及自然人72件。",
      cell: "报告正文!A5",
      tableRefs: [{ sheet: "公开数据", row: 10, col: 9 }],
      tableCells: ["公开数据!J11"],
    };
    const pane = new FakePane("zh", {
      findings: [
        findingView({ id: 0 }),
        findingView({
          id: 1,
          severity: "warning",
          rule: "text-count",
          message: "正文写“75件”…",
          refs: [{ sheet: "报告正文", row: 4, col: 0 }],
          cells: ["报告正文!A5", "公开数据!J11"],
          text,
        }),
      ],
    });
    const { root } = mount(pane);
    assert.equal(
      root.querySelector('[data-testid="group-warning"]'),
      null,
      "the text finding is not among the warnings",
    );
    const group = root.querySelector('[data-testid="group-text"]')!;
    assert.equal(group.querySelector("h3 span")!.textContent, "正文");
    const item = group.querySelector<HTMLElement>('[data-rule="text-count"]')!;
    assert.equal(
      item.querySelector('[data-testid="finding-sentence"]')!.textContent,
      "2022年，全区收到政府信息公开申请75件，涉及自然人72件。",
    );
    assert.equal(item.querySelector('[data-testid="finding-figure"]')!.textContent, "75");
    assert.equal(item.querySelector(".finding-cells")!.textContent, "报告正文!A5");
    item.click();
    assert.deepEqual(pane.calls.at(-1), ["selectFinding", 1]);
    group.querySelector<HTMLElement>('[data-testid="select-table-cells"]')!.click();
    assert.deepEqual(pane.calls.at(-1), ["selectFindingTableCells", 1]);
  });
});
