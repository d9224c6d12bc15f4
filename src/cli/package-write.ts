/**
 * Writes the report sheets INTO the user's own package: the sheets ExcelJS made in a scratch workbook are moved
 * into the original .xlsx/.xlsm with their styles (merged into the original styles.xml, ids remapped), their
 * defined names, workbook entries, relationships and content types. Every other part keeps its bytes: macros,
 * charts, pivot caches, comments, external links, custom XML, protection, names, unusual part names.
 *
 * Changed parts: xl/workbook.xml (sheet entries, names, full calculation on load so the new formulas are computed),
 * its .rels, [Content_Types].xml, the styles part; a regenerated report sheet's own part. Added: the new sheet parts.
 * What cannot be carried (a digital signature, which any change breaks; parts a user attached to a report sheet
 * that is regenerated) is returned as a list, and nothing is written.
 */
import JSZip from "jszip";
import {
  attrs,
  entryName,
  listSheets,
  parseRels,
  relsOf,
  resolveTarget,
  workbookPart,
  xmlEscape,
  xmlUnescape,
  type SheetEntry,
} from "./package";

const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const WORKSHEET_REL = `${REL_NS}/worksheet`;
const STYLES_REL = `${REL_NS}/styles`;
const WORKSHEET_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
const STYLES_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";
const MACRO_MAIN_CT = "application/vnd.ms-excel.sheet.macroEnabled.main+xml";

/** A part of the user's workbook that this writer cannot keep as it was, and why. */
export interface Uncarried {
  part: string;
  why: { zh: string; en: string };
}

export type PackageWrite =
  { ok: true; bytes: Uint8Array; macroEnabled: boolean } | { ok: false; uncarried: Uncarried[]; macroEnabled: boolean };

/** What the package is: a macro-enabled workbook (.xlsm) or not, from its content types. */
export async function isMacroEnabled(zip: JSZip): Promise<boolean> {
  const ct = await zip.file("[Content_Types].xml")?.async("string");
  return Boolean(ct?.includes(MACRO_MAIN_CT)) || zip.file(/vbaProject\.bin$/i).length > 0;
}

/** The zip entries of a package, sorted (directories left out). */
export function partNames(zip: JSZip): string[] {
  return Object.values(zip.files)
    .filter((f) => !f.dir)
    .map((f) => f.name)
    .sort();
}

/** Parts this writer cannot carry: said before anything is written. */
async function uncarriable(orig: JSZip, sheets: SheetEntry[], replaced: SheetEntry[]): Promise<Uncarried[]> {
  const out: Uncarried[] = [];
  for (const name of partNames(orig)) {
    if (/^_xmlsignatures\//i.test(name)) {
      out.push({
        part: name,
        why: {
          zh: "数字签名：加入报告工作表会使签名失效",
          en: "a digital signature: adding the report sheets would invalidate it",
        },
      });
    }
  }
  const wbXml = await orig.file(await workbookPart(orig))?.async("string");
  if (wbXml === undefined || !/<(\w+:)?sheets\b/.test(wbXml)) {
    out.push({
      part: await workbookPart(orig),
      why: { zh: "工作簿结构无法识别", en: "the workbook part is not recognised" },
    });
  }
  if (wbXml && /purl\.oclc\.org\/ooxml\/spreadsheetml/.test(wbXml)) {
    out.push({
      part: await workbookPart(orig),
      why: { zh: "严格 Open XML 格式（Strict）", en: "Strict Open XML format" },
    });
  }
  for (const s of replaced) {
    if (!s.part) continue;
    const rels = orig.file(relsOf(s.part));
    if (!rels) continue;
    for (const r of parseRels(await rels.async("string"))) {
      if (/\/printerSettings$/.test(r.type)) continue;
      out.push({
        part: r.external ? r.target : resolveTarget(s.part, r.target),
        why: {
          zh: `附在将重新生成的工作表“${s.name}”上（${r.type.split("/").pop()}）`,
          en: `attached to the report sheet ${s.name}, which would be regenerated (${r.type.split("/").pop()})`,
        },
      });
    }
  }
  void sheets;
  return out;
}

