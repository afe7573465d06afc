// What a figure is a figure of: the subjects a 情况说明 names (三公 items, 收入/支出 合计/总计, 基本/项目支出, 人员/
// 公用经费, 机关运行经费, 政府采购 …) under many provinces' wordings, and the identities that hold among them.

import { nameKey } from "../codes/name-key.ts";

export interface Subject {
  /** a stable id for a known subject ("三公.接待"), or "名:" + the name's key for any other */
  id: string;
  /** as a clerk reads it */
  name: string;
}

const Q = `[“”"‘’']?`;
// most specific first: a longer wording must win over its own tail
const KNOWN: [string, string, string][] = [
  ["三公.用车", "公务用车购置及运行维护费", `(?:公务用车|公车)(?:购置)?(?:及|和)(?:运行|运维)(?:维护)?(?:费用|经费|费)?`],
  ["三公.购置", "公务用车购置费", `(?:公务用车|公车)购置(?:费|支出|经费)?`],
  ["三公.运行", "公务用车运行维护费", `(?:公务用车|公车)?(?:\\(含执勤执法用车\\))?运行(?:维护|维修)?(?:费用|经费|费|支出)`],
  ["三公.出国", "因公出国（境）费", `因公出国(?:[（(]境[）)])?(?:费用|经费|费)?`],
  ["三公.接待.国外", "国（境）外公务接待费", `国[（(]境[）)]外(?:公务)?接待费`],
  ["三公.接待.国内", "国内公务接待费", `国内(?:公务)?接待费`],
  ["三公.接待", "公务接待费", `(?:公务)?接待(?:费用|经费|费)|公务接待(?![批人次])`],
  ["三公", "“三公”经费", `${Q}三公${Q}经费${Q}(?:财政拨款)?(?:支出)?`],
  ["财政拨款收支总计", "财政拨款收入支出总计", `财政拨款收入支出总计|财政拨款收[、,，]?支总计`],
  ["财政拨款收入总计", "财政拨款收入总计", `财政拨款收入总计`],
  ["财政拨款支出总计", "财政拨款支出总计", `财政拨款支出总计`],
  ["收支总计", "收入支出总计", `收入支出总计|收入[、和及]支出总计|收[、,，]?支总计|收支(?=较|比|与|各|分别|[，,]?(?:增|减))`],
  ["收入总计", "收入总计", `收入总计`],
  ["支出总计", "支出总计", `支出总计`],
  ["收入合计", "本年收入合计", `(?:本年)?收入合计`],
  ["支出合计", "本年支出合计", `(?:本年)?支出合计`],
  ["一般公共预算财政拨款基本支出", "一般公共预算财政拨款基本支出", `一般公共预算财政拨款基本支出`],
  ["一般公共预算财政拨款支出", "一般公共预算财政拨款支出", `一般公共预算财政拨款支出`],
  ["财政拨款收入", "财政拨款收入", `财政拨款收入`],
  ["财政拨款支出", "财政拨款支出", `财政拨款支出`],
  ["基本支出", "基本支出", `基本支出`],
  ["项目支出", "项目支出", `项目支出`],
  ["人员经费", "人员经费", `人员经费`],
  ["公用经费", "公用经费", `公用经费`],
  ["机关运行经费", "机关运行经费", `机关运行经费`],
  ["政府采购", "政府采购金额", `政府采购(?:支出)?(?:总额|金额)?`],
  ["政府采购.货物", "货物采购金额", `货物采购(?:金额)?|采购货物(?:金额)?`],
  ["政府采购.工程", "工程采购金额", `工程采购(?:金额)?|采购工程(?:金额)?`],
  ["政府采购.服务", "服务采购金额", `服务采购(?:金额)?|采购服务(?:金额)?`],
  ["年末结转和结余", "年末结转和结余", `年末结转(?:和|及)?结余`],
  ["工资福利支出", "工资福利支出", `工资福利支出`],
  ["商品和服务支出", "商品和服务支出", `商品和服务支出`],
  ["对个人和家庭的补助", "对个人和家庭的补助", `对个人和家庭(?:的)?补助(?:支出)?`],
];

