// The command line: finds the command in a table, parses its options, runs it, and turns every failure into
// one Chinese line on stderr (with the command's usage when the arguments were wrong), exit status 2.
// Commands are imported only when run, so `juesuan --version` loads nothing but this file.

import { readFileSync } from "node:fs";
import { type ParseArgsConfig, parseArgs } from "node:util";
import { USAGE, UsageError, chineseEnding, helpText } from "./usage.ts";

type Options = NonNullable<ParseArgsConfig["options"]>;
type Values = Record<string, string | boolean | undefined>;

export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
  /** where a folder check draws its progress (a terminal's stderr); null for none */
  progress: NodeJS.WriteStream | null;
}

export interface Command {
  options: Options;
  run: (values: Values, positionals: string[], io: Io) => Promise<number>;
}

const str = { type: "string" } as const;
const flag = { type: "boolean" } as const;

/** Every command: its options and where it lives. The usage text of each is USAGE[name]. */
const COMMANDS: Record<string, { options: Options; load: () => Promise<{ command: Command["run"] }> }> = {
  check: { options: { year: str, format: str, all: flag, threads: str, text: str, template: str, report: str, mark: str, force: flag }, load: () => import("./commands/check.ts") },
  narrative: { options: { year: str, out: str, force: flag, template: str }, load: () => import("./commands/narrative.ts") },
  "codes import": { options: { year: str, out: str, force: flag, replace: flag }, load: () => import("./commands/codes-import-command.ts") },
  new: { options: { template: str, year: str, out: str, force: flag }, load: () => import("./commands/new-command.ts") },
};

const GLOBAL: Options = { help: { type: "boolean", short: "h" }, version: flag };

export async function main(argv: string[], out = (s: string) => console.log(s), err = (s: string) => console.error(s), progress: NodeJS.WriteStream | null = process.stderr): Promise<number> {
  try {
    return await run(argv, { out, err, progress });
  } catch (e) {
    // the reader (and its error class) is loaded by then whenever a file was read; never for --version
    const { UnreadableFile } = await import("./read-grid.ts");
    if (e instanceof UsageError || e instanceof UnreadableFile) {
      err(`juesuan：${chineseEnding(e.message)}`);
      if (e instanceof UsageError && e.usage) err(`\n${e.usage}`);
      return 2;
    }
    err(`juesuan：出现意外错误：${(e as Error).message}`);
    return 2;
  }
}

async function run(argv: string[], io: Io): Promise<number> {
  const name = [`${argv[0]} ${argv[1]}`, argv[0]].find((n) => n !== undefined && n in COMMANDS);
  if (!name) {
    if (argv[0] !== undefined && !argv[0].startsWith("-")) throw new UsageError(`不认识的命令“${argv.filter((a) => !a.startsWith("-")).join(" ")}”。运行 juesuan --help 查看用法`);
    const { values } = parse(argv, GLOBAL, helpText());
    if (values.version) {
      io.out(version());
      return 0;
    }
    if (values.help) {
      io.out(helpText());
      return 0;
    }
    throw new UsageError("请给出命令", helpText());
  }
  const spec = COMMANDS[name]!;
  const usage = USAGE[name]!;
  const { values, positionals } = parse(argv.slice(name.split(" ").length), { ...spec.options, help: GLOBAL.help! }, usage);
  if (values.help) {
    io.out(usage);
    return 0;
  }
  const { command } = await spec.load();
  return command(values, positionals, io);
}

/** node:util's parser, its English errors turned into one Chinese sentence with the command's usage. */
function parse(argv: string[], options: Options, usage: string): { values: Values; positionals: string[] } {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true }) as { values: Values; positionals: string[] };
  } catch (e) {
    const code = (e as { code?: string }).code;
    const option = /'(-[^' ]*)/.exec((e as Error).message)?.[1] ?? "";
    if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") throw new UsageError(`不认识的选项“${option}”`, usage);
    if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") throw new UsageError(`选项“${option}”${options[option.replace(/^-+/, "")]?.type === "boolean" ? "不带值" : "需要一个值"}`, usage);
    throw new UsageError("参数有误", usage);
  }
}

/** package.json's version: one source for the CLI, the bundle and npm. */
function version(): string {
  return (JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string }).version;
}
