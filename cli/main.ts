// The command line: parses arguments, runs a command, and turns every failure into one Chinese line on stderr
// with exit status 2 — never a stack trace.

import { parseArgs } from "node:util";
import { CodesRegistry } from "../core/codes/codes-registry.ts";
import { loadBuiltinEditions } from "./builtin-data.ts";
import { checkCommand } from "./commands/check.ts";
import { codesImport } from "./commands/codes-import.ts";
import { narrativeCommand } from "./commands/narrative.ts";
import { newWorkbook } from "./commands/new.ts";
import { loadBuiltinTemplates } from "./builtin-data.ts";
import type { Template } from "../core/templates/template.ts";
import { UnreadableFile } from "./read-grid.ts";
import { UsageError } from "./usage.ts";

const HELP = `juesuan — 决算公开助手

用法：
  juesuan check [工作簿.xlsx] --text 情况说明.txt|.docx|.pdf [--template 模板] [--year 年度] [--format text|json]
      核对情况说明：文中自洽（增减、完成率、占比、科目路径、年份、模板残留），给出工作簿时再逐项与表核对。
  juesuan narrative 工作簿.xlsx [--template 模板] [--out 情况说明.txt|.docx]
      由公开表和“补充资料”工作表生成情况说明，原因等处留【待填写】。模板：central-2021、shanghai-2024。
  juesuan check 工作簿.xlsx [--year 年度] [--format text|json] [--all]
      核对工作簿中的九张公开表（表内、表间关系和科目名称）。--all 逐条列出提示（尾差）。
      退出码：0 无错误，1 有错误，2 输入无法使用。
  juesuan check 决算公开.pdf [--year 年度] [--format text|json]
      核对已发布的 PDF：读出其中的公开表和情况说明一并核对，问题定位到页、表、行、列；列出各表所在页码和未能读取的表格。
  juesuan check 文件夹|多个文件 [--year 年度] [--threads N]
      逐个核对（.xlsx 和 .pdf），每个文件输出一行 JSON（JSON Lines），按文件顺序输出；在终端中显示进度；默认每个 CPU 核一个线程。
  juesuan codes import 文件.xlsx|文件.csv --year 年度 [--replace] [--out 输出.json] [--force]
      把财政部（或财政局）发布的科目表（含“科目编码”“科目名称”列，可有“说明”列）并入该年度的科目表
      （默认写入 data/codes/editions/年度.json）；只含部分科目时记为不完整。--replace 用它替换该年度同类科目表，
      并列出被去掉的科目。报告无法读取的行。
  juesuan new --template 模板 --year 年度 --out 公开表.xlsx [--force]
      生成空白的标准公开表工作簿（与加载项“新建公开表”相同的工作表）；文件已存在时需加 --force。
  juesuan --help | --version
`;

export async function main(argv: string[], out = (s: string) => console.log(s), err = (s: string) => console.error(s)): Promise<number> {
  try {
    return await run(argv, out);
  } catch (e) {
    if (e instanceof UsageError || e instanceof UnreadableFile) {
      err(`juesuan：${e.message}`);
      return 2;
    }
    err(`juesuan：出现意外错误：${(e as Error).message}`);
    return 2;
  }
}

async function run(argv: string[], out: (s: string) => void): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        year: { type: "string" },
        out: { type: "string" },
        force: { type: "boolean" },
        replace: { type: "boolean" },
        format: { type: "string" },
        all: { type: "boolean" },
        threads: { type: "string" },
        text: { type: "string" },
        template: { type: "string" },
        help: { type: "boolean", short: "h" },
        version: { type: "boolean" },
      },
    });
  } catch (e) {
    throw new UsageError(`${(e as Error).message}\n${HELP}`);
  }
  const { values, positionals } = parsed;
  if (values.version) {
    out("0.1.0");
    return 0;
  }
  if (values.help || positionals.length === 0) {
    out(HELP);
    return positionals.length === 0 && !values.help ? 2 : 0;
  }
  const [command, sub, ...rest] = positionals;
  if (command === "check") {
    const format = values.format ?? "text";
    if (format !== "text" && format !== "json") throw new UsageError(`--format 应为 text 或 json，而不是“${format}”`);
    const inputs = positionals.slice(1);
    if (!inputs.length && values.text === undefined) throw new UsageError("请给出要核对的工作簿或 --text 情况说明：juesuan check 工作簿.xlsx");
    return checkCommand({
      inputs,
      year: values.year === undefined ? undefined : requireYear(values.year),
      format,
      all: values.all,
      text: values.text,
      template: values.template === undefined ? null : requireTemplate(values.template),
      threads: values.threads === undefined ? undefined : requireThreads(values.threads),
      codes: new CodesRegistry(loadBuiltinEditions()),
      out,
      progress: process.stderr,
    });
  }
  if (command === "narrative") {
    if (positionals.length !== 2) throw new UsageError("请给出一个工作簿：juesuan narrative 工作簿.xlsx [--out 情况说明.docx]");
    return narrativeCommand({ book: positionals[1]!, template: values.template === undefined ? null : requireTemplate(values.template), out: values.out }, out);
  }
  if (command === "codes" && sub === "import") {
    if (rest.length !== 1) throw new UsageError("请给出一个科目表文件：juesuan codes import 文件.xlsx --year 2026");
    return codesImport({ file: rest[0]!, year: requireYear(values.year), out: values.out, force: values.force, replace: values.replace }, out);
  }
  if (command === "new") {
    if (positionals.length !== 1 || !values.template || !values.out) throw new UsageError("用法：juesuan new --template 模板 --year 年度 --out 公开表.xlsx");
    return newWorkbook({ template: requireTemplate(values.template), year: requireYear(values.year), out: values.out, force: values.force }, out);
  }
  throw new UsageError(`不认识的命令“${positionals.join(" ")}”。运行 juesuan --help 查看用法`);
}

function requireTemplate(id: string): Template {
  const all = loadBuiltinTemplates();
  const found = all.find((t) => t.id === id);
  if (!found) throw new UsageError(`没有模板“${id}”（可用：${all.map((t) => t.id).join("、")}）`);
  return found;
}

function requireThreads(raw: string): number {
  if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > 64) throw new UsageError(`--threads “${raw}”应为 1 到 64 的整数`);
  return Number(raw);
}

function requireYear(raw: string | undefined): number {
  if (!raw) throw new UsageError("缺少 --year（科目表年度，如 --year 2026）");
  if (!/^\d{4}$/.test(raw) || Number(raw) < 2000 || Number(raw) > 2100) throw new UsageError(`--year “${raw}”不是有效年度`);
  return Number(raw);
}
