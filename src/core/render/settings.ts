/** Settings of the generated report sheets (tables and text). */
import { DEFAULT_ROUNDING, type RoundingOptions } from "../shares/types";

export interface FontSettings {
  /** Font of the report tables and text; 仿宋 falls back gracefully where 仿宋_GB2312 is missing. */
  name: string;
  /** Table titles: 小四 12 pt bold. */
  titleSize: number;
  /** Table body: 五号 10.5 pt. */
  bodySize: number;
}

/**
 * Fonts of the text sheet (报告正文) in 公文 style (GB/T 9704—2012): title 二号 (22 pt), "一、" headings
 * 黑体 三号, body 仿宋 三号 (16 pt). The standard title font is 方正小标宋简体, which is not always
 * installed: 宋体 bold is the default, and any font can be set. Word substitutes a missing font silently.
 */
export interface TextFontSettings {
  titleName: string;
  titleSize: number;
  headingName: string;
  headingSize: number;
  /** Body font; defaults to the table font (FontSettings.name) so one setting changes both. */
  bodyName: string;
  bodySize: number;
}

export interface ReportSettings {
  rounding: RoundingOptions;
  /** Sheet of the report tables. */
  tableSheet: string;
  /** Sheet of the narrative paragraphs. */
  textSheet: string;
  fonts: FontSettings;
  /** Fonts of the text sheet (optional; 公文 defaults). */
  textFonts?: Partial<TextFontSettings>;
}

export const DEFAULT_FONTS: FontSettings = { name: "仿宋", titleSize: 12, bodySize: 10.5 };

export const DEFAULT_TEXT_FONTS: TextFontSettings = {
  titleName: "宋体",
  titleSize: 22,
  headingName: "黑体",
  headingSize: 16,
  bodyName: DEFAULT_FONTS.name,
  bodySize: 16,
};

/** The text sheet's fonts: the settings over the defaults, the body font following the table font unless set. */
export function resolveTextFonts(s: Pick<ReportSettings, "fonts" | "textFonts">): TextFontSettings {
  return { ...DEFAULT_TEXT_FONTS, bodyName: s.fonts.name, ...(s.textFonts ?? {}) };
}

export const DEFAULT_REPORT_SETTINGS: ReportSettings = {
  rounding: DEFAULT_ROUNDING,
  tableSheet: "报告表格",
  textSheet: "报告正文",
  fonts: DEFAULT_FONTS,
};

/** Hidden sheet recording what the generator wrote, for edit detection on regeneration. */
export const RECORD_SHEET = "_报告生成记录";

export function resolveSettings(settings?: Partial<ReportSettings>): ReportSettings {
  return {
    rounding: { ...DEFAULT_ROUNDING, ...(settings?.rounding ?? {}) },
    tableSheet: settings?.tableSheet || DEFAULT_REPORT_SETTINGS.tableSheet,
    textSheet: settings?.textSheet || DEFAULT_REPORT_SETTINGS.textSheet,
    fonts: { ...DEFAULT_FONTS, ...(settings?.fonts ?? {}) },
    ...(settings?.textFonts ? { textFonts: { ...settings.textFonts } } : {}),
  };
}
