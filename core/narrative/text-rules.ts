// The rules a narrative must pass on its own besides its arithmetic (fact-rules.ts): budget comparisons in words,
// 科目 paths in the edition, years in comparison slots and headings, template residue, blanks and drafting slips.

import { nameKey } from "../codes/name-key.ts";
import { toHalfWidth } from "../fullwidth.ts";
import type { Edition } from "../codes/edition.ts";
import type { Findings, Severity } from "../rules/finding.ts";
import type { Claim } from "./claims.ts";
import { COMPARING } from "./words.ts";
import { type ValueTable, after, agree, signOf, sub } from "./fact-values.ts";
import type { Fact } from "./facts.ts";
import type { Prose } from "./prose.ts";
import { lastSubject } from "./subjects.ts";

export const NARRATIVE_RULES = {
  compare: "narrative.compare",
  reason: "narrative.reason",
  path: "narrative.path",
  year: "narrative.year",
  residue: "narrative.residue",
  unfilled: "narrative.unfilled",
  typo: "narrative.typo",
  draft: "narrative.draft-leftover",
  unitName: "narrative.unit-name",
} as const;

type Of<K extends Claim["kind"]> = Extract<Claim, { kind: K }>;

export interface TextContext {
  prose: Prose;
  claims: Claim[];
  year: number | null;
  edition: Edition | null;
  out: Findings;
  /** the facts read from the text, for comparisons said in words */
  facts: Fact[];
  values: ValueTable;
  used: Set<Fact>;
  sentenceStarts: number[];
}

const fmt = (d: { toFixed(n: number): string; scale: number }) => d.toFixed(Math.max(d.scale, 2));

function add(ctx: TextContext, rule: string, severity: Severity, claim: Claim, message: string, expected?: string, actual?: string): void {
  const line = ctx.prose.lineOf(claim.start);
  ctx.out.add({
    rule,
    severity,
    message,
    where: { line, excerpt: ctx.prose.excerpt(claim.start, claim.end) },
    related: [],
    ...(expected !== undefined ? { expected } : {}),
    ...(actual !== undefined ? { actual } : {}),
  });
}

/** Where the sentence holding `pos` starts. */
const sentenceOf = (ctx: TextContext, pos: number) => ctx.sentenceStarts[after(ctx.sentenceStarts, pos, (x) => x) - 1] ?? 0;

/** "决算数大于预算数": the word against the figures of the subject last named before it. */
function checkCompare(ctx: TextContext, c: Of<"compare">): void {
  const t = ctx.prose.text;
  const sentenceStart = sentenceOf(ctx, c.start);
  // the subject named in the comparison's own sentence, else the one last spoken of
  let subject = lastSubject(t.slice(Math.max(sentenceStart, c.start - 80), c.start), null)?.subject ?? null;
  for (let i = after(ctx.facts, c.start, (f) => f.fig.start) - 1; !subject && i >= 0; i--) subject = ctx.facts[i]!.subject;
  if (subject && ctx.year) {
    const period = ctx.year;
    const actual = ctx.values.at(subject.id, `actual@${period}`, c.start);
    const base = ctx.values.at(subject.id, c.against === "budget" ? `budget@${period}` : `actual@${period - 1}`, c.start);
    if (actual && base) {
      const s = signOf(sub(actual.iv, base.iv));
      const word = agree(actual.iv, base.iv) && s === 0 ? "等于" : s > 0 ? "大于" : s < 0 ? "小于" : null;
      for (const f of [...actual.from, ...base.from]) ctx.used.add(f);
      const against = c.against === "budget" ? "预算数" : "上年决算数";
      if (word && word !== c.word && !(c.word === "等于" && s === 0)) {
        add(ctx, NARRATIVE_RULES.compare, "error", c, `决算 ${fmt(actual.value)}、${against} ${fmt(base.value)}，应写“决算数${word}${against}”，文中写“${c.word}”`, word, c.word);
      }
    }
  }
  if (c.word !== "等于" && c.against === "budget" && (!c.reason || /^X+|^×+/.test(c.reason))) {
    add(ctx, NARRATIVE_RULES.reason, "warning", c, "决算数与预算数不同，但没有说明主要原因");
  }
}

function checkPath(ctx: TextContext, c: Of<"path">): void {
  const e = ctx.edition;
  if (!e) return ctx.out.skip(NARRATIVE_RULES.path, "没有报告年度的科目表，科目路径未核对");
  const [lei, kuan, xiang] = c.names;
  const byName = (name: string, level: string, parent: string) =>
    e.entries().filter((x) => x.level === level && x.code.startsWith(parent) && (nameKey(x.name) === nameKey(name) || x.formerNames?.some((n) => nameKey(n) === nameKey(name))));
  const cls = byName(lei, "类", "")[0];
  const partial = !e.isComplete("function");
  if (!cls) return add(ctx, NARRATIVE_RULES.path, partial ? "info" : "error", c, `“${lei}”不是 ${e.year} 年科目表中的类`);
  const k = byName(kuan, "款", cls.code)[0];
  if (!k) return add(ctx, NARRATIVE_RULES.path, partial ? "info" : "error", c, `“${kuan}”不是“${cls.name}”（${cls.code}）下的款`);
  const x = byName(xiang, "项", k.code)[0];
  if (!x) {
    const elsewhere = byName(xiang, "项", cls.code)[0] ?? byName(xiang, "项", "")[0];
    if (elsewhere) {
      return add(ctx, NARRATIVE_RULES.path, "error", c, `“${xiang}”不在“${k.name}”（${k.code}）下；该项为 ${elsewhere.code}（${e.path(elsewhere.code)?.map((p) => p.name).join("/")}）`, elsewhere.code);
    }
    return add(ctx, NARRATIVE_RULES.path, partial ? "info" : "error", c, `“${xiang}”不是“${k.name}”（${k.code}）下的项`);
  }
  for (const [given, entry] of [[lei, cls], [kuan, k], [xiang, x]] as const) {
    if (nameKey(given) !== nameKey(entry.name)) add(ctx, NARRATIVE_RULES.path, "warning", c, `“${given}”是 ${entry.code} 的旧名称，${e.year} 年为“${entry.name}”`, entry.name, given);
  }
}

