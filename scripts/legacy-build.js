/*
 * The pieces of the build that make the task pane work in every Excel offices run (issue 13), used by
 * webpack.config.js and pinned by test/static/legacy.test.ts:
 *
 * - officeJsUrl / contentSecurityPolicy: where office.js comes from (a build setting) and the page's policy,
 *   which follows it.
 * - cssFallbacks: taskpane.css with a plain value before every var(): Internet Explorer 11 ignores custom
 *   properties, and then the light palette applies.
 * - CoreJsCollector + polyfillEntry + loaderSource: the legacy bundle (ES5, for IE11 and EdgeHTML) is
 *   compiled by Babel with core-js "usage" polyfills; the collector takes those imports out of the bundle
 *   and lists them; they become polyfills.js; loader.js (hand-written ES5) loads the modern bundle where the
 *   engine is modern, else polyfills.js (only when a listed builtin is missing) and the legacy bundle.
 *
 * Plain CommonJS: webpack.config.js and the tests both load it.
 */
const fs = require("node:fs");
const path = require("node:path");

/** Microsoft's global CDN; offices on Microsoft 365 operated in China may build against their own. */
const DEFAULT_OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

/** The office.js URL for this build: OFFICE_JS_URL, https only. */
function officeJsUrl(value = process.env.OFFICE_JS_URL || DEFAULT_OFFICE_JS) {
  let url;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`OFFICE_JS_URL 不是有效网址 / is not a valid URL: ${value}`);
  }
  if (url.protocol !== "https:") throw new Error(`OFFICE_JS_URL 必须使用 https / must use https: ${value}`);
  return url.href;
}

/**
 * The task pane's Content-Security-Policy. Only this origin and office.js's origin; no inline script, no
 * eval, no outside connection but office.js's own.
 *
 * style-src has 'unsafe-inline' for one reason: office.js applies inline styles (its dialogs and, in Excel
 * on the web, excel-web-16.00.js), and "style-src 'self'" makes the browser refuse them: OfficeDev/office-js
 * issue 1687 ("Refused to apply inline style because it violates ... style-src 'self'"). Inline styles
 * cannot run code; scripts stay 'self' + office.js. Nothing else is widened (test/static/legacy.test.ts pins
 * the whole policy).
 */
function contentSecurityPolicy(officeJs = officeJsUrl()) {
  const office = new URL(officeJs).origin;
  return [
    "default-src 'self'",
    `script-src 'self' ${office}`,
    `connect-src 'self' ${office}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self'",
    "font-src 'self'",
    `frame-src 'self' ${office}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join("; ");
}

// ---------- CSS ----------

/** The custom properties declared in :root blocks (light palette), resolved among themselves. */
function rootVariables(css) {
  const vars = {};
  const rootBlock = /(^|[\s}/]):root\s*\{([^}]*)\}/g;
  let m;
  const plain = css.replace(/\/\*[\s\S]*?\*\//g, "");
  while ((m = rootBlock.exec(plain))) {
    for (const d of m[2].split(";")) {
      const i = d.indexOf(":");
      if (i < 0) continue;
      const name = d.slice(0, i).trim();
      if (name.startsWith("--")) vars[name] = d.slice(i + 1).trim();
    }
  }
  return vars;
}

