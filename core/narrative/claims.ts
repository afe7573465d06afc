// What a narrative claims, read out of its prose: amounts with what they are the amount of, year-on-year
// changes, completion rates, budget comparisons with their reasons, shares, 类（类）款（款）项（项） paths, years
// and template residue — each with where it stands, so a finding can quote it.

import type { Decimal } from "../decimal.ts";
import { NUM, parseNumber } from "./numbers.ts";
import type { Prose } from "./prose.ts";

interface At {
  start: number;
  end: number;
}

export type Claim =
  | (At & { kind: "amount"; label: string; value: Decimal })
  | (At & { kind: "yoy"; subject: string; more: boolean; delta: Decimal; rateWord: "增长" | "下降" | null; rate: Decimal | null; percent: boolean })
  | (At & { kind: "flat"; subject: string })
  | (At & { kind: "completion"; budget: Decimal; actual: Decimal; rate: Decimal | null })
  | (At & { kind: "compare"; word: "大于" | "小于" | "等于"; reason: string | null })
  | (At & { kind: "share"; label: string; value: Decimal; share: Decimal; percent: boolean; base: string })
  | (At & { kind: "path"; names: [string, string, string] })
  | (At & { kind: "year"; year: number; comparing: boolean })
  | (At & { kind: "residue"; text: string })
  | (At & { kind: "unfilled"; text: string });

const DELIM = "，。；：:,;、\\n（(）)";
// a label may carry "（境）" (因公出国（境）费) but no other bracket
const LABEL = `(?:[^${DELIM}]|[（(]境[）)]){1,40}?`;

/** Residue of template instructions that must never be published. */
export const RESIDUE = /X{2,}|×{2,}|某某|（如持平作持平表述）|\(如持平作持平表述\)|（不涉及的不列）|\(不涉及的不列\)|按上述格式依次说明/g;
/** Blanks juesuan's own writer leaves for the clerk. */
export const UNFILLED = /【待填写[^】]*】/g;

function* matches(re: RegExp, text: string): Generator<RegExpExecArray> {
  const g = new RegExp(re.source, re.flags.includes("g") ? re.flags : re.flags + "g");
  for (let m = g.exec(text); m; m = g.exec(text)) {
    yield m;
    if (m[0].length === 0) g.lastIndex++;
  }
}

const cleanLabel = (label: string) => label.replace(/^(其中|主要包括|包括)[:：]?/, "").replace(/(为|是|达)$/, "");

export function readClaims(prose: Prose): Claim[] {
  const t = prose.text;
  const claims: Claim[] = [];
  const at = (m: RegExpExecArray) => ({ start: m.index, end: m.index + m[0].length });

  // a 类 is written "一般公共服务支出（类）12.34 万元": the marker belongs to the label
  for (const m of matches(new RegExp(`(${LABEL}(?:[（(]类[）)])?)(${NUM})万元(?:[，,]?占([^${DELIM}%\\d]{0,12}?)(${NUM})(%?))?`), t)) {
    const label = cleanLabel(m[1]!);
    const value = parseNumber(m[2]!);
    if (m[4] !== undefined) {
      claims.push({ kind: "share", label, value, share: parseNumber(m[4]), percent: m[5] === "%", base: m[3]!.replace(/的$/, ""), ...at(m) });
    }
    // "单价 100 万元（含）以上设备" is a threshold, not an amount
    else if (!/(增加|减少|预算为|决算为|单价)$/.test(m[1]!)) claims.push({ kind: "amount", label, value, ...at(m) });
  }
  for (const m of matches(new RegExp(`([^${DELIM}]{0,30}?)(增加|减少)(${NUM})万元(?:[，,]?(增长|下降)(${NUM})(%?))?`), t)) {
    claims.push({
      kind: "yoy",
      subject: m[1]!,
      more: m[2] === "增加",
      delta: parseNumber(m[3]!),
      rateWord: (m[4] as "增长" | "下降" | undefined) ?? null,
      rate: m[5] ? parseNumber(m[5]) : null,
      percent: m[6] === "%",
      ...at(m),
    });
  }
  for (const m of matches(new RegExp(`([^${DELIM}]{0,30}?)(?:与上年)?持平`), t)) claims.push({ kind: "flat", subject: m[1]!, ...at(m) });
  for (const m of matches(
    new RegExp(`年初预算(?:数)?为(${NUM})万元[，,]?(?:支出)?决算(?:数)?为(${NUM})万元(?:[，,]?完成(?:年初)?预算的(${NUM})%?)?`),
    t,
  )) {
    claims.push({ kind: "completion", budget: parseNumber(m[1]!), actual: parseNumber(m[2]!), rate: m[3] ? parseNumber(m[3]) : null, ...at(m) });
  }
  for (const m of matches(/决算数(大于|小于|等于)(?:年初)?预算数(?:的)?(?:主要原因(?:是)?[:：]?([^。\n]*))?/, t)) {
    const reason = m[2]?.trim() ?? null;
    claims.push({ kind: "compare", word: m[1] as "大于", reason: reason || null, ...at(m) });
  }
  // a name may hold a short bracket of its own: 政府办公厅（室）及相关机构事务
  const name = String.raw`(?:[^\s，。；：:,;、\n（）()【】]|[（(](?!类|款|项)[^（）()]{1,3}[）)])`;
  for (const m of matches(new RegExp(`(${name}{1,30}?)[（(]类[）)](${name}{1,30}?)[（(]款[）)](${name}{1,40}?)[（(]项[）)]`), t)) {
    claims.push({ kind: "path", names: [m[1]!, m[2]!, m[3]!], ...at(m) });
  }
  for (const m of matches(/(20\d{2})年/, t)) {
    const around = t.slice(Math.max(0, m.index - 8), m.index + 14);
    claims.push({ kind: "year", year: Number(m[1]), comparing: /相比|比上年|上年|较|比/.test(around), ...at(m) });
  }
  for (const m of matches(RESIDUE, t)) claims.push({ kind: "residue", text: m[0], ...at(m) });
  for (const m of matches(UNFILLED, t)) claims.push({ kind: "unfilled", text: m[0], ...at(m) });
  return claims.sort((a, b) => a.start - b.start);
}
