/**
 * Bundled by the browser test (esbuild, IIFE) and served in place of Office.js from the CDN:
 * installs the fake Excel as the globals Office, Excel and OfficeExtension, and exposes it as
 * `window.fake` so the test can edit cells and look at the workbook.
 */
import { FakeExcel } from "../support/fake-excel";

interface FakeOfficeOptions {
  displayLanguage?: string;
  theme?: Record<string, string | boolean>;
  /** Sheets to start with (name -> rows from A1); an empty workbook has one empty Sheet1 as in Excel. */
  sheets?: [string, unknown[][]][];
}

const w = window as unknown as { __fakeOfficeOptions?: FakeOfficeOptions; fake?: FakeExcel };
const opts = w.__fakeOfficeOptions ?? {};
const fake = new FakeExcel({ displayLanguage: opts.displayLanguage ?? "zh-CN", platform: "OfficeOnline" });
for (const [name, rows] of opts.sheets ?? [["Sheet1", []]]) fake.addSheet(name, rows);
fake.install();
if (opts.theme) {
  const office = (globalThis as unknown as { Office: { context: Record<string, unknown> } }).Office;
  Object.defineProperty(office.context, "officeTheme", { value: opts.theme, enumerable: true });
}
w.fake = fake;
