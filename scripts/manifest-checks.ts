/**
 * Offline checks of the add-in manifest: Microsoft's XSD (xmllint-wasm, no network) plus what the schema
 * cannot see. Each problem is "code: 中文 / English" so callers and tests can tell the reasons apart.
 *
 *   npx tsx scripts/manifest-checks.ts [manifest.xml] [--production]
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { validateXML } from "xmllint-wasm";

/** The ExcelApi requirement set the code is written against (see scripts/check-api-sets.ts). */
export const REQUIRED_EXCEL_API = "1.7";
export const REQUIRED_LOCALES = ["zh-CN", "en-US"] as const;
export const REPO_ROOT = path.resolve(__dirname, "..");
/** Microsoft's manifest XSDs, copied into the repository (see its README for the source and local changes). */
export const SCHEMA_DIR = path.resolve(REPO_ROOT, "test/manifest/xsd");
export const SCHEMA_ENTRY = "OfficeAppManifestV1_1.xsd";

export type ProblemCode =
  | "xml"
  | "schema"
  | "resid"
  | "icon-file"
  | "icon-size"
  | "https"
  | "origin"
  | "locale"
  | "localhost"
  | "excel-api"
  | "permissions";

export interface ManifestCheckOptions {
  /** A manifest for deployment: no localhost. */
  production: boolean;
  /** The folder served as `<origin>/assets/`. */
  assetsDir: string;
  /** Defaults to SCHEMA_DIR. */
  schemaDir?: string;
}

function problem(code: ProblemCode, zh: string, en: string): string {
  return `${code}: ${zh} / ${en}`;
}

// ---------- a minimal XML reader (the schema check catches anything it glosses over) ----------

export interface XmlElement {
  /** Local name without prefix ("Image" for bt:Image). */
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
  parent: XmlElement | null;
}

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_m, e: string) => {
    const named: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
    if (e[0] !== "#") return named[e.toLowerCase()] ?? _m;
    return String.fromCodePoint(e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
  });
}

