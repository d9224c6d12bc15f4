/** File-system helpers of the CLI: which files to check, and writing a file atomically. */
import { constants as fsConstants, promises as fs } from "node:fs";
import * as path from "node:path";
import { randomBytes } from "node:crypto";
import { REPORT_NAME } from "./read-any";
import type { ReadFailure } from "../core/read";

export type Input =
  { file: string } | { file: string; error: ReadFailure } | { file: string; skipped: { zh: string; en: string } };

/** Reports the reader opens: workbooks, Word files, saved pages, PDFs (.doc is listed to say how to convert it). */
const XLSX_NAME = REPORT_NAME;
/**
 * Other spreadsheet (and WPS) files: listed too, so that the reader says why it cannot read them and how to convert
 * them, instead of the folder check skipping them silently.
 */
const OTHER_SHEET_NAME = /\.(xls|xlsb|xlt|xltx|xltm|ods|fods|ots|csv|tsv|et|ett|wps|numbers)$/i;

/**
 * Expands directories into their spreadsheet files, sorted: .xlsx to check, other spreadsheet formats to report as
 * unreadable (with the reason), Office's "~$" lock files skipped with a note.
 */
export async function expandInputs(args: string[], recursive = false): Promise<Input[]> {
  const out: Input[] = [];
  for (const arg of args) {
    let isDir = false;
    try {
      isDir = (await fs.stat(arg)).isDirectory();
    } catch {
      /* missing files are reported by the reader, with the reason */
    }
    if (!isDir) {
      out.push({ file: arg });
      continue;
    }
    const names = (await listFiles(arg, recursive))
      .filter((n) => XLSX_NAME.test(n) || OTHER_SHEET_NAME.test(n))
      .sort(naturalOrder);
    const locks = names.filter((n) => path.basename(n).startsWith("~$"));
    const sheets = names.filter((n) => !path.basename(n).startsWith("~$"));
    if (sheets.length === 0) {
      out.push({
        file: arg,
        error: {
          code: "no-xlsx-in-directory",
          message: {
            zh: "文件夹中没有年报文件（.xlsx、.docx、.html、.pdf）",
            en: "the directory holds no report file (.xlsx, .docx, .html, .pdf)",
          },
        },
      });
    }
    // Every spreadsheet goes to the reader: it tells an .xls, .ods, .csv or WPS file by its content, with advice.
    for (const n of sheets) out.push({ file: path.join(arg, n) });
    for (const n of locks) {
      out.push({
        file: path.join(arg, n),
        skipped: {
          zh: "已跳过：这是 Office/WPS 打开文件时生成的临时锁定文件（~$），不是数据表",
          en: "skipped: a temporary lock file (~$) that Office/WPS creates while a file is open, not a counts sheet",
        },
      });
    }
  }
  return out;
}

/** File names under `dir`, relative to it ("a.xlsx", "sub/b.pdf" when recursive). Hidden folders are skipped. */
async function listFiles(dir: string, recursive: boolean): Promise<string[]> {
  const out: string[] = [];
  const walk = async (rel: string): Promise<void> => {
    for (const d of await fs.readdir(path.join(dir, rel), { withFileTypes: true })) {
      const name = rel ? path.join(rel, d.name) : d.name;
      if (d.isFile()) out.push(name);
      else if (recursive && d.isDirectory() && !d.name.startsWith(".")) await walk(name);
    }
  };
  await walk("");
  return out;
}

export async function exists(p: string): Promise<boolean> {
  try {
    await fs.access(p);
    return true;
  } catch {
    return false;
  }
}

/** Another program created OUT while we were writing it: it is left as it is. */
export class OutputExistsError extends Error {
  constructor(readonly file: string) {
    super(`${file} already exists`);
  }
}

/** The input changed on disk while we read and generated: it is not replaced. */
export class InputChangedError extends Error {
  constructor(readonly file: string) {
    super(`${file} changed while generating`);
  }
}

/**
 * Writes OUT atomically: a temporary file in the same directory, then
 * - exclusive (no --force): linked to OUT, which fails when OUT exists, even when it appeared a moment ago (so two
 *   runs racing to one new file cannot both succeed); where the file system has no hard links, copied with
 *   COPYFILE_EXCL (still exclusive);
 * - otherwise renamed over OUT; with `unchanged` (--in-place), only if FILE still has the size and time it had when
 *   it was read, and with its permissions.
 */
export async function writeOutput(
  target: string,
  data: Uint8Array,
  opts: { exclusive: boolean; unchanged?: { size: number; mtimeMs: number; mode: number } },
): Promise<void> {
  const dir = path.dirname(path.resolve(target));
  const tmp = path.join(dir, `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  try {
    await fs.writeFile(tmp, data, { flag: "wx" });
    if (opts.exclusive) {
      try {
        await fs.link(tmp, target);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === "EEXIST") throw new OutputExistsError(target);
        if (code !== "EPERM" && code !== "ENOTSUP" && code !== "EOPNOTSUPP" && code !== "ENOSYS" && code !== "EXDEV")
          throw e;
        try {
          await fs.copyFile(tmp, target, fsConstants.COPYFILE_EXCL);
        } catch (e2) {
          if ((e2 as NodeJS.ErrnoException).code === "EEXIST") throw new OutputExistsError(target);
          throw e2;
        }
      }
      return;
    }
    if (opts.unchanged) {
      await fs.chmod(tmp, opts.unchanged.mode & 0o7777).catch(() => undefined);
      const now = await fs.stat(target);
      if (now.size !== opts.unchanged.size || now.mtimeMs !== opts.unchanged.mtimeMs)
        throw new InputChangedError(target);
    }
    await fs.rename(tmp, target);
  } finally {
    await fs.rm(tmp, { force: true });
  }
}

/** Writes to a temporary file in the same directory, then renames it over the target. */
export async function writeAtomic(target: string, data: Uint8Array): Promise<void> {
  const dir = path.dirname(path.resolve(target));
  const tmp = path.join(dir, `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  try {
    await fs.writeFile(tmp, data, { flag: "wx" });
    await fs.rename(tmp, target);
  } catch (e) {
    await fs.rm(tmp, { force: true });
    throw e;
  }
}

/**
 * File names in the order a person lists them: runs of digits by their value (第2局 before 第10局, unit-9 before
 * unit-10), everything else by code point, so the order is the same on every machine (no locale collation).
 */
export function naturalOrder(a: string, b: string): number {
  const pa = a.match(/\d+|\D+/g) ?? [];
  const pb = b.match(/\d+|\D+/g) ?? [];
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const x = pa[i]!;
    const y = pb[i]!;
    if (x === y) continue;
    const dx = /^\d/.test(x);
    const dy = /^\d/.test(y);
    if (dx && dy) {
      // By value (without leading zeros, the longer run is larger), then fewer leading zeros first.
      const tx = x.replace(/^0+/, "");
      const ty = y.replace(/^0+/, "");
      if (tx.length !== ty.length) return tx.length - ty.length;
      if (tx !== ty) return tx < ty ? -1 : 1;
      return x.length - y.length;
    }
    return x < y ? -1 : 1;
  }
  return pa.length - pb.length || (a < b ? -1 : a > b ? 1 : 0);
}
