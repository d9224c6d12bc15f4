/**
 * The CLI's commands and options as data: Node's util.parseArgs splits the arguments, this table says which
 * options each command takes, checks their values and writes the help. To add a flag, add one line to its
 * command's `options` (reuse a shared option below when it means the same thing everywhere).
 * Mistakes are values (UsageError), printed as one line plus a pointer to --help.
 */
import { parseArgs as nodeParseArgs } from "node:util";

export interface OptionSpec {
  type: "string" | "boolean";
  /** One-letter alias without the dash ("o"). */
  short?: string;
  /** The value's placeholder in the help ("FILE"); string options only. */
  arg?: string;
  /** Help text, Chinese then English. */
  zh: string;
  en: string;
  /** A whole number in [min, max]; the parsed value is a number. */
  int?: readonly [number, number];
  /** One of these words; the parsed value is that word. */
  choices?: readonly string[];
}

export interface CommandSpec {
  /** Usage after the program name, e.g. "check FILE|DIR... [选项]". */
  usage: string;
  zh: string;
  en: string;
  /** Whether the command takes arguments other than options (how many: the command checks). */
  positionals: boolean;
  options: Readonly<Record<string, OptionSpec>>;
}

/** The parsed value of one option: boolean for flags, number for `int`, the word for `choices`, else the text. */
export type OptionValue<S extends OptionSpec> = S extends { type: "boolean" }
  ? boolean
  : S extends { int: readonly [number, number] }
    ? number
    : S extends { choices: readonly (infer C)[] }
      ? C
      : string;

export type OptionValues<O extends Readonly<Record<string, OptionSpec>>> = { [K in keyof O]?: OptionValue<O[K]> };

