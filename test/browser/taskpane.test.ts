/**
 * Browser tier: the production build of the task pane in headless Chromium, with the fake Excel
 * served in place of Office.js from the CDN. Nothing else leaves 127.0.0.1.
 *
 *   npx mocha test/browser/taskpane.test.ts      (builds dist/ first when it is missing)
 *
 * Writes test/output/taskpane-zh.png and taskpane-en.png (360x800; docs/images/ with `npm run pictures`) and prints the
 * bundle size and the time from navigation to a ready pane.
 */
import assert from "node:assert/strict";
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import zlib from "node:zlib";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { a1, parseA1 } from "../../src/core/grid";
import { cellKey } from "../../src/core/model/format";
import { dueReportYear } from "../../src/core/model/preparing";
import { planToGrid, templateCells, templatePlan } from "../../src/core/render/template";
import { templateForReport } from "../../src/core/render";
import type { Report } from "../../src/core/model/report";
import { applyPlan } from "../../src/cli/xlsx-write";
import { cleanReport } from "../cli/helpers";
import ExcelJS from "exceljs";
import { SETTINGS_KEY } from "../../src/taskpane/controller";
import { t } from "../../src/taskpane/i18n";
import { fakeOfficeScript, OFFICE_JS, privateProductionBuild, serveDir } from "../support/pane-server";
import { requireTool } from "../support/tools";
import { docxParts, isTable, readBody, tableGrid } from "../support/docx-read";
import { scenario, type Edit } from "./fill";

const ROOT = path.resolve(__dirname, "../..");
/** Extra screenshots for a look (not committed). */
const OUTPUT = path.join(ROOT, "test/output");
// The README pictures are refreshed only on purpose (`npm run pictures`); a test run writes them to test/output/.
const IMAGES = process.env.REFRESH_PICTURES === "1" ? path.join(ROOT, "docs/images") : OUTPUT;
/** The pane offers the template of the report due now (its clock is the browser's). */
const YEAR = dueReportYear(new Date());

/** Last year's report of the preparer's unit (the example report, moved to YEAR - 1). */
function lastYearReport(): Report {
  const r = cleanReport();
  r.meta.body = { text: "某某县教育局" };
  r.meta.year = { value: YEAR - 1, from: "metadata" };
  return r;
}

/** A report as last year's counts sheet in an .xlsx (what the clerk saved last year). */
async function workbookBytes(report: Report): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  applyPlan(wb, templateForReport(report).plan);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
const COUNTS = "公开数据";
const XSS_IMG = `<img src=x onerror="window.__pwned=1;alert(1)">`;
const XSS_SCRIPT = `<script>window.__pwned=2;alert(2)</script>`;

/** A template sheet with the edits applied, as rows from A1 (to start a workbook with it). */
function filledRows(edits: Edit[]): unknown[][] {
  const g = planToGrid(templatePlan({ year: YEAR }));
  const rows: unknown[][] = [];
  g.values.forEach((line, r) => line.forEach((v, c) => ((rows[g.top + r] ??= [])[g.left + c] = v)));
  for (const [addr, v] of edits) {
    const p = parseA1(addr)!;
    (rows[p.row] ??= [])[p.col] = v;
  }
  for (let r = 0; r < rows.length; r++) rows[r] ??= [];
  return rows;
}

interface Pane {
  page: Page;
  context: BrowserContext;
  /** Requests to anywhere but 127.0.0.1 and office.js (all aborted). */
  outside: string[];
  officeJsRequests: number;
  dialogs: string[];
  errors: string[];
  /** Navigation start to the "pane-ready" mark, ms. */
  readyMs: number;
}

