// `juesuan check BOOK.xlsx|DIR … [--year N] [--format text|json]`: one workbook → a report (text for a person,
// JSON for a machine); several files or a directory → JSON Lines, one report a line, with a progress bar on
// stderr when it is a terminal. Exit 0 without errors, 1 with one, 2 when an input could not be used.

import { readdir, stat } from "node:fs/promises";
import { basename, join } from "node:path";
import type { CodesRegistry } from "../../core/codes/codes-registry.ts";
import { checkDisclosure } from "../../core/check-disclosure.ts";
import type { Template } from "../../core/templates/template.ts";
import { type Outcome, checkInPool } from "../check-pool.ts";
import { checkPdfFile } from "../pdf-file.ts";
import { UnreadableFile, readGrids } from "../read-grid.ts";
import { readNarrative } from "../text-files.ts";
import { reportText } from "../report-text.ts";
import { UsageError } from "../usage.ts";
import { builtinTemplates } from "../builtin-data.ts";

export interface CheckCommandOptions {
  inputs: string[];
  year?: number;
  format: "text" | "json";
  /** text format: list every 提示 too */
  all?: boolean;
  /** a narrative to check (with the workbook's tables when one is given) */
  text?: string;
  template?: Template | null;
  codes: CodesRegistry;
  out: (line: string) => void;
  progress?: NodeJS.WriteStream | null;
  /** worker threads for many files (default: one per core) */
  threads?: number;
}


export async function checkFile(path: string, options: Pick<CheckCommandOptions, "year" | "codes" | "format" | "all" | "text" | "template">): Promise<Outcome> {
  if (/\.pdf$/i.test(path)) return checkPdfFile(path, options);
  let sheets;
  try {
    sheets = await readGrids(path);
  } catch (err) {
    if (err instanceof UnreadableFile) return { error: err.message };
    throw err;
  }
  if (!sheets.some((s) => s.cells.some((row) => row.some((c) => c !== null && c !== "")))) {
    return { error: `${path} 是空工作簿，没有可核对的内容` };
  }
  const { report, disclosure } = checkDisclosure({
    sheets,
    text: options.text === undefined ? null : await readNarrative(options.text),
    year: options.year ?? null,
    codes: options.codes,
    template: options.template ?? null,
    templates: builtinTemplates(),
    source: { workbook: basename(path), text: options.text === undefined ? null : basename(options.text) },
  });
  return { report, text: options.format === "text" ? reportText(report, disclosure, options.all) : "" };
}

/** The workbooks named: files as given, directories searched (not recursively) for .xlsx files. */
async function expand(inputs: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const input of inputs) {
    const info = await stat(input).catch(() => null);
    if (info?.isDirectory()) {
      const names = (await readdir(input)).filter((n) => /\.(xlsx|pdf)$/i.test(n) && !n.startsWith("~$")).sort();
      files.push(...names.map((n) => join(input, n)));
    } else files.push(input);
  }
  return files;
}

/** A narrative alone, without tables. */
async function checkTextOnly(o: CheckCommandOptions & { text: string }): Promise<number> {
  const { report } = checkDisclosure({
    text: await readNarrative(o.text),
    year: o.year ?? null,
    codes: o.codes,
    template: o.template ?? null,
    source: { workbook: null, text: basename(o.text) },
  });
  o.out(o.format === "json" ? JSON.stringify(report, null, 2) : reportText(report, null, o.all));
  return report.summary.error > 0 ? 1 : 0;
}

export async function checkCommand(o: CheckCommandOptions): Promise<number> {
  if (!o.inputs.length && o.text !== undefined) return checkTextOnly({ ...o, text: o.text });
  const files = await expand(o.inputs);
  if (!files.length) throw new UsageError(`${o.inputs.join(" ")} 中没有 .xlsx 文件`);
  if (files.length === 1 && !(await stat(o.inputs[0]!).catch(() => null))?.isDirectory()) {
    const result = await checkFile(files[0]!, o);
    if ("error" in result) throw new UsageError(result.error);
    o.out(o.format === "json" ? JSON.stringify(result.report, null, 2) : result.text);
    return result.report.summary.error > 0 ? 1 : 0;
  }
  let status = 0;
  const started = Date.now();
  const emit = (i: number, result: Outcome) => {
    const file = files[i]!;
    if ("error" in result) {
      o.out(JSON.stringify({ source: { workbook: basename(file), text: null }, error: result.error }));
      status = 2;
    } else {
      o.out(JSON.stringify(result.report));
      if (result.report.summary.error > 0 && status === 0) status = 1;
    }
    if (o.progress?.isTTY) drawProgress(o.progress, i + 1, files.length, started, basename(file));
  };
  // fewer files are quicker in this thread than the time it takes to start workers (see npm run bench)
  const pooled = o.threads ? o.threads > 1 : files.length >= 200;
  if (!pooled) {
    for (const [i, file] of files.entries()) emit(i, await checkFile(file, { ...o, format: "json" }));
  } else {
    await checkInPool(files, o.year, emit, o.threads);
  }
  if (o.progress?.isTTY) o.progress.write("\n");
  return status;
}

function drawProgress(stream: NodeJS.WriteStream, done: number, total: number, started: number, current: string): void {
  const width = 24;
  const filled = Math.round((done / total) * width);
  const rate = done / Math.max((Date.now() - started) / 1000, 0.001);
  stream.write(`\r[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${done}/${total} ${rate.toFixed(1)} 个/秒 ${current.slice(0, 30)}\u001b[K`);
}