export function parseXml(text: string): XmlElement {
  const root: XmlElement = { name: "#document", attrs: {}, children: [], text: "", parent: null };
  let current = root;
  const token =
    /<!--[\s\S]*?-->|<!\[CDATA\[([\s\S]*?)\]\]>|<\?[\s\S]*?\?>|<!DOCTYPE[^>]*>|<\/([^\s>]+)\s*>|<([^\s/>]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)/g;
  let m: RegExpExecArray | null;
  let consumed = 0;
  while ((m = token.exec(text)) !== null) {
    if (m.index !== consumed) throw new Error(`malformed XML near offset ${consumed}`);
    consumed = token.lastIndex;
    const [whole, cdata, closing, opening, attrText, selfClosing, chars] = m;
    if (chars !== undefined) current.text += decodeEntities(chars);
    else if (cdata !== undefined) current.text += cdata;
    else if (closing !== undefined) {
      const local = closing.replace(/^.*:/, "");
      if (current.name !== local || !current.parent) throw new Error(`unexpected </${closing}>`);
      current = current.parent;
    } else if (opening !== undefined) {
      const attrs: Record<string, string> = {};
      for (const a of (attrText ?? "").matchAll(/([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
        attrs[a[1]!] = decodeEntities(a[2] ?? a[3] ?? "");
      }
      const el: XmlElement = { name: opening.replace(/^.*:/, ""), attrs, children: [], text: "", parent: current };
      current.children.push(el);
      if (!selfClosing) current = el;
    } else if (!whole.startsWith("<")) {
      throw new Error(`malformed XML near offset ${m.index}`);
    }
  }
  if (consumed !== text.length || current !== root) throw new Error("malformed XML: unclosed element or stray text");
  const elements = root.children;
  const [only] = elements;
  if (elements.length !== 1 || !only) throw new Error("XML must have exactly one root element");
  return only;
}

function* walk(el: XmlElement): Generator<XmlElement> {
  yield el;
  for (const c of el.children) yield* walk(c);
}

function child(el: XmlElement | undefined, name: string): XmlElement | undefined {
  return el?.children.find((c) => c.name === name);
}

function childrenNamed(el: XmlElement | undefined, name: string): XmlElement[] {
  return el ? el.children.filter((c) => c.name === name) : [];
}

// ---------- checks ----------

type ResourceKind = "Images" | "Urls" | "ShortStrings" | "LongStrings";

/** The resource kind a resid must point to, by the referring element's name. */
const RESID_KIND: Record<string, ResourceKind> = {
  Image: "Images",
  SourceLocation: "Urls",
  FunctionFile: "Urls",
  LearnMoreUrl: "Urls",
  Label: "ShortStrings",
  Title: "ShortStrings",
  Description: "LongStrings",
};

function collectResources(root: XmlElement): Map<string, { kind: ResourceKind; el: XmlElement }> {
  const resources = new Map<string, { kind: ResourceKind; el: XmlElement }>();
  for (const el of walk(root)) {
    if (el.name !== "Resources") continue;
    for (const group of el.children) {
      const kind = group.name as ResourceKind;
      if (!["Images", "Urls", "ShortStrings", "LongStrings"].includes(kind)) continue;
      for (const item of group.children) {
        if (item.attrs.id !== undefined) resources.set(item.attrs.id, { kind, el: item });
      }
    }
  }
  return resources;
}

function checkResids(root: XmlElement, problems: string[]): void {
  const resources = collectResources(root);
  for (const el of walk(root)) {
    const resid = el.attrs.resid;
    if (resid === undefined) continue;
    const found = resources.get(resid);
    const want = RESID_KIND[el.name];
    if (!found) {
      problems.push(
        problem("resid", `<${el.name} resid="${resid}"> 找不到对应资源`, `resid "${resid}" has no resource`),
      );
    } else if (want && found.kind !== want) {
      problems.push(
        problem(
          "resid",
          `<${el.name} resid="${resid}"> 应指向 ${want}，实际在 ${found.kind}`,
          `resid "${resid}" must be in ${want}, found in ${found.kind}`,
        ),
      );
    }
  }
}

/** Locales an element offers: the manifest default plus its Override children. */
function localesOf(el: XmlElement, defaultLocale: string): Set<string> {
  const set = new Set<string>();
  if ((el.attrs.DefaultValue ?? "").trim() !== "") set.add(defaultLocale.toLowerCase());
  for (const o of childrenNamed(el, "Override")) {
    if ((o.attrs.Value ?? "").trim() !== "" && o.attrs.Locale) set.add(o.attrs.Locale.toLowerCase());
  }
  return set;
}

function checkLocales(root: XmlElement, problems: string[]): void {
  const defaultLocale = (child(root, "DefaultLocale")?.text ?? "").trim();
  const subjects: { what: string; el: XmlElement | undefined }[] = [
    { what: "DisplayName", el: child(root, "DisplayName") },
    { what: "Description", el: child(root, "Description") },
  ];
  for (const el of walk(root)) {
    if ((el.name === "ShortStrings" || el.name === "LongStrings") && el.parent?.name === "Resources") {
      for (const s of childrenNamed(el, "String")) subjects.push({ what: `${el.name} "${s.attrs.id}"`, el: s });
    }
  }
  for (const { what, el } of subjects) {
    if (!el) {
      problems.push(problem("locale", `缺少 ${what}`, `${what} is missing`));
      continue;
    }
    const have = localesOf(el, defaultLocale);
    for (const locale of REQUIRED_LOCALES) {
      if (!have.has(locale.toLowerCase())) {
        problems.push(problem("locale", `${what} 缺少 ${locale} 文本`, `${what} has no ${locale} text`));
      }
    }
  }
}

/** Every absolute URL in an attribute value or text, except namespace declarations. */
function collectUrls(root: XmlElement): { url: string; el: XmlElement }[] {
  const urls: { url: string; el: XmlElement }[] = [];
  for (const el of walk(root)) {
    for (const [name, value] of Object.entries(el.attrs)) {
      if (name === "xmlns" || name.startsWith("xmlns:") || name.includes("schemaLocation")) continue;
      if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value.trim())) urls.push({ url: value.trim(), el });
    }
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(el.text.trim())) urls.push({ url: el.text.trim(), el });
  }
  return urls;
}

