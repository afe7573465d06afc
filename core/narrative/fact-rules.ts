// The rules on a text's facts, judged by rounding interval on each figure's printed precision: changes and their
// rates (direction words, 持平, a zero base), completion rates, shares of their base, parts adding up to their
// whole, totals that must be equal. A rounding-only difference is info; what is not certain is a warning.

import type { Decimal } from "../decimal.ts";
import { type Interval, sumIntervals } from "../rounding.ts";
import type { Findings, Severity } from "../rules/finding.ts";
import type { Fact, Group, Reading } from "./facts.ts";
import { type Value, ValueTable, absIv, after, agree, plus, sideKey, signOf, stated, statedTable, sub } from "./fact-values.ts";
import { judgeRate } from "./intervals.ts";
import type { Prose } from "./prose.ts";
import { EQUALS, IN_HIERARCHY, PARTS, subjectById } from "./subjects.ts";

export const FACT_RULES = {
  yoy: "narrative.yoy",
  completion: "narrative.completion",
  share: "narrative.share",
  parts: "narrative.parts",
  percentSign: "narrative.percent-sign",
  direction: "narrative.direction-missing",
  totals: "narrative.totals-equal",
  balance: "narrative.carryover",
  restated: "narrative.restated",
} as const;

export interface FactContext {
  prose: Prose;
  reading: Reading;
  out: Findings;
  /** every fact some check used */
  used: Set<Fact>;
}

const fmt = (d: Decimal) => d.toFixed(Math.max(d.scale, 2));
const unitOf = (f: Fact) => (f.fig.kind === "money" ? " 万元" : f.fig.unit);

function add(ctx: FactContext, rule: string, severity: Severity, at: { start: number; end: number }, message: string, expected?: string, actual?: string): void {
  ctx.out.add({
    rule,
    severity,
    message,
    where: { line: ctx.prose.lineOf(at.start), excerpt: ctx.prose.excerpt(at.start, at.end) },
    related: [],
    ...(expected !== undefined ? { expected } : {}),
    ...(actual !== undefined ? { actual } : {}),
  });
}

const span = (facts: Fact[]) => ({ start: Math.min(...facts.map((f) => f.fig.start)), end: Math.max(...facts.map((f) => f.fig.end)) });

/** A stated rate against num ÷ den: nothing when exact, info within rounding, a warning when cut, else an error. */
function judge(ctx: FactContext, rule: string, rate: Fact, num: Interval, den: Interval, what: string, from: string, around: Fact[]): void {
  if (den.lo.v.sign <= 0) return;
  const stated = rate.fig.value.abs();
  const numAbs = absIv(num);
  const j = judgeRate(stated, numAbs, den);
  for (const f of [rate, ...around]) ctx.used.add(f);
  const [expected, actual] = [`${fmt(j.expected)}%`, `${fmt(stated)}%`];
  const at = span([rate, ...around.filter((f) => f.sentence === rate.sentence)]);
  if (j.verdict === "rounding") add(ctx, rule, "info", at, `${what}写作 ${actual}，按${from}复算为 ${expected}，差异在四舍五入范围内`, expected, actual);
  else if (j.verdict === "truncated") add(ctx, rule, "warning", at, `${what}写作 ${actual}，按${from}应四舍五入为 ${expected}（疑为截尾）`, expected, actual);
  else if (j.verdict === "wrong") add(ctx, rule, "error", at, `${what}写作 ${actual}，按${from}应为 ${expected}`, expected, actual);
}


const WORD = (dir: number, money: boolean) => (dir > 0 ? (money ? "增加" : "增长") : money ? "减少" : "下降");

