import { strict as assert } from "node:assert";
import fc from "fast-check";
import type { StatedPercent } from "../model/report";
import { evaluateFormula } from "./formulaEval.testutil";
import {
  checkStatedShare,
  divideOnBigInts,
  divideOnNumbers,
  formatPercent,
  NO_EXACT_ARITHMETIC,
  isZeroShareForNonZero,
  percentNumberFormat,
  shareFormula,
  shareSet,
  shareUnits,
  sharesWith,
  type RoundingOptions,
  type TieRule,
} from "./index";

const HALF_UP: RoundingOptions = {
  decimals: 2,
  rounding: "half-up",
  largestRemainder: false,
};
const LR: RoundingOptions = {
  decimals: 2,
  rounding: "half-up",
  largestRemainder: true,
};

function stated(text: string): StatedPercent {
  const value = Number(text.replace("%", ""));
  const dot = text.replace("%", "").split(".")[1];
  return { text, value, decimals: dot ? dot.length : 0 };
}

/** Reference rounding by a different route: floor((2cU + T) / 2T), minus one on an exact tie with an odd result for half-even. */
function reference(count: number, total: number, decimals: number, rule: TieRule): bigint {
  const n = BigInt(2) * BigInt(count) * BigInt(100) * BigInt(10) ** BigInt(decimals);
  const d = BigInt(2) * BigInt(total);
  const shifted = n + BigInt(total);
  let q = shifted / d;
  const tie = shifted % d === BigInt(0);
  if (rule === "half-even" && tie && q % BigInt(2) === BigInt(1)) q -= BigInt(1);
  return q;
}

const rule = fc.constantFrom<TieRule>("half-up", "half-even");
const decimals = fc.integer({ min: 0, max: 4 });

describe("shares / shareUnits", () => {
  it("computes the worked cases of numbers-and-rounding.md", () => {
    assert.deepEqual(
      [1303, 172, 24].map((c) => shareUnits(c, 1499, 2, "half-up")),
      [8692, 1147, 160],
    );
    assert.deepEqual(
      [56, 12, 48, 56].map((c) => shareUnits(c, 172, 2, "half-up")),
      [3256, 698, 2791, 3256],
    );
    assert.equal(shareUnits(1, 3, 2, "half-up"), 3333);
  });

  it("breaks the 1/160 = 0.625% tie by the chosen rule", () => {
    assert.equal(shareUnits(1, 160, 2, "half-up"), 63);
    assert.equal(shareUnits(1, 160, 2, "half-even"), 62);
    // 3/160 = 1.875%: the tie rounds up under both rules (8 is even).
    assert.equal(shareUnits(3, 160, 2, "half-up"), 188);
    assert.equal(shareUnits(3, 160, 2, "half-even"), 188);
    // 1/8 = 12.5% at 0 decimals.
    assert.equal(shareUnits(1, 8, 0, "half-up"), 13);
    assert.equal(shareUnits(1, 8, 0, "half-even"), 12);
  });

  it("does not fall into the float trap of 1.005", () => {
    // 201/20000 = 1.005% exactly: toFixed(2) would print 1.00.
    assert.equal(shareUnits(201, 20000, 2, "half-up"), 101);
    assert.equal(shareUnits(201, 20000, 2, "half-even"), 100);
  });

  it("returns null for a zero total and validates its input", () => {
    assert.equal(shareUnits(0, 0, 2, "half-up"), null);
    assert.throws(() => shareUnits(1, 10, 5, "half-up"), RangeError);
    assert.throws(() => shareUnits(1, 10, -1, "half-up"), RangeError);
    assert.throws(() => shareUnits(1, 10, 1.5, "half-up"), RangeError);
    assert.throws(() => shareUnits(-1, 10, 2, "half-up"), RangeError);
    assert.throws(() => shareUnits(1.5, 10, 2, "half-up"), RangeError);
  });

  it("is exact for counts up to 2^53", () => {
    const big = Number.MAX_SAFE_INTEGER;
    assert.equal(shareUnits(big, big, 4, "half-up"), 1000000);
    assert.equal(shareUnits(big - 1, big, 4, "half-up"), 1000000);
    assert.equal(shareUnits(1, big, 4, "half-up"), 0);
    // (2^52) / (2^53 - 1) is just over one half: 50.0000% at 4 decimals.
    assert.equal(shareUnits(2 ** 52, big, 4, "half-up"), 500000);
  });

  it("equals a BigInt reference (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        decimals,
        rule,
        (total, frac, d, r) => {
          const count = Math.floor(total * frac);
          assert.equal(BigInt(shareUnits(count, total, d, r)!), reference(count, total, d, r));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("equals the reference on small counts, where ties are frequent (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2000 }), fc.nat(2000), decimals, rule, (total, c, d, r) => {
        const count = c % (total + 1);
        assert.equal(BigInt(shareUnits(count, total, d, r)!), reference(count, total, d, r));
      }),
      { numRuns: 3000 },
    );
  });
});

