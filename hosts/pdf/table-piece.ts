// The part of a table on one page, as both builders (ruled, aligned) hand it on: rows of cell texts with the
// page they sit on, merged areas, the column bands, and the lines it used up (so they are not read as prose).

import { tryReadFigure } from "../../core/figure-input.ts";
import { type TextLine, cellsOf, joinPieces, joinWrapped } from "./lines.ts";
import type { Piece } from "./page-content.ts";

export interface Area {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

export interface TablePiece {
  page: number;
  kind: "ruled" | "aligned";
  top: number;
  bottom: number;
  /** each column's left and right edge */
  columns: [number, number][];
  rows: string[][];
  merges: Area[];
  lines: Set<TextLine>;
}

export const isFigure = (text: string) => text !== "" && tryReadFigure(text) != null;

/**
 * Rows from the lines of a table body: one row a line, except a line of words alone under a row's words in the
 * same columns (a long 科目名称 wrapped onto the next line), which is joined to that row.
 */
export function rowsFromLines(lines: TextLine[], width: number, columnOf: (cell: Piece[]) => number): string[][] {
  const rows: string[][] = [];
  let previous: { row: string[]; line: TextLine; data: boolean } | null = null;
  for (const line of lines) {
    const cells = cellsOf(line).map((pieces) => ({ col: columnOf(pieces), text: joinPieces(pieces) }));
    const data = cells.some((c) => isFigure(c.text));
    const continues =
      previous !== null &&
      previous.data &&
      !data &&
      line.top - previous.line.bottom < line.size * 0.9 &&
      cells.every((c) => previous!.row[c.col] !== "" && !isFigure(previous!.row[c.col]!));
    if (continues) {
      for (const c of cells) previous!.row[c.col] = joinWrapped([previous!.row[c.col]!, c.text]);
      previous!.line = line;
      continue;
    }
    const row = Array<string>(width).fill("");
    for (const c of cells) row[c.col] = row[c.col] ? `${row[c.col]} ${c.text}` : c.text;
    rows.push(row);
    previous = { row, line, data };
  }
  return rows;
}
