/** The report as a Word document plan (pure data); src/docx writes it. */
export type * from "./plan";
export {
  documentPlan,
  paragraphsFromTextSheet,
  paragraphBlock,
  tableBlock,
  textWidth,
  DOCUMENT_FONTS,
  LANDSCAPE,
  PORTRAIT,
  type DocumentOptions,
} from "./build";
