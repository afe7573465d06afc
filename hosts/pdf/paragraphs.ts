// The prose lines no table took, re-joined into paragraphs: a paragraph ends where a line stops short of the
// right edge, the next is indented, a heading starts, or a wide gap opens; it may run on over a page break.

import { type TextLine, joinWrapped } from "./lines.ts";

export interface Paragraph {
  text: string;
  page: number;
  /** the first line's number on its page (1-based, among the page's lines) */
  line: number;
}

const HEADING = /^([一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|\d+[.、．](?!\d)|第[一二三四五六七八九十]+[部分章节])/;

function edges(lines: TextLine[]): { left: number; right: number } {
  const counts = new Map<number, number>();
  for (const l of lines) counts.set(Math.round(l.x0), (counts.get(Math.round(l.x0)) ?? 0) + 1);
  const left = [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? 0;
  const right = Math.max(0, ...lines.filter((l) => l.text.length > 8).map((l) => l.x1));
  return { left, right };
}

/** `lineNumber` gives a line's number on its page, as a clerk counts the printed lines. */
export function paragraphsOf(lines: TextLine[], lineNumber: (l: TextLine) => number): Paragraph[] {
  const byPage = new Map<number, { left: number; right: number }>();
  for (const page of new Set(lines.map((l) => l.page))) byPage.set(page, edges(lines.filter((l) => l.page === page)));
  const out: { parts: string[]; page: number; line: number }[] = [];
  let prev: TextLine | null = null;
  for (const l of lines) {
    const { left } = byPage.get(l.page)!;
    const prevEdges = prev ? byPage.get(prev.page)! : null;
    const breaks =
      !prev ||
      prev.x1 < prevEdges!.right - prev.size * 1.5 ||
      l.x0 > left + l.size * 1.2 ||
      HEADING.test(l.text) ||
      (prev.page === l.page && l.top - prev.bottom > l.size * 1.2) ||
      Math.abs(l.size - prev.size) > 1;
    if (breaks) out.push({ parts: [l.text], page: l.page, line: lineNumber(l) });
    else out[out.length - 1]!.parts.push(l.text);
    prev = l;
  }
  return out.map((p) => ({ text: joinWrapped(p.parts), page: p.page, line: p.line }));
}
