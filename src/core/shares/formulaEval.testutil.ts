/**
 * A tiny interpreter for the spreadsheet formulas the engine writes (tests only): numbers, strings,
 * cell references, + - * /, comparisons, and IF (lazy), N, QUOTIENT, MOD, OR, AND, ROUND-free.
 * Arithmetic is in doubles, as in Excel and LibreOffice, so the test sees what a spreadsheet would.
 */
export type Value = number | string | boolean | null;

type Node =
  | { t: "num"; v: number }
  | { t: "str"; v: string }
  | { t: "ref"; ref: string }
  | { t: "call"; name: string; args: Node[] }
  | { t: "bin"; op: string; a: Node; b: Node }
  | { t: "neg"; a: Node };

interface Token {
  k: "num" | "str" | "ref" | "fn" | "op" | "(" | ")" | ",";
  v: string;
}

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i]!;
    if (ch === " ") {
      i++;
      continue;
    }
    if (ch === '"') {
      let j = i + 1;
      let s = "";
      while (j < src.length) {
        if (src[j] === '"') {
          if (src[j + 1] === '"') {
            s += '"';
            j += 2;
            continue;
          }
          break;
        }
        s += src[j];
        j++;
      }
      out.push({ k: "str", v: s });
      i = j + 1;
      continue;
    }
    if (/[0-9.]/.test(ch)) {
      const m = /^[0-9.]+(?:E[+-]?\d+)?/i.exec(src.slice(i))!;
      out.push({ k: "num", v: m[0] });
      i += m[0].length;
      continue;
    }
    const two = src.slice(i, i + 2);
    if (two === "<=" || two === ">=" || two === "<>") {
      out.push({ k: "op", v: two });
      i += 2;
      continue;
    }
    if ("+-*/=<>".includes(ch)) {
      out.push({ k: "op", v: ch });
      i++;
      continue;
    }
    if (ch === "(" || ch === ")" || ch === ",") {
      out.push({ k: ch, v: ch });
      i++;
      continue;
    }
    // A reference ('Sheet name'!$A$1, Sheet!A1, A1) or a function name.
    const m = /^(?:'(?:[^']|'')+'!|[^\s'!(),=<>+\-*/]+!)?\$?[A-Za-z_][A-Za-z0-9_.]*\$?[0-9]*/.exec(src.slice(i));
    if (!m) throw new Error(`cannot read formula at ${i}: ${src.slice(i)}`);
    const word = m[0];
    i += word.length;
    if (src[i] === "(") out.push({ k: "fn", v: word.toUpperCase() });
    else out.push({ k: "ref", v: word });
  }
  return out;
}

function parse(tokens: Token[]): Node {
  let p = 0;
  const peek = () => tokens[p];
  const take = () => tokens[p++]!;
  const expect = (k: Token["k"]) => {
    const t = take();
    if (!t || t.k !== k) throw new Error(`expected ${k}`);
    return t;
  };
  const compare = (): Node => {
    let a = additive();
    while (peek()?.k === "op" && ["=", "<>", "<", ">", "<=", ">="].includes(peek()!.v)) {
      const op = take().v;
      a = { t: "bin", op, a, b: additive() };
    }
    return a;
  };
  const additive = (): Node => {
    let a = multiplicative();
    while (peek()?.k === "op" && (peek()!.v === "+" || peek()!.v === "-")) {
      const op = take().v;
      a = { t: "bin", op, a, b: multiplicative() };
    }
    return a;
  };
  const multiplicative = (): Node => {
    let a = unary();
    while (peek()?.k === "op" && (peek()!.v === "*" || peek()!.v === "/")) {
      const op = take().v;
      a = { t: "bin", op, a, b: unary() };
    }
    return a;
  };
  const unary = (): Node => {
    if (peek()?.k === "op" && peek()!.v === "-") {
      take();
      return { t: "neg", a: unary() };
    }
    if (peek()?.k === "op" && peek()!.v === "+") {
      take();
      return unary();
    }
    return primary();
  };
  const primary = (): Node => {
    const t = take();
    if (!t) throw new Error("unexpected end");
    if (t.k === "num") return { t: "num", v: Number(t.v) };
    if (t.k === "str") return { t: "str", v: t.v };
    if (t.k === "ref") return { t: "ref", ref: t.v };
    if (t.k === "(") {
      const e = compare();
      expect(")");
      return e;
    }
    if (t.k === "fn") {
      expect("(");
      const args: Node[] = [];
      if (peek()?.k !== ")") {
        args.push(compare());
        while (peek()?.k === ",") {
          take();
          args.push(compare());
        }
      }
      expect(")");
      return { t: "call", name: t.v, args };
    }
    throw new Error(`unexpected ${t.k} ${t.v}`);
  };
  const e = compare();
  if (p !== tokens.length) throw new Error("trailing tokens");
  return e;
}

