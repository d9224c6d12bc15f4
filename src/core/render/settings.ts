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

export interface ReportSettings {
  rounding: RoundingOptions;
  /** Sheet of the report tables. */
  tableSheet: string;
  /** Sheet of the narrative paragraphs. */
  textSheet: string;
  fonts: FontSettings;
}

export const DEFAULT_FONTS: FontSettings = { name: "仿宋", titleSize: 12, bodySize: 10.5 };

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
  };
}
