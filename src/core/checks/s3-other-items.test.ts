import assert from "node:assert/strict";
import { FORMAT_2021 } from "../model/format";
import { figures2021, report2021, runCheck, s3Figures, summary } from "./reports.testutil";
import { s3OtherItems } from "./s3-other-items";

describe("s3-other-items", () => {
  it("passes a 2021 report with the three items, and a 2019 report with one row", () => {
    assert.deepEqual(runCheck(s3OtherItems, report2021()), []);
    const f = figures2021();
    f.s3Def = FORMAT_2021.section3SingleOther;
    f.s3 = s3Figures(f.s3Def);
    const r = report2021(f, 2020);
    r.format = "2019";
    assert.deepEqual(runCheck(s3OtherItems, r), []);
  });

  it("warns about a 2021 report printing （六）其他处理 as one row, naming its cells", () => {
    const f = figures2021();
    f.s3Def = FORMAT_2021.section3SingleOther;
    f.s3 = s3Figures(f.s3Def);
    const r = report2021(f);
    r.section3!.rowLabels["other"] = {
      cell: { sheet: "公开数据", row: 50, col: 1 },
      found: "（六）其他处理",
      expected: "（六）其他处理",
      deviations: [],
    };
    assert.deepEqual(runCheck(s3OtherItems, r).map(summary), [
      {
        rule: "s3-other-items",
        severity: "warning",
        messageId: "singleRow",
        // label B51, then the row's figures D51:J51 (the single row sits where the three items would start)
        cells: ["公开数据!B51", ...[..."DEFGHIJ"].map((c) => `公开数据!${c}51`)],
      },
    ]);
  });
});
