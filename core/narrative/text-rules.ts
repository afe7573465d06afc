// The rules a narrative must pass on its own (rules.md "Arithmetic inside the narrative"): year-on-year
// changes, completion rates and budget wording, shares and enumerations, 科目 paths in the edition, years,
// template residue. Rounding-only differences are info at most.

import { nameKey } from "../codes/name-key.ts";
import type { Edition } from "../codes/edition.ts";
import { Decimal, sum } from "../decimal.ts";
import { type Interval, judgeSum } from "../rounding.ts";
import type { Findings, Severity } from "../rules/finding.ts";
import type { Claim } from "./claims.ts";
import { bounds, judgeRate, rangeOf } from "./intervals.ts";
import type { Prose } from "./prose.ts";

export const NARRATIVE_RULES = {
  yoy: "narrative.yoy",
  completion: "narrative.completion",
  compare: "narrative.compare",
  reason: "narrative.reason",
  share: "narrative.share",
  enumeration: "narrative.enumeration",
  parts: "narrative.parts",
  percentSign: "narrative.percent-sign",
  path: "narrative.path",
  year: "narrative.year",
  residue: "narrative.residue",
  unfilled: "narrative.unfilled",
} as const;

type Of<K extends Claim["kind"]> = Extract<Claim, { kind: K }>;

export interface TextContext {
  prose: Prose;
  claims: Claim[];
  year: number | null;
  edition: Edition | null;
  out: Findings;
}

const fmt = (d: Decimal) => d.toFixed(Math.max(d.scale, 2));

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

/**
 * The amount a change or a share refers to: before it in the same paragraph, the amount whose label is the
 * subject named (when one is), else the nearest (for a change, an amount stated with its share counts too).
 */
export function amountBefore(ctx: TextContext, claim: Claim, within = 160, withShares = false, subject = ""): Of<"amount"> | Of<"share"> | null {
  const para = ctx.prose.text.lastIndexOf("\n", claim.start);
  const key = nameKey(subject);
  let nearest: Of<"amount"> | Of<"share"> | null = null;
  for (let i = ctx.claims.indexOf(claim) - 1; i >= 0; i--) {
    const c = ctx.claims[i]!;
    if (c.start < para || claim.start - c.start > within) break;
    if (c.kind === "amount" || (withShares && c.kind === "share")) {
      if (!key || nameKey(c.label).endsWith(key)) return c;
      nearest ??= c;
    }
  }
  return key ? nearest : null;
}

/** The base a lone share names ("占本年支出合计的 86.72%"): the last amount so labelled anywhere before it. */
function namedBase(ctx: TextContext, s: Of<"share">): Of<"amount"> | null {
  const key = nameKey(s.base);
  if (!key) return null;
  for (let i = ctx.claims.indexOf(s) - 1; i >= 0; i--) {
    const c = ctx.claims[i]!;
    if (c.kind === "amount" && nameKey(c.label).endsWith(key)) return c;
  }
  return null;
}

function checkYoy(ctx: TextContext, c: Of<"yoy">): void {
  const words = `${c.more ? "增加" : "减少"}…${c.rateWord ?? ""}`;
  if (c.rateWord && (c.rateWord === "增长") !== c.more) {
    add(ctx, NARRATIVE_RULES.yoy, "error", c, `增减方向不一致：“${words}”（增加应配增长，减少应配下降）`);
    return;
  }
  if (c.rate !== null && !c.percent) add(ctx, NARRATIVE_RULES.percentSign, "warning", c, `增长率 ${fmt(c.rate)} 缺少“%”`);
  if (c.delta.isZero()) {
    if (c.rate !== null && !c.rate.isZero()) add(ctx, NARRATIVE_RULES.yoy, "error", c, `变动额为 0 却写了变动率 ${fmt(c.rate)}%，应表述为“持平”`, "持平", `${fmt(c.rate)}%`);
    else add(ctx, NARRATIVE_RULES.yoy, "warning", c, "变动额为 0，应表述为“持平”", "持平");
    return;
  }
  if (c.rate === null) return;
  const current = amountBefore(ctx, c, 240, true, c.subject.replace(/^.*相比[，,]?/, ""));
  if (!current) return ctx.out.skip(NARRATIVE_RULES.yoy, `第 ${ctx.prose.lineOf(c.start)} 行的增减率找不到对应的本年数，未能复算`);
  const C = bounds(current.value);
  const D = bounds(c.delta);
  const prior = c.more ? current.value.sub(c.delta) : current.value.add(c.delta);
  if (prior.isZero() || prior.sign < 0) {
    add(ctx, NARRATIVE_RULES.yoy, "warning", c, `上年数为 ${fmt(prior)}，增长率无意义，应表述为新增（不写“增长 ${fmt(c.rate)}%”）`);
    return;
  }
  // prior = C − Δ (增加) or C + Δ (减少); the rate grows with Δ and falls with C
  const den = c.more ? rangeOf(C.lo.v.sub(D.hi.v), C.hi.v.sub(D.lo.v)) : rangeOf(C.lo.v.add(D.lo.v), C.hi.v.add(D.hi.v));
  if (den.lo.v.sign <= 0) return;
  report(ctx, NARRATIVE_RULES.yoy, c, c.rate, D, den, `${c.rateWord}率`, `本年 ${fmt(current.value)} 万元、${c.more ? "增加" : "减少"} ${fmt(c.delta)} 万元`);
}

