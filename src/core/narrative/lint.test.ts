import { strict as assert } from "node:assert";
import { checkNumberWriting, NUMBER_RULES } from "./lint";

interface Expected {
  index?: number;
  text?: string;
}
interface Case {
  valid: string[];
  invalid: { text: string; errors: Expected[] }[];
}

/** textlint-tester shape: each rule's valid texts give no finding of that rule; invalid ones give exactly the errors. */
const CASES: Record<string, Case> = {
  "no-space-cjk-digit": {
    valid: ["收到申请1499件", "2018年2月15日", "占6.43%；计划总结信息2条", "A 1 B"],
    invalid: [
      { text: "收到申请 1499件", errors: [{ index: 4, text: " " }] },
      { text: "收到申请1499 件", errors: [{ index: 8, text: " " }] },
      { text: "2018年 2月15日", errors: [{ index: 5 }] },
      { text: "占　6%", errors: [{ index: 1, text: "　" }] },
    ],
  },
  "zero-share": {
    valid: ["计划总结信息2条，占0.18%", "占不足0.01%", "占10%", "占比20.00%", "增长0.5%"],
    invalid: [
      { text: "计划总结信息2条，占0%；", errors: [{ index: 9, text: "占0%" }] },
      { text: "占0.00%", errors: [{ index: 0 }] },
      { text: "其他处理1件，占办结总数的0.00%。", errors: [{ text: "占办结总数的0.00%" }] },
      { text: "占比0%", errors: [{ index: 0 }] },
    ],
  },
  "one-precision": {
    valid: [
      "予以公开60件，占50.85%；部分公开20件，占16.95%。",
      "政府文件72条，占6%；其他信息380条，占34%。",
      "占1.60%。占4.2%。",
      "为使各项占比之和为100%，予以公开由86.92%调整为86.93%。",
      "占6.43%；计划总结信息2条，占不足0.01%。",
    ],
    invalid: [
      { text: "占1.6%，占4.20%。", errors: [{ index: 7, text: "4.20%" }] },
      { text: "同比增长22%，占34.14%，占1.00%。", errors: [{ text: "34.14%" }, { text: "1.00%" }] },
    ],
  },
  "range-unit": {
    valid: ["15%~30%", "2万~5万", "3~5件", "100~150千克"],
    invalid: [
      { text: "增长15~30%", errors: [{ index: 2, text: "15~30%" }] },
      { text: "投入2～5万元", errors: [{ text: "2～5万" }] },
      { text: "3亿~4亿，5~6亿", errors: [{ text: "5~6亿" }] },
    ],
  },
  "full-year": {
    valid: ["2024年", "2018年度", "近10年来", "连续10年，", "满18年", "10年以来", "第一个5年"],
    invalid: [
      { text: "24年政府信息公开工作年度报告", errors: [{ index: 0, text: "24年" }] },
      { text: "比18年增加", errors: [{ text: "18年" }] },
      { text: "21年度", errors: [{ index: 0 }] },
      { text: "于19年3月印发", errors: [{ text: "19年" }] },
    ],
  },
  "no-qian-bai": {
    valid: ["5.34亿元", "3万件", "提高2.60个百分点", "5千米", "50千克"],
    invalid: [
      { text: "5亿3千4百万元", errors: [{ text: "3千" }, { text: "4百" }] },
      { text: "3千条", errors: [{ index: 0, text: "3千" }] },
    ],
  },
  "digit-grouping": {
    valid: ["1119条", "12345条", "1453件，12000件", "电话0825—2311357", "12,345条和67,890条", "1,2项"],
    invalid: [
      { text: "公开1,119条", errors: [{ index: 2, text: "1,119" }] },
      { text: "12,345条和67,890条，另有45678条", errors: [{ text: "45678" }] },
    ],
  },
  "arabic-count": {
    valid: [
      "收到申请3件",
      "三四件",
      "收到三四件",
      "属于三类内部事务信息",
      "第一条",
      "一是加强重点信息公开",
      "（三）不予公开",
      "危及“三安全一稳定”",
      "公开一条龙服务",
    ],
    invalid: [
      { text: "收到申请，共三件", errors: [{ index: 6, text: "三件" }] },
      { text: "行政复议结果维持两件", errors: [{ text: "两件" }] },
      { text: "主动公开十二条", errors: [{ text: "十二条" }] },
    ],
  },
  "decrease-multiple": {
    valid: ["下降80%", "增长2倍", "增加1倍"],
    invalid: [
      { text: "申请数量降低2倍", errors: [{ index: 4, text: "降低2倍" }] },
      { text: "减少了三倍", errors: [{ text: "减少了三倍" }] },
    ],
  },
  "leading-zero": {
    valid: ["0.46%", "1.属于国家秘密", "v1.5"],
    invalid: [{ text: "占.46%", errors: [{ index: 1, text: ".46" }] }],
  },
  "half-width-digits": {
    valid: ["收到申请12件"],
    invalid: [{ text: "收到申请１２件", errors: [{ index: 4, text: "１２" }] }],
  },
};

describe("narrative / checkNumberWriting", () => {
  it("has cases for every rule", () => {
    assert.deepEqual(Object.keys(CASES).sort(), NUMBER_RULES.map((r) => r.id).sort());
  });

  for (const [rule, c] of Object.entries(CASES)) {
    describe(rule, () => {
      for (const text of c.valid) {
        it(`valid: ${text}`, () => {
          assert.deepEqual(checkNumberWriting(text, { rules: [rule] }), []);
        });
      }
      for (const inv of c.invalid) {
        it(`invalid: ${inv.text}`, () => {
          const got = checkNumberWriting(inv.text, { rules: [rule] });
          assert.equal(got.length, inv.errors.length, JSON.stringify(got));
          inv.errors.forEach((e, i) => {
            assert.equal(got[i]!.rule, rule);
            if (e.index !== undefined) assert.equal(got[i]!.index, e.index);
            if (e.text !== undefined) assert.equal(got[i]!.text, e.text);
            // The reported text is at the reported index.
            assert.equal(inv.text.slice(got[i]!.index, got[i]!.index + got[i]!.text.length), got[i]!.text);
          });
        });
      }
    });
  }

  it("rejects an unknown rule id and lists the known ones", () => {
    assert.throws(() => checkNumberWriting("x", { rules: ["no-such-rule"] }), /known: no-space-cjk-digit/);
  });

  it("finds the seed report's own slips", () => {
    const seed =
      "其中，包括政府文件72条，占6%；计划总结信息2条，占0%；规范性文件信息4条，占0%；工作动态信息514条，占46%。";
    const rules = checkNumberWriting(seed).map((f) => f.rule);
    assert.deepEqual(rules, ["zero-share", "zero-share"]);
  });
});
