import type { CellRef } from "../grid";
import type { Breakdown, StatedPercent } from "../model/report";
import { checkStatedShare, MAX_DECIMALS, shareSet } from "../shares";
import { countValue, statedUnits, statedWhole } from "./arithmetic";
import { defineCheck } from "./define";

/** Every stated share equals the exact share rounded at the precision it is written with. */
export const statedShare = defineCheck({
  id: "stated-share",
  severity: "error",
  description: {
    zh: "所写占比等于按所写小数位数、按舍入规则计算的准确占比",
    en: "Every stated share equals the exact share rounded at the stated precision (with the chosen tie rule)",
  },
  messages: {
    wrong: {
      zh: "{block}：“{category}”{count}条占合计{total}条，按所写精度应为{expected}，写为{actual}。",
      en: "{block}: “{category}” {count} of {total} is {expected} at the stated precision, but the report says {actual}.",
    },
    wrongOfParent: {
      zh: "{block}{count}条占{parent}{total}条的比例应为{expected}，写为{actual}。",
      en: "{block} {count} of {parent} {total} is {expected}, but the report says {actual}.",
    },
  },
  run({ report, options }, emit) {
    const walk = (b: Breakdown, parent?: Breakdown): void => {
      const whole = statedWhole(b);
      if (whole && whole.value > 0) {
        const counts = b.categories.map((c) => countValue(c.count));
        b.categories.forEach((c, i) => {
          const count = counts[i];
          if (!c.share || count === undefined) return;
          const r = checkStatedShare(count, whole.value, c.share, options.rounding);
          if (r.ok || r.expectedUnits === null) return;
          if (options.largestRemainder && b.partition && acceptedByLargestRemainder(counts, i, c.share, whole.value)) {
            return;
          }
          emit({
            messageId: "wrong",
            cells: [c.share.cell, c.count.cell, whole.num?.cell],
            params: {
              block: b.name,
              category: c.name,
              count,
              total: whole.value,
              expected: r.expectedText,
              actual: c.share.text,
            },
            expected: r.expectedText,
            actual: c.share.text,
          });
        });
      }
      const ofParent = b.shareOfParent;
      const part = countValue(b.total);
      const parentWhole = parent ? statedWhole(parent) : undefined;
      if (ofParent && parent && part !== undefined && parentWhole && parentWhole.value > 0) {
        const r = checkStatedShare(part, parentWhole.value, ofParent, options.rounding);
        if (!r.ok && r.expectedUnits !== null) {
          const cells: (CellRef | undefined)[] = [ofParent.cell, b.total?.cell, parentWhole.num?.cell];
          emit({
            messageId: "wrongOfParent",
            cells,
            params: {
              block: b.name,
              parent: parent.name,
              count: part,
              total: parentWhole.value,
              expected: r.expectedText,
              actual: ofParent.text,
            },
            expected: r.expectedText,
            actual: ofParent.text,
          });
        }
      }
      for (const child of b.children) walk(child, b);
    };
    if (report.proactive) walk(report.proactive);
  },
});

/** With largest remainder on, a share one unit off its independent rounding may be the Hamilton share. */
function acceptedByLargestRemainder(
  counts: (number | undefined)[],
  index: number,
  stated: StatedPercent,
  total: number,
): boolean {
  if (stated.decimals > MAX_DECIMALS || counts.some((c) => c === undefined)) return false;
  const set = shareSet(
    counts as number[],
    { decimals: stated.decimals, rounding: "half-up", largestRemainder: true },
    total,
  );
  const units = set.units[index];
  return (
    set.largestRemainderApplied &&
    units !== null &&
    units !== undefined &&
    units === statedUnits(stated.value, stated.decimals)
  );
}
