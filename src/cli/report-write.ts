/**
 * Where `generate` puts the report: into the user's own package (every other part kept byte for byte), or, when
 * the package holds parts that cannot be carried, refused for --in-place and, for -o, a new workbook with the
 * counts sheet copied as values and a note on its source. Outputs are written atomically and, without --force,
 * exclusively.
 */
import { promises as fs } from "node:fs";
import * as path from "node:path";
import type ExcelJS from "exceljs";
import { excelJs } from "./exceljs";
import { isCellError, type SheetGrid, type WorkbookGrid } from "../core/grid";
import type { Report } from "../core/model/report";
import type { WorkbookPlan } from "../core/render/plan";
import { InputChangedError, OutputExistsError, writeOutput } from "./files";
import { writeIntoPackage, type Uncarried } from "./package-write";
import { applyPlan } from "./xlsx-write";

export type ReportWrite =
  { ok: true; uncarried: Uncarried[] } | { ok: false; file: string; reason: { zh: string; en: string } };

export interface ReportWriteInput {
  file: string;
  /** The input's bytes as read (the package the report goes into). */
  bytes: Uint8Array;
  out: string;
  inPlace: boolean;
  force: boolean;
  plan: WorkbookPlan;
  grid: WorkbookGrid;
  report: Report;
}

function refused(file: string, zh: string, en: string): ReportWrite {
  return { ok: false, file, reason: { zh, en } };
}

export async function writeReport(input: ReportWriteInput): Promise<ReportWrite> {
  const { file, out, inPlace, plan } = input;
  const before = inPlace ? await fs.stat(file) : undefined;
  const scratch = new (excelJs().Workbook)();
  applyPlan(scratch, plan);
  const scratchBytes = new Uint8Array((await scratch.xlsx.writeBuffer()) as ArrayBuffer);
  const pkg = await writeIntoPackage(
    input.bytes,
    scratchBytes,
    plan.sheets.map((s) => s.name),
  );
  const ext = path.extname(out).toLowerCase();
  let bytes: Uint8Array;
  let uncarried: Uncarried[] = [];
  if (pkg.ok) {
    if (pkg.macroEnabled && ext !== ".xlsm") {
      return refused(
        out,
        "原工作簿含宏（.xlsm），输出文件须以 .xlsm 结尾才能保留宏（Excel 不打开含宏的 .xlsx）；未写入任何内容",
        "the workbook holds macros (.xlsm): the output must end in .xlsm to keep them (Excel will not open an .xlsx with macros); nothing was written",
      );
    }
    if (!pkg.macroEnabled && ext === ".xlsm") {
      return refused(
        out,
        "原工作簿不含宏，输出文件应以 .xlsx 结尾（Excel 不打开扩展名与内容不符的文件）；未写入任何内容",
        "the workbook holds no macros: the output must end in .xlsx (Excel will not open a file whose extension does not match); nothing was written",
      );
    }
    bytes = pkg.bytes;
  } else {
    const list = pkg.uncarried.map((u) => `${u.part}（${u.why.zh}）`).join("；");
    const listEn = pkg.uncarried.map((u) => `${u.part} (${u.why.en})`).join("; ");
    if (inPlace) {
      return refused(
        file,
        `加入报告工作表后，以下部分无法原样保留：${list}。为免丢失，未修改原文件；请改用 -o 另存为新文件`,
        `with the report sheets added, these parts could not be kept as they are: ${listEn}. The file was not changed, so that nothing is lost; use -o to write a new file instead`,
      );
    }
    if (ext !== ".xlsx") {
      return refused(
        out,
        `报告将写入一个新工作簿（原工作簿的部分内容无法原样保留：${list}），输出文件应以 .xlsx 结尾；未写入任何内容`,
        `the report goes into a new workbook (parts of the workbook cannot be kept: ${listEn}); the output must end in .xlsx; nothing was written`,
      );
    }
    uncarried = pkg.uncarried;
    bytes = await standaloneWorkbook(input);
  }
  try {
    await writeOutput(
      out,
      bytes,
      before
        ? { exclusive: false, unchanged: { size: before.size, mtimeMs: before.mtimeMs, mode: before.mode } }
        : { exclusive: !input.force },
    );
  } catch (e) {
    if (e instanceof OutputExistsError) {
      return refused(
        out,
        "输出文件在写入期间已被其他程序创建，未覆盖（如要覆盖请加 --force）；本次未写入任何内容",
        "the output file was created by another program while we were writing; it was not overwritten (add --force to overwrite); nothing was written",
      );
    }
    if (e instanceof InputChangedError) {
      return refused(
        file,
        "原文件在生成期间被修改（可能正在 Excel/WPS 中保存），未覆盖；请关闭该文件后重试",
        "the file changed while the report was being generated (perhaps saved in Excel/WPS); it was not overwritten; close it and try again",
      );
    }
    const code = (e as NodeJS.ErrnoException).code ?? String(e);
    return refused(
      out,
      `无法写入文件（${code}），未写入任何内容`,
      `cannot write the file (${code}); nothing was written`,
    );
  }
  return { ok: true, uncarried };
}

/** A new workbook: the counts sheet as values (with a note naming its source), then the report sheets. */
async function standaloneWorkbook(input: ReportWriteInput): Promise<Uint8Array> {
  const wb = new (excelJs().Workbook)();
  const counts = input.grid.sheets.find((s) => s.name === input.report.sheet);
  const ws = wb.addWorksheet(input.report.sheet);
  if (counts) copyValues(ws, counts);
  const noteRow = (counts ? counts.top + counts.values.length : 0) + 2;
  const noteCol = (counts?.left ?? 0) + 1;
  const rel = path
    .relative(path.dirname(path.resolve(input.out)), path.resolve(input.file))
    .split(path.sep)
    .join("/");
  ws.getCell(noteRow, noteCol).value = {
    text: `本表是“${path.basename(input.file)}”中工作表“${input.report.sheet}”的数值副本（公式未复制），供报告表格引用；原文件未改动。This sheet is a copy (values only) of ${input.report.sheet} in ${path.basename(input.file)}, which is untouched.`,
    hyperlink: encodeURI(rel),
  };
  applyPlan(wb, input.plan);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

function copyValues(ws: ExcelJS.Worksheet, s: SheetGrid): void {
  s.values.forEach((line, r) =>
    line.forEach((v, c) => {
      if (v === null || v === undefined) return;
      ws.getCell(s.top + r + 1, s.left + c + 1).value = isCellError(v)
        ? ({ error: v.error } as ExcelJS.CellErrorValue)
        : v;
    }),
  );
  for (const m of s.merges ?? []) {
    try {
      ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
    } catch {
      /* overlapping merges from a damaged file: the values are what matters */
    }
  }
}
