// Re-deriving a stated rate from the shown figures it comes from, by interval: a stated rate is right when some
// true values inside the figures' rounding intervals give it; a value cut instead of rounded is only style.

import { Decimal } from "../decimal.ts";
import { shownInterval, overlaps, type Interval } from "../rounding.ts";

const SCALE = 10;
const HUNDRED = Decimal.fromInt(100);

export type RateVerdict = "exact" | "rounding" | "truncated" | "wrong";

/** Bounds of a figure as written (its own decimals). */
export const bounds = (d: Decimal): Interval => shownInterval(d, d.scale);

/**
 * Judges a stated percentage against num/den where both are shown figures and the rate grows with num and
 * falls with den (shares, completion, growth once the prior is formed). `den` must be positive.
 */
export function judgeRate(stated: Decimal, num: Interval, den: Interval): { verdict: RateVerdict; expected: Decimal } {
  const lo = num.lo.v.mul(HUNDRED).div(den.hi.v, SCALE);
  const hi = num.hi.v.mul(HUNDRED).div(den.lo.v, SCALE);
  const mid = num.lo.v.add(num.hi.v).mul(HUNDRED).div(den.lo.v.add(den.hi.v), SCALE);
  const expected = mid.round(Math.max(stated.scale, 2));
  if (expected.eq(stated)) return { verdict: "exact", expected };
  const range: Interval = { lo: { v: lo, closed: true }, hi: { v: hi, closed: true } };
  if (overlaps(range, bounds(stated))) return { verdict: "rounding", expected };
  if (mid.truncate(stated.scale).eq(stated)) return { verdict: "truncated", expected };
  return { verdict: "wrong", expected };
}

export const rangeOf = (lo: Decimal, hi: Decimal): Interval => ({ lo: { v: lo, closed: true }, hi: { v: hi, closed: true } });
