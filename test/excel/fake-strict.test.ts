/**
 * The fake Excel refuses what Excel refuses (issue 13): each behaviour the host's tests rely on is
 * pinned here against the fake itself, with the Microsoft source it follows.
 */
import { strict as assert } from "node:assert";
import { FakeExcel } from "../support/fake-excel";

async function syncOf(batch: (ctx: Excel.RequestContext) => void, opts?: Excel.RunOptions) {
  const run = async (ctx: Excel.RequestContext) => {
    batch(ctx);
    await ctx.sync();
  };
  return opts ? Excel.run(opts, run) : Excel.run(run);
}

describe("fake Excel: as strict as Excel", () => {
  let fake: FakeExcel;
  afterEach(() => fake.uninstall());

  describe("formulas read back their results", () => {
    beforeEach(() => {
      fake = new FakeExcel().install();
      fake.addSheet("公开数据", [
        [10, 3, "12件", "", "7"],
        [5, 0, "=A1+B1*2", "=SUM(A1:B2)", "=QUOTIENT(A1,B1)"],
        ["=MOD(A1,B1)", "=IFERROR(--C1,6)", "=IFERROR(--E1,6)", "=A1/B2", '=IFERROR(A1/B2,"无")'],
        ["=公开数据!A1-A2", "=(A1+A2)^2", '=IF(A1>A2,"多","少")', "=D1+1", "=SUM(A1:E1)"],
        ["=QUOTIENT(A1,0)", "=MOD(-7,3)", '=-A1&"条"', "=NOPE(1)", "='报告 表格'!A1"],
      ]);
      fake.addSheet("报告 表格", [["=公开数据!A1*10"]]);
    });

    it("references, SUM, QUOTIENT, MOD, IFERROR, IF and arithmetic, as Excel's values give them", async () => {
      const range = await Excel.run(async (ctx) => {
        const r = ctx.workbook.worksheets.getItem("公开数据").getRange("A2:E5").load("values,valueTypes,formulas");
        await ctx.sync();
        return r;
      });
      assert.deepEqual(range.values, [
        [5, 0, 16, 18, 3],
        [1, 6, 7, "#DIV/0!", "无"],
        [5, 225, "多", 1, 20],
        ["#DIV/0!", 2, "-10条", "#NAME?", 100],
      ]);
      assert.equal(range.valueTypes[1]![3], "Error");
      assert.equal(range.formulas[0]![2], "=A1+B1*2", "formulas stay formulas");
    });

    it("a formula result follows the cells it refers to", async () => {
      await fake.edit("公开数据", "A1", 20);
      assert.equal(fake.read("公开数据", "C2").value, 26);
      assert.equal(fake.read("报告 表格", "A1").value, 200);
    });
  });

  describe("cell edit mode", () => {
    beforeEach(() => {
      fake = new FakeExcel().install();
      fake.addSheet("S", [[1]]);
    });

    it("fails a batch while the user edits a cell", async () => {
      fake.editMode = true;
      await assert.rejects(
        syncOf((ctx) => ctx.workbook.worksheets.getItem("S").getRange("A1").load("values")),
        { code: "InvalidOperationInCellEditMode" },
      );
    });

    it("holds a delayForCellEdit batch until the user leaves the cell (Excel.RunOptions)", async () => {
      fake.editMode = true;
      let done = false;
      const p = syncOf((ctx) => void (ctx.workbook.worksheets.getItem("S").getRange("A1").values = [[2]]), {
        delayForCellEdit: true,
      }).then(() => (done = true));
      await new Promise((r) => setTimeout(r, 20));
      assert.equal(done, false);
      assert.equal(fake.delayedBatches, 1);
      assert.equal(fake.read("S", "A1").value, 1);
      fake.editMode = false;
      await p;
      assert.equal(fake.read("S", "A1").value, 2);
    });

    it("without the DelayForCellEdit set (Excel 2019), a delayed batch fails like any other", async () => {
      fake.uninstall();
      fake = new FakeExcel({ delayForCellEdit: false }).install();
      fake.addSheet("S", [[1]]);
      fake.editMode = true;
      await assert.rejects(
        syncOf((ctx) => ctx.workbook.worksheets.getItem("S").load("name"), { delayForCellEdit: true }),
        { code: "InvalidOperationInCellEditMode" },
      );
    });
  });

  describe("events", () => {
    beforeEach(() => {
      fake = new FakeExcel().install();
      fake.addSheet("S", [[1]]);
      fake.addSheet("T");
    });

    it("fires onChanged for the add-in's own writes, marked ThisLocalAddin from ExcelApi 1.14", async () => {
      const seen: { address: string; triggerSource?: string }[] = [];
      await Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("S").onChanged.add(async (e) => void seen.push(e as never));
        await ctx.sync();
      });
      await syncOf(
        (ctx) =>
          void (ctx.workbook.worksheets.getItem("S").getRange("B2:C3").values = [
            [1, 2],
            [3, 4],
          ]),
      );
      await new Promise((r) => setTimeout(r, 5));
      assert.deepEqual(
        seen.map((e) => [e.address, e.triggerSource]),
        [["B2:C3", "ThisLocalAddin"]],
      );
      fake.maxApi = "1.13";
      await syncOf((ctx) => void (ctx.workbook.worksheets.getItem("S").getRange("A1").values = [[5]]));
      await new Promise((r) => setTimeout(r, 5));
      assert.deepEqual(
        [seen[1]?.address, "triggerSource" in seen[1]!],
        ["A1", false],
        "before 1.14 nothing tells them apart",
      );
    });

    it("removing a handler after its worksheet was deleted throws ItemNotFound", async () => {
      const reg = await Excel.run(async (ctx) => {
        const r = ctx.workbook.worksheets.getItem("S").onChanged.add(async () => undefined);
        await ctx.sync();
        return r;
      });
      await fake.deleteSheet("S");
      await assert.rejects(
        Excel.run(reg.context, async (ctx) => {
          reg.remove();
          await ctx.sync();
        }),
        { code: "ItemNotFound" },
      );
    });
  });

  describe("getRanges", () => {
    it("wants the locale's list separator (office-js #1167) and refuses addresses over 8,192 characters", async () => {
      fake = new FakeExcel({ listSeparator: ";" }).install();
      fake.addSheet("S");
      const areas = (address: string) =>
        syncOf((ctx) => void (ctx.workbook.worksheets.getItem("S").getRanges(address).format.font.bold = true));
      await areas("A1:B2;D4");
      assert.equal(fake.cell("S", "D4")?.format?.bold, true);
      await assert.rejects(areas("A1:B2,D4"), { code: "InvalidArgument" });
      fake.listSeparator = ",";
      await areas("F1,G2");
      const long = Array.from({ length: 2000 }, (_, i) => `A${i + 1}`).join(",");
      assert.ok(long.length > 8192);
      await assert.rejects(areas(long), { code: "InvalidArgument" });
    });
  });

  describe("limits and versions", () => {
    beforeEach(() => {
      fake = new FakeExcel({ maxApi: "1.7" }).install();
      fake.addSheet("S");
    });

    it("a member above the host's ExcelApi version throws at the call, not at sync", async () => {
      await Excel.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem("S");
        assert.throws(() => ws.getRanges("A1,B2"), { code: "ApiNotFound" });
        assert.throws(() => ctx.workbook.application.suspendScreenUpdatingUntilNextSync(), { code: "ApiNotFound" });
        assert.throws(() => ws.getRange("A1").getMergedAreasOrNullObject(), { code: "ApiNotFound" });
        ws.getRange("A1").load("values"); // 1.1: fine
        await ctx.sync();
      });
    });

    it("refuses text over 32,767 characters and formulas over 8,192", async () => {
      const write = (v: unknown) =>
        syncOf((ctx) => void (ctx.workbook.worksheets.getItem("S").getRange("A1").values = [[v]]));
      await write("字".repeat(32767));
      await assert.rejects(write("字".repeat(32768)), { code: "InvalidArgument" });
      await write(`=${"1+".repeat(4095)}1`);
      await assert.rejects(write(`=${"1+".repeat(4096)}1`), { code: "InvalidArgument" });
    });

    it('returns merged areas as Excel does: each area sheet-qualified, separated by ", "', async () => {
      fake.maxApi = "1.13";
      fake.sheet("S").merges.push({ top: 0, left: 0, bottom: 1, right: 1 }, { top: 4, left: 2, bottom: 4, right: 5 });
      const m = await Excel.run(async (ctx) => {
        const r = ctx.workbook.worksheets.getItem("S").getRange().getMergedAreasOrNullObject().load("address");
        await ctx.sync();
        return r;
      });
      assert.equal(m.address, "S!A1:B2, S!C5:F5");
    });
  });
});
