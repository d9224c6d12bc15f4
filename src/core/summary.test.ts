import { strict as assert } from "node:assert";
import { chooseIncluded, type SummaryEntry } from "./summary";

/** A readable 2025 report of a unit in the 2021 format, in the given form. */
function entry(file: string, unit: string, form: SummaryEntry["form"], year = 2025): SummaryEntry {
  return { file, sheet: null, unit, year, format: "2021", form, findings: [], figures: {} };
}

describe("core/summary: which reports are summed", () => {
  it("one per unit: its workbook before its Word file, saved page or PDF, whatever the file order", () => {
    const entries = [
      entry("a-published.pdf", "某县第1局", "pdf"),
      entry("b-page.html", "某县第1局", "html"),
      entry("c-report.xlsx", "某县第1局", "xlsx"),
      entry("d.docx", "某县第2局", "docx"),
      entry("e.pdf", "某县第2局", "pdf"),
      entry("f.pdf", "某县第3局", "pdf"),
      entry("g.pdf", "某县第3局", "pdf"),
    ];
    const { why, year } = chooseIncluded(entries);
    assert.equal(year, 2025);
    assert.deepEqual(why, ["copy", "copy", undefined, undefined, "copy", undefined, "copy"]);
  });

  it("a copy with an error or from another year never displaces the unit's good report", () => {
    const bad = entry("a.xlsx", "某县第1局", "xlsx");
    bad.findings = [{ rule: "s3-row-sum", severity: "error", cells: [], messageId: "x", params: {} }];
    const entries = [bad, entry("b.pdf", "某县第1局", "pdf"), entry("c.xlsx", "某县第1局", "xlsx", 2024)];
    assert.deepEqual(chooseIncluded(entries).why, ["errors", undefined, "other-year"]);
  });
});
