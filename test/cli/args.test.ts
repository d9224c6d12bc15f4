import { strict as assert } from "node:assert";
import {
  COMMANDS,
  helpText,
  parseCommand,
  UsageError,
  wantsEnglish,
  wantsHelp,
  type CommandSpec,
} from "../../src/cli/args";

function usageError(f: () => unknown): UsageError {
  try {
    f();
  } catch (e) {
    if (e instanceof UsageError) return e;
    throw e;
  }
  assert.fail("expected a UsageError");
}

describe("cli/args", () => {
  it("parses long, inline, short and boolean options and keeps positionals in order", () => {
    const r = parseCommand(
      ["a.xlsx", "-o", "out.xlsx", "--decimals=3", "--largest-remainder", "--", "--odd"],
      COMMANDS.generate,
    );
    assert.deepEqual(r.positional, ["a.xlsx", "--odd"]);
    assert.equal(r.options.out, "out.xlsx");
    assert.equal(r.options.decimals, 3, "an int option is a number");
    assert.equal(r.options["largest-remainder"], true);
    assert.equal(r.options.force, undefined);
  });

  it("checks whole numbers and choices, in Chinese and English", () => {
    const e = usageError(() => parseCommand(["f", "--decimals", "9"], COMMANDS.check));
    assert.equal(e.zh, '选项 --decimals 应为 0–4 之间的整数，实为 "9"');
    assert.equal(e.en, 'option --decimals must be a whole number from 0 to 4, got "9"');
    const c = usageError(() => parseCommand(["f", "--rounding", "banker"], COMMANDS.check));
    assert.equal(c.zh, '选项 --rounding 应为 half-up 或 half-even，实为 "banker"');
    assert.equal(parseCommand(["f", "--lang", "en"], COMMANDS.check).options.lang, "en");
  });

  it("names each mistake: unknown option, missing value, value on a flag, repeated option, extra argument", () => {
    assert.equal(usageError(() => parseCommand(["--bogus"], COMMANDS.check)).zh, "未知选项 --bogus");
    assert.equal(usageError(() => parseCommand(["-x"], COMMANDS.check)).en, "unknown option -x");
    assert.equal(usageError(() => parseCommand(["f", "--sheet"], COMMANDS.check)).zh, "选项 --sheet 缺少值");
    assert.equal(
      usageError(() => parseCommand(["f", "--sheet", "--json"], COMMANDS.check)).en,
      "option --sheet needs a value",
    );
    assert.equal(
      parseCommand(["f", "--sheet=--json"], COMMANDS.check).options.sheet,
      "--json",
      "inline value may start with --",
    );
    assert.equal(usageError(() => parseCommand(["f", "--json=yes"], COMMANDS.check)).zh, "选项 --json 不带值");
    assert.equal(
      usageError(() => parseCommand(["f", "--sheet", "a", "--sheet", "b"], COMMANDS.check)).en,
      "option --sheet given twice",
    );
    assert.equal(usageError(() => parseCommand(["extra"], COMMANDS.demo)).zh, "多余的参数 extra");
  });

  it("a new option is one line of a command's table: parsed, typed and in the help", () => {
    const spec = {
      positionals: true,
      options: { ...COMMANDS.check.options, text: { type: "string", arg: "FILE", zh: "正文文件", en: "text file" } },
    } as const satisfies Pick<CommandSpec, "positionals" | "options">;
    const r = parseCommand(["f", "--text", "t.docx"], spec);
    const text: string | undefined = r.options.text;
    assert.equal(text, "t.docx");
  });

  it("the help lists every option of every command with its Chinese and English text", () => {
    const all = helpText();
    for (const [name, spec] of Object.entries(COMMANDS) as [string, CommandSpec][]) {
      assert.ok(all.includes(`disclosure-report ${spec.usage}`), name);
      const one = helpText(name as keyof typeof COMMANDS);
      for (const [opt, s] of Object.entries(spec.options)) {
        assert.ok(one.includes(`--${opt}`), `${name} --${opt}`);
        assert.ok(one.includes(s.zh) && one.includes(s.en), `${name} --${opt} text`);
      }
    }
    assert.match(all, /退出码 Exit codes/);
    assert.ok(
      helpText().includes(`--unit 单位名称${" ".repeat(8)}填报单位名称`),
      "columns count CJK characters as two",
    );
  });

  it("help and language are seen before parsing", () => {
    assert.ok(wantsHelp(["f", "-h"]));
    assert.ok(!wantsHelp(["--", "--help"]));
    assert.ok(wantsEnglish(["--lang", "en"]) && wantsEnglish(["--lang=en"]) && !wantsEnglish(["--lang", "zh"]));
  });
});
