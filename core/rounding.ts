// Rounding intervals: a figure shown with d decimals stands for every true value that rounds (half away from
// zero) to it. Two published figures agree when some choice of true values inside their intervals makes the
// identity hold — so 尾差 is never an error and a difference the rounding cannot explain never hides.

import { Decimal } from "./decimal.ts";

export interface Bound {
  v: Decimal;
  closed: boolean;
}
export interface Interval {
  lo: Bound;
  hi: Bound;
}

/** Shown figures carry 2 decimals unless they say otherwise (万元 with 2 decimals). */
export const SHOWN_DECIMALS = 2;

// half of the last shown digit (0.005 for 2 decimals), made once per decimals
const HALF_UNIT = Array.from({ length: 8 }, (_, d) => Decimal.of(5n, d + 1));

/**
 * The true values a figure may stand for. A figure with more digits than are shown is itself a true value
 * (an unrounded cell), so its interval is a point.
 */
export function shownInterval(d: Decimal, decimals = SHOWN_DECIMALS): Interval {
  if (d.scale > decimals) return point(d);
  const h = HALF_UNIT[decimals] ?? Decimal.of(5n, decimals + 1);
  const lo = d.sub(h);
  const hi = d.add(h);
  // half away from zero: a positive figure includes its lower edge, a negative one its upper edge
  return { lo: { v: lo, closed: d.sign > 0 }, hi: { v: hi, closed: d.sign < 0 } };
}

export function point(d: Decimal): Interval {
  return { lo: { v: d, closed: true }, hi: { v: d, closed: true } };
}

export function addIntervals(a: Interval, b: Interval): Interval {
  return {
    lo: { v: a.lo.v.add(b.lo.v), closed: a.lo.closed && b.lo.closed },
    hi: { v: a.hi.v.add(b.hi.v), closed: a.hi.closed && b.hi.closed },
  };
}

export function negInterval(a: Interval): Interval {
  return { lo: { v: a.hi.v.neg(), closed: a.hi.closed }, hi: { v: a.lo.v.neg(), closed: a.lo.closed } };
}

export function sumIntervals(list: Iterable<Interval>): Interval {
  let acc = point(Decimal.ZERO);
  for (const i of list) acc = addIntervals(acc, i);
  return acc;
}

export function overlaps(a: Interval, b: Interval): boolean {
  const lo = maxLower(a.lo, b.lo);
  const hi = minUpper(a.hi, b.hi);
  const c = lo.v.cmp(hi.v);
  return c < 0 || (c === 0 && lo.closed && hi.closed);
}

function maxLower(a: Bound, b: Bound): Bound {
  const c = a.v.cmp(b.v);
  if (c !== 0) return c > 0 ? a : b;
  return { v: a.v, closed: a.closed && b.closed };
}

function minUpper(a: Bound, b: Bound): Bound {
  const c = a.v.cmp(b.v);
  if (c !== 0) return c < 0 ? a : b;
  return { v: a.v, closed: a.closed && b.closed };
}

export function contains(a: Interval, x: Decimal): boolean {
  return overlaps(a, point(x));
}

/** How an identity between shown figures stands: exactly, only by rounding (尾差), or not at all. */
export type Verdict = "exact" | "rounding" | "mismatch";

export interface SumJudgement {
  verdict: Verdict;
  /** the plain sum of the terms as shown */
  expected: Decimal;
  /** the figure that should equal it */
  actual: Decimal;
}

/**
 * Judges `total = Σ terms`, each term with a sign (+1 / −1), every figure read as a shown figure with
 * `decimals` digits: the identity of a table row, a hierarchy sum, a balance such as 年末 = 年初 + 收入 − 支出.
 */
export function judgeSum(
  total: Decimal,
  terms: ReadonlyArray<Decimal | { value: Decimal; sign: 1 | -1 }>,
  decimals = SHOWN_DECIMALS,
): SumJudgement {
  // the plain sum first: most identities hold exactly, and then no interval is needed
  let expected = Decimal.ZERO;
  for (const t of terms) expected = t instanceof Decimal ? expected.add(t) : t.sign > 0 ? expected.add(t.value) : expected.sub(t.value);
  if (expected.eq(total)) return { verdict: "exact", expected, actual: total };
  // Every rounded term widens the sum by the same half unit each way, so the terms' interval is
  // expected ± rounded × half; an edge is closed only if every term's matching edge is (a term of sign s
  // and value v includes its lower edge when s·v > 0, its upper when s·v < 0; an unrounded term is a point).
  let rounded = 0;
  let loClosed = true;
  let hiClosed = true;
  for (const t of terms) {
    const value = t instanceof Decimal ? t : t.value;
    if (value.scale > decimals) continue;
    rounded++;
    const side = value.sign * (t instanceof Decimal ? 1 : t.sign);
    loClosed &&= side > 0;
    hiClosed &&= side < 0;
  }
  const spread = (HALF_UNIT[decimals] ?? Decimal.of(5n, decimals + 1)).mul(Decimal.fromInt(rounded));
  const range: Interval = { lo: { v: expected.sub(spread), closed: loClosed }, hi: { v: expected.add(spread), closed: hiClosed } };
  const verdict = overlaps(range, shownInterval(total, decimals)) ? "rounding" : "mismatch";
  return { verdict, expected, actual: total };
}
