// A document's pages into tables and prose: each table piece with the title lines above it and the note below,
// a piece at the top of a page continuing the table that ended the page before (its repeated header dropped),
// and every line no table took, in reading order.

import { isMetaRow } from "../../core/tables/header.ts";
import { matchTitle } from "../../core/tables/table-ids.ts";
import type { Misaligned } from "./aligned-table.ts";
import { type TextLine, cellsOf, joinPieces, joinWrapped } from "./lines.ts";
import { type Area, type TablePiece, isFigure } from "./table-piece.ts";

export interface AssembledTable {
  title: string;
  /** the lines above the table: its title, 公开0N表 label, 编制单位 and 单位 lines */
  zone: TextLine[];
  pieces: TablePiece[];
  rows: { page: number; cells: string[] }[];
  merges: Area[];
  notes: TextLine[];
}

export interface Unread {
  page: number;
  what: string;
  why: string;
}

type Element = { kind: "table"; piece: TablePiece } | { kind: "misaligned"; block: Misaligned } | { kind: "line"; line: TextLine };

const NOTE = /^(注|说明|备注)\s*[:：\d１-９]/;
const topOf = (e: Element) => (e.kind === "table" ? e.piece.top : e.kind === "misaligned" ? e.block.top : e.line.top);

export function pageElements(lines: TextLine[], tables: TablePiece[], misaligned: Misaligned[]): Element[] {
  const used = new Set<TextLine>([...tables.flatMap((t) => [...t.lines]), ...misaligned.flatMap((m) => m.lines)]);
  const elements: Element[] = [
    ...tables.map((piece) => ({ kind: "table" as const, piece })),
    ...misaligned.map((block) => ({ kind: "misaligned" as const, block })),
    ...lines.filter((l) => !used.has(l)).map((line) => ({ kind: "line" as const, line })),
  ];
  return elements.sort((a, b) => topOf(a) - topOf(b));
}

/** a title is named as one, or printed larger than the table's text */
const titleLike = (l: TextLine, body: number) => matchTitle(l.text) !== null || (l.size > body * 1.15 && l.text.length >= 4);

function textSize(lines: TextLine[]): number {
  const sizes = lines.map((l) => l.size).sort((a, b) => a - b);
  return sizes[Math.floor(sizes.length / 2)] ?? 10;
}

export function assemble(pages: Element[][]): { tables: AssembledTable[]; prose: TextLine[]; unread: Unread[] } {
  const tables: AssembledTable[] = [];
  const prose: TextLine[] = [];
  const unread: Unread[] = [];
  // the table that ended the previous page, open for a continuation
  let open: AssembledTable | null = null;
  // the table that was the last thing on the previous page: its note may open this page
  let ending: AssembledTable | null = null;
  let dangling: TextLine[] = [];
  for (const elements of pages) {
    const taken = new Set<TextLine>();
    // a title printed at the foot of the page before, its table starting on this page
    const hanging = dangling;
    dangling = [];
    const previous = ending as AssembledTable | null;
    const opening = elements[0];
    if (previous && opening?.kind === "line" && NOTE.test(opening.line.text)) {
      taken.add(opening.line);
      previous.notes.push(opening.line);
      open = null;
    }
    const last = elements[elements.length - 1];
    ending = null;
    elements.forEach((e, i) => {
      if (e.kind === "line") return;
      const zone = zoneAbove(elements, i, taken);
      const body = textSize(e.kind === "table" ? [...e.piece.lines] : e.block.lines);
      const hasTitle = zone.some((l) => titleLike(l, body));
      if (e.kind === "misaligned") {
        for (const l of zone) taken.add(l);
        unread.push({ page: e.block.page, what: titleOf(zone, body) || `第 ${e.block.page} 页的表格`, why: e.block.why });
        open = null;
        return;
      }
      const piece = e.piece;
      const prior: AssembledTable | null = open;
      // only what opens a page continues: nothing but the table's own zone above it
      const first = elements.slice(0, i).every((x) => x.kind === "line" && (zone.includes(x.line) || taken.has(x.line)));
      if (prior && !hasTitle && first && continues(prior, piece)) {
        for (const l of zone) taken.add(l);
        appendContinuation(prior, piece);
      } else {
        for (const l of zone) taken.add(l);
        if (!hasTitle && first && hanging.some((l) => titleLike(l, body))) {
          zone.unshift(...hanging);
          prose.splice(prose.length - hanging.length, hanging.length);
        }
        const table: AssembledTable = { title: titleOf(zone, body), zone, pieces: [piece], rows: piece.rows.map((cells) => ({ page: piece.page, cells })), merges: [...piece.merges], notes: [] };
        tables.push(table);
        open = table;
      }
      if (e === last) ending = open;
      const notes = notesBelow(elements, i);
      for (const l of notes) taken.add(l);
      const current = open!;
      current.notes.push(...notes);
      // a note, or any line after the table on this page, ends it
      if (notes.length || elements.slice(i + 1).some((x) => x.kind !== "line" || !taken.has(x.line))) open = null;
    });
    for (const e of elements) if (e.kind === "line" && !taken.has(e.line)) prose.push(e.line);
    const tail: TextLine[] = [];
    for (let k = elements.length - 1; k >= 0 && tail.length < 4; k--) {
      const e = elements[k]!;
      if (e.kind !== "line" || taken.has(e.line) || e.line.text.length > 40 || /[。；]$/.test(e.line.text)) break;
      tail.unshift(e.line);
    }
    dangling = tail;
  }
  return { tables, prose, unread };
}

