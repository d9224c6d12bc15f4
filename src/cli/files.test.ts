import { strict as assert } from "node:assert";
import { naturalOrder } from "./files";

describe("cli/files: the order of a folder's files", () => {
  it("numbers by value, the rest by code point, the same on every machine", () => {
    const names = [
      "unit-10.xlsx",
      "unit-9.xlsx",
      "unit-1.xlsx",
      "第10局.pdf",
      "第2局.pdf",
      "a/b-2.xlsx",
      "a/b-11.xlsx",
    ];
    assert.deepEqual([...names].sort(naturalOrder), [
      "a/b-2.xlsx",
      "a/b-11.xlsx",
      "unit-1.xlsx",
      "unit-9.xlsx",
      "unit-10.xlsx",
      "第2局.pdf",
      "第10局.pdf",
    ]);
    assert.deepEqual(["u010", "u10", "u9", "u0010"].sort(naturalOrder), ["u9", "u10", "u010", "u0010"]);
    assert.deepEqual(["b", "a1", "a"].sort(naturalOrder), ["a", "a1", "b"]);
    assert.equal(naturalOrder("x", "x"), 0);
  });
});
