/**
 * The XML scanner (src/xlsx/xml.ts) against the regular expression it replaced (kept here as the reference):
 * the same tags, attributes and text in the same order over every XML part of every workbook and Word fixture,
 * over hand-written edge cases, and over 3,000 seeded random strings made of XML's pieces (well formed or not).
 */
import { strict as assert } from "node:assert";
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { attr, decodeEntities, scanXml } from "../../src/xlsx/xml";
import { xlsxFixtureFiles } from "../support/fixture-files";

const ROOT = path.join(__dirname, "..", "..");

const REFERENCE =
  /<(\/?)([A-Za-z_][\w.:-]*)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>|<!\[CDATA\[([\s\S]*?)\]\]>|<!--[\s\S]*?-->|<[!?][\s\S]*?>|([^<]+)/g;

type Event = ["tag", string, boolean, boolean, string] | ["text", string];

function referenceEvents(xml: string): Event[] {
  const out: Event[] = [];
  REFERENCE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = REFERENCE.exec(xml)) !== null) {
    if (m[2] !== undefined) out.push(["tag", m[2], m[1] === "/", m[4] === "/", m[3] ?? ""]);
    else if (m[5] !== undefined) out.push(["text", m[5]]);
    else if (m[6] !== undefined) out.push(["text", decodeEntities(m[6])]);
  }
  return out;
}

function scannedEvents(xml: string): Event[] {
  const out: Event[] = [];
  scanXml(
    xml,
    (t) => out.push(["tag", t.name, t.close, t.selfClose, t.attrs]),
    (s) => out.push(["text", s]),
  );
  return out;
}

/** A small seeded generator (mulberry32), so that a failure names a case that can be run again. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = [
  "<",
  ">",
  "/",
  "/>",
  "</",
  "<c",
  '<c r="A1"',
  ' s="1"',
  " t='s'",
  "<v>",
  "</v>",
  "<x:si>",
  "</x:si>",
  '"',
  "'",
  "=",
  " ",
  "\n",
  "text",
  "文字",
  "&amp;",
  "&lt;",
  "&#x4E00;",
  "&#20013;",
  "&bogus;",
  "<!--",
  "-->",
  "<![CDATA[",
  "]]>",
  '<?xml version="1.0"?>',
  "<!DOCTYPE x>",
  "<1",
  "<_a.b-c:d",
  "a>b",
  '<w:t xml:space="preserve">',
];

describe("xlsx/xml: the scanner reads what the regular expression it replaced read", function () {
  this.timeout(60000);

  it("over every XML part of every workbook and Word fixture", async () => {
    const files = [...(await xlsxFixtureFiles())];
    const walk = async (dir: string): Promise<void> => {
      for (const d of await fs.readdir(dir, { withFileTypes: true })) {
        const p = path.join(dir, d.name);
        if (d.isDirectory()) await walk(p);
        else if (/\.docx$/i.test(d.name)) files.push(p);
      }
    };
    await walk(path.join(ROOT, "test", "fixtures"));
    let parts = 0;
    let tags = 0;
    for (const f of files) {
      let entries: Record<string, Uint8Array>;
      try {
        entries = unzipSync(await fs.readFile(f));
      } catch {
        continue; // a deliberately broken fixture
      }
      for (const [name, bytes] of Object.entries(entries)) {
        if (!/\.(xml|rels)$/i.test(name)) continue;
        const xml = strFromU8(bytes);
        const want = referenceEvents(xml);
        assert.deepEqual(scannedEvents(xml), want, `${path.relative(ROOT, f)} ${name}`);
        parts++;
        tags += want.filter((e) => e[0] === "tag").length;
      }
    }
    assert.ok(parts >= 50, `${parts} parts`);
    assert.ok(tags >= 10000, `${tags} tags`);
  });

  it("over edge cases: quotes holding > and /, self-closing, CDATA, comments, declarations, stray <", () => {
    const cases = [
      "<a b=\"x>y\" c='1/'/>",
      "<a/><b /></b ><c/d>",
      "<![CDATA[<not a tag> &amp;]]>after",
      "<!-- a > b --><x>t</x>",
      "<!-->x-->y",
      "<?xml version='1.0'?><!DOCTYPE r><r>1 &lt; 2 &#x4E2D;&#25991;</r>",
      'a < b <1> <c d="unclosed>tail',
      "<unclosed",
      "<!-- never closed > x",
      "<![CDATA[ never closed > y",
      "</>",
      "",
      "plain text only",
    ];
    for (const c of cases) assert.deepEqual(scannedEvents(c), referenceEvents(c), JSON.stringify(c));
  });

  it("over 3,000 seeded random strings of XML's pieces", () => {
    const next = random(20261204);
    for (let k = 0; k < 3000; k++) {
      const n = 1 + Math.floor(next() * 24);
      let s = "";
      for (let j = 0; j < n; j++) s += PIECES[Math.floor(next() * PIECES.length)];
      assert.deepEqual(scannedEvents(s), referenceEvents(s), `case ${k}: ${JSON.stringify(s)}`);
    }
  });

  it("attr: finds an attribute only as a whole name followed by =, after white space", () => {
    assert.equal(attr(' r="A1" s="1" t="s"', "s"), "1");
    assert.equal(attr(' t="s" s="2"', "s"), "2");
    assert.equal(attr(' xr:uid="{1}" r="A2"', "r"), "A2");
    assert.equal(attr(' rs="9" r="B3"', "r"), "B3");
    assert.equal(attr(' ref="A1:B2"', "r"), undefined);
    assert.equal(attr('r="A1"', "r"), undefined);
    assert.equal(attr(' w:val="a&amp;b"', "w:val"), "a&b");
    assert.equal(attr(" x='1'", "x"), "1");
    assert.equal(attr(' x="unclosed', "x"), undefined);
  });
});
