// One check of a whole disclosure — its tables, its narrative, or both — into one report with its publication
// score. Every host (CLI, Worker, custom functions, task pane) calls this.

import type { CodesRegistry } from "./codes/codes-registry.ts";
import { checkNarrative } from "./narrative/check-narrative.ts";
import { checkTables } from "./rules/check-tables.ts";
import { performanceRules } from "./rules/performance-rules.ts";
import { Findings, type Report, sortFindings, summarize } from "./rules/finding.ts";
import { scoreDisclosure } from "./score/score.ts";
import type { SheetGrid } from "./tables/grid.ts";
import type { Disclosure } from "./tables/model.ts";
import type { ReadResult } from "./tables/read-disclosure.ts";
import type { TableId } from "./tables/table-ids.ts";
import { applyTemplate } from "./templates/template-apply.ts";
import type { Template } from "./templates/template.ts";

export interface DisclosureInput {
  sheets?: SheetGrid[] | null;
  text?: string | null;
  year?: number | null;
  codes?: CodesRegistry | null;
  template?: Template | null;
  /** templates the table set may be detected from when none is chosen */
  templates?: Template[];
  expectComplete?: boolean;
  source?: Report["source"];
  overrides?: Record<string, TableId>;
  /** the sheets already read (a host that needed the report year first), so they are not read twice */
  read?: ReadResult;
}

export function checkDisclosure(input: DisclosureInput): { report: Report; disclosure: Disclosure | null } {
  const source = input.source ?? { workbook: null, text: null };
  let report: Report;
  let disclosure: Disclosure | null = null;
  if (input.sheets?.length) {
    const options = { year: input.year, codes: input.codes, expectComplete: input.expectComplete, source, overrides: input.overrides, template: input.template, templates: input.templates };
    const tables = input.read ? checkTables(input.sheets, options, input.read) : checkTables(input.sheets, options);
    report = tables.report;
    disclosure = tables.disclosure;
  } else {
    report = { year: input.year ?? null, unit: null, source, findings: [], notChecked: [], summary: { error: 0, warning: 0, info: 0 } };
  }
  if (input.sheets?.length) {
    const out = new Findings();
    performanceRules(input.sheets, out);
    for (const sheet of input.sheets) for (const why of sheet.notes ?? []) out.skip("read.sheet", why);
    const findings = sortFindings([...report.findings, ...out.findings]);
    report = { ...report, findings, notChecked: [...report.notChecked, ...out.notChecked], summary: summarize(findings) };
  }
  let read: Pick<ReturnType<typeof checkNarrative>, "prose" | "claims"> | undefined;
  if (input.text != null) {
    const out = new Findings();
    const { year, coverage, prose, claims } = checkNarrative(input.text, out, { year: report.year, codes: input.codes, disclosure, template: input.template });
    const findings = sortFindings([...report.findings, ...out.findings]);
    report = { ...report, year: report.year ?? year, findings, notChecked: [...report.notChecked, ...out.notChecked], summary: summarize(findings), coverage: { claims: coverage.found, tied: coverage.tied, found: coverage.figures, checked: coverage.checked } };
    read = { prose, claims };
  }
  // a few ranges (JS.CHECK) are not a disclosure to score; the score reads the findings before the template's
  // severities, so a switched-off rule does not hide an empty table's missing statement
  if (input.expectComplete !== false) {
    const sheets = input.sheets?.length ? input.sheets : null;
    report = { ...report, score: scoreDisclosure({ disclosure, sheets, text: input.text ?? null, template: input.template ?? null, findings: report.findings, read }) };
  }
  if (input.template) report = applyTemplate(report, input.template);
  return { report, disclosure };
}
