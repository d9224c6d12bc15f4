/**
 * Let LibreOffice recalculate a workbook: a private profile that always recalculates on load
 * (OOXMLRecalcMode / ODFRecalcMode = 0), then `soffice --convert-to`. About 2 s a call.
 */
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { findExecutable } from "./tools";

const RECALC_XCU = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

export const SOFFICE_CANDIDATES = ["soffice", "libreoffice"];
export const SOFFICE_INSTALL = "apt-get install -y libreoffice-calc-nogui";

let profileDir: string | null = null;

/** One profile per process (LibreOffice locks its profile; concurrent processes need their own). */
function profile(): string {
  if (profileDir) return profileDir;
  profileDir = mkdtempSync(path.join(tmpdir(), "lo-profile-"));
  mkdirSync(path.join(profileDir, "user"), { recursive: true });
  writeFileSync(path.join(profileDir, "user", "registrymodifications.xcu"), RECALC_XCU);
  return profileDir;
}

function run(bin: string, args: string[], env?: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const options = { timeout: 120_000, ...(env ? { env: { ...process.env, ...env } } : {}) };
    execFile(bin, args, options, (err, _stdout, stderr) => {
      if (err) reject(new Error(`${bin} ${args.join(" ")} failed: ${err.message}\n${stderr}`));
      else resolve();
    });
  });
}

/**
 * Convert with LibreOffice (recalculating on load) into outDir; returns the output path. `env` is added to
 * LibreOffice's environment (e.g. FONTCONFIG_FILE).
 */
export async function convert(
  inPath: string,
  to: "xlsx" | "pdf",
  outDir?: string,
  env?: Record<string, string>,
): Promise<string> {
  const bin = findExecutable(SOFFICE_CANDIDATES);
  if (!bin) throw new Error(`LibreOffice not found (install: ${SOFFICE_INSTALL})`);
  const out = outDir ?? mkdtempSync(path.join(tmpdir(), "lo-out-"));
  mkdirSync(out, { recursive: true });
  await run(
    bin,
    [
      "--headless",
      "--norestore",
      `-env:UserInstallation=${pathToFileURL(profile()).href}`,
      "--convert-to",
      to,
      "--outdir",
      out,
      inPath,
    ],
    env,
  );
  const result = path.join(out, path.basename(inPath).replace(/\.[^.]+$/, "") + "." + to);
  if (!existsSync(result)) throw new Error(`LibreOffice wrote no ${to} for ${inPath}`);
  return result;
}

/** Recalculate an .xlsx with LibreOffice; returns the path of the recalculated copy (in a new directory). */
export function recalc(xlsxPath: string): Promise<string> {
  return convert(xlsxPath, "xlsx");
}
