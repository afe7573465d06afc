// Finds the standard tables in a workbook's sheets by what a person sees — their titles, with aliases, with or
// without 公开0N表 labels, several to a sheet or one per sheet — reads each, and reports what it could not read.

import { type Cell, type SheetGrid, isBlank, labelText, unmerged } from "./grid.ts";
import type { Disclosure, ReadProblem, Table } from "./model.ts";
import type { CellProblem } from "./read-rows.ts";
import { type Region, readTable } from "./read-tables.ts";
import { type TableId, matchTitle, tableIdFromSheetName, tableName } from "./table-ids.ts";

export interface ReadResult {
  disclosure: Disclosure;
  cellProblems: CellProblem[];
}

/** Sheets larger than this are read up to the limit and said to be cut (a 100,000-row sheet is not a table). */
export const MAX_ROWS = 5000;

/**
 * `overrides` names the table a sheet holds when the clerk corrected a pick (or bound a sheet without a
 * recognisable title): its first table, or the whole sheet, is read as that table.
 */
export function readDisclosure(sheets: SheetGrid[], overrides: Record<string, TableId> = {}): ReadResult {
  const tables: Partial<Record<TableId, Table>> = {};
  const problems: ReadProblem[] = [];
  const cellProblems: CellProblem[] = [];
  for (const grid of sheets) {
    let cells = unmerged(grid);
    if (cells.length > MAX_ROWS) {
      problems.push({ table: null, sheet: grid.name, message: `工作表“${grid.name}”有 ${cells.length} 行，只读取前 ${MAX_ROWS} 行` });
      cells = cells.slice(0, MAX_ROWS);
    }
    // own keys only: a sheet named "constructor" or "toString" must not pick up Object.prototype members
    for (const region of regionsOf(grid, cells, Object.hasOwn(overrides, grid.name) ? overrides[grid.name] : undefined)) {
      if (tables[region.id]) {
        problems.push({ table: region.id, sheet: grid.name, message: `${tableName(region.id)}出现不止一次，只核对第一份（${tables[region.id]!.sheet}）` });
        continue;
      }
      const read = readTable(region);
      cellProblems.push(...read.cellProblems);
      for (const message of read.problems) problems.push({ table: region.id, sheet: grid.name, message });
      if (read.table) tables[region.id] = read.table;
    }
  }
  const all = Object.values(tables);
  return {
    disclosure: {
      year: mostCommon(all.map((t) => t.year)),
      unit: mostCommon(all.map((t) => t.unit)),
      tables,
      problems,
    },
    cellProblems,
  };
}

/** The tables in one sheet: each title starts a region that runs to the next title or the sheet's end. */
function regionsOf(grid: SheetGrid, cells: Cell[][], override?: TableId): Region[] {
  const titles: { id: TableId; row: number; col: number }[] = [];
  for (let r = 0; r < cells.length; r++) {
    const row = cells[r]!;
    for (let c = 0; c < Math.min(row.length, 30); c++) {
      const v = row[c];
      if (typeof v !== "string" || isBlank(v)) continue;
      const id = matchTitle(v);
      if (id) {
        titles.push({ id, row: r, col: c });
        break;
      }
    }
  }
  if (override) {
    if (titles.length) titles.splice(0, 1, { ...titles[0]!, id: override });
    else titles.push({ id: override, row: -1, col: 0 });
  }
  if (!titles.length) {
    const id = tableIdFromSheetName(grid.name);
    if (!id) return [];
    titles.push({ id, row: -1, col: 0 });
  }
  return titles.map((t, i) => {
    const end = titles[i + 1]?.row ?? cells.length;
    const around = cells.slice(Math.max(t.row, 0), Math.min(t.row + 4, end)).flat().map(labelText);
    return { id: t.id, grid, cells, titleRow: t.row, titleCol: t.col, end, year: yearIn(around), unit: unitIn(around) };
  });
}

function yearIn(texts: string[]): number | null {
  for (const t of texts) {
    const m = /(20\d{2})年(度)?/.exec(t);
    if (m) return Number(m[1]);
  }
  return null;
}

function unitIn(texts: string[]): string | null {
  for (const t of texts) {
    const m = /(编制|填报)单位[:：](.+?)(金额)?(单位[:：].*)?$/.exec(t);
    if (m && m[2]) return m[2];
  }
  return null;
}

function mostCommon<T>(values: (T | null)[]): T | null {
  const counts = new Map<T, number>();
  for (const v of values) if (v !== null) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: T | null = null;
  let n = 0;
  for (const [v, c] of counts) if (c > n) [best, n] = [v, c];
  return best;
}

