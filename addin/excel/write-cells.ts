// Writes a block of values into a sheet so that text stays text: a cell whose text Excel would run as a formula
// (= + - @ tab CR, core/cell-text.ts) gets the Text number format "@" before its value is written. Formulas the
// pane builds itself from escaped parts are written apart, cell by cell.

import { isFormulaLike } from "../../core/cell-text.ts";
import { columnLetters } from "../../core/tables/grid.ts";

export type CellValue = string | number | null;

/** Writes `values` from A1 (rows padded to the widest) and then `formulas` (A1 → formula). Returns the width. */
export function writeCells(ws: Excel.Worksheet, values: CellValue[][], formulas: Record<string, string> = {}): number {
  const width = Math.max(1, ...values.map((r) => r.length));
  const block = values.map((r) => Array.from({ length: width }, (_, c) => r[c] ?? ""));
  block.forEach((row, r) =>
    row.forEach((v, c) => {
      if (typeof v === "string" && isFormulaLike(v)) ws.getRange(`${columnLetters(c)}${r + 1}`).numberFormat = [["@"]];
    }),
  );
  if (block.length) ws.getRange(`A1:${columnLetters(width - 1)}${block.length}`).values = block;
  for (const [cell, formula] of Object.entries(formulas)) ws.getRange(cell).formulas = [[formula]];
  return width;
}
