import { strict as assert } from "node:assert";
import { matchAllNotAfter, matchAllWhere } from "./lookbehind";

describe("lookbehind written out (for IE11, EdgeHTML, old Safari)", () => {
  const cases: [string, string, string, string][] = [
    // text, lookbehind regex source, pattern, forbidden-before class
    [
      "2024年 12024年 ２2023年 x1999 年",
      "(?<![0-9０-９])((?:19|20)[0-9]{2})\\s*年",
      "((?:19|20)[0-9]{2})\\s*年",
      "[0-9０-９]",
    ],
    ["占12.5%，1.5%，.5% a3%", "(?<![\\d.])(\\d+)(?:\\.(\\d+))?[%％]", "(\\d+)(?:\\.(\\d+))?[%％]", "[\\d.]"],
    [
      "1,234 12,345,678 5,12 a1,000",
      "(?<![\\d.,])\\d{1,3}(?:,\\d{3})+(?![\\d,])",
      "\\d{1,3}(?:,\\d{3})+(?![\\d,])",
      "[\\d.,]",
    ],
    ["x.5 0.46 a.5 (.75)", "(?<![\\d\\w.])\\.\\d+", "\\.\\d+", "[\\d\\w.]"],
    [
      "1.5~3~4% 15~30%",
      "(?<![\\d.])\\d+(?:\\.\\d+)?\\s*[~～〜]\\s*\\d+(?:\\.\\d+)?\\s*[%％万亿]",
      "\\d+(?:\\.\\d+)?\\s*[~～〜]\\s*\\d+(?:\\.\\d+)?\\s*[%％万亿]",
      "[\\d.]",
    ],
  ];
  for (const [text, withLookbehind, pattern, before] of cases) {
    it(`${pattern} on “${text}”`, () => {
      const expected = [...text.matchAll(new RegExp(withLookbehind, "g"))].map((m) => [m.index, ...m]);
      const got = matchAllNotAfter(text, new RegExp(pattern, "g"), new RegExp(before)).map((m) => [m.index, ...m]);
      assert.deepEqual(got, expected);
    });
  }
  it("a condition on the preceding character (positive lookbehind)", () => {
    const text = "共 12 件，增长 5% 以上";
    const expected = [...text.matchAll(/(?<=[\u4e00-\u9fff])\s+(?=[0-9])|(?<=[0-9%])\s+(?=[\u4e00-\u9fff])/g)].map(
      (m) => m.index,
    );
    const got = matchAllWhere(text, /\s+/g, (prev, m) => {
      const next = text.charAt(m.index + m[0].length);
      return (
        (/[\u4e00-\u9fff]/.test(prev) && /[0-9]/.test(next)) || (/[0-9%]/.test(prev) && /[\u4e00-\u9fff]/.test(next))
      );
    }).map((m) => m.index);
    assert.deepEqual(got, expected);
  });
});
