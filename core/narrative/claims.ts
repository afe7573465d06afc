// What a narrative claims, each with where it stands so a finding can quote it: in words (budget comparisons
// with their reasons, 类（类）款（款）项（项） paths, years, template residue, drafting slips) and, from its facts
// (facts.ts), amounts, shares, changes and 持平 in the shapes other parts of core read. Every pattern is
// bounded, so reading stays linear in the text.

import type { Decimal } from "../decimal.ts";
import { type Fact, type Reading, readFacts } from "./facts.ts";
import type { Prose } from "./prose.ts";
import { COMPARING } from "./words.ts";

interface At {
  start: number;
  end: number;
}

export type Claim =
  | (At & { kind: "amount"; label: string; value: Decimal })
  | (At & { kind: "share"; label: string; value: Decimal; share: Decimal; percent: boolean; base: string })
  | (At & { kind: "yoy"; subject: string; more: boolean; delta: Decimal; rateWord: "增长" | "下降" | null; rate: Decimal | null; percent: boolean })
  | (At & { kind: "flat"; subject: string })
  | (At & { kind: "compare"; word: "大于" | "小于" | "等于"; against: "budget" | "prior"; reason: string | null })
  | (At & { kind: "path"; names: [string, string, string] })
  | (At & { kind: "year"; year: number; comparing: boolean })
  | (At & { kind: "residue"; text: string })
  | (At & { kind: "unfilled"; text: string })
  | (At & { kind: "typo"; text: string; fix: string })
  | (At & { kind: "draft"; text: string })
  | (At & { kind: "unit"; name: string });

/** Residue of template instructions and unchosen alternatives that must never be published. */
export const RESIDUE =
  /X{2,}|×{2,}|某某|[（(]如持平作持平表述[)）]|[（(]不涉及的不列[)）]|按上述格式依次说明|[（(]或与(?:预算数|上年)?持平[)）]|大小于|大[（(]小[)）]于|增加[（(]减少[)）]|减少[（(]增加[)）]|增长[（(]下降[)）]|下降[（(]增长[)）]/g;
