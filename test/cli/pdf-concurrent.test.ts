import { strict as assert } from "node:assert";
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { readPdfGrid } from "../../src/cli/pdf-read";

const DIR = path.join(__dirname, "..", "fixtures", "published");

describe("pdf: several PDFs read at once in one thread (a folder worker has two files in flight)", function () {
  this.timeout(120_000);
  it("reads each as it reads alone (pdf.js is not safe to run twice at once in one thread)", async () => {
    const names = ["pingtan-2019-print.pdf", "pingtan-2020-print.pdf", "pingtan-2023-print.pdf", "pingtan-2024.pdf"];
    const bytes = await Promise.all(names.map(async (n) => new Uint8Array(await fs.readFile(path.join(DIR, n)))));
    const alone = [];
    for (const b of bytes) alone.push(await readPdfGrid(b.slice(), "PDF"));
    const together = await Promise.all(bytes.map((b) => readPdfGrid(b.slice(), "PDF")));
    assert.deepEqual(together, alone);
  });
});
