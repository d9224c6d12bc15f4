/* Builds the add-in into dist/: taskpane.html, commands.html, their bundles, assets/ and manifest.xml.
 *
 *   npm run build       production: no eval, manifest URLs rewritten to ADDIN_ORIGIN
 *   npm run build:dev   development: source maps, manifest kept on https://localhost:3000/
 *   npm run dev-server  serves the development build on https://localhost:3000/
 *
 * ADDIN_ORIGIN is where dist/ will be hosted, e.g. ADDIN_ORIGIN=https://xxgk.example.gov.cn/report/ npm run build.
 * It must be https; a path is allowed; a trailing "/" is added when missing.
 */
const fs = require("node:fs");
const path = require("node:path");
const HtmlWebpackPlugin = require("html-webpack-plugin");

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

function config(_env, argv) {
  const production = argv.mode !== "development";
  const origin = production ? productionOrigin() : DEV_ORIGIN;
  return {
    mode: production ? "production" : "development",
    // Office add-in pages may run under a CSP without 'unsafe-eval': never eval, even in development.
    devtool: production ? false : "source-map",
    entry: {
      taskpane: "./src/taskpane/taskpane.ts",
      commands: "./src/commands/commands.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".js"],
    },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              // Type errors are caught by `npm run typecheck`; ES modules let webpack tree-shake.
              transpileOnly: true,
              compilerOptions: { module: "esnext", moduleResolution: "bundler", sourceMap: !production },
            },
          },
        },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/commands/commands.html",
        chunks: ["commands"],
      }),
      new CopyFilesPlugin([
        { from: "assets", to: "assets" },
        // The task pane's stylesheet: taskpane.html links it as <link rel="stylesheet" href="taskpane.css" />.
        { from: "src/taskpane/taskpane.css", to: "taskpane.css", optional: true },
        {
          from: "manifest.xml",
          to: "manifest.xml",
          transform: (content) => (production ? rewriteManifest(content.toString("utf8"), origin) : content),
        },
      ]),
    ],
    performance: {
      // exceljs is not bundled here; the task pane bundle carries the engine only.
      maxAssetSize: 1024 * 1024,
      maxEntrypointSize: 1024 * 1024,
    },
    devServer: {
      port: 3000,
      // Self-signed certificate from webpack-dev-server; `npx office-addin-dev-certs install` gives a trusted one.
      server: "https",
      headers: { "Access-Control-Allow-Origin": "*" },
      // Everything is served from the in-memory build.
      static: false,
    },
  };
}

module.exports = config;
module.exports.DEV_ORIGIN = DEV_ORIGIN;
module.exports.DEFAULT_PRODUCTION_ORIGIN = DEFAULT_PRODUCTION_ORIGIN;
module.exports.normalizeOrigin = normalizeOrigin;
module.exports.rewriteManifest = rewriteManifest;
