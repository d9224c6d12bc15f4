import { strict as assert } from "node:assert";
import {
  amountText,
  countChangeText,
  countText,
  countWith,
  pointChangeText,
  shareUnitsText,
  yoyText,
  yuanText,
} from "./numbers";

describe("narrative / numbers", () => {
  it("writes counts as ungrouped Arabic digits", () => {
    assert.equal(countText(1119), "1119");
    assert.equal(countText(1234567), "1234567");
    assert.equal(countWith(72, "条"), "72条");
    assert.throws(() => countText(1.5), RangeError);
  });

  it("never writes a zero share for a non-zero count", () => {
    assert.equal(shareUnitsText(0, 1, 2), "不足0.01%");
    assert.equal(shareUnitsText(0, 0, 2), "0.00%");
    assert.equal(shareUnitsText(0, 3, 0), "不足1%");
    assert.equal(shareUnitsText(160, 24, 2), "1.60%");
  });

  it("writes money as typed, with two decimals for 角", () => {
    assert.equal(yuanText(0), "0");
    assert.equal(yuanText(120), "120");
    assert.equal(yuanText(12.5), "12.50");
    assert.equal(yuanText(12.05), "12.05");
    assert.equal(amountText(7730.28), "7730.28");
    assert.equal(amountText(1.005), "1.005");
    assert.equal(amountText(1e21), "1000000000000000000000");
  });

  it("writes changes of counts, year-on-year percents and percentage points", () => {
    assert.equal(countChangeText(1119, 729, "条"), "增加390条");
    assert.equal(countChangeText(860, 905, "条"), "减少45条");
    assert.equal(countChangeText(5, 5, "件"), null);
    assert.equal(yoyText(1119, 729, 2, "half-up"), "增长53.50%");
    assert.equal(yoyText(860, 905, 2, "half-up"), "下降4.97%");
    // A fall to a fifth is 下降80%, never 降低N倍.
    assert.equal(yoyText(20, 100, 0, "half-up"), "下降80%");
    assert.equal(yoyText(300, 100, 0, "half-up"), "增长200%");
    assert.equal(yoyText(5, 0, 2, "half-up"), null);
    assert.equal(yoyText(5, 5, 2, "half-up"), null);
    // 1/160 = 0.625%: the tie rule applies to year-on-year changes too.
    assert.equal(yoyText(161, 160, 2, "half-up"), "增长0.63%");
    assert.equal(yoyText(161, 160, 2, "half-even"), "增长0.62%");
    assert.equal(yoyText(100001, 100000, 2, "half-up"), "增长不足0.01%");
    assert.equal(pointChangeText(3414, 3000, 2), "提高4.14个百分点");
    assert.equal(pointChangeText(3000, 3260, 2), "降低2.60个百分点");
    assert.equal(pointChangeText(5, 5, 1), "与上年持平");
    assert.equal(pointChangeText(26, 0, 1), "提高2.6个百分点");
  });
});
