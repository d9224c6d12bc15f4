/**
 * The .xlsx/.xlsm package as parts (OPC): what the workbook lists, where each sheet lives, and raw reads that
 * ExcelJS's model loses. The writer (./package-write) builds on it.
 */
import JSZip from "jszip";

/** "&amp;" -> "&" and the other XML escapes, numeric ones included. */
export function xmlUnescape(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|amp|lt|gt|quot|apos);/gi, (m, e: string) => {
    const k = e.toLowerCase();
    if (k === "amp") return "&";
    if (k === "lt") return "<";
    if (k === "gt") return ">";
    if (k === "quot") return '"';
    if (k === "apos") return "'";
    const code = k.startsWith("#x") ? parseInt(k.slice(2), 16) : parseInt(k.slice(1), 10);
    return Number.isFinite(code) ? String.fromCodePoint(code) : m;
  });
}

export function xmlEscape(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** The attributes of one start tag's text ('name="x" r:id="rId1"'), names as written (prefixes kept). */
export function attrs(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*("([^"]*)"|'([^']*)')/g)) out[m[1]!] = xmlUnescape(m[3] ?? m[4] ?? "");
  return out;
}

/** A part name as a zip entry: "/xl/workbook.xml" or "xl/workbook.xml" -> "xl/workbook.xml". */
export function entryName(partName: string): string {
  return partName.replace(/^\/+/, "");
}

/** Resolves a relationship target against the folder of its source part ("worksheets/a.xml" from xl/workbook.xml). */
export function resolveTarget(sourcePart: string, target: string): string {
  if (target.startsWith("/")) return entryName(target);
  const base = sourcePart.split("/").slice(0, -1);
  for (const seg of target.split("/")) {
    if (seg === "..") base.pop();
    else if (seg !== "." && seg !== "") base.push(seg);
  }
  return base.join("/");
}

/** The rels part of a part: xl/workbook.xml -> xl/_rels/workbook.xml.rels. */
export function relsOf(part: string): string {
  const i = part.lastIndexOf("/");
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

export function parseRels(xml: string): Relationship[] {
  const out: Relationship[] = [];
  for (const m of xml.matchAll(/<(?:\w+:)?Relationship\b([^>]*?)\/?>/g)) {
    const a = attrs(m[1]!);
    out.push({
      id: a.Id ?? "",
      type: a.Type ?? "",
      target: a.Target ?? "",
      external: (a.TargetMode ?? "").toLowerCase() === "external",
    });
  }
  return out;
}

export interface SheetEntry {
  name: string;
  sheetId: string;
  rid: string;
  /** "hidden", "veryHidden" or undefined. */
  state?: string;
  /** The zip entry of the sheet part (xl/worksheets/sheet1.xml), or undefined when the rels do not say. */
  part?: string;
  /** worksheet, chartsheet, dialogsheet, macrosheet: from the relationship type. */
  type: string;
}

/** The workbook part: the package's root relationship of type officeDocument (xl/workbook.xml as a rule). */
export async function workbookPart(zip: JSZip): Promise<string> {
  const rootRels = zip.file("_rels/.rels");
  if (rootRels) {
    const rel = parseRels(await rootRels.async("string")).find((r) => /\/officeDocument$/.test(r.type));
    if (rel) return resolveTarget("", rel.target);
  }
  return "xl/workbook.xml";
}

/**
 * The workbook's structure is locked (Excel: Review > Protect Workbook; <workbookProtection lockStructure="1"/> in
 * the workbook part): no sheet may be added, deleted, renamed, shown or hidden.
 */
export async function structureLocked(pkg: Uint8Array | JSZip): Promise<boolean> {
  const zip = pkg instanceof JSZip ? pkg : await JSZip.loadAsync(pkg);
  const xml = await zip.file(await workbookPart(zip))?.async("string");
  const tag = xml && /<(?:\w+:)?workbookProtection\b([^>]*)>/.exec(xml);
  if (!tag) return false;
  const lock = Object.entries(attrs(tag[1]!)).find(([k]) => k.replace(/^\w+:/, "") === "lockStructure")?.[1];
  return lock === "1" || lock === "true";
}

/** The sheets the workbook lists, in order, with their parts. */
export async function listSheets(zip: JSZip, wbPart?: string): Promise<SheetEntry[]> {
  const part = wbPart ?? (await workbookPart(zip));
  const wbFile = zip.file(part);
  if (!wbFile) return [];
  const xml = await wbFile.async("string");
  const relsFile = zip.file(relsOf(part));
  const rels = relsFile ? parseRels(await relsFile.async("string")) : [];
  const out: SheetEntry[] = [];
  for (const m of xml.matchAll(/<(?:\w+:)?sheet\b([^>]*?)\/?>/g)) {
    const a = attrs(m[1]!);
    const rid = Object.entries(a).find(([k]) => /(^|:)id$/.test(k) && k !== "sheetId")?.[1] ?? "";
    const rel = rels.find((r) => r.id === rid);
    const e: SheetEntry = {
      name: a.name ?? "",
      sheetId: a.sheetId ?? "",
      rid,
      type: rel ? (rel.type.split("/").pop() ?? "") : "",
    };
    if (a.state) e.state = a.state;
    if (rel && !rel.external) e.part = resolveTarget(part, rel.target);
    out.push(e);
  }
  return out;
}

/**
 * Formula cells whose result is the empty text: Excel stores them as t="str" with an empty (or no) value, which
 * ExcelJS reads exactly like a formula never calculated. Returns sheet name -> addresses ("D93").
 */
export async function emptyTextFormulaCells(zip: JSZip, sheetNames: Set<string>): Promise<Map<string, Set<string>>> {
  const out = new Map<string, Set<string>>();
  for (const s of await listSheets(zip)) {
    if (!sheetNames.has(s.name) || !s.part) continue;
    const f = zip.file(s.part);
    if (!f) continue;
    const xml = await f.async("string");
    const found = new Set<string>();
    for (const m of xml.matchAll(/<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g)) {
      const a = attrs(m[1]!);
      if (a.t !== "str" || !a.r) continue;
      const body = m[2] ?? "";
      if (!/<(?:\w+:)?f\b/.test(body)) continue;
      const v = /<(?:\w+:)?v\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?v>)/.exec(body);
      if (!v || (v[1] ?? "") === "") found.add(a.r.replace(/\$/g, "").toUpperCase());
    }
    if (found.size) out.set(s.name, found);
  }
  return out;
}

