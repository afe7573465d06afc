// One page as juesuan reads it: its text pieces with their boxes (top-down coordinates, in points) and the ruling
// lines it draws (stroked segments and thin filled rectangles, in page space after every transform).

import type { PDFPageProxy } from "pdfjs-dist/types/src/display/api";
import { cellsOf, linesOf } from "./lines.ts";
import { loadPdfjs } from "./pdfjs.ts";

export interface Piece {
  text: string;
  x0: number;
  x1: number;
  top: number;
  bottom: number;
  size: number;
}

/** A horizontal (y0 = y1) or vertical (x0 = x1) line; x0 ≤ x1, y0 ≤ y1. */
export interface Ruling {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface PageContent {
  page: number;
  width: number;
  height: number;
  pieces: Piece[];
  rulings: Ruling[];
  /** images painted on the page (a page of images and no text is a scan) */
  images: number;
}

type Matrix = [number, number, number, number, number, number];

const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[2] * n[1],
  m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3],
  m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4],
  m[1] * n[4] + m[3] * n[5] + m[5],
];

const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

export async function readPage(page: PDFPageProxy, number: number): Promise<PageContent> {
  const viewport = page.getViewport({ scale: 1 });
  const view = viewport.transform as Matrix;
  const [content, { OPS }] = await Promise.all([page.getTextContent(), loadPdfjs()]);
  const pieces: Piece[] = [];
  for (const item of content.items) {
    if (!("str" in item) || !item.str.trim()) continue;
    const t = multiply(view, item.transform as Matrix);
    // text turned on its side (a vertical label) is not read as a line
    if (Math.abs(t[1]) > 0.01 || Math.abs(t[2]) > 0.01) continue;
    const size = Math.abs(t[3]) || Math.abs(item.height);
    const width = item.width * Math.abs(view[0]);
    pieces.push(...splitAtGaps(item.str, t[4], width, t[5], size));
  }
  // the drawing costs pdfjs more than the text: a page of prose alone (no line of two cells) has no table to rule
  if (pieces.length && !linesOf(pieces, number).some((l) => cellsOf(l).length >= 2)) {
    return { page: number, width: viewport.width, height: viewport.height, pieces, rulings: [], images: 0 };
  }
  const ops = await page.getOperatorList();
  const { rulings, images } = rulingsOf(ops.fnArray, ops.argsArray, OPS, view);
  return { page: number, width: viewport.width, height: viewport.height, pieces, rulings, images };
}

/** A text item with runs of spaces inside (cells a PDF writer set in one string) as one piece per run of text. */
function splitAtGaps(str: string, x: number, width: number, baseline: number, size: number): Piece[] {
  const weight = (s: string) => [...s].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e7f ? 1 : 0.5), 0);
  const total = weight(str) || 1;
  const out: Piece[] = [];
  let at = 0;
  for (const part of str.split(/(\s{2,}|\u3000+)/)) {
    const w = (weight(part) / total) * width;
    // justified Chinese is set with spaces between the characters: they are not part of the words
    const text = part.trim().replace(/(?<=[\u3000-\u9fff\uff01-\uff5e])\s+(?=[\u3000-\u9fff\uff01-\uff5e])/g, "");
    if (text) out.push({ text, x0: x + at, x1: x + at + w, top: baseline - size * 0.85, bottom: baseline + size * 0.15, size });
    at += w;
  }
  return out;
}

const WHITE = /^#f{6}$/i;

