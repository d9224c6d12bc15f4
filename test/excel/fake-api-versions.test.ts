/**
 * The fake's requirement sets agree with @types/office-js: each member the host relies on fails with
 * ApiNotFound one version below its documented ExcelApi set and works at it. Keeps the guard tests honest.
 */
import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { FakeExcel } from "../support/fake-excel";

const dts = readFileSync(require.resolve("@types/office-js/index.d.ts"), "utf8");
const excelStart = dts.indexOf("declare namespace Excel {");
const excel = dts.slice(excelStart, dts.indexOf("\ndeclare namespace ", excelStart + 10));

/** The documented ExcelApi minor version of `Class.member`. */
function documented(cls: string, member: string): number {
  const start = excel.search(new RegExp(`\\n    class ${cls} extends OfficeExtension\\.ClientObject \\{`));
  assert.ok(start >= 0, `class ${cls}`);
  const end = excel.indexOf("\n    }", start);
  const body = excel.slice(start, end);
  const at = body.search(new RegExp(`\\n        (readonly )?${member}(\\(|:|\\?:)`));
  assert.ok(at >= 0, `${cls}.${member}`);
  const before = body.slice(0, at);
  const m = [...before.matchAll(/\[Api set: ExcelApi 1\.(\d+)/g)].pop();
  assert.ok(m, `${cls}.${member} has an Api set`);
  return Number(m[1]);
}

type Use = (context: Excel.RequestContext) => void;
const sheet = (c: Excel.RequestContext) => c.workbook.worksheets.getItem("S");

const MEMBERS: [string, string, Use][] = [
  ["WorksheetCollection", "getItemOrNullObject", (c) => c.workbook.worksheets.getItemOrNullObject("S").load("name")],
  ["WorksheetCollection", "getFirst", (c) => c.workbook.worksheets.getFirst().load("name")],
  ["Worksheet", "getNextOrNullObject", (c) => sheet(c).getNextOrNullObject().load("name")],
  ["Worksheet", "getUsedRangeOrNullObject", (c) => sheet(c).getUsedRangeOrNullObject(true).load("address")],
  ["Worksheet", "getRangeByIndexes", (c) => sheet(c).getRangeByIndexes(0, 0, 1, 1).load("values")],
  ["Worksheet", "getRanges", (c) => sheet(c).getRanges("A1,B2").load("address")],
  ["Worksheet", "freezePanes", (c) => sheet(c).freezePanes.freezeRows(1)],
  ["Worksheet", "pageLayout", (c) => (sheet(c).pageLayout.orientation = "Landscape")],
  ["Worksheet", "horizontalPageBreaks", (c) => sheet(c).horizontalPageBreaks.add("A5")],
  ["PageBreakCollection", "removePageBreaks", (c) => sheet(c).horizontalPageBreaks.removePageBreaks()],
  ["Range", "dataValidation", (c) => sheet(c).getRange("A1").dataValidation.clear()],
  ["Range", "getMergedAreasOrNullObject", (c) => sheet(c).getRange().getMergedAreasOrNullObject().load("address")],
  ["RangeAreas", "select", (c) => sheet(c).getRanges("A1,B2").select()],
  ["RangeFormat", "useStandardWidth", (c) => (sheet(c).getRange("A:A").format.useStandardWidth = true)],
  ["NamedItemCollection", "add", (c) => c.workbook.names.add("my_name", sheet(c).getRange("A1"))],
  [
    "Application",
    "suspendApiCalculationUntilNextSync",
    (c) => c.workbook.application.suspendApiCalculationUntilNextSync(),
  ],
  [
    "Application",
    "suspendScreenUpdatingUntilNextSync",
    (c) => c.workbook.application.suspendScreenUpdatingUntilNextSync(),
  ],
];

describe("fake Excel requirement sets match @types/office-js", () => {
  for (const [cls, member, use] of MEMBERS) {
    it(`${cls}.${member}`, async () => {
      const minor = documented(cls, member);
      const run = async (max: number): Promise<void> => {
        const fake = new FakeExcel({ maxApi: `1.${max}` }).install();
        try {
          fake.addSheet("S", [[1]]);
          fake.addSheet("T");
          await Excel.run(async (context) => {
            use(context);
            await context.sync();
          });
        } finally {
          fake.uninstall();
        }
      };
      if (minor > 1) await assert.rejects(run(minor - 1), { code: "ApiNotFound" }, `below 1.${minor}`);
      await run(minor);
    });
  }

  it("the event registrations the host uses", async () => {
    assert.equal(documented("Worksheet", "onChanged"), 7);
    assert.equal(documented("WorksheetCollection", "onDeleted"), 7);
    assert.equal(documented("WorksheetCollection", "onNameChanged"), 17);
    const fake = new FakeExcel({ maxApi: "1.16" }).install();
    fake.addSheet("S");
    try {
      await assert.rejects(
        Excel.run(async (context) => {
          context.workbook.worksheets.onNameChanged.add(async () => undefined);
          await context.sync();
        }),
        { code: "ApiNotFound" },
      );
    } finally {
      fake.uninstall();
    }
  });
});