describe("task pane in headless Chromium (browser tier)", function () {
  this.timeout(180_000);
  let browser: Browser;
  let server: http.Server;
  let base: string;
  let officeJs: string;
  let served: string;
  const panes: Pane[] = [];

  before(async function () {
    const exe = requireTool(
      this,
      "browser tier",
      ["/usr/bin/chromium", "chromium"],
      "apt-get install -y chromium fonts-noto-cjk",
    );
    // Serve (and measure) a private copy of the production build (built when dist/ is missing or a dev build).
    served = privateProductionBuild("taskpane-dist-").dir;
    officeJs = fakeOfficeScript();
    server = await serveDir(served);
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    const { chromium } = await import("playwright-core");
    browser = await chromium.launch({
      executablePath: exe,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    });
  });

  after(async () => {
    await browser?.close();
    await new Promise((r) => (server ? server.close(r) : r(undefined)));
    if (served) rmSync(served, { recursive: true, force: true });
  });

  afterEach(() => {
    for (const p of panes) {
      assert.deepEqual(p.outside, [], "no request may leave 127.0.0.1 except office.js");
      assert.equal(p.officeJsRequests, 1, "office.js loaded once");
      assert.deepEqual(p.dialogs, [], "no dialog may open");
      assert.deepEqual(p.errors, [], "no page error, console error or CSP violation");
    }
    panes.length = 0;
  });

  async function openPane(opts: {
    lang: string;
    sheets?: [string, unknown[][]][];
    theme?: Record<string, string>;
    /** navigator.platform and navigator.userAgentData.platform, e.g. "MacIntel" (default: the browser's). */
    platform?: string;
    /** Take ES2017+ builtins and BigInt away before any script runs: the loader then picks polyfills + the ES5 bundle. */
    legacy?: boolean;
  }): Promise<Pane> {
    const context = await browser.newContext({
      viewport: { width: 360, height: 800 },
      deviceScaleFactor: 1,
      locale: opts.lang,
    });
    const page = await context.newPage();
    const pane: Pane = { page, context, outside: [], officeJsRequests: 0, dialogs: [], errors: [], readyMs: NaN };
    panes.push(pane);
    await page.addInitScript(
      (o) => {
        (window as unknown as { __fakeOfficeOptions: unknown }).__fakeOfficeOptions = o;
      },
      { displayLanguage: opts.lang, sheets: opts.sheets, theme: opts.theme },
    );
    if (opts.platform) {
      // A string, not a function: tsx's helpers (__name) do not exist in the page.
      const p = JSON.stringify(opts.platform);
      const uaPlatform = JSON.stringify(/mac/i.test(opts.platform) ? "macOS" : opts.platform);
      await page.addInitScript({
        content: `Object.defineProperty(Navigator.prototype, "platform", { get: () => ${p} });
          Object.defineProperty(Navigator.prototype, "userAgentData", {
            get: () => ({ platform: ${uaPlatform}, mobile: false, brands: [] }),
          });`,
      });
    }
    if (opts.legacy) {
      // What an old engine lacks (IE11 lacks far more; Babel has already written the syntax down to ES5).
      // BigInt too: IE11 and EdgeHTML have none, and no polyfill gives it (the shares run on Numbers there).
      // And the DOM methods IE11/EdgeHTML lack (append, replaceChildren): loader.js puts them back.
      // The fake office.js (our own modern code, standing in for Microsoft's) gets them back while it loads.
      await page.addInitScript({
        content: `(function () {
          var list = [[Array.prototype, "at"], [Object, "hasOwn"], [Object, "fromEntries"], [Object, "entries"],
            [Array.prototype, "flat"], [Array.prototype, "flatMap"], [String.prototype, "padStart"],
            [String.prototype, "replaceAll"], [Array.prototype, "includes"], [String.prototype, "includes"],
            [window, "BigInt"], [Element.prototype, "append"], [Element.prototype, "replaceChildren"],
            [DocumentFragment.prototype, "append"], [DocumentFragment.prototype, "replaceChildren"]];
          var saved = list.map(function (x) { return [x[0], x[1], x[0][x[1]]]; });
          function take() { list.forEach(function (x) { delete x[0][x[1]]; }); }
          window.__giveBack = function () { saved.forEach(function (x) { x[0][x[1]] = x[2]; }); };
          window.__takeAgain = take;
          take();
        })();`,
      });
    }
    await page.route("**/*", (route) => {
      const url = route.request().url();
      if (url.startsWith(base)) return route.continue();
      if (OFFICE_JS.test(url)) {
        pane.officeJsRequests++;
        const body = opts.legacy ? `window.__giveBack();\n${officeJs}\nwindow.__takeAgain();` : officeJs;
        return route.fulfill({ status: 200, contentType: "text/javascript; charset=utf-8", body });
      }
      pane.outside.push(url);
      return route.abort();
    });
    page.on("dialog", (d) => {
      pane.dialogs.push(d.message());
      void d.dismiss();
    });
    page.on("pageerror", (e) => pane.errors.push(`pageerror: ${e.message}`));
    page.on("console", (m) => {
      if (m.type() === "error") pane.errors.push(`console: ${m.text()}`);
    });
    await page.goto(`${base}taskpane.html`);
    await page.waitForFunction(() => performance.getEntriesByName("pane-ready").length > 0);
    pane.readyMs = await page.evaluate(() => performance.getEntriesByName("pane-ready")[0]!.startTime);
    return pane;
  }

  const fake = <T>(page: Page, fn: string, ...args: unknown[]): Promise<T> =>
    page.evaluate(
      ([f, a]) => {
        const fk = (window as unknown as { fake: Record<string, (...x: unknown[]) => unknown> }).fake;
        return fk[f as string]!.apply(fk, a as unknown[]) as T;
      },
      [fn, args] as const,
    );

  const edits = (page: Page, sheet: string, list: Edit[]): Promise<void> =>
    page.evaluate(
      async ([s, l]) => {
        const fk = (window as unknown as { fake: { edit(s: string, a: string, v: unknown): Promise<void> } }).fake;
        for (const [a, v] of l) await fk.edit(s, a, v);
      },
      [sheet, list] as const,
    );

  /** A cell's value in the fake Excel's 公开数据, as Excel shows it. */
  const fakeValue = (page: Page, address: string): Promise<unknown> =>
    fake<{ value: unknown }>(page, "read", COUNTS, address).then((c) => c.value);

  const idle = (page: Page) => page.waitForFunction(() => document.body.dataset.state !== "busy");
  const text = (page: Page, sel: string) => page.locator(sel).innerText();
  /** How often `needle` is on screen: text in hidden elements and in screen-reader-only text is not counted. */
  const shownCount = (page: Page, needle: string): Promise<number> =>
    page.evaluate((n) => {
      let count = 0;
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const el = node.parentElement;
        if (!el || el.closest(".visually-hidden") || !el.checkVisibility()) continue;
        count += (node.textContent ?? "").split(n).length - 1;
      }
      return count;
    }, needle);

  it("empty workbook -> template -> planted error found, selected, fixed live -> report generated", async () => {
    const pane = await openPane({ lang: "zh-CN" });
    const { page } = pane;
    const sc = scenario(YEAR);

    // Empty state offers the template.
    await page.locator("#empty").waitFor({ state: "visible" });
    assert.equal(await text(page, "#empty h2"), t("zh", "emptyTitle"));
    await page.screenshot({ path: path.join(mkdirp(OUTPUT), "taskpane-empty.png") });
    assert.equal(await page.locator("html").getAttribute("lang"), "zh-CN");
    await page.click("#insert-template");
    await page.waitForSelector('body[data-state="ready"]');
    assert.ok((await fake<string[]>(page, "sheetNames")).includes(COUNTS));
    assert.match(await text(page, "#context"), new RegExp(`数据表：${COUNTS}`));
    assert.equal(await fake<number>(page, "handlerCount", "changed"), 1, "the pane watches the counts sheet");

    // The user types the year's figures, one of them wrong; then 检查.
    await edits(page, sc.sheet, sc.edits);
    await idle(page);
    await page.click("#check");
    const planted = page.locator('[data-testid="finding"]', { hasText: sc.planted.address });
    await planted.first().waitFor();
    // One wrong figure breaks its row and its column: one finding, naming that cell (with its fix) and the two totals.
    assert.equal(await page.locator('[data-testid="group-error"] [data-testid="finding"]').count(), 1);
    assert.match(await text(page, '[data-testid="group-error"] h3'), /错误\s*1/);
    const rowSum = page.locator('[data-testid="finding"][data-rule="s3-row-sum"]');
    assert.match(await rowSum.innerText(), /“（一）予以公开”行“自然人”列的数字很可能填错/);
    assert.match(await rowSum.innerText(), /应为\s*12/);
    assert.match(await rowSum.innerText(), /实际\s*13/);
    assert.equal(await page.locator('[data-testid="fix"]').innerText(), "改为 12");
    await page.screenshot({ path: path.join(mkdirp(IMAGES), "taskpane-zh.png") });

    // Enter on a finding selects its cells in Excel: the culprit first, then the two totals.
    await rowSum.focus();
    await page.keyboard.press("Enter");
    await page.waitForFunction(
      (want) =>
        (window as unknown as { fake: { selection(): { address: string } | null } }).fake
          .selection()
          ?.address.includes(want),
      sc.planted.address,
    );
    const sel1 = await fake<{ sheet: string; address: string }>(page, "selection");
    assert.equal(sel1.sheet, COUNTS);
    assert.equal(sel1.address, sc.at.cross, "the culprit, its row's 总计, its column's （七）总计");

    // Correct the cell: the change event re-checks (debounced) and the findings disappear.
    await edits(page, sc.sheet, [[sc.planted.address, sc.planted.right]]);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="finding"]').length === 0);
    assert.equal(await text(page, "#summary"), t("zh", "noFindings"));

    // 生成报告: the report sheets hold the tables (formulas into the counts sheet) and the narrative.
    await page.click("#generate");
    await page.locator('[data-testid="select-table"]').first().waitFor();
    const names = await fake<string[]>(page, "sheetNames");
    assert.ok(names.includes("报告表格") && names.includes("报告正文"), names.join(","));
    const table = await fake<Record<string, { value: unknown; formula?: string }>>(page, "cells", "报告表格");
    const labelAt = Object.entries(table).find(([, c]) => c.value === "一、本年新收政府信息公开申请数量")?.[0];
    assert.ok(labelAt, "section 三 row 一 is in the table sheet");
    const row = parseA1(labelAt)!.row + 1;
    assert.equal(table[`D${row}`]?.formula, `=公开数据!${sc.at.newNatural}`, "自然人 refers to the counts sheet");
    assert.equal(table[`J${row}`]?.formula, `=SUM(D${row}:I${row})`, "总计 is a formula");
    const textCells = Object.values(await fake<Record<string, { value: unknown }>>(page, "cells", "报告正文")).map(
      (c) => String(c.value),
    );
    assert.ok(
      textCells.some((v) => v.includes(`新收政府信息公开申请${sc.expect.received}件`)),
      "narrative states 本年新收 (新收政府信息公开申请N件)",
    );
    assert.ok(
      textCells.some((v) => v.includes(`予以公开${sc.expect.open}件`)),
      "narrative states 予以公开",
    );
    // A long title is broken before its year, as printed reports do.
    assert.ok(
      textCells[0]?.replace(/\n/g, "").startsWith(`遂宁市某某局${YEAR}年政府信息公开工作年度报告`),
      textCells[0],
    );

    // 选中 (to copy): the named range is selected, its row is marked, and Ctrl+C is named once, in the card.
    await page.click('[data-testid="select-table"][data-name="表_三_申请情况"]');
    await page.waitForFunction(
      () =>
        (window as unknown as { fake: { selection(): { sheet: string } | null } }).fake.selection()?.sheet ===
        "报告表格",
    );
    assert.equal((await fake<{ address: string }>(page, "selection")).address, "A23:J50");
    assert.equal(
      await text(page, '[data-testid="copy-hint"]'),
      "选中表格后，点一下当前工作表的标签（或按 F6）回到表格，按 Ctrl+C 复制，再粘贴到 Word。",
    );
    await page.locator('.table-item.is-selected[data-name="表_三_申请情况"] .table-selected').waitFor();
    assert.equal(await page.locator(".table-item.is-selected").count(), 1);
    assert.equal(await text(page, ".table-item.is-selected .table-selected"), "已选中");
    assert.equal(await shownCount(page, "Ctrl+C"), 1, "Ctrl+C is said once");
    assert.match((await page.locator("#table-status").textContent()) ?? "", /已选中表格“三、.*”，按 Ctrl\+C 复制/);
    // 选中 报告正文: the column of its paragraphs, and the paste option that makes them paragraphs in Word.
    await page.click('[data-testid="select-table"][data-name="报告正文"]');
    await page.waitForFunction(
      () =>
        (window as unknown as { fake: { selection(): { sheet: string } | null } }).fake.selection()?.sheet ===
        "报告正文",
    );
    const textRows = Math.max(
      ...Object.keys(await fake<Record<string, unknown>>(page, "cells", "报告正文")).map((a) => parseA1(a)!.row + 1),
    );
    assert.ok(textRows >= 10, String(textRows));
    assert.equal((await fake<{ address: string }>(page, "selection")).address, `A1:A${textRows}`);
    assert.match(await text(page, "#text-paste-hint"), /只保留文本/);
    assert.equal(await page.locator("#table-status").textContent(), "已选中报告正文，按 Ctrl+C 复制");
    await page.screenshot({
      path: path.join(OUTPUT, "taskpane-generated.png"),
      fullPage: true,
      animations: "disabled",
    });

    // Auto-update off: an edit makes the report out of date.
    await edits(page, sc.sheet, [[sc.at.spare, "备注"]]);
    await page.locator("#stale").waitFor({ state: "visible" });
    assert.equal(await text(page, "#stale .banner-text"), "报告已过期，请重新生成");
    // Auto-update on: regenerated now, and after the next edit; the banner goes away.
    const before = await fake<number>(page, "handlerCount", "changed");
    await page.click("label.switch");
    await page.locator("#stale").waitFor({ state: "hidden" });
    assert.equal(await page.locator("#auto-update").isChecked(), true);
    const saved = await page.evaluate(
      (key) =>
        (
          window as unknown as { fake: { savedSettings: Map<string, { autoUpdate?: boolean }> } }
        ).fake.savedSettings.get(key),
      SETTINGS_KEY,
    );
    assert.equal(saved?.autoUpdate, true, "the toggle is saved in the workbook");
    await edits(page, sc.sheet, [[sc.planted.address, 14]]);
    await page.locator('[data-testid="finding"]').first().waitFor();
    await idle(page);
    assert.equal(await page.locator("#stale").isVisible(), false);
    assert.equal(await fake<number>(page, "handlerCount", "changed"), before, "one handler, not one per re-check");

    // The user renames the counts sheet: the pane follows it.
    await fake(page, "renameSheet", COUNTS, "数据2025");
    await page.waitForFunction(() => document.getElementById("context")?.textContent?.includes("数据表：数据2025"));
    await idle(page);
    // The counts sheet's handler and, since the report exists, the text sheet's (报告正文: the user's edits of the text).
    assert.equal(await fake<number>(page, "handlerCount", "changed"), 2);

    // The pane closes: its change handler is removed.
    await page.evaluate(() => window.dispatchEvent(new PageTransitionEvent("pagehide")));
    await page.waitForFunction(
      () => (window as unknown as { fake: { handlerCount(k: string): number } }).fake.handlerCount("changed") === 0,
    );
    console.log(`      ready (empty workbook): ${pane.readyMs.toFixed(0)} ms from navigation`);
    await pane.context.close();
  });

  it("preparing (编制): template -> parts only, zeros blank -> no error, the progress and what is unfilled -> report", async () => {
    const pane = await openPane({ lang: "zh-CN" });
    const { page } = pane;
    await page.locator("#empty").waitFor({ state: "visible" });
    await page.click("#insert-template");
    await page.waitForSelector('body[data-state="ready"]');
    // A fresh template: no error or warning, the progress says nothing is filled yet.
    assert.match(await text(page, '[data-testid="fill-progress"]'), /编制进度：已填 0 \/ 166 项/);
    assert.equal(await page.locator('[data-testid="group-error"] [data-testid="finding"]').count(), 0);
    assert.equal(await page.locator('[data-testid="group-warning"] [data-testid="finding"]').count(), 0);
    await page.screenshot({ path: path.join(mkdirp(OUTPUT), "taskpane-preparer-start.png"), fullPage: true });

    // The clerk types the parts that are not 0, nothing else: the totals are the sheet's SUMs.
    const cells = templateCells(templatePlan({ year: YEAR }));
    const s3 = cells.tables.s3!.cells;
    const at = (r: { row: number; col: number }) => a1(r.row, r.col);
    const list: Edit[] = [
      [at(cells.meta.body), "某某县教育局"],
      [at(cells.meta.scope), "本机关"],
      [at(cells.meta.fee), 0],
      [at(s3[cellKey("new", "natural")]!), 20],
      [at(s3[cellKey("new", "commercial")]!), 4],
      [at(s3[cellKey("open", "natural")]!), 12],
      [at(s3[cellKey("open", "commercial")]!), 3],
      [at(s3[cellKey("unavailable.notHeld", "natural")]!), 6],
      [at(s3[cellKey("carryNext", "natural")]!), 2],
      [at(s3[cellKey("carryNext", "commercial")]!), 1],
      [at(cells.tables.s4!.cells[cellKey("count", "review.upheld")]!), 1],
    ];
    // A 上年 figure the clerk typed before importing (it must stay), and this year's 主动公开 by category.
    const inForce = cells.tables["s2.item1"]!.prior[cellKey("rules", "inForce")]!;
    const last = lastYearReport();
    const lastInForce = last.section2["s2.item1"]!.cells[cellKey("rules", "inForce")]!.value!;
    list.push([at(inForce), lastInForce + 2]);
    cells.proactive.categories.forEach((c, i) =>
      list.push([at(c.count!), (last.proactive!.categories[i]!.count.value ?? 0) + 5]),
    );
    await edits(page, COUNTS, list);
    await idle(page);

    // 导入上年数据…: last year's workbook picked through the file input, read in the pane.
    assert.equal(await page.locator("#import-prior").isVisible(), true);
    await page.setInputFiles('[data-testid="prior-file"]', {
      name: `${YEAR - 1}年政府信息公开工作年度报告.xlsx`,
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer: await workbookBytes(last),
    });
    await page.waitForFunction(() => document.getElementById("notice")?.textContent?.includes("已从上年报告"));
    await idle(page);
    const imported = await text(page, '[data-testid="notice"]');
    // 上年结转 (7), 上年本年新收 (1), 现行有效 (2 less the typed one), the blocks' categories (8 + 8) and 合计 (2).
    assert.match(imported, new RegExp(`已从上年报告（某某县教育局 ${YEAR - 1}年）填入 27 项上年数据`), imported);
    assert.match(imported, /已填写的 1 项保持不变/, imported);
    assert.equal(await fakeValue(page, at(inForce)), lastInForce + 2, "a typed 上年 figure is never overwritten");
    for (const col of ["natural", "commercial", "total"]) {
      const p = cells.tables.s3!.prior[cellKey("carried", col)]!;
      assert.equal(await fakeValue(page, at(p)), last.section3!.cells[cellKey("carryNext", col)]!.value, col);
    }
    await page.screenshot({ path: path.join(mkdirp(OUTPUT), "taskpane-preparer-imported.png"), fullPage: true });

    await page.click("#check");
    // The 上年 cells and the optional blocks are not this year's national figures: the progress counts those only.
    await page.waitForFunction(() => document.getElementById("fill-progress")?.textContent?.includes("已填 8 / 166"));
    await idle(page);
    assert.equal(await page.locator('[data-testid="group-error"] [data-testid="finding"]').count(), 0);
    assert.equal(await page.locator('[data-testid="group-warning"] [data-testid="finding"]').count(), 0);
    const infos = await page.locator('[data-testid="group-info"] [data-testid="finding"]').allInnerTexts();
    const unfilled = infos.find((t) => /三、收到和处理政府信息公开申请情况：尚未填写137项/.test(t));
    assert.ok(unfilled, infos.join("\n"));
    // The 137 cells named as ranges (公开数据!F33:I33 公开数据!D34:I34 …, at most six shown), not cell by cell.
    const ranges = unfilled.match(/公开数据![A-Z]+\d+(:[A-Z]+\d+)?/g) ?? [];
    assert.ok(ranges.length >= 2 && ranges.length <= 6, unfilled);
    assert.ok(ranges.filter((r) => r.includes(":")).length >= 4, unfilled);
    await page.screenshot({ path: path.join(mkdirp(OUTPUT), "taskpane-preparer-filled.png"), fullPage: true });

    // 生成报告: blanks count as 0; the totals are the tables' SUMs and the text states them.
    await page.click("#generate");
    await page.locator('[data-testid="select-table"]').first().waitFor();
    await idle(page);
    const textCells = Object.values(await fake<Record<string, { value: unknown }>>(page, "cells", "报告正文")).map(
      (c) => String(c.value),
    );
    // 同比 of the applications from the imported 上年本年新收申请（总计）.
    const lastNew = last.section3!.cells[cellKey("new", "total")]!.value!;
    assert.ok(lastNew > 24);
    assert.ok(
      textCells.some((v) =>
        new RegExp(
          `本局全年新收政府信息公开申请24件，较上年减少${lastNew - 24}件，下降[\\d.]+%，其中自然人申请20件、法人或其他组织申请4件`,
        ).test(v),
      ),
      textCells.join("\n"),
    );
    assert.ok(textCells.some((v) => v.includes("全年办结21件")));
    // 同比 from the 上年 cells the import filled: 主动公开 this year and last year.
    const lastTotal = last.proactive!.categories.reduce((a, c) => a + (c.count.value ?? 0), 0);
    const thisTotal = lastTotal + 5 * last.proactive!.categories.length;
    assert.ok(
      textCells.some((v) =>
        v.includes(`主动公开政府信息${thisTotal}条，比上年增加${thisTotal - lastTotal}条，同比增长`),
      ),
      textCells.join("\n"),
    );
    const table = await fake<Record<string, { value: unknown; formula?: string }>>(page, "cells", "报告表格");
    const labelAt = Object.entries(table).find(([, c]) => c.value === "一、本年新收政府信息公开申请数量")?.[0];
    const row = parseA1(labelAt!)!.row + 1;
    assert.equal(table[`J${row}`]?.formula, `=SUM(D${row}:I${row})`, "总计 is a SUM");
    await page.screenshot({
      path: path.join(OUTPUT, "taskpane-preparer-generated.png"),
      fullPage: true,
      animations: "disabled",
    });
  });

  it("shows workbook text as text: <img onerror> and <script> in cells run nothing", async () => {
    const sc = scenario(YEAR, XSS_IMG);
    const plan = templatePlan({ year: YEAR });
    const firstCategory = planToGrid(plan).values.findIndex((r) => r[0] === "政府文件");
    const licensing = templateCells(plan).tables["s2.item5"]!.cells[cellKey("licensing", "decisions")]!;
    const list: Edit[] = [
      ...sc.edits,
      [`A${firstCategory + 1}`, XSS_SCRIPT],
      [sc.planted.address, XSS_IMG],
      [a1(licensing.row, licensing.col), XSS_SCRIPT],
    ];
    const pane = await openPane({ lang: "zh-CN", sheets: [[COUNTS, filledRows(list)]] });
    const { page } = pane;
    await page.waitForSelector('body[data-state="ready"]');
    assert.ok((await text(page, "#context")).includes(XSS_IMG), "the body's name shows literally");
    const all = await page.locator("#findings").innerText();
    assert.ok(all.includes(XSS_IMG), "the unreadable figure is quoted literally in a finding");
    assert.ok(all.includes(XSS_SCRIPT), "a <script> figure is quoted literally too");
    // A <script> category name: wherever it is shown, it is text.
    const imgs = await page.evaluate(() => Array.from(document.images).map((i) => i.getAttribute("src")));
    assert.deepEqual([...new Set(imgs)], ["assets/logo.svg"], "no img element but the logo");
    assert.equal(
      await page.evaluate(() => document.querySelectorAll("script").length),
      3,
      "office.js, loader.js and taskpane.js only",
    );
    assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);
    await page.click("#check");
    await idle(page);
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);
  });

  it("a workbook with two reports: the picker lists both, works on 公开数据, and on the other once picked", async () => {
    const a = scenario(YEAR, "某县甲局");
    const b = scenario(YEAR, "某县人民政府");
    const clean: Edit[] = [...b.edits, [b.planted.address, b.planted.right]];
    const pane = await openPane({
      lang: "zh-CN",
      sheets: [
        ["甲局", filledRows(a.edits)],
        [COUNTS, filledRows(clean)],
      ],
    });
    const { page } = pane;
    await page.waitForSelector('body[data-state="ready"]');
    assert.equal(await page.locator("#report-picker").isVisible(), true);
    assert.equal(await text(page, "label[for=report-picker]"), "报告（本工作簿共2份，1份有错误）");
    assert.deepEqual(await page.locator("#report-picker option").allInnerTexts(), [
      `甲局 · 某县甲局 · ${YEAR}年度 · 1个错误`,
      `公开数据 · 某县人民政府 · ${YEAR}年度 · 无错误`,
    ]);
    assert.equal(await page.locator("#report-picker").inputValue(), COUNTS);
    assert.match(await text(page, "#context"), /数据表：公开数据/);
    assert.equal(await page.locator(".finding.sev-error").count(), 0, "公开数据 is consistent");
    await page.screenshot({ path: path.join(mkdirp(OUTPUT), "taskpane-picker.png") });
    await page.selectOption("#report-picker", "甲局");
    await page.waitForFunction(() => document.querySelector("#context")?.textContent?.includes("甲局"));
    await idle(page);
    assert.match(await text(page, "#context"), /数据表：甲局 · \d+年度 · 某县甲局/);
    assert.ok((await page.locator(".finding.sev-error").count()) > 0, "甲局's planted error");
    assert.ok(
      (await page.locator(".finding-cells").allInnerTexts()).some((c) => c.includes(a.planted.address)),
      "the planted cell is named",
    );
  });

  it("applies a suggested fix only after the inline confirmation: one cell changes, then the pane re-checks", async () => {
    const sc = scenario(YEAR);
    const s3 = templateCells(templatePlan({ year: YEAR })).tables.s3!;
    const total = s3.cells[cellKey("open", "total")]!;
    const totalAddress = a1(total.row, total.col);
    // 予以公开: the parts are right (12 + 2 + 0 + 1 + 0 + 1 = 16), only 总计 is typed wrong.
    const list: Edit[] = [...sc.edits, [sc.planted.address, sc.planted.right], [totalAddress, 15]];
    const pane = await openPane({ lang: "zh-CN", sheets: [[COUNTS, filledRows(list)]] });
    const { page } = pane;
    const fixBtn = page.locator('[data-testid="finding"][data-rule="s3-row-sum"] ~ .finding-fix [data-testid="fix"]');
    await fixBtn.waitFor();
    assert.equal(await fixBtn.innerText(), "改为 16");
    assert.equal(await fixBtn.getAttribute("aria-label"), `将 ${COUNTS}!${totalAddress} 改为 16`);
    assert.equal(await page.locator('[data-testid="fix"]').count(), 1, "one fix: the typed 总计 is the odd one out");
    const cellsBefore = await fake<Record<string, unknown>>(page, "cells", COUNTS);
    const others = (cells: Record<string, unknown>): string =>
      JSON.stringify(Object.entries(cells).filter(([a]) => a !== totalAddress));

    await page.screenshot({ path: path.join(mkdirp(OUTPUT), "taskpane-fix.png") });
    // Keyboard: Enter on 改为 16 asks inside the pane and focuses 确定; Esc cancels and writes nothing.
    await fixBtn.focus();
    await page.keyboard.press("Enter");
    const confirm = page.locator('[data-testid="fix-confirm"]');
    await confirm.waitFor();
    assert.equal(
      await confirm.locator(".fix-confirm-text").innerText(),
      `将 ${COUNTS}!${totalAddress} 由 15 改为 16？此操作会清除 Excel 的撤消记录。`,
    );
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute("data-testid")), "fix-ok");
    await page.screenshot({ path: path.join(mkdirp(OUTPUT), "taskpane-fix-confirm.png") });
    await page.keyboard.press("Escape");
    await confirm.waitFor({ state: "detached" });
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute("data-testid")), "fix");
    assert.deepEqual(await fake<Record<string, unknown>>(page, "cells", COUNTS), cellsBefore, "cancel writes nothing");

    // 确定: exactly that cell changes, the pane re-checks and the finding is gone.
    await fixBtn.click();
    await page.click('[data-testid="fix-ok"]');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="finding"]').length === 0);
    const cellsAfter = await fake<Record<string, { value: unknown }>>(page, "cells", COUNTS);
    assert.equal(cellsAfter[totalAddress]?.value, 16);
    assert.equal(others(cellsAfter), others(cellsBefore), "no other cell changed");
    assert.match(await text(page, "#notice"), new RegExp(`已将 ${COUNTS}!${totalAddress} 改为 16`));
    await idle(page);
  });

  it("follows a dark Office theme", async () => {
    const sc = scenario(YEAR);
    const pane = await openPane({
      lang: "zh-CN",
      sheets: [[COUNTS, filledRows(sc.edits)]],
      theme: {
        bodyBackgroundColor: "#262626",
        bodyForegroundColor: "#FFFFFF",
        controlBackgroundColor: "#3B3B3B",
        controlForegroundColor: "#FFFFFF",
      },
    });
    const { page } = pane;
    await page.locator('[data-testid="group-error"]').waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.classList.contains("theme-dark")), true);
    assert.equal(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), "rgb(38, 38, 38)");
    assert.equal(await page.evaluate(() => getComputedStyle(document.body).color), "rgb(255, 255, 255)");
    await page.screenshot({ path: path.join(mkdirp(OUTPUT), "taskpane-dark.png") });
    // The settings form in the dark palette: fields take the dark surfaces, not the browser's white.
    await page.click("#settings summary");
    await page.locator("#set-font").waitFor();
    assert.equal(
      await page.evaluate(() => getComputedStyle(document.getElementById("set-font")!).color),
      "rgb(255, 255, 255)",
    );
    await page.screenshot({
      path: path.join(OUTPUT, "taskpane-dark-settings.png"),
      fullPage: true,
      animations: "disabled",
    });
  });

  it("an old engine (builtins and BigInt taken away) gets polyfills + the ES5 bundle and works: check, select, generate", async () => {
    const sc = scenario(YEAR);
    const pane = await openPane({ lang: "zh-CN", sheets: [[COUNTS, filledRows(sc.edits)]], legacy: true });
    const { page } = pane;
    await page.waitForSelector('body[data-state="ready"]');
    assert.equal(
      await page.evaluate(() => (window as unknown as { __disclosureReportBundle?: string }).__disclosureReportBundle),
      "legacy+polyfills",
    );
    const scripts = await page.evaluate(() => Array.from(document.scripts).map((x) => x.src.replace(/^.*\//, "")));
    assert.deepEqual(scripts.slice(1), ["loader.js", "polyfills.js", "taskpane.legacy.js"]);
    assert.equal(await page.evaluate(() => typeof Object.fromEntries), "function", "polyfilled");
    assert.equal(await page.evaluate(() => typeof (window as { BigInt?: unknown }).BigInt), "undefined", "no BigInt");
    assert.match(
      await page.evaluate(() => String(Element.prototype.replaceChildren)),
      /removeChild/,
      "loader.js's replaceChildren, not the browser's",
    );
    await page.locator('[data-testid="group-error"]').waitFor();
    assert.match(await text(page, '[data-testid="group-error"] h3'), /错误\s*1/);
    await page.locator('[data-testid="finding"][data-rule="s3-row-sum"]').click();
    await page.waitForFunction(
      (want) =>
        (window as unknown as { fake: { selection(): { address: string } | null } }).fake.selection()?.address === want,
      sc.at.cross,
    );
    await page.click("#generate");
    await page.waitForFunction(() =>
      (window as unknown as { fake: { sheetNames(): string[] } }).fake.sheetNames().includes("报告正文"),
    );
    await idle(page);
    await page.screenshot({ path: path.join(mkdirp(OUTPUT), "taskpane-legacy.png") });
    // The shares without BigInt (Numbers) are those of the modern bundle: the same report, cell for cell.
    const legacyText = await fake<string>(page, "snapshot", "报告正文");
    const legacyTables = await fake<string>(page, "snapshot", "报告表格");
    assert.match(legacyText, /\d\.\d\d%/, "the narrative states shares");
    const modern = await openPane({ lang: "zh-CN", sheets: [[COUNTS, filledRows(sc.edits)]] });
    await modern.page.waitForSelector('body[data-state="ready"]');
    await modern.page.click("#generate");
    await modern.page.waitForFunction(() =>
      (window as unknown as { fake: { sheetNames(): string[] } }).fake.sheetNames().includes("报告正文"),
    );
    await idle(modern.page);
    assert.equal(legacyText, await fake<string>(modern.page, "snapshot", "报告正文"));
    assert.equal(legacyTables, await fake<string>(modern.page, "snapshot", "报告表格"));
  });

  for (const legacy of [false, true]) {
    it(`导入上年数据 (${legacy ? "ES5 bundle, no TextDecoder, no Blob.arrayBuffer" : "modern bundle"}): the .xlsx reader loads only on the pick and fills the 上年 cells`, async () => {
      const pane = await openPane({ lang: "zh-CN", legacy });
      const { page } = pane;
      await page.locator("#empty").waitFor({ state: "visible" });
      await page.click("#insert-template");
      await page.waitForSelector('body[data-state="ready"]');
      await idle(page);
      const chunks = () =>
        page.evaluate(() =>
          performance
            .getEntriesByType("resource")
            .map((e) => e.name.replace(/^.*\//, ""))
            .filter((n) => /^\d+(\.legacy)?\.js$/.test(n)),
        );
      assert.deepEqual(await chunks(), [], "no part of the reader before the pick");
      // IE11 and old EdgeHTML have neither (the reader must not need them).
      if (legacy)
        await page.evaluate(() => {
          delete (window as { TextDecoder?: unknown }).TextDecoder;
          delete (Blob.prototype as { arrayBuffer?: unknown }).arrayBuffer;
        });
      const last = lastYearReport();
      await page.setInputFiles('[data-testid="prior-file"]', {
        name: "上年.xlsx",
        mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        buffer: await workbookBytes(last),
      });
      await page.locator("#notice.banner-success").waitFor();
      assert.match(
        await text(page, "#notice"),
        new RegExp(`已从上年报告（某某县教育局 ${YEAR - 1}年）填入 28 项上年数据`),
      );
      const cells = templateCells(templatePlan({ year: YEAR }));
      const carried = cells.tables.s3!.prior[cellKey("carried", "natural")]!;
      assert.equal(
        await fakeValue(page, a1(carried.row, carried.col)),
        last.section3!.cells[cellKey("carryNext", "natural")]!.value,
      );
      const loaded = await chunks();
      assert.ok(loaded.length >= 1 && loaded.every((n) => n.endsWith(".legacy.js") === legacy), loaded.join(" "));
      if (!legacy) {
        logChunkSize(".xlsx reader", served, loaded);
      }
      // A file that is not a workbook: said in plain words, nothing written.
      const before = await fake<string>(page, "snapshot", COUNTS);
      await page.setInputFiles('[data-testid="prior-file"]', {
        name: "上年.xls",
        mimeType: "application/vnd.ms-excel",
        buffer: readFileSync(path.join(ROOT, "test/fixtures/xlsx/xls-renamed.xlsx")),
      });
      await page.locator("#notice.banner-error").waitFor();
      assert.match(await text(page, "#notice"), /无法导入上年数据：所选文件是旧版 Excel 97-2003 \(\.xls\) 文件/);
      assert.equal(await fake<string>(page, "snapshot", COUNTS), before);
    });

    it(`下载 Word 文档 (${legacy ? "ES5 bundle, polyfills" : "modern bundle"}): the Word writer loads only on the click, and the file is a whole .docx`, async () => {
      const sc = scenario(YEAR);
      const pane = await openPane({ lang: "zh-CN", sheets: [[COUNTS, filledRows(sc.edits)]], legacy });
      const { page } = pane;
      await page.waitForSelector('body[data-state="ready"]');
      const chunks = () =>
        page.evaluate(() =>
          performance
            .getEntriesByType("resource")
            .map((e) => e.name.replace(/^.*\//, ""))
            .filter((n) => /^\d+(\.legacy)?\.js$/.test(n)),
        );
      assert.deepEqual(await chunks(), [], "no part of the Word writer before the click");
      const [download] = await Promise.all([page.waitForEvent("download"), page.click("#download-docx")]);
      await page.locator("#notice.banner-success").waitFor();
      const loaded = await chunks();
      assert.ok(loaded.length >= 1, "the Word writer's chunks");
      assert.ok(
        loaded.every((n) => n.endsWith(".legacy.js") === legacy),
        `${loaded.join(" ")}: the ${legacy ? "ES5" : "modern"} build`,
      );
      assert.match(download.suggestedFilename(), new RegExp(`${YEAR}年政府信息公开工作年度报告\\.docx$`));
      const parts = docxParts(new Uint8Array(readFileSync((await download.path())!)));
      for (const part of ["[Content_Types].xml", "word/document.xml", "word/styles.xml", "word/fontTable.xml"])
        assert.ok(parts[part], part);
      const body = readBody(parts["word/document.xml"]!);
      const tables = body.filter(isTable);
      assert.ok(tables.length >= 6, String(tables.length));
      // Table 三's 总计 of 本年新收 is the workbook's figure.
      const received = tables
        .flatMap((t) => tableGrid(t))
        .find((row) => row.some((c) => c === "一、本年新收政府信息公开申请数量"));
      assert.equal(received?.at(-1), String(sc.expect.received));
      if (!legacy) {
        logChunkSize("Word writer", served, loaded);
      }
    });
  }

  it("opens in English with findings, follows the Office theme, and stays small and quick", async () => {
    const sc = scenario(YEAR);
    const pane = await openPane({
      lang: "en-US",
      platform: "MacIntel",
      sheets: [[COUNTS, filledRows(sc.edits)]],
      theme: {
        bodyBackgroundColor: "#FFFFFF",
        bodyForegroundColor: "#242424",
        controlBackgroundColor: "#FFFFFF",
        controlForegroundColor: "#242424",
      },
    });
    const { page } = pane;
    await page.waitForSelector('body[data-state="ready"]');
    assert.equal(await page.locator("html").getAttribute("lang"), "en-US");
    assert.equal(await text(page, "#check"), "Check");
    assert.equal(await text(page, "#generate"), "Generate report");
    await page.locator('[data-testid="group-error"]').waitFor();
    assert.match(await text(page, '[data-testid="group-error"] h3'), /Errors\s*1/);
    assert.equal(
      await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue("--office-body-fg").trim()),
      "#242424",
    );
    await page.screenshot({ path: path.join(mkdirp(IMAGES), "taskpane-en.png") });
    // Keyboard: Tab starts at 检查, goes on to the findings; Space on one selects its cells.
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => document.activeElement?.id), "check");
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press("Tab");
      if (await page.evaluate(() => document.activeElement?.getAttribute("data-testid") === "finding")) break;
    }
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute("data-rule")), "s3-row-sum");
    await page.screenshot({
      path: path.join(OUTPUT, "taskpane-focus-en.png"),
      clip: { x: 0, y: 200, width: 360, height: 320 },
    });
    await page.keyboard.press(" ");
    await page.waitForFunction(
      (want) =>
        (window as unknown as { fake: { selection(): { address: string } | null } }).fake.selection()?.address === want,
      sc.at.cross,
    );

    // Settings open with the keyboard; the chevron turns down (a drawn glyph, not a text character).
    await page.focus("#settings summary");
    await page.keyboard.press("Enter");
    assert.equal(await page.evaluate(() => (document.getElementById("settings") as HTMLDetailsElement).open), true);
    await page.waitForFunction(() => {
      const m = new DOMMatrix(getComputedStyle(document.querySelector("#settings summary .icon-chevron")!).transform);
      return Math.abs((Math.atan2(m.b, m.a) * 180) / Math.PI - 90) < 0.5;
    });
    assert.equal((await text(page, "#settings summary")).trim(), "Settings");
    // The sizes say they are the report tables'; the text sheet says what it takes.
    assert.equal(await text(page, 'label[for="set-title-size"]'), "Table title size (pt)");
    assert.equal(await text(page, 'label[for="set-body-size"]'), "Table text size (pt)");
    assert.match(await text(page, "#text-sizes-hint"), /report text/);
    await page.screenshot({ path: path.join(mkdirp(OUTPUT), "taskpane-settings-en.png"), fullPage: true });

    // Every button and input has a name.
    const unnamed = await page.evaluate(() =>
      Array.from(document.querySelectorAll("button, input, select, [role=button]"))
        .filter((el) => {
          const e = el as HTMLElement;
          if (e.closest("[hidden]")) return false;
          const label =
            e.getAttribute("aria-label") ||
            (e.id && document.querySelector(`label[for="${e.id}"]`)) ||
            e.closest("label") ||
            e.textContent?.trim();
          return !label;
        })
        .map((el) => el.outerHTML.slice(0, 80)),
    );
    assert.deepEqual(unnamed, []);

    // Settings: an invalid sheet name is refused and marked; valid settings are saved in the workbook.
    await page.fill("#set-table-sheet", "a/b");
    await page.click("#save-settings");
    await page.locator("#notice.banner-error").waitFor();
    assert.equal(await page.getAttribute("#set-table-sheet", "aria-invalid"), "true");
    await page.fill("#set-table-sheet", "Report tables");
    await page.selectOption("#set-decimals", "1");
    await page.check("#set-rounding-half-even");
    await page.click("#save-settings");
    await page.locator("#notice.banner-success").waitFor();
    const saved = await page.evaluate(
      (key) =>
        (window as unknown as { fake: { savedSettings: Map<string, Record<string, unknown>> } }).fake.savedSettings.get(
          key,
        ),
      SETTINGS_KEY,
    );
    assert.deepEqual([saved?.tableSheet, saved?.decimals, saved?.rounding], ["Report tables", 1, "half-even"]);
    assert.equal(await page.getAttribute("#set-table-sheet", "aria-invalid"), null);

    // On a Mac the copy shortcut is ⌘C, named once.
    await page.click("#generate");
    await page.locator('[data-testid="select-table"]').first().waitFor();
    await idle(page);
    assert.equal(
      await text(page, '[data-testid="copy-hint"]'),
      "Select a table, click the sheet tab (or press F6) to return to the sheet, press ⌘C to copy, then paste into Word.",
    );
    await page.click('[data-testid="select-table"][data-name="表_三_申请情况"]');
    await page.locator(".table-item.is-selected").waitFor();
    assert.equal(await shownCount(page, "⌘C"), 1, "⌘C is said once");
    assert.doesNotMatch(await page.locator("body").innerText(), /Ctrl/);
    await page.screenshot({
      path: path.join(OUTPUT, "taskpane-generated-en.png"),
      fullPage: true,
      animations: "disabled",
    });

    // The page's CSP: only this origin and Office.js' CDN, no inline script; inline styles for office.js only
    // (the whole policy is pinned in test/static/legacy.test.ts).
    const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', "content");
    assert.match(csp ?? "", /script-src 'self' https:\/\/appsforoffice\.microsoft\.com;/);
    assert.match(csp ?? "", /default-src 'self'/);
    assert.match(csp ?? "", /style-src 'self' 'unsafe-inline';/);
    assert.doesNotMatch((csp ?? "").replace("style-src 'self' 'unsafe-inline'", ""), /unsafe-inline|unsafe-eval|\*/);
    assert.equal(
      await page.evaluate(() => (window as unknown as { __disclosureReportBundle?: string }).__disclosureReportBundle),
      "modern",
    );

    const js = readFileSync(path.join(served, "taskpane.js"));
    const css = readFileSync(path.join(served, "taskpane.css"));
    const gz = zlib.gzipSync(js, { level: 9 }).length + zlib.gzipSync(css, { level: 9 }).length;
    console.log(
      `      bundle: taskpane.js ${(js.length / 1024).toFixed(1)} KB + taskpane.css ${(css.length / 1024).toFixed(1)} KB = ${(gz / 1024).toFixed(1)} KB gzipped`,
    );
    console.log(`      ready (filled counts sheet, 1 error): ${pane.readyMs.toFixed(0)} ms from navigation`);
    assert.ok(gz <= 150 * 1024, `bundle ${gz} bytes gzipped > 150 KB`);
    assert.ok(pane.readyMs < 5000, `ready after ${pane.readyMs} ms`);
  });
});

function mkdirp(dir: string): string {
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Prints the size of the chunks a pane action loaded on demand (raw and gzipped), for the notes and the bench. */
function logChunkSize(what: string, served: string, loaded: string[]): void {
  let raw = 0;
  let gz = 0;
  for (const n of loaded) {
    const b = readFileSync(path.join(served, n));
    raw += b.length;
    gz += zlib.gzipSync(b, { level: 9 }).length;
  }
  console.log(
    `      ${what} loaded on demand: ${loaded.join(" + ")} = ${(raw / 1024).toFixed(1)} KB (${(gz / 1024).toFixed(1)} KB gzipped)`,
  );
}