class FormulaError extends Error {}

function toNum(v: Value): number {
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (v === null) return 0;
  throw new FormulaError("#VALUE!");
}

function evalNode(n: Node, cells: Record<string, Value>): Value {
  switch (n.t) {
    case "num":
      return n.v;
    case "str":
      return n.v;
    case "ref": {
      if (!(n.ref in cells)) throw new Error(`unknown reference ${n.ref}`);
      return cells[n.ref] ?? null;
    }
    case "neg":
      return -toNum(evalNode(n.a, cells));
    case "bin": {
      const a = evalNode(n.a, cells);
      const b = evalNode(n.b, cells);
      switch (n.op) {
        case "+":
          return toNum(a) + toNum(b);
        case "-":
          return toNum(a) - toNum(b);
        case "*":
          return toNum(a) * toNum(b);
        case "/": {
          if (toNum(b) === 0) throw new FormulaError("#DIV/0!");
          return toNum(a) / toNum(b);
        }
        default: {
          const x = a === null ? 0 : a;
          const y = b === null ? 0 : b;
          if (typeof x !== typeof y) throw new Error("mixed-type comparison not modelled");
          const cmp = x < y ? -1 : x > y ? 1 : 0;
          return {
            "=": cmp === 0,
            "<>": cmp !== 0,
            "<": cmp < 0,
            ">": cmp > 0,
            "<=": cmp <= 0,
            ">=": cmp >= 0,
          }[n.op]!;
        }
      }
    }
    case "call": {
      const args = n.args;
      const arg = (i: number) => evalNode(args[i]!, cells);
      switch (n.name) {
        case "IF": {
          const cond = arg(0);
          return cond === true || (typeof cond === "number" && cond !== 0) ? arg(1) : args[2] ? arg(2) : false;
        }
        case "N": {
          const v = arg(0);
          return typeof v === "number" ? v : typeof v === "boolean" ? (v ? 1 : 0) : 0;
        }
        case "QUOTIENT": {
          const d = toNum(arg(1));
          if (d === 0) throw new FormulaError("#DIV/0!");
          return Math.trunc(toNum(arg(0)) / d);
        }
        case "MOD": {
          const a = toNum(arg(0));
          const d = toNum(arg(1));
          if (d === 0) throw new FormulaError("#DIV/0!");
          return a - d * Math.floor(a / d);
        }
        case "OR":
          return args.some((_, i) => toNum(arg(i)) !== 0);
        case "AND":
          return args.every((_, i) => toNum(arg(i)) !== 0);
        default:
          throw new Error(`function ${n.name} not modelled`);
      }
    }
  }
}

/** Evaluate a formula (with or without the leading "=") against cell values by reference text. */
export function evaluateFormula(formula: string, cells: Record<string, Value>): Value {
  const src = formula.startsWith("=") ? formula.slice(1) : formula;
  try {
    return evalNode(parse(tokenize(src)), cells);
  } catch (e) {
    if (e instanceof FormulaError) return e.message;
    throw e;
  }
}
