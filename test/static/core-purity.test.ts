/**
 * src/core is the pure engine: its tsconfig has no host types, so Excel, Office, the DOM and Node
 * cannot be used there. This test compiles probe files with exactly that tsconfig and asserts that
 * host globals fail to type-check while plain engine code passes.
 */
import { strict as assert } from "node:assert";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ts from "typescript";

const coreConfig = path.resolve(__dirname, "../../src/core/tsconfig.json");

function diagnosticsFor(source: string): string[] {
  const parsed = ts.getParsedCommandLineOfConfigFile(
    coreConfig,
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n"));
      },
    },
  );
  assert.ok(parsed, "core tsconfig parses");
  const dir = mkdtempSync(path.join(tmpdir(), "core-purity-"));
  try {
    const file = path.join(dir, "probe.ts");
    writeFileSync(file, source);
    const program = ts.createProgram([file], { ...parsed.options, noEmit: true, noUnusedLocals: false });
    return ts
      .getPreEmitDiagnostics(program)
      .filter((d) => d.file?.fileName === file)
      .map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("src/core purity (typecheck with the core tsconfig)", () => {
  it("accepts plain engine code", () => {
    assert.deepEqual(
      diagnosticsFor("export const share = (c: number, t: number): bigint => (BigInt(c) * 10000n) / BigInt(t);\n"),
      [],
    );
  });

  const forbidden: [string, string][] = [
    ["Excel.run", "export async function f() { await Excel.run(async (ctx) => ctx.sync()); }\n"],
    ["Office", "export const lang = Office.context.displayLanguage;\n"],
    ["document (DOM)", "export const el = document.getElementById('x');\n"],
    ["window (DOM)", "export const w = window.innerWidth;\n"],
    ["Node fs", "import { readFileSync } from 'fs';\nexport const t = readFileSync('x', 'utf8');\n"],
    ["Node process", "export const env = process.env.CI;\n"],
    ["Node require", "export const m = require('path');\n"],
  ];
  for (const [what, source] of forbidden) {
    it(`rejects ${what}`, () => {
      const diags = diagnosticsFor(source);
      assert.ok(diags.length > 0, `expected a type error for ${what}`);
    });
  }
});