function checkUrls(root: XmlElement, problems: string[]): void {
  const origins = new Set<string>();
  for (const { url } of collectUrls(root)) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      problems.push(problem("https", `网址无效：${url}`, `invalid URL: ${url}`));
      continue;
    }
    if (parsed.protocol !== "https:") {
      problems.push(problem("https", `网址必须使用 https：${url}`, `URL must use https: ${url}`));
    }
    origins.add(parsed.origin);
  }
  if (origins.size > 1) {
    problems.push(
      problem(
        "origin",
        `网址必须同源，实际有：${[...origins].join("、")}`,
        `URLs must share one origin: ${[...origins].join(", ")}`,
      ),
    );
  }
}

/** PNG width and height from the IHDR chunk, or null when the bytes are not a PNG. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } | null {
  const signature = [137, 80, 78, 71, 13, 10, 26, 10];
  if (bytes.length < 24 || signature.some((b, i) => bytes[i] !== b)) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (String.fromCharCode(...bytes.subarray(12, 16)) !== "IHDR") return null;
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

function checkIcons(root: XmlElement, assetsDir: string, problems: string[]): void {
  const resources = collectResources(root);
  const icons: { url: string; size: number; where: string }[] = [];
  const top = (name: string, size: number) => {
    const el = child(root, name);
    if (el?.attrs.DefaultValue) icons.push({ url: el.attrs.DefaultValue, size, where: name });
    for (const o of childrenNamed(el, "Override"))
      if (o.attrs.Value) icons.push({ url: o.attrs.Value, size, where: name });
  };
  top("IconUrl", 32);
  top("HighResolutionIconUrl", 64);
  for (const el of walk(root)) {
    if (el.name !== "Image" || el.attrs.resid === undefined || el.attrs.size === undefined) continue;
    const res = resources.get(el.attrs.resid);
    if (!res) continue; // reported by checkResids
    const urls = [res.el.attrs.DefaultValue, ...childrenNamed(res.el, "Override").map((o) => o.attrs.Value)];
    for (const url of urls) if (url) icons.push({ url, size: Number(el.attrs.size), where: `Image ${el.attrs.resid}` });
  }
  if (icons.length === 0) problems.push(problem("icon-file", "清单没有图标", "the manifest declares no icons"));
  for (const { url, size, where } of icons) {
    const m = /\/assets\/([^?#]+)$/.exec(url);
    const file = m?.[1] ? path.join(assetsDir, ...decodeURIComponent(m[1]).split("/")) : null;
    if (!file || !existsSync(file)) {
      problems.push(
        problem("icon-file", `${where} 的图标在 assets/ 中不存在：${url}`, `${where}: no file in assets/ for ${url}`),
      );
      continue;
    }
    const dims = pngSize(readFileSync(file));
    if (!dims || dims.width !== size || dims.height !== size) {
      const actual = dims ? `${dims.width}x${dims.height}` : "not a PNG";
      problems.push(
        problem(
          "icon-size",
          `${where} 应为 ${size}x${size} 像素的 PNG，${path.basename(file)} 实际为 ${actual}`,
          `${where} must be a ${size}x${size} PNG, ${path.basename(file)} is ${actual}`,
        ),
      );
    }
  }
}

function checkRequirements(root: XmlElement, problems: string[]): void {
  const sets = childrenNamed(child(child(root, "Requirements"), "Sets"), "Set").filter(
    (s) => s.attrs.Name === "ExcelApi",
  );
  const version =
    sets[0]?.attrs.MinVersion ??
    (sets.length ? child(child(root, "Requirements"), "Sets")?.attrs.DefaultMinVersion : undefined);
  if (sets.length !== 1 || version !== REQUIRED_EXCEL_API) {
    problems.push(
      problem(
        "excel-api",
        `<Requirements> 须声明 ExcelApi MinVersion="${REQUIRED_EXCEL_API}"，实际为 ${version ?? "无"}`,
        `<Requirements> must declare ExcelApi MinVersion="${REQUIRED_EXCEL_API}", found ${version ?? "none"}`,
      ),
    );
  }
}

function checkPermissions(root: XmlElement, problems: string[]): void {
  const all = childrenNamed(root, "Permissions").map((p) => p.text.trim());
  if (all.length !== 1 || all[0] !== "ReadWriteDocument") {
    problems.push(
      problem(
        "permissions",
        `权限须为且仅为 ReadWriteDocument，实际为 ${all.join("、") || "无"}`,
        `Permissions must be exactly ReadWriteDocument, found ${all.join(", ") || "none"}`,
      ),
    );
  }
}

/** The checks the schema cannot make. Synchronous; `checkManifest` adds the schema. */
export function checkManifestRules(xmlText: string, options: ManifestCheckOptions): string[] {
  let root: XmlElement;
  try {
    root = parseXml(xmlText);
  } catch (e) {
    return [
      problem("xml", `清单不是格式正确的 XML：${(e as Error).message}`, `not well-formed XML: ${(e as Error).message}`),
    ];
  }
  const problems: string[] = [];
  checkResids(root, problems);
  checkIcons(root, options.assetsDir, problems);
  checkUrls(root, problems);
  checkLocales(root, problems);
  if (options.production && /localhost|127\.0\.0\.1|\[::1\]/i.test(xmlText)) {
    problems.push(
      problem("localhost", "发布用清单不能含 localhost", "the production manifest must not mention localhost"),
    );
  }
  checkRequirements(root, problems);
  checkPermissions(root, problems);
  return problems;
}

