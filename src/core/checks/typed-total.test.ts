import assert from "node:assert/strict";
import { cellKey } from "../model/format";
import { preparingReport as preparing, report2021, runCheck, seedReport, summary } from "./reports.testutil";
import { typedTotal } from "./typed-total";

describe("typed-total", () => {
  it("passes a 编制 sheet whose totals are formulas, and any sheet not in 编制", () => {
    assert.deepEqual(runCheck(typedTotal, preparing()), []);
    assert.deepEqual(runCheck(typedTotal, report2021()), [], "no mode stated: totals are typed, as in a copied report");
    const checking = report2021();
    checking.meta.mode = { value: "核对" };
    assert.deepEqual(runCheck(typedTotal, checking), []);
  });

  it("names the totals typed over their formula, one finding per table", () => {
    const r = preparing();
    delete r.section3!.cells[cellKey("new", "total")]!.formula;
    delete r.section3!.cells[cellKey("handled", "natural")]!.formula;
    delete r.section4!.cells[cellKey("count", "review.total")]!.formula;
    const found = runCheck(typedTotal, r);
    assert.deepEqual(
      found.map((f) => [summary(f).severity, summary(f).cells.length, f.params["block"]]),
      [
        ["warning", 2, "三、收到和处理政府信息公开申请情况"],
        ["warning", 1, "四、政府信息公开行政复议、行政诉讼情况"],
      ],
    );
  });

  it("leaves a blank total alone (nothing typed over the formula) and checks a block's 合计", () => {
    const r = preparing();
    const n = r.section3!.cells[cellKey("new", "total")]!;
    delete n.formula;
    n.value = null;
    assert.deepEqual(runCheck(typedTotal, r), []);
    const seed = seedReport();
    seed.meta.mode = { value: "编制" };
    assert.equal(runCheck(typedTotal, seed).filter((f) => f.params["block"] === seed.proactive!.name).length, 1);
  });
});
