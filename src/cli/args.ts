/**
 * A small argument parser (no dependency): `--name value`, `--name=value`, `-o value`, boolean flags, `--`.
 * Mistakes are values (UsageError), printed as one line plus a pointer to --help.
 */

export interface OptionSpec {
  type: "string" | "boolean";
  /** One-letter alias without the dash ("o"). */
  alias?: string;
}

export interface ParsedArgs {
  positional: string[];
  options: Record<string, string | boolean | undefined>;
}

export class UsageError extends Error {
  readonly zh: string;
  readonly en: string;
  constructor(zh: string, en: string) {
    super(en);
    this.name = "UsageError";
    this.zh = zh;
    this.en = en;
  }
}

export function parseArgs(argv: string[], spec: Record<string, OptionSpec>): ParsedArgs {
  const positional: string[] = [];
  const options: Record<string, string | boolean | undefined> = {};
  const byAlias = new Map<string, string>();
  for (const [name, s] of Object.entries(spec)) if (s.alias) byAlias.set(s.alias, name);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--") {
      positional.push(...argv.slice(i + 1));
      break;
    }
    let name: string | undefined;
    let inline: string | undefined;
    if (arg.startsWith("--")) {
      const eq = arg.indexOf("=");
      name = eq >= 0 ? arg.slice(2, eq) : arg.slice(2);
      inline = eq >= 0 ? arg.slice(eq + 1) : undefined;
    } else if (arg.startsWith("-") && arg.length > 1 && !/^-\d/.test(arg)) {
      const alias = arg.slice(1);
      name = byAlias.get(alias);
      if (!name) throw new UsageError(`未知选项 ${arg}`, `unknown option ${arg}`);
    } else {
      positional.push(arg);
      continue;
    }
    const s = spec[name];
    if (!s) throw new UsageError(`未知选项 ${arg}`, `unknown option ${arg}`);
    if (s.type === "boolean") {
      if (inline !== undefined) throw new UsageError(`选项 --${name} 不带值`, `option --${name} takes no value`);
      options[name] = true;
      continue;
    }
    const value = inline ?? argv[++i];
    if (value === undefined || (inline === undefined && value.startsWith("--"))) {
      throw new UsageError(`选项 --${name} 缺少值`, `option --${name} needs a value`);
    }
    if (options[name] !== undefined) throw new UsageError(`选项 --${name} 重复`, `option --${name} given twice`);
    options[name] = value;
  }
  return { positional, options };
}

export function intOption(
  value: string | boolean | undefined,
  name: string,
  min: number,
  max: number,
): number | undefined {
  if (value === undefined) return undefined;
  const s = String(value).trim();
  if (!/^\d+$/.test(s) || Number(s) < min || Number(s) > max) {
    throw new UsageError(
      `选项 --${name} 应为 ${min}–${max} 之间的整数，实为 "${s}"`,
      `option --${name} must be a whole number from ${min} to ${max}, got "${s}"`,
    );
  }
  return Number(s);
}

export function choiceOption<T extends string>(
  value: string | boolean | undefined,
  name: string,
  choices: readonly T[],
): T | undefined {
  if (value === undefined) return undefined;
  if (!choices.includes(value as T)) {
    throw new UsageError(
      `选项 --${name} 应为 ${choices.join(" 或 ")}，实为 "${String(value)}"`,
      `option --${name} must be ${choices.join(" or ")}, got "${String(value)}"`,
    );
  }
  return value as T;
}
