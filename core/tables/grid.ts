// Cell grids, the one shape every host hands core (an Excel range, an .xlsx sheet, a JSON body): values by
// row and column, optional merged areas, and the A1 address of each cell for findings to point at.

import { toHalfWidth } from "../fullwidth.ts";
import { LIMITS } from "../limits.ts";

export type Cell = string | number | boolean | null;

export interface SheetGrid {
  /** the sheet's name, as findings will show it */
  name: string;
  cells: Cell[][];
  /** merged areas in A1 notation ("A1:H1"); their top-left value stands for the whole area */
  merges?: string[];
  /** where cells[0][0] sits in the sheet (a range that does not start at A1) */
  origin?: { row: number; col: number };
  /** what the reader left out of this sheet to stay within LIMITS, one Chinese sentence each */
  notes?: string[];
}

export interface CellRef {
  sheet: string;
  cell: string;
}

export function columnLetters(col: number): string {
  let s = "";
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function parseA1(a1: string): { row: number; col: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/i.exec(a1.trim());
  if (!m) throw new RangeError(`not an A1 address: ${a1}`);
  let col = 0;
  for (const ch of m[1]!.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

/** Reads "Sheet 1!B3:H40" / "'表 1'!B3" into a sheet name and the top-left position. */
export function parseRangeAddress(address: string): { sheet: string | null; row: number; col: number } {
  const bang = address.lastIndexOf("!");
  const sheet = bang >= 0 ? address.slice(0, bang).replace(/^'(.*)'$/, "$1").replace(/''/g, "'") : null;
  const first = address.slice(bang + 1).split(":")[0]!;
  return { sheet, ...parseA1(first) };
}

/** A merged area's corners (0-based, inclusive), or null when it is not an A1 area. */
export function mergeArea(area: string): { top: number; left: number; bottom: number; right: number } | null {
  const [a, b = a, extra] = area.split(":");
  if (extra !== undefined || !A1.test(a!) || !A1.test(b!)) return null;
  const from = parseA1(a!);
  const to = parseA1(b!);
  return { top: Math.min(from.row, to.row), left: Math.min(from.col, to.col), bottom: Math.max(from.row, to.row), right: Math.max(from.col, to.col) };
}

const A1 = /^\$?[A-Za-z]{1,7}\$?\d{1,15}$/;

/**
 * A grid where every cell of a merged area carries the area's value, so headers read the same either way.
 * Each area is clipped to the grid (its rows, and its widest row) before it is walked; areas over
 * LIMITS.mergeCells, merges past LIMITS.merges and walking past LIMITS.cells in all are left out.
 */
export function unmerged(grid: SheetGrid): Cell[][] {
  const cells = grid.cells.map((row) => [...row]);
  const at = grid.origin ?? { row: 0, col: 0 };
  let width = 0;
  for (const row of cells) width = Math.max(width, row.length);
  let walked = 0;
  for (const ref of (grid.merges ?? []).slice(0, LIMITS.merges)) {
    const area = mergeArea(ref);
    if (!area) continue;
    const r0 = area.top - at.row;
    const c0 = area.left - at.col;
    const top = Math.max(r0, 0);
    const bottom = Math.min(area.bottom - at.row, cells.length - 1);
    const left = Math.max(c0, 0);
    const right = Math.min(area.right - at.col, width - 1);
    if (top > bottom || left > right) continue;
    const size = (bottom - top + 1) * (right - left + 1);
    if (size > LIMITS.mergeCells || walked + size > LIMITS.cells) continue;
    walked += size;
    const value = cells[r0]?.[c0] ?? null;
    for (let r = top; r <= bottom; r++) {
      const row = cells[r]!;
      for (let c = left; c <= right; c++) if (row[c] === null || row[c] === undefined || row[c] === "") row[c] = value;
    }
  }
  return cells;
}

export function addressOf(grid: SheetGrid, row: number, col: number): CellRef {
  const at = grid.origin ?? { row: 0, col: 0 };
  return { sheet: grid.name, cell: `${columnLetters(col + at.col)}${row + at.row + 1}` };
}

/** The text of a cell for matching labels: half-width, no spaces or line breaks. */
export function labelText(v: Cell | undefined): string {
  if (v === null || v === undefined) return "";
  return toHalfWidth(String(v)).replace(/\s+/g, "");
}

export function isBlank(v: Cell | undefined): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}
