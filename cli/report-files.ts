// `juesuan check BOOK --report FILE.docx|FILE.xlsx --mark FILE.xlsx [--force]`: the report to hand on and the
// marked copy of the workbook, written by the same writers as the web page. Every target is checked before
// anything is written; an existing file is replaced only with --force, and the checked workbook never.

import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import type { Report } from "../core/rules/finding.ts";
import { markWorkbook, resultsWorkbook } from "../hosts/report/marked-workbook.ts";
import { reportDocx } from "../hosts/report/report-docx.ts";
import { localDate } from "../hosts/report/report-rows.ts";
import { UsageError } from "./usage.ts";

export interface ReportFileOptions {
  report?: string;
  mark?: string;
  force?: boolean;
  /** the template's name for the report's heading */
  templateName?: string | null;
}

function checkTarget(path: string, flag: string, book: string | null, force: boolean | undefined): void {
  if (book && resolve(path) === resolve(book)) throw new UsageError(`${flag} 不能写到被核对的工作簿本身（${path}）`);
  if (!force && existsSync(path)) throw new UsageError(`${path} 已存在；确需覆盖请加 --force`);
}

/** Writes what was asked and returns one line per file written, for stderr. */
export async function writeReportFiles(report: Report, book: string | null, o: ReportFileOptions): Promise<string[]> {
  if (o.report !== undefined) {
    if (!/\.(docx|xlsx)$/i.test(o.report)) throw new UsageError(`--report 应为 .docx 或 .xlsx 文件，而不是“${o.report}”`);
    checkTarget(o.report, "--report", book, o.force);
  }
  if (o.mark !== undefined) {
    if (!/\.xlsx$/i.test(o.mark)) throw new UsageError(`--mark 应为 .xlsx 文件，而不是“${o.mark}”`);
    if (!book || !/\.xlsx$/i.test(book)) throw new UsageError("--mark 需要核对一个 .xlsx 工作簿（标出错误的是它的副本）");
    checkTarget(o.mark, "--mark", book, o.force);
  }
  const done: string[] = [];
  if (o.report !== undefined) {
    const bytes = /\.docx$/i.test(o.report) ? await reportDocx(report, { template: o.templateName ?? null, date: localDate() }) : await resultsWorkbook(report);
    await writeFile(o.report, bytes);
    done.push(`核对报告已写入 ${o.report}`);
  }
  if (o.mark !== undefined) {
    await writeFile(o.mark, await markWorkbook(new Uint8Array(await readFile(book!)), report));
    done.push(`标出错误的工作簿已写入 ${o.mark}`);
  }
  return done;
}
