import assert from "node:assert/strict";
import { readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { cellKey } from "../model/format";
import { CHECKS, findingCells, formatMessage, getCheck, placeholders, runChecks } from "./index";
import type { Finding } from "./types";
import { at, figures2021, pct, report2021, seedProactive, seedReport, SEED_CATEGORIES } from "./reports.testutil";

const DOCS = readFileSync(join(__dirname, "../../../docs/checks.md"), "utf8");
/** Rows of the docs table by check id, cells trimmed (prettier pads the table). */
const DOC_ROWS = new Map(
  DOCS.split("\n")
    .filter((l) => /^\|\s*`[a-z0-9-]+`/.test(l))
    .map((l) =>
      l
        .split("|")
        .slice(1, -1)
        .map((c) => c.trim()),
    )
    .map((cells) => [cells[0]!.replace(/`/g, ""), cells]),
);

/** A 2021 report broken in many ways at once, with a broken free-form block and last year beside it. */
function brokenReport() {
  const f = figures2021();
  f.s3["open"]!["natural"] = 11;
  f.s3["handled"]!["legal"] = null;
  f.s3["carryNext"]!["total"] = 9;
  f.s3["withheld.law"]!["research"] = null;
  f.s4["count"]!["review.total"] = 40;
  f.item5["licensing"]!["decisions"] = 1.5;
  f.item8["fees"]!["amount"] = 7730280;
  f.item1["rules"]!["inForce"] = 30;
  const r = report2021(f, 2021);
  Object.assign(r.section3!.cells[cellKey("new", "commercial")]!, { value: null, issue: "error-value", text: "#REF!" });
  Object.assign(r.section2["s2.item6"]!.cells[cellKey("penalty", "decisions")]!, { issue: "text", text: "30件" });
  r.section3!.missingRows.push("withheld.query");
  r.notFound.push({ code: "x", cells: [at(99, 0)], params: { label: "第二十条第（五）项" } });
  r.section3!.rowLabels["withheld.law"] = {
    cell: at(35, 2),
    found: "2、其他",
    expected: "2.其他法律行政法规禁止公开",
    deviations: ["numbering"],
  };
  r.meta.fee!.value = 0.001;
  r.format = "2019";
  r.singleOtherRow = true;
  r.texts.push({ text: "2015年度报告", cell: at(1, 0) });
  const cats = SEED_CATEGORIES.map(([n, c, s]): [string, number, string] =>
    n === "人事信息" ? [n, c, "1.2%"] : [n, c, s],
  );
  r.proactive = seedProactive(cats, 1120);
  r.proactive.priorTotal = num(700);
  r.proactive.statedYoY = pct("10%", at(21, 1));
  r.proactive.target = num(1000, at(22, 1));
  r.prior = report2021(undefined, 2020);
  return r;
}

function num(value: number, cell?: ReturnType<typeof at>) {
  return cell ? { value, cell } : { value };
}

describe("checks registry", () => {
  it("has unique kebab-case ids", () => {
    const ids = CHECKS.map((c) => c.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const id of ids) assert.match(id, /^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it("has a test file beside every check and a line in docs/checks.md", () => {
    for (const c of CHECKS) {
      assert.ok(existsSync(join(__dirname, `${c.id}.ts`)), `${c.id}.ts`);
      assert.ok(existsSync(join(__dirname, `${c.id}.test.ts`)), `${c.id}.test.ts`);
      const want = [`\`${c.id}\``, c.severity, c.description.zh, c.description.en];
      assert.deepEqual(DOC_ROWS.get(c.id), want, `docs/checks.md needs the line:\n| ${want.join(" | ")} |`);
    }
    const documented = [...DOC_ROWS.keys()];
    assert.deepEqual(
      documented,
      CHECKS.map((c) => c.id),
      "docs/checks.md lists exactly the registered checks, in order",
    );
  });

  it("has zh and en templates with the same placeholders for every message", () => {
    for (const c of CHECKS) {
      assert.ok(c.description.zh && c.description.en, c.id);
      assert.ok(Object.keys(c.messages).length > 0, c.id);
      for (const [id, m] of Object.entries(c.messages)) {
        assert.ok(m.zh.trim() && m.en.trim(), `${c.id}/${id} has both languages`);
        assert.deepEqual(placeholders(m.zh), placeholders(m.en), `${c.id}/${id} placeholders`);
      }
    }
  });

  it("uses only declared messageIds, and every declared message somewhere (source scan)", () => {
    for (const c of CHECKS) {
      const src = readFileSync(join(__dirname, `${c.id}.ts`), "utf8");
      const at = src.indexOf("run(");
      const run = src.slice(at >= 0 ? at : src.indexOf("run:"));
      const used = new Set<string>();
      for (const m of run.matchAll(/messageId(?::|\s*=)\s*([^,;\n]+)/g)) {
        for (const lit of m[1]!.matchAll(/"(\w+)"/g)) used.add(lit[1]!);
      }
      // The text-* checks name their messages in the list given to emitTextVerdicts (src/core/text).
      for (const m of run.matchAll(/emitTextVerdicts\(\s*"\w+",\s*\[([^\]]*)\]/g)) {
        for (const lit of m[1]!.matchAll(/"(\w+)"/g)) used.add(lit[1]!);
      }
      assert.ok(used.size > 0, `${c.id}: no messageId found in its source`);
      for (const id of used) assert.ok(id in c.messages, `${c.id} uses undeclared message "${id}"`);
      for (const id of Object.keys(c.messages))
        assert.ok(run.includes(`"${id}"`), `${c.id}: message "${id}" is never used`);
    }
  });

  it("fills every placeholder of every finding a broken report gives, in both languages", () => {
    const found = runChecks(brokenReport());
    const rules = new Set(found.map((f) => f.rule));
    // the broken report exercises most checks; the message of each must render completely
    assert.ok(rules.size >= 20, `only ${[...rules].join(", ")}`);
    for (const f of found) {
      for (const lang of ["zh", "en"] as const) {
        const text = formatMessage(f, lang);
        assert.doesNotMatch(text, /\{\w+\}/, `${f.rule}/${f.messageId} (${lang}): ${text}`);
      }
    }
  });

  it("sorts by severity, then by sheet position of the first cell", () => {
    const found = runChecks(brokenReport());
    const rank = { error: 0, warning: 1, info: 2 };
    for (let i = 1; i < found.length; i++) {
      const a = found[i - 1]!;
      const b = found[i]!;
      assert.ok(rank[a.severity] <= rank[b.severity], `${a.rule} before ${b.rule}`);
      if (a.severity !== b.severity) continue;
      const ca = a.cells[0];
      const cb = b.cells[0];
      if (!ca) assert.equal(cb, undefined, `${a.rule} (no cell) before ${b.rule}`);
      else if (cb && ca.sheet === cb.sheet) {
        assert.ok(ca.row < cb.row || (ca.row === cb.row && ca.col <= cb.col), `${a.rule} before ${b.rule}`);
      }
    }
  });

  it("finds nothing in a correct 2021 report", () => {
    const r = report2021();
    r.prior = report2021(undefined, 2020);
    r.prior.section3!.cells[cellKey("open", "legal")]!.value = 1; // not a copy of this year
    for (const col of r.section3!.def.cols) {
      // last year's 结转下年度 is this year's 上年结转
      r.prior.section3!.cells[cellKey("carryNext", col.key)]!.value =
        r.section3!.cells[cellKey("carried", col.key)]!.value;
    }
    assert.deepEqual(runChecks(r), []);
  });

  it("finds in the seed 2018 report exactly: shares sum to 99%, two non-zero counts at 0%", () => {
    const found = runChecks(seedReport());
    assert.deepEqual(
      found.map((f) => [f.rule, f.severity, findingCells(f)[0], f.actual]),
      [
        ["zero-share", "error", "公开数据!D12", "0%"],
        ["zero-share", "error", "公开数据!D13", "0%"],
        ["shares-sum", "warning", "公开数据!D11", "99%"],
      ],
    );
    assert.equal(
      formatMessage(found[0]!, "en"),
      "主动公开政府信息: “计划总结信息” has 2, yet its share is written 0%; write 0.2% or “不足1%” instead.",
    );
  });

  it("applies options: the tie rule reaches stated-share", () => {
    const r = seedReport();
    r.proactive = seedProactive(
      [
        ["甲", 1, "0.63%"],
        ["乙", 159, "99.38%"],
      ],
      160,
      [],
      null,
    );
    r.proactive.children = [];
    // 0.63% + 99.38% = 100.01%: shares-sum warns either way
    assert.deepEqual(
      runChecks(r, { rounding: "half-up", year: undefined }).map((f) => [f.rule, f.expected]),
      [["shares-sum", "100.00%"]],
    );
    assert.deepEqual(
      runChecks(r, { rounding: "half-even" }).map((f) => [f.rule, f.expected]),
      [
        ["stated-share", "0.62%"],
        ["shares-sum", "100.00%"],
      ],
    );
  });

  it("renders cells with quoted sheet names", () => {
    const f: Finding = {
      rule: "not-a-number",
      severity: "error",
      cells: [
        { sheet: "My Sheet", row: 2, col: 1 },
        { sheet: "公开数据", row: 30, col: 3 },
      ],
      messageId: "text",
      params: { label: "x", text: "abc" },
    };
    assert.deepEqual(findingCells(f), ["'My Sheet'!B3", "公开数据!D31"]);
    assert.equal(formatMessage(f, "zh"), "x：应填数字，填写的是“abc”。");
    assert.equal(formatMessage(f, "en"), "x: a number belongs here, found “abc”.");
  });

  it("rejects an unknown check id, listing the known ones", () => {
    assert.equal(getCheck("s3-row-sum").id, "s3-row-sum");
    assert.throws(
      () => getCheck("s3-rowsum"),
      (e: Error) => {
        assert.match(e.message, /Unknown check "s3-rowsum"/);
        for (const c of CHECKS) assert.ok(e.message.includes(c.id));
        return true;
      },
    );
    assert.throws(() => formatMessage({ rule: "nope", severity: "info", cells: [], messageId: "x", params: {} }, "zh"));
  });

  it("runs all checks on a full 2021 report (with last year) in under 3 ms", function () {
    const r = report2021();
    r.prior = report2021(undefined, 2020);
    for (let i = 0; i < 100; i++) runChecks(r);
    // CPU time, not wall time: a loaded machine (parallel test runs) must not make this flaky.
    const cpu = (): number => {
      const u = process.cpuUsage();
      return (u.user + u.system) / 1000;
    };
    const n = 1000;
    const t0 = cpu();
    for (let i = 0; i < n; i++) runChecks(r);
    const perReport = (cpu() - t0) / n;
    this.test!.title += ` (${perReport.toFixed(3)} ms CPU per report)`;
    assert.ok(perReport < 3, `${perReport} ms`);
  });
});
