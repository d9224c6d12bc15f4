/**
 * Builds examples/example-2021.xlsx: a 2021-format counts sheet with INVENTED figures (the sheet says so)
 * and exactly one planted error: 行政复议 总计 is 6 where 结果维持 3 + 结果纠正 1 + 其他结果 0 + 尚未审结 1 = 5.
 * Every other relation of the national format holds. Also (re)builds the committed real 2018 example,
 * examples/suining-2018.xlsx and suining-2018-report.xlsx, with the demo's own code (`npm run demo` writes the
 * same files to demo-output/). Run: npx tsx scripts/make-examples.ts [OUT_DIR]
 */
import * as path from "node:path";
import ExcelJS from "exceljs";
import { emptyReport, fillTable, num } from "../src/core/model/build";
import { cellKey, FORMAT_2021 } from "../src/core/model/format";
import type { Breakdown, Num, Report } from "../src/core/model/report";
import { templateCells, templateForReport } from "../src/core/render";
import type { SheetPlan } from "../src/core/render/plan";
import { writeAtomic } from "../src/cli/files";
import { applyPlan } from "../src/cli/xlsx";
import { writeDemo } from "../src/cli/main";

export const EXAMPLE_NOTE = "示例数据，均为虚构（不是任何单位的真实报告；表中故意留有一处错误，见 examples/README.md）";
export const PLANTED = { table: "s4", key: cellKey("count", "review.total"), written: 6, correct: 5 };

const APPLICANTS = ["natural", "commercial", "research", "publicInterest", "legal", "otherOrg"] as const;

/** Outcome rows of section 三 by applicant column (invented); the totals are computed below. */
const OUTCOMES: Record<string, number[]> = {
  open: [52, 6, 1, 0, 2, 1],
  partial: [9, 1, 0, 0, 0, 0],
  "withheld.secret": [0, 0, 0, 0, 0, 0],
  "withheld.law": [1, 0, 0, 0, 0, 0],
  "withheld.safety": [0, 0, 0, 0, 0, 0],
  "withheld.thirdParty": [2, 0, 0, 0, 0, 0],
  "withheld.internal": [1, 0, 0, 0, 0, 0],
  "withheld.process": [3, 1, 0, 0, 0, 0],
  "withheld.enforcement": [1, 0, 0, 0, 0, 0],
  "withheld.query": [2, 0, 0, 0, 0, 0],
  "unavailable.notHeld": [18, 2, 0, 0, 1, 0],
  "unavailable.needsCreation": [4, 0, 0, 0, 0, 0],
  "unavailable.unclear": [2, 0, 0, 0, 0, 0],
  "notProcessed.petition": [5, 0, 0, 0, 0, 0],
  "notProcessed.repeat": [3, 0, 0, 0, 0, 0],
  "notProcessed.publication": [1, 0, 0, 0, 0, 0],
  "notProcessed.massive": [0, 0, 0, 0, 0, 0],
  "notProcessed.confirm": [1, 0, 0, 0, 0, 0],
  "other.noCorrection": [2, 0, 0, 0, 0, 0],
  "other.noFee": [0, 0, 0, 0, 0, 0],
  "other.other": [1, 0, 0, 0, 0, 0],
};
const CARRIED = [4, 1, 0, 0, 0, 0];
const CARRY_NEXT = [6, 0, 0, 0, 0, 0];

function section3(): Record<string, Record<string, number>> {
  const rows: Record<string, number[]> = { ...OUTCOMES };
  const handled = APPLICANTS.map((_, i) => Object.values(OUTCOMES).reduce((s, r) => s + r[i]!, 0));
  rows.handled = handled;
  rows.carried = CARRIED;
  rows.carryNext = CARRY_NEXT;
  // 一 + 二 = （七）总计 + 四 in every column.
  rows.new = handled.map((h, i) => h + CARRY_NEXT[i]! - CARRIED[i]!);
  const out: Record<string, Record<string, number>> = {};
  for (const [key, parts] of Object.entries(rows)) {
    const row: Record<string, number> = {};
    APPLICANTS.forEach((c, i) => (row[c] = parts[i]!));
    row.total = parts.reduce((s, v) => s + v, 0);
    out[key] = row;
  }
  return out;
}

function section4(): Record<string, number> {
  const groups: Record<string, [number, number, number, number]> = {
    review: [3, 1, 0, 1],
    suitDirect: [1, 0, 0, 1],
    suitAfterReview: [1, 0, 0, 0],
  };
  const out: Record<string, number> = {};
  for (const [g, [upheld, corrected, other, pending]] of Object.entries(groups)) {
    Object.assign(out, {
      [`${g}.upheld`]: upheld,
      [`${g}.corrected`]: corrected,
      [`${g}.other`]: other,
      [`${g}.pending`]: pending,
      [`${g}.total`]: upheld + corrected + other + pending,
    });
  }
  return out;
}

