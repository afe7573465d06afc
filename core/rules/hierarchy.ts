// The parent of each row in a coded table — by code prefix where codes are given, by level and order where
// only names are — so 合计 = Σ类, 类 = Σ款, 款 = Σ项 can be checked on either kind of layout. Worked out once
// per table (through a code → row index) and shared by every rule that asks.

import type { CodedRow } from "../tables/model.ts";

const RANK = { 类: 1, 款: 2, 项: 3 } as const;

interface Shape {
  parents: (number | null)[];
  children: Map<number, number[]>;
  tops: number[];
}

const shapes = new WeakMap<CodedRow[], Shape>();

function shapeOf(rows: CodedRow[]): Shape {
  let shape = shapes.get(rows);
  if (shape) return shape;
  const byCode = new Map<string, number>();
  rows.forEach((r, i) => {
    if (!r.isTotal && r.code && !byCode.has(r.code)) byCode.set(r.code, i);
  });
  const allCoded = rows.every((r) => r.isTotal || r.code);
  const parents = rows.map((row, i): number | null => {
    if (row.isTotal || !row.level) return null;
    if (row.code) {
      // the nearest ancestor present: 2040250 → 20402, else 204
      for (let len = row.code.length - 2; len >= 3; len -= 2) {
        const j = byCode.get(row.code.slice(0, len));
        if (j !== undefined) return j;
      }
      if (allCoded) return null;
    }
    for (let j = i - 1; j >= 0; j--) {
      const other = rows[j]!;
      if (!other.isTotal && other.level && RANK[other.level] < RANK[row.level]) return j;
    }
    return null;
  });
  const children = new Map<number, number[]>();
  parents.forEach((p, i) => {
    if (p !== null) (children.get(p) ?? children.set(p, []).get(p)!).push(i);
  });
  const tops = rows.flatMap((r, i) => (!r.isTotal && r.level && parents[i] === null ? [i] : []));
  shape = { parents, children, tops };
  shapes.set(rows, shape);
  return shape;
}

/** parent index of each row (null at the top); total rows have none and are nobody's parent. */
export function parents(rows: CodedRow[]): (number | null)[] {
  return shapeOf(rows).parents;
}

export function childrenOf(rows: CodedRow[]): Map<number, number[]> {
  return shapeOf(rows).children;
}

/** Rows at the top of the hierarchy (the 类 rows, or whatever is highest when a table lists no 类). */
export function topRows(rows: CodedRow[]): number[] {
  return shapeOf(rows).tops;
}
