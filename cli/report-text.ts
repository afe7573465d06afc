// Reports for a person reading a terminal: one workbook in full (the counts, then the findings grouped by
// table, the narrative's in line order with their words, then what was not checked), or one line per file.

import { groupByTable } from "../core/index.ts";
import { type Finding, type Report, SEVERITY_NAMES, placeText } from "../core/rules/finding.ts";
import { scoreLines } from "../core/score/score.ts";
import type { Disclosure } from "../core/tables/model.ts";
import type { PdfReport } from "../hosts/pdf/index.ts";
import { pdfLines } from "./pdf-file.ts";

export const NOTHING_FOUND = "未发现错误或警告";

/** `showInfo`: list 提示 (尾差) findings one by one; otherwise they are counted in one line. */
export function reportText(report: Report, disclosure: Disclosure | null, showInfo = false): string {
  const lines: string[] = [];
  const who = [report.unit, report.year ? `${report.year} 年度` : null].filter(Boolean).join(" ");
  lines.push(`${who || "部门决算公开"}核对结果（${report.source.workbook ?? report.source.text ?? ""}）`);
  lines.push(counts(report));
  if (report.score) lines.push(...scoreLines(report.score));
  const shown = report.findings.filter((f) => showInfo || f.severity !== "info");
  for (const { title, findings } of groupByTable(shown, disclosure)) {
    lines.push("", `${title}（${findings.length} 条）`);
    for (const f of findings) lines.push(findingLine(f));
  }
  const { error, warning, info } = report.summary;
  if (!showInfo && info > 0) lines.push("", `另有 ${info} 条提示（如四舍五入尾差），加 --all 逐条显示`);
  if (!error && !warning) lines.push("", `${NOTHING_FOUND}。`);
  if (report.notChecked.length) {
    lines.push("", "未核对：");
    for (const n of report.notChecked) lines.push(`  ${n.rule}：${n.why}`);
  }
  if ("pdf" in report) lines.push(...pdfLines((report as PdfReport).pdf));
  return lines.join("\n");
}

function counts(report: Report): string {
  const { error, warning, info } = report.summary;
  return `错误 ${error} 条 · 警告 ${warning} 条 · 提示 ${info} 条 · 未核对 ${report.notChecked.length} 项`;
}

function findingLine(f: Finding): string {
  const figures = f.expected !== undefined || f.actual !== undefined ? `（应为 ${f.expected ?? "—"}，实为 ${f.actual ?? "—"}）` : "";
  const words = "line" in f.where ? ` “${f.where.excerpt}”` : "";
  return `  ${SEVERITY_NAMES[f.severity]}  ${placeText(f.where)}${words}  ${f.message}${figures}  [${f.rule}]`;
}

/** One file of a folder check in one line: its name, the counts, and the verdict. */
export function summaryLine(name: string, report: Report): string {
  const verdict = report.summary.error ? "有错误" : report.summary.warning ? "有警告" : NOTHING_FOUND;
  return `${name}：${verdict}（${counts(report)}）`;
}
