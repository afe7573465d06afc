// What a check returns: findings with a stable rule id, a severity, a Chinese message, where (a cell, or a
// text line with its excerpt) and the figures involved; rules that could not run, with why; and a summary.

import type { PublicationScore } from "../score/items.ts";
import type { CellRef } from "../tables/grid.ts";

export type Severity = "error" | "warning" | "info";

export interface TextLocation {
  line: number;
  excerpt: string;
}

/** In a PDF: a table's cell (row and column counted in the printed table) or a line of a page, with what is printed there. */
export interface PdfCellLocation {
  page: number;
  table: string;
  row: number;
  column: number;
  text: string;
}

export interface PdfTextLocation {
  page: number;
  line: number;
  excerpt: string;
}

export type Location = CellRef | TextLocation | PdfCellLocation | PdfTextLocation;

export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  where: Location;
  related: Location[];
  expected?: string;
  actual?: string;
}

export interface NotChecked {
  rule: string;
  why: string;
}

export interface Report {
  year: number | null;
  unit: string | null;
  source: { workbook: string | null; text: string | null };
  findings: Finding[];
  notChecked: NotChecked[];
  summary: Record<Severity, number>;
  /**
   * when a narrative was checked: amounts that can be tied to a table cell and how many were; every figure
   * found in the text and how many some check used (the others are listed in notChecked with why)
   */
  coverage?: { claims: number; tied: number; found?: number; checked?: number };
  /** what a whole disclosure publishes of what inspections check (core/score) */
  score?: PublicationScore;
}

/** Gathers findings and not-checked rules; a rule id is not-checked at most once per reason. */
export class Findings {
  readonly findings: Finding[] = [];
  readonly notChecked: NotChecked[] = [];

  add(f: Finding | null | undefined): void {
    if (f) this.findings.push(f);
  }

  skip(rule: string, why: string): void {
    if (!this.notChecked.some((n) => n.rule === rule && n.why === why)) this.notChecked.push({ rule, why });
  }
}

const ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Severities as clerks read them. */
export const SEVERITY_NAMES: Record<Severity, string> = { error: "错误", warning: "警告", info: "提示" };

/** Where a finding is, as a clerk reads it: 公开05表!F25, 第 3 行 (of the narrative), or （工作簿）. */
export function placeText(l: Location): string {
  if ("page" in l) return "table" in l ? `第 ${l.page} 页 ${l.table || "表格"} 第 ${l.row} 行第 ${l.column} 列` : `第 ${l.page} 页第 ${l.line} 行`;
  return "cell" in l ? (l.sheet ? `${l.sheet}!${l.cell}` : "（工作簿）") : `第 ${l.line} 行`;
}

export function summarize(findings: Finding[]): Record<Severity, number> {
  const summary = { error: 0, warning: 0, info: 0 };
  for (const f of findings) summary[f.severity]++;
  return summary;
}

export function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
}
