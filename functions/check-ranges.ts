// JS.CHECK's work: the ranges Excel hands over (values plus, when Excel gives them, their addresses) become
// grids, core checks them with the report year's edition, and the report becomes rows to spill.

import { CodesRegistry } from "../core/codes/codes-registry.ts";
import type { Edition } from "../core/codes/edition.ts";
import { checkDisclosure } from "../core/check-disclosure.ts";
import type { Report } from "../core/rules/finding.ts";
import { REPORT_HEADER, findingRow, notCheckedRow } from "../core/index.ts";
import { type Cell, type SheetGrid, parseRangeAddress } from "../core/tables/grid.ts";
import { readDisclosure } from "../core/tables/read-disclosure.ts";

/** The ranges as grids; each keeps the sheet and top-left cell of its address so findings point at real cells. */
export function rangesToGrids(ranges: unknown[][][], addresses: string[] | undefined): SheetGrid[] {
  return ranges.map((values, i) => {
    const address = addresses?.[i];
    const at = address ? parseRangeAddress(address) : null;
    const cells: Cell[][] = values.map((row) => row.map((v) => (v === "" || v === undefined ? null : (v as Cell))));
    return { name: at?.sheet ?? `区域${i + 1}`, cells, origin: at ? { row: at.row, col: at.col } : { row: 0, col: 0 } };
  });
}

/** Invocation.parameterAddresses for a repeating parameter, as a flat list of range addresses. */
export function flatAddresses(parameterAddresses: unknown): string[] | undefined {
  if (!Array.isArray(parameterAddresses)) return undefined;
  const flat = parameterAddresses.flat(3).filter((a): a is string => typeof a === "string" && a !== "");
  return flat.length ? flat : undefined;
}

export type EditionSource = (year: number) => Promise<Edition>;

/**
 * Checks the grids (and a narrative, when given); the edition for 科目 names is fetched for the report year,
 * and its absence only skips the rules that need it.
 */
export async function checkGrids(grids: SheetGrid[], edition: EditionSource, text: string | null = null): Promise<Report> {
  const read = readDisclosure(grids);
  const year = read.disclosure.year ?? (text ? Number(/(20\d{2})年度/.exec(text)?.[1]) || null : null);
  let codes: CodesRegistry | null = null;
  let why = "";
  if (year) {
    try {
      codes = new CodesRegistry([await edition(year)]);
    } catch (err) {
      why = (err as Error).message;
    }
  }
  const { report } = checkDisclosure({ sheets: grids, read, text, codes, expectComplete: false });
  if (why) report.notChecked = report.notChecked.map((n) => (n.rule === "table.code-name" || n.rule === "narrative.path" ? { ...n, why } : n));
  return report;
}

export function reportRows(report: Report): (string | number)[][] {
  const rows: (string | number)[][] = [REPORT_HEADER, ...report.findings.map(findingRow), ...report.notChecked.map(notCheckedRow)];
  if (rows.length === 1) rows.push(["通过", "", "未发现问题", "", "", ""]);
  return rows;
}
