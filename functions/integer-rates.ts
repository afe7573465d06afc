// PCT, RATE and GROWTH on what cells usually hold — amounts with at most 2 decimals — as integer counts of
// cents in doubles: no Decimal, no text. NaN means "not answerable here"; the caller then takes core's path.

import { divRoundHalfUpNum } from "../core/decimal.ts";

/**
 * A cell number that Excel reads (to 15 significant digits) as a 2-decimal amount, as cents; NaN otherwise
 * (blanks, text, 1.005). A sum's binary noise (0.1 + 0.2) is within 2.5e-16 of c relative, well inside half a
 * unit of the 15th digit (≥ 5e-16 relative, less the product's own rounding), so it reads as c/100 too.
 */
function cents(value: unknown): number {
  if (typeof value !== "number") return NaN;
  const scaled = value * 100;
  const c = Math.round(scaled);
  if (!(Math.abs(c) < 1e15)) return NaN;
  return c / 100 === value || Math.abs(scaled - c) <= 2.5e-16 * Math.abs(c) ? c : NaN;
}

/** numerator cents × 100% ÷ denominator cents, in % to 2 decimals; NaN for a zero or inexact denominator. */
function percent(numerator: number, denominator: number): number {
  const scaled = numerator * 10000;
  if (!Number.isSafeInteger(scaled) || !(denominator > 0)) return NaN;
  return divRoundHalfUpNum(scaled, denominator) / 100;
}

/** part ÷ whole in % (占比, 完成率). */
export function ratioPercent(part: unknown, whole: unknown): number {
  const w = cents(whole);
  return w < 0 ? percent(-cents(part), -w) : percent(cents(part), w);
}

/** (current − prior) ÷ |prior| in %. */
export function growthPercent(current: unknown, prior: unknown): number {
  const p = cents(prior);
  return percent(cents(current) - p, Math.abs(p));
}
