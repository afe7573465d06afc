// Checks a workbook's tables: reads them out of the grids, runs every rule inside each table and across
// tables, and returns the report — findings pointing at cells, rules not checked with why, a summary.

import type { CodesRegistry } from "../codes/codes-registry.ts";
import type { Edition } from "../codes/edition.ts";
import { DomainError } from "../errors.ts";
import type { SheetGrid } from "../tables/grid.ts";
import type { Disclosure } from "../tables/model.ts";
import { type ReadResult, readDisclosure } from "../tables/read-disclosure.ts";
import type { Template } from "../templates/template.ts";
import { TABLE_IDS, type TableId, tableName } from "../tables/table-ids.ts";
import { codeNameRules } from "./code-rules.ts";
import { crossRules } from "./cross-rules.ts";
import { Findings, type Report, sortFindings, summarize } from "./finding.ts";
import { tableRules } from "./table-rules.ts";

export const COMPLETENESS_RULE = "complete.tables";
export const NOT_A_NUMBER_RULE = "read.not-a-number";

export interface CheckOptions {
  /** the report year when the tables do not say it (or to override them) */
  year?: number | null;
  /** code editions; without them the code/name rule is not checked */
  codes?: CodesRegistry | null;
  /** a whole disclosure is expected (CLI, workbook); JS.CHECK over a few ranges sets false */
  expectComplete?: boolean;
  source?: Report["source"];
  /** sheet → table, where the clerk corrected what the reader picked */
  overrides?: Record<string, TableId>;
  /** the template chosen: its titles are matched and its required tables expected */
  template?: Template | null;
  /** templates to detect the set from by the titles found, when none was chosen */
  templates?: Template[];
}

export interface TableCheck {
  report: Report;
  disclosure: Disclosure;
}

export function checkTables(sheets: SheetGrid[], options: CheckOptions = {}, read: ReadResult = readDisclosure(sheets, options.overrides, options)): TableCheck {
  const { disclosure, cellProblems } = read;
  const year = options.year ?? disclosure.year;
  const out = new Findings();

  for (const p of cellProblems) {
    out.add({ rule: NOT_A_NUMBER_RULE, severity: "error", message: p.message, where: p.at, related: [] });
  }
  const tables = Object.values(disclosure.tables);
  for (const t of tables) tableRules(t, out);

  const why = (id: TableId) => {
    const problem = disclosure.problems.find((p) => p.table === id);
    return problem ? `${tableName(id)}未能读取：${problem.message}` : `没有找到${tableName(id)}`;
  };
  crossRules(disclosure.tables, why, out);

  const { edition, editionWhy } = pickEdition(year, options.codes ?? null);
  codeNameRules(tables, edition, editionWhy, out);

  completeness(disclosure, options, out);
  for (const p of disclosure.problems) {
    if (p.table && disclosure.tables[p.table]) out.skip(`read.${p.table}`, p.message);
    else if (!p.table) out.skip("read.sheet", p.message);
  }
  for (const o of disclosure.others ?? []) out.skip("read.other", `“${o.title}”（${o.sheet}）已找到，此表内容不在核对之列`);

  const findings = sortFindings(out.findings);
  return {
    disclosure,
    report: {
      year,
      unit: disclosure.unit,
      source: options.source ?? { workbook: null, text: null },
      findings,
      notChecked: out.notChecked,
      summary: summarize(findings),
    },
  };
}

/**
 * The tables the set expects — the template's required ones (chosen or detected), else the nine — each missing
 * one an error. A workbook holding a single table (many units publish the 三公 table alone) is checked as that
 * table, with one info line instead of an error per absent table.
 */
function completeness(disclosure: Disclosure, options: CheckOptions, out: Findings): void {
  const found = Object.values(disclosure.tables);
  const template = options.template ?? (disclosure.template ? options.templates?.find((t) => t.id === disclosure.template!.id) : null) ?? null;
  const required = template ? template.tables.filter((t) => t.required).map((t) => t.id) : TABLE_IDS;
  const missing = required.filter((id) => !disclosure.tables[id]);
  const title = (id: TableId) => template?.tables.find((t) => t.id === id)?.title ?? null;
  const setName = template ? `模板“${template.name}”` : "九张公开表";
  if (options.expectComplete === false) {
    if (missing.length) out.skip(COMPLETENESS_RULE, `只核对了给出的区域，未要求九张表齐全`);
    return;
  }
  if (found.length === 1 && !disclosure.others?.length && missing.length) {
    const only = found[0]!;
    out.add({
      rule: COMPLETENESS_RULE,
      severity: "info",
      message: `工作簿中只有${tableName(only.id)}一张表，按单表核对；${setName}的其余 ${missing.filter((id) => id !== only.id).length} 张表及表间关系未核对`,
      where: only.titleAt,
      related: [],
    });
    return;
  }
  for (const id of missing) {
    const problem = disclosure.problems.find((p) => p.table === id);
    const named = title(id) ? `${title(id)}（${id}）` : tableName(id);
    out.add({
      rule: COMPLETENESS_RULE,
      severity: "error",
      message: problem ? `${named}无法读取：${problem.message}` : `缺少${named}（按${setName}的标题查找，未找到）`,
      where: { sheet: problem?.sheet ?? "", cell: "" },
      related: [],
    });
  }
  const others = (disclosure.others ?? []).map((o) => o.title);
  for (const other of template?.otherTables ?? []) {
    if (!other.required || others.includes(other.title)) continue;
    out.add({ rule: COMPLETENESS_RULE, severity: "error", message: `缺少“${other.title}”（${setName}要求的表，按标题查找，未找到）`, where: { sheet: "", cell: "" }, related: [] });
  }
}

function pickEdition(year: number | null, codes: CodesRegistry | null): { edition: Edition | null; editionWhy: string } {
  if (!codes) return { edition: null, editionWhy: "没有载入科目表" };
  if (!year) return { edition: null, editionWhy: "表中没有报告年度（可用 --year 指定），无法选定科目表" };
  try {
    return { edition: codes.edition(year), editionWhy: "" };
  } catch (err) {
    if (err instanceof DomainError) return { edition: null, editionWhy: err.message };
    throw err;
  }
}

