/**
 * The product's own narrative passes the text checker with no finding: every generated example, with
 * the rounding settings it was generated with, read back as the 报告正文 a user would check.
 */
import assert from "node:assert/strict";
import { runChecks } from "../checks";
import { emptyReport } from "../model/build";
import type { Report } from "../model/report";
import {
  allZero2021,
  countyGovernment2023,
  example2021,
  report2020,
  seedReport2018,
  unreadableCell2021,
  withLastYear2021,
} from "../narrative/examples.testutil";
import { narrative, type NarrativeSettings } from "../narrative";
import { DEFAULT_ROUNDING } from "../shares/types";
import { textReport } from "./reports.testutil";
import { TEXT_CASES } from "./sentences.testutil";

interface Example {
  name: string;
  report: () => Report;
  settings?: Partial<NarrativeSettings>;
}

const EXAMPLES: Example[] = [
  { name: "seed 2018 (free-form)", report: seedReport2018 },
  { name: "2021 example", report: example2021 },
  {
    name: "2021 example, whole city, largest remainder, 1 decimal, half-even",
    report: () => {
      const r = example2021();
      r.meta.scope = { value: "本级政府" };
      return r;
    },
    settings: { areaWord: "全市", rounding: { decimals: 1, rounding: "half-even", largestRemainder: true } },
  },
  {
    name: "2021 example, largest remainder",
    report: example2021,
    settings: { rounding: { ...DEFAULT_ROUNDING, largestRemainder: true } },
  },
  { name: "empty 2021 report", report: () => emptyReport("2021") },
  // The narrative's golden reports (src/core/narrative/golden/).
  { name: "county government 2023 (本级政府)", report: countyGovernment2023 },
  { name: "every category 0 (2024)", report: allZero2021 },
  { name: "2019 format (2020)", report: report2020 },
  { name: "with last year's report (同比)", report: withLastYear2021 },
  { name: "unreadable count cells", report: unreadableCell2021 },
  { name: "unreadable count cells, blanks as 0", report: unreadableCell2021, settings: { blanksAsZero: true } },
  // Every table of the sentence tests, as the generator would describe it.
  ...TEXT_CASES.map((c, i) => ({
    name: `table of sentence ${i + 1} (${c.note ?? ""})`,
    report: () => textReport(c.table),
  })),
];

describe("text / the generated narrative passes the text checks", () => {
  it("is really checked: the same narrative over a changed table raises", () => {
    const report = example2021();
    const ps = narrative(report);
    const changed = example2021();
    const cell = changed.section3!.cells["new|natural"]!;
    cell.value = (cell.value ?? 0) + 1;
    changed.prose = ps.map((p, i) => ({ text: p.text, cell: { sheet: "报告正文", row: i, col: 0 } }));
    const fs = runChecks(changed).filter((f) => f.text !== undefined);
    assert.ok(
      fs.some((f) => f.rule === "text-count"),
      JSON.stringify(fs.map((f) => f.params)),
    );
  });

  for (const e of EXAMPLES) {
    it(e.name, () => {
      const report = e.report();
      const ps = narrative(report, e.settings);
      report.prose = ps.map((p, i) => ({ text: p.text, cell: { sheet: "报告正文", row: i, col: 0 } }));
      const r = e.settings?.rounding;
      const fs = runChecks(report, r ? { rounding: r.rounding, decimals: r.decimals } : {}).filter(
        (f) => f.text !== undefined,
      );
      assert.deepEqual(
        fs.map((f) => `${f.rule}/${f.messageId}: ${f.text?.quote}`),
        [],
      );
    });
  }
});
