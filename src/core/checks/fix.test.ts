import assert from "node:assert/strict";
import { cellAddress } from "../grid";
import { cellKey } from "../model/format";
import { breakdownSum } from "./breakdown-sum";
import { figures2021, report2021, runCheck, seedReport } from "./reports.testutil";
import { s3ColumnSum } from "./s3-column-sum";
import { s3RowSum } from "./s3-row-sum";
import { s4GroupSum } from "./s4-group-sum";
import type { Finding } from "./types";
import type { Report } from "../model/report";

const SUM_CHECKS = [s3RowSum, s3ColumnSum, s4GroupSum, breakdownSum];

function sumFindings(r: Report): Finding[] {
  return SUM_CHECKS.flatMap((c) => runCheck(c, r));
}

/** Every distinct fix offered, as "Sheet!A1=value". */
function offered(r: Report): string[] {
  return [...new Set(sumFindings(r).flatMap((f) => (f.fix ? [`${cellAddress(f.fix.cell)}=${f.fix.value}`] : [])))];
}

describe("suggested fixes over every section 三 and 四 figure", () => {
  const base = report2021();
  const s3 = base.section3!;
  const s4 = base.section4!;

  it("section 三, one wrong or blank figure: a fix exactly when it is a total or in a row and a column sum, and the fix restores it", () => {
    let totals = 0;
    for (const [t, key] of [
      ...Object.keys(s3.cells).map((k) => ["s3", k] as const),
      ...Object.keys(s4.cells)
        .filter((k) => k.endsWith(".total"))
        .map((k) => ["s4", k] as const),
    ]) {
      const original = (t === "s3" ? s3 : s4).cells[key]!;
      const where = cellAddress(original.cell!);
      const [rowKey, colKey] = key.split("|") as [string, string];
      // A total: 总计 of a row (section 三), （七）总计 of a column, or a section 四 group's 总计.
      const isTotal = t === "s3" ? colKey === "total" || rowKey === "handled" : colKey.endsWith(".total");
      if (isTotal) totals++;
      // An outcome item is in its row and its column: both sums point to it (s3-cross), so it is fixable too.
      const crossed = t === "s3" && !!s3.def.rows.find((r) => r.key === rowKey)?.outcome;
      for (const wrong of [original.value! + 1, original.value! + 7, null]) {
        if (wrong === null && original.value === 0) continue; // a blank 0 breaks no sum
        const r = report2021();
        (t === "s3" ? r.section3! : r.section4!).cells[key]!.value = wrong;
        const fixes = offered(r);
        assert.ok(sumFindings(r).length > 0, `${where}=${String(wrong)} breaks a sum`);
        assert.deepEqual(fixes, isTotal || crossed ? [`${where}=${original.value}`] : [], `${where}=${String(wrong)}`);
      }
    }
    assert.equal(totals, 25 + 6 + 3, "every row's 总计, （七）总计 of the six applicant columns, three groups");
  });

  it("section 四 and the breakdowns have one relation per total: a wrong part is taken as typed", () => {
    // Nothing else ties a 四 part or a category: the fix (shown with both values, applied only after the user
    // confirms) sets the total to the parts as typed. This is the documented limit of those two checks.
    const f = figures2021();
    f.s4["count"]!["review.upheld"] = 2; // 2 + 1 + 0 + 1 = 4 against 3
    assert.deepEqual(offered(report2021(f)), ["公开数据!F61=4"]);
  });

  it("applying every offered fix leaves no sum finding behind", () => {
    const f = figures2021();
    f.s3["open"]!["total"] = 99;
    f.s3["handled"]!["legal"] = null;
    f.s4["count"]!["review.total"] = 0;
    const r = report2021(f);
    const seed = seedReport();
    seed.proactive!.total!.value = 1;
    for (const rep of [r, seed]) {
      const findings = sumFindings(rep);
      assert.ok(findings.some((x) => x.fix));
      for (const x of findings.filter((y) => y.fix)) {
        const n = [
          ...Object.values(rep.section3?.cells ?? {}),
          ...Object.values(rep.section4?.cells ?? {}),
          ...(rep.proactive?.total ? [rep.proactive.total] : []),
        ].find((c) => c.cell && cellAddress(c.cell) === cellAddress(x.fix!.cell))!;
        assert.equal(n.value, x.fix!.was);
        n.value = x.fix!.value;
      }
      assert.deepEqual(sumFindings(rep), []);
    }
  });

  it("two wrong figures in one row: no fix, whichever way the row is read", () => {
    const f = figures2021();
    f.s3["open"]!["natural"] = 11;
    f.s3["open"]!["total"] = 16;
    assert.deepEqual(offered(report2021(f)), []);
    assert.equal(report2021(f).section3!.cells[cellKey("open", "total")]!.value, 16);
  });
});
