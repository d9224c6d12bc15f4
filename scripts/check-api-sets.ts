/**
 * Keeps the code honest about Excel requirement sets. @types/office-js tags each member with
 * `[Api set: ExcelApi 1.N]`; any member used in src/excel and src/taskpane whose set is above the
 * manifest's ExcelApi MinVersion must sit behind `Office.context.requirements.isSetSupported("ExcelApi", "1.N")`
 * (or a higher version). Recognised guards, by position of the use:
 *   if (isSetSupported(...)) { use }          if (!isSetSupported(...)) { ... } else { use }
 *   isSetSupported(...) ? use : other          isSetSupported(...) && use
 *   if (!isSetSupported(...)) return;  use     (also throw, continue, break; `a && b` / `a || b` combine)
 * `supportsExcelApi(N)` from src/excel/host.ts counts as isSetSupported("ExcelApi", "1.N").
 * ExcelApiOnline / ExcelApiDesktop members are flagged unless guarded by their own set.
 *
 *   npx tsx scripts/check-api-sets.ts            checks the project against manifest.xml
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

export interface Violation {
  file: string;
  line: number;
  column: number;
  /** What was used, e.g. "Range.getMergedAreasOrNullObject". */
  member: string;
  apiSet: string;
  version: string;
  message: string;
}

export interface CheckApiSetsOptions {
  files: string[];
  /** The manifest's ExcelApi MinVersion, e.g. "1.7". */
  minVersion: string;
}

interface Requirement {
  set: string;
  version: string;
}

const REPO_ROOT = path.resolve(__dirname, "..");
const EXCEL_SETS = new Set(["ExcelApi", "ExcelApiOnline", "ExcelApiDesktop"]);

/** Compares "1.13" and "1.9" numerically. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

function isOfficeTypes(decl: ts.Declaration): boolean {
  return decl.getSourceFile().fileName.replace(/\\/g, "/").includes("/@types/office-js/");
}

/** The first Excel requirement named in a declaration's JSDoc, if any. */
function requirementOf(decl: ts.Declaration): Requirement | null {
  const sf = decl.getSourceFile();
  const text = sf.getFullText();
  for (const range of ts.getLeadingCommentRanges(text, decl.getFullStart()) ?? []) {
    const m = /\[Api set:\s*([A-Za-z]+)\s+(\d+\.\d+)/.exec(text.slice(range.pos, range.end));
    if (m?.[1] && m[2] && EXCEL_SETS.has(m[1])) return { set: m[1], version: m[2] };
  }
  return null;
}

/**
 * A member's requirement, unless its class already carries it: holding a RangeAreas (ExcelApi 1.9) means
 * the call that produced it was checked, so RangeAreas.address (1.9) needs no second guard; RangeAreas.select
 * (1.18) still does.
 */
function memberRequirement(decl: ts.Declaration): Requirement | null {
  const r = requirementOf(decl);
  const owner = decl.parent;
  if (r && (ts.isClassDeclaration(owner) || ts.isInterfaceDeclaration(owner))) {
    const o = requirementOf(owner);
    if (o && o.set === r.set && compareVersions(o.version, r.version) >= 0) return null;
  }
  return r;
}

/** The requirement of what `name` refers to: the chosen overload for calls, else the loosest declaration. */
function requirementAt(checker: ts.TypeChecker, access: ts.PropertyAccessExpression): Requirement | null {
  const call = access.parent;
  if (ts.isCallExpression(call) && call.expression === access) {
    const decl = checker.getResolvedSignature(call)?.declaration;
    if (decl && !ts.isJSDocSignature(decl) && isOfficeTypes(decl)) return memberRequirement(decl);
  }
  let symbol = checker.getSymbolAtLocation(access.name);
  if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
  let loosest: Requirement | null = null;
  for (const decl of symbol?.declarations ?? []) {
    if (!isOfficeTypes(decl)) continue;
    const r = memberRequirement(decl);
    if (r && (!loosest || (r.set === loosest.set && compareVersions(r.version, loosest.version) < 0))) loosest = r;
  }
  return loosest;
}

function isSetSupportedCall(expr: ts.Expression): Requirement | null {
  if (!ts.isCallExpression(expr)) return null;
  const callee = expr.expression;
  if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== "isSetSupported") return null;
  if (!/(^|\.)requirements$/.test(callee.expression.getText())) return null;
  const [set, version] = expr.arguments;
  if (!set || !ts.isStringLiteralLike(set)) return null;
  if (version === undefined) return { set: set.text, version: "1.1" };
  return ts.isStringLiteralLike(version) ? { set: set.text, version: version.text } : null;
}

