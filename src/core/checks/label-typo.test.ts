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
        cells: ["公开数据!E29"],
        expected: "商业企业",
        actual: "商业 企业",
      },
      {
        rule: "label-typo",
        severity: "info",
        messageId: "deviates",
        cells: ["公开数据!C36"],
        expected: "2.其他法律行政法规禁止公开",
        actual: "2、其他法律行政止公开",
      },
    ]);
    assert.equal(
      formatMessage(found[1]!, "zh"),
      "三、收到和处理政府信息公开申请情况：标签“2、其他法律行政止公开”与格式“2.其他法律行政法规禁止公开”不一致（序号写法、错别字）。",
    );
    assert.equal(
      formatMessage(found[1]!, "en"),
      "三、收到和处理政府信息公开申请情况: label “2、其他法律行政止公开” differs from the format's “2.其他法律行政法规禁止公开” (numbering, typo).",
    );
  });

  /** Rows （三）1-8 of section 三 (C35:C42) labelled "n、…" instead of "n.…", the first `count` of them. */
  function numbered(r: ReturnType<typeof report2021>, count: number): void {
    const keys = r.section3!.def.rows.filter((x) => x.key.startsWith("withheld."));
    for (const [i, row] of keys.slice(0, count).entries()) {
      r.section3!.rowLabels[row.key] = {
        cell: at(34 + i, 2),
        found: row.label.replace(/^(\d)\./, "$1、"),
        expected: row.label,
        deviations: ["numbering"],
      };
    }
  }

  it("groups more than 3 labels of one table with the same cosmetic kind into one finding, cells in sheet order", () => {
    const r = report2021();
    numbered(r, 5);
    // Inserted out of order: the finding lists the cells as the sheet does.
    const labels = Object.entries(r.section3!.rowLabels);
    r.section3!.rowLabels = Object.fromEntries([labels.at(-1)!, ...labels.slice(0, -1)]);
    const found = runCheck(labelTypo, r);
    assert.deepEqual(found.map(summary), [
      {
        rule: "label-typo",
        severity: "info",
        messageId: "grouped",
        cells: ["公开数据!C35", "公开数据!C36", "公开数据!C37", "公开数据!C38", "公开数据!C39"],
      },
    ]);
    assert.equal(
      formatMessage(found[0]!, "zh"),
      "三、收到和处理政府信息公开申请情况：5处标签序号写法与格式不同，如“1、属于国家秘密”应为“1.属于国家秘密”；请按格式统一改正。",
    );
    assert.equal(
      formatMessage(found[0]!, "en"),
      "三、收到和处理政府信息公开申请情况: 5 labels with numbering written differently from the format, e.g. “1、属于国家秘密” for the format's “1.属于国家秘密”; correct them all as the format writes them.",
    );
  });

  it("one finding per kind per table from two labels on; a single label is its own finding", () => {
    const r = report2021();
    numbered(r, 3);
    assert.deepEqual(
      runCheck(labelTypo, r).map((f) => [f.messageId, f.cells.length]),
      [["grouped", 3]],
    );
    const one = report2021();
    numbered(one, 1);
    assert.deepEqual(
      runCheck(labelTypo, one).map((f) => [f.messageId, f.cells.length]),
      [["deviates", 1]],
    );
  });

  it("quotes a label with a line break on one line (the break shown as ↵)", () => {
    const r = report2021();
    r.section3!.colLabels["commercial"] = {
      cell: at(28, 4),
      found: "商业\n企业",
      expected: "商业企业",
      deviations: ["whitespace"],
    };
    const [f] = runCheck(labelTypo, r);
    assert.equal(f!.actual, "商业↵企业");
    assert.ok(!formatMessage(f!, "zh").includes("\n"));
  });

  it("2 + 2 labels of one kind in two tables are one finding naming both tables", () => {
    const r = report2021();
    const trad = (labels: Record<string, unknown>, key: string, cell: ReturnType<typeof at>, f: string, e: string) => {
      labels[key] = { cell, found: f, expected: e, deviations: ["traditional"] };
    };
    trad(r.section4!.colLabels, "review.upheld", at(59, 1), "結果維持", "结果维持");
    trad(r.section4!.colLabels, "review.corrected", at(59, 2), "結果糾正", "结果纠正");
    trad(r.section3!.colLabels, "research", at(28, 5), "科研機構", "科研机构");
    trad(r.section3!.colLabels, "legal", at(28, 7), "法律服務機構", "法律服务机构");
    assert.deepEqual(
      runCheck(labelTypo, r).map((f) => [f.messageId, f.params["found"], f.cells.length]),
      [["grouped", "科研機構", 4]],
    );
  });

  it("still reports a typo or a rarer kind on its own beside the group, with every kind it has", () => {
    const r = report2021();
    numbered(r, 5);
    Object.assign(r.section3!.rowLabels["withheld.law"]!, {
      found: "2、其他法律行政止公开",
      deviations: ["numbering", "typo"],
    });
    Object.assign(r.section3!.rowLabels["withheld.secret"]!, {
      found: "1、属于\n国家秘密",
      deviations: ["numbering", "whitespace"],
    });
    const found = runCheck(labelTypo, r);
    assert.deepEqual(
      found.map((f) => [f.messageId, f.cells.length, f.params["kinds"]]),
      [
        ["grouped", 5, undefined],
        ["deviates", 1, "序号写法、空格或换行"],
        ["deviates", 1, "序号写法、错别字"],
      ],
    );
    // The example of the group is a label with that kind alone.
    assert.equal(found[0]!.params["found"], "3、危及“三安全一稳定”");
  });
});