// ---------- small XML helpers (the parts are machine-written; the writer only adds and replaces elements) ----------

/** The namespace prefix of the root element ("x:" for <x:workbook>), "" when none. */
function rootPrefix(xml: string, local: string): string {
  const m = new RegExp(`<(\\w+:)?${local}\\b`).exec(xml);
  return m?.[1] ?? "";
}

/** Prefixes every element name of a fragment: <font> -> <x:font> (attributes untouched). */
function withPrefix(fragment: string, prefix: string): string {
  if (!prefix) return fragment;
  return fragment.replace(/<(\/?)([A-Za-z][\w.-]*)(?=[\s/>])/g, (m, slash: string, name: string) =>
    name.includes(":") ? m : `<${slash}${prefix}${name}`,
  );
}

/** Child elements of the first <tag>…</tag> (or none), as strings. */
function children(xml: string, tag: string, child: string): string[] {
  const block = new RegExp(`<(?:\\w+:)?${tag}\\b[^>]*?(?:/>|>([\\s\\S]*?)</(?:\\w+:)?${tag}>)`).exec(xml);
  if (!block?.[1]) return [];
  const re = new RegExp(`<(?:\\w+:)?${child}\\b[^>]*?(?:/>|>[\\s\\S]*?</(?:\\w+:)?${child}>)`, "g");
  return [...block[1].matchAll(re)].map((m) => m[0]);
}

/** Appends `items` to <tag> (creating it before `before` tags when missing) and updates its count. */
function appendTo(xml: string, tag: string, items: string[], prefix: string, createBefore: string[]): string {
  if (items.length === 0) return xml;
  const re = new RegExp(`<((?:\\w+:)?${tag})\\b([^>]*?)(/?)>`);
  const m = re.exec(xml);
  const body = items.map((i) => withPrefix(i, prefix)).join("");
  if (!m) {
    const open = `<${prefix}${tag} count="${items.length}">${body}</${prefix}${tag}>`;
    for (const b of createBefore) {
      const at = new RegExp(`<(?:\\w+:)?${b}\\b`).exec(xml);
      if (at) return xml.slice(0, at.index) + open + xml.slice(at.index);
    }
    throw new Error(`styles: no place for <${tag}>`);
  }
  const total = children(xml, tag, tag.replace(/s$/, "").replace(/^cellXf$/, "xf")).length + items.length;
  const attrsText = /\bcount="\d+"/.test(m[2]!)
    ? m[2]!.replace(/\bcount="\d+"/, `count="${total}"`)
    : `${m[2]} count="${total}"`;
  if (m[3] === "/") {
    return xml.slice(0, m.index) + `<${m[1]}${attrsText}>${body}</${m[1]}>` + xml.slice(m.index + m[0].length);
  }
  const closeRe = new RegExp(`</${m[1]}>`);
  const close = closeRe.exec(xml.slice(m.index));
  if (!close) throw new Error(`styles: <${tag}> not closed`);
  const closeAt = m.index + close.index;
  return (
    xml.slice(0, m.index) +
    `<${m[1]}${attrsText}>` +
    xml.slice(m.index + m[0].length, closeAt) +
    body +
    xml.slice(closeAt)
  );
}

// ---------- styles ----------

interface StyleSource {
  numFmts: Map<number, string>;
  fonts: string[];
  fills: string[];
  borders: string[];
  xfs: string[];
}

function readStyles(xml: string): StyleSource {
  const numFmts = new Map<number, string>();
  for (const n of children(xml, "numFmts", "numFmt")) {
    const a = attrs(n);
    numFmts.set(Number(a.numFmtId), a.formatCode ?? "");
  }
  return {
    numFmts,
    fonts: children(xml, "fonts", "font"),
    fills: children(xml, "fills", "fill"),
    borders: children(xml, "borders", "border"),
    xfs: children(xml, "cellXfs", "xf"),
  };
}

function stripPrefixes(fragment: string): string {
  return fragment.replace(/<(\/?)\w+:([A-Za-z])/g, "<$1$2");
}

/**
 * Merges the scratch styles used by the report sheets into the original styles part. Returns the new styles XML
 * and the map scratch xf id -> id in the merged part.
 */