/**
 * `supportsExcelApi(13)` (src/excel/host.ts) guards ExcelApi 1.13, provided the function it resolves to
 * really calls isSetSupported.
 */
function helperCall(checker: ts.TypeChecker, expr: ts.Expression): Requirement | null {
  if (!ts.isCallExpression(expr)) return null;
  const callee = expr.expression;
  const name = ts.isIdentifier(callee) ? callee : ts.isPropertyAccessExpression(callee) ? callee.name : null;
  const [minor] = expr.arguments;
  if (!name || name.text !== "supportsExcelApi" || !minor || !ts.isNumericLiteral(minor)) return null;
  let symbol = checker.getSymbolAtLocation(name);
  if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
  const callsIsSetSupported = (symbol?.declarations ?? []).some(
    (d) => ts.isFunctionLike(d) && /\.isSetSupported\(\s*"ExcelApi"/.test(d.getText()),
  );
  return callsIsSetSupported ? { set: "ExcelApi", version: `1.${minor.text}` } : null;
}

function unwrap(expr: ts.Expression): ts.Expression {
  while (ts.isParenthesizedExpression(expr)) expr = expr.expression;
  return expr;
}

/** Requirement sets known to be supported when `expr` is truthy. */
function whenTrue(checker: ts.TypeChecker, expr: ts.Expression): Requirement[] {
  expr = unwrap(expr);
  const direct = isSetSupportedCall(expr) ?? helperCall(checker, expr);
  if (direct) return [direct];
  if (ts.isBinaryExpression(expr) && expr.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken) {
    return [...whenTrue(checker, expr.left), ...whenTrue(checker, expr.right)];
  }
  if (ts.isPrefixUnaryExpression(expr) && expr.operator === ts.SyntaxKind.ExclamationToken)
    return whenFalse(checker, expr.operand);
  return [];
}

/** Requirement sets known to be supported when `expr` is falsy. */
function whenFalse(checker: ts.TypeChecker, expr: ts.Expression): Requirement[] {
  expr = unwrap(expr);
  if (ts.isBinaryExpression(expr) && expr.operatorToken.kind === ts.SyntaxKind.BarBarToken) {
    return [...whenFalse(checker, expr.left), ...whenFalse(checker, expr.right)];
  }
  if (ts.isPrefixUnaryExpression(expr) && expr.operator === ts.SyntaxKind.ExclamationToken)
    return whenTrue(checker, expr.operand);
  return [];
}

/** A statement after which control does not continue (return / throw / continue / break, or a block ending so). */
function exits(stmt: ts.Statement): boolean {
  if (ts.isReturnStatement(stmt) || ts.isThrowStatement(stmt)) return true;
  if (ts.isContinueStatement(stmt) || ts.isBreakStatement(stmt)) return true;
  if (ts.isBlock(stmt)) {
    const last = stmt.statements[stmt.statements.length - 1];
    return last !== undefined && exits(last);
  }
  return false;
}

function within(node: ts.Node, container: ts.Node | undefined): boolean {
  return !!container && node.pos >= container.pos && node.end <= container.end;
}

/** Every requirement the code around `node` has established before reaching it. */
function guardsAt(checker: ts.TypeChecker, node: ts.Node): Requirement[] {
  const guards: Requirement[] = [];
  let child: ts.Node = node;
  for (let parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (ts.isIfStatement(parent)) {
      if (child === parent.thenStatement) guards.push(...whenTrue(checker, parent.expression));
      else if (child === parent.elseStatement) guards.push(...whenFalse(checker, parent.expression));
    } else if (ts.isConditionalExpression(parent)) {
      if (child === parent.whenTrue) guards.push(...whenTrue(checker, parent.condition));
      else if (child === parent.whenFalse) guards.push(...whenFalse(checker, parent.condition));
    } else if (
      ts.isBinaryExpression(parent) &&
      parent.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken &&
      within(child, parent.right)
    ) {
      guards.push(...whenTrue(checker, parent.left));
    } else if (ts.isBlock(parent) || ts.isSourceFile(parent) || ts.isCaseClause(parent) || ts.isDefaultClause(parent)) {
      // Early exits among the statements before this one.
      for (const stmt of parent.statements) {
        if (stmt === child) break;
        if (ts.isIfStatement(stmt) && !stmt.elseStatement && exits(stmt.thenStatement)) {
          guards.push(...whenFalse(checker, stmt.expression));
        }
      }
    }
  }
  return guards;
}

function covered(req: Requirement, guards: Requirement[]): boolean {
  return guards.some((g) => g.set === req.set && compareVersions(g.version, req.version) >= 0);
}

function memberName(checker: ts.TypeChecker, access: ts.PropertyAccessExpression): string {
  const type = checker.getTypeAtLocation(access.expression);
  const owner = type.getSymbol()?.getName() ?? access.expression.getText();
  return `${owner}.${access.name.text}`;
}

const PROGRAM_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.CommonJS,
  moduleResolution: ts.ModuleResolutionKind.Node10,
  lib: ["lib.es2022.d.ts", "lib.dom.d.ts", "lib.dom.iterable.d.ts"],
  types: ["office-js"],
  typeRoots: [path.join(REPO_ROOT, "node_modules/@types")],
  strict: true,
  esModuleInterop: true,
  skipLibCheck: true,
  noEmit: true,
};

