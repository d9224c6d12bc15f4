/**
 * Who the sentences are about. Real reports name the body as it calls itself: a bureau writes 本局, a
 * commission 本委, a county government's whole-area report 全县各级行政机关. The subject comes from
 * 公开范围 (本机关 / 本级政府) and the unit name; "本机关" only when the name tells nothing better.
 */
import type { Report } from "../model/report";

/** The area word when neither the setting nor the unit name tells it. */
export const DEFAULT_AREA_WORD = "全区";

/** Administrative suffixes of a unit name and the area word each gives (longer suffixes first). */
const AREA_SUFFIXES: [string, string][] = [
  ["自治区", "全区"],
  ["自治州", "全州"],
  ["自治县", "全县"],
  ["自治旗", "全旗"],
  ["省", "全省"],
  ["市", "全市"],
  ["州", "全州"],
  ["县", "全县"],
  ["区", "全区"],
  ["旗", "全旗"],
];

/**
 * The area word of a 本级政府 report from the unit name: the LAST administrative suffix before
 * 人民政府/政府 ("某某市某某区人民政府" -> "全区", "某某县人民政府" -> "全县"); null when the name has none.
 */
export function areaWordOf(unit: string | undefined): string | null {
  if (!unit) return null;
  let name = unit.replace(/\s+/g, "");
  const gov = name.lastIndexOf("政府");
  if (gov >= 0) name = name.slice(0, gov).replace(/人民$/, "");
  let best: { at: number; word: string } | null = null;
  for (const [suffix, word] of AREA_SUFFIXES) {
    const at = name.lastIndexOf(suffix);
    if (at < 0) continue;
    const end = at + suffix.length;
    // The suffix that ends last wins; at the same end, the longer one (自治区 over 区) listed first.
    if (!best || end > best.at) best = { at: end, word };
  }
  return best?.word ?? null;
}

/**
 * How a body names itself (本机关 scope), from the end of its name: 某某县教育局 -> 本局, 某某市发展和改革委员会
 * -> 本委, 某某县人民政府 -> 县政府, 某某镇人民政府 -> 本镇; null when the name gives no usual short form.
 */
export function selfWordOf(unit: string | undefined): string | null {
  if (!unit) return null;
  const name = unit.replace(/\s+/g, "");
  if (/(人民)?政府办公(室|厅)$/.test(name)) return "本办";
  if (/(镇|乡)(人民)?政府$/.test(name)) return name.includes("乡") && !name.includes("镇") ? "本乡" : "本镇";
  if (/街道办事处$/.test(name)) return "本街道";
  if (/(人民)?政府$/.test(name)) {
    const area = areaWordOf(name);
    return area ? `${area.slice(1)}政府` : null;
  }
  const endings: [RegExp, string][] = [
    [/局$/, "本局"],
    [/委员会$|委$/, "本委"],
    [/厅$/, "本厅"],
    [/办公室$|办$/, "本办"],
    [/中心$/, "本中心"],
    [/署$/, "本署"],
    [/馆$/, "本馆"],
  ];
  for (const [re, word] of endings) if (re.test(name)) return word;
  return null;
}

export interface SubjectSettings {
  /** Overrides the subject of the sentences ("本机关", "全市各级行政机关"). */
  scopeWord?: string;
  /** The area a 本级政府 report covers ("全市", "全县"...); derived from the unit name when not set. */
  areaWord?: string;
}

/** The subject of the narrative's sentences. */
export function subjectOf(report: Report, settings?: SubjectSettings): string {
  if (settings?.scopeWord) return settings.scopeWord;
  const unit = report.meta.body?.text;
  if (report.meta.scope?.value === "本级政府") {
    const area = settings?.areaWord || areaWordOf(unit) || DEFAULT_AREA_WORD;
    return `${area}各级行政机关`;
  }
  return selfWordOf(unit) ?? "本机关";
}
