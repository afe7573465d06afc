// Checks a workbook's tables: reads them out of the grids, runs every rule inside each table and across
// tables, and returns the report — findings pointing at cells, rules not checked with why, a summary.

import type { CodesRegistry } from "../codes/codes-registry.ts";
import type { Edition } from "../codes/edition.ts";
import { DomainError } from "../errors.ts";
import type { SheetGrid } from "../tables/grid.ts";
import type { Disclosure } from "../tables/model.ts";
import { type ReadResult, readDisclosure } from "../tables/read-disclosure.ts";
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
}

export interface TableCheck {
  report: Report;
  disclosure: Disclosure;
}

export function checkTables(sheets: SheetGrid[], options: CheckOptions = {}, read: ReadResult = readDisclosure(sheets, options.overrides)): TableCheck {
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

  const missing = TABLE_IDS.filter((id) => !disclosure.tables[id]);
  if (options.expectComplete === false) {
    if (missing.length) out.skip(COMPLETENESS_RULE, `只核对了给出的区域，未要求九张表齐全`);
  } else {
    for (const id of missing) {
      const problem = disclosure.problems.find((p) => p.table === id);
      out.add({
        rule: COMPLETENESS_RULE,
        severity: "error",
        message: problem ? `${tableName(id)}无法读取：${problem.message}` : `缺少${tableName(id)}（按标题查找，未找到）`,
        where: { sheet: problem?.sheet ?? "", cell: "" },
        related: [],
      });
    }
  }
  for (const p of disclosure.problems) {
    if (p.table && disclosure.tables[p.table]) out.skip(`read.${p.table}`, p.message);
    else if (!p.table) out.skip("read.sheet", p.message);
  }

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

