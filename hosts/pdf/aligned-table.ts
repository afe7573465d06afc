// Tables printed without ruling lines: runs of lines cut into cells by wide gaps, the columns found where the
// body's cells line up. Where a row puts two cells into one column the columns cannot be aligned: the table is
// reported as unread, never guessed.

import { isColumnNumberRow, isMetaRow } from "../../core/tables/header.ts";
import { matchTitle } from "../../core/tables/table-ids.ts";
import { type TextLine, cellsOf, joinPieces, joinWrapped } from "./lines.ts";
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
  // a 合计 line alone is the total row of a table without figures
  return (cells.length >= 2 && !isMetaRow(cells)) || /^(合计|总计)$/.test(l.text.replace(/\s+/g, ""));
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
    // a block ends on a row or the wrapped end of one, not on words that may be the next paragraph's heading
    while (j > i + 1 && !rowLike(lines[j - 1]!) && lines[j - 1]!.top - lines[j - 2]!.bottom >= lines[j - 1]!.size * 0.9) j--;
    const block = lines.slice(i, j);
    // under a table's title one row of figures (三公 table), or none (a table left empty), is a table too
    const titled = lines.slice(Math.max(0, i - 4), i).some((l) => matchTitle(l.text) !== null);
    // and so is one row of figures opening a page: the end of a table from the page before
    const opening = i === 0 && cellsOf(lines[i]!).length >= 3;
    if (block.filter(hasFigure).length >= (opening ? 1 : 2) || (titled && j - i >= 2)) out.push(blockTable(page, block));
    i = j;
  }
  return out;
}

function blockTable(page: number, block: TextLine[]): TablePiece | Misaligned {
  // the header runs to the first line of figures that is not a 栏次 line (1 2 3 … centred like labels)
  const found = block.findIndex((l) => (hasFigure(l) && !isColumnNumberRow(cellsOf(l).map(joinPieces))) || /^(合计|总计)$/.test(l.text.replace(/\s+/g, "")));
  const firstData = found < 0 ? block.length : found;
  const header = block.slice(0, firstData);
  const body = block.slice(firstData);
  // columns: the spans of the body's cells, overlapping spans joined (a table without a body: its last header line's)
  const spans = (body.some(hasFigure) ? body : block.slice(firstData - 1)).flatMap((l) => cellsOf(l).map((c) => [c[0]!.x0, c[c.length - 1]!.x1] as [number, number]));
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
  // a column left empty in the body still has its label: header cells over no column, crowding another's, add one
  for (const l of header) {
    const cells = cellsOf(l);
    const claims = cells.map((c) => overlapping(c)[0]!);
    const added: [number, number][] = [];
    cells.forEach((c, k) => {
      const crowded = claims.some((b, m) => m !== k && b === claims[k]);
      const over = bands[claims[k]!]!;
      if (crowded && !(over[0] < c[c.length - 1]!.x1 && over[1] > c[0]!.x0)) added.push([c[0]!.x0, c[c.length - 1]!.x1]);
    });
    if (added.length) bands.push(...added.filter(([x0, x1]) => !bands.some((b) => b[0] < x1 && b[1] > x0)));
    bands.sort((a, b) => a[0] - b[0]);
  }
  for (const l of body) {
    const used = cellsOf(l).map((c) => overlapping(c)[0]!);
    if (new Set(used).size < used.length) {
      return { page, top: block[0]!.top, lines: block, why: `第 ${page} 页一行“${l.text.slice(0, 30)}”有两格落在同一列，列无法对齐` };
    }
  }
  const width = bands.length;
  const rows: string[][] = [];
  const merges: Area[] = [];
  let above: { line: TextLine; bands: Set<number> } | null = null;
  // the columns each header label above stands over, for the labels below to stay within
  let parents: number[][] = [];
  for (const [h, l] of header.entries()) {
    const cells = cellsOf(l);
    // a label too long for its column wraps onto a line set closer than the header's rows, under itself
    const wrapped = above !== null && l.top - above.line.bottom < l.size * 0.4 && cells.every((c) => above!.bands.has(overlapping(c)[0]!));
    const row = wrapped ? rows[rows.length - 1]! : Array<string>(width).fill("");
    above = { line: l, bands: new Set(cells.map((c) => overlapping(c)[0]!)) };
    // columns labelled lower in the header (a 栏次 line numbers every column: it labels none)
    const lower = header.slice(h + 1).map(cellsOf).filter((x) => !isColumnNumberRow(x.map(joinPieces)));
    const below = new Set(lower.flatMap((x) => x.map((c) => overlapping(c)[0]!)));
    const hits = wrapped ? cells.map(overlapping) : headerSpans(cells, bands, overlapping, below, parents);
    if (!wrapped) parents = hits;
    for (const [k, cell] of cells.entries()) {
      const hit = hits[k]!;
      const c = hit[0]!;
      row[c] = row[c] ? (wrapped ? joinWrapped([row[c]!, joinPieces(cell)]) : `${row[c]} ${joinPieces(cell)}`) : joinPieces(cell);
      if (hit.length > 1 && !wrapped) merges.push({ r0: rows.length, c0: c, r1: rows.length, c1: hit[hit.length - 1]! });
    }
    if (!wrapped) rows.push(row);
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

/**
 * The columns each label of a header line stands over. Labels are centred over what they head: a label spans the
 * columns whose middles lie as far from its middle as the nearer of the midpoints to its neighbours. A label over
 * columns labelled again below is a group: it also takes the labelled columns beside it that no other label
 * claims (a wide neighbour can crowd its middle off centre), within the group above it; a label over a column
 * with nothing below heads only such columns.
 */
function headerSpans(cells: Piece[][], bands: [number, number][], overlapping: (cell: Piece[]) => number[], below: Set<number>, parents: number[][]): number[][] {
  const spans = cells.map((cell, k) => {
    const own = overlapping(cell);
    const around = spanned(cell, cells[k - 1], cells[k + 1], bands, own);
    return own.some((b) => below.has(b)) ? around : around.filter((b) => !below.has(b) || own.includes(b));
  });
  const claimed = new Set(spans.flat());
  spans.forEach((span, k) => {
    if (!span.some((b) => below.has(b))) return;
    const parent = parents.find((p) => p.includes(overlapping(cells[k]!)[0]!));
    const free = (b: number) => below.has(b) && !claimed.has(b) && (!parent || parent.includes(b));
    while (free(span[span.length - 1]! + 1)) claimed.add(span[span.push(span[span.length - 1]! + 1) - 1]!);
    while (free(span[0]! - 1)) {
      span.unshift(span[0]! - 1);
      claimed.add(span[0]!);
    }
  });
  return spans;
}

function spanned(cell: Piece[], before: Piece[] | undefined, after: Piece[] | undefined, bands: [number, number][], own: number[]): number[] {
  const x0 = cell[0]!.x0;
  const x1 = cell[cell.length - 1]!.x1;
  const mid = (x0 + x1) / 2;
  if (!before && !after) return own;
  const from = before ? (before[before.length - 1]!.x1 + x0) / 2 : -Infinity;
  const to = after ? (x1 + after[0]!.x0) / 2 : Infinity;
  const half = Math.max(Math.min(mid - from, to - mid), (x1 - x0) / 2);
  const hit = bands.flatMap(([a, b], i) => (Math.abs((a + b) / 2 - mid) <= half ? [i] : []));
  return hit.length ? hit : own;
}
