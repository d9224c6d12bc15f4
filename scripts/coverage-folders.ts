/**
 * Prints the test coverage per source folder from c8's json-summary (coverage/coverage-summary.json,
 * written by `c8 mocha` in `npm test`). A figure per folder is what a reader acts on; per file is in
 * the JSON. No threshold: the figures are printed, not enforced.
 */
import fs from "node:fs";
import path from "node:path";

interface Counts {
  total: number;
  covered: number;
}
type Kind = "lines" | "statements" | "functions" | "branches";
const KINDS: Kind[] = ["lines", "statements", "functions", "branches"];
type FileSummary = Record<Kind, Counts>;

const root = path.resolve(__dirname, "..");
const file = path.join(root, "coverage", "coverage-summary.json");
if (!fs.existsSync(file)) {
  console.error(`no ${path.relative(root, file)}: run the tests through c8 first (npm test)`);
  process.exit(1);
}
const summary = JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, FileSummary>;

/** src/core/checks/x.ts -> src/core/checks; src/cli/x.ts -> src/cli (two levels under src). */
function folderOf(abs: string): string {
  const parts = path.relative(root, abs).split(path.sep);
  return parts.slice(0, Math.min(parts.length - 1, parts[1] === "core" || parts[1] === "taskpane" ? 3 : 2)).join("/");
}

const folders = new Map<string, Record<Kind, Counts>>();
const add = (key: string, s: FileSummary): void => {
  let f = folders.get(key);
  if (!f) {
    f = Object.fromEntries(KINDS.map((k) => [k, { total: 0, covered: 0 }])) as Record<Kind, Counts>;
    folders.set(key, f);
  }
  for (const k of KINDS) {
    f[k].total += s[k].total;
    f[k].covered += s[k].covered;
  }
};
for (const [name, s] of Object.entries(summary)) {
  if (name === "total") continue;
  add(folderOf(name), s);
}

const pct = (c: Counts): string => (c.total === 0 ? "-" : ((100 * c.covered) / c.total).toFixed(1) + "%");
const rows = [...folders.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
const width = Math.max(...rows.map(([k]) => k.length), "folder".length) + 2;
console.log("\nCoverage by folder (c8; the task pane in Chromium is not measured, only its happy-dom tests):");
console.log("folder".padEnd(width) + KINDS.map((k) => k.padStart(11)).join(""));
for (const [k, f] of rows) console.log(k.padEnd(width) + KINDS.map((kind) => pct(f[kind]).padStart(11)).join(""));
const total = summary["total"];
if (total) console.log("all".padEnd(width) + KINDS.map((kind) => pct(total[kind]).padStart(11)).join(""));