function checkGroup(ctx: FactContext, table: ValueTable, deltas: ValueTable, g: Group, members: Fact[]): void {
  const delta = members.find((f) => f.measure === "delta");
  const rate = members.find((f) => f.measure === "rate");
  const given = members.find((f) => (f.measure === "prior" || f.measure === "budget") && f.side);
  const first = members[0] ?? null;
  const at = first ? first.fig.start : g.flat!.start;
  if (members.some((f) => f.unresolved)) return;
  const subject = g.subject?.id;
  if (!subject) return;
  const count = (delta ?? given)?.fig.kind === "count";
  const prefix = count ? "n:" : "";
  const curKey = prefix + sideKey(g.cur);
  const baseKey = prefix + sideKey(g.base);
  const cur = table.at(subject, curKey, at, 0);
  // a base derived before the current figure was stated belongs to another scope (全州, then 州本级)
  const found = given ? stated(given, baseKey) : table.at(subject, baseKey, at, 0);
  const base = found && found.derived && cur && found.pos < cur.pos ? null : found;
  const baseWord = g.base.kind === "budget" ? "预算数" : "上年数";

  if (delta && delta.dir === 0) {
    const word = rate?.dir ? WORD(rate.dir, true) : "增加/减少";
    add(ctx, FACT_RULES.direction, "warning", span([delta]), `变动额 ${fmt(delta.fig.value)}${unitOf(delta)} 前缺少“增加/减少”，应写明方向（如“${word}”）`);
    ctx.used.add(delta);
  }
  const dir = delta?.dir || rate?.dir || 0;
  // the change as stated, for the identities among changes (the amount's own word decides its sign)
  if (delta?.dir) deltas.add({ subject, key: `${curKey}-${baseKey}`, value: delta.dir < 0 ? delta.fig.value.neg() : delta.fig.value, iv: signedDelta(delta, delta.dir), pos: delta.fig.start, from: [delta], derived: false });
  if (delta?.dir && rate?.dir && delta.dir !== rate.dir) {
    add(ctx, FACT_RULES.yoy, "error", span([delta, rate]), `增减方向不一致：“${WORD(delta.dir, true)}…${WORD(rate.dir, false)}”（增加应配增长，减少应配下降）`);
    ctx.used.add(delta).add(rate);
    return;
  }
  const zeroDelta = delta && delta.fig.value.isZero() && delta.dir !== 0;
  const zeroRate = !delta && rate && !rate.fig.dash && rate.fig.value.isZero() && rate.dir;
  if (zeroDelta || zeroRate) {
    ctx.used.add((delta ?? rate)!);
    if (rate && !rate.fig.dash && !rate.fig.value.isZero()) {
      add(ctx, FACT_RULES.yoy, "error", span([delta!, rate]), `变动额为 0 却写了变动率 ${fmt(rate.fig.value)}%，应表述为“持平”`, "持平", `${fmt(rate.fig.value)}%`);
    } else add(ctx, FACT_RULES.yoy, "warning", span(rate ? [(delta ?? rate)!, rate] : [(delta ?? rate)!]), `变动为 0，却写作“${WORD(dir, true)}”，应表述为“持平”（或“无增减”）`, "持平");
    if (rate) ctx.used.add(rate);
    if (cur && delta) table.add({ ...cur, key: baseKey, pos: delta.fig.start, from: [...cur.from, delta], derived: true });
    return;
  }

  if (cur && base) {
    const diff = sub(cur.iv, base.iv);
    const around = [...cur.from, ...base.from].filter((f) => f.sentence === first?.sentence);
    if (g.flat && !delta && !rate) {
      for (const f of [...cur.from, ...base.from]) ctx.used.add(f);
      deltas.add({ subject, key: `${curKey}-${baseKey}`, value: cur.value.sub(cur.value), iv: sub(cur.iv, base.iv), pos: g.flat.start, from: [...cur.from, ...base.from], derived: true });
      if (!agree(cur.iv, base.iv)) {
        add(ctx, FACT_RULES.yoy, "error", g.flat, `写作“持平”，但本数 ${fmt(cur.value)}、${baseWord} ${fmt(base.value)} 不相等`, fmt(base.value), fmt(cur.value));
      }
      return;
    }
    if (delta) {
      const d = dir || signOf(diff);
      const signedIv = d < 0 ? { lo: { ...delta.fig.iv.hi, v: delta.fig.iv.hi.v.neg() }, hi: { ...delta.fig.iv.lo, v: delta.fig.iv.lo.v.neg() } } : delta.fig.iv;
      for (const f of [delta, ...cur.from, ...base.from]) ctx.used.add(f);
      if (!agree(diff, signedIv)) {
        const expectedDelta = cur.value.sub(base.value);
        const word = expectedDelta.sign < 0 ? "减少" : "增加";
        add(ctx, FACT_RULES.yoy, "error", span([delta, ...around]), `按本数 ${fmt(cur.value)}、${baseWord} ${fmt(base.value)}，应为${word} ${fmt(expectedDelta.abs())}${unitOf(delta)}，文中写${dir ? WORD(dir, true) : ""} ${fmt(delta.fig.value)}${unitOf(delta)}`, `${word}${fmt(expectedDelta.abs())}`, `${dir ? WORD(dir, true) : ""}${fmt(delta.fig.value)}`);
        return;
      }
    }
    if (rate && !rate.fig.dash) {
      const s = signOf(diff);
      if (rate.dir && s !== 0 && s !== rate.dir) {
        add(ctx, FACT_RULES.yoy, "error", span([rate]), `本数 ${fmt(cur.value)}、${baseWord} ${fmt(base.value)}，应为${WORD(s, false)}，文中写“${WORD(rate.dir, false)}”`);
        ctx.used.add(rate);
        return;
      }
      judge(ctx, FACT_RULES.yoy, rate, delta ? delta.fig.iv : diff, base.iv, `${WORD(dir || s, false)}率`, `本数 ${fmt(cur.value)}、${baseWord} ${fmt(base.value)}`, [...cur.from, ...base.from, ...(delta ? [delta] : [])]);
    }
    if (!delta?.dir && (delta || rate)) deltas.add({ subject, key: `${curKey}-${baseKey}`, value: cur.value.sub(base.value), iv: diff, pos: at, from: [], derived: true });
    return;
  }

  if (cur && (delta || g.flat)) {
    // the base the change implies: current − Δ (or the current itself when 持平)
    const implied = delta && dir ? sub(cur.iv, signedDelta(delta, dir)) : cur.iv;
    const value = delta && dir ? cur.value.sub(dir < 0 ? delta.fig.value.neg() : delta.fig.value) : cur.value;
    table.add({ subject, key: baseKey, value, iv: implied, pos: (delta ?? first)?.fig.start ?? at, from: [...cur.from, ...(delta ? [delta] : [])], derived: true });
    if (!delta) return;
    if (!rate) return;
    if (signOf(implied) <= 0) {
      if (!rate.fig.dash && !rate.fig.value.isZero() && value.sign <= 0) {
        add(ctx, FACT_RULES.yoy, "warning", span([delta, rate]), `${baseWord}为 ${fmt(value)}，变动率无意义，应表述为“新增”（不写“${WORD(dir, false)} ${fmt(rate.fig.value)}%”）`);
      }
      ctx.used.add(rate).add(delta);
      return;
    }
    if (rate.fig.dash) return void ctx.used.add(rate);
    judge(ctx, FACT_RULES.yoy, rate, delta.fig.iv, implied, `${WORD(dir, false)}率`, `本数 ${fmt(cur.value)}、${WORD(dir, true)} ${fmt(delta.fig.value)}${unitOf(delta)}`, [...cur.from, delta]);
    return;
  }
  if (base && delta && dir) {
    table.add({ subject, key: curKey, value: base.value.add(dir < 0 ? delta.fig.value.neg() : delta.fig.value), iv: plus(base.iv, signedDelta(delta, dir)), pos: delta.fig.start, from: [...base.from, delta], derived: true });
    if (rate && !rate.fig.dash && signOf(base.iv) > 0) judge(ctx, FACT_RULES.yoy, rate, delta.fig.iv, base.iv, `${WORD(dir, false)}率`, `${baseWord} ${fmt(base.value)}、${WORD(dir, true)} ${fmt(delta.fig.value)}${unitOf(delta)}`, [...base.from, delta]);
  }
}

