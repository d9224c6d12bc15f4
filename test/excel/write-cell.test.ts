/** writeCell: the suggested fix's one write, against the fake Excel. */
import { hostMessage } from "../../src/taskpane/i18n";
import { strict as assert } from "node:assert";
import { FakeExcel } from "../support/fake-excel";
import { fillBlankCells, toUserError, writeCell } from "../../src/excel/host";

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

describe("host fillBlankCells (fake Excel): 导入上年数据 writes blank cells only", () => {
  let fake: FakeExcel;
  beforeEach(() => {
    fake = new FakeExcel().install();
    fake.addSheet(SHEET, [["单位名称", "某局"]]);
    fake.setCells(SHEET, "D20", [[null, 7, "无", "=SUM(D21:E21)", null]]);
  });
  afterEach(() => fake.uninstall());

  const at = (col: number) => ({ row: 19, col });

  it("writes the blank cells in 2 syncs and keeps a typed figure, text and a formula as they are", async () => {
    const fills = [3, 4, 5, 6, 7].map((col) => ({ cell: at(col), value: 100 + col }));
    const { result, cost } = await fake.measure(() => fillBlankCells(SHEET, fills));
    assert.equal(cost.syncs, 2);
    assert.deepEqual(
      result.written.map((r) => r.col),
      [3, 7],
    );
    assert.deepEqual(
      result.kept.map((r) => r.col),
      [4, 5, 6],
    );
    assert.equal(fake.read(SHEET, "D20").value, 103);
    assert.equal(fake.read(SHEET, "E20").value, 7, "a typed figure is never overwritten");
    assert.equal(fake.read(SHEET, "F20").value, "无");
    assert.equal(fake.read(SHEET, "G20").formula, "=SUM(D21:E21)");
    assert.equal(fake.read(SHEET, "H20").value, 107);
  });

  it("a protected sheet: Protected, and nothing is written; a missing sheet: ItemNotFound", async () => {
    fake.protect(SHEET);
    const before = fake.snapshot(SHEET);
    await assert.rejects(fillBlankCells(SHEET, [{ cell: at(3), value: 1 }]), (e) => {
      assert.equal(toUserError(e).code, "Protected");
      assert.match(hostMessage("zh", toUserError(e)), /工作表“公开数据”受保护/);
      return true;
    });
    assert.equal(fake.snapshot(SHEET), before);
    await assert.rejects(
      fillBlankCells("没有这张表", [{ cell: at(3), value: 1 }]),
      (e) => toUserError(e).code === "ItemNotFound",
    );
  });
});