const EXCELJS_SHEET_PART = /^xl\/worksheets\/sheet\d+\.xml$/;

/**
 * ExcelJS reads worksheets only from parts named xl/worksheets/sheetN.xml: a package keeping a sheet elsewhere
 * (xl/data/counts.xml, written by some tools) would read without that sheet. For reading only, such parts are moved
 * to free sheetN names (their rels beside them) in a copy; the user's file is not changed. null: nothing to move.
 */
export async function normalizeSheetParts(zip: JSZip): Promise<JSZip | null> {
  const wbPart = await workbookPart(zip);
  const sheets = (await listSheets(zip, wbPart)).filter(
    (s) => s.type === "worksheet" && s.part && !EXCELJS_SHEET_PART.test(s.part) && zip.file(s.part),
  );
  if (sheets.length === 0 || wbPart !== "xl/workbook.xml") return null;
  const taken = new Set(Object.keys(zip.files).map((n) => n.toLowerCase()));
  let n = 1;
  let rels = (await zip.file(relsOf(wbPart))?.async("string")) ?? "";
  let ct = (await zip.file("[Content_Types].xml")?.async("string")) ?? "";
  for (const s of sheets) {
    while (taken.has(`xl/worksheets/sheet${n}.xml`)) n++;
    const to = `xl/worksheets/sheet${n}.xml`;
    taken.add(to);
    zip.file(to, await zip.file(s.part!)!.async("uint8array"));
    zip.remove(s.part!);
    const oldRels = zip.file(relsOf(s.part!));
    if (oldRels) {
      zip.file(relsOf(to), await oldRels.async("uint8array"));
      zip.remove(relsOf(s.part!));
    }
    rels = rels.replace(
      new RegExp(`(<(?:\\w+:)?Relationship\\b[^>]*\\bId="${s.rid}"[^>]*\\bTarget=")[^"]*(")`),
      `$1/${to}$2`,
    );
    rels = rels.replace(
      new RegExp(`(<(?:\\w+:)?Relationship\\b[^>]*\\bTarget=")[^"]*("[^>]*\\bId="${s.rid}")`),
      `$1/${to}$2`,
    );
    ct = ct.split(`PartName="/${s.part}"`).join(`PartName="/${to}"`);
  }
  zip.file(relsOf(wbPart), rels);
  zip.file("[Content_Types].xml", ct);
  return zip;
}