function rulingsOf(fns: number[], args: unknown[][], OPS: Record<string, number>, view: Matrix): { rulings: Ruling[]; images: number } {
  const rulings: Ruling[] = [];
  let images = 0;
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const stack: { ctm: Matrix; fill: string; stroke: string }[] = [];
  let fill = "#000000";
  let stroke = "#000000";
  const STROKES = new Set([OPS.stroke, OPS.closeStroke]);
  const FILLS = new Set([OPS.fill, OPS.eoFill, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
  for (let i = 0; i < fns.length; i++) {
    const fn = fns[i]!;
    const a = args[i]!;
    if (fn === OPS.save) stack.push({ ctm, fill, stroke });
    else if (fn === OPS.restore) ({ ctm, fill, stroke } = stack.pop() ?? { ctm, fill, stroke });
    else if (fn === OPS.transform) ctm = multiply(ctm, a as Matrix);
    else if (fn === OPS.paintFormXObjectBegin) {
      stack.push({ ctm, fill, stroke });
      if (Array.isArray(a[0]) || ArrayBuffer.isView(a[0])) ctm = multiply(ctm, Array.from(a[0] as ArrayLike<number>) as Matrix);
    } else if (fn === OPS.paintFormXObjectEnd) ({ ctm, fill, stroke } = stack.pop() ?? { ctm, fill, stroke });
    else if (fn === OPS.setFillRGBColor) fill = String(a[0]);
    else if (fn === OPS.setStrokeRGBColor) stroke = String(a[0]);
    else if (fn === OPS.paintImageXObject || fn === OPS.paintInlineImageXObject || fn === OPS.paintImageMaskXObject) images++;
    else if (fn === OPS.constructPath) {
      const op = a[0] as number;
      const isStroke = STROKES.has(op) || op === OPS.fillStroke || op === OPS.eoFillStroke || op === OPS.closeFillStroke || op === OPS.closeEOFillStroke;
      const isFill = FILLS.has(op);
      if ((!isStroke || WHITE.test(stroke)) && (!isFill || WHITE.test(fill))) continue;
      const data = (a[1] as ArrayLike<number>[] | null)?.[0];
      if (!data) continue;
      const m = multiply(view, ctm);
      addPath(data, m, isStroke && !WHITE.test(stroke), isFill && !WHITE.test(fill), rulings);
    }
  }
  return { rulings, images };
}

/** Segments of a path: stroked ones as they are, filled thin rectangles as the line they look like. */
function addPath(data: ArrayLike<number>, m: Matrix, stroked: boolean, filled: boolean, out: Ruling[]): void {
  let start: [number, number] | null = null;
  let at: [number, number] | null = null;
  let points: [number, number][] = [];
  const flushFill = () => {
    if (filled && points.length >= 3) {
      const xs = points.map((p) => p[0]);
      const ys = points.map((p) => p[1]);
      const x0 = Math.min(...xs), x1 = Math.max(...xs), y0 = Math.min(...ys), y1 = Math.max(...ys);
      const axisAligned = points.every(([x, y]) => (Math.abs(x - x0) < 0.5 || Math.abs(x - x1) < 0.5) && (Math.abs(y - y0) < 0.5 || Math.abs(y - y1) < 0.5));
      if (axisAligned && y1 - y0 <= 3 && x1 - x0 > 3) out.push({ x0, x1, y0: (y0 + y1) / 2, y1: (y0 + y1) / 2 });
      else if (axisAligned && x1 - x0 <= 3 && y1 - y0 > 3) out.push({ x0: (x0 + x1) / 2, x1: (x0 + x1) / 2, y0, y1 });
    }
    points = [];
  };
  const segment = (p: [number, number], q: [number, number]) => {
    if (!stroked) return;
    if (Math.abs(p[1] - q[1]) < 1 && Math.abs(p[0] - q[0]) > 3) out.push({ x0: Math.min(p[0], q[0]), x1: Math.max(p[0], q[0]), y0: (p[1] + q[1]) / 2, y1: (p[1] + q[1]) / 2 });
    else if (Math.abs(p[0] - q[0]) < 1 && Math.abs(p[1] - q[1]) > 3) out.push({ x0: (p[0] + q[0]) / 2, x1: (p[0] + q[0]) / 2, y0: Math.min(p[1], q[1]), y1: Math.max(p[1], q[1]) });
  };
  for (let i = 0; i < data.length; ) {
    const op = data[i++];
    if (op === 0) {
      flushFill();
      start = at = apply(m, data[i++]!, data[i++]!);
      points.push(at);
    } else if (op === 1) {
      const next = apply(m, data[i++]!, data[i++]!);
      if (at) segment(at, next);
      at = next;
      points.push(at);
    } else if (op === 2) {
      // a curve: neither a ruling nor part of a rectangle
      at = apply(m, data[i + 4]!, data[i + 5]!);
      i += 6;
      points = [];
    } else if (op === 3) {
      if (at && start) segment(at, start);
      at = start;
    } else break;
  }
  flushFill();
}
