/**
 * Sentences for the text tests, each with a table that fits it (or, for the must-raise cases, contradicts
 * it) and exactly the findings it must give, kept as data in sentences.json (one block per sentence):
 * - reference: the reference's verbatim examples, each with a table that fits it;
 * - realRaise: real sentences against tables that contradict them (must raise);
 * - realPass: real sentences that must pass with the tables the reports print;
 * - constructed: sentences written to pin one reading each (number writing and readings).
 * "real" sentences are verbatim from published reports (../shared/reference/narrative-phrasing.md,
 * ../shared/field/).
 */
import { runChecks, type Finding } from "../checks";
import { textReport, type TextTable } from "./reports.testutil";
import SENTENCES from "./sentences.json";

export interface Case {
  text: string;
  table: TextTable;
  /** "rule/messageId" of every text finding, in any order; [] = must pass. */
  expect: string[];
  real?: boolean;
  note?: string;
  largestRemainder?: boolean;
}

export const CELL = { sheet: "报告正文", row: 4, col: 0 };

export function textFindings(c: Pick<Case, "text" | "table" | "largestRemainder">): Finding[] {
  const r = textReport(c.table);
  r.prose = [{ text: c.text, cell: CELL }];
  return runChecks(r, c.largestRemainder ? { largestRemainder: true } : {}).filter((f) => f.text !== undefined);
}

type Stored = Omit<Case, "real" | "table"> & { table: unknown };
const cases = (list: Stored[], real: boolean): Case[] =>
  list.map((c) => ({ ...c, table: c.table as TextTable, ...(real ? { real } : {}) }));

export const REFERENCE: Case[] = cases(SENTENCES.reference, true);
export const REAL_RAISE: Case[] = cases(SENTENCES.realRaise, true);
export const REAL_PASS: Case[] = cases(SENTENCES.realPass, true);
export const CONSTRUCTED: Case[] = cases(SENTENCES.constructed, false);
export const TEXT_CASES = [...REFERENCE, ...REAL_RAISE, ...REAL_PASS, ...CONSTRUCTED];
