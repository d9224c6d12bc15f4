import assert from "node:assert/strict";
import { copiedForward } from "./copied-forward";
import { figures2021, report2021, runCheck, summary } from "./reports.testutil";

describe("copied-forward", () => {
  it("passes when any figure changed, or when both years are all zeros", () => {
    const r = report2021();
    const f = figures2021();
    f.s3["open"]!["legal"] = 3;
    r.prior = report2021(f, 2020);
    assert.deepEqual(runCheck(copiedForward, r), []);

    const zeros = figures2021();
    for (const row of Object.values(zeros.s3)) for (const k of Object.keys(row)) row[k] = 0;
    for (const row of Object.values(zeros.s4)) for (const k of Object.keys(row)) row[k] = 0;
    zeros.item1 = {};
    zeros.item5 = {};
    zeros.item6 = {};
    zeros.item8 = {};
    const z = report2021(zeros);
    z.prior = report2021(zeros, 2020);
    assert.deepEqual(runCheck(copiedForward, z), []);
  });

  it("warns when every figure equals last year's, naming them", () => {
    const r = report2021();
    r.prior = report2021(undefined, 2020);
    const found = runCheck(copiedForward, r);
    assert.deepEqual(
      found.map((x) => ({ ...summary(x), cells: x.cells.length })),
      [{ rule: "copied-forward", severity: "warning", messageId: "identical", cells: 175 + 15 + 6 + 1 + 2 + 1 }],
    );
    assert.equal(found[0]!.params["count"], 200);
    assert.equal(summary(found[0]!).cells[0], "公开数据!D31");
  });
});
