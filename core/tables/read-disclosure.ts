// Finds the standard tables in a workbook's sheets by what a person sees — their titles, with aliases, with or
// without 公开0N表 labels, several to a sheet or one per sheet — reads each, and reports what it could not read.

import { label } from "./labels.ts";
import { type AmountUnit, statedUnit } from "./amount-unit.ts";
import { type Cell, type SheetGrid, addressOf, isBlank, unmerged } from "./grid.ts";
import type { Disclosure, OtherTable, ReadProblem, Table } from "./model.ts";
import type { CellProblem } from "./read-rows.ts";
import { type Region, readTable } from "./read-tables.ts";
import { type TableId, type TemplateTitles, matchTitleIn, normalizeTitle, ownTitle, tableIdFromSheetName, tableName, templateTitles } from "./table-ids.ts";
import type { Template } from "../templates/template.ts";

export interface ReadResult {
  disclosure: Disclosure;
  cellProblems: CellProblem[];
}

/** Sheets larger than this are read up to the limit and said to be cut (a 100,000-row sheet is not a table). */
export const MAX_ROWS = 5000;

export interface ReadOptions {
  /** the template chosen: its titles and aliases are matched first, its table set is what is expected */
  template?: Template | null;
  /** templates to choose from by the titles found, when none was chosen */
  templates?: Template[];
}

interface TitleCell {
  row: number;
  col: number;
  text: string;
}

/**
 * `overrides` names the table a sheet holds when the clerk corrected a pick (or bound a sheet without a
 * recognisable title): its first table, or the whole sheet, is read as that table.
 */
export function readDisclosure(sheets: SheetGrid[], overrides: Record<string, TableId> = {}, options: ReadOptions = {}): ReadResult {
  const tables: Partial<Record<TableId, Table>> = {};
  const problems: ReadProblem[] = [];
  const cellProblems: CellProblem[] = [];
  const others: OtherTable[] = [];
  // each sheet's cells unmerged once, and the cells that may be titles collected once
  const read = sheets.map((grid) => {
    let cells = unmerged(grid);
    if (cells.length > MAX_ROWS) {
      problems.push({ table: null, sheet: grid.name, message: `工作表“${grid.name}”有 ${cells.length} 行，只读取前 ${MAX_ROWS} 行` });
      cells = cells.slice(0, MAX_ROWS);
    }
    return { grid, cells, candidates: titleCells(cells) };
  });
  const template = options.template ?? detectTemplate(read.flatMap((r) => r.candidates.map((c) => c.text)), options.templates ?? []);
  const titles = template ? templateTitles(template.tables, template.otherTables) : undefined;
  for (const { grid, cells, candidates } of read) {
    for (const region of regionsOf(grid, cells, candidates, titles, Object.hasOwn(overrides, grid.name) ? overrides[grid.name] : undefined)) {
      if (!region.id) {
        others.push({ title: region.title, sheet: grid.name, titleAt: addressOf(grid, region.titleRow, region.titleCol) });
        continue;
      }
      const id = region.id;
      if (tables[id]) {
        problems.push({ table: id, sheet: grid.name, message: `${tableName(id)}出现不止一次，只核对第一份（${tables[id]!.sheet}）` });
        continue;
      }
      const result = readTable(region as Region);
      cellProblems.push(...result.cellProblems);
      for (const message of result.problems) problems.push({ table: id, sheet: grid.name, message });
      if (result.table) tables[id] = result.table;
    }
  }
  const all = Object.values(tables);
  return {
    disclosure: {
      year: mostCommon(all.map((t) => t.year)),
      unit: mostCommon(all.map((t) => t.unit)),
      tables,
      problems,
      template: template ? { id: template.id, name: template.name } : null,
      others,
    },
    cellProblems,
  };
}

/** Cells that may be a table's title: short texts with 表 in the first 30 columns, in reading order. */
function titleCells(cells: Cell[][]): TitleCell[] {
  const out: TitleCell[] = [];
  for (let r = 0; r < cells.length; r++) {
    const row = cells[r]!;
    for (let c = 0; c < Math.min(row.length, 30); c++) {
      const v = row[c];
      if (typeof v === "string" && v.length <= 80 && v.includes("表") && !isBlank(v)) out.push({ row: r, col: c, text: v });
    }
  }
  return out;
}

/** The template whose own titles name the most of the titles found (a tie, or no match: none). */
function detectTemplate(texts: string[], templates: Template[]): Template | null {
  if (!templates.length) return null;
  const titles = texts.map(normalizeTitle);
  let best: Template | null = null;
  let bestScore = 0;
  let tie = false;
  for (const t of templates) {
    const own = templateTitles(t.tables, t.otherTables);
    const score = titles.filter((x) => ownTitle(x, own)).length;
    if (score > bestScore) [best, bestScore, tie] = [t, score, false];
    else if (score === bestScore && score > 0) tie = true;
  }
  return tie ? null : best;
}

type Found = Omit<Region, "id"> & { id: TableId | null; title: string };

/** The tables in one sheet: each title starts a region that runs to the next title or the sheet's end. */
function regionsOf(grid: SheetGrid, cells: Cell[][], candidates: TitleCell[], titles: TemplateTitles | undefined, override?: TableId): Found[] {
  const found: { id: TableId | null; title: string; row: number; col: number }[] = [];
  for (const c of candidates) {
    // one title a row: the first cell of it that reads as one
    if (found.at(-1)?.row === c.row) continue;
    const m = matchTitleIn(c.text, titles);
    if (m) found.push({ ...m, row: c.row, col: c.col });
  }
  if (override) {
    const first = found.findIndex((t) => t.id);
    if (first >= 0) found.splice(first, 1, { ...found[first]!, id: override });
    else found.unshift({ id: override, title: "", row: -1, col: 0 });
  }
  if (!found.length) {
    const id = tableIdFromSheetName(grid.name);
    if (!id) return [];
    found.push({ id, title: "", row: -1, col: 0 });
  }
  return found.map((t, i) => {
    const end = found[i + 1]?.row ?? cells.length;
    const around = cells.slice(Math.max(t.row, 0), Math.min(t.row + 4, end)).flat().map((c) => label(c));
    return {
      id: t.id,
      title: t.title,
      grid,
      cells,
      titleRow: t.row,
      titleCol: t.col,
      end,
      year: yearIn(around),
      unit: unitIn(around),
      amountUnit: amountUnitIn(around),
    };
  });
}

function amountUnitIn(texts: string[]): AmountUnit | null {
  for (const t of texts) {
    const u = statedUnit(t);
    if (u) return u;
  }
  return null;
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

