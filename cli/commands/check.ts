// `juesuan check BOOK.xlsx|DIR … [--text NARRATIVE] [--year N] [--format text|json]`: one workbook → a report
// (text for a person, JSON for a machine); a folder or several files → one JSON line or one summary line per
// workbook, every file that could not be checked listed with why, progress on a terminal's stderr.

import { readdir, stat } from "node:fs/promises";
import { basename, extname, join } from "node:path";
import { CodesRegistry } from "../../core/codes/codes-registry.ts";
import { checkDisclosure } from "../../core/check-disclosure.ts";
import { optionalTemplate, optionalYear, requireThreads } from "../args.ts";
import { loadBuiltinEditions } from "../builtin-data.ts";
import { type Outcome, type ReportOptions, checkWorkbook } from "../check-file.ts";
import { checkMany } from "../check-pool.ts";
import type { Command, Io } from "../main.ts";
import { Progress } from "../progress.ts";
import { reportText, summaryLine } from "../report-text.ts";
import { readNarrative } from "../text-files.ts";
import { USAGE, UsageError } from "../usage.ts";
import { type ReportFileOptions, writeReportFiles } from "../report-files.ts";
import type { Report } from "../../core/rules/finding.ts";

/** What the workbook readers (and the PDF reader) take; anything else in a folder is listed as skipped. */
const WORKBOOK = /\.(xlsx|xlsm|xls|et|pdf)$/i;

export interface CheckOptions extends ReportOptions {
  inputs: string[];
  /** undefined: text for one workbook, JSON Lines for several */
  format?: "text" | "json";
  /** text format: list every 提示 too */
  all?: boolean;
  codes: CodesRegistry;
  /** threads for a folder (default: one per core, workers only when the folder is large enough) */
  threads?: number;
  /** --report / --mark: files written from the one report of one workbook or narrative */
  files?: ReportFileOptions;
}

export const command: Command["run"] = async (values, positionals, io) => {
  const format = values.format as string | undefined;
  if (format !== undefined && format !== "text" && format !== "json") throw new UsageError(`--format 应为 text 或 json，而不是“${format}”`, USAGE.check);
  const textPath = values.text as string | undefined;
  if (!positionals.length && textPath === undefined) throw new UsageError("请给出要核对的工作簿、文件夹或 --text 情况说明", USAGE.check);
  return checkCommand(
    {
      inputs: positionals,
      year: optionalYear(values.year as string | undefined),
      format,
      all: values.all as boolean | undefined,
      template: optionalTemplate(values.template as string | undefined),
      narrative: textPath === undefined ? null : { name: basename(textPath), text: await readNarrative(textPath) },
      threads: values.threads === undefined ? undefined : requireThreads(values.threads as string),
      codes: new CodesRegistry(loadBuiltinEditions()),
      files: { report: values.report as string | undefined, mark: values.mark as string | undefined, force: values.force as boolean | undefined },
    },
    io,
  );
};

export async function checkCommand(o: CheckOptions, io: Io): Promise<number> {
  if (!o.inputs.length) return checkTextOnly(o, io);
  const { files, skipped, folder } = await expand(o.inputs);
  if (!folder && files.length === 1) return checkOneWorkbook(files[0]!, o, io);
  if (o.files?.report !== undefined || o.files?.mark !== undefined) throw new UsageError("--report 和 --mark 只用于核对一个工作簿", USAGE.check);
  for (const s of skipped) io.err(`跳过 ${s.name}：${s.why}`);
  if (!files.length) throw new UsageError(`${o.inputs.join(" ")} 中没有可核对的工作簿（.xlsx）`);
  return checkFolder(files, o, io);
}

async function checkOneWorkbook(file: string, o: CheckOptions, io: Io): Promise<number> {
  const result = await checkWorkbook(file, o, o.codes);
  if ("error" in result) throw new UsageError(result.error);
  if (result.note) io.err(`juesuan：${result.note}`);
  io.out(o.format === "json" ? JSON.stringify(result.report, null, 2) : reportText(result.report, result.disclosure ?? null, o.all));
  await saveFiles(result.report, file, o, io);
  return result.report.summary.error > 0 ? 1 : 0;
}