export interface ParsedArgs<O extends Readonly<Record<string, OptionSpec>>> {
  positional: string[];
  options: OptionValues<O>;
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

// Options that mean the same in every command that takes them.
const LANG = {
  type: "string",
  arg: "zh|en",
  choices: ["zh", "en"],
  zh: "输出语言，默认中文",
  en: "output language (default zh)",
} as const;
const SHEET = { type: "string", arg: "NAME", zh: "指定工作表", en: "read this sheet" } as const;
const DECIMALS = {
  type: "string",
  arg: "N",
  int: [0, 4],
  zh: "占比小数位数 0-4，默认 2",
  en: "decimals of a percent (default 2)",
} as const;
const ROUNDING = {
  type: "string",
  arg: "half-up|half-even",
  choices: ["half-up", "half-even"],
  zh: "四舍五入（默认）或四舍六入五成双",
  en: "tie rule: half-up (default) or half-even",
} as const;
const FORCE = { type: "boolean", zh: "覆盖已有的输出文件", en: "overwrite an existing output file" } as const;
const YEARS = [1990, 2100] as const;

export const COMMANDS = {
  check: {
    usage: "check FILE|DIR... [选项]",
    zh: "核对年报文件：.xlsx 工作簿、Word (.docx)、保存的网页 (.html/.htm)、有文字层的 PDF（文件夹：核对其中全部这些文件；.xls/.doc/.ods/.csv/WPS 等列为无法读取并说明原因；扫描的 PDF 说明需要 OCR）",
    en: "Check reports as .xlsx, .docx, saved .html/.htm pages or text PDFs (a directory: every such file, sorted; .xls/.doc/.ods/.csv/WPS files are listed as unreadable with the reason; a scanned PDF is said to need OCR)",
    positionals: true,
    options: {
      prior: {
        type: "string",
        arg: "FILE",
        zh: "上年报告，用于跨年核对（代替表内的上年数据）",
        en: "last year's report, for cross-year checks (replaces last-year cells in FILE)",
      },
      sheet: SHEET,
      year: {
        type: "string",
        arg: "Y",
        int: YEARS,
        zh: "报告年度（工作簿未写明时）",
        en: "report year when the workbook does not say",
      },
      text: {
        type: "string",
        arg: "REPORT.docx|REPORT.txt",
        zh: "报告正文（Word 或纯文本），与表格逐句核对（工作簿中的“报告正文”工作表总会核对）",
        en: "the report's text (Word or plain text), checked sentence by sentence against the tables (a 报告正文 sheet in the workbook is always checked)",
      },
      json: { type: "boolean", zh: "输出 JSON", en: "print JSON only" },
      jsonl: {
        type: "boolean",
        zh: "每核对完一份报告即输出一行 JSON（不在内存中保留结果，适合大量文件）",
        en: "print one JSON line per report as it is done (keeps nothing in memory; for many files)",
      },
      recursive: { type: "boolean", short: "r", zh: "包括子文件夹", en: "include sub-folders" },
      lang: LANG,
      decimals: DECIMALS,
      rounding: ROUNDING,
    },
  },
  template: {
    usage: "template -o FILE.xlsx [选项]",
    zh: "生成空白数据表模板（编制用），年度默认为应报告的年度（12月为当年，其余为上一年）",
    en: "Write a blank counts-sheet template for preparing (year: the report due; December: this year)",
    positionals: false,
    options: {
      out: { type: "string", short: "o", arg: "FILE.xlsx", zh: "输出文件", en: "the file to write" },
      year: {
        type: "string",
        arg: "Y",
        int: YEARS,
        zh: "报告年度，默认为应报告的年度",
        en: "report year (default: the report due)",
      },
      unit: { type: "string", arg: "单位名称", zh: "填报单位名称", en: "name of the reporting body" },
      prior: {
        type: "string",
        arg: "LAST.xlsx",
        zh: "上年的数据表或报告：填入上年结转、上年现行有效件数等上年数据",
        en: "last year's workbook: fills the last-year cells (carried over, in force last year)",
      },
      force: FORCE,
    },
  },
  generate: {
    usage: "generate FILE -o OUT.xlsx [--docx REPORT.docx] [选项]",
    zh: "读取数据表，另存一份并加入“报告表格”“报告正文”两个工作表（不修改原文件，除非 --in-place）",
    en: "Read FILE and write a copy with the report table and text sheets added (FILE untouched unless --in-place)",
    positionals: true,
    options: {
      out: { type: "string", short: "o", arg: "OUT.xlsx", zh: "输出文件", en: "the file to write" },
      docx: {
        type: "string",
        arg: "REPORT.docx",
        zh: "同时（不用 -o 时只）生成 Word 文档：公文格式的完整报告，表格与工作簿一致",
        en: "also (without -o: only) write the whole report as a Word document in 公文 layout",
      },
      sheet: SHEET,
      decimals: DECIMALS,
      rounding: ROUNDING,
      "largest-remainder": {
        type: "boolean",
        zh: "占比按最大余额法调整，使合计恰为 100%",
        en: "adjust shares by largest remainder so that they add up to 100%",
      },
      "in-place": { type: "boolean", zh: "直接修改输入文件", en: "modify FILE itself" },
      force: FORCE,
      lang: LANG,
    },
  },
  summary: {
    usage: "summary DIR... -o 汇总.xlsx [选项]",
    zh: "核对文件夹中的全部报告（任意形式），写出一个汇总工作簿：总览、问题清单、汇总表（公式实时求和）、数据；同一单位上年报告也在文件夹中时作跨年核对",
    en: "Check every report in the folder(s), in any form, and write one summary workbook: 总览 (overview), 问题清单 (findings), 汇总表 (the national tables summed by live formulas), 数据 (the figures); a unit whose last year's report is in the folder too gets the cross-year checks",
    positionals: true,
    options: {
      out: { type: "string", short: "o", arg: "汇总.xlsx", zh: "汇总工作簿", en: "the summary workbook to write" },
      recursive: { type: "boolean", short: "r", zh: "包括子文件夹", en: "include sub-folders" },
      units: {
        type: "string",
        arg: "单位名单.txt",
        zh: "应报送的单位名单（每行一个单位；或 .xlsx/.csv 的第一列）：名单中未收到报告的单位列出为“未收到”，名单外的单位不纳入汇总",
        en: "the units expected to report (one a line; or the first column of an .xlsx/.csv): units with no report are named as 未收到, units not on the list are not summed",
      },
      force: FORCE,
      lang: LANG,
      decimals: DECIMALS,
      rounding: ROUNDING,
    },
  },
  demo: {
    usage: "demo [-o DIR]",
    zh: "用遂宁经济技术开发区2018年年报（真实报告）生成示例工作簿并核对，默认写入当前目录下的 demo-output/",
    en: "Build and check the example workbook from a real 2018 report (written to ./demo-output/ unless -o DIR)",
    positionals: false,
    options: {
      out: { type: "string", short: "o", arg: "DIR", zh: "输出文件夹", en: "the folder to write into" },
      lang: LANG,
    },
  },
} as const satisfies Record<string, CommandSpec>;

export type CommandName = keyof typeof COMMANDS;

const PROGRAM = "disclosure-report";

const HEADER = `${PROGRAM} —— 政府信息公开工作年度报告：核对、模板、生成
(check, template and generate the annual government information disclosure report)
`;

const EXIT_CODES = `退出码 Exit codes: 0 无错误 no errors；1 有错误 errors found；2 文件无法读取或用法错误 unreadable file or usage error
  核对多个文件时取最严重者：只要有一个文件无法读取即为 2，即使其他文件有错误
  With several files the exit code is the worst: 2 when any file is unreadable, even if others have errors
`;

/** Columns a terminal gives the text: CJK and full-width characters take two. */
function width(text: string): number {
  let w = 0;
  for (const ch of text)
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch)
      ? 2
      : 1;
  return w;
}

