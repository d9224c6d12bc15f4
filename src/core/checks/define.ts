/**
 * How a check is defined: a typed way to emit findings (a messageId must exist in the check's own
 * messages, at compile time). What the checks compute with is beside it: arithmetic.ts (figures as
 * numbers, sums, the whole of a breakdown), places.ts (tables, labels, every figure and breakdown of a
 * report), prior.ts (the report year and last year's report).
 */
import type { CellRef } from "../grid";
import type { Check, CheckContext, Finding, Severity } from "./types";
export interface Emit<M extends string> {
  messageId: M;
  /** Cells involved; undefined entries (derived figures) are dropped. */
  cells: (CellRef | undefined)[];
  params?: Record<string, string | number>;
  expected?: string | number;
  actual?: string | number;
  /** Only when this message is more or less serious than the check's default. */
  severity?: Severity;
  /** A suggested correction (see Finding.fix); undefined = none. */
  fix?: Finding["fix"];
  /** Where in the report's text (see Finding.text). */
  text?: Finding["text"];
}

export interface CheckSpec<M extends string> {
  id: string;
  severity: Severity;
  description: { zh: string; en: string };
  messages: Record<M, { zh: string; en: string }>;
  run(ctx: CheckContext, emit: (f: Emit<M>) => void): void;
}

export function defineCheck<M extends string>(spec: CheckSpec<M>): Check {
  return {
    id: spec.id,
    severity: spec.severity,
    description: spec.description,
    messages: spec.messages,
    run(ctx) {
      const out: Finding[] = [];
      spec.run(ctx, (e) => {
        const f: Finding = {
          rule: spec.id,
          severity: e.severity ?? spec.severity,
          cells: e.cells.filter((c): c is CellRef => c !== undefined),
          messageId: e.messageId,
          params: e.params ?? {},
        };
        if (e.expected !== undefined) f.expected = e.expected;
        if (e.actual !== undefined) f.actual = e.actual;
        if (e.fix !== undefined) f.fix = e.fix;
        if (e.text !== undefined) f.text = e.text;
        out.push(f);
      });
      return out;
    },
  };
}
