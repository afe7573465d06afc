// checkPdf: a published disclosure PDF checked like a workbook — its tables through core's table reader, its
// prose through the narrative reader — with every finding pointing at the page, table cell or line it concerns.

import type { CodesRegistry } from "../../core/codes/codes-registry.ts";
import { checkDisclosure } from "../../core/check-disclosure.ts";
import { type Finding, type Location, type Report, placeText } from "../../core/rules/finding.ts";
import { parseA1 } from "../../core/tables/grid.ts";
import type { Disclosure } from "../../core/tables/model.ts";
import type { Template } from "../../core/templates/template.ts";
import { type PdfDisclosure, type PdfTable, type ReadPdfOptions, readPdf } from "./read-pdf.ts";
import type { Unread } from "./assemble.ts";

export interface CheckPdfOptions extends ReadPdfOptions {
  year?: number | null;
  codes?: CodesRegistry | null;
  template?: Template | null;
  /** templates the table set may be detected from when none is chosen */
  templates?: Template[];
}

/** A report on a PDF: core's report, plus which tables were found on which pages and what could not be read. */
export interface PdfReport extends Report {
  pdf: { pages: number; tables: Omit<PdfTable, "sheet">[]; unread: Unread[] };
}

export async function checkPdf(bytes: Uint8Array, options: CheckPdfOptions = {}): Promise<{ report: PdfReport; disclosure: Disclosure | null; pdf: PdfDisclosure }> {
  const pdf = await readPdf(bytes, options);
  return { ...checkRead(pdf, options), pdf };
}

/** The check of a PDF already read. */
export function checkRead(pdf: PdfDisclosure, options: CheckPdfOptions = {}): { report: PdfReport; disclosure: Disclosure | null } {
  const name = options.name ?? null;
  const { report, disclosure } = checkDisclosure({
    sheets: pdf.sheets,
    text: pdf.text || null,
    year: options.year ?? null,
    codes: options.codes ?? null,
    template: options.template ?? null,
    templates: options.templates,
    source: { workbook: name, text: pdf.text ? name : null },
  });
  const locate = locator(pdf);
  // messages name the cells they compare by grid address: name them by page and table instead
  const sheets = new Set(pdf.sheets.map((g) => g.name));
  const reword = (message: string) =>
    message.replace(/(第\d+页表\d+)!([A-Z]+\d+)/g, (all, sheet: string, cell: string) => (sheets.has(sheet) ? placeText(locate({ sheet, cell })) : all));
  const findings: Finding[] = report.findings.map((f) => ({ ...f, message: reword(f.message), where: locate(f.where), related: f.related.map(locate) }));
  const unreadNotes = pdf.unread.map((u) => ({ rule: "pdf.table", why: `第 ${u.page} 页 ${u.what}：${u.why}` }));
  return {
    report: {
      ...report,
      findings,
      notChecked: [...report.notChecked, ...unreadNotes],
      pdf: { pages: pdf.pages, tables: pdf.tables.map(({ title, pages }) => ({ title, pages })), unread: pdf.unread },
    },
    disclosure,
  };
}

/** A grid cell or a prose line → where it was printed. */
export function locator(pdf: PdfDisclosure): (l: Location) => Location {
  return (l) => {
    if ("cell" in l) {
      const place = pdf.places.sheets[l.sheet];
      const grid = pdf.sheets.find((s) => s.name === l.sheet);
      if (!place || !grid) return l;
      const { row, col } = parseA1(l.cell);
      const at = place.rows[Math.min(row, place.rows.length - 1)];
      const value = grid.cells[row]?.[col];
      const text = value === null || value === undefined ? "" : String(value);
      if (!at) return l;
      if (row < place.titleRows || at.line !== undefined) return { page: at.page, line: at.line ?? 0, excerpt: text };
      return { page: at.page, table: place.title, row: row - place.titleRows + 1, column: col + 1, text };
    }
    if ("line" in l && !("page" in l)) {
      const paragraph = pdf.places.text[l.line - 1];
      return paragraph ? { page: paragraph.page, line: paragraph.line, excerpt: l.excerpt } : l;
    }
    return l;
  };
}
