import { strict as assert } from "node:assert";
import { formatMessage, runChecks } from "./checks";
import { cellRanges, rangesText, type CellRef } from "./grid";
import { cellKey } from "./model/format";
import { readWorkbook } from "./read";
import { planToGrid, templateCells, templatePlan, typeIntoPlan } from "./render";

const at = (sheet: string, row: number, col: number): CellRef => ({ sheet, row, col });

describe("grid: cells as ranges (cellRanges, rangesText)", () => {
  it("each row's runs, the same run in consecutive rows one rectangle; gaps, duplicates, sheets in order", () => {
    const cells = [
      at("S", 2, 5),
      at("S", 2, 3),
      at("S", 2, 4),
      at("S", 2, 4),
      at("S", 3, 3),
      at("S", 3, 4),
      at("S", 3, 5),
      at("S", 5, 3),
      at("My Sheet", 0, 0),
      at("S", 4, 7),
    ];
    assert.deepEqual(
      cellRanges(cells).map((r) => [r.sheet, r.range]),
      [
        ["S", { top: 2, left: 3, bottom: 3, right: 5 }],
        ["S", { top: 4, left: 7, bottom: 4, right: 7 }],
        ["S", { top: 5, left: 3, bottom: 5, right: 3 }],
        ["My Sheet", { top: 0, left: 0, bottom: 0, right: 0 }],
      ],
    );
    assert.equal(rangesText(cells, { sep: "、" }), "S!D3:F4、S!H5、S!D6、'My Sheet'!A1");
    assert.equal(rangesText(cells, { sep: ", ", sheet: false, max: 2, more: (n) => ` +${n}` }), "D3:F4, H5 +2");
    assert.equal(rangesText([], { sep: "、" }), "");
  });

  it("the unfilled cells of a template with a few parts typed: five ranges, not 141 cells", () => {
    const plan = templatePlan({ year: 2026 });
    const s3 = templateCells(plan).tables.s3!.cells;
    typeIntoPlan(
      plan,
      (
        [
          ["new", "natural", 20],
          ["new", "commercial", 4],
          ["open", "natural", 12],
        ] as const
      ).map(([r, c, value]) => ({ cell: s3[cellKey(r, c)]!, value })),
    );
    const read = readWorkbook({ sheets: [planToGrid(plan)] });
    assert.ok(read.ok);
    const f = runChecks(read.report).find((x) => x.rule === "blank-cell" && /^三、/.test(formatMessage(x, "zh")))!;
    assert.equal(f.cells.length, 141);
    const a = (r: CellRef) => `${String.fromCharCode(65 + r.col)}${r.row + 1}`;
    const newCommercial = s3[cellKey("new", "commercial")]!;
    const text = rangesText(f.cells, { sep: "、", sheet: false });
    assert.equal(text.split("、").length, 5, text);
    // The first range starts right after the parts typed in 本年新收 (its 总计 is a SUM, not a cell to fill).
    assert.ok(text.startsWith(`${a({ ...newCommercial, col: newCommercial.col + 1 })}:`), text);
  });
});
