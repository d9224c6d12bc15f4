/**
 * A supervising office's workbook: one sheet per unit (30 units), a copy of one unit's sheet, and the
 * generated sheets. `check` reads every report in one call: one block, one summary line and one --json
 * entry per report (file + sheet + unit).
 */
import { strict as assert } from "node:assert";
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { cellKey } from "../../src/core/model/format";
import { renderReport, templateForReport } from "../../src/core/render";
import { DEFAULT_ROUNDING } from "../../src/core/shares/types";
import { applyPlan } from "../../src/cli/xlsx";
import type { JsonFile } from "../../src/cli/output";
import { cleanReport, cli } from "./helpers";

const UNITS = Array.from({ length: 30 }, (_, i) => `某县第${i + 1}局`);
/** Units whose sheet carries one planted error (四 行政复议 总计 off by one). */
const BAD = new Set([3, 17]);

describe("cli: a workbook of 30 unit sheets", function () {
  let dir: string;
  let file: string;

  before(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "dr-units-"));
    file = path.join(dir, "汇总.xlsx");
    const wb = new ExcelJS.Workbook();
    UNITS.forEach((unit, i) => {
      const r = cleanReport();
      r.meta.body = { text: unit };
      if (BAD.has(i)) r.section4!.cells[cellKey("count", "review.total")]!.value! += 1;
      applyPlan(wb, templateForReport(r, { sheet: `单位${i + 1}`, unit }).plan);
    });
    // A copy of unit 1 with one figure changed, and unit 2's generated report sheets.
    const copy = cleanReport();
    copy.meta.body = { text: UNITS[0]! };
    copy.section3!.cells[cellKey("open", "natural")]!.value! += 2;
    applyPlan(wb, templateForReport(copy, { sheet: "单位1（副本）", unit: UNITS[0]! }).plan);
    const r2 = cleanReport();
    r2.meta.body = { text: UNITS[1]! };
    const bound = templateForReport(r2, { sheet: "单位2", unit: UNITS[1]! }).report;
    applyPlan(wb, renderReport(bound, { rounding: DEFAULT_ROUNDING }));
    await wb.xlsx.writeFile(file);
  });
  after(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it("--json: one entry per report (file + sheet + unit), the generated sheets never among them", async () => {
    const r = await cli(["check", file, "--json"]);
    assert.equal(r.code, 1, r.err);
    const doc = JSON.parse(r.out) as { files: JsonFile[] };
    assert.equal(doc.files.length, 31);
    assert.deepEqual(
      doc.files.map((f) => f.sheet),
      [...UNITS.map((_, i) => `单位${i + 1}`), "单位1（副本）"],
    );
    doc.files.forEach((f, i) => {
      assert.equal(f.file, file);
      assert.equal(f.unit, UNITS[Math.min(i, 30) === 30 ? 0 : i]);
      const errors = f.findings.filter((x) => x.severity === "error");
      // The copy's changed figure also breaks its own 三 row and column sums: one cause, one error naming it.
      assert.equal(
        errors.length,
        i === 30 ? 1 : BAD.has(i) ? 1 : 0,
        `${f.sheet}: ${errors.map((e) => e.message).join()}`,
      );
      for (const x of f.findings)
        for (const c of x.cells)
          assert.ok(c.startsWith(f.sheet!) || c.startsWith(`'${f.sheet!}'`) || c.startsWith("单位1!"), c);
    });
    const copy = doc.files[30]!.findings.filter((x) => x.rule === "report-copy");
    assert.equal(copy.length, 1);
    assert.equal(copy[0]!.severity, "warning");
    assert.match(copy[0]!.message, /“单位1”.*1 个数字不同/);
  });

  it("text: one block and one summary line per report, and a total over reports", async () => {
    const r = await cli(["check", file]);
    assert.equal(r.code, 1);
    const summary = r.out.slice(r.out.indexOf("汇总："));
    assert.equal(summary.split("\n").filter((l) => /^ {2}[✓✗] /.test(l)).length, 31);
    assert.match(summary, /✗ .*1 个错误.*工作表：单位4 {2}单位：某县第4局/);
    assert.match(summary, /共 1 个文件、31 份报告：3 份有错误，0 个无法核对/);
    assert.equal(r.out.match(/^文件：/gm)?.length, 31);
  });
});
