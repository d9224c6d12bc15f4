import { strict as assert } from "node:assert";
import type { WorkbookGrid } from "../grid";
import { planRegeneration, regenerationProblem } from "./regenerate";
import { renderReport } from "./report";
import { RECORD_SHEET } from "./settings";
import { planToGrid } from "./template";
import { report2021 } from "./samples.testutil";

const opts = { dataSheet: "公开数据", textSheet: "报告正文" };
const counts = { name: "公开数据", top: 0, left: 0, values: [["x"]] };

describe("the regeneration policy", () => {
  it("writes a first report without asking", () => {
    const d = planRegeneration(renderReport(report2021()), { sheets: [counts] }, opts);
    assert.deepEqual(d, { action: "write", replaced: [], kept: { keptInPlace: [], keptAsIs: [], keptBelow: [] } });
  });

  it("asks before replacing a sheet of the user's own under a report name (any case); --force / 替换 answers", () => {
    const mine = { name: "报告表格", top: 0, left: 0, values: [["我的"]] };
    const d = planRegeneration(renderReport(report2021()), { sheets: [counts, { ...mine, name: "报告表格" }] }, opts);
    assert.deepEqual(d, { action: "ask", sheets: ["报告表格"] });
    assert.equal(regenerationProblem(d as never).zh, "工作簿中已有工作表“报告表格”，且不是本工具生成的");
    const yes = planRegeneration(
      renderReport(report2021()),
      { sheets: [counts, mine] },
      { ...opts, replaceUsersSheets: true },
    );
    assert.equal(yes.action, "write");
  });

  it("rewrites its own report sheets (a generation record is there) without asking", () => {
    const plan = renderReport(report2021());
    const current: WorkbookGrid = { sheets: [counts, ...plan.sheets.map(planToGrid)] };
    assert.ok(current.sheets.some((s) => s.name === RECORD_SHEET));
    const d = planRegeneration(renderReport(report2021()), current, opts);
    assert.equal(d.action, "write");
    assert.deepEqual(
      (d as { replaced: string[] }).replaced,
      plan.sheets.map((s) => s.name),
    );
  });

  it("refuses to write over the counts sheet, even when told to replace, and over a protected report sheet", () => {
    const plan = renderReport(report2021());
    const data = planRegeneration(
      plan,
      { sheets: [{ ...counts, name: "报告正文" }] },
      {
        ...opts,
        dataSheet: "报告正文",
        replaceUsersSheets: true,
      },
    );
    assert.deepEqual(data, { action: "refuse", reason: "data-sheet", sheets: ["报告正文"] });
    assert.match(regenerationProblem(data as never).zh, /即数据所在的工作表/);
    const current: WorkbookGrid = { sheets: [counts, ...plan.sheets.map(planToGrid)] };
    const locked = planRegeneration(renderReport(report2021()), current, { ...opts, protectedSheets: ["报告表格"] });
    assert.deepEqual(locked, { action: "refuse", reason: "protected", sheets: ["报告表格"] });
    assert.match(regenerationProblem(locked as never).en, /protected/);
  });
});
