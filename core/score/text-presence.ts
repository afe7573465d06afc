// The few things the score must read in a narrative that core's claims do not carry — counts (3 个团组, 12
// 人次, 5 辆), reasons for a change, statements that something does not exist, glossary entries, tables said to
// be empty — in one place, each pattern general and linear in the text's length.

import { UNFILLED } from "../narrative/claims.ts";
import { type Outline, type Window, piecesOf } from "./outline.ts";

/** The window's pieces with juesuan's own 【待填写…】 blanks masked (same length), so none reads as content. */
const masked = (o: Outline, w: Window) => piecesOf(o, w).map((p) => ({ ...p, text: p.text.replace(UNFILLED, (b) => "□".repeat(b.length)) }));

export interface Count {
  value: number;
  unit: string;
  /** the words of the clause before the number and the noun right after it ("团组" of "3 个团组") */
  context: string;
  start: number;
  end: number;
}

const DELIMS = "，。；;：:,、\\n";
// longest units first so "人次" is not read as "人"
const COUNT = new RegExp(`([^${DELIMS}\\d]{0,30}?)(?<![\\d.])(\\d{1,6})(人次|批次|台[（(]套[）)]|台套|个|辆|台|套|批|次|人|项)([^${DELIMS}\\d]{0,4})`, "g");

/** Counts in a window: whole numbers with a counting unit (not 万元 and not years). */
export function countsIn(o: Outline, w: Window): Count[] {
  const out: Count[] = [];
  for (const { text, offset } of masked(o, w)) {
    for (const m of text.matchAll(COUNT)) {
      const start = offset + m.index + m[1]!.length;
      out.push({ value: Number(m[2]), unit: m[3]!, context: m[1]! + m[4]!, start, end: offset + m.index + m[0].length });
    }
  }
  return out;
}

const REASON = /(?:主要)?原因|由于|因为|主要是/g;
const BLANKISH = /^[：:是为在于]*(?:□|X{2,}|×{2,}|…|。|$)/;

/** Where the window gives a reason ("主要原因是…" followed by words, not by a blank to fill), in text order. */
export function reasonsIn(o: Outline, w: Window): number[] {
  const out: number[] = [];
  for (const { text, offset } of masked(o, w)) {
    for (const m of text.matchAll(REASON)) if (!BLANKISH.test(text.slice(m.index + m[0].length, m.index + m[0].length + 8))) out.push(offset + m.index);
  }
  return out;
}

/** A statement that there is none of something: 无/没有/未发生/未开展/不涉及 … keyword, at most `gap` characters on. */
export function statesNone(o: Outline, w: Window, keyword: string, gap = 24): { start: number; end: number } | null {
  const re = new RegExp(`(?:无|没有|未发生|未开展|未安排|不涉及|未)[^。；;\\n]{0,${gap}}?${keyword}`);
  for (const { text, offset } of masked(o, w)) {
    const m = re.exec(text);
    if (m) return { start: offset + m.index, end: offset + m.index + m[0].length };
  }
  return null;
}

/** Glossary entries: a term of 2–24 characters followed by "：", "是指" or "指". */
const ENTRY = /[\p{Script=Han}A-Za-z“”"（）()]{2,24}(?:[：:]|是指|系指)/gu;

export function glossaryEntries(o: Outline, w: Window): number {
  let n = 0;
  for (const { text } of masked(o, w)) n += [...text.matchAll(ENTRY)].filter((m) => !m[0].includes("名词解释")).length;
  return n;
}

/** Whether the text says a table is empty on purpose, naming it by its title or its 公开0N表 label. */
export function statesTableEmpty(o: Outline, title: string, n: number): { start: number; end: number } | null {
  const name = title.replace(/["“”]/g, "");
  const label = new RegExp(`(?:公开)?0?${n}表`);
  let start = 0;
  for (const sentence of o.prose.text.split(/[。\n]/)) {
    if (/空表|无数据/.test(sentence) && (sentence.replace(/["“”《》]/g, "").includes(name) || label.test(sentence))) {
      return { start, end: start + sentence.length };
    }
    start += sentence.length + 1;
  }
  return null;
}
