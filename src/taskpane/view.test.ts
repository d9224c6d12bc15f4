import { strict as assert } from "node:assert";
import { useDom } from "../../test/support/dom";
import { FakePane, findingView } from "../../test/support/fake-pane";
import { mountView } from "./view";

describe("pane view (panels laid out and rendered together)", () => {
  const dom = useDom();

  it("lays the panels out in page order and shows the one the phase asks for", () => {
    const root = dom.document.createElement("div");
    dom.document.body.append(root);
    const pane = new FakePane("zh", { phase: "loading" });
    mountView(root, pane);
    assert.equal(dom.document.documentElement.lang, "zh-CN");
    assert.deepEqual(
      Array.from(root.children).map((e) => e.tagName.toLowerCase() + (e.id ? `#${e.id}` : "")),
      ["header", "div#progress", "p#status", "main#main", "footer"],
    );
    assert.deepEqual(
      Array.from(root.querySelector("#ready")!.children).map((e) => e.id || e.className),
      [
        "report-picker-row",
        "toolbar",
        "docx-mac-hint",
        "prior",
        "confirm",
        "stale",
        "notice",
        "switch-row",
        "findings",
        "report-info",
        "tables",
        "settings",
      ],
    );
    assert.equal(dom.document.body.dataset.state, "loading");
    pane.set({ phase: "ready", findings: [findingView()] });
    assert.equal(root.querySelector<HTMLElement>("#ready")!.hidden, false);
    assert.equal(root.querySelector("#main")!.getAttribute("aria-busy"), "false");
  });

  it("while busy every button, including ones made by that render, is aria-disabled", () => {
    const root = dom.document.createElement("div");
    dom.document.body.append(root);
    const pane = new FakePane("en");
    const view = mountView(root, pane);
    pane.set({
      busy: "checking",
      findings: [findingView({ fix: { ref: { sheet: "S", row: 0, col: 0 }, cell: "S!A1", value: 1, was: 2 } })],
    });
    const buttons = Array.from(root.querySelectorAll(".btn"));
    assert.ok(buttons.some((b) => b.getAttribute("data-testid") === "fix"));
    assert.ok(buttons.every((b) => b.getAttribute("aria-disabled") === "true"));
    assert.equal(dom.document.body.dataset.state, "busy");
    pane.set({ busy: null });
    assert.ok(Array.from(root.querySelectorAll(".btn")).every((b) => !b.hasAttribute("aria-disabled")));
    view.destroy();
    pane.set({ busy: "saving" });
    assert.equal(dom.document.body.dataset.state, "ready", "no render after destroy");
  });
});
