#!/usr/bin/env node
// disclosure-report: runs the compiled CLI (lib/, built by `npm run prepare`) when present,
// otherwise the TypeScript sources through tsx (a devDependency, present in a checkout).
"use strict";
const fs = require("node:fs");
const path = require("node:path");

const root = path.resolve(__dirname, "..");
const compiled = path.join(root, "lib", "cli", "main.js");
let mod;
if (fs.existsSync(compiled)) {
  mod = require(compiled);
} else {
  try {
    require("tsx/cjs");
  } catch {
    process.stderr.write(
      "找不到编译结果 lib/cli/main.js，也没有 tsx。请先运行 npm install（或 npm run prepare）。\n" +
        "lib/cli/main.js is missing and tsx is not installed: run npm install (or npm run prepare) first.\n",
    );
    process.exit(2);
  }
  mod = require(path.join(root, "src", "cli", "main.ts"));
}
// Anything thrown outside main's own handling (a stream error, a timer): one line and exit 2, never a stack.
const oneLine = (e) => {
  process.stderr.write(`内部错误 Internal error: ${String((e && e.message) || e).split("\n")[0]}\n`);
  process.exit(2);
};
// The reader of stdout went away (`check DIR --jsonl | head`): stop quietly, as other command-line tools do.
process.stdout.on("error", (e) => {
  if (e && e.code === "EPIPE") process.exit(process.exitCode ?? 0);
  oneLine(e);
});
process.on("uncaughtException", oneLine);
process.on("unhandledRejection", oneLine);
mod.main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`内部错误 Internal error: ${e && e.message ? e.message : String(e)}\n`);
    process.exitCode = 2;
  },
);