function signedDelta(delta: Fact, dir: number): Interval {
  const iv = delta.fig.iv;
  return dir < 0 ? { lo: { ...iv.hi, v: iv.hi.v.neg() }, hi: { ...iv.lo, v: iv.lo.v.neg() } } : iv;
}

function checkCompletion(ctx: FactContext, table: ValueTable, f: Fact, facts: Fact[], i: number): void {
  if (!f.subject || f.unresolved) return;
  const key = `actual@${f.period}`;
  // "完成全年预算 5.3 万元的 38.1%": the budget stated just before, else the subject's budget
  const prev = facts[i - 1];
  const budget = prev && prev.sentence === f.sentence && prev.measure === "budget" && prev.subject?.id === f.subject.id ? stated(prev, "") : table.at(f.subject.id, `budget@${f.period}`, f.fig.start, 0);
  const actual = table.at(f.subject.id, key, f.fig.start, 0);
  if (!budget || !actual) return;
  for (const x of [f, ...budget.from, ...actual.from]) ctx.used.add(x);
  const rule = FACT_RULES.completion;
  if (signOf(budget.iv) <= 0) {
    const zero = (f.fig.dash || f.fig.value.isZero()) && actual.value.isZero();
    if (!zero) add(ctx, rule, "warning", span([f, ...budget.from]), `年初预算为 0（未安排预算），完成率无意义，不应写“完成预算的 ${fmt(f.fig.value)}%”`);
    return;
  }
  if (f.fig.dash) return;
  if (f.measure === "diffrate") {
    const diff = sub(actual.iv, budget.iv);
    const s = signOf(diff);
    if (s !== 0 && f.fig.value.sign !== 0 && f.fig.value.sign !== s) {
      add(ctx, rule, "error", span([f]), `决算 ${fmt(actual.value)}、预算 ${fmt(budget.value)}，差异率应为${s < 0 ? "负" : "正"}数`);
      return;
    }
    judge(ctx, rule, f, diff, budget.iv, "预决算差异率", `（决算 ${fmt(actual.value)} − 预算 ${fmt(budget.value)}）÷ 预算`, [...actual.from, ...budget.from]);
    return;
  }
  judge(ctx, rule, f, actual.iv, budget.iv, "完成率", `决算 ${fmt(actual.value)} ÷ 预算 ${fmt(budget.value)}`, [...actual.from, ...budget.from]);
}

