// The derived figures a narrative states: shares, completion rates, changes, growth rates and 元→万元.
// Each is computed exactly from the figures as given and rounded half-up once, at the end.

import { Decimal } from "./decimal.ts";
import { divideByZero } from "./errors.ts";

export const PERCENT_DECIMALS = 2;
export const AMOUNT_DECIMALS = 2;

const HUNDRED = Decimal.fromInt(100);
const TEN_THOUSAND = Decimal.fromInt(10000);

/** part ÷ whole in %, e.g. 16.13 of 34.12 → 47.27. */
export function share(part: Decimal, whole: Decimal): Decimal {
  if (whole.isZero()) throw divideByZero(part.isZero() ? "占比为 0/0，无法计算" : "基数为 0，占比无法计算");
  return part.mul(HUNDRED).div(whole, PERCENT_DECIMALS);
}

/** 决算 ÷ 年初预算 in %. */
export function completionRate(actual: Decimal, budget: Decimal): Decimal {
  if (budget.isZero()) throw divideByZero("年初预算为 0，完成率无法计算（不应写作 100%）");
  return actual.mul(HUNDRED).div(budget, PERCENT_DECIMALS);
}

/** current − prior, in the figures' own unit. */
export function change(current: Decimal, prior: Decimal): Decimal {
  return current.sub(prior);
}

/**
 * Growth of current over prior in %: Δ ÷ |prior|, so the sign always follows 增长/下降 even when the prior
 * figure is negative (a 结余 can be).
 */
export function growthRate(current: Decimal, prior: Decimal): Decimal {
  if (prior.isZero()) {
    throw divideByZero(current.isZero() ? "本年与上年均为 0，增长率无法计算（应表述为持平）" : "上年数为 0，增长率无法计算（应表述为新增）");
  }
  return change(current, prior).mul(HUNDRED).div(prior.abs(), PERCENT_DECIMALS);
}

/** 元 → 万元, half-up to 2 decimals. */
export function yuanToWan(yuan: Decimal): Decimal {
  return yuan.div(TEN_THOUSAND, AMOUNT_DECIMALS);
}
