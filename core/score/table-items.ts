// The score's table items: each table of the template published (or said to be empty: 空表说明 under it, or in
// the narrative), T05 listed down to 项 and T06 down to 款 — read from the Disclosure core already built.

import { childrenOf } from "../rules/hierarchy.ts";
import type { Finding } from "../rules/finding.ts";
import { RULES } from "../rules/table-rules.ts";
import type { CodedRow, CodedTable, Disclosure, EconomicTable } from "../tables/model.ts";
import { type TableId, tableName } from "../tables/table-ids.ts";
import type { Judged } from "./items.ts";
import { type Outline, textAt } from "./outline.ts";
import { statesTableEmpty } from "./text-presence.ts";

export interface TableSpec {
  id: TableId;
  title: string;
  required: boolean;
}

/** A table of the template: present with figures or with its 空表说明, or said empty in the narrative. */
export function judgeTable(spec: TableSpec, d: Disclosure | null, findings: Finding[], o: Outline | null): Judged {
  const { id } = spec;
  const t = d?.tables[id];
  if (t) {
    const unstated = findings.some((f) => f.rule === RULES.emptyStatement && "cell" in f.where && f.where.sheet === t.titleAt.sheet && f.where.cell === t.titleAt.cell);
    if (unstated) return { status: "fail", where: t.titleAt, note: `${tableName(id)}没有数据，表下也没有空表说明` };
    return { status: "pass", where: t.titleAt, note: `已公开${tableName(id)}` };
  }
  const stated = o && statesTableEmpty(o, spec.title, Number(id.slice(1)));
  if (stated) return { status: "pass", where: textAt(o, stated.start, stated.end), note: `情况说明中说明${tableName(id)}为空表` };
  if (!d) return { status: "fail", where: { table: id, sheet: null }, note: "未提供公开表" };
  const problem = d.problems.find((p) => p.table === id);
  if (problem) return { status: "fail", where: { table: id, sheet: problem.sheet }, note: `${tableName(id)}未能读取：${problem.message}` };
  if (!spec.required) return { status: "na", where: { table: id, sheet: null }, note: `模板不要求${tableName(id)}` };
  return { status: "fail", where: { table: id, sheet: null }, note: `缺少${tableName(id)}（按标题查找，未找到），也没有说明其为空表` };
}

const RANK = { 类: 1, 款: 2, 项: 3 } as const;
const hasFigures = (r: CodedRow) => Object.values(r.figures).some((f) => !f.value.isZero());

/** T05 down to 项, T06 down to 款: every 类 (and 款) with figures is broken down to the leaf level. */
export function judgeDetail(id: "T05" | "T06", d: Disclosure | null): Judged {
  const leaf = id === "T05" ? "项" : "款";
  const t = d?.tables[id] as CodedTable | EconomicTable | undefined;
  if (!t) return { status: "na", where: { table: id, sheet: null }, note: `没有${tableName(id)}，无从判断（缺表已在该表一项中扣分）` };
  const rows = t.rows.filter((r) => !r.isTotal && hasFigures(r));
  if (!rows.length) return { status: "na", where: t.titleAt, note: `${tableName(id)}没有数据` };
  const levelled = rows.filter((r) => r.level);
  if (!levelled.length) return { status: "fail", where: t.titleAt, note: `${tableName(id)}没有科目编码或级次，看不出是否细化到${leaf}` };
  const children = childrenOf(t.rows);
  for (const r of levelled) {
    if (RANK[r.level!] >= RANK[leaf]) continue;
    const kids = children.get(t.rows.indexOf(r)) ?? [];
    if (!kids.some((k) => hasFigures(t.rows[k]!))) {
      return { status: "fail", where: r.nameAt, note: `“${r.name}”${r.code ? `（${r.code}）` : ""}未细化到${leaf}` };
    }
  }
  if (!levelled.some((r) => r.level === leaf)) return { status: "fail", where: t.titleAt, note: `${tableName(id)}没有${leaf}级科目` };
  return { status: "pass", where: t.titleAt, note: `${tableName(id)}细化到${leaf}` };
}