function checkShare(ctx: FactContext, table: ValueTable, f: Fact, facts: Fact[], i: number, heads: Map<number, Fact>): void {
  if (!f.fig.dash && f.fig.kind === "bare") {
    // a rate at the very end of a saved page may have lost its "%" to the cut, not to the writer
    if (f.fig.end < ctx.prose.text.length - 1) add(ctx, FACT_RULES.percentSign, "warning", span([f]), `占比 ${fmt(f.fig.value)} 缺少“%”`);
  }
  const part = facts[i - 1];
  if (!part || part.sentence !== f.sentence || part.fig.kind !== "money" || part.measure !== "actual" || !part.subject) return;
  let whole = f.shareOf && f.shareOf.id !== part.subject.id ? table.at(f.shareOf.id, `actual@${part.period}`, f.fig.start, 0) : null;
  if (!whole && !f.shareOf) {
    // no list opener: the first amount of the sentence is the whole ("X 万元，主要用于：A a 万元，占 p%")
    const head = heads.get(f.sentence);
    if (head && head !== part && head.subject?.id !== part.subject.id) whole = stated(head, "");
  }
  if (!whole || signOf(whole.iv) <= 0) return;
  judge(ctx, FACT_RULES.share, f, part.fig.iv, whole.iv, `“${part.subject.name}”占比`, `${fmt(part.fig.value)} ÷ ${fmt(whole.value)}`, [part, ...whole.from]);
}

/** A part's value: stated, or the sum of its own parts when each of them is known. */
function partValue(table: ValueTable, whole: string, subject: string, key: string, lo: number, hi: number, anchor: number): Value | null {
  // a part listed under another whole ("财政拨款基本支出…其中：人员经费") is not a part of this one
  const list = table.between(subject, key, lo, hi);
  const fits = (v: Value) => !v.from.some((f) => f.listOf && f.listOf.subject?.id !== whole);
  const split = after(list, anchor, (v) => v.pos);
  let found: Value | null = null;
  for (let i = split - 1; i >= 0 && !found; i--) if (fits(list[i]!)) found = list[i]!;
  for (let i = split; i < list.length && !found; i++) if (fits(list[i]!)) found = list[i]!;
  if (found) return found;
  const rule = PARTS.find((p) => p.whole === subject);
  if (!rule) return null;
  const parts = rule.parts.map((p) => partValue(table, whole, p, key, lo, hi, anchor));
  if (parts.some((p) => !p)) return null;
  const ps = parts as Value[];
  return { subject, key, value: ps.reduce((a, p) => a.add(p.value), ps[0]!.value.sub(ps[0]!.value)), iv: sumIntervals(ps.map((p) => p.iv)), pos: Math.max(...ps.map((p) => p.pos)), from: ps.flatMap((p) => p.from), derived: true };
}