describe("shares / formatPercent", () => {
  it("keeps trailing zeros and the leading zero", () => {
    assert.equal(formatPercent(8692, 2), "86.92%");
    assert.equal(formatPercent(160, 2), "1.60%");
    assert.equal(formatPercent(420, 2), "4.20%");
    assert.equal(formatPercent(5, 2), "0.05%");
    assert.equal(formatPercent(0, 3), "0.000%");
    assert.equal(formatPercent(10000, 2), "100.00%");
    assert.equal(formatPercent(6, 0), "6%");
    assert.equal(formatPercent(-260, 2), "-2.60%");
  });

  it("writes exactly d decimals that read back as the units (property)", () => {
    fc.assert(
      fc.property(fc.nat(10_000_000), decimals, (units, d) => {
        const s = formatPercent(units, d);
        const re = d === 0 ? /^(0|[1-9]\d*)%$/ : new RegExp(`^(0|[1-9]\\d*)\\.\\d{${d}}%$`);
        assert.match(s, re);
        assert.equal(BigInt(s.replace(/[.%]/g, "")), BigInt(units));
      }),
    );
  });

  it("gives the matching number format", () => {
    assert.equal(percentNumberFormat(2), "0.00%");
    assert.equal(percentNumberFormat(0), "0%");
  });
});

