import { formatDef } from "../model/build";
import type { TableDef } from "../model/format";
import type { ReadNote } from "../model/report";
import { defineCheck } from "./define";
import { colLabel, rowLabel, tableTitle } from "./places";

/** The reader's notes that other checks own. */
const OWNED_ELSEWHERE = new Set(["no-year"]);

/** What the reader looked for and did not find: rows, columns, whole tables and sections. */
export const missingFigures = defineCheck({
  id: "missing-figures",
  severity: "error",
  description: {
    zh: "读取时未找到的表格、行、列或数字",
    en: "Tables, rows, columns or figures the reader could not find",
  },
  messages: {
    notFound: {
      zh: "未找到“{label}”。",
      en: "Not found: “{label}”.",
    },
    row: {
      zh: "{table}：未找到行“{label}”，其数字无法核对。",
      en: "{table}: row “{label}” not found; its figures cannot be checked.",
    },
    col: {
      zh: "{table}：未找到列“{label}”，其数字无法核对。",
      en: "{table}: column “{label}” not found; its figures cannot be checked.",
    },
    table: {
      zh: "未找到表格“{label}”，其数字无法核对。",
      en: "Table “{label}” not found; its figures cannot be checked.",
    },
  },
  run({ report }, emit) {
    const defs: TableDef[] = [];
    if (report.format !== "free-form") {
      const d = formatDef(report.format);
      defs.push(...d.section2, d.section3, d.section4);
    }
    const defOf = (id: string): TableDef | undefined =>
      (id === "s3" ? report.section3?.def : id === "s4" ? report.section4?.def : report.section2[id]?.def) ??
      defs.find((d) => d.id === id);

    // The reader's notes first (it notes a table's missing rows and columns too: keyed so as not to repeat them).
    const noted = new Set<string>();
    for (const note of report.notFound) {
      if (OWNED_ELSEWHERE.has(note.code)) continue;
      const key = noteKey(note);
      if (key) noted.add(key);
      const p = note.params ?? {};
      const def = p["table"] !== undefined ? defOf(String(p["table"])) : undefined;
      if (def && p["row"] !== undefined) {
        emit({
          messageId: "row",
          cells: note.cells,
          params: { table: tableTitle(def), label: rowLabel(def, String(p["row"])) },
        });
      } else if (def && p["col"] !== undefined) {
        const col = def.cols.find((c) => c.key === p["col"]);
        const label = col ? colLabel(col) : String(p["col"]);
        emit({ messageId: "col", cells: note.cells, params: { table: tableTitle(def), label } });
      } else if (def) {
        emit({ messageId: "table", cells: note.cells, params: { label: tableTitle(def) } });
      } else {
        emit({ messageId: "notFound", cells: note.cells, params: { label: String(p["label"] ?? note.code) } });
      }
    }
    for (const t of [...Object.values(report.section2), report.section3, report.section4]) {
      if (!t) continue;
      const table = tableTitle(t.def);
      for (const key of t.missingRows) {
        if (!noted.has(`row:${t.def.id}|${key}`))
          emit({ messageId: "row", cells: [], params: { table, label: rowLabel(t.def, key) } });
      }
      for (const key of t.missingCols) {
        const col = t.def.cols.find((c) => c.key === key);
        const label = col ? colLabel(col) : key;
        if (!noted.has(`col:${t.def.id}|${key}`)) emit({ messageId: "col", cells: [], params: { table, label } });
      }
    }
    for (const def of defs) {
      const present = def.id === "s3" ? report.section3 : def.id === "s4" ? report.section4 : report.section2[def.id];
      if (present || noted.has(`table:${def.id}`) || noted.has(`section:${def.section}`)) continue;
      emit({ messageId: "table", cells: [], params: { label: tableTitle(def) } });
    }
  },
});

function noteKey(note: ReadNote): string | undefined {
  const p = note.params ?? {};
  if (p["table"] !== undefined && p["row"] !== undefined) return `row:${p["table"]}|${p["row"]}`;
  if (p["table"] !== undefined && p["col"] !== undefined) return `col:${p["table"]}|${p["col"]}`;
  if (p["table"] !== undefined) return `table:${p["table"]}`;
  if (p["section"] !== undefined) return `section:${p["section"]}`;
  return undefined;
}
