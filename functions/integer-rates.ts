// PCT, RATE and GROWTH on what cells usually hold — amounts with at most 2 decimals — as integer counts of
// cents in doubles: no Decimal, no text. NaN means "not answerable here"; the caller then takes core's path.

import { divRoundHalfUpNum, readScaled } from "../core/decimal.ts";

/** A cell number Excel reads as a 2-decimal amount, as cents; NaN otherwise (blanks, text, 1.005). */
function cents(value: unknown): number {
  return typeof value === "number" ? readScaled(value, 2) : NaN;
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