async function saveFiles(report: Report, book: string | null, o: CheckOptions, io: Io): Promise<void> {
  if (o.files) for (const line of await writeReportFiles(report, book, { ...o.files, templateName: o.template?.name })) io.err(line);
}

/** A narrative alone, without tables. */
async function checkTextOnly(o: CheckOptions, io: Io): Promise<number> {
  const { report } = checkDisclosure({ text: o.narrative!.text, year: o.year ?? null, codes: o.codes, template: o.template, source: { workbook: null, text: o.narrative!.name } });
  io.out(o.format === "json" ? JSON.stringify(report, null, 2) : reportText(report, null, o.all));
  await saveFiles(report, null, o, io);
  return report.summary.error > 0 ? 1 : 0;
}

async function checkFolder(files: string[], o: CheckOptions, io: Io): Promise<number> {
  const progress = new Progress(io.progress, files.length);
  const say = (line: string) => progress.around(() => io.out(line));
  let checked = 0;
  let errors = 0;
  const unreadable: string[] = [];
  const text = o.format === "text";
  await checkMany(
    files,
    { year: o.year, template: o.template, narrative: o.narrative },
    o.codes,
    (i, outcome: Outcome) => {
      const name = basename(files[i]!);
      if ("error" in outcome) {
        unreadable.push(name);
        say(text ? `${name}：无法核对——${outcome.error}` : JSON.stringify({ source: { workbook: name, text: o.narrative?.name ?? null }, error: outcome.error }));
      } else {
        checked++;
        if (outcome.report.summary.error > 0) errors++;
        if (outcome.note) progress.around(() => io.err(`juesuan：${outcome.note}`));
        say(text ? summaryLine(name, outcome.report) : JSON.stringify(outcome.report));
      }
      progress.tick(i + 1, name);
    },
    o.threads,
  );
  progress.end();
  if (text) io.out(`\n共 ${files.length} 个工作簿：核对 ${checked} 个，其中 ${errors} 个有错误；${unreadable.length} 个无法核对${unreadable.length ? `（${unreadable.join("、")}）` : ""}`);
  if (!checked) return 2;
  return errors > 0 || unreadable.length > 0 ? 1 : 0;
}

interface Skipped {
  name: string;
  why: string;
}

/** The workbooks named: files as given, folders searched (not recursively); what is left out, with why. */
async function expand(inputs: string[]): Promise<{ files: string[]; skipped: Skipped[]; folder: boolean }> {
  const files: string[] = [];
  const skipped: Skipped[] = [];
  let folder = inputs.length > 1;
  for (const input of inputs) {
    const info = await stat(input).catch(() => null);
    if (!info) throw new UsageError(`找不到文件或文件夹：${input}`);
    if (!info.isDirectory()) {
      files.push(input);
      continue;
    }
    folder = true;
    for (const entry of (await readdir(input, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const why = skipReason(entry.name, entry.isDirectory());
      if (why) skipped.push({ name: join(basename(input), entry.name), why });
      else files.push(join(input, entry.name));
    }
  }
  return { files, skipped, folder };
}

function skipReason(name: string, isDirectory: boolean): string | null {
  if (isDirectory) return "是文件夹（只核对所给文件夹中的文件，不逐层查找）";
  if (name.startsWith("~$")) return "是 Excel 打开工作簿时留下的临时文件";
  if (WORKBOOK.test(name)) return null;
  const ext = extname(name).toLowerCase();
  if (ext === ".docx" || ext === ".txt") return "是文档，不是工作簿（情况说明请用 --text 给出）";
  return `不是工作簿（${ext || "没有扩展名"}），只核对 .xlsx、.xlsm、.xls、.et 和 .pdf`;
}
