// One workbook checked into a report — the same in the main thread and in a worker thread of a folder check,
// so both honour every report option (year, narrative, template).

import { basename } from "node:path";
import type { CodesRegistry } from "../core/codes/codes-registry.ts";
import { checkDisclosure } from "../core/check-disclosure.ts";
import type { Report } from "../core/rules/finding.ts";
import type { Disclosure } from "../core/tables/model.ts";
import type { Template } from "../core/templates/template.ts";
import { yearNote } from "./args.ts";
import { builtinTemplates } from "./builtin-data.ts";
import { checkPdfFile } from "./pdf-file.ts";
import { UnreadableFile, readGrids } from "./read-grid.ts";
import { chineseEnding } from "./usage.ts";

/** What shapes a report; plain data, so it crosses to worker threads whole. */
export interface ReportOptions {
  year?: number;
  template: Template | null;
  /** a narrative checked with every workbook: its file name and its text, read once */
  narrative: { name: string; text: string } | null;
}

export type Outcome = { report: Report; disclosure?: Disclosure | null; note: string | null } | { error: string };

export async function checkWorkbook(path: string, options: ReportOptions, codes: CodesRegistry): Promise<Outcome> {
  if (/\.pdf$/i.test(path)) return checkPdfFile(path, options, codes);
  let sheets;
  try {
    sheets = await readGrids(path);
  } catch (err) {
    if (err instanceof UnreadableFile) return { error: chineseEnding(err.message) };
    throw err;
  }
  if (!sheets.some((s) => s.cells.some((row) => row.some((c) => c !== null && c !== "")))) {
    return { error: `${path} 是空工作簿，没有可核对的内容` };
  }
  const { report, disclosure } = checkDisclosure({
    sheets,
    text: options.narrative?.text ?? null,
    year: options.year ?? null,
    codes,
    template: options.template,
    templates: builtinTemplates(),
    source: { workbook: basename(path), text: options.narrative?.name ?? null },
  });
  return { report, disclosure, note: yearNote(options.year, disclosure?.year, basename(path)) };
}
