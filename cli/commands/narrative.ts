// `juesuan narrative BOOK.xlsx [--out FILE.txt|.docx] [--force] [--template ID] [--year N]`: writes the
// 情况说明 from the workbook's tables and its 补充资料 sheet, with reasons left as marked blanks.

import { existsSync, statSync } from "node:fs";
import { dirname, extname } from "node:path";
import { writeNarrative } from "../../core/narrative/generate.ts";
import { readSupplementary } from "../../core/narrative/supplementary.ts";
import { readDisclosure } from "../../core/tables/read-disclosure.ts";
import type { Template } from "../../core/templates/template.ts";
import { optionalTemplate, optionalYear, yearNote } from "../args.ts";
import { loadBuiltinTemplates } from "../builtin-data.ts";
import type { Command } from "../main.ts";
import { readGrids } from "../read-grid.ts";
import { writeNarrativeFile } from "../text-files.ts";
import { USAGE, UsageError } from "../usage.ts";

export const command: Command["run"] = async (values, positionals, io) => {
  if (positionals.length !== 1) throw new UsageError("请给出一个工作簿：juesuan narrative 工作簿.xlsx [--out 情况说明.docx]", USAGE.narrative);
  const out = values.out as string | undefined;
  if (out !== undefined) checkOut(out, values.force === true);
  const book = positionals[0]!;
  const year = optionalYear(values.year as string | undefined);
  const sheets = await readGrids(book);
  const { disclosure } = readDisclosure(sheets);
  if (!Object.keys(disclosure.tables).length) throw new UsageError(`${book} 中找不到公开表`);
  const note = yearNote(year, disclosure.year, book);
  if (note) io.err(`juesuan：${note}`);
  const reportYear = year ?? disclosure.year;
  // without --template, the built-in template of the report year still names the 补充资料 rows
  const template = optionalTemplate(values.template as string | undefined) ?? defaultTemplate(reportYear);
  let lines: string[];
  try {
    lines = writeNarrative({ disclosure: { ...disclosure, year: reportYear }, supplementary: readSupplementary(sheets, template), template });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  if (out === undefined) {
    io.out(lines.join("\n"));
    return 0;
  }
  await writeNarrativeFile(out, lines);
  const blanks = lines.join("").match(/【待填写[^】]*】/g)?.length ?? 0;
  io.out(`已写入 ${out}（${lines.length} 段，${blanks} 处【待填写】需补充）`);
  return 0;
};

/** Refuses before any work: a format it cannot write, a folder that is not there, a file it would replace. */
function checkOut(out: string, force: boolean): void {
  const ext = extname(out).toLowerCase();
  if (ext !== ".txt" && ext !== ".docx") throw new UsageError(`--out 只能是 .txt 或 .docx 文件，不能写成“${ext || out}”`, USAGE.narrative);
  const folder = dirname(out);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) throw new UsageError(`找不到要写入的文件夹：${folder}`);
  if (existsSync(out) && !force) throw new UsageError(`${out} 已存在；确认要覆盖时加 --force`);
}

/** The central template for a year it covers, else the built-in one nearest below the year. */
function defaultTemplate(year: number | null): Template | null {
  const all = loadBuiltinTemplates().sort((a, b) => b.year - a.year);
  const central = all.filter((t) => t.region === "中央");
  return central.find((t) => year !== null && t.year <= year) ?? central.at(-1) ?? all[0] ?? null;
}
