// Single sentences of a 情况说明, as the writer composes them and as =JS.SENTENCE hands them to clerks who build
// the text in cells: a change on the prior year, a share of a whole, a budget against its 决算.

import { completionRate, share } from "../derived.ts";
import type { Decimal } from "../decimal.ts";
import { yoy } from "../yoy.ts";

export const blank = (what: string) => `【待填写：${what}】`;
export const wan = (d: Decimal) => `${d.toFixed(2)}万元`;
export const pct = (d: Decimal) => `${d.toFixed(2)}%`;

/** "与上年相比，X增加 7.87 万元，增长 2.19%。主要原因：【待填写】。" — 持平 and 新增 where a rate cannot say it. */
export function changeSentence(subject: string, current: Decimal, prior: Decimal, since = "上年"): string {
  const y = yoy(current, prior);
  if (y.kind === "flat") return `与${since}相比，${subject}持平。`;
  return `与${since}相比，${subject}${y.phrase}。主要原因：${blank("增减原因")}。`;
}

/** "X 12.34万元，占 5.60%" */
export function shareSentence(label: string, part: Decimal, whole: Decimal): string {
  return `${label}${wan(part)}，占${pct(share(part, whole))}`;
}

/** "X年初预算为 B万元，支出决算为 A万元，完成年初预算的 p%。决算数大于预算数的主要原因是：【待填写】。" */
export function budgetSentence(subject: string, budget: Decimal | undefined, actual: Decimal): string {
  if (!budget) return `${subject}年初预算为${blank("年初预算数")}万元，支出决算为${wan(actual)}。`;
  const rate = budget.isZero() ? "" : `，完成年初预算的${pct(completionRate(actual, budget))}`;
  const word = actual.cmp(budget) > 0 ? "大于" : actual.cmp(budget) < 0 ? "小于" : "等于";
  const reason = word === "等于" ? "决算数等于预算数。" : `决算数${word}预算数的主要原因是：${blank("主要原因")}。`;
  return `${subject}年初预算为${wan(budget)}，支出决算为${wan(actual)}${rate}。${reason}`;
}
