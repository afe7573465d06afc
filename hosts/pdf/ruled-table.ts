// Tables the PDF draws with ruling lines: connected lines make one table, its vertical lines the column edges and
// its horizontal lines the row edges; a missing line inside marks a merged cell, a band with several rows of
// figures and no lines between them is split by its text lines.

import { type TextLine, joinWrapped } from "./lines.ts";
import type { Piece, Ruling } from "./page-content.ts";
import { type Area, type TablePiece, isFigure, rowsFromLines } from "./table-piece.ts";

const NEAR = 2;

/** Collinear, touching segments as one line (PDF writers draw a grid cell by cell). */
function mergeCollinear(segments: Ruling[], horizontal: boolean): Ruling[] {
  const pos = (r: Ruling) => (horizontal ? r.y0 : r.x0);
  const from = (r: Ruling) => (horizontal ? r.x0 : r.y0);
  const to = (r: Ruling) => (horizontal ? r.x1 : r.y1);
  const sorted = [...segments].sort((a, b) => from(a) - from(b) || pos(a) - pos(b));
  const out: Ruling[] = [];
  for (const s of sorted) {
    const same = out.find((o) => Math.abs(pos(o) - pos(s)) <= 1 && from(s) <= to(o) + NEAR);
    if (same) {
      if (horizontal) same.x1 = Math.max(same.x1, s.x1);
      else same.y1 = Math.max(same.y1, s.y1);
    } else out.push({ ...s });
  }
  return out;
}

function clusters(h: Ruling[], v: Ruling[]): { h: Ruling[]; v: Ruling[] }[] {
  const all = [...h, ...v];
  const parent = all.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  h.forEach((a, i) => {
    v.forEach((b, j) => {
      if (b.x0 >= a.x0 - NEAR && b.x0 <= a.x1 + NEAR && a.y0 >= b.y0 - NEAR && a.y0 <= b.y1 + NEAR) parent[find(i)] = find(h.length + j);
    });
  });
  const groups = new Map<number, { h: Ruling[]; v: Ruling[] }>();
  all.forEach((r, i) => {
    const g = groups.get(find(i)) ?? groups.set(find(i), { h: [], v: [] }).get(find(i))!;
    (i < h.length ? g.h : g.v).push(r);
  });
  return [...groups.values()];
}

function distinct(values: number[]): number[] {
  const out: number[] = [];
  for (const x of [...values].sort((a, b) => a - b)) if (!out.length || x - out[out.length - 1]! > NEAR) out.push(x);
  return out;
}

export function ruledTables(page: number, rulings: Ruling[], lines: TextLine[]): TablePiece[] {
  const h = mergeCollinear(rulings.filter((r) => r.y0 === r.y1), true);
  const v = mergeCollinear(rulings.filter((r) => r.x0 === r.x1), false);
  const pieces: TablePiece[] = [];
  for (const group of clusters(h, v)) {
    let xs = distinct(group.v.map((r) => r.x0));
    let ys = distinct(group.h.map((r) => r.y0));
    if (xs.length < 2 || ys.length < 2) continue;
    const box = { x0: Math.min(...group.h.map((r) => r.x0), xs[0]!), x1: Math.max(...group.h.map((r) => r.x1), xs[xs.length - 1]!), y0: ys[0]!, y1: ys[ys.length - 1]! };
    const inside = lines.filter((l) => (l.top + l.bottom) / 2 > box.y0 && (l.top + l.bottom) / 2 < box.y1 && l.x1 > box.x0 && l.x0 < box.x1);
    if (!inside.length) continue;
    // a frame without outer verticals: the horizontal lines' ends are the outer edges
    xs = distinct([box.x0, ...xs, box.x1]);
    ys = distinct(ys);
    if (xs.length < 3) continue;
    pieces.push(gridOf(page, xs, ys, group, inside));
  }
  return pieces;
}