// a bare "收入" / "支出" after its total was named means that total ("收入增加 …，支出增加 …")
const BARE = `(?<![\\u4e00-\\u9fa5])(?:收入|支出)(?=增|减|较|比|[，,]?(?:增|减))`;
const KNOWN_RE = new RegExp(KNOWN.map(([, , re], i) => `(?<k${i}>${re})`).join("|") + `|(?<bare>${BARE})`, "g");
// any other named amount: a short run of name characters ending in what amounts are called
const GENERIC_RE = /([\u4e00-\u9fa5（）()]{1,14}?(?:经费|费用|费|支出|收入|资金|金额|补助|保有量|购置数|团组数?|批次|人次))(?=为|是|达|共计|合计|决算|预算|支出|增|减|较|比|同比|与|[\d，,：:]|$)/g;
// a 科目 named with its level: "高等教育（项）" is a subject of its own
const PATH_RE = /([\u4e00-\u9fa5]{1,20}?)[（(](?:类|款|项)[)）](?![\u4e00-\u9fa5]{1,20}?[（(](?:款|项)[)）])/g;
const NOT_NAME = /^(?:其中|主要|包括|全年|共计|合计|本年|年度|全部为|经汇总|较上年|比上年|决算|预算|比|较|与|为)+/;
const SUFFIX_ONLY = /^(?:经费|费用|支出|收入|资金|金额|补助)$/;
const BY_ID = new Map(KNOWN.map(([id, name]) => [id, { id, name }]));

export const subjectById = (id: string): Subject => BY_ID.get(id) ?? { id, name: id.replace(/^名:/, "") };

/** The last subject named in `s` (a stretch of prose between figures), with where it ends; null when none. */
export function lastSubject(s: string, previous: Subject | null): { subject: Subject; end: number; start: number } | null {
  let best: { subject: Subject; end: number; start: number } | null = null;
  KNOWN_RE.lastIndex = 0;
  for (let m = KNOWN_RE.exec(s); m; m = KNOWN_RE.exec(s)) {
    const g = m.groups!;
    let subject: Subject | null = null;
    if (g.bare !== undefined) subject = previous?.id.startsWith(m[0] === "收入" ? "收入" : "支出") ? previous : { id: m[0] === "收入" ? "收入总计" : "支出总计", name: m[0] };
    else {
      const i = KNOWN.findIndex((_, k) => g[`k${k}`] !== undefined);
      subject = BY_ID.get(KNOWN[i]![0])!;
    }
    if (subject) best = { subject, start: m.index, end: m.index + m[0].length };
    if (m[0].length === 0) KNOWN_RE.lastIndex++;
  }
  PATH_RE.lastIndex = 0;
  for (let m = PATH_RE.exec(s); m; m = PATH_RE.exec(s)) {
    if (best && m.index < best.end) continue;
    best = { subject: { id: `名:${nameKey(m[1]!)}`, name: m[0] }, start: m.index, end: m.index + m[0].length };
  }
  GENERIC_RE.lastIndex = 0;
  for (let m = GENERIC_RE.exec(s); m; m = GENERIC_RE.exec(s)) {
    const name = m[1]!.replace(NOT_NAME, "");
    if (name.length < 2 || SUFFIX_ONLY.test(name) || (best && m.index < best.end)) continue;
    // a known subject inside the generic run ("公务用车运行维护费") was already taken
    if (best && best.start >= m.index) continue;
    best = { subject: { id: `名:${nameKey(name)}`, name }, start: m.index, end: m.index + m[0].length };
  }
  return best;
}

/** Wholes and their parts: the identities a text's facts must satisfy in every measure. */
export const PARTS: { whole: string; parts: string[] }[] = [
  { whole: "三公", parts: ["三公.出国", "三公.用车", "三公.接待"] },
  { whole: "三公.用车", parts: ["三公.购置", "三公.运行"] },
  { whole: "基本支出", parts: ["人员经费", "公用经费"] },
  { whole: "一般公共预算财政拨款基本支出", parts: ["人员经费", "公用经费"] },
  { whole: "基本支出", parts: ["工资福利支出", "商品和服务支出", "对个人和家庭的补助"] },
  { whole: "政府采购", parts: ["政府采购.货物", "政府采购.工程", "政府采购.服务"] },
];

/** Totals that must equal each other. */
export const EQUALS: [string, string][] = [
  ["收入总计", "支出总计"],
  ["财政拨款收入总计", "财政拨款支出总计"],
];

export const IN_HIERARCHY = new Set(PARTS.flatMap((p) => [p.whole, ...p.parts]));
