/**
 * The task pane in every Excel offices run (issue 13), checked on the shipped build:
 * - every script in dist/ parses as ES5 (acorn, ecmaVersion 5): IE11 (volume-licensed Office 2019) and
 *   EdgeHTML parse nothing newer;
 * - no builtin newer than ES5 is used by the legacy bundle without its polyfill in polyfills.js;
 * - loader.js picks the modern bundle only on a modern engine, loads polyfills only where a builtin is missing;
 * - the Content-Security-Policy is exactly the one below, and follows OFFICE_JS_URL;
 * - taskpane.css gives IE11 a plain value before every var().
 * The browser tier runs the pane with the polyfills forced on (test/browser/taskpane.test.ts).
 */
import { strict as assert } from "node:assert";
import { existsSync, readFileSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";
import vm from "node:vm";
import * as acorn from "acorn";
import * as walk from "acorn-walk";
import { privateProductionBuild } from "../support/pane-server";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const build = require("../../scripts/legacy-build") as {
  DEFAULT_OFFICE_JS: string;
  officeJsUrl(v?: string): string;
  contentSecurityPolicy(officeJs?: string): string;
  cssFallbacks(css: string): string;
  flexGapFallbacks(css: string): string;
  featureTests(modules: Iterable<string>): string[];
  loaderSource(tests: string[]): string;
};

const ROOT = path.resolve(__dirname, "../..");
const POLYFILL_ENTRY = path.join(ROOT, "node_modules/.cache/disclosure-report/polyfills-entry.js");

/**
 * Builtins newer than ES5 and the core-js modules that provide them. A method name stands for every
 * receiver it may have (".includes" on an array or a string), so each listed module must be there.
 */
const GLOBALS: Record<string, string[]> = {
  Promise: ["es.promise"],
  Map: ["es.map"],
  Set: ["es.set"],
  WeakMap: ["es.weak-map"],
  WeakSet: ["es.weak-set"],
  Symbol: ["es.symbol"],
  Reflect: ["es.reflect.construct"],
  globalThis: ["es.global-this"],
  // Not polyfilled by core-js: their use must be avoided or guarded.
  Proxy: ["(none)"],
  // The docx writer (a lazy chunk) uses them unguarded: the pane loads it only where both exist
  // (src/taskpane/taskpane.ts, canSaveDocx; IE11 and EdgeHTML are offered no download).
  TextEncoder: ["(guarded)"],
  TextDecoder: ["(guarded)"],
  structuredClone: ["(none)"],
  fetch: ["(none)"],
};
const STATICS: Record<string, string[]> = {
  "Object.assign": ["es.object.assign"],
  "Object.entries": ["es.object.entries"],
  "Object.values": ["es.object.values"],
  "Object.fromEntries": ["es.object.from-entries"],
  "Object.hasOwn": ["es.object.has-own"],
  "Array.from": ["es.array.from"],
  "Array.of": ["es.array.of"],
  "Number.isFinite": ["es.number.is-finite"],
  "Number.isInteger": ["es.number.is-integer"],
  "Number.isNaN": ["es.number.is-nan"],
  "Number.isSafeInteger": ["es.number.is-safe-integer"],
  "Math.trunc": ["es.math.trunc"],
  "Math.sign": ["es.math.sign"],
  "Math.log10": ["es.math.log10"],
  "String.fromCodePoint": ["es.string.from-code-point"],
};
const METHODS: Record<string, string[]> = {
  includes: ["es.array.includes", "es.string.includes"],
  startsWith: ["es.string.starts-with"],
  endsWith: ["es.string.ends-with"],
  padStart: ["es.string.pad-start"],
  padEnd: ["es.string.pad-end"],
  repeat: ["es.string.repeat"],
  trimStart: ["es.string.trim-start"],
  trimEnd: ["es.string.trim-end"],
  replaceAll: ["es.string.replace-all"],
  matchAll: ["es.string.match-all"],
  codePointAt: ["es.string.code-point-at"],
  find: ["es.array.find"],
  findIndex: ["es.array.find-index"],
  findLast: ["es.array.find-last"],
  fill: ["es.array.fill"],
  flat: ["es.array.flat"],
  flatMap: ["es.array.flat-map"],
  at: ["es.array.at", "es.string.at-alternative"],
};

describe("legacy webviews: ES5 build, polyfills, loader, CSP, CSS (static tier)", function () {
  this.timeout(600_000);
  let dist = path.join(ROOT, "dist");
  let tmp: string | null = null;
  let modules: Set<string>;

  before(() => {
    if (!existsSync(path.join(dist, "loader.js")) || !existsSync(path.join(dist, "taskpane.legacy.js"))) {
      tmp = privateProductionBuild("legacy-dist-").dir;
      dist = tmp;
    }
    const entry = readFileSync(POLYFILL_ENTRY, "utf8");
    modules = new Set([...entry.matchAll(/core-js\/modules\/([a-z0-9.-]+)\.js/g)].map((m) => m[1]!));
  });
  after(() => {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it("every shipped script parses as ES5 (acorn ecmaVersion 5)", () => {
    // taskpane.js and its lazy chunks ([id].js, webpack chunkFilename) are the modern build; [id].legacy.js are ES5.
    const modern = (f: string) => f === "taskpane.js" || /^\d+\.js$/.test(f);
    const scripts = readdirSync(dist).filter((f) => f.endsWith(".js") && !modern(f));
    assert.ok(
      readdirSync(dist).some((f) => /^\d+\.legacy\.js$/.test(f)),
      "the lazily loaded docx chunk has its ES5 build",
    );
    for (const must of ["loader.js", "polyfills.js", "taskpane.legacy.js", "commands.js"])
      assert.ok(scripts.includes(must), must);
    for (const f of scripts) {
      assert.doesNotThrow(() => acorn.parse(readFileSync(path.join(dist, f), "utf8"), { ecmaVersion: 5 }), f);
    }
    // The modern bundle is for modern engines only: ES2022, which loader.js tests for.
    assert.throws(() => acorn.parse(readFileSync(path.join(dist, "taskpane.js"), "utf8"), { ecmaVersion: 5 }));
    assert.doesNotThrow(() => acorn.parse(readFileSync(path.join(dist, "taskpane.js"), "utf8"), { ecmaVersion: 2022 }));
  });

  it("no builtin newer than ES5 in the legacy bundle or its lazy chunks lacks its polyfill", () => {
    // taskpane.legacy.js and every [id].legacy.js (the docx writer, loaded on demand): polyfills.js is
    // loaded once, before the bundle, so it must cover what the lazy chunks use too.
    const files = readdirSync(dist).filter((f) => f.endsWith(".legacy.js"));
    assert.ok(files.includes("taskpane.legacy.js") && files.length > 1, files.join(" "));
    const used = new Map<string, string[]>();
    for (const f of files) {
      walk.full(acorn.parse(readFileSync(path.join(dist, f), "utf8"), { ecmaVersion: 5 }), (node) => scan(node));
    }
    function scan(node: acorn.Node) {
      if (node.type === "Identifier") {
        const name = (node as acorn.Identifier).name;
        if (Object.prototype.hasOwnProperty.call(GLOBALS, name)) used.set(name, GLOBALS[name]!);
      }
      if (node.type === "MemberExpression") {
        const m = node as acorn.MemberExpression;
        const prop =
          m.property.type === "Identifier" && !m.computed
            ? m.property.name
            : m.property.type === "Literal"
              ? String(m.property.value)
              : "";
        const obj = m.object.type === "Identifier" ? m.object.name : "";
        const full = `${obj}.${prop}`;
        if (STATICS[full]) used.set(full, STATICS[full]);
        else if (Object.prototype.hasOwnProperty.call(METHODS, prop)) used.set(`.${prop}`, METHODS[prop]!);
      }
    }
    // The guard of the Word writer's builtins is in the bundle.
    const guarded = readFileSync(path.join(dist, "taskpane.legacy.js"), "utf8");
    assert.match(guarded, /typeof TextEncoder/);
    assert.match(guarded, /typeof TextDecoder/);
    const missing = [...used]
      .filter(([, mods]) => mods.some((m) => !modules.has(m) && m !== "(guarded)"))
      .map(([n, mods]) => `${n} (${mods.join(", ")})`);
    assert.deepEqual(missing, [], "builtins used without a polyfill");
    assert.ok(used.size > 10, `the scan sees the bundle's builtins (${[...used.keys()].join(" ")})`);
    console.log(
      `      legacy bundle and ${files.length - 1} lazy chunk(s): ${used.size} post-ES5 builtins used, all in polyfills.js (${modules.size} core-js modules)`,
    );
  });

  describe("loader.js", () => {
    /** Run loader.js in a sandbox with a given set of builtins; which scripts does it add, in order? */
    let said = "";
    let htmlClass = "";
    let measured = 0;
    /** `flexGapHeight`: what the loader's flex-gap probe measures (1 where flex gap works, 0 in IE11). */
    function runLoader(take: string[], flexGapHeight = 1): string[] {
      said = "";
      htmlClass = "";
      measured = 0;
      const added: { src: string; onload?: () => void }[] = [];
      const sandbox: Record<string, unknown> = {};
      const context = vm.createContext(sandbox);
      vm.runInContext(take.map((t) => `delete ${t};`).join("\n") + "\nthis.window = this;", context);
      const documentElement = {
        get className() {
          return htmlClass;
        },
        set className(v: string) {
          htmlClass = v;
        },
        appendChild: (box: { style: Record<string, string>; kids: number }) => {
          measured++;
          assert.deepEqual(box.style, { display: "flex", flexDirection: "column", rowGap: "1px" });
          assert.equal(box.kids, 2);
        },
        removeChild: () => undefined,
      };
      sandbox.document = {
        documentElement,
        head: { appendChild: (s: { src: string; onload?: () => void }) => added.push(s) },
        createElement: () => ({
          style: {},
          kids: 0,
          scrollHeight: flexGapHeight,
          appendChild(t: { text?: string }) {
            if (typeof t.text === "string") said += t.text;
            else this.kids++;
          },
        }),
        createTextNode: (text: string) => ({ text }),
        getElementById: () => ({ set innerHTML(_: string) {}, appendChild: () => undefined }),
      };
      vm.runInContext(readFileSync(path.join(dist, "loader.js"), "utf8"), context);
      for (let i = 0; i < added.length; i++) added[i]!.onload?.(); // scripts load in turn
      return added.map((s) => s.src);
    }

    it("a modern engine loads taskpane.js and nothing else", () => {
      assert.deepEqual(runLoader([]), ["taskpane.js"]);
    });

    it("an engine without ES2022 but with every polyfilled builtin loads the ES5 bundle alone", () => {
      assert.deepEqual(runLoader(["Object.hasOwn"]), ["taskpane.legacy.js"]);
    });

    it("an engine missing a builtin (EdgeHTML: Object.fromEntries, Array.prototype.flat) loads polyfills first", () => {
      assert.deepEqual(runLoader(["Array.prototype.at", "Object.fromEntries", "Array.prototype.flat"]), [
        "polyfills.js",
        "taskpane.legacy.js",
      ]);
    });

    it("an engine without BigInt (IE11, EdgeHTML) still loads the ES5 bundle: shares run on Numbers there", () => {
      assert.deepEqual(runLoader(["BigInt", "Array.prototype.at", "Object.fromEntries"]), [
        "polyfills.js",
        "taskpane.legacy.js",
      ]);
      assert.equal(said, "");
    });

    it("measures flex gap only on an old engine; without it (IE11) marks the page no-flex-gap", () => {
      runLoader([]);
      assert.equal(measured, 0, "a modern engine is not probed");
      assert.equal(htmlClass, "");
      runLoader(["Object.hasOwn"], 1);
      assert.equal(measured, 1);
      assert.equal(htmlClass, "", "an old Chromium has flex gap");
      assert.deepEqual(runLoader(["Object.hasOwn", "BigInt"], 0), ["taskpane.legacy.js"]);
      assert.equal(htmlClass, " no-flex-gap");
    });

    it("gives IE11 the DOM methods the pane uses (append, replaceChildren, classList.toggle with force)", () => {
      const ctx = vm.createContext({});
      class FakeNode {
        kids: unknown[] = [];
        get firstChild(): unknown {
          return this.kids[0] ?? null;
        }
        appendChild(k: unknown): void {
          this.kids.push(k);
        }
        removeChild(k: unknown): void {
          this.kids.splice(this.kids.indexOf(k), 1);
        }
      }
      const classes = new Set<string>();
      class TokenList {
        add(c: string): void {
          classes.add(c);
        }
        remove(c: string): void {
          classes.delete(c);
        }
        contains(c: string): boolean {
          return classes.has(c);
        }
        toggle(c: string, _force?: boolean): boolean {
          // IE11: the second argument is ignored
          if (classes.has(c)) classes.delete(c);
          else classes.add(c);
          return classes.has(c);
        }
      }
      Object.assign(ctx, {
        Element: FakeNode,
        DOMTokenList: TokenList,
        document: {
          createTextNode: (t: string) => ({ text: t }),
          createElement: () => ({ classList: new TokenList() }),
          documentElement: { className: "", appendChild: () => undefined, removeChild: () => undefined },
          head: { appendChild: () => undefined },
        },
      });
      vm.runInContext("this.window = this;", ctx);
      vm.runInContext(readFileSync(path.join(dist, "loader.js"), "utf8"), ctx);
      const n = new FakeNode() as FakeNode & { append(...x: unknown[]): void; replaceChildren(...x: unknown[]): void };
      n.append("a", { b: 1 });
      assert.deepEqual(n.kids, [{ text: "a" }, { b: 1 }]);
      n.replaceChildren("c");
      assert.deepEqual(n.kids, [{ text: "c" }]);
      const list = new TokenList();
      classes.clear();
      list.toggle("x", false);
      assert.equal(classes.has("x"), false);
      list.toggle("x", true);
      list.toggle("x", true);
      assert.equal(classes.has("x"), true);
    });

    it("tests what polyfills.js provides, in ES5", () => {
      const tests = build.featureTests(modules);
      assert.ok(tests.includes('typeof Promise === "function"'));
      assert.ok(tests.includes('typeof Object.fromEntries === "function"'));
      assert.ok(tests.includes('typeof Array.prototype.includes === "function"'));
      // The builtin's own spelling, not the module's (es.number.is-nan is Number.isNaN).
      assert.deepEqual(build.featureTests(["es.number.is-nan", "es.object.from-entries"]), [
        'typeof Number.isNaN === "function"',
        'typeof Object.fromEntries === "function"',
      ]);
      // A modern engine (Node) passes every test the loader makes: none misspells a builtin.
      const node = vm.createContext({});
      assert.deepEqual(
        tests.filter((t) => vm.runInContext(t, node) !== true),
        [],
      );
      assert.doesNotThrow(() => acorn.parse(build.loaderSource(tests), { ecmaVersion: 5 }));
    });
  });

  describe("Content-Security-Policy", () => {
    const PINNED =
      "default-src 'self'; script-src 'self' https://appsforoffice.microsoft.com; connect-src 'self' https://appsforoffice.microsoft.com; " +
      "style-src 'self' 'unsafe-inline'; img-src 'self'; font-src 'self'; frame-src 'self' https://appsforoffice.microsoft.com; " +
      "object-src 'none'; base-uri 'self'; form-action 'self'";

    it("is exactly the pinned policy: inline styles for office.js (office-js #1687), nothing else widened", () => {
      assert.equal(build.contentSecurityPolicy(build.DEFAULT_OFFICE_JS), PINNED);
      // (html-webpack-plugin minifies: attribute quotes may go)
      const html = readFileSync(path.join(dist, "taskpane.html"), "utf8");
      assert.ok(html.includes(`content="${PINNED}"`), "taskpane.html carries the policy");
      const scripts = [...html.matchAll(/<script\b([^>]*)>([^<]*)<\/script>/g)];
      assert.deepEqual(
        scripts.map((m) => m[1]!.replace(/^\s*src="?|"?\s*$/g, "")),
        [build.DEFAULT_OFFICE_JS, "loader.js"],
        "office.js, then the loader",
      );
      assert.ok(
        scripts.every((m) => m[2] === ""),
        "no inline script",
      );
      assert.ok(readFileSync(path.join(dist, "commands.html"), "utf8").includes(`content="${PINNED}"`));
    });

    it("follows OFFICE_JS_URL (an office's own CDN) and refuses plain http", () => {
      const url = build.officeJsUrl("https://office.cdn.example.cn/lib/1/hosted/office.js");
      const csp = build.contentSecurityPolicy(url);
      assert.equal(csp, PINNED.split("https://appsforoffice.microsoft.com").join("https://office.cdn.example.cn"));
      assert.throws(() => build.officeJsUrl("http://appsforoffice.microsoft.com/lib/1/hosted/office.js"), /https/);
    });
  });

  it("BigInt (IE11 and EdgeHTML have none, no polyfill gives it) is used only behind a typeof BigInt test", () => {
    const src = readFileSync(path.join(dist, "taskpane.legacy.js"), "utf8");
    const ast = acorn.parse(src, { ecmaVersion: 5 });
    const guarded = new Set<acorn.Node>();
    const uses: acorn.Node[] = [];
    const enclosing = (ancestors: acorn.Node[]): acorn.Node | undefined =>
      [...ancestors].reverse().find((a) => a.type === "FunctionExpression" || a.type === "FunctionDeclaration");
    walk.ancestor(ast, {
      Identifier(node, _state, ancestors) {
        if ((node as acorn.Identifier).name !== "BigInt") return;
        const parent = ancestors[ancestors.length - 2] as acorn.Node & { operator?: string };
        const fn = enclosing(ancestors);
        if (parent?.type === "UnaryExpression" && parent.operator === "typeof") {
          if (fn) guarded.add(fn);
        } else uses.push(fn ?? ast);
      },
    });
    assert.ok(uses.length > 0, "the share engine's BigInt fallback is in the bundle");
    assert.deepEqual(
      uses.filter((fn) => !guarded.has(fn)).length,
      0,
      "every function that calls BigInt tests typeof BigInt first",
    );
  });

  it("taskpane.css: a plain value before every var() (IE11 ignores custom properties), no grid layout", () => {
    const css = readFileSync(path.join(dist, "taskpane.css"), "utf8");
    const decls = [...css.matchAll(/([a-z-]+)\s*:\s*([^;{}]*)(?=[;}])/g)];
    let withVar = 0;
    decls.forEach((d, i) => {
      if (d[1]!.startsWith("--") || !d[2]!.includes("var(")) return;
      withVar++;
      const before = decls[i - 1];
      assert.ok(before && before[1] === d[1] && !before[2]!.includes("var("), `no fallback before ${d[0]}`);
    });
    assert.ok(withVar > 50, `${withVar} declarations with var()`);
    assert.doesNotMatch(css, /display\s*:\s*grid/);
    assert.equal(
      build.cssFallbacks(":root{--a:#fff;--b:var(--a)}.x{color:var(--b)}"),
      ":root{--a:#fff;--b:var(--a)}.x{color:#fff; color:var(--b)}",
    );
  });

  it("taskpane.css: every flex gap has a margin fallback under html.no-flex-gap (IE11, EdgeHTML)", () => {
    const css = readFileSync(path.join(dist, "taskpane.css"), "utf8");
    const plain = css.replace(/\/\*[\s\S]*?\*\//g, "");
    const gapRules = [...plain.matchAll(/(?:^|})\s*([^{}@]+?)\s*\{[^{}]*?(?:^|[;{\s])gap\s*:/gm)].map((m) =>
      m[1]!.trim(),
    );
    assert.ok(gapRules.length >= 15, `${gapRules.length} rules with gap`);
    for (const sel of gapRules) {
      const first = sel.split(",")[0]!.trim();
      assert.ok(plain.includes(`.no-flex-gap ${first} >`), `no margin fallback for ${sel}`);
    }
    assert.equal(
      build.flexGapFallbacks(
        ".r{display:flex;gap:8px}.c{display:flex;flex-direction:column;gap:4px}" +
          ".w{display:flex;flex-wrap:wrap;gap:2px 12px}@media print{.m{gap:1px}}.a,.b{gap:3px}.n{row-gap:5px}",
      ),
      ".r{display:flex;gap:8px}.c{display:flex;flex-direction:column;gap:4px}" +
        ".w{display:flex;flex-wrap:wrap;gap:2px 12px}@media print{.m{gap:1px}}.a,.b{gap:3px}.n{row-gap:5px}\n" +
        "/* Flex gap for IE11 and EdgeHTML (scripts/legacy-build.js flexGapFallbacks) */\n" +
        ".no-flex-gap .r > * + * { margin-left: 8px; }\n" +
        ".no-flex-gap .c > * + * { margin-top: 4px; }\n" +
        ".no-flex-gap .w > * { margin-right: 12px; margin-bottom: 2px; }\n" +
        ".no-flex-gap .a > * + *, .no-flex-gap .b > * + * { margin-left: 3px; }\n",
    );
  });
});
