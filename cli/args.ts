// The command line's argument values read into what the commands take, each mistake one Chinese sentence.

import type { Template } from "../core/templates/template.ts";
import { loadBuiltinTemplates } from "./builtin-data.ts";
import { UsageError } from "./usage.ts";

export const YEAR_RANGE = [2000, 2100] as const;

export function requireYear(raw: string | undefined): number {
  if (!raw) throw new UsageError("缺少 --year（年度，如 --year 2026）");
  const year = Number(raw);
  if (!/^\d{4}$/.test(raw) || year < YEAR_RANGE[0] || year > YEAR_RANGE[1]) {
    throw new UsageError(`--year “${raw}”不是有效年度：应为 ${YEAR_RANGE[0]}–${YEAR_RANGE[1]} 之间的四位数年份`);
  }
  return year;
}

export const optionalYear = (raw: string | undefined): number | undefined => (raw === undefined ? undefined : requireYear(raw));

export function requireTemplate(id: string): Template {
  const all = loadBuiltinTemplates();
  const found = all.find((t) => t.id === id);
  if (!found) throw new UsageError(`没有模板“${id}”（可用：${all.map((t) => t.id).join("、")}）`);
  return found;
}

export const optionalTemplate = (id: string | undefined): Template | null => (id === undefined ? null : requireTemplate(id));

export function requireThreads(raw: string): number {
  if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > 64) throw new UsageError(`--threads “${raw}”应为 1 到 64 的整数`);
  return Number(raw);
}

/** A note on stderr when the year asked for is not the one the workbook states: applied, but said. */
export function yearNote(asked: number | undefined, own: number | null | undefined, file: string): string | null {
  if (asked === undefined || !own || own === asked) return null;
  return `注意：${file} 写明的年度是 ${own} 年，按 --year 指定的 ${asked} 年核对`;
}