function resolveVars(value, vars, depth = 0) {
  if (depth > 10) return null;
  let unresolved = false;
  const out = value.replace(/var\(\s*(--[\w-]+)\s*(?:,\s*([^()]*(?:\([^()]*\))?[^()]*))?\)/g, (_, name, fallback) => {
    const v = vars[name] ?? (fallback !== undefined ? fallback.trim() : undefined);
    if (v === undefined) {
      unresolved = true;
      return "";
    }
    return v;
  });
  if (unresolved) return null;
  return /var\(/.test(out) ? resolveVars(out, vars, depth + 1) : out;
}

/**
 * Every declaration `prop: ...var(--x)...` gets `prop: <light value>` just before it. Engines with custom
 * properties use the second; IE11 drops it as invalid and keeps the first.
 */
function cssFallbacks(css) {
  const vars = rootVariables(css);
  return css.replace(
    // The declaration's end (";" or "}") is left in place: it leads the next declaration.
    /(^|[;{]\s*)([a-z-]+)(\s*:\s*)([^;{}]*var\(--[^;{}]*)(?=[;}])/gm,
    (all, lead, prop, colon, value) => {
      if (prop.startsWith("--")) return all;
      const plain = resolveVars(value, vars);
      if (plain === null) return all;
      return `${lead}${prop}${colon}${plain}; ${prop}${colon}${value}`;
    },
  );
}

/** The rules at the top level of a stylesheet (not inside @media), as selector and declarations. */
function topLevelRules(css) {
  const s = css.replace(/\/\*[\s\S]*?\*\//g, "");
  const rules = [];
  let depth = 0;
  let selStart = 0;
  let bodyStart = 0;
  let selector = "";
  let nested = false;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === "{") {
      if (depth === 0) {
        selector = s.slice(selStart, i).trim();
        bodyStart = i + 1;
        nested = false;
      } else nested = true;
      depth++;
    } else if (s[i] === "}") {
      depth--;
      if (depth === 0) {
        if (!nested && !selector.startsWith("@")) rules.push({ selector, body: s.slice(bodyStart, i) });
        selStart = i + 1;
      }
    }
  }
  return rules;
}

function declaration(body, prop) {
  const m = new RegExp(`(?:^|;)\\s*${prop}\\s*:\\s*([^;]+)`).exec(body);
  return m ? m[1].trim() : null;
}

/**
 * IE11 (and EdgeHTML) lay out flex boxes but ignore `gap`. For every rule with a gap, a rule under
 * html.no-flex-gap (set by loader.js only where flex gap is missing) puts the same space in margins:
 * between children in a row or a column, right and below each child where the box wraps.
 * Text nodes (an icon beside a button's text) cannot get a margin: those stay tight there.
 */
function flexGapFallbacks(css) {
  const out = [];
  for (const { selector, body } of topLevelRules(css)) {
    const gap = declaration(body, "gap");
    if (!gap) continue;
    const [row, column = row] = gap.split(/\s+/);
    const scoped = (tail) =>
      selector
        .split(",")
        .map((sel) => `.no-flex-gap ${sel.trim()} ${tail}`)
        .join(", ");
    const direction = declaration(body, "flex-direction") || "row";
    const wraps = /^wrap/.test(declaration(body, "flex-wrap") || "");
    if (wraps) out.push(`${scoped("> *")} { margin-right: ${column}; margin-bottom: ${row}; }`);
    else if (direction.startsWith("column")) out.push(`${scoped("> * + *")} { margin-top: ${row}; }`);
    else out.push(`${scoped("> * + *")} { margin-left: ${column}; }`);
  }
  if (out.length === 0) return css;
  return `${css}\n/* Flex gap for IE11 and EdgeHTML (scripts/legacy-build.js flexGapFallbacks) */\n${out.join("\n")}\n`;
}

// ---------- Polyfills ----------

const CORE_JS_MODULE = /^core-js\/modules\/([a-z0-9.-]+?)(?:\.js)?$/;

/**
 * Takes the core-js imports Babel's "usage" mode adds to the legacy bundle out of it (each becomes an empty
 * module) and records them: they are bundled once, in polyfills.js, which loader.js loads only where needed.
 */
class CoreJsCollector {
  constructor(emptyModule, always = []) {
    this.empty = emptyModule;
    this.modules = new Set(always);
  }
  apply(compiler) {
    compiler.hooks.normalModuleFactory.tap("CoreJsCollector", (nmf) => {
      nmf.hooks.beforeResolve.tap("CoreJsCollector", (data) => {
        const m = CORE_JS_MODULE.exec(data.request);
        if (!m) return;
        this.modules.add(m[1]);
        data.request = this.empty;
      });
    });
  }
}

/** The entry of polyfills.js: the collected modules, in a stable order. */
function polyfillEntry(modules) {
  return [...modules]
    .sort()
    .map((m) => `require("core-js/modules/${m}.js");`)
    .join("\n");
}

/** core-js module name part -> JavaScript name: "from-entries" -> "fromEntries", "is-nan" -> "isNaN". */
const CAMEL = (s) => s.replace(/-([a-z])/g, (_, c) => c.toUpperCase()).replace(/Nan$/, "NaN");
const GLOBALS = {
  promise: "Promise",
  map: "Map",
  set: "Set",
  "weak-map": "WeakMap",
  "weak-set": "WeakSet",
  symbol: "Symbol",
};
/** Static functions core-js adds (module es.<ns>.<name>). */
const STATICS = {
  array: ["from", "of", "is-array"],
  object: [
    "assign",
    "entries",
    "values",
    "from-entries",
    "get-own-property-descriptors",
    "is",
    "set-prototype-of",
    "has-own",
    "group-by",
  ],
  number: ["is-finite", "is-integer", "is-nan", "is-safe-integer", "parse-float", "parse-int"],
  math: [
    "trunc",
    "sign",
    "imul",
    "log10",
    "log2",
    "hypot",
    "fround",
    "clz32",
    "cbrt",
    "expm1",
    "log1p",
    "sinh",
    "cosh",
    "tanh",
    "acosh",
    "asinh",
    "atanh",
  ],
  promise: ["all-settled", "any", "try", "with-resolvers"],
  string: ["from-code-point", "raw"],
};
/** Prototype methods that ES5 engines lack (module es.<ns>.<name>); the other modules fix engine bugs. */
const METHODS = {
  array: [
    "at",
    "fill",
    "find",
    "find-index",
    "find-last",
    "find-last-index",
    "flat",
    "flat-map",
    "includes",
    "copy-within",
    "to-reversed",
    "to-sorted",
    "to-spliced",
    "with",
  ],
  string: [
    "at",
    "includes",
    "starts-with",
    "ends-with",
    "pad-start",
    "pad-end",
    "repeat",
    "trim-start",
    "trim-end",
    "replace-all",
    "code-point-at",
    "match-all",
  ],
};

/**
 * A feature test (an ES5 expression, true when present) for each module whose presence can be tested: a
 * global (es.promise), a static function (es.object.from-entries -> Object.fromEntries) or a method
 * (es.array.includes -> Array.prototype.includes). Modules that fix engine bugs (es.array.iterator,
 * es.regexp.exec...) have none: they come along when any tested builtin is missing.
 */
function featureTests(modules) {
  const tests = new Set();
  for (const m of modules) {
    const [kind, ns, member] = m.split(".");
    if (kind !== "es") continue;
    const G = GLOBALS[ns] || ns.charAt(0).toUpperCase() + CAMEL(ns.slice(1));
    if (!member && GLOBALS[ns]) tests.add(`typeof ${G} === "function"`);
    else if (member && (STATICS[ns] || []).includes(member)) tests.add(`typeof ${G}.${CAMEL(member)} === "function"`);
    else if (member && (METHODS[ns] || []).includes(member))
      tests.add(`typeof ${G}.prototype.${CAMEL(member)} === "function"`);
  }
  return [...tests].sort();
}

/**
 * loader.js: ES5 by hand, the only script taskpane.html names. A host whose engine has ES2022 (the
 * modern bundle's syntax and builtins: class fields, ?., ??; Array.prototype.at and Object.hasOwn arrived
 * with them in Chrome 92, Safari 15.4, Firefox 90) gets taskpane.js and nothing else. Any other (IE11,
 * EdgeHTML, an old Mac WebKit) gets polyfills.js - only when one of the tested builtins is missing - and
 * then taskpane.legacy.js. If a script cannot load, the pane says so in plain words.
 */
const LOAD_FAILED =
  "加载项未能加载，请关闭任务窗格后重新打开。 The add-in could not load; close the task pane and open it again.";

function loaderSource(tests) {
  return `/* disclosure-report loader: ES5 only (test/static/legacy.test.ts parses it at ecmaVersion 5). */
(function () {
  "use strict";
  var modern =
    typeof Array.prototype.at === "function" &&
    typeof Object.hasOwn === "function" &&
    typeof Promise !== "undefined" &&
    typeof Promise.prototype["finally"] === "function";
  function missingBuiltin() {
    try {
      return !(${tests.length ? tests.join(" &&\n        ") : "true"});
    } catch (e) {
      return true;
    }
  }
  function say(text) {
    var app = document.getElementById("app");
    if (!app) return;
    app.innerHTML = "";
    var p = document.createElement("p");
    p.className = "load-failed";
    p.appendChild(document.createTextNode(text));
    app.appendChild(p);
  }
  function fail() {
    say(${JSON.stringify(LOAD_FAILED)});
  }
  function load(src, next) {
    var s = document.createElement("script");
    s.src = src;
    s.async = false;
    s.onload = function () {
      if (next) next();
    };
    s.onerror = fail;
    (document.head || document.getElementsByTagName("head")[0]).appendChild(s);
  }
  // Flex gap arrived in Chrome 84, Safari 14.1, Firefox 63: every modern engine has it. Elsewhere measure it;
  // without it, taskpane.css puts the same space in margins under html.no-flex-gap (flexGapFallbacks).
  function flexGap() {
    var box = document.createElement("div");
    box.style.display = "flex";
    box.style.flexDirection = "column";
    box.style.rowGap = "1px";
    box.appendChild(document.createElement("div"));
    box.appendChild(document.createElement("div"));
    document.documentElement.appendChild(box);
    var has = box.scrollHeight === 1;
    document.documentElement.removeChild(box);
    return has;
  }
  if (!modern) {
    try {
      if (!flexGap()) document.documentElement.className += " no-flex-gap";
    } catch (e) {
      /* no measure, no margins: the gaps collapse, nothing breaks */
    }
  }
  // DOM methods the pane uses that IE11 (and EdgeHTML: replaceChildren) lack; core-js covers ECMAScript only.
  // Installed only where missing: modern engines have them all.
  function domPolyfills() {
    if (typeof Element === "undefined") return;
    var protos = [Element.prototype];
    if (typeof DocumentFragment !== "undefined") protos.push(DocumentFragment.prototype);
    function node(x) {
      return typeof x === "string" ? document.createTextNode(x) : x;
    }
    function append() {
      for (var i = 0; i < arguments.length; i++) this.appendChild(node(arguments[i]));
    }
    function replaceChildren() {
      while (this.firstChild) this.removeChild(this.firstChild);
      append.apply(this, arguments);
    }
    for (var i = 0; i < protos.length; i++) {
      if (typeof protos[i].append !== "function") protos[i].append = append;
      if (typeof protos[i].replaceChildren !== "function") protos[i].replaceChildren = replaceChildren;
    }
    // IE11 ignores classList.toggle's second argument.
    var probe = document.createElement("i");
    if (probe.classList && typeof DOMTokenList !== "undefined") {
      probe.classList.toggle("x", false);
      if (probe.classList.contains("x")) {
        var toggle = DOMTokenList.prototype.toggle;
        DOMTokenList.prototype.toggle = function (name, force) {
          if (arguments.length < 2) return toggle.call(this, name);
          if (force) this.add(name);
          else this.remove(name);
          return !!force;
        };
      }
    }
  }
  try {
    domPolyfills();
  } catch (e) {
    /* the pane says what fails when it runs */
  }
  window.__disclosureReportBundle = modern ? "modern" : "legacy";
  // No BigInt (IE11, EdgeHTML) is no reason to refuse: exact shares run on Numbers below 2^53 (src/core/shares).
  if (modern) load("taskpane.js");
  else if (missingBuiltin()) {
    window.__disclosureReportBundle = "legacy+polyfills";
    load("polyfills.js", function () {
      load("taskpane.legacy.js");
    });
  } else load("taskpane.legacy.js");
})();
`;
}

/** Writes a file only when its content changed (webpack watches it). */
function writeIfChanged(file, text) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  if (fs.existsSync(file) && fs.readFileSync(file, "utf8") === text) return;
  fs.writeFileSync(file, text);
}

module.exports = {
  DEFAULT_OFFICE_JS,
  officeJsUrl,
  contentSecurityPolicy,
  cssFallbacks,
  flexGapFallbacks,
  rootVariables,
  CoreJsCollector,
  polyfillEntry,
  featureTests,
  loaderSource,
  writeIfChanged,
};
