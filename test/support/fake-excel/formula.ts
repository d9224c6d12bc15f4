/**
 * Formula evaluation for the fake Excel, so that a formula cell reads back its result (as Excel's `values`
 * do) instead of a blank: numbers, "strings", TRUE/FALSE, references (A1, $B$3, 公开数据!D12,
 * 'My sheet'!A1:B2), ranges, + - * / ^ & (concatenation), comparisons, unary + and - (so `--A1`), and the
 * functions the engine writes: SUM, QUOTIENT, MOD, IFERROR, IF, AND, OR, N. Excel's rules where they
 * matter: a blank cell is 0 (or "" next to text); text that reads as a number is converted by arithmetic
 * ("12"), other text gives #VALUE! ("12件"); SUM over a range skips text and booleans; a division by zero,
 * QUOTIENT or MOD by zero give #DIV/0!; errors travel through everything but IFERROR. Unknown functions
 * are #NAME?, a missing sheet #REF!, a circular reference 0 (Excel warns and shows 0).
 * Browser-compatible (no Node APIs).
 */
import { columnIndex, type CellValue } from "../../../src/core/grid";

export type FValue = number | string | boolean | { error: string };
type Scalar = FValue | null; // null = blank cell

/** How the evaluator reaches cells: a sheet's cell, or undefined when the sheet does not exist. */
export interface FormulaCells {
  /** The cell's constant or formula; `sheet` null means the formula's own sheet. */
  cell(sheet: string | null, row: number, col: number): { value: CellValue; formula?: string } | null | undefined;
  /** Whether the sheet exists. */
  hasSheet(sheet: string | null): boolean;
}

type Node =
  | { t: "lit"; v: FValue }
  | { t: "ref"; sheet: string | null; top: number; left: number; bottom: number; right: number }
  | { t: "call"; name: string; args: Node[] }
  | { t: "bin"; op: string; a: Node; b: Node }
  | { t: "un"; op: string; a: Node };

const ERR = (e: string): FValue => ({ error: e });
const isErr = (v: unknown): v is { error: string } => typeof v === "object" && v !== null && "error" in v;

// ---------- parsing ----------

class Parser {
  i = 0;
  constructor(readonly s: string) {}

  peek(): string {
    while (this.s[this.i] === " ") this.i++;
    return this.s[this.i] ?? "";
  }

  expr(): Node {
    return this.compare();
  }

  compare(): Node {
    let a = this.concat();
    for (;;) {
      this.peek();
      const m = /^(<=|>=|<>|=|<|>)/.exec(this.s.slice(this.i));
      if (!m) return a;
      this.i += m[0].length;
      a = { t: "bin", op: m[0], a, b: this.concat() };
    }
  }

  concat(): Node {
    let a = this.additive();
    while (this.peek() === "&") {
      this.i++;
      a = { t: "bin", op: "&", a, b: this.additive() };
    }
    return a;
  }

  additive(): Node {
    let a = this.term();
    for (;;) {
      const c = this.peek();
      if (c !== "+" && c !== "-") return a;
      this.i++;
      a = { t: "bin", op: c, a, b: this.term() };
    }
  }

  term(): Node {
    let a = this.power();
    for (;;) {
      const c = this.peek();
      if (c !== "*" && c !== "/") return a;
      this.i++;
      a = { t: "bin", op: c, a, b: this.power() };
    }
  }

  power(): Node {
    let a = this.unary();
    while (this.peek() === "^") {
      this.i++;
      a = { t: "bin", op: "^", a, b: this.unary() };
    }
    return a;
  }

  unary(): Node {
    const c = this.peek();
    if (c === "-" || c === "+") {
      this.i++;
      return { t: "un", op: c, a: this.unary() };
    }
    return this.primary();
  }

