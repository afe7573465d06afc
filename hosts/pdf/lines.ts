// Pieces of text into lines (reading order: top to bottom, left to right), lines into cells where the gaps are
// wide, and the running headers, footers and page numbers a PDF repeats on its pages taken out.

import type { Piece } from "./page-content.ts";

export interface TextLine {
  page: number;
  pieces: Piece[];
  x0: number;
  x1: number;
  top: number;
  bottom: number;
  size: number;
  text: string;
}

export function linesOf(pieces: Piece[], page: number): TextLine[] {
  const sorted = [...pieces].sort((a, b) => a.top + a.bottom - (b.top + b.bottom));
  const groups: Piece[][] = [];
  for (const p of sorted) {
    const mid = (p.top + p.bottom) / 2;
    const last = groups[groups.length - 1];
    const lastMid = last && last.reduce((s, q) => s + (q.top + q.bottom) / 2, 0) / last.length;
    if (last && Math.abs(mid - lastMid!) < Math.min(p.size, last[0]!.size) * 0.45) last.push(p);
    else groups.push([p]);
  }
  return groups.map((g) => lineOf(g.sort((a, b) => a.x0 - b.x0), page));
}

export function lineOf(pieces: Piece[], page: number): TextLine {
  return {
    page,
    pieces,
    x0: Math.min(...pieces.map((p) => p.x0)),
    x1: Math.max(...pieces.map((p) => p.x1)),
    top: Math.min(...pieces.map((p) => p.top)),
    bottom: Math.max(...pieces.map((p) => p.bottom)),
    size: Math.max(...pieces.map((p) => p.size)),
    text: joinPieces(pieces),
  };
}

/** Pieces of one line as text: run together, but for a space between two Latin words set apart. */
export function joinPieces(pieces: Piece[]): string {
  let out = "";
  pieces.forEach((p, i) => {
    const prev = pieces[i - 1];
    out += prev && p.x0 - prev.x1 > p.size * 0.2 && /[A-Za-z]$/.test(out) && /^[A-Za-z]/.test(p.text) ? ` ${p.text}` : p.text;
  });
  return out;
}

const ASCII_WORD = /[A-Za-z]$/;
/** Lines of one paragraph or one cell run together: no space in Chinese, a space only between two Latin words. */
export function joinWrapped(parts: string[]): string {
  return parts.reduce((acc, part) => (acc && ASCII_WORD.test(acc) && /^[A-Za-z]/.test(part) ? `${acc} ${part}` : acc + part), "");
}

/** The pieces of a line grouped into cells: a gap of more than half a character starts a new cell. */
export function cellsOf(line: TextLine): Piece[][] {
  const cells: Piece[][] = [];
  for (const p of line.pieces) {
    const cell = cells[cells.length - 1];
    const prev = cell?.[cell.length - 1];
    if (prev && p.x0 - prev.x1 < Math.max(p.size * 0.6, 3)) cell!.push(p);
    else cells.push([p]);
  }
  return cells;
}

const PAGE_NUMBER = /^[-—–\s]*(第\s*)?[0-9０-９]+\s*(页)?\s*([/／]|共)?\s*([0-9０-９]+\s*页?)?[-—–\s]*$/;
const MARGIN = 0.07;

/**
 * Drops what a PDF prints on every page outside its content: lines in the top or bottom 7 % of the page that
 * recur (digits aside) at the same height on several pages, and page numbers alone first or last near an edge.
 */
export function dropRunningLines(pages: { lines: TextLine[]; height: number }[]): TextLine[][] {
  const inMargin = (l: TextLine, h: number) => l.bottom < h * MARGIN || l.top > h * (1 - MARGIN);
  const key = (l: TextLine) => `${Math.round(l.top / 4)}|${l.text.replace(/[0-9０-９]+/g, "#").replace(/\s+/g, "")}`;
  const seen = new Map<string, number>();
  for (const { lines, height } of pages) {
    for (const k of new Set(lines.filter((l) => inMargin(l, height)).map(key))) seen.set(k, (seen.get(k) ?? 0) + 1);
  }
  return pages.map(({ lines, height }) => {
    const first = lines[0];
    const last = lines[lines.length - 1];
    return lines.filter((l) => {
      if (!inMargin(l, height) && !(l === first || l === last)) return true;
      const outer = l.bottom < height * 0.15 || l.top > height * 0.85;
      if (PAGE_NUMBER.test(l.text) && (l === first || l === last) && outer) return false;
      return !(inMargin(l, height) && (seen.get(key(l)) ?? 0) >= 2);
    });
  });
}
