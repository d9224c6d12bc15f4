/**
 * Nothing lost from the package: each workbook of the catalogue (test/hostile/packages.ts) through `generate -o`,
 * `--in-place` and a regeneration; every part of the input is in the output with its bytes, the few parts the
 * writer must change keep every element they had; or, for what cannot be carried, --in-place refuses and -o writes
 * a new workbook that names the parts. LibreOffice opens every output.
 */
import { strict as assert } from "node:assert";
import { execFile } from "node:child_process";
import { existsSync, promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import JSZip from "jszip";
import { readXlsx } from "../../src/cli/xlsx";
import { DEFAULT_REPORT_SETTINGS } from "../../src/core/render";
import { cli, sha256 } from "../cli/helpers";
import { findExecutable, skipOutsideCi } from "../support/tools";
import { SOFFICE_CANDIDATES } from "../support/libreoffice";
import { PACKAGE_CASES, type PackageCase } from "./packages";

/** Parts the writer changes (adding to them only); every other part must come back byte for byte. */
const CHANGED = new Set(["[Content_Types].xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml"]);

async function parts(file: string): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(await fs.readFile(file));
  const out = new Map<string, Buffer>();
  for (const f of Object.values(zip.files)) if (!f.dir) out.set(f.name, await f.async("nodebuffer"));
  return out;
}

/** Elements of a changed part that must all still be there, verbatim. */
function keptElements(name: string, xml: string): string[] {
  if (name === "[Content_Types].xml") return xml.match(/<(Override|Default)\b[^>]*\/>/g) ?? [];
  if (name.endsWith(".rels")) return xml.match(/<Relationship\b[^>]*\/>/g) ?? [];
  if (name === "xl/workbook.xml")
    return (xml.match(/<(?!calcPr)\w+\b[^>]*\/>|<definedName\b[^>]*>[^<]*<\/definedName>/g) ?? []).filter(
      (e) => !e.startsWith("<calcPr"),
    );
  return [];
}

/** Style lists: the input's entries are the first entries of the output's, in order. */
function styleLists(xml: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [tag, child] of [
    ["numFmts", "numFmt"],
    ["fonts", "font"],
    ["fills", "fill"],
    ["borders", "border"],
    ["cellStyleXfs", "xf"],
    ["cellXfs", "xf"],
    ["dxfs", "dxf"],
  ] as const) {
    const block = new RegExp(`<${tag}\\b[^>]*>([\\s\\S]*?)</${tag}>`).exec(xml)?.[1] ?? "";
    out[tag] = block.match(new RegExp(`<${child}\\b[^>]*?(?:/>|>[\\s\\S]*?</${child}>)`, "g")) ?? [];
  }
  return out;
}

export const PARTS_LOST = { parts: 0, cases: 0 };

/**
 * The package as Excel demands it: every part has a content type (an Override naming it, or a Default for its
 * extension), and every internal relationship points at a part that is there. LibreOffice and ExcelJS forgive
 * both; Excel says the file is damaged ("We found a problem with some content").
 */