const HELP_COLUMN = 29;

function optionHelp(name: string, s: OptionSpec): string {
  const flag = `      ${s.short ? `-${s.short}, ` : ""}--${name}${s.type === "string" && s.arg ? ` ${s.arg}` : ""}`;
  const pad = " ".repeat(HELP_COLUMN);
  const head = width(flag) < HELP_COLUMN ? flag + " ".repeat(HELP_COLUMN - width(flag)) : `${flag}\n${pad}`;
  return `${head}${s.zh}\n${pad}${s.en}\n`;
}

function commandHelp(spec: CommandSpec): string {
  let text = `  ${PROGRAM} ${spec.usage}\n      ${spec.zh}\n      ${spec.en}\n`;
  for (const [name, s] of Object.entries(spec.options)) text += optionHelp(name, s);
  return text;
}

/** The help: every command (or one), generated from COMMANDS. */
export function helpText(command?: CommandName): string {
  const specs: CommandSpec[] = command ? [COMMANDS[command]] : Object.values(COMMANDS);
  return `${HEADER}\n用法 Usage:\n${specs.map(commandHelp).join("")}\n${EXIT_CODES}`;
}

/** Whether the arguments ask for help (-h or --help anywhere before `--`). */
export function wantsHelp(args: readonly string[]): boolean {
  const end = args.indexOf("--");
  return (end < 0 ? args : args.slice(0, end)).some((a) => a === "--help" || a === "-h");
}

/** Whether messages should be in English: `--lang en` or `--lang=en` anywhere (read before parsing, for its errors). */
export function wantsEnglish(args: readonly string[]): boolean {
  return args.includes("--lang=en") || args.some((a, i) => a === "--lang" && args[i + 1] === "en");
}

/** Parses a command's arguments against its spec; every mistake is a UsageError. */
export function parseCommand<O extends Readonly<Record<string, OptionSpec>>>(
  args: string[],
  spec: { positionals: boolean; options: O },
): ParsedArgs<O> {
  // Non-strict, so that this table (not Node's English messages) says what is wrong; tokens say what was written.
  const { tokens } = nodeParseArgs({
    args,
    options: Object.fromEntries(
      Object.entries(spec.options).map(([name, s]) => [
        name,
        s.short ? { type: s.type, short: s.short } : { type: s.type },
      ]),
    ),
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const positional: string[] = [];
  const options: Record<string, string | number | boolean> = {};
  for (const t of tokens) {
    if (t.kind === "positional") positional.push(t.value);
    if (t.kind !== "option") continue;
    const s = spec.options[t.name];
    if (!s) throw new UsageError(`未知选项 ${t.rawName}`, `unknown option ${t.rawName}`);
    const name = `--${t.name}`;
    if (s.type === "boolean") {
      if (t.value !== undefined) throw new UsageError(`选项 ${name} 不带值`, `option ${name} takes no value`);
      options[t.name] = true;
      continue;
    }
    // A string option followed by another option ("--sheet --json") lacks its value (write --sheet=--x to mean it).
    if (t.value === undefined || (!t.inlineValue && t.value.startsWith("--"))) {
      throw new UsageError(`选项 ${name} 缺少值`, `option ${name} needs a value`);
    }
    if (options[t.name] !== undefined) throw new UsageError(`选项 ${name} 重复`, `option ${name} given twice`);
    options[t.name] = optionValue(t.name, s, t.value);
  }
  if (!spec.positionals && positional.length > 0) {
    throw new UsageError(`多余的参数 ${positional[0]}`, `unexpected argument ${positional[0]}`);
  }
  return { positional, options: options as OptionValues<O> };
}

function optionValue(name: string, s: OptionSpec, value: string): string | number {
  if (s.int) {
    const [min, max] = s.int;
    const v = value.trim();
    if (!/^\d+$/.test(v) || Number(v) < min || Number(v) > max) {
      throw new UsageError(
        `选项 --${name} 应为 ${min}–${max} 之间的整数，实为 "${v}"`,
        `option --${name} must be a whole number from ${min} to ${max}, got "${v}"`,
      );
    }
    return Number(v);
  }
  if (s.choices && !s.choices.includes(value)) {
    throw new UsageError(
      `选项 --${name} 应为 ${s.choices.join(" 或 ")}，实为 "${value}"`,
      `option --${name} must be ${s.choices.join(" or ")}, got "${value}"`,
    );
  }
  return value;
}