function checkIdentities(ctx: FactContext, tables: ValueTable[], reported: Set<Fact>): void {
  const seen = new Set<string>();
  for (const table of tables) {
    for (const key of table.keys()) {
      for (const rule of PARTS) {
        const wholes = table.all(rule.whole, key);
        wholes.forEach((w, k) => {
          const lo = wholes[k - 1]?.pos ?? -1;
          const hi = wholes[k + 1]?.pos ?? Number.MAX_SAFE_INTEGER;
          const parts = rule.parts.map((p) => partValue(table, rule.whole, p, key, lo, hi, w.pos));
          const known = parts.filter((p): p is Value => p !== null);
          if (!known.length) return;
          // derived figures far apart are too uncertain to judge
          if ([w, ...known].some((v) => v.derived) && new Set([w, ...known].map((v) => ctx.prose.lineOf(v.pos))).size > 1) return;
          const total = sumIntervals(known.map((p) => p.iv));
          const complete = known.length === parts.length;
          // parts that are never negative cannot add up to more than their whole; changes can
          const over = !key.includes("-") && total.lo.v.cmp(w.iv.hi.v) > 0;
          if (!complete && !over) return;
          for (const v of [w, ...known]) for (const f of v.from) ctx.used.add(f);
          if (complete ? agree(total, w.iv) : !over) return;
          const sumValue = known.reduce((a, p) => a.add(p.value), w.value.sub(w.value));
          const names = rule.parts.map((p) => subjectById(p).name).join("、");
          const id = `${rule.whole}|${key}|${w.pos}`;
          if (seen.has(id)) return;
          seen.add(id);
          const whole = w.from.find((f) => f.subject?.id === rule.whole) ?? w.from[0]!;
          reported.add(whole);
          const more = !key.includes("-") && sumValue.cmp(w.value) > 0;
          add(ctx, FACT_RULES.parts, "error", span([whole]), `“${subjectById(rule.whole).name}”${describe(key)}为 ${fmt(w.value)}，而${names}${complete ? "之和" : "中已列各项之和"}为 ${fmt(sumValue)}${more ? "，超过了总数" : ""}`, fmt(sumValue), fmt(w.value));
        });
      }
    }
  }
  const values = tables[0]!;
  for (const [a, b] of EQUALS) {
    for (const key of values.keys()) {
      for (const x of values.all(a, key)) {
        const y = values.between(b, key, x.pos - 200, x.pos + 200).find((v) => !v.derived && !x.derived && v.from[0] !== x.from[0]);
        if (!y) continue;
        for (const f of [...x.from, ...y.from]) ctx.used.add(f);
        if (!agree(x.iv, y.iv)) {
          const later = x.pos > y.pos ? x : y;
          add(ctx, FACT_RULES.totals, "error", span(later.from), `${subjectById(a).name} ${fmt(x.value)} 与${subjectById(b).name} ${fmt(y.value)} 应相等`, fmt(x.value), fmt(y.value));
        }
      }
    }
  }
  // 收入总计 = 支出合计 + 结余分配 + 年末结转和结余: the stated parts must not exceed the total
  for (const key of values.keys()) {
    for (const carry of values.all("年末结转和结余", key)) {
      const spent = values.at("支出合计", key, carry.pos);
      const total = values.at("收入总计", key, carry.pos);
      if (!spent || !total || carry.derived) continue;
      for (const f of [...carry.from, ...spent.from, ...total.from]) ctx.used.add(f);
      const parts = plus(spent.iv, carry.iv);
      if (parts.lo.v.cmp(total.iv.hi.v) > 0) {
        add(ctx, FACT_RULES.balance, "warning", span(carry.from), `支出合计 ${fmt(spent.value)} 加年末结转和结余 ${fmt(carry.value)} 为 ${fmt(spent.value.add(carry.value))}，超过收入总计 ${fmt(total.value)}，请核对`, fmt(total.value.sub(spent.value)), fmt(carry.value));
      }
    }
  }
}

const describe = (key: string) => {
  const [side, base] = key.replace(/^n:/, "").split("-");
  const name = (s: string) => (s.startsWith("budget") ? `${s.slice(7)} 年预算数` : `${s.slice(7)} 年决算数`);
  return base ? `（${name(side!)}较${name(base)}的变动）` : `（${name(side!)}）`;
};

/** Judges every fact of a reading; returns nothing, marks what it used in ctx.used. */
export function factRules(ctx: FactContext): void {
  const { facts, groups } = ctx.reading;
  const table = statedTable(facts);
  const deltas = new ValueTable();
  const byGroup = new Map<number, Fact[]>();
  for (const f of facts) if (f.group) byGroup.get(f.group)?.push(f) ?? byGroup.set(f.group, [f]);
  // the first amount of each sentence, the whole of a share list with no opener
  const heads = new Map<number, Fact>();
  for (const f of facts) if (f.measure === "actual" && f.fig.kind === "money" && !heads.has(f.sentence)) heads.set(f.sentence, f);
  const order = [...groups.values()].filter((g) => byGroup.has(g.id) || g.flat).sort((a, b) => a.start - b.start);
  for (const g of order) checkGroup(ctx, table, deltas, g, byGroup.get(g.id) ?? []);
  facts.forEach((f, i) => {
    if (f.measure === "completion" || f.measure === "diffrate") checkCompletion(ctx, table, f, facts, i);
    else if (f.measure === "share") checkShare(ctx, table, f, facts, i, heads);
    else if (f.measure === "rate" && f.fig.kind === "bare" && f.fig.end < ctx.prose.text.length - 1) add(ctx, FACT_RULES.percentSign, "warning", span([f]), `变动率 ${fmt(f.fig.value)} 缺少“%”`);
  });
  checkRestated(ctx);
  const reported = new Set<Fact>();
  checkIdentities(ctx, [table, deltas], reported);
  checkLists(ctx, facts, reported);
}

