// Every 科目 in the coded tables exists in the report year's edition with the name that edition gives it:
// a stale name is a warning naming the current one, another code's name an error, an unknown code an error
// (or info when the loaded edition is partial, since the code may simply not be loaded).

import { checkCodeName } from "../codes/code-check.ts";
import type { Edition } from "../codes/edition.ts";
import type { Table } from "../tables/model.ts";
import { tableName } from "../tables/table-ids.ts";
import type { Findings } from "./finding.ts";

export const CODE_NAME_RULE = "table.code-name";

export function codeNameRules(tables: Table[], edition: Edition | null, why: string, out: Findings): void {
  // a workbook without coded tables (the 三公 table alone) has no 科目 to check
  if (!tables.some((t) => t.kind === "coded" || t.kind === "economic")) return;
  if (!edition) return out.skip(CODE_NAME_RULE, why);
  for (const t of tables) {
    if (t.kind !== "coded" && t.kind !== "economic") continue;
    const coded = t.rows.filter((r) => !r.isTotal);
    if (coded.length && coded.every((r) => !r.code)) {
      out.skip(CODE_NAME_RULE, `${tableName(t.id)}只有科目名称、没有编码，无法逐项核对`);
      continue;
    }
    for (const row of coded) {
      if (!row.code || !row.name) continue;
      const check = checkCodeName(edition, row.code, row.name);
      if (check.ok) continue;
      out.add({
        rule: CODE_NAME_RULE,
        severity: check.severity ?? "error",
        message: `${tableName(t.id)}：${check.message}`,
        where: check.problem === "unknown-code" ? (row.codeAt ?? row.nameAt) : row.nameAt,
        related: row.codeAt ? [row.codeAt] : [],
        ...(check.expected ? { expected: check.expected } : {}),
        actual: row.name,
      });
    }
  }
}
