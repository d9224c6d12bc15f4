/* Builds the add-in into dist/: taskpane.html, commands.html, their bundles, assets/ and manifest.xml.
 *
 *   npm run build       production: no eval, manifest URLs rewritten to ADDIN_ORIGIN
 *   npm run build:dev   development: source maps, manifest kept on https://localhost:3000/
 *   npm run dev-server  serves the development build on https://localhost:3000/
 *
 * ADDIN_ORIGIN is where dist/ will be hosted, e.g. ADDIN_ORIGIN=https://xxgk.example.gov.cn/report/ npm run build.
 * It must be https; a path is allowed; a trailing "/" is added when missing.
 * OFFICE_JS_URL is where the pages load office.js from (default Microsoft's global CDN); the pages'
 * Content-Security-Policy follows it.
 *
 * Three compilations, in order (issue 13: the Excels offices run):
 *   1. modern: taskpane.js, ES2022, for WebView2, current Safari/WebKit and Excel on the web;
 *   2. legacy: taskpane.legacy.js and commands.js, ES5 by Babel (IE11 in volume-licensed Office 2019,
 *      EdgeHTML), with core-js polyfills chosen by usage and taken out into
 *   3. polyfills: polyfills.js, and loader.js, the one script taskpane.html names, which picks 1 or 2.
 * A lazily loaded chunk (import("...")) works in both: the modern one is [id].js, the legacy one
 * [id].legacy.js, transpiled and polyfilled like the rest (node_modules included, core-js excluded).
 */
const fs = require("node:fs");
const path = require("node:path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const {
  officeJsUrl,
  contentSecurityPolicy,
  cssFallbacks,
  flexGapFallbacks,
  CoreJsCollector,
  polyfillEntry,
  featureTests,
  loaderSource,
  writeIfChanged,
} = require("./scripts/legacy-build");

/** The origin every URL in the source manifest.xml uses. */
const DEV_ORIGIN = "https://localhost:3000/";
/** Used by production builds when ADDIN_ORIGIN is not set. */
const DEFAULT_PRODUCTION_ORIGIN = "https://disclosure-report.gov.example/";

/** Validates and normalizes a hosting base URL: https, no query or fragment, ends with "/". */
function normalizeOrigin(origin) {
  let url;
  try {
    url = new URL(origin);
  } catch {
    throw new Error(`ADDIN_ORIGIN 不是有效网址 / is not a valid URL: ${origin}`);
  }
  if (url.protocol !== "https:") throw new Error(`ADDIN_ORIGIN 必须使用 https / must use https: ${origin}`);
  if (url.search || url.hash) throw new Error(`ADDIN_ORIGIN 不能带查询或锚点 / must have no query or hash: ${origin}`);
  const href = url.href;
  return href.endsWith("/") ? href : `${href}/`;
}

/** The manifest text with every development URL moved to `origin` (the only place this happens). */
function rewriteManifest(xmlText, origin = DEFAULT_PRODUCTION_ORIGIN) {
  return xmlText.split(DEV_ORIGIN).join(normalizeOrigin(origin));
}

function productionOrigin() {
  return normalizeOrigin(process.env.ADDIN_ORIGIN || DEFAULT_PRODUCTION_ORIGIN);
}

function listFiles(dir) {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? listFiles(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

/**
 * Copies files into the output, optionally transformed. (copy-webpack-plugin would do, but with this
 * project's legacy-peer-deps install its schema-utils resolves ajv 6 and fails to load.)
 */
class CopyFilesPlugin {
  /** @param {{ from: string; to: string; optional?: boolean; transform?: (b: Buffer) => Buffer | string }[]} patterns */
  constructor(patterns) {
    this.patterns = patterns;
  }

  apply(compiler) {
    const { Compilation, WebpackError, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("CopyFilesPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "CopyFilesPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          for (const { from, to, optional, transform } of this.patterns) {
            const source = path.resolve(compiler.context, from);
            if (!fs.existsSync(source)) {
              compilation.contextDependencies.add(path.dirname(source));
              if (!optional) compilation.errors.push(new WebpackError(`CopyFilesPlugin: ${from} not found`));
              continue;
            }
            const isDir = fs.statSync(source).isDirectory();
            if (isDir) compilation.contextDependencies.add(source);
            for (const file of isDir ? listFiles(source) : [source]) {
              const target = isDir ? path.join(to, path.relative(source, file)) : to;
              const content = fs.readFileSync(file);
              const output = transform ? transform(content) : content;
              compilation.fileDependencies.add(file);
              compilation.emitAsset(target.split(path.sep).join("/"), new sources.RawSource(output));
            }
          }
        },
      );
    });
  }
}

const CACHE = path.resolve(__dirname, "node_modules/.cache/disclosure-report");
const EMPTY_MODULE = path.join(CACHE, "empty.js");
const POLYFILL_ENTRY = path.join(CACHE, "polyfills-entry.js");

function tsRule(production, babel) {
  const ts = {
    loader: "ts-loader",
    options: {
      // Type errors are caught by `npm run typecheck`; ES modules let webpack tree-shake.
      transpileOnly: true,
      compilerOptions: { module: "esnext", moduleResolution: "bundler", sourceMap: !production },
    },
  };
  return { test: /\.ts$/, exclude: /node_modules/, use: babel ? [babel, ts] : [ts] };
}