/**
 * Years are checked where they must be one thing: in a comparison slot ("比 2020 年") the year compared with
 * must come before the year spoken of; in a heading, the year is the report's (or the next for a 预算). A year
 * named in a reason ("补缴 2021 年职业年金") is not checked.
 */
function checkYears(ctx: TextContext): void {
  const y = ctx.year!;
  const t = ctx.prose.text;
  for (const c of ctx.claims) {
    if (c.kind !== "year" || !c.comparing) continue;
    const sentenceStart = sentenceOf(ctx, c.start);
    const own = /((?:19|20)\d{2})年/.exec(t.slice(sentenceStart, c.start));
    const period = own && !COMPARING.test(t.slice(Math.max(sentenceStart, sentenceStart + own.index - 3), sentenceStart + own.index)) ? Number(own[1]) : y;
    if (c.year >= period) add(ctx, NARRATIVE_RULES.year, "error", c, `与 ${c.year} 年比较，但所述为 ${period} 年：比较的年份应早于 ${period} 年`, String(period - 1), String(c.year));
  }
  ctx.prose.lines.forEach((raw, i) => {
    // only a short line naming a year can be a heading with a year
    if (raw.length > 120 || !raw.includes("年")) return;
    const line = toHalfWidth(raw).replace(/\s+/g, "");
    if (line.length > 60 || /[，,。；;|｜]/.test(line) || !/情况|说明|公开|报告/.test(line)) return;
    for (const m of line.matchAll(/((?:19|20)\d{2})年/g)) {
      const year = Number(m[1]);
      if (year === y || (year === y + 1 && /预算/.test(line) && !/决算/.test(line)) || /比|较|与|对比/.test(line.slice(Math.max(0, m.index! - 3), m.index))) continue;
      ctx.out.add({
        rule: NARRATIVE_RULES.year,
        severity: "error",
        message: `标题中的年份 ${year} 与报告年度 ${y} 不符`,
        where: { line: i + 1, excerpt: line },
        related: [],
        expected: String(y),
        actual: String(year),
      });
    }
  });
}

/** The town whose report it is (named most often, the title first) and any other town's government named. */
function checkUnitNames(ctx: TextContext): void {
  const units = ctx.claims.filter((c): c is Of<"unit"> => c.kind === "unit");
  // "长寿湖镇" and "长寿区长寿湖镇" are one town: towns are told apart by the end of their names
  const keyOf = (name: string) => name.slice(name.endsWith("街道") ? -4 : -3);
  const counts = new Map<string, number>();
  for (const u of units) counts.set(keyOf(u.name), (counts.get(keyOf(u.name)) ?? 0) + 1);
  let own: string | null = null;
  for (const [key, n] of counts) if (own === null || n > counts.get(own)!) own = key;
  if (!own || counts.get(own)! < 2) return;
  for (const u of units) {
    if (keyOf(u.name) === own) continue;
    add(ctx, NARRATIVE_RULES.unitName, "warning", u, `本文是“${own}”的报告，此处却写“${keyOf(u.name)}”，疑为套用其他单位的文本`, own, keyOf(u.name));
  }
}

export function textRules(ctx: TextContext): void {
  for (const c of ctx.claims) {
    if (c.kind === "compare") checkCompare(ctx, c);
    else if (c.kind === "path") checkPath(ctx, c);
    else if (c.kind === "residue") add(ctx, NARRATIVE_RULES.residue, "error", c, `模板残留“${c.text}”，发布前应替换或删除`);
    else if (c.kind === "unfilled") add(ctx, NARRATIVE_RULES.unfilled, "warning", c, `尚未填写：${c.text}`);
    else if (c.kind === "typo") add(ctx, NARRATIVE_RULES.typo, "warning", c, `“${c.text}”疑为笔误，应为“${c.fix}”`, c.fix, c.text);
    else if (c.kind === "draft") add(ctx, NARRATIVE_RULES.draft, "warning", c, `“${c.text}”像是起草工具留下的话，不应出现在公开文本中`);
  }
  checkUnitNames(ctx);
  if (ctx.year) checkYears(ctx);
  else ctx.out.skip(NARRATIVE_RULES.year, "未能确定报告年度（可用 --year 指定），年份未核对");
}
