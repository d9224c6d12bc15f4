/**
 * A DOM for tests of the pane's panels (happy-dom): `useDom()` in a describe block gives each test a fresh
 * document as the global `document`, and removes it afterwards (the engine's tests must not see one).
 */
import { Window } from "happy-dom";

export interface TestDom {
  window: Window;
  document: Document;
}

export function installDom(): TestDom & { restore(): void } {
  const window = new Window({ url: "https://localhost/taskpane.html" });
  const document = window.document as unknown as Document;
  const g = globalThis as { document?: Document };
  const before = g.document;
  g.document = document;
  return {
    window,
    document,
    restore() {
      if (before === undefined) delete g.document;
      else g.document = before;
      void window.happyDOM.close();
    },
  };
}

/** Mocha hooks: a fresh DOM for each test of the block. */
export function useDom(): TestDom {
  const dom = {} as TestDom;
  let restore: (() => void) | undefined;
  beforeEach(() => {
    const d = installDom();
    dom.window = d.window;
    dom.document = d.document;
    restore = d.restore;
  });
  afterEach(() => restore?.());
  return dom;
}
