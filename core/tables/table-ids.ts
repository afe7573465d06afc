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

// Order matters: a title that contains another's words must be tried first. `null` marks tables of regional
// and newer national sets that juesuan finds (so they end the table above them and are never misread as
// T03 or T01) but does not check inside.
const ALIASES: [TableId | null, RegExp][] = [
  [null, /项目支出决算(明细)?表$|政府采购(情况|信息)?(决算)?表$|机关运行经费.*表$|机构运行经费.*表$|国有资产.*表$|财政专户管理资金.*表$|绩效.*表$/],
  ["T07", /(一般公共预算)?(财政拨款)?"?三公"?经费(及会议费、?培训费)?支出(预)?决算(明细)?(情况)?表$/],
  ["T06", /一般公共预算财政拨款基本支出决算(明细)?表$/],
  ["T05", /一般公共预算财政拨款支出决算(明细)?表$/],
  ["T08", /政府性基金预算财政拨款(收入)?支出决算表$/],
  ["T09", /国有资本经营预算财政拨款(收入)?支出决算表$/],
  // the newer national set drops 总 (财政拨款收入支出决算表, 收入支出决算表)
  ["T04", /财政拨款收入支出决算总?表$/],
  ["T01", /收入支出决算总?表$/],
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

/** What a title names: one of T01–T09, or (`id` null) another table of a set, by the title it was found by. */
export interface TitleMatch {
  id: TableId | null;
  title: string;
}

/** Titles a template adds, normalised: its tables' titles and aliases, and titles of tables beyond T01–T09. */
export interface TemplateTitles {
  /** normalised title → table; longest first, so a title containing another is matched by the longer */
  titles: [string, TableId | null, string][];
}

export function templateTitles(tables: { id: TableId; title: string; aliases?: string[] }[], others: { title: string; aliases?: string[] }[] = []): TemplateTitles {
  const titles: [string, TableId | null, string][] = [];
  for (const t of tables) for (const a of [t.title, ...(t.aliases ?? [])]) titles.push([normalizeTitle(a), t.id, a]);
  for (const o of others) for (const a of [o.title, ...(o.aliases ?? [])]) titles.push([normalizeTitle(a), null, o.title]);
  titles.sort((a, b) => b[0].length - a[0].length);
  return { titles };
}

/** The table a title names, or null. Longer texts (sentences that mention a table) are not titles. */
export function matchTitle(text: string): TableId | null {
  return matchTitleIn(text)?.id ?? null;
}

/** The table a title names — by the template's titles first, then by the built-in aliases — or null. */
export function matchTitleIn(text: string, template?: TemplateTitles): TitleMatch | null {
  // every title ends in 表 (a 公开0N表 label may follow): most cells can be passed over at once
  if (text.length > 80 || !text.includes("表")) return null;
  const t = normalizeTitle(text);
  if (t.length < 4 || t.length > 40) return null;
  return (template && ownTitle(t, template)) || builtinTitle(t);
}

/** A normalised title among a template's own titles and aliases. */
export function ownTitle(t: string, template: TemplateTitles): TitleMatch | null {
  // the title is the tail of the text; what precedes it may only be a unit's name (≤ 20 characters)
  for (const [title, id, shown] of template.titles) {
    if (t.endsWith(title) && t.length - title.length <= 20) return { id, title: shown };
  }
  return null;
}

function builtinTitle(t: string): TitleMatch | null {
  for (const [id, re] of ALIASES) {
    const m = re.exec(t);
    if (m && m.index <= 20) return { id, title: id ? TABLE_TITLES[id] : t };
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
