// A narrative's outline for the score: its numbered headings (第一部分 / 一、 / （一） / 1.) with their levels,
// and windows of its prose — a section from its heading to the next heading of the same or a higher level —
// so each item reads only the part of the text it concerns, through core's prose and claims.

import { toHalfWidth } from "../fullwidth.ts";
import { type Claim, readClaims } from "../narrative/claims.ts";
import { type Prose, toProse } from "../narrative/prose.ts";
import type { TextLocation } from "../rules/finding.ts";

export interface Heading {
  /** 1-based source line */
  line: number;
  /** 0 第一部分, 1 一、, 2 （一）, 3 1. or （1） */
  level: number;
  /** the heading line without spaces, numbering or quotes */
  title: string;
  /** the same with the next line, for a title a PDF wrapped */
  joined: string;
  /** the line of the next heading of the same or a higher level (null: the section runs to the end) */
  endLine: number | null;
}

/** Ranges of `prose.text`, and the line the window starts at (null when nothing was found). */
export interface Window {
  ranges: [number, number][];
  line: number | null;
}

export interface Outline {
  prose: Prose;
  claims: Claim[];
  headings: Heading[];
}

const NUMBERING: [number, RegExp][] = [
  [0, /^第[一二三四五六七八九十]+部分[:：、.]?/],
  [1, /^[一二三四五六七八九十]+[、.．]/],
  [2, /^[(（][一二三四五六七八九十]+[)）][、.]?/],
  [3, /^(?:\d{1,2}[、.．](?!\d)|[(（]\d{1,2}[)）])/],
];
const QUOTES = /["“”'‘’《》]/g;

/** `read`: the prose and claims the narrative check already made of the same text, so they are not made twice. */
export function readOutline(text: string, read?: { prose: Prose; claims: Claim[] }): Outline {
  const prose = read?.prose ?? toProse(text);
  const headings: Heading[] = [];
  // headings still open, outermost first: a new heading closes those at its level or deeper
  const open: Heading[] = [];
  prose.lines.forEach((raw, i) => {
    const t = toHalfWidth(raw).replace(/\s+/g, "");
    for (const [level, re] of NUMBERING) {
      const m = re.exec(t);
      if (!m) continue;
      const next = toHalfWidth(prose.lines[i + 1] ?? "").replace(/\s+/g, "");
      const title = t.slice(m[0].length).replace(QUOTES, "");
      const h: Heading = { line: i + 1, level, title, joined: (title + next.replace(QUOTES, "")).slice(0, 80), endLine: null };
      while (open.length && open.at(-1)!.level >= level) open.pop()!.endLine = h.line;
      open.push(h);
      headings.push(h);
      break;
    }
  });
  return { prose, claims: read?.claims ?? readClaims(prose), headings };
}

/** The first index of `prose.text` on or after a source line (lineOf never decreases along the text). */
function indexAtLine(o: Outline, line: number): number {
  let lo = 0;
  let hi = o.prose.text.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (o.prose.lineOf(mid) < line) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function headingWindow(o: Outline, h: Heading): Window {
  const end = h.endLine ? indexAtLine(o, h.endLine) : o.prose.text.length;
  return { ranges: [[indexAtLine(o, h.line), end]], line: h.line };
}

const size = (w: Window) => w.ranges.reduce((n, [a, b]) => n + b - a, 0);

/** Of several headings that fit (a table of contents repeats them), the one with the most text under it. */
function largest(o: Outline, fits: Heading[]): Window | null {
  let best: Window | null = null;
  for (const h of fits) {
    const w = headingWindow(o, h);
    if (!best || size(w) > size(best)) best = w;
  }
  return best;
}

/** A template section by its title: its heading, or else where the title is written, up to the next 一、. */
export function sectionWindow(o: Outline, title: string): Window | null {
  const key = toHalfWidth(title).replace(/\s+/g, "").replace(QUOTES, "");
  const byHeading = largest(o, o.headings.filter((h) => h.joined.startsWith(key)));
  if (byHeading) return byHeading;
  // where the title is written, quotes or not (folding keeps every index: one UTF-16 unit for one)
  const m = new RegExp([...key].map((ch) => ch.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join(`${QUOTES.source}*`)).exec(toHalfWidth(o.prose.text));
  if (!m) return null;
  const i = m.index;
  const line = o.prose.lineOf(i);
  const next = o.headings.find((x) => x.line > line && x.level <= 1);
  return { ranges: [[i, next ? indexAtLine(o, next.line) : o.prose.text.length]], line };
}

/** What a topic is about: the heading that names it, or else every paragraph that mentions it. */
export function topicWindow(o: Outline, topic: RegExp): Window {
  const byHeading = largest(o, o.headings.filter((h) => topic.test(h.title)));
  if (byHeading) return byHeading;
  const ranges: [number, number][] = [];
  let start = 0;
  for (const para of o.prose.text.split("\n")) {
    if (topic.test(para)) ranges.push([start, start + para.length]);
    start += para.length + 1;
  }
  return { ranges, line: ranges.length ? o.prose.lineOf(ranges[0]![0]) : null };
}

/** Whether an index of the text lies in the window (its ranges are in order: a binary search). */
export function inWindow(w: Window, index: number): boolean {
  let lo = 0;
  let hi = w.ranges.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (w.ranges[mid]![1] <= index) lo = mid + 1;
    else hi = mid;
  }
  const r = w.ranges[lo];
  return !!r && index >= r[0];
}

export function claimsIn<K extends Claim["kind"]>(o: Outline, w: Window, ...kinds: K[]): Extract<Claim, { kind: K }>[] {
  return o.claims.filter((c): c is Extract<Claim, { kind: K }> => (kinds as string[]).includes(c.kind) && inWindow(w, c.start));
}

/** The window's text, piece by piece, with where each piece starts in `prose.text`. */
export const piecesOf = (o: Outline, w: Window) => w.ranges.map(([a, b]) => ({ text: o.prose.text.slice(a, b), offset: a }));

export function textAt(o: Outline, start: number, end: number): TextLocation {
  return { line: o.prose.lineOf(start), excerpt: o.prose.excerpt(start, Math.min(end, start + 60)) };
}