function packageFaults(files: Map<string, Buffer>): string[] {
  const faults: string[] = [];
  const ct = files.get("[Content_Types].xml")?.toString("utf8") ?? "";
  const overrides = new Set([...ct.matchAll(/<Override\b[^>]*PartName="([^"]+)"/g)].map((m) => decodeURI(m[1]!)));
  const defaults = new Set([...ct.matchAll(/<Default\b[^>]*Extension="([^"]+)"/g)].map((m) => m[1]!.toLowerCase()));
  for (const name of files.keys()) {
    if (name === "[Content_Types].xml") continue;
    const ext = name.slice(name.lastIndexOf(".") + 1).toLowerCase();
    if (!overrides.has(`/${name}`) && !defaults.has(ext)) faults.push(`${name}: no content type`);
  }
  for (const [name, bytes] of files) {
    if (!name.endsWith(".rels")) continue;
    // xl/_rels/workbook.xml.rels belongs to xl/workbook.xml: targets are relative to xl/; _rels/.rels to the root.
    const base = name.replace(/_rels\/[^/]*\.rels$/, "").replace(/\/$/, "");
    for (const m of bytes.toString("utf8").matchAll(/<Relationship\b([^>]*)\/>/g)) {
      if (/TargetMode="External"/.test(m[1]!)) continue;
      const target = decodeURI(/Target="([^"]*)"/.exec(m[1]!)?.[1] ?? "");
      const parts = (target.startsWith("/") ? target.slice(1) : base ? `${base}/${target}` : target).split("/");
      const resolved: string[] = [];
      for (const x of parts) {
        if (x === "..") resolved.pop();
        else if (x !== "." && x !== "") resolved.push(x);
      }
      if (!files.has(resolved.join("/"))) faults.push(`${name}: target ${target} is not in the package`);
    }
  }
  return faults;
}

/** Every part of `before` is in `after`: the same bytes, or (for the parts the writer changes) every element kept. */
async function assertNothingLost(before: string, after: string, label: string): Promise<void> {
  const a = await parts(before);
  const b = await parts(after);
  const lost: string[] = [];
  for (const [name, bytes] of a) {
    const got = b.get(name);
    if (!got) {
      lost.push(`${name} (missing)`);
      continue;
    }
    if (got.equals(bytes)) continue;
    if (!CHANGED.has(name)) {
      lost.push(`${name} (bytes changed)`);
      continue;
    }
    const was = bytes.toString("utf8");
    const now = got.toString("utf8");
    for (const e of keptElements(name, was)) if (!now.includes(e)) lost.push(`${name}: ${e}`);
    if (name === "xl/styles.xml") {
      const sa = styleLists(was);
      const sb = styleLists(now);
      for (const k of Object.keys(sa))
        if (sa[k]!.some((e, i) => sb[k]![i] !== e)) lost.push(`${name}: <${k}> entries renumbered`);
    }
  }
  PARTS_LOST.parts += lost.length;
  assert.deepEqual(lost, [], `${label}: parts lost or changed`);
  assert.deepEqual(packageFaults(b), [], `${label}: the output package is not as Excel demands`);
}

function soffice(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const bin = findExecutable(SOFFICE_CANDIDATES);
    if (!bin) return reject(new Error("LibreOffice not found"));
    execFile(bin, args, { timeout: 300_000 }, (err, _o, stderr) =>
      err ? reject(new Error(`${err.message}\n${stderr}`)) : resolve(),
    );
  });
}

