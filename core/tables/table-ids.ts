// The standard disclosure tables (central numbering T01–T09) and how their titles read across regions and
// years: a title is normalised (width, spaces, quotes, year and unit prefixes, 公开0N表 labels) and matched
// against aliases, most specific first.

import { toHalfWidth } from "../fullwidth.ts";

export type TableId = "T01" | "T02" | "T03" | "T04" | "T05" | "T06" | "T07" | "T08" | "T09";

export const TABLE_IDS: TableId[] = ["T01", "T02", "T03", "T04", "T05", "T06", "T07", "T08", "T09"];

export const TABLE_TITLES: Record<TableId, string> = {
  T01: "收入支出决算总表",
  T02: "收入决算表",
  T03: "支出决算表",
  T04: "财政拨款收入支出决算总表",
  T05: "一般公共预算财政拨款支出决算表",
  T06: "一般公共预算财政拨款基本支出决算表",
  T07: "财政拨款“三公”经费支出决算表",
  T08: "政府性基金预算财政拨款收入支出决算表",
  T09: "国有资本经营预算财政拨款收入支出决算表",
};

/** "T05（一般公共预算财政拨款支出决算表）" — how messages name a table. */
export const tableName = (id: TableId) => `${TABLE_TITLES[id]}（${id}）`;

// Order matters: a title that contains another's words must be tried first.
const ALIASES: [TableId, RegExp][] = [
  ["T07", /(一般公共预算)?财政拨款"?三公"?经费支出决算(明细)?表$/],
  ["T06", /一般公共预算财政拨款基本支出决算(明细)?表$/],
  ["T05", /一般公共预算财政拨款支出决算(明细)?表$/],
  ["T08", /政府性基金预算财政拨款(收入)?支出决算表$/],
  ["T09", /国有资本经营预算财政拨款(收入)?支出决算表$/],
  ["T04", /财政拨款收入支出决算总表$/],
  ["T01", /收入支出决算总表$/],
  ["T02", /收入决算表(\((分单位|分科目)\))?$/],
  ["T03", /支出决算表(\((分单位|分科目)\))?$/],
];

/** The normal form titles are matched in. */
export function normalizeTitle(text: string): string {
  return toHalfWidth(text)
    .replace(/\s+/g, "")
    .replace(/[“”"'‘’]/g, '"')
    .replace(/收支/g, "收入支出")
    .replace(/^(公开|附)?(表|件)?\d{1,2}(表)?[:：.、-]?/, "")
    .replace(/[:：.、-]?(公开)?\d{1,2}表$/, "")
    .replace(/^.*?\d{4}年(度)?/, "");
}

/** The table a title names, or null. Longer texts (sentences that mention a table) are not titles. */
export function matchTitle(text: string): TableId | null {
  // every title ends in 表 (a 公开0N表 label may follow): most cells can be passed over at once
  if (text.length > 80 || !text.includes("表")) return null;
  const t = normalizeTitle(text);
  if (t.length < 4 || t.length > 40) return null;
  for (const [id, re] of ALIASES) {
    const m = re.exec(t);
    // the title is the tail of the text; what precedes it may only be a unit's name (≤ 20 characters)
    if (m && m.index <= 20) return id;
  }
  return null;
}

/** A sheet named "公开05表" / "表5" / "5" is table T05 when nothing in it reads as a title. */
export function tableIdFromSheetName(name: string): TableId | null {
  const byTitle = matchTitle(name);
  if (byTitle) return byTitle;
  const m = /^(公开)?(表)?0?([1-9])(表)?$/.exec(toHalfWidth(name).replace(/\s+/g, ""));
  return m ? (`T0${m[3]}` as TableId) : null;
}
