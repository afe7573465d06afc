// Tables printed without ruling lines: runs of lines cut into cells by wide gaps, the columns found where the
// body's cells line up. Where a row puts two cells into one column the columns cannot be aligned: the table is
// reported as unread, never guessed.

import { isMetaRow } from "../../core/tables/header.ts";
import { type TextLine, cellsOf, joinPieces } from "./lines.ts";
import type { Piece } from "./page-content.ts";
import { type Area, type TablePiece, isFigure, rowsFromLines } from "./table-piece.ts";

export interface Misaligned {
  page: number;
  top: number;
  lines: TextLine[];
  why: string;
}

const rowLike = (l: TextLine) => {
  const cells = cellsOf(l).map(joinPieces);
  return cells.length >= 2 && !isMetaRow(cells);
};
const hasFigure = (l: TextLine) => cellsOf(l).some((c) => isFigure(joinPieces(c)));
/** a short line of words alone: a wrapped cell's second line */
const wrapLike = (l: TextLine) => cellsOf(l).length === 1 && l.text.length <= 24 && !/[。；]$/.test(l.text);

/** Blocks of table-like lines among `lines` (sorted top to bottom): tables, or misaligned ones. */
export function alignedTables(page: number, lines: TextLine[]): (TablePiece | Misaligned)[] {
  const out: (TablePiece | Misaligned)[] = [];
  let i = 0;
  while (i < lines.length) {
    if (!rowLike(lines[i]!)) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < lines.length && (rowLike(lines[j]!) || wrapLike(lines[j]!)) && lines[j]!.top - lines[j - 1]!.bottom < lines[j]!.size * 2.2) j++;
    // a block ends on a row, not on words that may be the next paragraph's heading
    while (j > i + 1 && !rowLike(lines[j - 1]!)) j--;
    const block = lines.slice(i, j);
    if (block.filter(hasFigure).length >= 2) out.push(blockTable(page, block));
    i = j;
  }
  return out;
}

function blockTable(page: number, block: TextLine[]): TablePiece | Misaligned {
  const firstData = block.findIndex(hasFigure);
  const header = block.slice(0, firstData);
  const body = block.slice(firstData);
  // columns: the spans of the body's cells, overlapping spans joined
  const spans = body.flatMap((l) => cellsOf(l).map((c) => [c[0]!.x0, c[c.length - 1]!.x1] as [number, number]));
  spans.sort((a, b) => a[0] - b[0]);
  const bands: [number, number][] = [];
  for (const [x0, x1] of spans) {
    const last = bands[bands.length - 1];
    if (last && x0 <= last[1] + 1) last[1] = Math.max(last[1], x1);
    else bands.push([x0, x1]);
  }
  const overlapping = (cell: Piece[]) => {
    const x0 = cell[0]!.x0;
    const x1 = cell[cell.length - 1]!.x1;
    const hit = bands.flatMap((b, i) => (b[0] < x1 && b[1] > x0 ? [i] : []));
    if (hit.length) return hit;
    const mid = (x0 + x1) / 2;
    const nearest = bands.reduce((best, b, i) => (Math.abs((b[0] + b[1]) / 2 - mid) < Math.abs((bands[best]![0] + bands[best]![1]) / 2 - mid) ? i : best), 0);
    return [nearest];
  };
  for (const l of body) {
    const used = cellsOf(l).map((c) => overlapping(c)[0]!);
    if (new Set(used).size < used.length) {
      return { page, top: block[0]!.top, lines: block, why: `第 ${page} 页一行“${l.text.slice(0, 30)}”有两格落在同一列，列无法对齐` };
    }
  }
  const width = bands.length;
  const rows: string[][] = [];
  const merges: Area[] = [];
  for (const l of header) {
    const row = Array<string>(width).fill("");
    for (const cell of cellsOf(l)) {
      const hit = overlapping(cell);
      const c = hit[0]!;
      row[c] = row[c] ? `${row[c]} ${joinPieces(cell)}` : joinPieces(cell);
      if (hit.length > 1) merges.push({ r0: rows.length, c0: c, r1: rows.length, c1: hit[hit.length - 1]! });
    }
    rows.push(row);
  }
  rows.push(...rowsFromLines(body, width, (cell) => overlapping(cell)[0]!));
  return {
    page,
    kind: "aligned",
    top: block[0]!.top,
    bottom: block[block.length - 1]!.bottom,
    columns: bands,
    rows,
    merges,
    lines: new Set(block),
  };
}