describe("hostile inputs: the workbook's parts survive generate", function () {
  this.timeout(600_000);
  let dir: string;
  const outputs: { file: string; label: string }[] = [];
  before(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "dr-packages-"));
  });
  after(async () => {
    console.log(
      `      package catalogue: ${PACKAGE_CASES.length} workbooks, ${outputs.length} outputs; parts lost ${PARTS_LOST.parts}`,
    );
    await fs.rm(dir, { recursive: true, force: true });
  });

  async function input(c: PackageCase): Promise<string> {
    const file = path.join(dir, `${c.id}${c.ext}`);
    await c.build(file);
    const p = await parts(file);
    for (const m of c.marks) assert.ok(p.has(m), `${c.id}: the builder put ${m} into the input`);
    return file;
  }

  for (const c of PACKAGE_CASES) {
    describe(`${c.id}: ${c.description}`, () => {
      if (c.expect === "carried") {
        it("generate -o keeps every part; the report reads back; regeneration --in-place keeps them again", async () => {
          const file = await input(c);
          const hash = await sha256(file);
          const out = path.join(dir, `${c.id}-out${c.ext}`);
          const r = await cli(["generate", file, "-o", out]);
          assert.equal(r.code, 0, r.err + r.out);
          assert.equal(await sha256(file), hash, "the input is untouched");
          await assertNothingLost(file, out, `${c.id} -o`);
          const grid = await readXlsx(out);
          const names = grid.sheets.map((s) => s.name);
          for (const s of ["报告表格", DEFAULT_REPORT_SETTINGS.textSheet])
            assert.ok(names.includes(s), `${s} in ${names.join(",")}`);
          // The written package is read as it was written: the same figures, no findings added.
          const again = await cli(["check", out, "--json"]);
          assert.equal(again.code, 0, again.out);
          outputs.push({ file: out, label: `${c.id} -o` });

          const copy = path.join(dir, `${c.id}-inplace${c.ext}`);
          await fs.copyFile(file, copy);
          const r2 = await cli(["generate", copy, "--in-place"]);
          assert.equal(r2.code, 0, r2.err + r2.out);
          await assertNothingLost(file, copy, `${c.id} --in-place`);
          // Regenerating over the report sheets (the second run replaces them in place).
          const before2 = path.join(dir, `${c.id}-inplace-1${c.ext}`);
          await fs.copyFile(copy, before2);
          const r3 = await cli(["generate", copy, "--in-place"]);
          assert.equal(r3.code, 0, r3.err + r3.out);
          await assertNothingLost(file, copy, `${c.id} regenerated`);
          await assertNothingLost(before2, copy, `${c.id} regenerated over itself`);
          assert.deepEqual(
            (await readXlsx(copy)).sheets.map((s) => s.name),
            (await readXlsx(before2)).sheets.map((s) => s.name),
            "regeneration adds no sheet",
          );
          outputs.push({ file: copy, label: `${c.id} --in-place twice` });
        });
      } else {
        it("--in-place refuses and names the parts; -o writes a new workbook (counts as values) and names them", async () => {
          const file = await input(c);
          const hash = await sha256(file);
          const r = await cli(["generate", file, "--in-place"]);
          assert.equal(r.code, 2, r.out);
          for (const m of c.marks.filter((x) => !x.endsWith(".sigs")))
            assert.match(r.err, new RegExp(m.replace(/[.]/g, "\\.")));
          assert.match(r.err, /未修改原文件/);
          assert.equal(await sha256(file), hash, "--in-place refused: the file is untouched");
          const out = path.join(dir, `${c.id}-out.xlsx`);
          const r2 = await cli(["generate", file, "-o", out]);
          assert.equal(r2.code, 0, r2.err + r2.out);
          assert.match(r2.out, /无法在加入报告工作表后原样保留/);
          assert.match(r2.out, /_xmlsignatures\/sig1\.xml/);
          assert.equal(await sha256(file), hash);
          const grid = await readXlsx(out);
          assert.deepEqual(grid.sheets.map((s) => s.name).slice(0, 3), [
            "公开数据",
            "报告表格",
            DEFAULT_REPORT_SETTINGS.textSheet,
          ]);
          assert.equal((await cli(["check", out])).code, 0, "the copied counts read as the input's");
          outputs.push({ file: out, label: `${c.id} -o (new workbook)` });
        });
      }
    });
  }

  it("macros stay macros: an .xlsm written as .xlsx is refused, saying why", async () => {
    const c = PACKAGE_CASES.find((x) => x.id === "macros")!;
    const file = await input(c);
    const out = path.join(dir, "macros-as.xlsx");
    const r = await cli(["generate", file, "-o", out]);
    assert.equal(r.code, 2);
    assert.match(r.err, /含宏.*\.xlsm/);
    assert.equal(existsSync(out), false);
  });

  describe("LibreOffice", () => {
    it("opens every output (headless PDF conversion, report text present)", async function () {
      if (!findExecutable(SOFFICE_CANDIDATES)) skipOutsideCi(this, "LibreOffice (soffice) not found");
      assert.ok(outputs.length >= PACKAGE_CASES.length * 2 - 1, `outputs: ${outputs.length}`);
      const pdfDir = path.join(dir, "pdf");
      const profile = await fs.mkdtemp(path.join(os.tmpdir(), "lo-profile-pkg-"));
      await soffice([
        "--headless",
        "--norestore",
        `-env:UserInstallation=${pathToFileURL(profile).href}`,
        "--convert-to",
        "pdf",
        "--outdir",
        pdfDir,
        ...outputs.map((o) => o.file),
      ]);
      await fs.rm(profile, { recursive: true, force: true });
      for (const o of outputs) {
        const pdf = path.join(pdfDir, path.basename(o.file).replace(/\.[^.]+$/, ".pdf"));
        assert.ok(existsSync(pdf), `${o.label}: LibreOffice wrote no PDF`);
        const txt = await new Promise<string>((resolve, reject) =>
          execFile("pdftotext", [pdf, "-"], { maxBuffer: 64 << 20 }, (e, out) => (e ? reject(e) : resolve(out))),
        );
        assert.match(txt, /政府信息公开工作年度报告/, `${o.label}: the report is in the PDF`);
      }
    });
  });
});