describe("shares / shareSet", () => {
  it("rounds independently by default and reports the sum", () => {
    const s = shareSet([1303, 172, 24], HALF_UP);
    assert.deepEqual(s.units, [8692, 1147, 160]);
    assert.equal(s.sumUnits, 9999);
    assert.deepEqual(s.adjusted, [false, false, false]);
    assert.equal(s.largestRemainderApplied, false);
    assert.equal(shareSet([56, 12, 48, 56], HALF_UP).sumUnits, 10001);
  });

  it("applies the largest remainder method to the worked cases", () => {
    const a = shareSet([1303, 172, 24], LR);
    assert.deepEqual(a.units, [8693, 1147, 160]);
    assert.deepEqual(a.adjusted, [true, false, false]);
    assert.equal(a.sumUnits, 10000);
    const b = shareSet([56, 12, 48, 56], LR);
    assert.deepEqual(b.units, [3256, 697, 2791, 3256]);
    assert.deepEqual(b.adjusted, [false, true, false, false]);
    const c = shareSet([1, 1, 1], LR);
    assert.deepEqual(c.units, [3334, 3333, 3333]);
    assert.deepEqual(c.adjusted, [true, false, false]);
  });

  it("breaks equal remainders by the larger count, then the earlier index", () => {
    // 3, 3, 1 of 7 at 0 decimals: 42.857, 42.857, 14.286 -> floors 42, 42, 14 (98): the two largest remainders get a unit.
    assert.deepEqual(shareSet([3, 3, 1], { ...LR, decimals: 0 }).units, [43, 43, 14]);
    // 1, 1, 1, 1, 1, 1 of 6 at 0 decimals: 16.67 each, floors 16 (96): four units to the first four.
    assert.deepEqual(shareSet([1, 1, 1, 1, 1, 1], { ...LR, decimals: 0 }).units, [17, 17, 17, 17, 16, 16]);
    // 1, 4, 1 of 6 -> 16.67, 66.67, 16.67, equal remainders (4/6 of a unit):
    // floors 16, 66, 16 (98): the larger count gets the first unit, then the earlier of the two 1s.
    assert.deepEqual(shareSet([1, 4, 1], { ...LR, decimals: 0 }).units, [17, 67, 16]);
  });

  it("uses a stated total and does not adjust parts that do not form it", () => {
    const s = shareSet([72, 2, 4], LR, 1119);
    assert.equal(s.largestRemainderApplied, false);
    assert.deepEqual(s.units, [643, 18, 36]);
    assert.equal(s.total, 1119);
  });

  it("leaves parts above the whole alone: no unit moved, the shares sum past 100%", () => {
    // Two parts above a stated total of 100 (80 + 50): each share is its own, the sum says so (130%).
    const over = shareSet([80, 50], LR, 100);
    assert.equal(over.largestRemainderApplied, false);
    assert.deepEqual(over.units, [8000, 5000]);
    assert.deepEqual(over.adjusted, [false, false]);
    assert.equal(over.sumUnits, 13000);
    // One part alone above its whole: 150%, not cut to 100%.
    assert.deepEqual(shareSet([150], LR, 100).units, [15000]);
    // Three equal parts of a whole of 2 at 0 decimals: 50% each (150%), none floored to make 100%.
    const thirds = shareSet([1, 1, 1], { ...LR, decimals: 0 }, 2);
    assert.deepEqual(thirds.units, [50, 50, 50]);
    assert.equal(thirds.largestRemainderApplied, false);
    // The same three parts forming their whole of 3: the method applies and moves one unit.
    assert.deepEqual(shareSet([1, 1, 1], { ...LR, decimals: 0 }, 3).units, [34, 33, 33]);
    // Parts below the whole (1 + 2 of 4): also left alone (75%).
    assert.equal(shareSet([1, 2], { ...LR, decimals: 0 }, 4).sumUnits, 75);
  });

  it("gives a zero part no unit, a lone part all of it, and stays exact next to 2^53", () => {
    assert.deepEqual(shareSet([0, 5, 0], LR).units, [0, 10000, 0]);
    assert.deepEqual(shareSet([0, 3], { ...LR, decimals: 0 }).units, [0, 100]);
    assert.deepEqual(shareSet([7], { ...LR, decimals: 0 }).units, [100]);
    assert.deepEqual(shareSet([1, 0, 0], { ...LR, decimals: 4 }, 1).units, [1000000, 0, 0]);
    // 1 of 2^53 - 1 is far below 0.0001%: the left-over unit goes to the huge part, whose remainder is larger.
    const big = shareSet([2 ** 53 - 2, 1], { ...LR, decimals: 4 });
    assert.deepEqual(big.units, [1000000, 0]);
    assert.equal(big.total, Number.MAX_SAFE_INTEGER);
  });

  it("applies the method only when the parts form the whole, else rounds each part alone (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat(1000), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: -500, max: 500 }),
        decimals,
        rule,
        (counts, delta, d, r) => {
          const sum = counts.reduce((a, c) => a + c, 0);
          const total = Math.max(1, sum + delta);
          const opts = { decimals: d, rounding: r };
          const lr = shareSet(counts, { ...opts, largestRemainder: true }, total);
          const ind = shareSet(counts, { ...opts, largestRemainder: false }, total);
          assert.equal(lr.largestRemainderApplied, sum === total);
          if (sum !== total) {
            assert.deepEqual(lr.units, ind.units);
            assert.ok(lr.adjusted.every((a) => !a));
          }
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("gives null shares for a zero total", () => {
    const s = shareSet([0, 0], LR);
    assert.deepEqual(s.units, [null, null]);
    assert.equal(s.sumUnits, 0);
    assert.deepEqual(shareSet([], LR).units, []);
  });

  it("sums to exactly 100% and moves each share by at most one unit (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.nat(100000), { minLength: 1, maxLength: 12 }), decimals, rule, (counts, d, r) => {
        fc.pre(counts.some((c) => c > 0));
        const lr = shareSet(counts, {
          decimals: d,
          rounding: r,
          largestRemainder: true,
        });
        const ind = shareSet(counts, {
          decimals: d,
          rounding: r,
          largestRemainder: false,
        });
        assert.equal(lr.sumUnits, 100 * 10 ** d);
        assert.equal(
          lr.units.reduce((a, u) => a! + u!, 0),
          100 * 10 ** d,
        );
        lr.units.forEach((u, i) => {
          assert.ok(Math.abs(u! - ind.units[i]!) <= 1);
          assert.equal(lr.adjusted[i], u !== ind.units[i]);
          // Never below the floor, never above the ceiling.
          const total = counts.reduce((a, c) => a + c, 0);
          const floor = Math.floor((counts[i]! * 100 * 10 ** d) / total);
          assert.ok(u! === floor || u! === floor + 1 || (u! === floor && counts[i] === 0));
        });
      }),
      { numRuns: 1500 },
    );
  });
});

