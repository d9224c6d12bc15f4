import assert from "node:assert/strict";
import { localizeValue, typedText } from "./values";

describe("finding values typed as text", () => {
  it("are marked in Chinese and read as text in English", () => {
    assert.equal(typedText("2"), "文本“2”");
    assert.equal(localizeValue(typedText("1,234"), "zh"), "文本“1,234”");
    assert.equal(localizeValue(typedText("1,234"), "en"), 'text "1,234"');
  });
  it("leave other values alone", () => {
    assert.equal(localizeValue(17, "en"), 17);
    assert.equal(localizeValue("99%", "en"), "99%");
    assert.equal(localizeValue("文本", "en"), "文本");
  });
});