/** Blanks juesuan's own writer leaves for the clerk. */
export const UNFILLED = /【待填写[^】【]{0,200}】/g;
// "决支出" for 决算支出; "2023“三公”" with its 年 dropped
const TYPOS: [RegExp, (m: RegExpExecArray) => string][] = [
  [/(?<![解判表否裁坚先议对处自取])决(支出|情况|收入)/g, (m) => `决算${m[1]}`],
  [/((?:19|20)\d{2})(?=[“"]三公|三公|部门决算|决算)/g, (m) => `${m[1]}年`],
];
// words of a machine or a drafting aid left in the published text
const DRAFT = /根据(?:您)?提供的(?:数据|资料|信息)|作为(?:一个)?(?:AI|人工智能)|以下是根据|希望(?:以上|这些)(?:内容|信息)对您有/g;

// a town's or a street's government named in the text (the words before 人民政府/办事处): a report names its
// own, never another's
const UNIT = /([\u4e00-\u9fa5]{2,5}?(?:镇|乡|街道))$/;
// a 类（类）款（款）项（项） path; a name may hold a short bracket of its own: 政府办公厅（室）及相关机构事务
const NAME = String.raw`(?:[^\s，。；：:,;、\n（）()【】]|[（(](?!类|款|项)[^（）()]{1,3}[）)])`;
const PATH = new RegExp(`(${NAME}{1,30}?)[（(]类[）)](${NAME}{1,30}?)[（(]款[）)](${NAME}{1,40}?)[（(]项[）)]`);
const [PATH_BEFORE, PATH_AFTER] = [64, 160];

function* matches(re: RegExp, text: string): Generator<RegExpExecArray> {
  const g = new RegExp(re.source, re.flags.includes("g") ? re.flags : re.flags + "g");
  for (let m = g.exec(text); m; m = g.exec(text)) {
    yield m;
    if (m[0].length === 0) g.lastIndex++;
  }
}

/** Everything a narrative claims: its words, and its facts in claim form. `year` dates unnamed figures. */
export function readClaims(prose: Prose, year: number | null = null): Claim[] {
  return [...readWordClaims(prose.text), ...factClaims(readFacts(prose, year))].sort((a, b) => a.start - b.start);
}

// words that make an amount something other than the subject's own figure
const NOT_AN_AMOUNT = /(增加|减少|预算为|决算为|单价)$/;
const cleanLabel = (label: string) => label.replace(/^(其中|主要包括|包括)[:：]?/, "").replace(/(为|是|达)$/, "");

/** The words an amount is stated with ("本年收入合计"), or null when the figure is not an amount of its own. */
export function amountLabel(f: Fact): string | null {
  return f.measure === "actual" && f.fig.kind === "money" && !NOT_AN_AMOUNT.test(f.label) ? cleanLabel(f.label) : null;
}

/** A reading's facts as claims: each amount, share, change and 持平. */
export function factClaims(reading: Reading): Claim[] {
  const out: Claim[] = [];
  const { facts } = reading;
  facts.forEach((f, i) => {
    const at = { start: f.fig.start - f.label.length, end: f.fig.end };
    const label = amountLabel(f);
    if (label !== null) out.push({ kind: "amount", label, value: f.fig.value, ...at });
    const part = facts[i - 1];
    if (f.measure === "share" && part?.fig.kind === "money") {
      out.push({ kind: "share", label: cleanLabel(part.label), value: part.fig.value, share: f.fig.value, percent: f.fig.unit === "%", base: f.shareOf?.name ?? "", start: part.fig.start - part.label.length, end: f.fig.end });
    }
    if (f.measure === "delta" && f.fig.kind === "money") {
      const rate = [facts[i + 1], facts[i + 2]].find((r) => r?.measure === "rate" && r.group === f.group);
      out.push({ kind: "yoy", subject: f.subject?.name ?? "", more: f.dir !== -1, delta: f.fig.value, rateWord: rate ? (rate.dir === -1 ? "下降" : "增长") : null, rate: rate && !rate.fig.dash ? rate.fig.value : null, percent: rate?.fig.unit === "%", start: at.start, end: rate?.fig.end ?? at.end });
    }
  });
  for (const g of reading.groups.values()) if (g.flat) out.push({ kind: "flat", subject: g.subject?.name ?? "", ...g.flat });
  return out;
}

/** What a narrative says in words. */
export function readWordClaims(text: string): Claim[] {
  const claims: Claim[] = [];
  const at = (m: RegExpExecArray) => ({ start: m.index, end: m.index + m[0].length });
  for (const m of matches(/决算(?:数)?(大于|小于|等于)(上年决算数|上年|(?:年初|全年)?预算数?)(?:的)?(?:主要(?:原因|情况)(?:是|为)?[:：]?([^。\n]{0,200}))?/, text)) {
    const reason = m[3]?.trim() ?? null;
    claims.push({ kind: "compare", word: m[1] as "大于", against: m[2]!.includes("上年") ? "prior" : "budget", reason: reason || null, ...at(m) });
  }
  // a path is looked for only around a "（类）" marker, so the names' bounded runs are tried where they can end
  let done = 0;
  for (const marker of matches(/[（(]类[）)]/, text)) {
    if (marker.index < done) continue;
    const from = Math.max(done, marker.index - PATH_BEFORE);
    const m = PATH.exec(text.slice(from, marker.index + PATH_AFTER));
    if (!m) continue;
    const start = from + m.index;
    claims.push({ kind: "path", names: [m[1]!.replace(/^\d{1,2}[.、．]/, ""), m[2]!, m[3]!], start, end: start + m[0].length });
    done = start + m[0].length;
  }
  for (const m of matches(/((?:19|20)\d{2})年/, text)) {
    const before = text.slice(Math.max(0, m.index - 3), m.index);
    claims.push({ kind: "year", year: Number(m[1]), comparing: COMPARING.test(before), ...at(m) });
  }
  for (const m of matches(RESIDUE, text)) claims.push({ kind: "residue", text: m[0], ...at(m) });
  for (const m of matches(UNFILLED, text)) claims.push({ kind: "unfilled", text: m[0], ...at(m) });
  for (const [re, fix] of TYPOS) for (const m of matches(re, text)) claims.push({ kind: "typo", text: m[0], fix: fix(m), ...at(m) });
  for (const m of matches(DRAFT, text)) claims.push({ kind: "draft", text: m[0], ...at(m) });
  for (const m of matches(/人民政府|办事处/, text)) {
    const before = text.slice(Math.max(0, m.index - 8), m.index);
    const u = UNIT.exec(before);
    if (u) claims.push({ kind: "unit", name: u[1]!, start: m.index - before.length + u.index, end: m.index + m[0].length });
  }
  return claims.sort((a, b) => a.start - b.start);
}