/**
 * "X 万元，其中：A a 万元、B b 万元…": the items a list names (an item's own sub-items aside) against its whole.
 * More than the whole is an error; less is a warning only when the list is complete (every part of a known
 * whole covered, or a list of other names closed by its sentence).
 */
function checkLists(ctx: FactContext, facts: Fact[], reported: Set<Fact>): void {
  const lists = new Map<Fact, Fact[]>();
  for (const f of facts) if (f.listOf) lists.get(f.listOf)?.push(f) ?? lists.set(f.listOf, [f]);
  for (const [whole, members] of lists) {
    if (!whole.subject) continue;
    const ids = new Set(members.map((m) => m.subject?.id));
    const parts = members.filter((p) => p.subject && p.fig.kind === whole.fig.kind && p.side?.kind === whole.side?.kind && !ancestorIn(p.subject.id, ids));
    // "…11.9 万元，全部为公务用车运行维护费 11.9 万元": a list of one that is the whole
    if (parts.length < (parts[0]?.listFull ? 1 : 2) || parts.some((p) => p.subject!.id === whole.subject!.id)) continue;
    const total = sumIntervals(parts.map((p) => p.fig.iv));
    for (const f of [whole, ...parts]) ctx.used.add(f);
    if (agree(total, whole.fig.iv)) continue;
    const sumValue = parts.reduce((a, p) => a.add(p.fig.value), whole.fig.value.sub(whole.fig.value));
    const over = sumValue.cmp(whole.fig.value) > 0;
    const rule = PARTS.find((r) => r.whole === whole.subject!.id);
    // a list that names each part of a known whole (or something within it) is meant to be the whole
    const complete = parts[0]!.listFull || (rule ? rule.parts.every((p) => ids.has(p) || PARTS.some((r) => r.whole === p && r.parts.some((q) => ids.has(q)))) : !IN_HIERARCHY.has(whole.subject.id));
    if ((!over && !complete) || reported.has(whole)) continue;
    add(ctx, FACT_RULES.parts, over ? "error" : "warning", span([whole]), `“${whole.subject.name}”${fmt(whole.fig.value)}${unitOf(whole)}，其中所列各项之和为 ${fmt(sumValue)}${unitOf(whole)}${over ? "，超过了总数" : "（若有未列项目请补充）"}`, fmt(sumValue), fmt(whole.fig.value));
  }
}

/** Whether a subject is a part (at any depth) of one of `ids`. */
function ancestorIn(id: string, ids: Set<string | undefined>): boolean {
  for (const r of PARTS) if (r.parts.includes(id) && (ids.has(r.whole) || ancestorIn(r.whole, ids))) return true;
  return false;
}

/**
 * A figure stated again ("1.因公出国（境）费支出 0 万元" after the summary) must be the same figure; a text may
 * cover two scopes (全州, then 州本级) under the same words, so a difference is only a note.
 */
function checkRestated(ctx: FactContext): void {
  const seen = new Map<string, Value>();
  for (const f of ctx.reading.facts) {
    if (!f.subject || !f.side || f.group || f.fig.kind === "percent" || f.fig.kind === "bare" || (f.measure !== "actual" && f.measure !== "budget" && f.measure !== "prior")) continue;
    const key = `${f.fig.kind === "count" ? "n:" : ""}${sideKey(f.side)}|${f.subject.id}`;
    const before = seen.get(key);
    seen.set(key, stated(f, key));
    if (!before || before.from[0]!.sentence === f.sentence) continue;
    ctx.used.add(f).add(before.from[0]!);
    if (!agree(before.iv, f.fig.iv)) {
      add(ctx, FACT_RULES.restated, "info", span([f]), `“${f.subject.name}”前文为 ${fmt(before.value)}，此处为 ${fmt(f.fig.value)}（若口径不同可忽略）`, fmt(before.value), fmt(f.fig.value));
    }
  }
}