function gridOf(page: number, xs: number[], ys: number[], group: { h: Ruling[]; v: Ruling[] }, lines: TextLine[]): TablePiece {
  const width = xs.length - 1;
  const columnOf = (p: Piece[]) => {
    const mid = (p[0]!.x0 + p[p.length - 1]!.x1) / 2;
    const c = xs.findIndex((x, i) => i < width && mid >= x - NEAR && mid < xs[i + 1]! + NEAR);
    return c < 0 ? (mid < xs[0]! ? 0 : width - 1) : c;
  };
  const vAt = (x: number, y: number) => group.v.some((r) => Math.abs(r.x0 - x) <= NEAR && y >= r.y0 - NEAR && y <= r.y1 + NEAR);
  const hAt = (y: number, x: number) => group.h.some((r) => Math.abs(r.y0 - y) <= NEAR && x >= r.x0 - NEAR && x <= r.x1 + NEAR);
  const rows: string[][] = [];
  // per band: its rows and whether cells may merge across its edges (not when split by text lines)
  const bands: { first: number; count: number; mid: number }[] = [];
  for (let b = 0; b + 1 < ys.length; b++) {
    const inBand = lines.filter((l) => (l.top + l.bottom) / 2 > ys[b]! && (l.top + l.bottom) / 2 < ys[b + 1]!);
    const first = rows.length;
    if (inBand.filter((l) => l.pieces.some((p) => isFigure(p.text))).length > 1) {
      rows.push(...rowsFromLines(inBand, width, columnOf));
    } else {
      const cells: string[][] = Array.from({ length: width }, () => []);
      for (const l of inBand) {
        // a line's pieces per cell: pieces of one cell on one line are one text
        const perCell = new Map<number, Piece[]>();
        for (const p of l.pieces) {
          const c = columnOf([p]);
          perCell.set(c, [...(perCell.get(c) ?? []), p]);
        }
        for (const [c, ps] of perCell) cells[c]!.push(ps.map((p) => p.text).join(""));
      }
      rows.push(cells.map((parts) => joinWrapped(parts)));
    }
    bands.push({ first, count: rows.length - first, mid: (ys[b]! + ys[b + 1]!) / 2 });
  }
  const merges = mergedAreas(xs, ys, bands, vAt, hAt, rows);
  return {
    page,
    kind: "ruled",
    top: ys[0]!,
    bottom: ys[ys.length - 1]!,
    columns: xs.slice(0, -1).map((x, i) => [x, xs[i + 1]!]),
    rows,
    merges,
    lines: new Set(lines),
  };
}

/** Cells with no ruling between them form one merged area; its text moves to the area's top-left cell. */
function mergedAreas(
  xs: number[],
  ys: number[],
  bands: { first: number; count: number; mid: number }[],
  vAt: (x: number, y: number) => boolean,
  hAt: (y: number, x: number) => boolean,
  rows: string[][],
): Area[] {
  const width = xs.length - 1;
  const merges: Area[] = [];
  const done = new Set<string>();
  const colMid = (c: number) => (xs[c]! + xs[c + 1]!) / 2;
  bands.forEach((band, b) => {
    if (band.count !== 1) return;
    for (let c = 0; c < width; c++) {
      if (done.has(`${b},${c}`)) continue;
      let c1 = c;
      while (c1 + 1 < width && !vAt(xs[c1 + 1]!, band.mid)) c1++;
      let b1 = b;
      while (b1 + 1 < bands.length && bands[b1 + 1]!.count === 1 && !Array.from({ length: c1 - c + 1 }, (_, i) => hAt(ys[b1 + 1]!, colMid(c + i))).some(Boolean)) b1++;
      for (let bb = b; bb <= b1; bb++) for (let cc = c; cc <= c1; cc++) done.add(`${bb},${cc}`);
      if (b1 === b && c1 === c) continue;
      const r0 = band.first;
      const r1 = bands[b1]!.first;
      const texts: string[] = [];
      for (let r = r0; r <= r1; r++) {
        for (let cc = c; cc <= c1; cc++) {
          if (rows[r]![cc]) texts.push(rows[r]![cc]!);
          rows[r]![cc] = "";
        }
      }
      rows[r0]![c] = joinWrapped(texts);
      merges.push({ r0, c0: c, r1, c1 });
    }
  });
  return merges;
}
