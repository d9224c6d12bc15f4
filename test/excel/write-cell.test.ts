/** writeCell: the suggested fix's one write, against the fake Excel. */
import { hostMessage } from "../../src/taskpane/i18n";
import { strict as assert } from "node:assert";
import { FakeExcel } from "../support/fake-excel";
import { toUserError, writeCell } from "../../src/excel/host";

const SHEET = "公开数据";
const J12 = { sheet: SHEET, row: 11, col: 9 };

describe("host writeCell (fake Excel)", () => {
  let fake: FakeExcel;
  beforeEach(() => {
    fake = new FakeExcel().install();
    fake.addSheet(SHEET, [["单位名称", "某局"]]);
    fake.setCells(SHEET, "D12", [[10, 3, 0, 0, 2, 1, 16, "=SUM(D12:I12)"]]);
    fake.addSheet("报告表格", [["x"]]);
  });
  afterEach(() => fake.uninstall());

  /** Every cell of the sheet except J12, and the other sheet whole. */
  const others = (): string =>
    JSON.stringify([Object.entries(fake.cells(SHEET)).filter(([a]) => a !== "J12"), fake.snapshot("报告表格")]);

  it("writes the number into that one cell, in 1 sync, and changes nothing else", async () => {
    const before = others();
    const { cost } = await fake.measure(() => writeCell(J12, 17));
    assert.equal(cost.syncs, 1);
    assert.deepEqual(fake.read(SHEET, "J12"), { value: 17, formula: 17 });
    assert.equal(others(), before);
  });

  it("with `expected`, reads first and writes only when the cell still holds that value (2 syncs)", async () => {
    const { cost } = await fake.measure(() => writeCell(J12, 17, { expected: 16 }));
    assert.equal(cost.syncs, 2);
    assert.equal(fake.read(SHEET, "J12").value, 17);
    const blank = { sheet: SHEET, row: 12, col: 9 };
    await writeCell(blank, 5, { expected: null });
    assert.equal(fake.read(SHEET, "J13").value, 5);
  });

  it("refuses with CellChanged when the cell no longer holds what the finding saw, or holds a formula", async () => {
    const before = fake.snapshot(SHEET);
    await fake.edit(SHEET, "J12", 18);
    const edited = fake.snapshot(SHEET);
    assert.notEqual(edited, before);
    await assert.rejects(writeCell(J12, 17, { expected: 16 }), (e) => {
      const u = toUserError(e);
      assert.equal(u.code, "CellChanged");
      assert.ok(
        hostMessage("zh", u).includes("公开数据!J12") && hostMessage("zh", u).includes("18"),
        hostMessage("zh", u),
      );
      assert.ok(hostMessage("en", u).includes("has changed"), hostMessage("en", u));
      return true;
    });
    assert.equal(fake.snapshot(SHEET), edited);
    const k12 = { sheet: SHEET, row: 11, col: 10 };
    await assert.rejects(writeCell(k12, 17, { expected: 16 }), (e) => toUserError(e).code === "CellChanged");
    assert.equal(fake.read(SHEET, "K12").formula, "=SUM(D12:I12)");
  });

  it("fails clearly on a protected sheet and writes nothing", async () => {
    fake.protect(SHEET);
    const before = fake.snapshot(SHEET);
    await assert.rejects(writeCell(J12, 17), (e) => {
      const u = toUserError(e);
      return u.code === "Protected" && hostMessage("zh", u).includes("受保护");
    });
    await assert.rejects(writeCell(J12, 17, { expected: 16 }), (e) => toUserError(e).code === "Protected");
    assert.equal(fake.snapshot(SHEET), before);
  });

  it("names a sheet that no longer exists, and refuses a value that is not a finite number", async () => {
    await assert.rejects(writeCell({ sheet: "已删除", row: 0, col: 0 }, 1), (e) => {
      const u = toUserError(e);
      return u.code === "ItemNotFound" && hostMessage("zh", u).includes("已删除");
    });
    await assert.rejects(writeCell(J12, Number.NaN), /not a finite number/);
    assert.equal(fake.read(SHEET, "J12").value, 16);
  });
});
