/**
 * Test tiers that need an outside tool (LibreOffice, Chromium, xmllint) call requireTool in a
 * `before` hook: on a user's machine a missing tool skips the tier with a visible message; with
 * CI=true it fails.
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";

export function findExecutable(candidates: string[]): string | null {
  for (const c of candidates) {
    if (c.includes("/")) {
      if (existsSync(c)) return c;
      continue;
    }
    try {
      const p = execFileSync("sh", ["-c", `command -v ${c}`], { encoding: "utf8" }).trim();
      if (p) return p;
    } catch {
      /* not on PATH */
    }
  }
  return null;
}

/** Returns the tool's path; skips (or fails under CI=true) when it is missing. */
export function requireTool(ctx: Mocha.Context, tier: string, candidates: string[], install: string): string {
  const found = findExecutable(candidates);
  if (found) return found;
  skipOutsideCi(ctx, `${tier}: ${candidates.join(" / ")} not found (install: ${install})`);
}

/** On a user's machine: skips the test with a visible message. With CI=true nothing may skip: fails. */
export function skipOutsideCi(ctx: Mocha.Context, msg: string): never {
  if (process.env.CI === "true") throw new Error(`${msg}; this test must run in CI`);
  console.warn(`      ⚠ SKIPPED ${msg}`);
  ctx.skip();
}
