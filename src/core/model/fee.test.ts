import { strict as assert } from "node:assert";
import { feeSaid } from "./fee";

describe("model/fee: the 信息处理费 sentence", () => {
  const cases: [text: string, value: number | undefined, said?: string][] = [
    // amounts
    ["收取信息处理费120元。", 120, "信息处理费120元"],
    ["本年度共收取信息处理费0.12万元。", 1200],
    ["信息处理费收费金额为120元。", 120],
    ["信息处理费共计35元。", 35],
    // none charged
    ["2023年，本机关未收取信息处理费。", 0, "未收取信息处理费"],
    ["2022年，无收取信息处理费情况。", 0],
    ["本年度未发生收费情况。", 0, "未发生收费"],
    ["本年度未发生信息处理费收费。", 0],
    ["本机关未向申请人收取任何费用。", 0, "未向申请人收取任何费"],
    ["信息处理费收费金额为0。", 0],
    ["收费金额为0元。", 0, "收费金额为0元"],
    ["本年度未收取任何费用。", 0],
    // not the fee sentence
    ["2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", undefined],
    ["行政事业性收费金额为0万元", undefined],
    ["本年收费金额（单位：万元）", undefined],
    ["四是做好减税降费信息公开。", undefined],
    ["主动公开行政事业性收费信息35条。", undefined],
    ["收费金额为0.5万元", undefined],
  ];
  for (const [text, value, said] of cases) {
    it(`${text} → ${value ?? "nothing"}`, () => {
      const got = feeSaid(text);
      assert.equal(got?.value, value);
      if (got) assert.equal(text.slice(got.start, got.end), got.text);
      if (said) assert.equal(got?.text, said);
    });
  }
});