/** Babel for IE11: ES5 syntax; core-js imports by usage (collected out of the bundle by CoreJsCollector). */
const LEGACY_BABEL = {
  loader: "babel-loader",
  options: {
    babelrc: false,
    configFile: false,
    sourceType: "unambiguous",
    presets: [["@babel/preset-env", { targets: { ie: "11" }, useBuiltIns: "usage", corejs: "3.47", modules: false }]],
  },
};

function config(_env, argv) {
  const production = argv.mode !== "development";
  const origin = production ? productionOrigin() : DEV_ORIGIN;
  const officeJs = officeJsUrl();
  const htmlParams = { officeJs, csp: contentSecurityPolicy(officeJs) };
  const mode = production ? "production" : "development";
  // Office add-in pages may run under a CSP without 'unsafe-eval': never eval, even in development.
  const devtool = production ? false : "source-map";
  const resolve = { extensions: [".ts", ".js"] };
  const performance = {
    // exceljs is not bundled here; the task pane bundle carries the engine only.
    maxAssetSize: 1024 * 1024,
    maxEntrypointSize: 1024 * 1024,
  };
  // `--env outputPath=DIR` (or the test's env object) builds elsewhere than dist/.
  const outputPath = path.resolve(__dirname, (_env && _env.outputPath) || "dist");

  const modern = {
    name: "modern",
    mode,
    devtool,
    entry: { taskpane: "./src/taskpane/taskpane.ts" },
    output: { path: outputPath, filename: "[name].js", chunkFilename: "[id].js", clean: true },
    resolve,
    module: { rules: [tsRule(production, null)] },
    plugins: [
      // loader.js (compilation 3) loads the bundle: nothing is injected.
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        inject: false,
        templateParameters: htmlParams,
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/commands/commands.html",
        inject: false,
        templateParameters: htmlParams,
      }),
      new CopyFilesPlugin([
        { from: "assets", to: "assets" },
        // The task pane's stylesheet (taskpane.html links it), with plain values before var() for IE11.
        {
          from: "src/taskpane/taskpane.css",
          to: "taskpane.css",
          optional: true,
          transform: (content) => flexGapFallbacks(cssFallbacks(content.toString("utf8"))),
        },
        {
          from: "manifest.xml",
          to: "manifest.xml",
          transform: (content) => (production ? rewriteManifest(content.toString("utf8"), origin) : content),
        },
      ]),
    ],
    performance,
    // webpack's CSS minifier would drop the IE11 fallbacks (a value before each var()) as overridden.
    optimization: { minimizeOptions: { css: false } },
    devServer: {
      port: 3000,
      // Self-signed certificate from webpack-dev-server; `npx office-addin-dev-certs install` gives a trusted one.
      server: "https",
      headers: { "Access-Control-Allow-Origin": "*" },
      // Everything is served from the in-memory build.
      static: false,
    },
  };

  writeIfChanged(EMPTY_MODULE, "/* a core-js module, moved to polyfills.js */\n");
  // Reflect.construct: Babel's class helpers use it (inside try) where present; polyfilled like the rest.
  const collector = new CoreJsCollector(EMPTY_MODULE, ["es.reflect.construct"]);
  const legacy = {
    name: "legacy",
    dependencies: ["modern"],
    mode,
    devtool,
    target: ["web", "es5"],
    entry: { "taskpane.legacy": "./src/taskpane/taskpane.ts", commands: "./src/commands/commands.ts" },
    output: { path: outputPath, filename: "[name].js", chunkFilename: "[id].legacy.js", publicPath: "" },
    resolve,
    module: {
      rules: [
        tsRule(production, LEGACY_BABEL),
        // Libraries (and lazily loaded chunks of them) are ES5 too; core-js itself is already.
        {
          test: /\.m?js$/,
          include: /node_modules/,
          exclude: /node_modules[\\/](core-js|webpack)[\\/]/,
          use: LEGACY_BABEL,
        },
      ],
    },
    plugins: [
      collector,
      {
        apply(compiler) {
          compiler.hooks.done.tap("PolyfillEntry", () =>
            writeIfChanged(POLYFILL_ENTRY, polyfillEntry(collector.modules)),
          );
        },
      },
    ],
    performance,
  };

  const polyfills = {
    name: "polyfills",
    dependencies: ["legacy"],
    mode,
    devtool: false,
    target: ["web", "es5"],
    entry: { polyfills: POLYFILL_ENTRY },
    output: { path: outputPath, filename: "[name].js" },
    plugins: [
      {
        apply(compiler) {
          const { Compilation, sources } = compiler.webpack;
          compiler.hooks.thisCompilation.tap("Loader", (compilation) => {
            compilation.hooks.processAssets.tap(
              { name: "Loader", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
              () => {
                compilation.emitAsset(
                  "loader.js",
                  new sources.RawSource(loaderSource(featureTests(collector.modules))),
                );
              },
            );
          });
        },
      },
    ],
    performance,
  };
  if (!fs.existsSync(POLYFILL_ENTRY)) writeIfChanged(POLYFILL_ENTRY, "");

  return [modern, legacy, polyfills];
}

module.exports = config;
module.exports.DEV_ORIGIN = DEV_ORIGIN;
module.exports.DEFAULT_PRODUCTION_ORIGIN = DEFAULT_PRODUCTION_ORIGIN;
module.exports.normalizeOrigin = normalizeOrigin;
module.exports.rewriteManifest = rewriteManifest;
