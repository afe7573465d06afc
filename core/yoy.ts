// The year-on-year phrase of a narrative ("增加 7.87 万元，增长 2.19%"), with the wordings the templates
// require for the cases a rate cannot describe: 持平 when nothing changed, 新增 when there was nothing before.

import type { Decimal } from "./decimal.ts";
import { AMOUNT_DECIMALS, PERCENT_DECIMALS, change, growthRate } from "./derived.ts";

export type YoyKind = "increase" | "decrease" | "flat" | "new";

export interface Yoy {
  kind: YoyKind;
  delta: Decimal;
  /** absent when the prior figure is 0 (rate undefined) or nothing changed */
  rate?: Decimal;
  phrase: string;
}

export function yoy(current: Decimal, prior: Decimal, unit = "万元"): Yoy {
  const delta = change(current, prior);
  const amount = (d: Decimal) => `${d.abs().toFixed(AMOUNT_DECIMALS)} ${unit}`;
  if (delta.isZero()) return { kind: "flat", delta, phrase: "持平" };
  if (prior.isZero()) {
    const word = delta.sign > 0 ? "新增" : "减少";
    return { kind: "new", delta, phrase: `${word} ${amount(delta)}（上年为 0，不计算增长率）` };
  }
  const rate = growthRate(current, prior);
  const [more, grow] = delta.sign > 0 ? ["增加", "增长"] : ["减少", "下降"];
  return {
    kind: delta.sign > 0 ? "increase" : "decrease",
    delta,
    rate,
    phrase: `${more} ${amount(delta)}，${grow} ${rate.abs().toFixed(PERCENT_DECIMALS)}%`,
  };
}
