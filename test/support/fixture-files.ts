/** Every .xlsx fixture of the repository (test/fixtures and examples, recursively), sorted: the readers' corpus. */
import { promises as fs } from "node:fs";
import * as path from "node:path";

const ROOT = path.join(__dirname, "..", "..");

export async function xlsxFixtureFiles(): Promise<string[]> {
  const out: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    for (const d of await fs.readdir(dir, { withFileTypes: true })) {
      const p = path.join(dir, d.name);
      if (d.isDirectory()) await walk(p);
      else if (/\.xlsx$/i.test(d.name)) out.push(p);
    }
  };
  for (const d of ["test/fixtures", "examples"]) await walk(path.join(ROOT, d));
  return out.sort();
}