describe("shares / checkStatedShare", () => {
  it("rejects a truncated share", () => {
    const r = checkStatedShare(35, 805, stated("4.34%"), "half-up");
    assert.equal(r.ok, false);
    assert.equal(r.expectedUnits, 435);
    assert.equal(r.expectedText, "4.35%");
    assert.equal(checkStatedShare(35, 805, stated("4.35%"), "half-up").ok, true);
  });

  it("checks at the stated precision (seed: 72/1119 stated 6%)", () => {
    const r = checkStatedShare(72, 1119, stated("6%"), "half-up");
    assert.deepEqual(r, { ok: true, expectedUnits: 6, expectedText: "6%" });
    assert.equal(checkStatedShare(72, 1119, stated("6.4%"), "half-up").ok, true);
    assert.equal(checkStatedShare(72, 1119, stated("6.43%"), "half-up").ok, true);
    assert.equal(checkStatedShare(72, 1119, stated("6.44%"), "half-up").ok, false);
    assert.equal(checkStatedShare(72, 1119, stated("7%"), "half-up").ok, false);
  });

  it("applies the tie rule", () => {
    assert.equal(checkStatedShare(1, 160, stated("0.63%"), "half-up").ok, true);
    assert.equal(checkStatedShare(1, 160, stated("0.63%"), "half-even").ok, false);
    assert.equal(checkStatedShare(1, 160, stated("0.62%"), "half-even").ok, true);
    assert.equal(checkStatedShare(1, 160, stated("0.625%"), "half-even").ok, true);
  });

  it("reads the value when the text is not a plain number, and a number typed into a % cell", () => {
    // A cell holding 0.0643 formatted 0.00% reaches the reader as value 6.43, text "6.43%".
    assert.equal(checkStatedShare(72, 1119, { text: "约6.43%", value: 6.43, decimals: 2 }, "half-up").ok, true);
    assert.equal(checkStatedShare(72, 1119, { text: "６.４３％", value: 6.43, decimals: 2 }, "half-up").ok, true);
  });

  it("is not ok for a zero total", () => {
    assert.deepEqual(checkStatedShare(0, 0, stated("0%"), "half-up"), {
      ok: false,
      expectedUnits: null,
      expectedText: "",
    });
  });

  it("flags a non-zero count stated as 0% separately", () => {
    assert.equal(checkStatedShare(2, 1119, stated("0%"), "half-up").ok, true);
    assert.equal(isZeroShareForNonZero(2, stated("0%")), true);
    assert.equal(isZeroShareForNonZero(2, stated("0.00%")), true);
    assert.equal(isZeroShareForNonZero(0, stated("0%")), false);
    assert.equal(isZeroShareForNonZero(2, stated("0.18%")), false);
  });

  it("accepts exactly the formatted expected share (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100000 }), fc.nat(100000), decimals, rule, (total, c, d, r) => {
        const count = c % (total + 1);
        const units = shareUnits(count, total, d, r)!;
        assert.equal(checkStatedShare(count, total, stated(formatPercent(units, d)), r).ok, true);
        assert.equal(checkStatedShare(count, total, stated(formatPercent(units + 1, d)), r).ok, false);
      }),
    );
  });
});