/** A stated rate against num ÷ den re-derived: nothing when exact, info for rounding or cutting, else an error. */
function report(ctx: TextContext, rule: string, c: Claim, stated: Decimal, num: Interval, den: Interval, what: string, from: string): void {
  const j = judgeRate(stated, num, den);
  const [expected, actual] = [`${fmt(j.expected)}%`, `${fmt(stated)}%`];
  if (j.verdict === "rounding") add(ctx, rule, "info", c, `${what}写作 ${actual}，按${from}复算为 ${expected}，差异在四舍五入范围内`, expected, actual);
  else if (j.verdict === "truncated") add(ctx, rule, "info", c, `${what}写作 ${actual}，应四舍五入为 ${expected}（疑为截尾）`, expected, actual);
  else if (j.verdict === "wrong") add(ctx, rule, "error", c, `${what}写作 ${actual}，按${from}应为 ${expected}`, expected, actual);
}

function checkCompletion(ctx: TextContext, c: Of<"completion">): void {
  const { budget: B, actual: A } = c;
  if (c.rate !== null) {
    if (B.isZero()) add(ctx, NARRATIVE_RULES.completion, "warning", c, `年初预算为 0，完成率无意义，不应写“完成年初预算的 ${fmt(c.rate)}%”`);
    else report(ctx, NARRATIVE_RULES.completion, c, c.rate, bounds(A), bounds(B), "完成率", `决算 ${fmt(A)} ÷ 预算 ${fmt(B)}`);
  }
  const next = ctx.claims.slice(ctx.claims.indexOf(c) + 1).find((x) => x.kind === "compare" || x.kind === "completion");
  if (!next || next.kind !== "compare" || next.start - c.end > 120) return;
  const actualWord = A.cmp(B) > 0 ? "大于" : A.cmp(B) < 0 ? "小于" : "等于";
  if (next.word !== actualWord) {
    add(ctx, NARRATIVE_RULES.compare, "error", next, `决算 ${fmt(A)} 万元、预算 ${fmt(B)} 万元，应写“决算数${actualWord}预算数”，文中写“${next.word}”`, actualWord, next.word);
  }
  if (actualWord !== "等于" && (!next.reason || /^X+|^×+/.test(next.reason))) {
    add(ctx, NARRATIVE_RULES.reason, "warning", next, "决算数与预算数不同，但没有说明主要原因");
  }
}

