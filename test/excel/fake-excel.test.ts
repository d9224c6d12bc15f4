/**
 * The fake Excel is honest: what fails in Excel fails here, so that the host's tests mean something.
 */
import { strict as assert } from "node:assert";
import { FakeExcel } from "../support/fake-excel";

describe("fake Excel", () => {
  let fake: FakeExcel;
  beforeEach(() => {
    fake = new FakeExcel().install();
    fake.addSheet("公开数据", [
      ["单位名称", "某某局"],
      ["本年", 12],
    ]);
  });
  afterEach(() => fake.uninstall());

  it("DATE() through workbook.functions counts from the workbook's date system (Microsoft KB Q180162)", async () => {
    const ask = () =>
      Excel.run(async (context) => {
        const fns = context.workbook.functions;
        const r = [fns.date(2000, 1, 1), fns.date(1998, 7, 5), fns.date(1904, 1, 1), fns.date(1903, 12, 31)];
        for (const x of r) x.load("value,error");
        assert.throws(() => r[0]!.value, { code: "PropertyNotLoaded" });
        await context.sync();
        return r.map((x) => x.value ?? x.error);
      });
    assert.deepEqual(await ask(), [36526, 35981, 1462, 1461]);
    fake.wb.date1904 = true;
    assert.deepEqual(await ask(), [35064, 34519, 0, "#NUM!"]);
    // A date typed then is stored in the workbook's system too.
    fake.addSheet("D", [["2023/5/1"]]);
    assert.equal(fake.wb.sheetByName("D")!.get(0, 0)?.value, 43585);
  });

  it("throws PropertyNotLoaded when a property is read before load() and sync()", async () => {
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("公开数据").getRange("A1:B2");
      assert.throws(() => range.values, { code: "PropertyNotLoaded" });
      range.load("values");
      assert.throws(() => range.values, { code: "PropertyNotLoaded" }, "load alone is not enough");
      await context.sync();
      assert.deepEqual(range.values, [
        ["单位名称", "某某局"],
        ["本年", 12],
      ]);
      assert.throws(() => range.formulas, { code: "PropertyNotLoaded" }, "only what was loaded");
    });
  });

  it("throws PropertyNotLoaded for isNullObject and collection items before sync", async () => {
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItemOrNullObject("nope");
      ws.load("name");
      assert.throws(() => ws.isNullObject, { code: "PropertyNotLoaded" });
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      assert.throws(() => sheets.items, { code: "PropertyNotLoaded" });
      await context.sync();
      assert.equal(ws.isNullObject, true);
      assert.deepEqual(
        sheets.items.map((s) => s.name),
        ["公开数据"],
      );
    });
  });

  it("queues writes and applies them only at sync, in order", async () => {
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("公开数据").getRange("B2");
      range.values = [[99]];
      assert.equal(fake.read("公开数据", "B2").value, 12, "not applied before sync");
      range.values = [[100]];
      await context.sync();
    });
    assert.equal(fake.read("公开数据", "B2").value, 100);
  });

  it("rejects a 2-D array whose shape does not match the range", async () => {
    await assert.rejects(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("公开数据").getRange("A1:B2").values = [[1, 2]];
        await context.sync();
      }),
      { code: "InvalidArgument" },
    );
  });

  it("stores what Excel would store for typed text", async () => {
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("公开数据").getRange("A5:F5").values = [
        ["=1+1", "'=1+1", "6%", "2019年1月", "-", "+5"],
      ];
      await context.sync();
    });
    const c = fake.cells("公开数据");
    assert.equal(c.A5!.formula, "=1+1", "= makes a formula");
    assert.deepEqual(c.B5, { value: "=1+1", text: true }, "an apostrophe keeps text");
    assert.equal(c.C5!.value, 0.06, "a percentage becomes a number");
    assert.equal(typeof c.D5!.value, "number", "a Chinese date becomes a date serial");
    assert.equal(c.E5!.value, "-", "a lone minus stays text");
    assert.equal(c.F5!.value, 5, "+5 becomes the number 5");
  });

  it("gives null objects for missing items and ItemNotFound for getItem", async () => {
    await assert.rejects(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("nope").getRange("A1").load("values");
        await context.sync();
      }),
      { code: "ItemNotFound" },
    );
  });

  it("fails members above the supported ExcelApi version with ApiNotFound, and reports it in isSetSupported", async () => {
    fake.maxApi = "1.8";
    assert.equal(Office.context.requirements.isSetSupported("ExcelApi", "1.8"), true);
    assert.equal(Office.context.requirements.isSetSupported("ExcelApi", "1.9"), false);
    await assert.rejects(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("公开数据").getRanges("A1,B2").format.font.bold = true;
        await context.sync();
      }),
      { code: "ApiNotFound" },
    );
  });

  it("denies writes to a protected sheet (except to unlocked cells) and fails syncs in cell edit mode", async () => {
    fake.protect("公开数据");
    await assert.rejects(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("公开数据").getRange("B2").values = [[1]];
        await context.sync();
      }),
      { code: "AccessDenied" },
    );
    fake.protect("公开数据", false);
    fake.editMode = true;
    await assert.rejects(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("公开数据").load("name");
        await context.sync();
      }),
      { code: "InvalidOperationInCellEditMode" },
    );
  });

  it("applies a batch in order: writes before a protected sheet stay when the sync fails on it (as in Excel)", async () => {
    // Excel runs a request's actions one after the other and does not undo those that ran before a failure
    // (OfficeExtension.Error.traceMessages: "all trace messages that were executed before the error occurred").
    fake.addSheet("报告表格", [["旧"]]);
    fake.protect("报告表格");
    await assert.rejects(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("公开数据").getRange("B2").values = [[13]];
        context.workbook.worksheets.getItem("报告表格").getRange("A1").values = [["新"]];
        await context.sync();
      }),
      { code: "AccessDenied" },
    );
    assert.equal(fake.sheet("公开数据").get(1, 1)?.value, 13, "the write before the protected sheet was applied");
    assert.equal(fake.sheet("报告表格").get(0, 0)?.value, "旧");
  });

  it("loads a navigation property of every sheet through the collection (items/protection/protected)", async () => {
    fake.addSheet("报告表格", [["旧"]]);
    fake.protect("报告表格");
    await Excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name,items/protection/protected");
      await context.sync();
      assert.deepEqual(
        sheets.items.map((w) => [w.name, w.protection.protected]),
        [
          ["公开数据", false],
          ["报告表格", true],
        ],
      );
      assert.throws(() => sheets.items[0]!.visibility, { code: "PropertyNotLoaded" }, "only what was loaded");
    });
  });

  it("a structure-protected workbook (ExcelApi 1.7 workbook.protection): reads it; refuses adding, deleting, renaming, hiding a sheet with AccessDenied; cells stay writable", async () => {
    fake.addSheet("报告表格", [["旧"]]);
    fake.protectStructure();
    await Excel.run(async (context) => {
      const wb = context.workbook.load("protection/protected");
      await context.sync();
      assert.equal(wb.protection.protected, true);
    });
    const refused = async (what: string, queue: (context: Excel.RequestContext) => void) =>
      assert.rejects(
        Excel.run(async (context) => {
          queue(context);
          await context.sync();
        }),
        (e: { code?: string }) => e.code === "AccessDenied",
        what,
      );
    await refused("add", (c) => void c.workbook.worksheets.add("报告正文"));
    await refused("delete", (c) => c.workbook.worksheets.getItem("报告表格").delete());
    await refused("rename", (c) => (c.workbook.worksheets.getItem("报告表格").name = "表格"));
    await refused("hide", (c) => (c.workbook.worksheets.getItem("报告表格").visibility = "Hidden"));
    assert.deepEqual(fake.sheetNames(), ["公开数据", "报告表格"], "no sheet added, deleted or renamed");
    assert.equal(fake.sheet("报告表格").visibility, "Visible");
    // Structure protection is not sheet protection: cells are written as before.
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("公开数据").getRange("B2").values = [[13]];
      await context.sync();
    });
    assert.equal(fake.sheet("公开数据").get(1, 1)?.value, 13);
    // Unprotected (Review > Protect Workbook again): a sheet can be added.
    await Excel.run(async (context) => {
      context.workbook.protection.unprotect();
      context.workbook.worksheets.add("报告正文");
      await context.sync();
    });
    assert.deepEqual(fake.sheetNames(), ["公开数据", "报告表格", "报告正文"]);
  });

  it("fails with ItemNotFound when a sheet is deleted after its proxy was resolved", async () => {
    await assert.rejects(
      Excel.run(async (context) => {
        const ws = context.workbook.worksheets.getItem("公开数据");
        ws.load("name");
        await context.sync();
        await fake.deleteSheet("公开数据");
        ws.getRange("A1").load("values");
        await context.sync();
      }),
      { code: "ItemNotFound" },
    );
  });

  it("counts syncs, proxy calls and bytes", async () => {
    const { cost } = await fake.measure(() =>
      Excel.run(async (context) => {
        const r = context.workbook.worksheets.getItem("公开数据").getRange("A1:B2");
        r.load("values");
        await context.sync();
        await context.sync();
      }),
    );
    assert.equal(cost.syncs, 2);
    // workbook, worksheets, getItem, getRange, load, sync, sync = 7 accesses
    assert.equal(cost.proxyCalls, 7);
    assert.ok(cost.maxResponseBytes > JSON.stringify([["单位名称", "某某局"]]).length);
    assert.ok(cost.maxRequestBytes > 0);
  });

  it("refuses responses over the payload limit", async () => {
    fake.maxResponseBytes = 100;
    await assert.rejects(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("公开数据").getRange("A1:Z50").load("values");
        await context.sync();
      }),
      { code: "ResponsePayloadSizeLimitExceeded" },
    );
  });

  it("fires onChanged handlers on fake.edit and stops after remove()", async () => {
    const seen: string[] = [];
    const result = await Excel.run(async (context) => {
      const r = context.workbook.worksheets.getItem("公开数据").onChanged.add(async (e) => {
        seen.push(e.address);
      });
      await context.sync();
      return r;
    });
    await fake.edit("公开数据", "B5", 7);
    assert.deepEqual(seen, ["B5"]);
    assert.equal(fake.read("公开数据", "B5").value, 7);
    await Excel.run(result.context, async (context) => {
      result.remove();
      await context.sync();
    });
    await fake.edit("公开数据", "B6", 8);
    assert.deepEqual(seen, ["B5"]);
  });

  it("keeps settings in memory until saveAsync, and can fail the save", async () => {
    Office.context.document.settings.set("k", { a: 1 });
    assert.equal(fake.savedSettings.has("k"), false);
    await new Promise<void>((resolve) => Office.context.document.settings.saveAsync(() => resolve()));
    assert.deepEqual(fake.savedSettings.get("k"), { a: 1 });
  });

  it("puts a manual page break before the top-left cell of the range (PageBreakCollection.add, ExcelApi 1.9)", async () => {
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("公开数据");
      ws.horizontalPageBreaks.add("A22");
      ws.horizontalPageBreaks.add(ws.getRange("B5:C9"));
      ws.horizontalPageBreaks.add("D22");
      assert.deepEqual(fake.sheet("公开数据").rowBreaks, [], "queued until sync");
      await context.sync();
    });
    assert.deepEqual(fake.sheet("公开数据").rowBreaks, [4, 21], "before rows 5 and 22, one per row");
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("公开数据").horizontalPageBreaks.removePageBreaks();
      await context.sync();
    });
    assert.deepEqual(fake.sheet("公开数据").rowBreaks, []);
  });
});