describe("shares / shareFormula", () => {
  it("writes an integer-only formula with the leading =", () => {
    assert.equal(
      shareFormula("B3", "B10", 2, "half-up"),
      '=IF(N(B10)=0,"",(QUOTIENT(N(B3)*10000,N(B10))+IF(MOD(N(B3)*10000,N(B10))*2>=N(B10),1,0))/10000)',
    );
    assert.match(shareFormula("B3", "B10", 2, "half-even"), /^=IF\(N\(B10\)=0,"",.*MOD\(QUOTIENT/);
    assert.throws(() => shareFormula("B3", "B10", 5, "half-up"), RangeError);
  });

  it("evaluates to the engine's share, ties included", () => {
    const f = (c: number, t: number, d: number, r: TieRule) =>
      evaluateFormula(shareFormula("'公开数据'!B3", "'公开数据'!$B$10", d, r), {
        "'公开数据'!B3": c,
        "'公开数据'!$B$10": t,
      });
    assert.equal(f(1303, 1499, 2, "half-up"), 0.8692);
    assert.equal(f(1, 160, 2, "half-up"), 0.0063);
    assert.equal(f(1, 160, 2, "half-even"), 0.0062);
    assert.equal(f(3, 160, 2, "half-even"), 0.0188);
    assert.equal(f(5, 0, 2, "half-up"), "");
  });

  it("gives blank for a blank total and treats a blank count as 0", () => {
    const formula = shareFormula("B3", "B10", 2, "half-up");
    assert.equal(evaluateFormula(formula, { B3: 5, B10: null }), "");
    assert.equal(evaluateFormula(formula, { B3: null, B10: 7 }), 0);
  });

  it("matches shareUnits over random inputs (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), fc.nat(10_000_000), decimals, rule, (total, c, d, r) => {
        const count = c % (total + 1);
        const got = evaluateFormula(shareFormula("C5", "C9", d, r), {
          C5: count,
          C9: total,
        });
        const units = shareUnits(count, total, d, r)!;
        assert.equal(got, units / (100 * 10 ** d));
      }),
      { numRuns: 3000 },
    );
  });

  it("matches shareUnits where ties are frequent (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 400 }), fc.nat(400), decimals, rule, (total, c, d, r) => {
        const count = c % (total + 1);
        const got = evaluateFormula(shareFormula("C5", "C9", d, r), {
          C5: count,
          C9: total,
        });
        assert.equal(got, shareUnits(count, total, d, r)! / (100 * 10 ** d));
      }),
      { numRuns: 3000 },
    );
  });
});

