import assert from "node:assert/strict";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import webpack from "webpack";
import {
  checkManifest,
  checkManifestRules,
  parseXml,
  pngSize,
  REQUIRED_EXCEL_API,
  SCHEMA_DIR,
  validateManifestSchema,
  type ProblemCode,
} from "../../scripts/manifest-checks";
import { skipOutsideCi } from "../support/tools";

// webpack.config.js is CommonJS; the same function rewrites the manifest in the production build.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const webpackConfig = require("../../webpack.config.js") as {
  (env: { outputPath?: string }, argv: { mode: string }): webpack.Configuration[];
  DEV_ORIGIN: string;
  DEFAULT_PRODUCTION_ORIGIN: string;
  rewriteManifest(xml: string, origin?: string): string;
  normalizeOrigin(origin: string): string;
};

const ROOT = path.resolve(__dirname, "../..");
const ASSETS = path.join(ROOT, "assets");
const SOURCE = readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
const dev = { production: false, assetsDir: ASSETS };
const prod = { production: true, assetsDir: ASSETS };

/** A copy of the manifest with `from` replaced; fails if `from` is not there (so no edit is a no-op). */
function edit(xml: string, from: string | RegExp, to: string): string {
  const out = xml.replace(from, to);
  assert.notEqual(out, xml, `edit did not apply: ${String(from)}`);
  return out;
}

function codes(problems: string[]): ProblemCode[] {
  return [...new Set(problems.map((p) => p.slice(0, p.indexOf(":")) as ProblemCode))];
}

