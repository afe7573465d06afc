// The facts of a text in one table per subject and side (the 决算 or 预算 of a year), stated or derived from a
// stated change, so identities and comparisons look a value up the way a reader recalls it: the latest before.

import { Decimal } from "../decimal.ts";
import { type Interval, addIntervals, negInterval, overlaps } from "../rounding.ts";
import type { Fact, Side } from "./facts.ts";

export interface Value {
  subject: string;
  key: string;
  value: Decimal;
  iv: Interval;
  pos: number;
  /** the facts it was stated or derived from */
  from: Fact[];
  derived: boolean;
}

export const sideKey = (s: Side) => `${s.kind}@${s.period}`;

// a total said of both sides at once ("收支总计") is each side's total
const ALIASES: Record<string, string[]> = { 收支总计: ["收入总计", "支出总计"], 财政拨款收支总计: ["财政拨款收入总计", "财政拨款支出总计"] };

/** The index of the first element whose position is above `pos` (positions ascending). */
export function after<T>(list: readonly T[], pos: number, at: (x: T) => number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const m = (lo + hi) >> 1;
    if (at(list[m]!) <= pos) lo = m + 1;
    else hi = m;
  }
  return lo;
}

const posOf = (v: Value) => v.pos;

export class ValueTable {
  private readonly rows = new Map<string, Value[]>();

  add(v: Value): void {
    for (const s of [v.subject, ...(ALIASES[v.subject] ?? [])]) {
      const k = `${s}|${v.key}`;
      let list = this.rows.get(k);
      if (!list) this.rows.set(k, (list = []));
      list.splice(after(list, v.pos, posOf), 0, { ...v, subject: s });
    }
  }

  all(subject: string, key: string): Value[] {
    return this.rows.get(`${subject}|${key}`) ?? this.rows.get(`${ALIASES[subject]?.[0]}|${key}`) ?? [];
  }

  /** The values strictly between two positions, in order. */
  between(subject: string, key: string, lo: number, hi: number): Value[] {
    const list = this.all(subject, key);
    return list.slice(after(list, lo, posOf), after(list, hi - 1, posOf));
  }

  /** The value last stated at or before `pos`, else the first after it within `ahead` characters. */
  at(subject: string, key: string, pos: number, ahead = 0): Value | null {
    const list = this.all(subject, key);
    const i = after(list, pos, posOf);
    if (i > 0) return list[i - 1]!;
    const next = list[0];
    return next && next.pos - pos <= ahead ? next : null;
  }

  keys(): string[] {
    return [...new Set([...this.rows.keys()].map((k) => k.slice(k.indexOf("|") + 1)))];
  }
}

export const sub = (a: Interval, b: Interval): Interval => addIntervals(a, negInterval(b));
export const plus = (a: Interval, b: Interval): Interval => addIntervals(a, b);
export const agree = (a: Interval, b: Interval): boolean => overlaps(a, b);

/** |x| of an interval, as an interval of non-negative values. */
export function absIv(a: Interval): Interval {
  if (a.lo.v.sign >= 0) return a;
  if (a.hi.v.sign <= 0) return negInterval(a);
  const top = a.lo.v.neg().cmp(a.hi.v) > 0 ? a.lo.v.neg() : a.hi.v;
  return { lo: { v: Decimal.ZERO, closed: true }, hi: { v: top, closed: true } };
}

/** The sign every value of the interval has, or 0 when it holds values of both signs (or zero). */
export function signOf(a: Interval): -1 | 0 | 1 {
  if (a.lo.v.sign > 0 || (a.lo.v.sign === 0 && !a.lo.closed)) return 1;
  if (a.hi.v.sign < 0 || (a.hi.v.sign === 0 && !a.hi.closed)) return -1;
  return 0;
}

export function stated(f: Fact, key: string): Value {
  return { subject: f.subject!.id, key, value: f.fig.value, iv: f.fig.iv, pos: f.fig.start, from: [f], derived: false };
}

/** The table of stated values, before any change is read. */
export function statedTable(facts: Fact[]): ValueTable {
  const table = new ValueTable();
  for (const f of facts) {
    if (!f.subject || !f.side || f.fig.kind === "percent" || f.fig.kind === "bare") continue;
    if (f.measure === "actual" || f.measure === "prior" || f.measure === "budget") table.add(stated(f, `${f.fig.kind === "count" ? "n:" : ""}${sideKey(f.side)}`));
  }
  return table;
}