describe("shares / Numbers where exact, BigInt beyond (issue 13: IE11 and EdgeHTML have no BigInt)", () => {
  const onNumbers = sharesWith(divideOnNumbers);
  const onBigInts = sharesWith(divideOnBigInts);
  const everyRule: RoundingOptions[] = [0, 1, 2, 3, 4].flatMap((d) =>
    (["half-up", "half-even"] as TieRule[]).flatMap((r) => [
      { decimals: d, rounding: r, largestRemainder: false },
      { decimals: d, rounding: r, largestRemainder: true },
    ]),
  );
  /** Same results (or the same refusal) on both paths. */
  function same<T>(a: () => T, b: () => T): void {
    let ra: T | Error;
    let rb: T | Error;
    try {
      ra = a();
    } catch (e) {
      ra = e as Error;
    }
    try {
      rb = b();
    } catch (e) {
      rb = e as Error;
    }
    if (ra instanceof Error || rb instanceof Error) {
      assert.ok(ra instanceof RangeError && rb instanceof RangeError, `${String(ra)} vs ${String(rb)}`);
    } else assert.deepEqual(ra, rb);
  }
  // Counts where c * 100 * 10^d stays below 2^53 for every d (<= 9e9), with totals to match.
  const count = fc.oneof(fc.nat(50), fc.nat(3000), fc.nat(9_000_000), fc.nat(9_000_000_000));

  it("shareUnits: the Number path equals the BigInt path, ties and zero totals included (property)", () => {
    fc.assert(
      fc.property(count, count, decimals, rule, (c, t, d, r) => {
        assert.equal(onNumbers.shareUnits(c, t, d, r), onBigInts.shareUnits(c, t, d, r));
        assert.equal(onNumbers.shareUnits(c, c + t, d, r), onBigInts.shareUnits(c, c + t, d, r));
      }),
      { numRuns: 5000 },
    );
  });

  it("shareSet: equal on both paths in every rounding mode, largest remainder included (property)", () => {
    fc.assert(
      fc.property(
        fc.array(count, { maxLength: 10 }),
        fc.option(count, { nil: undefined }),
        fc.constantFrom(...everyRule),
        (counts, total, opts) => {
          same(
            () => onNumbers.shareSet(counts, opts),
            () => onBigInts.shareSet(counts, opts),
          );
          same(
            () => onNumbers.shareSet(counts, opts, total),
            () => onBigInts.shareSet(counts, opts, total),
          );
        },
      ),
      { numRuns: 3000 },
    );
  });

  it("checkStatedShare: equal on both paths for right, wrong and odd stated shares (property)", () => {
    fc.assert(
      fc.property(
        fc.nat(5000),
        fc.integer({ min: 0, max: 5000 }),
        fc.integer({ min: 0, max: 6 }),
        rule,
        fc.integer({ min: -1, max: 1 }),
        (c, t, d, r, off) => {
          const total = c + t;
          const units = onBigInts.shareUnits(c, total, Math.min(d, 4), r);
          const text = units === null ? "0%" : formatPercent(Math.max(0, units + off) * 10 ** Math.max(0, d - 4), d);
          const s = stated(text);
          assert.deepEqual(onNumbers.checkStatedShare(c, total, s, r), onBigInts.checkStatedShare(c, total, s, r));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it("edge cases: exact ties, half-even on odd and even quotients, 0 of 0, the largest safe counts", () => {
    for (const [c, t] of [
      [1, 160],
      [3, 160],
      [1, 8],
      [5, 8],
      [201, 20000],
      [0, 0],
      [0, 7],
      [7, 7],
      [1, 2],
      [1, 200_000_000],
      [9_007_199_254, 9_007_199_254],
      [4_503_599_627, 9_007_199_254],
    ] as [number, number][]) {
      for (const opts of everyRule) {
        assert.equal(
          onNumbers.shareUnits(c, t, opts.decimals, opts.rounding),
          onBigInts.shareUnits(c, t, opts.decimals, opts.rounding),
          `${c}/${t} ${JSON.stringify(opts)}`,
        );
        same(
          () => onNumbers.shareSet([c, t], opts),
          () => onBigInts.shareSet([c, t], opts),
        );
      }
    }
  });

  it("beyond 2^53 the Number path declines and the engine takes the BigInt path (huge counts)", () => {
    const big = Number.MAX_SAFE_INTEGER;
    assert.equal(divideOnNumbers(big, big, 2), null);
    // At 2 decimals the product is count * 10^4: 900,719,925,474 * 10^4 < 2^53 - 1 < 900,719,925,475 * 10^4.
    assert.notEqual(divideOnNumbers(900_719_925_474, 900_719_925_474, 2), null);
    assert.equal(divideOnNumbers(900_719_925_475, 900_719_925_475, 2), null);
    for (const [c, t] of [
      [big, big],
      [big - 1, big],
      [2 ** 52, big],
      [1, big],
      [123_456_789_012, 987_654_321_098],
    ] as [number, number][]) {
      for (const opts of everyRule) {
        assert.equal(
          shareUnits(c, t, opts.decimals, opts.rounding),
          onBigInts.shareUnits(c, t, opts.decimals, opts.rounding),
        );
        assert.deepEqual(shareSet([c, t - c], opts), onBigInts.shareSet([c, t - c], opts));
      }
    }
  });

  it("without BigInt: real reports still compute; a product beyond 2^53 throws NoExactArithmetic, never a figure", () => {
    const g = globalThis as { BigInt?: unknown };
    const saved = g.BigInt;
    delete g.BigInt;
    try {
      assert.equal(shareUnits(1303, 1499, 2, "half-up"), 8692);
      assert.deepEqual(shareSet([1303, 172, 24], LR).units, [8693, 1147, 160]);
      assert.equal(checkStatedShare(1, 160, stated("0.625%"), "half-even").ok, true);
      // 10^12 * 10^4 > 2^53: the Number path cannot, and there is no BigInt.
      assert.throws(
        () => shareUnits(1_000_000_000_000, 3_000_000_000_000, 2, "half-up"),
        (e: Error & { code?: string }) => e.code === NO_EXACT_ARITHMETIC && e instanceof RangeError,
      );
      assert.throws(
        () => shareSet([1_000_000_000_000, 2_000_000_000_000], LR),
        (e: Error & { code?: string }) => e.code === NO_EXACT_ARITHMETIC,
      );
    } finally {
      g.BigInt = saved;
    }
    assert.equal(shareUnits(1_000_000_000_000, 3_000_000_000_000, 2, "half-up"), 3333);
  });
});
