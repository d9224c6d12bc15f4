/**
 * The engine and the command line as users run them: `lib/` is the tsc output of tsconfig.cli.json
 * (`npm run prepare`), and the task pane runs webpack/ts-loader output of the same TypeScript. Timing the
 * sources under tsx would time esbuild's output instead (its keepNames `__name` wrappers alone cost ~10% in
 * profiles), so the benchmarks compile the sources once per process with the project's own tsc and
 * settings into a temporary directory and require() the engine and CLI modules from there.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

export interface CompiledBuild {
  dir: string;
  /** What was measured, for the table and the JSON. */
  label: string;
  /** tsc's own time, ms. */
  compileMs: number;
}

const ROOT = path.join(__dirname, "..");
let build: CompiledBuild | undefined;

/** Compile src/core + src/cli with `tsc -p tsconfig.cli.json --outDir <tmp>` (once per process). */
export function compiledBuild(): CompiledBuild {
  if (build) return build;
  // Under the project (node_modules/.cache) so that the compiled CLI resolves exceljs as lib/ does.
  const cache = path.join(ROOT, "node_modules", ".cache");
  mkdirSync(cache, { recursive: true });
  const dir = mkdtempSync(path.join(cache, "dr-bench-lib-"));
  const t0 = Date.now();
  const tsc = require.resolve("typescript/bin/tsc", { paths: [ROOT] });
  const r = spawnSync(process.execPath, [tsc, "-p", "tsconfig.cli.json", "--outDir", dir], {
    cwd: ROOT,
    encoding: "utf8",
  });
  // tsc emits even with type errors (noEmitOnError is off); a missing entry point is a failed build.
  if (!existsSync(path.join(dir, "cli", "main.js")) || !existsSync(path.join(dir, "core", "read", "index.js"))) {
    throw new Error(`bench: tsc -p tsconfig.cli.json failed:\n${r.stdout}${r.stderr}`);
  }
  // Plain CommonJS as in lib/ (no loader may reinterpret the files).
  writeFileSync(path.join(dir, "package.json"), '{ "type": "commonjs" }\n');
  const errors = r.status === 0 ? "" : " (tsc reported type errors)";
  build = { dir, label: `tsc -p tsconfig.cli.json (as lib/), plain CommonJS${errors}`, compileMs: Date.now() - t0 };
  process.once("exit", () => rmSync(dir, { recursive: true, force: true }));
  return build;
}

/** require() a module of the compiled build by its path under src/ ("core/read", "cli/main"). */
export function compiled<T>(modulePath: string): T {
  // A path known only at run time, loaded as plain CommonJS (as bin/ loads lib/).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(path.join(compiledBuild().dir, modulePath)) as T;
}
