/** Sheet plans: the counts-sheet template, the report tables and text, and edit detection. */
export type * from "./plan";
export { renderReport, figureCell, TABLE_NAMES, LARGEST_REMAINDER_NOTE, ROUNDING_NOTE } from "./report";
export {
  templatePlan,
  templateCells,
  templateForReport,
  planToGrid,
  recalculate,
  typeIntoPlan,
  COUNTS_SHEET,
  DEFAULT_CATEGORIES,
  DEFAULT_KEY_AREAS,
  type TemplateOptions,
  type TemplateCells,
  type TableCells,
  type BlockCells,
} from "./template";
export {
  detectEditedCells,
  readGenerationRecord,
  recordPlan,
  hashText,
  type GenerationRecord,
  type RecordEntry,
  type EditedCell,
} from "./record";
export {
  resolveSettings,
  DEFAULT_REPORT_SETTINGS,
  RECORD_SHEET,
  type ReportSettings,
  type FontSettings,
} from "./settings";
export {
  planRegeneration,
  preserveEdits,
  regenerationProblem,
  keptEditsLines,
  type Regeneration,
  type RegenerationOptions,
  type Preserved,
} from "./regenerate";
