// Sums the leaf rows under a 类 or 款 in a column of codes: a row counts only when no other row in the range
// lies below it, so ranges that carry 类/款 subtotal rows are not counted twice.

import { Decimal } from "../decimal.ts";
import { notAvailable } from "../errors.ts";
import { ancestorCodes, normalizeCode } from "./code-format.ts";

export interface CodedAmount {
  code: unknown;
  amount: Decimal;
}

export function rollup(rows: Iterable<CodedAmount>, target: string): Decimal {
  const under: { code: string; amount: Decimal }[] = [];
  for (const r of rows) {
    const code = normalizeCode(r.code);
    if (code && code.startsWith(target)) under.push({ code, amount: r.amount });
  }
  if (!under.length) throw notAvailable(`区域中没有科目 ${target} 或其下级科目`);
  const parents = new Set(under.flatMap((r) => ancestorCodes(r.code)));
  let total = Decimal.ZERO;
  for (const r of under) if (!parents.has(r.code)) total = total.add(r.amount);
  return total;
}
