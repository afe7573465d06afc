// Findings laid out for a person, the same in every host: grouped under the table (or the narrative) they
// point into — the narrative's in line order — and as the rows of a results sheet or a cell range.

import type { Disclosure } from "../tables/model.ts";
import { tableName } from "../tables/table-ids.ts";
import { type Finding, type NotChecked, SEVERITY_NAMES, placeText } from "./finding.ts";

export const NARRATIVE_GROUP = "情况说明";

export interface FindingGroup {
  title: string;
  findings: Finding[];
}

/** Groups in order of first appearance; a sheet holding several tables is titled by all of them. */
export function groupByTable(findings: readonly Finding[], disclosure: Disclosure | null): FindingGroup[] {
  const sheetTables = new Map<string, string[]>();
  for (const t of Object.values(disclosure?.tables ?? {})) sheetTables.set(t.sheet, [...(sheetTables.get(t.sheet) ?? []), tableName(t.id)]);
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const title = "line" in f.where ? NARRATIVE_GROUP : "table" in f.where ? f.where.table || "PDF 中的表格" : (sheetTables.get(f.where.sheet)?.join("、") ?? (f.where.sheet ? `工作表“${f.where.sheet}”` : "整个工作簿"));
    groups.set(title, [...(groups.get(title) ?? []), f]);
  }
  const lineOf = (f: Finding) => ("line" in f.where ? f.where.line : 0);
  return [...groups].map(([title, list]) => ({ title, findings: title === NARRATIVE_GROUP ? [...list].sort((a, b) => lineOf(a) - lineOf(b)) : list }));
}

export const REPORT_HEADER = ["严重程度", "规则", "说明", "位置", "应为", "实为"];

export function findingRow(f: Finding): string[] {
  return [SEVERITY_NAMES[f.severity], f.rule, f.message, placeText(f.where), f.expected ?? "", f.actual ?? ""];
}

export function notCheckedRow(n: NotChecked): string[] {
  return ["未核对", n.rule, n.why, "", "", ""];
}
