// A report for a person reading a terminal: the unit and year, the counts, then the findings grouped by
// the table (sheet) they point into, errors first, and what was not checked.

import { type Finding, type Report, SEVERITY_NAMES, placeText } from "../core/rules/finding.ts";
import { scoreLines } from "../core/score/score.ts";
import type { Disclosure } from "../core/tables/model.ts";
import { tableName } from "../core/tables/table-ids.ts";

/** `showInfo`: list 提示 (尾差) findings one by one; otherwise they are counted in one line. */
export function reportText(report: Report, disclosure: Disclosure | null, showInfo = false): string {
  const lines: string[] = [];
  const who = [report.unit, report.year ? `${report.year} 年度` : null].filter(Boolean).join(" ");
  lines.push(`${who || "部门决算公开"}核对结果（${report.source.workbook ?? report.source.text ?? ""}）`);
  const { error, warning, info } = report.summary;
  lines.push(`错误 ${error} 条 · 警告 ${warning} 条 · 提示 ${info} 条 · 未核对 ${report.notChecked.length} 项`);
  if (report.score) lines.push(...scoreLines(report.score));

  const sheetTables = new Map<string, string[]>();
  for (const t of Object.values(disclosure?.tables ?? {})) {
    sheetTables.set(t.sheet, [...(sheetTables.get(t.sheet) ?? []), tableName(t.id)]);
  }
  const groups = new Map<string, Finding[]>();
  for (const f of report.findings) {
    if (f.severity === "info" && !showInfo) continue;
    const sheet = "sheet" in f.where ? f.where.sheet : "";
    const title = "table" in f.where ? `第 ${f.where.page} 页 ${f.where.table || "表格"}` : (sheetTables.get(sheet)?.join("、") ?? (sheet ? `工作表“${sheet}”` : "整个工作簿"));
    groups.set(title, [...(groups.get(title) ?? []), f]);
  }
  for (const [title, findings] of groups) {
    lines.push("", title);
    for (const f of findings) {
      const figures = f.expected !== undefined || f.actual !== undefined ? `（应为 ${f.expected ?? "—"}，实为 ${f.actual ?? "—"}）` : "";
      lines.push(`  ${SEVERITY_NAMES[f.severity]}  ${placeText(f.where)}  ${f.message}${figures}  [${f.rule}]`);
    }
  }
  if (!showInfo && info > 0) lines.push("", `另有 ${info} 条提示（如四舍五入尾差），加 --all 逐条显示`);
  if (report.notChecked.length) {
    lines.push("", "未核对：");
    for (const n of report.notChecked) lines.push(`  ${n.rule}：${n.why}`);
  }
  if (!error && !warning && !report.notChecked.length) lines.push("", "未发现错误或警告。");
  return lines.join("\n");
}