/** XSD validation against Microsoft's add-in manifest schemas, offline. */
export async function validateManifestSchema(xmlText: string, schemaDir = SCHEMA_DIR): Promise<string[]> {
  const xsds = readdirSync(schemaDir).filter((f) => f.endsWith(".xsd"));
  if (!xsds.includes(SCHEMA_ENTRY)) throw new Error(`${SCHEMA_ENTRY} not found in ${schemaDir}`);
  const load = (fileName: string) => ({ fileName, contents: readFileSync(path.join(schemaDir, fileName), "utf8") });
  const result = await validateXML({
    xml: [{ fileName: "manifest.xml", contents: xmlText }],
    schema: [load(SCHEMA_ENTRY)],
    preload: xsds.filter((f) => f !== SCHEMA_ENTRY).map(load),
  });
  return result.errors.map((e) =>
    problem("schema", `不符合清单架构：${e.message}`, `schema: ${e.rawMessage.trim() || e.message}`),
  );
}

/** All checks: schema first, then the rules. An empty list means the manifest is fine. */
export async function checkManifest(xmlText: string, options: ManifestCheckOptions): Promise<string[]> {
  return [...(await validateManifestSchema(xmlText, options.schemaDir)), ...checkManifestRules(xmlText, options)];
}

async function main(argv: string[]): Promise<number> {
  const production = argv.includes("--production");
  const file = path.resolve(argv.find((a) => !a.startsWith("--")) ?? path.join(REPO_ROOT, "manifest.xml"));
  const problems = await checkManifest(readFileSync(file, "utf8"), {
    production,
    assetsDir: path.join(REPO_ROOT, "assets"),
  });
  for (const p of problems) console.error(p);
  console.log(problems.length ? `${problems.length} 个问题 / problems in ${file}` : `清单无问题 / ${file} OK`);
  return problems.length ? 1 : 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (e) => {
      console.error(e);
      process.exitCode = 2;
    },
  );
}