function mergeStyles(
  origXml: string,
  scratchXml: string,
  used: Set<number>,
): { xml: string; map: Map<number, number> } {
  const prefix = rootPrefix(origXml, "styleSheet");
  const orig = readStyles(origXml);
  const scr = readStyles(scratchXml);
  const map = new Map<number, number>();
  const added = {
    numFmts: [] as string[],
    fonts: [] as string[],
    fills: [] as string[],
    borders: [] as string[],
    xfs: [] as string[],
  };
  const pick = (list: "fonts" | "fills" | "borders", id: number, cache: Map<number, number>): number => {
    const got = cache.get(id);
    if (got !== undefined) return got;
    const el = stripPrefixes(scr[list][id] ?? scr[list][0] ?? "");
    const known = orig[list].findIndex((x) => stripPrefixes(x) === el);
    const at = known >= 0 ? known : orig[list].length + added[list].push(el) - 1;
    cache.set(id, at);
    return at;
  };
  const fontMap = new Map<number, number>();
  const fillMap = new Map<number, number>();
  const borderMap = new Map<number, number>();
  const fmtMap = new Map<number, number>();
  let nextFmt = Math.max(163, ...orig.numFmts.keys()) + 1;
  const fmtId = (id: number): number => {
    if (id < 164) return id; // built in
    const got = fmtMap.get(id);
    if (got !== undefined) return got;
    const code = scr.numFmts.get(id) ?? "General";
    const same = [...orig.numFmts].find(([, c]) => c === code);
    let out: number;
    if (same) out = same[0];
    else {
      out = nextFmt++;
      added.numFmts.push(`<numFmt numFmtId="${out}" formatCode="${xmlEscape(code)}"/>`);
    }
    fmtMap.set(id, out);
    return out;
  };
  for (const id of [...used].sort((a, b) => a - b)) {
    const xf = stripPrefixes(scr.xfs[id] ?? scr.xfs[0] ?? "<xf/>");
    const a = attrs(/<xf\b([^>]*)/.exec(xf)?.[1] ?? "");
    const rewritten = xf.replace(/<xf\b([^>]*?)(\/?)>/, (_m, rest: string, slash: string) => {
      let r = rest
        .replace(/\bnumFmtId="\d+"/, `numFmtId="${fmtId(Number(a.numFmtId ?? 0))}"`)
        .replace(/\bfontId="\d+"/, `fontId="${pick("fonts", Number(a.fontId ?? 0), fontMap)}"`)
        .replace(/\bfillId="\d+"/, `fillId="${pick("fills", Number(a.fillId ?? 0), fillMap)}"`)
        .replace(/\bborderId="\d+"/, `borderId="${pick("borders", Number(a.borderId ?? 0), borderMap)}"`);
      r = r.replace(/\bxfId="\d+"/, 'xfId="0"');
      return `<xf${r}${slash}>`;
    });
    const known = orig.xfs.findIndex((x) => stripPrefixes(x) === rewritten);
    map.set(id, known >= 0 ? known : orig.xfs.length + added.xfs.push(rewritten) - 1);
  }
  let xml = origXml;
  xml = appendTo(xml, "numFmts", added.numFmts, prefix, ["fonts", "fills", "borders", "cellStyleXfs", "cellXfs"]);
  xml = appendTo(xml, "fonts", added.fonts, prefix, ["fills", "borders", "cellStyleXfs", "cellXfs"]);
  xml = appendTo(xml, "fills", added.fills, prefix, ["borders", "cellStyleXfs", "cellXfs"]);
  xml = appendTo(xml, "borders", added.borders, prefix, ["cellStyleXfs", "cellXfs"]);
  xml = appendTo(xml, "cellXfs", added.xfs, prefix, ["cellStyles", "dxfs", "tableStyles", "colors", "extLst"]);
  return { xml, map };
}

// ---------- sheets ----------

/** Shared strings of the scratch workbook: the inner XML of each <si> (plain <t> or rich runs). */
function sharedStrings(xml: string | undefined): string[] {
  if (!xml) return [];
  return [...xml.matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g)].map((m) => m[1] ?? "");
}

