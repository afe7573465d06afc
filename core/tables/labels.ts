// Label text (half-width, no spaces or line breaks) worked out once per distinct cell text: 合计, 类, 款 and
// the same 科目 names recur in every table, so each is normalised once rather than at every look.

import { type Cell, labelText } from "./grid.ts";

const cache = new Map<string, string>();
const LIMIT = 20_000;

export function label(v: Cell | undefined): string {
  if (typeof v !== "string") return labelText(v);
  let t = cache.get(v);
  if (t === undefined) {
    // a bound, not an eviction policy: a workbook has far fewer distinct labels than this
    if (cache.size >= LIMIT) cache.clear();
    t = labelText(v);
    cache.set(v, t);
  }
  return t;
}
