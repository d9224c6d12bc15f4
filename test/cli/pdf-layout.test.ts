/**
 * The PDF reader's row building on lines made by hand (no file): the layouts the field PDFs do not all show.
 */
import { strict as assert } from "node:assert";
import { linesToSheet, type Line } from "../../src/cli/pdf-read";

const SIZE = 10;

/** One line: texts at x positions (each a segment of width 10 a character). */
function line(y: number, ...segs: [number, string][]): Line {
  return onPage(0, y, ...segs);
}

function onPage(page: number, y: number, ...segs: [number, string][]): Line {
  return {
    y,
    page,
    size: SIZE,
    segs: segs.map(([x, text]) => ({ text, x0: x, x1: x + SIZE * text.length, y, size: SIZE })),
  };
}

/** A row of a table whose label wraps onto two lines, the figures centred between them. */
function row(y: number, label: [string, string], figures: string[], group?: string): Line[] {
  const figs = figures.map((f, k): [number, string] => [200 + 40 * k, f]);
  return [
    line(y, ...(group ? ([[10, group]] as [number, string][]) : []), [60, label[0]]),
    line(y + 5, ...figs),
    line(y + 10, [60, label[1]]),
  ];
}

describe("PDF reader: rows rebuilt from text positions", () => {
  it("every label wrapped onto two lines (row pitch twice the line height): each row's label is its own", () => {
    const lines = [
      line(0, [60, "项目"], [200, "甲"], [240, "乙"]),
      ...row(20, ["1.属于国家", "秘密"], ["4", "0"]),
      ...row(42, ["2.其他法律行", "政法规禁止公开"], ["0", "1"]),
      ...row(64, ["3.危及三安全", "一稳定"], ["2", "2"]),
    ];
    const grid = linesToSheet(lines, "t");
    assert.deepEqual(
      grid.values.map((r) => r.filter((v) => v !== null)),
      [
        ["项目", "甲", "乙"],
        ["1.属于国家秘密", 4, 0],
        ["2.其他法律行政法规禁止公开", 0, 1],
        ["3.危及三安全一稳定", 2, 2],
      ],
    );
  });

  it("a group label set beside the middle of its items goes to its first item (as a merged cell's text)", () => {
    const lines = [
      line(0, [10, "项目"], [200, "甲"], [240, "乙"]),
      line(20, [10, "（四）无法提供"], [200, "3"], [240, "0"]),
      line(42, [60, "1.信访举报投诉类申请"], [200, "1"], [240, "0"]),
      line(64, [10, "（五）不予处理"], [60, "2.重复申请"], [200, "0"], [240, "1"]),
      line(86, [60, "3.要求提供公开出版物"], [200, "0"], [240, "0"]),
    ];
    const grid = linesToSheet(lines, "t");
    const at = (text: string): number => grid.values.findIndex((r) => r.includes(text));
    assert.equal(at("（五）不予处理"), at("1.信访举报投诉类申请"));
    assert.equal(at("（四）无法提供"), 1, "a label standing alone on its row stays there");
  });

  it("a label the page break cut in two is one label; the next page's numbered row is its own", () => {
    const lines = [
      line(0, [60, "项目"], [200, "甲"], [240, "乙"]),
      line(20, [60, "1.本机关不掌握相"], [200, "49"], [240, "1"]),
      onPage(1, 1000, [60, "关政府信息"]),
      onPage(1, 1022, [60, "2.没有现成信息"], [200, "3"], [240, "0"]),
      onPage(1, 1044, [60, "3.补正后申请内容仍不明确"], [200, "0"], [240, "0"]),
    ];
    assert.deepEqual(
      linesToSheet(lines, "t").values.map((r) => r.filter((v) => v !== null)),
      [
        ["项目", "甲", "乙"],
        ["1.本机关不掌握相关政府信息", 49, 1],
        ["2.没有现成信息", 3, 0],
        ["3.补正后申请内容仍不明确", 0, 0],
      ],
    );
  });
});