/** Style ids a sheet part uses (cells, rows, columns). */
function usedStyles(xml: string): Set<number> {
  const out = new Set<number>([0]);
  for (const m of xml.matchAll(/<(?:c|row)\b[^>]*?\bs="(\d+)"/g)) out.add(Number(m[1]));
  for (const m of xml.matchAll(/<col\b[^>]*?\bstyle="(\d+)"/g)) out.add(Number(m[1]));
  return out;
}

/** A scratch sheet part made standalone: shared strings inlined, style ids remapped. */
function transplantSheet(xml: string, strings: string[], map: Map<number, number>): string {
  const style = (n: string): string => String(map.get(Number(n)) ?? 0);
  let out = xml.replace(
    /<c\b([^>]*?)\bt="s"([^>]*)>\s*<v>(\d+)<\/v>\s*<\/c>/g,
    (_m, a: string, b: string, i: string) => `<c${a}t="inlineStr"${b}><is>${strings[Number(i)] ?? ""}</is></c>`,
  );
  // A second selected tab would group it with the user's selected sheet (edits would go to both).
  out = out.replace(/(<sheetView\b[^>]*?)\s+tabSelected="(1|true)"/, "$1");
  out = out.replace(/(<(?:c|row)\b[^>]*?\bs=")(\d+)(")/g, (_m, a: string, n: string, b: string) => a + style(n) + b);
  out = out.replace(/(<col\b[^>]*?\bstyle=")(\d+)(")/g, (_m, a: string, n: string, b: string) => a + style(n) + b);
  return out;
}

function freeName(zip: JSZip, make: (i: number) => string): string {
  const taken = new Set(partNames(zip).map((n) => n.toLowerCase()));
  for (let i = 1; ; i++) {
    const n = make(i);
    if (!taken.has(n.toLowerCase())) return n;
  }
}

interface NameDef {
  name: string;
  localSheetId?: number;
  xml: string;
}

function definedNames(xml: string): NameDef[] {
  return [
    ...xml.matchAll(
      /<(?:\w+:)?definedName\b([^>]*)>([\s\S]*?)<\/(?:\w+:)?definedName>|<(?:\w+:)?definedName\b([^>]*)\/>/g,
    ),
  ].map((m) => {
    const a = attrs(m[1] ?? m[3] ?? "");
    const d: NameDef = { name: a.name ?? "", xml: m[0] };
    if (a.localSheetId !== undefined) d.localSheetId = Number(a.localSheetId);
    return d;
  });
}

/**
 * The original package with the scratch workbook's sheets `names` written into it (a sheet of the same name is
 * replaced in place, keeping its position). `scratch` is an ExcelJS workbook holding exactly those sheets.
 */