/** Invented proactive figures by category: [this year, last year]. */
const CATEGORIES: [string, number, number][] = [
  ["政府文件", 46, 41],
  ["计划总结信息", 12, 10],
  ["规范性文件信息", 6, 5],
  ["工作动态信息", 388, 352],
  ["人事信息", 21, 25],
  ["财政信息", 37, 33],
  ["行政执法信息", 95, 88],
  ["其他信息", 64, 59],
];
const KEY_AREAS: [string, number, number][] = [
  ["行政权力信息", 58, 51],
  ["财政资金信息", 37, 33],
  ["公共资源配置信息", 24, 20],
  ["食品药品安全信息", 19, 22],
  ["重大项目信息", 15, 12],
  ["环境保护信息", 28, 26],
  ["国有企业信息", 0, 0],
  ["公共服务信息", 42, 39],
];

function breakdown(name: string, rows: [string, number, number][]): Breakdown {
  return {
    name,
    total: num(rows.reduce((s, r) => s + r[1], 0)),
    priorTotal: num(rows.reduce((s, r) => s + r[2], 0)),
    categories: rows.map(([n, count, prior]) => ({ name: n, count: num(count), prior: num(prior) })),
    partition: true,
    children: [],
  };
}

/** The invented 2021 report, with the planted error applied. */
export function exampleReport(): Report {
  const r = emptyReport("2021");
  r.meta = {
    body: { text: "示例县示例局（虚构）" },
    year: { value: 2021, from: "metadata" },
    scope: { value: "本机关" },
    fee: num(0),
  };
  r.proactive = breakdown("主动公开政府信息", CATEGORIES);
  r.proactive.children = [breakdown("重点领域", KEY_AREAS)];
  const [item1, item5, item6, item8] = FORMAT_2021.section2;
  r.section2["s2.item1"] = fillTable(item1!, {
    rules: { issued: 0, repealed: 0, inForce: 0 },
    normativeDocs: { issued: 6, repealed: 2, inForce: 41 },
  });
  r.section2["s2.item1"].prior = {
    [cellKey("rules", "inForce")]: num(0),
    [cellKey("normativeDocs", "inForce")]: num(37),
  };
  r.section2["s2.item5"] = fillTable(item5!, { licensing: { decisions: 1268 } });
  r.section2["s2.item6"] = fillTable(item6!, { penalty: { decisions: 342 }, enforcement: { decisions: 17 } });
  r.section2["s2.item8"] = fillTable(item8!, { fees: { amount: 12.56 } });
  const s3 = section3();
  r.section3 = fillTable(FORMAT_2021.section3, s3);
  // Last year's report said the same carry-over (the cross-year check passes).
  r.section3.prior = Object.fromEntries(
    FORMAT_2021.section3.cols.map((c): [string, Num] => [cellKey("carried", c.key), num(s3.carried![c.key]!)]),
  );
  const s4 = section4();
  s4["review.total"] = PLANTED.written;
  r.section4 = fillTable(FORMAT_2021.section4, { count: s4 });
  return r;
}

/** The sheet plan, with the visible note that the data are invented (on the empty row under the title). */
export function examplePlan(): SheetPlan {
  const report = exampleReport();
  const { plan } = templateForReport(report);
  // Last year's count per category (上年条数) by the template's own cell map.
  const cells = templateCells(plan);
  const blocks = [
    [report.proactive!, cells.proactive],
    [report.proactive!.children[0]!, cells.keyAreas],
  ] as const;
  for (const [bd, bc] of blocks) {
    bd.categories.forEach((c, i) => {
      const at = bc.categories[i]!.prior;
      const cell = plan.cells.find((x) => x.row === at.row && x.col === at.col);
      if (cell) cell.value = c.prior?.value ?? null;
      else plan.cells.push({ row: at.row, col: at.col, value: c.prior?.value ?? null });
    });
  }
  const noteRow = 2;
  if (plan.cells.some((c) => c.row === noteRow && c.value != null && c.value !== "")) {
    throw new Error("template row 3 is not empty; place the note elsewhere");
  }
  const right = Math.max(...plan.cells.map((c) => c.col));
  plan.styles.exampleNote = { font: { name: "宋体", size: 11, bold: true, color: "#C00000" }, horizontal: "left" };
  plan.cells.push({ row: noteRow, col: 0, value: EXAMPLE_NOTE, style: "exampleNote" });
  plan.merges.push({ top: noteRow, left: 0, bottom: noteRow, right });
  return plan;
}

export async function writeExample(dir: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "disclosure-report scripts/make-examples.ts";
  applyPlan(wb, examplePlan());
  const out = path.join(dir, "example-2021.xlsx");
  await writeAtomic(out, new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
  return out;
}

if (require.main === module) {
  const dir = process.argv[2] ?? path.resolve(__dirname, "..", "examples");
  Promise.all([writeExample(dir), writeDemo(dir)]).then(
    ([out, demo]) => process.stdout.write(`written ${[out, demo.input, demo.generated ?? ""].join("\n")}\n`),
    (e: unknown) => {
      process.stderr.write(`${String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
