import assert from "node:assert/strict";

type Handler = (event: Office.AddinCommands.Event) => void;

describe("ribbon commands (src/commands)", function () {
  const associated = new Map<string, Handler>();
  let readyCallbacks = 0;
  const fakeOffice = {
    onReady(callback: () => void) {
      readyCallbacks++;
      callback();
      return Promise.resolve({ host: null, platform: null });
    },
    actions: { associate: (name: string, fn: Handler) => associated.set(name, fn) },
  };
  let commands: typeof import("./commands");
  const g = globalThis as { Office?: unknown; action?: unknown };
  const saved = { Office: g.Office, action: g.action };

  before(function () {
    g.Office = fakeOffice;
    // Loaded after the fake Office exists: the module calls Office.onReady when it loads.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    commands = require("./commands");
  });

  after(function () {
    // Put back whatever other tests installed.
    g.Office = saved.Office;
    g.action = saved.action;
    if (saved.Office === undefined) delete g.Office;
    if (saved.action === undefined) delete g.action;
  });

  it("registers `action` with Office.actions.associate once Office is ready", function () {
    assert.equal(readyCallbacks, 1);
    assert.equal(associated.get("action"), commands.action);
  });

  it("`action` completes the event so Office does not wait forever", function () {
    let completed = 0;
    commands.action({ completed: () => completed++ } as unknown as Office.AddinCommands.Event);
    assert.equal(completed, 1);
  });

  it("falls back to a global function where Office.actions is missing", function () {
    commands.registerCommands({ onReady: fakeOffice.onReady } as unknown as typeof Office);
    assert.equal(g.action, commands.action);
  });
});