  primary(): Node {
    const c = this.peek();
    const rest = this.s.slice(this.i);
    if (c === "(") {
      this.i++;
      const e = this.expr();
      this.expect(")");
      return e;
    }
    if (c === '"') {
      let j = this.i + 1;
      let v = "";
      while (j < this.s.length) {
        if (this.s[j] === '"') {
          if (this.s[j + 1] === '"') {
            v += '"';
            j += 2;
            continue;
          }
          break;
        }
        v += this.s[j];
        j++;
      }
      this.i = j + 1;
      return { t: "lit", v };
    }
    const num = /^(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?%?/.exec(rest);
    if (num) {
      this.i += num[0].length;
      const text = num[0];
      return { t: "lit", v: text.endsWith("%") ? Number(text.slice(0, -1)) / 100 : Number(text) };
    }
    const err = /^#(DIV\/0!|N\/A|VALUE!|REF!|NAME\?|NUM!|NULL!)/.exec(rest);
    if (err) {
      this.i += err[0].length;
      return { t: "lit", v: ERR(err[0]) };
    }
    // A sheet-qualified reference: 'It''s'!A1 or 公开数据!A1:B2.
    let sheet: string | null = null;
    const quoted = /^'((?:[^']|'')+)'!/.exec(rest);
    const plain = /^([^\s!'"(),:=<>+\-*/^&]+)!/.exec(rest);
    if (quoted) {
      sheet = quoted[1]!.replace(/''/g, "'");
      this.i += quoted[0].length;
    } else if (plain) {
      sheet = plain[1]!;
      this.i += plain[0].length;
    }
    const ref = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?(?![A-Za-z0-9_(])/.exec(
      this.s.slice(this.i),
    );
    if (ref) {
      this.i += ref[0].length;
      const top = Number(ref[2]) - 1;
      const left = columnIndex(ref[1]!);
      const bottom = ref[4] ? Number(ref[4]) - 1 : top;
      const right = ref[3] ? columnIndex(ref[3]) : left;
      return {
        t: "ref",
        sheet,
        top: Math.min(top, bottom),
        bottom: Math.max(top, bottom),
        left: Math.min(left, right),
        right: Math.max(left, right),
      };
    }
    if (sheet !== null) throw new SyntaxError(`bad reference after ${sheet}!`);
    const fn = /^([A-Za-z][A-Za-z0-9.]*)\s*\(/.exec(rest);
    if (fn) {
      this.i += fn[0].length;
      const args: Node[] = [];
      if (this.peek() !== ")") {
        for (;;) {
          args.push(this.expr());
          if (this.peek() === ",") {
            this.i++;
            continue;
          }
          break;
        }
      }
      this.expect(")");
      return { t: "call", name: fn[1]!.toUpperCase(), args };
    }
    const bool = /^(TRUE|FALSE)(?![A-Za-z0-9_(])/i.exec(rest);
    if (bool) {
      this.i += bool[0].length;
      return { t: "lit", v: bool[1]!.toUpperCase() === "TRUE" };
    }
    throw new SyntaxError(`cannot read formula at "${rest.slice(0, 10)}"`);
  }

  expect(ch: string): void {
    if (this.peek() !== ch) throw new SyntaxError(`expected ${ch}`);
    this.i++;
  }
}

const parsed = new Map<string, Node | null>();

function parse(formula: string): Node | null {
  let n = parsed.get(formula);
  if (n !== undefined) return n;
  try {
    const p = new Parser(formula.replace(/^=/, ""));
    n = p.expr();
    if (p.peek() !== "") n = null;
  } catch {
    n = null;
  }
  parsed.set(formula, n);
  return n;
}

// ---------- evaluation ----------

function toNumber(v: Scalar): number | { error: string } {
  if (v === null) return 0;
  if (isErr(v)) return v;
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  const t = v.trim();
  if (t !== "" && /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(t)) return Number(t);
  if (/^[-+]?\d+(\.\d+)?%$/.test(t)) return Number(t.slice(0, -1)) / 100;
  return { error: "#VALUE!" };
}

function toText(v: Scalar): string {
  if (v === null) return "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return String(v);
}

function truthy(v: Scalar): boolean | { error: string } {
  if (isErr(v)) return v;
  if (typeof v === "string") {
    if (/^true$/i.test(v)) return true;
    if (/^false$/i.test(v)) return false;
    return { error: "#VALUE!" };
  }
  const n = toNumber(v);
  return isErr(n) ? n : n !== 0;
}

function compare(a: Scalar, b: Scalar): number {
  // Blank compares as 0 with numbers and as "" with text.
  const x = a === null ? (typeof b === "string" ? "" : 0) : a;
  const y = b === null ? (typeof a === "string" ? "" : 0) : b;
  const rank = (v: FValue) => (typeof v === "number" ? 0 : typeof v === "string" ? 1 : 2);
  if (rank(x as FValue) !== rank(y as FValue)) return rank(x as FValue) - rank(y as FValue);
  if (typeof x === "string" && typeof y === "string") {
    const p = x.toLowerCase();
    const q = y.toLowerCase();
    return p < q ? -1 : p > q ? 1 : 0;
  }
  const p = Number(x);
  const q = Number(y);
  return p < q ? -1 : p > q ? 1 : 0;
}

/** Parsed formulas: parsing is pure, and a workbook repeats the same few formula texts. */
const PARSED = new Map<string, Node | null>();

function parseCached(formula: string): Node | null {
  let node = PARSED.get(formula);
  if (node === undefined) {
    node = parse(formula);
    if (PARSED.size > 50_000) PARSED.clear();
    PARSED.set(formula, node);
  }
  return node;
}

/**
 * Evaluates formulas over the cells as they are now. One evaluator serves one read (the workbook does not
 * change meanwhile), so each cell's result is kept: a share formula's total is computed once, not per share.
 */
export class FormulaEvaluator {
  private readonly busy = new Set<string>();
  private readonly done = new Map<string, FValue>();
  private circles = 0;
  constructor(private readonly cells: FormulaCells) {}

  /** The result of `formula` written in `sheet` (row/col identify the cell, for circularity). */
  evaluate(formula: string, sheet: string, row: number, col: number): FValue {
    const key = `${sheet}\u0000${row}\u0000${col}`;
    const known = this.done.get(key);
    if (known !== undefined) return known;
    if (this.busy.has(key)) {
      this.circles++;
      return 0;
    }
    const node = parseCached(formula);
    if (!node) return ERR("#NAME?");
    this.busy.add(key);
    const circles = this.circles;
    try {
      const v = this.scalar(node, sheet);
      const out = v === null ? 0 : v;
      // A result that met a circular reference depends on where the circle was entered: not kept.
      if (this.circles === circles) this.done.set(key, out);
      return out;
    } finally {
      this.busy.delete(key);
    }
  }

  private cellValue(sheet: string, row: number, col: number): Scalar {
    const c = this.cells.cell(sheet, row, col);
    if (!c) return null;
    if (c.formula !== undefined) return this.evaluate(c.formula, sheet, row, col);
    return c.value === null ? null : (c.value as FValue);
  }

  private scalar(n: Node, sheet: string): Scalar {
    switch (n.t) {
      case "lit":
        return n.v;
      case "ref": {
        const s = n.sheet ?? sheet;
        if (!this.cells.hasSheet(s)) return ERR("#REF!");
        if (n.top !== n.bottom || n.left !== n.right) return ERR("#VALUE!"); // a range where one value is wanted
        return this.cellValue(s, n.top, n.left);
      }
      case "un": {
        const v = toNumber(this.scalar(n.a, sheet));
        if (isErr(v)) return v;
        return n.op === "-" ? -v : v;
      }
      case "bin":
        return this.binary(n.op, this.scalar(n.a, sheet), this.scalar(n.b, sheet));
      case "call":
        return this.call(n.name, n.args, sheet);
    }
  }

  private binary(op: string, a: Scalar, b: Scalar): Scalar {
    if (isErr(a)) return a;
    if (isErr(b)) return b;
    if (op === "&") return toText(a) + toText(b);
    if (["=", "<>", "<", ">", "<=", ">="].includes(op)) {
      const c = compare(a, b);
      return op === "="
        ? c === 0
        : op === "<>"
          ? c !== 0
          : op === "<"
            ? c < 0
            : op === ">"
              ? c > 0
              : op === "<="
                ? c <= 0
                : c >= 0;
    }
    const x = toNumber(a);
    const y = toNumber(b);
    if (isErr(x)) return x;
    if (isErr(y)) return y;
    switch (op) {
      case "+":
        return x + y;
      case "-":
        return x - y;
      case "*":
        return x * y;
      case "/":
        return y === 0 ? ERR("#DIV/0!") : x / y;
      case "^":
        return Math.pow(x, y);
    }
    return ERR("#NAME?");
  }

  /** Every value an argument stands for: a range gives its cells (blank as null). */
  private values(n: Node, sheet: string): { v: Scalar; fromRange: boolean }[] {
    if (n.t !== "ref" || (n.top === n.bottom && n.left === n.right))
      return [{ v: this.scalar(n, sheet), fromRange: n.t === "ref" }];
    const s = n.sheet ?? sheet;
    if (!this.cells.hasSheet(s)) return [{ v: ERR("#REF!"), fromRange: false }];
    const out: { v: Scalar; fromRange: boolean }[] = [];
    for (let r = n.top; r <= n.bottom; r++) {
      for (let c = n.left; c <= n.right; c++) out.push({ v: this.cellValue(s, r, c), fromRange: true });
    }
    return out;
  }

  private numberArg(n: Node | undefined, sheet: string): number | { error: string } {
    if (!n) return ERR("#VALUE!") as { error: string };
    return toNumber(this.scalar(n, sheet));
  }

  private call(name: string, args: Node[], sheet: string): Scalar {
    switch (name) {
      case "SUM": {
        let total = 0;
        for (const a of args) {
          for (const { v, fromRange } of this.values(a, sheet)) {
            if (isErr(v)) return v;
            // References and ranges skip text and booleans; a literal argument is converted.
            if (fromRange && typeof v !== "number") continue;
            const x = toNumber(v);
            if (isErr(x)) return x;
            total += x;
          }
        }
        return total;
      }
      case "QUOTIENT":
      case "MOD": {
        const x = this.numberArg(args[0], sheet);
        const y = this.numberArg(args[1], sheet);
        if (isErr(x)) return x;
        if (isErr(y)) return y;
        if (y === 0) return ERR("#DIV/0!");
        return name === "QUOTIENT" ? Math.trunc(x / y) : x - y * Math.floor(x / y);
      }
      case "IFERROR": {
        const v = args[0] ? this.scalar(args[0], sheet) : null;
        return isErr(v) ? (args[1] ? this.scalar(args[1], sheet) : 0) : v;
      }
      case "IF": {
        const c = truthy(args[0] ? this.scalar(args[0], sheet) : null);
        if (isErr(c)) return c;
        const branch = c ? args[1] : args[2];
        if (!branch) return c ? 0 : false;
        const v = this.scalar(branch, sheet);
        return v === null ? 0 : v;
      }
      case "AND":
      case "OR": {
        let acc = name === "AND";
        for (const a of args) {
          const c = truthy(this.scalar(a, sheet));
          if (isErr(c)) return c;
          acc = name === "AND" ? acc && c : acc || c;
        }
        return acc;
      }
      case "N": {
        const v = args[0] ? this.scalar(args[0], sheet) : null;
        return typeof v === "number" ? v : typeof v === "boolean" ? (v ? 1 : 0) : isErr(v) ? v : 0;
      }
    }
    return ERR("#NAME?");
  }
}