// Reusing the previous program spares re-parsing lib.dom and office-js (seconds) on repeated calls.
let previousProgram: ts.Program | undefined;

export function createProgram(files: string[]): ts.Program {
  previousProgram = ts.createProgram(files, PROGRAM_OPTIONS, undefined, previousProgram);
  return previousProgram;
}

/** Uses of Excel members above `minVersion` (or outside ExcelApi) that no isSetSupported guard covers. */
export function checkApiSets({ files, minVersion }: CheckApiSetsOptions): Violation[] {
  const program = createProgram(files);
  const checker = program.getTypeChecker();
  const wanted = new Set(files.map((f) => path.resolve(f)));
  const violations: Violation[] = [];
  for (const sf of program.getSourceFiles()) {
    if (!wanted.has(path.resolve(sf.fileName))) continue;
    const visit = (node: ts.Node): void => {
      if (ts.isPropertyAccessExpression(node)) {
        const req = requirementAt(checker, node);
        const needsGuard =
          req &&
          (req.set !== "ExcelApi" || compareVersions(req.version, minVersion) > 0) &&
          !covered(req, guardsAt(checker, node));
        if (req && needsGuard) {
          const { line, character } = sf.getLineAndCharacterOfPosition(node.name.getStart(sf));
          const member = memberName(checker, node);
          violations.push({
            file: sf.fileName,
            line: line + 1,
            column: character + 1,
            member,
            apiSet: req.set,
            version: req.version,
            message:
              `${member} 需要 ${req.set} ${req.version}，高于清单声明的 ExcelApi ${minVersion}，` +
              `须放在 Office.context.requirements.isSetSupported("${req.set}", "${req.version}") 判断内 / ` +
              `${member} needs ${req.set} ${req.version}, above the manifest's ExcelApi ${minVersion}; ` +
              `guard it with isSetSupported("${req.set}", "${req.version}")`,
          });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return violations;
}

function listTs(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return listTs(full);
    return e.name.endsWith(".ts") && !e.name.endsWith(".d.ts") && !/\.test(util)?\.ts$/.test(e.name) ? [full] : [];
  });
}

/** The Office-facing sources the check covers: src/excel and src/taskpane, without tests. */
export function projectFiles(root = REPO_ROOT): string[] {
  return [...listTs(path.join(root, "src/excel")), ...listTs(path.join(root, "src/taskpane"))];
}

/** ExcelApi MinVersion declared in the manifest's <Requirements>. */
export function manifestMinVersion(manifestXml: string): string {
  const sets = /<Requirements>[\s\S]*?<\/Requirements>/.exec(manifestXml)?.[0] ?? "";
  const m = /<Set\s+Name="ExcelApi"\s+MinVersion="(\d+\.\d+)"/.exec(sets);
  if (!m?.[1]) throw new Error('manifest.xml declares no <Set Name="ExcelApi" MinVersion="...">');
  return m[1];
}

function main(): number {
  const minVersion = manifestMinVersion(readFileSync(path.join(REPO_ROOT, "manifest.xml"), "utf8"));
  const files = projectFiles();
  const violations = checkApiSets({ files, minVersion });
  for (const v of violations) {
    console.error(`${path.relative(process.cwd(), v.file)}:${v.line}:${v.column} ${v.message}`);
  }
  console.log(
    `${files.length} 个文件，ExcelApi ${minVersion}：${violations.length} 处未加判断 / ` +
      `${files.length} files against ExcelApi ${minVersion}: ${violations.length} unguarded`,
  );
  return violations.length ? 1 : 0;
}

if (require.main === module) process.exitCode = main();
