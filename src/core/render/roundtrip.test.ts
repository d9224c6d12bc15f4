import { strict as assert } from "node:assert";
import { readWorkbook } from "../read";
import type { Paragraph } from "../narrative";
import { planToGrid, renderReport, templateForReport, templatePlan } from "./index";
import { report2019, report2021, seedLikeReport } from "./samples.testutil";

const PARAS: Paragraph[] = [{ id: "p", kind: "body", text: "正文" }];

describe("render: template -> reader -> report tables (round trip through the engine's reader)", () => {
  for (const [name, make] of [
    ["2021", report2021],
    ["2019", report2019],
    ["seed-like", seedLikeReport],
  ] as const) {
    it(`a filled ${name} counts sheet reads back to the same figures and renders the same table sheet`, () => {
      const { plan, report } = templateForReport(make());
      const read = readWorkbook({ sheets: [planToGrid(plan)] });
      assert.ok(read.ok, read.ok ? "" : read.error.message.en);
      const direct = renderReport(report, {}, PARAS).sheets[0]!;
      const viaReader = renderReport(read.report, {}, PARAS).sheets[0]!;
      const key = (c: { row: number; col: number; value?: unknown; formula?: string }) =>
        `${c.row},${c.col}=${c.formula ?? JSON.stringify(c.value ?? null)}`;
      // A figure the source report did not have (null, no cell) is a reference to a blank input cell after reading.
      const blankRef = (c: { formula?: string; value?: unknown }) =>
        c.formula === undefined && (c.value === null || c.value === undefined);
      assert.equal(viaReader.cells.length, direct.cells.length);
      direct.cells.forEach((d, i) => {
        const v = viaReader.cells[i]!;
        if (blankRef(d) && v.formula?.startsWith("=公开数据!")) return;
        assert.equal(key(v), key(d));
      });
      assert.ok(direct.cells.some((c) => c.formula?.startsWith("=公开数据!")));
    });
  }

  it("an empty template reads without a missing table or label", () => {
    for (const year of [2024, 2020]) {
      const read = readWorkbook({ sheets: [planToGrid(templatePlan({ year }))] });
      assert.ok(read.ok);
      assert.deepEqual(read.report.notFound, []);
      assert.equal(read.report.format, year === 2020 ? "2019" : "2021");
      assert.equal(read.report.section3?.def.rows.length, year === 2020 ? 23 : 25);
    }
  });
});
