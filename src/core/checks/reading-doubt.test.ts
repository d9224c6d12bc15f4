import assert from "node:assert/strict";
import { runChecks } from "./index";
import { figures2021, report2021, runCheck } from "./reports.testutil";
import { readingDoubt } from "./reading-doubt";

/**
 * 三's （一）予以公开 row (10, 3, blank, 0, 2, 0 | 15) as a PDF misread gives it when the blank 科研机构 cell is not
 * printed: the figures after it slide one column left and the total lands under 其他 (10, 3, 0, 2, 0, 15 | blank).
 */
function shiftedRow(): ReturnType<typeof figures2021> {
  const f = figures2021();
  const row = f.s3["open"]!;
  const cols = ["natural", "commercial", "research", "publicInterest", "legal", "otherOrg", "total"];
  const read = [10, 3, 0, 2, 0, 15, null];
  cols.forEach((c, i) => (row[c] = read[i]!));
  return f;
}

describe("reading-doubt", () => {
  it("never fires for a workbook, however the arithmetic fails", () => {
    assert.deepEqual(runCheck(readingDoubt, report2021(shiftedRow())), []);
  });

  it("a published row whose total landed in an earlier column (a blank skipped): one doubt naming the table's cells", () => {
    const r = report2021(shiftedRow());
    r.medium = "pdf";
    const found = runCheck(readingDoubt, r);
    assert.equal(found.length, 1);
    assert.equal(found[0]!.severity, "warning");
    assert.equal(found[0]!.params["tableId"], "s3");
    assert.ok(found[0]!.cells.length > 40, "names the table's cells");
    assert.match(String(found[0]!.params["why"]), /合计数落在了前面的列/);
  });

  it("replaces the table's arithmetic errors: the unit is not blamed for our reading", () => {
    const workbook = runChecks(report2021(shiftedRow()));
    assert.ok(
      workbook.some((f) => f.rule === "s3-row-sum" && f.severity === "error"),
      "the workbook has the error",
    );
    const r = report2021(shiftedRow());
    r.medium = "html";
    const published = runChecks(r);
    assert.deepEqual(
      published.filter((f) => f.rule.startsWith("s3-")),
      [],
      "no s3 arithmetic finding for the misread page",
    );
    assert.equal(published.filter((f) => f.rule === "reading-doubt").length, 1);
    assert.ok(!published.some((f) => f.severity === "error"), published.map((f) => f.rule).join(", "));
  });

  it("figures moved between two columns (sums off by amounts that cancel) are a doubt too", () => {
    const f = figures2021();
    // 2 of 商业企业's 予以公开 read under 科研机构: both column sums fail, by +2 and -2; the row still adds up.
    f.s3["open"]!["commercial"] = 1;
    f.s3["open"]!["research"] = 2;
    const r = report2021(f);
    r.medium = "docx";
    const found = runCheck(readingDoubt, r);
    assert.equal(found.length, 1);
    assert.match(String(found[0]!.params["why"]), /相互抵消/);
  });

  it("a genuine error in a published report stays the unit's error (one total off, nothing shifted)", () => {
    const f = figures2021();
    f.s3["handled"]!["natural"] = 18; // the parts sum to 19
    const r = report2021(f);
    r.medium = "pdf";
    assert.deepEqual(runCheck(readingDoubt, r), []);
    // The unit's error, as for a workbook (a failed row and column sum meeting in one cell is one s3 finding).
    assert.ok(runChecks(r).some((x) => x.rule.startsWith("s3-") && x.severity === "error"));
  });

  it("a table of the format not found in a published page is a doubt, not the unit's missing-figures error", () => {
    const r = report2021();
    delete r.section2["s2.item8"];
    r.notFound.push({ code: "table", cells: [], params: { table: "s2.item8" } });
    const asWorkbook = runChecks(r);
    assert.ok(asWorkbook.some((f) => f.rule === "missing-figures" && f.severity === "error"));
    r.medium = "pdf";
    const published = runChecks(r);
    assert.ok(!published.some((f) => f.rule === "missing-figures"), published.map((f) => f.rule).join(", "));
    const d = published.filter((f) => f.rule === "reading-doubt");
    assert.equal(d.length, 1);
    assert.equal(d[0]!.params["why"], "整张表未能读出");
  });
});
