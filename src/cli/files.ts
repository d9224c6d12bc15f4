/** File-system helpers of the CLI: which files to check, and writing a file atomically. */
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { randomBytes } from "node:crypto";

export type Input = { file: string } | { file: string; error: { code: string; message: { zh: string; en: string } } };

/** Expands directories into their .xlsx files (sorted, without Excel's "~$" lock files). */
export async function expandInputs(args: string[]): Promise<Input[]> {
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
    const names = (await fs.readdir(arg, { withFileTypes: true }))
      .filter((d) => d.isFile() && /\.xlsx$/i.test(d.name) && !d.name.startsWith("~$"))
      .map((d) => d.name)
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    if (names.length === 0) {
      out.push({
        file: arg,
        error: {
          code: "no-xlsx-in-directory",
          message: { zh: "文件夹中没有 .xlsx 文件", en: "the directory holds no .xlsx file" },
        },
      });
      continue;
    }
    for (const n of names) out.push({ file: path.join(arg, n) });
  }
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
