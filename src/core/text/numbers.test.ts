/**
 * The number reader against an independent oracle: nzh (a Chinese-numeral package, tests only) writes
 * random integers in Chinese; the reader must read back the integer, in every writing a report uses.
 */
import assert from "node:assert/strict";
import fc from "fast-check";
import Nzh from "nzh";

const nzh = Nzh.cn;
import { parseChineseInt, scanNumbers } from "./numbers";

const one = (text: string) => {
  const t = scanNumbers(text);
  assert.equal(t.length, 1, `${text}: ${JSON.stringify(t)}`);
  return t[0]!;
};

describe("text / number reader", () => {
  it("reads what nzh writes (0 … 10^9)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999_999 }), (n) => {
        const cn = nzh.encodeS(n);
        assert.equal(parseChineseInt(cn), n, cn);
        // …and agrees with nzh's own reader.
        assert.equal(parseChineseInt(cn), Number(nzh.decodeS(cn)), cn);
      }),
      { numRuns: 3000 },
    );
  });

  it("reads 两 where a report writes it (两千零五, 两百, 两万)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999 }), (n) => {
        const cn = nzh.encodeS(n).replace(/二(?=[百千万])/g, "两");
        assert.equal(parseChineseInt(cn), n, cn);
      }),
      { numRuns: 1000 },
    );
  });

  it("reads a count with its unit in Arabic, full-width, thousands separators and Chinese", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9_999_999 }), (n) => {
        const ascii = String(n);
        const full = ascii.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
        const sep = n.toLocaleString("en-US");
        for (const w of [ascii, full, sep, nzh.encodeS(n)]) {
          const t = one(`受理${w}件。`);
          assert.equal(t.value, n, w);
          assert.equal(t.unit, "件");
          assert.equal(t.start, 2);
          assert.equal(t.end, 2 + w.length);
        }
      }),
      { numRuns: 500 },
    );
  });

  it("reads digit-string years and numerals with 〇 and 零", () => {
    assert.equal(parseChineseInt("二〇二三"), 2023);
    assert.equal(parseChineseInt("一百零五"), 105);
    assert.equal(parseChineseInt("两千零五"), 2005);
    assert.equal(parseChineseInt("一千零一十"), 1010);
    assert.equal(parseChineseInt("十四万"), 140_000);
    assert.equal(parseChineseInt("百"), null);
    assert.equal(parseChineseInt("千百"), null);
  });

  it("reads percentages and their decimals, and 百分之", () => {
    const p = one("占51.85%");
    assert.deepEqual([p.value, p.decimals, p.percent], [51.85, 2, true]);
    const q = one("占4.20％");
    assert.deepEqual([q.value, q.decimals, q.percent, q.end - q.start], [4.2, 2, true, 5]);
    const w = one("占百分之五十");
    assert.deepEqual([w.value, w.percent, w.chinese], [50, true, true]);
    const d = one("占百分之五点二");
    assert.deepEqual([d.value, d.decimals], [5.2, 1]);
  });

  it("marks approximations (万余, 余, 多, 近, 约)", () => {
    for (const [s, v] of [
      ["14万余条", 140_000],
      ["1000余条", 1000],
      ["3000多件", 3000],
      ["近3000件", 3000],
      ["约200件", 200],
    ] as const) {
      const t = one(s);
      assert.equal(t.value, v, s);
      assert.ok(t.approx, s);
    }
    assert.equal(one("公开政府信息672条").approx, false);
  });
});
