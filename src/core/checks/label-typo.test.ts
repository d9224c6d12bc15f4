import assert from "node:assert/strict";
import { formatMessage } from "./index";
import { labelTypo } from "./label-typo";
import { at, report2021, runCheck, summary } from "./reports.testutil";

describe("label-typo", () => {
  it("passes labels that match the format", () => {
    const r = report2021();
    r.section3!.rowLabels["open"] = {
      cell: at(32, 1),
      found: "（一）予以公开",
      expected: "（一）予以公开",
      deviations: [],
    };
    assert.deepEqual(runCheck(labelTypo, r), []);
  });

  it("gives an info per deviating label, showing found vs expected", () => {
    const r = report2021();
    r.section3!.rowLabels["withheld.law"] = {
      cell: at(35, 2),
      found: "2、其他法律行政止公开",
      expected: "2.其他法律行政法规禁止公开",
      deviations: ["numbering", "typo"],
    };
    r.section3!.colLabels["commercial"] = {
      cell: at(28, 4),
      found: "商业 企业",
      expected: "商业企业",
      deviations: ["whitespace"],
    };
    const found = runCheck(labelTypo, r);
    assert.deepEqual(found.map(summary), [
      {
        rule: "label-typo",
        severity: "info",
        messageId: "deviates",
        cells: ["公开数据!C36"],
        expected: "2.其他法律行政法规禁止公开",
        actual: "2、其他法律行政止公开",
      },
      {
        rule: "label-typo",
        severity: "info",
        messageId: "deviates",
        cells: ["公开数据!E29"],
        expected: "商业企业",
        actual: "商业 企业",
      },
    ]);
    assert.equal(
      formatMessage(found[0]!, "zh"),
      "三、收到和处理政府信息公开申请情况：标签“2、其他法律行政止公开”与格式“2.其他法律行政法规禁止公开”不一致（序号写法、错别字）。",
    );
    assert.equal(
      formatMessage(found[0]!, "en"),
      "三、收到和处理政府信息公开申请情况: label “2、其他法律行政止公开” differs from the format's “2.其他法律行政法规禁止公开” (numbering, typo).",
    );
  });
});
