// Reads an official code list laid out as a grid (科目编码 / 科目名称 / optional 说明 columns, from a sheet or a
// CSV) into edition entries, and says which rows it could not read and why — nothing is dropped silently.

import { toHalfWidth } from "../fullwidth.ts";
import { type CodeKind, normalizeCode } from "./code-format.ts";
import { type CodeEntry, type EditionJSON, entryFor } from "./edition.ts";

export interface ImportProblem {
  /** 1-based row in the source */
  row: number;
  message: string;
}

export interface ImportedList {
  entries: CodeEntry[];
  kinds: CodeKind[];
  problems: ImportProblem[];
}

const CODE_HEADER = /^科目(编码|代码|编号)$/;
const NAME_HEADER = /^科目名称$/;
const NOTE_HEADER = /^(说明|备注)$/;

const text = (v: unknown) => toHalfWidth(String(v ?? "")).replace(/\s+/g, "").trim();

export function importCodeList(grid: unknown[][], source: string): ImportedList {
  const headerRow = grid.findIndex((row) => row.some((c) => CODE_HEADER.test(text(c))) && row.some((c) => NAME_HEADER.test(text(c))));
  if (headerRow < 0) throw new Error("找不到表头：需要“科目编码”和“科目名称”两列");
  const header = grid[headerRow]!.map(text);
  const codeCol = header.findIndex((h) => CODE_HEADER.test(h));
  const nameCol = header.findIndex((h) => NAME_HEADER.test(h));
  const noteCol = header.findIndex((h) => NOTE_HEADER.test(h));

  const entries = new Map<string, CodeEntry>();
  const problems: ImportProblem[] = [];
  for (let i = headerRow + 1; i < grid.length; i++) {
    const row = grid[i]!;
    const rawCode = String(row[codeCol] ?? "").trim();
    const name = String(row[nameCol] ?? "").replace(/\s+/g, "").trim();
    if (!rawCode && !name) continue;
    const code = normalizeCode(rawCode);
    if (!code) {
      problems.push({ row: i + 1, message: `编码“${rawCode}”不是支出功能分类（3/5/7 位）或经济分类（3/5 位）编码` });
      continue;
    }
    if (!name) {
      problems.push({ row: i + 1, message: `科目 ${code} 没有名称` });
      continue;
    }
    const prior = entries.get(code);
    if (prior && prior.name !== name) {
      problems.push({ row: i + 1, message: `科目 ${code} 重复出现，名称“${name}”与前面的“${prior.name}”不同，保留前者` });
      continue;
    }
    const note = noteCol >= 0 ? String(row[noteCol] ?? "").trim() : "";
    entries.set(code, entryFor(code, name, "imported", note ? `${source}：${note}` : source));
  }
  for (const e of entries.values()) {
    const parent = e.code.length > 3 ? e.code.slice(0, e.code.length - 2) : null;
    if (parent && !entries.has(parent)) problems.push({ row: 0, message: `科目 ${e.code} 的上级科目 ${parent} 不在表中` });
  }
  const list = [...entries.values()];
  return { entries: list, kinds: [...new Set(list.map((e) => e.kind))], problems };
}

export interface ImportPlan {
  edition: EditionJSON;
  /** codes the year's edition had before, of the list's classifications, that a replace drops */
  removed: CodeEntry[];
  /** codes the list adds to what the year had, and codes whose name it changes */
  added: number;
  renamed: number;
}

/**
 * What an imported list makes of a year: merged over the year's entries (the shipped ones and an earlier
 * import), or with `replace` standing alone for its classifications. A merged classification is complete only
 * when the list holds every code the year had of it — a short list never turns an edition complete.
 */
export function planImport(year: number, list: ImportedList, current: CodeEntry[], earlier: EditionJSON | null, replace: boolean, source: string): ImportPlan {
  const listed = new Map(list.entries.map((e) => [e.code, e]));
  const before = new Map(current.map((e) => [e.code, e]));
  const added = list.entries.filter((e) => !before.has(e.code)).length;
  const renamed = list.entries.filter((e) => before.has(e.code) && before.get(e.code)!.name !== e.name).length;
  const status: EditionJSON["status"] = { function: "partial", economic: "partial" };
  if (replace) {
    for (const k of list.kinds) status[k] = "complete";
    const removed = current.filter((e) => list.kinds.includes(e.kind) && !listed.has(e.code));
    return { edition: { year, status, source, entries: list.entries, replace: true }, removed, added, renamed };
  }
  const merged = new Map((earlier?.entries ?? []).map((e) => [e.code, e]));
  for (const e of list.entries) merged.set(e.code, e);
  const entries = [...merged.values()].sort((a, b) => (a.code < b.code ? -1 : 1));
  for (const kind of new Set(entries.map((e) => e.kind))) {
    const known = current.filter((e) => e.kind === kind);
    // complete: every code known for the year is in the lists imported (as an official list's would be)
    status[kind] = known.length > 0 && known.every((e) => merged.has(e.code)) ? "complete" : "partial";
  }
  const sources = [...new Set([earlier?.source, source].filter((s): s is string => !!s))].join("；");
  return { edition: { year, status, source: sources, entries }, removed: [], added, renamed };
}
