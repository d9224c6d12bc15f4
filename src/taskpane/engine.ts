/** The real engine, as the controller sees it. Kept apart so that controller tests can swap pieces. */
import { findingCells, formatMessage, runChecks } from "../core/checks";
import { priorFills } from "../core/model/prior-fill";
import { readReports, readWorkbook } from "../core/read";
import { documentPlan } from "../core/document";
import { narrative } from "../core/narrative";
import { renderReport, templatePlan } from "../core/render";
import type { Engine } from "./controller";

export const ENGINE: Engine = {
  readWorkbook,
  readReports: (wb) => readReports(wb),
  runChecks,
  formatMessage,
  findingCells,
  renderReport,
  templatePlan,
  documentPlan,
  narrative,
  priorFills,
};
