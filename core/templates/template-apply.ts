// A template's word on the rules: a finding's severity as the template sets it, or the rule switched off —
// listed as not checked, so a switched-off rule is never mistaken for a passed one.

import { type Report, sortFindings, summarize } from "../rules/finding.ts";
import type { Template } from "./template.ts";

export function applyTemplate(report: Report, template: Template): Report {
  const rules = template.rules ?? {};
  const off = new Set(Object.entries(rules).filter(([, s]) => s === "off").map(([r]) => r));
  const findings = sortFindings(
    report.findings
      .filter((f) => !off.has(f.rule))
      .map((f) => {
        const s = rules[f.rule];
        return s && s !== "off" ? { ...f, severity: s } : f;
      }),
  );
  const notChecked = [...report.notChecked, ...[...off].map((rule) => ({ rule, why: `模板“${template.name}”不要求此项核对` }))];
  return { ...report, findings, notChecked, summary: summarize(findings) };
}
