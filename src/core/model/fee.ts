/**
 * The 信息处理费 sentence of section 六, as reports write it: an amount ("收取信息处理费120元", "信息处理费共计0.12万元",
 * "信息处理费收费金额为120元") or that none was charged ("未收取信息处理费", "无收取信息处理费情况", "未发生收费",
 * "未向申请人收取任何费用", "收费金额为0"). One reading for the reader (the fee figure, fee-missing) and for the text
 * checks (text-fee): `text` is the matched words, `start`/`end` their place in the text given.
 */
export interface FeeSaid {
  value: number;
  text: string;
  start: number;
  end: number;
}

const AMOUNTS: RegExp[] = [
  /信息处理费(?:共计|合计|总计|共|为)?([0-9]+(?:\.[0-9]+)?)(万)?元/,
  /信息处理费[^。;；]{0,12}?(?:金额|总额|共计|合计)(?:为|是)?([0-9]+(?:\.[0-9]+)?)(万)?元/,
];

/** Ways of saying that no fee was charged; the last four need not name 信息处理费. */
const NONE: RegExp[] = [
  /(?:未|没有|无|不)(?:发生)?(?:收取|收缴|产生|涉及)[^。;；,，]{0,12}?信息处理费/,
  /信息处理费[^。;；,，]{0,6}?(?:为零|为0|零元)(?![0-9.])/,
  /(?:未|没有|无)发生[^。;；,，]{0,10}?收费/,
  /未向[^。;；,，]{0,20}?收取[^。;；,，]{0,12}?费/,
  /(?:未|没有|无|不)(?:收取|收缴)[^。;；,，]{0,8}?费用/,
  /(事业性)?收费(?:金额|总额)(?:为|是)?(?:0|零)元?(?![0-9.])/,
];

export function feeSaid(text: string): FeeSaid | undefined {
  if (!/费/.test(text)) return undefined;
  for (const re of AMOUNTS) {
    const m = re.exec(text);
    if (m) return { value: Number(m[1]) * (m[2] ? 10_000 : 1), text: m[0], start: m.index, end: m.index + m[0].length };
  }
  for (const re of NONE) {
    const z = re.exec(text);
    // 行政事业性收费 is section 二's own figure (万元), not the information processing fee.
    if (z && !z[1]) return { value: 0, text: z[0], start: z.index, end: z.index + z[0].length };
  }
  return undefined;
}