/** Shares in one run ("其中：A x 万元，占 p%；B …") against the total stated just before the run. */
function checkShares(ctx: TextContext): void {
  const shares = ctx.claims.filter((c): c is Of<"share"> => c.kind === "share");
  const runs: Of<"share">[][] = [];
  for (const s of shares) {
    const last = runs.at(-1)?.at(-1);
    const between = last ? ctx.prose.text.slice(last.end, s.start) : "";
    if (last && between.length <= 4 && !between.includes("。") && !between.includes("\n")) runs.at(-1)!.push(s);
    else runs.push([s]);
  }
  for (const run of runs) {
    for (const s of run) if (!s.percent) add(ctx, NARRATIVE_RULES.percentSign, "warning", s, `占比 ${fmt(s.share)} 缺少“%”`);
    const total = (run.length === 1 ? namedBase(ctx, run[0]!) : null) ?? (amountBefore(ctx, run[0]!, 80) as Of<"amount"> | null);
    if (!total || total.value.sign <= 0) {
      ctx.out.skip(NARRATIVE_RULES.share, `第 ${ctx.prose.lineOf(run[0]!.start)} 行的占比找不到其基数，未能复算`);
      continue;
    }
    for (const s of run) report(ctx, NARRATIVE_RULES.share, s, s.share, bounds(s.value), bounds(total.value), `“${s.label}”占比`, `${fmt(s.value)} ÷ ${fmt(total.value)}`);
    if (run.length < 2) continue;
    const parts = judgeSum(total.value, run.map((s) => s.value), Math.max(...run.map((s) => s.value.scale), total.value.scale));
    if (parts.verdict === "mismatch") {
      add(ctx, NARRATIVE_RULES.enumeration, "warning", total, `“${total.label}”${fmt(total.value)} 万元，所列各项之和为 ${fmt(parts.expected)} 万元（若有未列项目请补充）`, fmt(parts.expected), fmt(total.value));
    }
    const percents = judgeSum(Decimal.fromInt(100), run.map((s) => s.share), 2);
    if (percents.verdict === "mismatch" && parts.verdict !== "mismatch") {
      add(ctx, NARRATIVE_RULES.enumeration, "warning", run[0]!, `所列占比之和为 ${fmt(sum(run.map((s) => s.share)))}%，不是 100%`, "100.00%", `${fmt(sum(run.map((s) => s.share)))}%`);
    }
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

function checkYear(ctx: TextContext, c: Of<"year">): void {
  const y = ctx.year!;
  if (c.year === y) return;
  if (c.year === y - 1) {
    if (!c.comparing) add(ctx, NARRATIVE_RULES.year, "warning", c, `${c.year} 年是上年，此处并非与上年比较，请核对年份（报告年度 ${y}）`, String(y), String(c.year));
    return;
  }
  add(ctx, NARRATIVE_RULES.year, "error", c, `年份 ${c.year} 与报告年度 ${y} 不符`, String(y), String(c.year));
}

/**
 * "X 万元。其中：A a 万元…；B b 万元…。" — the parts named after a whole: more than the whole is an error; less is a
 * warning (a list may leave parts out). Lists with shares are the enumerations checked above.
 */
function checkParts(ctx: TextContext): void {
  const t = ctx.prose.text;
  ctx.claims.forEach((whole, i) => {
    if (whole.kind !== "amount" || !/^[，,。；;]?其中[:：]/.test(t.slice(whole.end, whole.end + 4))) return;
    const stop = t.indexOf("。", t.indexOf("其中", whole.end) + 3);
    const parts = ctx.claims.slice(i + 1).filter((c): c is Of<"amount"> => c.kind === "amount" && c.start > whole.end && (stop < 0 || c.end <= stop + 1));
    if (parts.length < 2 || ctx.claims.slice(i + 1).some((c) => c.kind === "share" && c.start > whole.end && (stop < 0 || c.end <= stop + 1))) return;
    const sum = judgeSum(whole.value, parts.map((p) => p.value), 2);
    if (sum.verdict !== "mismatch") return;
    const over = sum.expected.cmp(whole.value) > 0;
    add(
      ctx,
      NARRATIVE_RULES.parts,
      over ? "error" : "warning",
      whole,
      `“${whole.label}”${fmt(whole.value)} 万元，其中所列各项之和为 ${fmt(sum.expected)} 万元${over ? "，超过了总数" : "（若有未列项目请补充）"}`,
      fmt(sum.expected),
      fmt(whole.value),
    );
  });
}

export function textRules(ctx: TextContext): void {
  for (const c of ctx.claims) {
    if (c.kind === "yoy") checkYoy(ctx, c);
    else if (c.kind === "completion") checkCompletion(ctx, c);
    else if (c.kind === "path") checkPath(ctx, c);
    else if (c.kind === "year" && ctx.year) checkYear(ctx, c);
    else if (c.kind === "residue") add(ctx, NARRATIVE_RULES.residue, "error", c, `模板残留“${c.text}”，发布前应替换或删除`);
    else if (c.kind === "unfilled") add(ctx, NARRATIVE_RULES.unfilled, "warning", c, `尚未填写：${c.text}`);
  }
  if (!ctx.year) ctx.out.skip(NARRATIVE_RULES.year, "未能确定报告年度（可用 --year 指定），年份未核对");
  checkShares(ctx);
  checkParts(ctx);
}