describe("manifest (static tier)", function () {
  this.timeout(60000);

  it("the schemas are in the repository where the README says (test/manifest/xsd)", function () {
    assert.equal(SCHEMA_DIR, path.resolve(__dirname, "xsd"));
    assert.ok(existsSync(path.join(SCHEMA_DIR, "OfficeAppManifestV1_1.xsd")), SCHEMA_DIR);
  });

  it("the source manifest passes the schema and every own check", async function () {
    assert.deepEqual(await checkManifest(SOURCE, dev), []);
  });

  it("declares what the product needs", function () {
    const root = parseXml(SOURCE);
    assert.equal(root.name, "OfficeApp");
    assert.equal(root.attrs["xsi:type"], "TaskPaneApp");
    assert.match(SOURCE, /<Host Name="Workbook"\/>/);
    assert.match(SOURCE, /DefaultValue="政府信息公开年报助手"/);
    assert.match(SOURCE, /Value="Disclosure Annual Report"/);
    assert.match(SOURCE, new RegExp(`<Set Name="ExcelApi" MinVersion="${REQUIRED_EXCEL_API.replace(".", "\\.")}"/>`));
    assert.match(SOURCE, /<OfficeTab id="TabHome">/);
    assert.match(SOURCE, /<Action xsi:type="ShowTaskpane">/);
    assert.match(SOURCE, /<bt:Url id="Taskpane.Url" DefaultValue="https:\/\/localhost:3000\/taskpane.html"\/>/);
    assert.match(SOURCE, /<FunctionFile resid="Commands.Url"\/>/);
    assert.match(SOURCE, /<bt:Url id="Commands.Url" DefaultValue="https:\/\/localhost:3000\/commands.html"\/>/);
    for (const size of [16, 32, 64, 80]) assert.ok(SOURCE.includes(`assets/icon-${size}.png`), `icon-${size}`);
  });

  it("the source manifest rewritten by webpack's function is a valid production manifest", async function () {
    const rewritten = webpackConfig.rewriteManifest(SOURCE);
    assert.ok(!rewritten.includes("localhost"));
    assert.ok(rewritten.includes(`${webpackConfig.DEFAULT_PRODUCTION_ORIGIN}taskpane.html`));
    assert.deepEqual(await checkManifest(rewritten, prod), []);
    const custom = webpackConfig.rewriteManifest(SOURCE, "https://xxgk.example.gov.cn/report");
    assert.ok(custom.includes("https://xxgk.example.gov.cn/report/assets/icon-80.png"));
    assert.deepEqual(checkManifestRules(custom, prod), []);
  });

  it("webpack refuses a non-https or malformed ADDIN_ORIGIN", function () {
    assert.throws(() => webpackConfig.normalizeOrigin("http://example.gov.cn/"), /https/);
    assert.throws(() => webpackConfig.normalizeOrigin("example.gov.cn"), /URL/);
    assert.throws(() => webpackConfig.normalizeOrigin("https://example.gov.cn/?x=1"), /query/);
    assert.equal(webpackConfig.normalizeOrigin("https://example.gov.cn"), "https://example.gov.cn/");
  });

  it("the production build emits pages, assets and a localhost-free manifest, without eval", async function () {
    this.timeout(300000); // a full minified build; slow on a busy 2-core machine
    const outDir = path.join(ROOT, "test/output/webpack-production");
    rmSync(outDir, { recursive: true, force: true });
    mkdirSync(outDir, { recursive: true });
    // Three compilations (modern, legacy ES5, polyfills), all into outDir.
    const configs = webpackConfig({ outputPath: outDir }, { mode: "production" });
    const stats = await new Promise<webpack.MultiStats>((resolve, reject) =>
      webpack(configs, (err, s) => (err || !s ? reject(err) : resolve(s))),
    );
    assert.ok(!stats.hasErrors(), stats.toString("errors-only"));
    for (const f of [
      "taskpane.html",
      "commands.html",
      "loader.js",
      "taskpane.js",
      "taskpane.legacy.js",
      "polyfills.js",
      "commands.js",
      "manifest.xml",
    ]) {
      assert.ok(existsSync(path.join(outDir, f)), f);
    }
    for (const f of ["icon-16.png", "icon-32.png", "icon-64.png", "icon-80.png", "logo.svg", "help.html"]) {
      assert.ok(existsSync(path.join(outDir, "assets", f)), f);
    }
    for (const js of readdirSync(outDir).filter((f) => f.endsWith(".js"))) {
      assert.doesNotMatch(readFileSync(path.join(outDir, js), "utf8"), /\beval\(/, js);
    }
    assert.match(
      readFileSync(path.join(outDir, "taskpane.html"), "utf8"),
      /<script src="?loader\.js"?>/, // the ES5 loader is the one script the page names (it picks a bundle)
    );
    const built = readFileSync(path.join(outDir, "manifest.xml"), "utf8");
    assert.deepEqual(await checkManifest(built, { production: true, assetsDir: path.join(outDir, "assets") }), []);
  });

  it("dist/manifest.xml, when a production build is there, passes", async function () {
    const dist = path.join(ROOT, "dist/manifest.xml");
    if (!existsSync(dist)) skipOutsideCi(this, "dist/manifest.xml not built (npm run build)");
    const built = readFileSync(dist, "utf8");
    // `npm run build:dev` keeps the development origin on purpose.
    const production = !built.includes(webpackConfig.DEV_ORIGIN);
    assert.deepEqual(await checkManifest(built, { production, assetsDir: path.join(ROOT, "dist/assets") }), []);
  });

  it("reads PNG sizes from the header and the committed icons have theirs", function () {
    for (const size of [16, 32, 64, 80]) {
      assert.deepEqual(pngSize(readFileSync(path.join(ASSETS, `icon-${size}.png`))), { width: size, height: size });
    }
    assert.equal(pngSize(Buffer.from("not a png at all, not at all")), null);
  });

  describe("each check rejects a broken copy with its reason", function () {
    const cases: { reason: ProblemCode; what: string; broken: () => string; production?: boolean }[] = [
      { reason: "xml", what: "not well-formed", broken: () => edit(SOURCE, "</DisplayName>", "</DisplayNam>") },
      {
        reason: "schema",
        what: "an element the schema does not allow",
        broken: () => edit(SOURCE, "<ProviderName>", "<Unexpected/>\n  <ProviderName>"),
      },
      {
        reason: "schema",
        what: "elements out of order",
        broken: () =>
          edit(
            edit(SOURCE, "  <Permissions>ReadWriteDocument</Permissions>\n", ""),
            "  <DefaultSettings>",
            "  <Permissions>ReadWriteDocument</Permissions>\n  <DefaultSettings>",
          ),
      },
      {
        reason: "schema",
        what: "a ribbon label over 125 characters",
        broken: () => edit(SOURCE, 'DefaultValue="年报助手"', `DefaultValue="${"年".repeat(126)}"`),
      },
      {
        reason: "resid",
        what: "a resid with no resource",
        broken: () => edit(SOURCE, '<Label resid="TaskpaneButton.Label"/>', '<Label resid="TaskpaneButton.Nothing"/>'),
      },
      {
        reason: "resid",
        what: "a Description pointing at a ShortString",
        broken: () =>
          edit(SOURCE, '<Description resid="TaskpaneButton.Tooltip"/>', '<Description resid="TaskpaneButton.Title"/>'),
      },
      {
        reason: "icon-file",
        what: "an icon URL with no file in assets/",
        broken: () =>
          edit(
            SOURCE,
            'id="Icon.80x80" DefaultValue="https://localhost:3000/assets/icon-80.png"',
            'id="Icon.80x80" DefaultValue="https://localhost:3000/assets/icon-81.png"',
          ),
      },
      {
        reason: "icon-size",
        what: "the 16 px slot given the 32 px file",
        broken: () =>
          edit(
            SOURCE,
            'id="Icon.16x16" DefaultValue="https://localhost:3000/assets/icon-16.png"',
            'id="Icon.16x16" DefaultValue="https://localhost:3000/assets/icon-32.png"',
          ),
      },
      {
        reason: "icon-size",
        what: "HighResolutionIconUrl given the 80 px file",
        broken: () =>
          edit(
            SOURCE,
            '<HighResolutionIconUrl DefaultValue="https://localhost:3000/assets/icon-64.png"/>',
            '<HighResolutionIconUrl DefaultValue="https://localhost:3000/assets/icon-80.png"/>',
          ),
      },
      {
        reason: "https",
        what: "an http URL",
        broken: () => edit(SOURCE, "https://localhost:3000/commands.html", "http://localhost:3000/commands.html"),
      },
      {
        reason: "origin",
        what: "a second origin",
        broken: () => edit(SOURCE, "https://localhost:3000/commands.html", "https://cdn.example.org/commands.html"),
      },
      {
        reason: "locale",
        what: "DisplayName without en-US",
        broken: () => edit(SOURCE, '<Override Locale="en-US" Value="Disclosure Annual Report"/>', ""),
      },
      {
        reason: "locale",
        what: "Description without en-US",
        broken: () => edit(SOURCE, /<Override Locale="en-US" Value="Reads, checks[^"]*"\/>/, ""),
      },
      {
        reason: "locale",
        what: "a ribbon string without en-US",
        broken: () => edit(SOURCE, '<bt:Override Locale="en-US" Value="Annual Report"/>', ""),
      },
      {
        reason: "locale",
        what: "a long ribbon string without en-US",
        broken: () => edit(SOURCE, /<bt:Override Locale="en-US" Value="On the Home tab[^"]*"\/>/, ""),
      },
      {
        reason: "locale",
        what: "no zh-CN text once the default locale is en-US",
        broken: () => edit(SOURCE, "<DefaultLocale>zh-CN</DefaultLocale>", "<DefaultLocale>en-US</DefaultLocale>"),
      },
      {
        reason: "localhost",
        what: "the unbuilt manifest used as a production manifest",
        broken: () => SOURCE,
        production: true,
      },
      {
        reason: "localhost",
        what: "a production manifest with one URL left on localhost",
        broken: () =>
          edit(
            webpackConfig.rewriteManifest(SOURCE),
            `${webpackConfig.DEFAULT_PRODUCTION_ORIGIN}assets/help.html"/>`,
            `${webpackConfig.DEFAULT_PRODUCTION_ORIGIN}assets/help.html"/><!-- https://localhost:3000/ -->`,
          ),
        production: true,
      },
      {
        reason: "excel-api",
        what: "ExcelApi 1.8 declared",
        broken: () =>
          edit(SOURCE, '<Set Name="ExcelApi" MinVersion="1.7"/>', '<Set Name="ExcelApi" MinVersion="1.8"/>'),
      },
      {
        reason: "excel-api",
        what: "no ExcelApi requirement",
        broken: () =>
          edit(SOURCE, '<Set Name="ExcelApi" MinVersion="1.7"/>', '<Set Name="DialogApi" MinVersion="1.1"/>'),
      },
      {
        reason: "permissions",
        what: "ReadDocument",
        broken: () =>
          edit(SOURCE, "<Permissions>ReadWriteDocument</Permissions>", "<Permissions>ReadDocument</Permissions>"),
      },
      {
        reason: "permissions",
        what: "ReadAllDocument",
        broken: () =>
          edit(SOURCE, "<Permissions>ReadWriteDocument</Permissions>", "<Permissions>ReadAllDocument</Permissions>"),
      },
    ];

    for (const c of cases) {
      it(`${c.reason}: ${c.what}`, async function () {
        const problems = await checkManifest(c.broken(), c.production ? prod : dev);
        assert.ok(codes(problems).includes(c.reason), `expected ${c.reason}, got:\n${problems.join("\n")}`);
      });
    }

    it("every reason is exercised", function () {
      const all: ProblemCode[] = [
        "xml",
        "schema",
        "resid",
        "icon-file",
        "icon-size",
        "https",
        "origin",
        "locale",
        "localhost",
        "excel-api",
        "permissions",
      ];
      assert.deepEqual([...new Set(cases.map((c) => c.reason))].sort(), [...all].sort());
    });

    it("the schema alone rejects an unknown element (xmllint-wasm really validates)", async function () {
      const problems = await validateManifestSchema(edit(SOURCE, "<ProviderName>", "<Unexpected/>\n  <ProviderName>"));
      assert.ok(problems.length > 0 && problems.every((p) => p.startsWith("schema:")), problems.join("\n"));
      assert.deepEqual(await validateManifestSchema(SOURCE), []);
    });
  });
});
