// The parent of each row in a coded table — by code prefix where codes are given, by level and order where
// only names are — so 合计 = Σ类, 类 = Σ款, 款 = Σ项 can be checked on either kind of layout.

import type { CodedRow } from "../tables/model.ts";

const RANK = { 类: 1, 款: 2, 项: 3 } as const;

/** parent index of each row (null at the top); total rows have none and are nobody's parent. */
export function parents(rows: CodedRow[]): (number | null)[] {
  return rows.map((row, i) => {
    if (row.isTotal || !row.level) return null;
    if (row.code) {
      let best: number | null = null;
      rows.forEach((other, j) => {
        if (j === i || other.isTotal || !other.code) return;
        if (row.code!.length > other.code.length && row.code!.startsWith(other.code)) {
          if (best === null || other.code.length > rows[best]!.code!.length) best = j;
        }
      });
      if (best !== null || rows.every((r) => r.isTotal || r.code)) return best;
    }
    for (let j = i - 1; j >= 0; j--) {
      const other = rows[j]!;
      if (!other.isTotal && other.level && RANK[other.level] < RANK[row.level]) return j;
    }
    return null;
  });
}

export function childrenOf(rows: CodedRow[]): Map<number, number[]> {
  const out = new Map<number, number[]>();
  parents(rows).forEach((p, i) => {
    if (p === null) return;
    (out.get(p) ?? out.set(p, []).get(p)!).push(i);
  });
  return out;
}

/** Rows at the top of the hierarchy (the 类 rows, or whatever is highest when a table lists no 类). */
export function topRows(rows: CodedRow[]): number[] {
  const ps = parents(rows);
  return rows.flatMap((r, i) => (!r.isTotal && r.level && ps[i] === null ? [i] : []));
}