/** Up to four short lines right above the table (title, labels, 编制单位/单位) not yet taken. */
function zoneAbove(elements: Element[], i: number, taken: Set<TextLine>): TextLine[] {
  const zone: TextLine[] = [];
  let top = topOf(elements[i]!);
  for (let k = i - 1; k >= 0 && zone.length < 4; k--) {
    const e = elements[k]!;
    if (e.kind !== "line" || taken.has(e.line)) break;
    const l = e.line;
    if (top - l.bottom > l.size * 5 || l.text.length > 40 || /[。；]$/.test(l.text)) break;
    zone.unshift(l);
    top = l.top;
    if (matchTitle(l.text) && !(elements[k - 1]?.kind === "line" && isMetaRow(cellsOf((elements[k - 1] as { line: TextLine }).line).map(joinPieces)))) break;
  }
  return zone;
}

function titleOf(zone: TextLine[], body: number): string {
  const named = zone.find((l) => matchTitle(l.text) !== null) ?? zone.filter((l) => titleLike(l, body)).pop();
  if (!named) return "";
  // a long title wrapped onto a second line in the same type
  const next = zone[zone.indexOf(named) + 1];
  const wrapped = next && Math.abs(next.size - named.size) < 0.5 && next.top - named.bottom < named.size ? next.text : "";
  return joinWrapped([named.text, wrapped]).replace(/\s+/g, "");
}

function notesBelow(elements: Element[], i: number): TextLine[] {
  const notes: TextLine[] = [];
  const start = elements[i]!;
  let bottom = start.kind === "table" ? start.piece.bottom : start.kind === "line" ? start.line.bottom : start.block.lines[start.block.lines.length - 1]!.bottom;
  for (let k = i + 1; k < elements.length; k++) {
    const e = elements[k]!;
    if (e.kind !== "line") break;
    if (e.line.top - bottom > e.line.size * 2.5) break;
    if (!notes.length && !NOTE.test(e.line.text)) break;
    if (notes.length && NOTE.test(e.line.text) === false && e.line.x0 > notes[0]!.x0 + e.line.size) break;
    notes.push(e.line);
    bottom = e.line.bottom;
  }
  return notes;
}

/** Column i of the continuation is column map[i] of the table; null when they do not line up. */
function columnMap(table: AssembledTable, piece: TablePiece): number[] | null {
  const last = table.pieces[table.pieces.length - 1]!;
  if (piece.columns.length === last.columns.length) return piece.columns.map((_, i) => i);
  const map = piece.columns.map(([x0, x1]) => {
    // a column starting where one of the table's does is that one (a merged cell starts at its first column)
    const aligned = last.columns.findIndex(([a]) => Math.abs(a - x0) < 3);
    if (aligned >= 0) return aligned;
    let best = -1;
    let overlap = 0;
    last.columns.forEach(([a, b], j) => {
      const o = Math.min(x1, b) - Math.max(x0, a);
      if (o > overlap) [best, overlap] = [j, o];
    });
    return best;
  });
  return map.includes(-1) || new Set(map).size < map.length ? null : map;
}

function continues(table: AssembledTable, piece: TablePiece): boolean {
  return columnMap(table, piece) !== null;
}

function appendContinuation(table: AssembledTable, piece: TablePiece): void {
  const map = columnMap(table, piece)!;
  const width = table.pieces[0]!.columns.length;
  const rows = piece.rows.map((cells) => {
    const row = Array<string>(width).fill("");
    cells.forEach((t, i) => (row[map[i]!] = t));
    return row;
  });
  const same = (a: string[], b: string[]) => a.join("|").replace(/\s+/g, "") === b.join("|").replace(/\s+/g, "");
  let repeated = 0;
  while (repeated < rows.length && repeated < table.rows.length && same(rows[repeated]!, table.rows[repeated]!.cells)) repeated++;
  // a row the page break cut: words alone under the last row's words, in the same columns
  const last = table.rows[table.rows.length - 1]!.cells;
  const first = rows[repeated];
  if (first && first.every((t, c) => t === "" || (last[c] !== "" && !isFigure(t) && !isFigure(last[c]!))) && first.some((t) => t !== "")) {
    first.forEach((t, c) => (last[c] = t ? joinWrapped([last[c]!, t]) : last[c]!));
    rows.splice(repeated, 1);
  }
  const offset = table.rows.length - repeated;
  for (const m of piece.merges) {
    if (m.r0 >= repeated) table.merges.push({ r0: m.r0 + offset, r1: m.r1 + offset, c0: map[m.c0]!, c1: map[m.c1]! });
  }
  table.rows.push(...rows.slice(repeated).map((cells) => ({ page: piece.page, cells })));
  table.pieces.push(piece);
}
