// The sentences every written form of a report shares (marked workbook, .docx, the web page): the summary
// line, the title, the date and a file name; the finding rows themselves are core's (core/rules/report-rows.ts).

import type { Report } from "../../core/rules/finding.ts";

/** Who made the report and against what, for its heading: the template's name and the day of the check. */
export interface ReportMeta {
  template: string | null;
  /** YYYY-MM-DD */
  date: string;
}

/** "错误 2 条，警告 1 条，提示 3 条；未核对 1 项" */
export function summaryText(report: Report): string {
  const { error, warning, info } = report.summary;
  return `错误 ${error} 条，警告 ${warning} 条，提示 ${info} 条；未核对 ${report.notChecked.length} 项`;
}

/** The report's title as a document heading: "示范局2021年度部门决算公开核对报告". */
export function reportTitle(report: Report): string {
  return `${report.unit ?? ""}${report.year ? `${report.year}年度` : ""}部门决算公开核对报告`;
}

/** The date a person writes on a document: 2026年11月27日. */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number);
  return `${y}年${m}月${d}日`;
}

/** Today as the clerk's calendar has it (local time, not UTC), YYYY-MM-DD. */
export function localDate(d = new Date()): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

/** A file name part from a workbook's name: without its extension and characters file systems refuse. */
export function baseName(name: string | null): string {
  return (name ?? "决算公开").replace(/\.[^.]+$/, "").replace(/[\\/:*?"<>|]/g, "_") || "决算公开";
}
