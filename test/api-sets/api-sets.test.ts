import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import {
  checkApiSets,
  compareVersions,
  manifestMinVersion,
  projectFiles,
  type Violation,
} from "../../scripts/check-api-sets";

const ROOT = path.resolve(__dirname, "../..");
const FIXTURES = path.join(__dirname, "fixtures");
const fixtureFiles = readdirSync(FIXTURES)
  .filter((f) => f.endsWith(".ts"))
  .map((f) => path.join(FIXTURES, f));

/** `// EXPECT ExcelApi 1.13` marks a line that must be flagged with that set and version; no other line may be. */
function expectations(file: string): { line: number; apiSet: string; version: string }[] {
  return readFileSync(file, "utf8")
    .split("\n")
    .flatMap((text, i) => {
      const m = /\/\/ EXPECT (\w+) (\d+\.\d+)/.exec(text);
      return m?.[1] && m[2] ? [{ line: i + 1, apiSet: m[1], version: m[2] }] : [];
    });
}

describe("API-set check (static tier)", function () {
  this.timeout(120000);
  let fixtureViolations: Violation[];

  before(function () {
    fixtureViolations = checkApiSets({ files: fixtureFiles, minVersion: "1.7" });
  });

  it("compares versions numerically", function () {
    assert.ok(compareVersions("1.13", "1.9") > 0);
    assert.ok(compareVersions("1.7", "1.7") === 0);
    assert.ok(compareVersions("1.4", "1.10") < 0);
  });

  it("has fixtures that expect violations and fixtures that expect none", function () {
    const expecting = fixtureFiles.filter((f) => expectations(f).length > 0);
    assert.ok(expecting.length >= 2, "fixtures with EXPECT marks");
    assert.ok(fixtureFiles.length - expecting.length >= 2, "clean fixtures");
  });

  for (const file of fixtureFiles) {
    it(`fixtures/${path.basename(file)}: flags exactly the EXPECT lines`, function () {
      const got = fixtureViolations
        .filter((v) => path.resolve(v.file) === file)
        .map((v) => ({ line: v.line, apiSet: v.apiSet, version: v.version }))
        .sort((a, b) => a.line - b.line);
      assert.deepEqual(got, expectations(file));
    });
  }

  it("flags the unguarded ExcelApi 1.13 call with a bilingual message naming the member", function () {
    const v = fixtureViolations.find((x) => x.file.endsWith("unguarded.ts") && x.version === "1.13");
    assert.ok(v, "violation for getMergedAreasOrNullObject");
    assert.equal(v.member, "Range.getMergedAreasOrNullObject");
    assert.match(v.message, /需要 ExcelApi 1\.13/);
    assert.match(v.message, /needs ExcelApi 1\.13/);
  });

  it("raising the floor to 1.13 clears the unguarded fixture; lowering it to 1.6 flags 1.7 members", function () {
    const unguarded = fixtureFiles.filter((f) => f.endsWith("unguarded.ts"));
    assert.deepEqual(checkApiSets({ files: unguarded, minVersion: "1.13" }), []);
    const floor = fixtureFiles.filter((f) => f.endsWith("within-1-7.ts"));
    const at16 = checkApiSets({ files: floor, minVersion: "1.6" });
    assert.deepEqual(
      at16.map((v) => [v.member, v.version]),
      [["Worksheet.onChanged", "1.7"]],
    );
  });

  it("the project's Excel and task pane sources pass against manifest.xml's MinVersion", function () {
    const minVersion = manifestMinVersion(readFileSync(path.join(ROOT, "manifest.xml"), "utf8"));
    assert.equal(minVersion, "1.7");
    const files = projectFiles();
    assert.ok(
      files.some((f) => f.endsWith(path.join("src", "taskpane", "taskpane.ts"))),
      "sources found",
    );
    const violations = checkApiSets({ files, minVersion });
    assert.deepEqual(
      violations.map((v) => `${path.relative(ROOT, v.file)}:${v.line} ${v.message}`),
      [],
    );
  });
});
