/**
 * The task pane's .xlsx reader (src/xlsx/in-browser.ts: fflate, no Node) gives the same grid as the CLI's fast
 * reader (Node's zlib) over every workbook fixture, and says in a code what is wrong with a file it cannot read.
 */
import { strict as assert } from "node:assert";
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { deflateRawSync } from "node:zlib";
import JSZip from "jszip";
import { readXlsxFast } from "../../src/cli/xlsx-fast";
import { BROWSER_LIMITS, readXlsxInBrowser, XlsxProblem, type XlsxProblemCode } from "../../src/xlsx/in-browser";
import { inflateBounded } from "../../src/xlsx/zip";
import { xlsxFixtureFiles } from "../support/fixture-files";

const ROOT = path.join(__dirname, "..", "..");

function problem(bytes: Uint8Array): XlsxProblemCode | "read" {
  try {
    readXlsxInBrowser(bytes);
    return "read";
  } catch (e) {
    assert.ok(e instanceof XlsxProblem, `an XlsxProblem, not ${String(e)}`);
    return e.code;
  }
}

describe("xlsx/in-browser: the pane's reader of last year's workbook", () => {
  it("gives the CLI's grid for every workbook the CLI's fast reader reads", async () => {
    let compared = 0;
    for (const f of await xlsxFixtureFiles()) {
      const bytes = new Uint8Array(await fs.readFile(f));
      let cli;
      try {
        cli = readXlsxFast(bytes);
      } catch {
        continue;
      }
      assert.deepEqual(readXlsxInBrowser(bytes), cli, path.relative(ROOT, f));
      compared++;
    }
    assert.ok(compared >= 8, `compared ${compared}`);
  });

  it("says what is wrong: empty, .xls, encrypted, not a workbook, damaged, too large", async () => {
    assert.equal(problem(new Uint8Array(0)), "empty");
    const xls = new Uint8Array(await fs.readFile(path.join(ROOT, "test/fixtures/xlsx/xls-renamed.xlsx")));
    assert.equal(problem(xls), "xls");
    const ole = new Uint8Array(4096);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const name = Buffer.from("EncryptionInfo", "utf16le");
    ole.set(name, 1024);
    assert.equal(problem(ole), "encrypted");
    assert.equal(problem(new TextEncoder().encode("单位,年度\n某局,2024\n")), "not-xlsx", "a CSV");
    const docx = new JSZip();
    docx.file("word/document.xml", "<w:document/>");
    assert.equal(problem(await docx.generateAsync({ type: "uint8array" })), "not-xlsx", "a zip without a workbook");

    const good = new Uint8Array(await fs.readFile(path.join(ROOT, "examples/example-2021.xlsx")));
    assert.equal(problem(good), "read");
    assert.equal(problem(good.subarray(0, good.length - 100)), "damaged", "cut short");
    const garbled = good.slice();
    // Overwrite the middle of the file (the sheets' deflated data) with noise.
    for (let i = 2000; i < Math.min(garbled.length - 2000, 6000); i++) garbled[i] = (i * 7919) & 0xff;
    assert.equal(problem(garbled), "damaged");

    const big = new Uint8Array(BROWSER_LIMITS.fileBytes + 1);
    big.set(good);
    assert.equal(problem(big), "too-large");
    try {
      readXlsxInBrowser(big);
    } catch (e) {
      assert.match((e as XlsxProblem).detail!.zh, /文件大小 \d+ MB，上限 20 MB/);
    }
  });

  it("stops inflating at the declared size: a part that inflates to more is overrun, not held", () => {
    const data = deflateRawSync(Buffer.alloc(5_000_000, 0x41));
    assert.equal(inflateBounded(data, 1000), "overrun");
    const whole = inflateBounded(data, 5_000_000);
    assert.ok(whole !== "overrun" && whole.length === 5_000_000 && whole[4_999_999] === 0x41);
  });
});