export async function writeIntoPackage(
  original: Uint8Array,
  scratch: Uint8Array,
  names: string[],
): Promise<PackageWrite> {
  const orig = await JSZip.loadAsync(original);
  const scr = await JSZip.loadAsync(scratch);
  const wbPart = await workbookPart(orig);
  const sheets = await listSheets(orig, wbPart);
  const replaced = sheets.filter((s) => names.includes(s.name));
  const macroEnabled = await isMacroEnabled(orig);
  const problems = await uncarriable(orig, sheets, replaced);
  if (problems.length) return { ok: false, uncarried: problems, macroEnabled };

  const scrWbPart = await workbookPart(scr);
  const scrSheets = await listSheets(scr, scrWbPart);
  const scrRels = parseRels((await scr.file(relsOf(scrWbPart))?.async("string")) ?? "");
  const stringsPart = scrRels.find((r) => /\/sharedStrings$/.test(r.type));
  const strings = sharedStrings(
    stringsPart ? await scr.file(resolveTarget(scrWbPart, stringsPart.target))?.async("string") : undefined,
  );
  const scrStylesRel = scrRels.find((r) => r.type === STYLES_REL);
  const scrStyles = scrStylesRel
    ? ((await scr.file(resolveTarget(scrWbPart, scrStylesRel.target))?.async("string")) ?? "")
    : "";

  // Sheet parts of the scratch workbook, in the order of `names`.
  const made: { entry: SheetEntry; xml: string }[] = [];
  for (const n of names) {
    const e = scrSheets.find((s) => s.name === n);
    if (!e?.part) throw new Error(`scratch workbook lacks sheet ${n}`);
    if (scr.file(relsOf(e.part))) throw new Error(`report sheet ${n} has relationships the writer does not carry`);
    made.push({ entry: e, xml: (await scr.file(e.part)!.async("string")) ?? "" });
  }

  // Styles: merged into the original's styles part (or the scratch one added when the original has none).
  const used = new Set<number>();
  for (const m of made) for (const id of usedStyles(m.xml)) used.add(id);
  let wbRelsXml =
    (await orig.file(relsOf(wbPart))?.async("string")) ??
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;
  const wbRels = parseRels(wbRelsXml);
  let ctXml = (await orig.file("[Content_Types].xml")?.async("string")) ?? "";
  const relIds = new Set(wbRels.map((r) => r.id));
  const newRelId = (): string => {
    for (let i = 1; ; i++) {
      const id = `rId${i}`;
      if (!relIds.has(id)) {
        relIds.add(id);
        return id;
      }
    }
  };
  const relsPrefix = rootPrefix(wbRelsXml, "Relationships");
  const addRel = (type: string, target: string): string => {
    const id = newRelId();
    const el = withPrefix(`<Relationship Id="${id}" Type="${type}" Target="${xmlEscape(target)}"/>`, relsPrefix);
    wbRelsXml = wbRelsXml.replace(new RegExp(`</${relsPrefix}Relationships>`), `${el}</${relsPrefix}Relationships>`);
    return id;
  };
  const ctPrefix = rootPrefix(ctXml, "Types");
  const addOverride = (part: string, type: string): void => {
    const el = withPrefix(`<Override PartName="/${xmlEscape(part)}" ContentType="${type}"/>`, ctPrefix);
    ctXml = ctXml.replace(new RegExp(`</${ctPrefix}Types>`), `${el}</${ctPrefix}Types>`);
  };
  const relTarget = (part: string): string => {
    const base = wbPart.split("/").slice(0, -1).join("/");
    return base && part.startsWith(`${base}/`) ? part.slice(base.length + 1) : `/${part}`;
  };

  const stylesRel = wbRels.find((r) => r.type === STYLES_REL);
  const stylesPart = stylesRel ? resolveTarget(wbPart, stylesRel.target) : undefined;
  let map: Map<number, number>;
  if (stylesPart && orig.file(stylesPart)) {
    const merged = mergeStyles(await orig.file(stylesPart)!.async("string"), scrStyles, used);
    orig.file(stylesPart, merged.xml);
    map = merged.map;
  } else {
    const part = freeName(orig, (i) => (i === 1 ? "xl/styles.xml" : `xl/styles${i}.xml`));
    orig.file(part, scrStyles);
    addRel(STYLES_REL, relTarget(part));
    addOverride(part, STYLES_CT);
    map = new Map([...used].map((i) => [i, i]));
  }

  // Sheets: replaced in place, or added at the end.
  let wbXml = await orig.file(wbPart)!.async("string");
  const wbPrefix = rootPrefix(wbXml, "workbook");
  let rPrefix = /xmlns:(\w+)="http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships"/.exec(
    wbXml,
  )?.[1];
  if (!rPrefix) {
    rPrefix = "r";
    for (let i = 0; new RegExp(`xmlns:${rPrefix}=`).test(wbXml); i++) rPrefix = `rel${i}`;
    wbXml = wbXml.replace(new RegExp(`<${wbPrefix}workbook\\b`), `$&  xmlns:${rPrefix}="${REL_NS}"`.replace("  ", " "));
  }
  let maxSheetId = Math.max(0, ...sheets.map((s) => Number(s.sheetId) || 0));
  const finalIndex = new Map<string, number>();
  sheets.forEach((s, i) => finalIndex.set(s.name, i));
  let nextIndex = sheets.length;
  for (const m of made) {
    const xml = transplantSheet(m.xml, strings, map);
    const old = replaced.find((s) => s.name === m.entry.name);
    if (old?.part) {
      orig.file(old.part, xml);
      continue;
    }
    const part = freeName(orig, (i) => `xl/worksheets/sheet${i}.xml`);
    orig.file(part, xml);
    const rid = addRel(WORKSHEET_REL, relTarget(part));
    addOverride(part, WORKSHEET_CT);
    const state = m.entry.state && m.entry.state !== "visible" ? ` state="${m.entry.state}"` : "";
    const el = `<${wbPrefix}sheet name="${xmlEscape(m.entry.name)}" sheetId="${++maxSheetId}"${state} ${rPrefix}:id="${rid}"/>`;
    wbXml = wbXml.replace(new RegExp(`</${wbPrefix}sheets>`), `${el}</${wbPrefix}sheets>`);
    finalIndex.set(m.entry.name, nextIndex++);
  }

  // Defined names: the scratch ones (sheet-local ids remapped) replace names of the same name and scope.
  const scrWbXml = (await scr.file(scrWbPart)?.async("string")) ?? "";
  const fresh = definedNames(scrWbXml).map((d) => {
    if (d.localSheetId === undefined) return d;
    const name = scrSheets[d.localSheetId]?.name;
    const at = name === undefined ? undefined : finalIndex.get(name);
    return { ...d, localSheetId: at, xml: d.xml.replace(/\blocalSheetId="\d+"/, `localSheetId="${at ?? 0}"`) };
  });
  if (fresh.length) {
    const existing = definedNames(wbXml);
    for (const e of existing) {
      if (fresh.some((f) => f.name.toLowerCase() === e.name.toLowerCase() && f.localSheetId === e.localSheetId)) {
        wbXml = wbXml.replace(e.xml, "");
      }
    }
    const items = fresh.map((f) => withPrefix(stripPrefixes(f.xml), wbPrefix)).join("");
    const block = new RegExp(`<${wbPrefix}definedNames\\b[^>]*?(/?)>`).exec(wbXml);
    if (block && block[1] !== "/") {
      wbXml = wbXml.replace(new RegExp(`</${wbPrefix}definedNames>`), `${items}</${wbPrefix}definedNames>`);
    } else {
      if (block) wbXml = wbXml.replace(block[0], "");
      const after = [`</${wbPrefix}externalReferences>`, `</${wbPrefix}functionGroups>`, `</${wbPrefix}sheets>`];
      const anchor = after.find((a) => wbXml.includes(a))!;
      const at = wbXml.indexOf(anchor) + anchor.length;
      wbXml = `${wbXml.slice(0, at)}<${wbPrefix}definedNames>${items}</${wbPrefix}definedNames>${wbXml.slice(at)}`;
    }
  }

  // The new formulas carry no results: ask the spreadsheet to calculate on open.
  const calc = new RegExp(`<${wbPrefix}calcPr\\b([^>]*?)(/?)>`).exec(wbXml);
  if (calc) {
    const a = calc[1]!.replace(/\s*\bfullCalcOnLoad="[^"]*"/, "");
    wbXml = wbXml.replace(calc[0], `<${wbPrefix}calcPr${a} fullCalcOnLoad="1"${calc[2]}>`);
  } else {
    const after = [
      `</${wbPrefix}definedNames>`,
      `</${wbPrefix}externalReferences>`,
      `</${wbPrefix}functionGroups>`,
      `</${wbPrefix}sheets>`,
    ];
    const anchor = after.find((a) => wbXml.includes(a))!;
    const at = wbXml.indexOf(anchor) + anchor.length;
    wbXml = `${wbXml.slice(0, at)}<${wbPrefix}calcPr fullCalcOnLoad="1"/>${wbXml.slice(at)}`;
  }

  orig.file(wbPart, wbXml);
  orig.file(relsOf(wbPart), wbRelsXml);
  orig.file("[Content_Types].xml", ctXml);
  const bytes = await orig.generateAsync({
    type: "uint8array",
    compression: "DEFLATE",
    compressionOptions: { level: 6 },
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  });
  return { ok: true, bytes, macroEnabled };
}

export { entryName, xmlUnescape };
