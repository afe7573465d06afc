// The narrative against its tables (rules.md "Narrative against the tables"): each figure the text names is
// tied to its cell and must equal it (a figure written with fewer decimals may differ by rounding: info);
// every non-zero T05 项 is explained; one indicator has one value throughout. Figures tied to nothing are
// counted, with their excerpt, so coverage is visible.

import { nameKey } from "../codes/name-key.ts";
import type { Decimal } from "../decimal.ts";
import { overlaps, point } from "../rounding.ts";
import type { Findings } from "../rules/finding.ts";
import { DEFAULT_UNIT, convertAmount } from "../tables/amount-unit.ts";
import type { BalanceTable, CodedRow, CodedTable, Disclosure, EconomicTable, Figure, SangongTable } from "../tables/model.ts";
import { tableName } from "../tables/table-ids.ts";
import { type Claim, amountLabel } from "./claims.ts";
import { after } from "./fact-values.ts";
import type { Fact } from "./facts.ts";
import type { Prose } from "./prose.ts";

export const TIE_RULES = {
  figure: "narrative.table-figure",
  unexplained: "narrative.unexplained-item",
  oneValue: "narrative.one-value",
  adminRunning: "narrative.admin-running",
} as const;

/** A figure the text states as an amount of something, with the words before it. */
export interface TieFigure {
  label: string;
  value: Decimal;
  start: number;
  end: number;
  fact: Fact;
}

/** The amounts of a reading that can stand for a table figure. */
export function tieFigures(facts: Fact[]): TieFigure[] {
  const out: TieFigure[] = [];
  for (const f of facts) {
    const label = amountLabel(f);
    if (label !== null) out.push({ label, value: f.fig.value, start: f.fig.start - f.label.length, end: f.fig.end, fact: f });
  }
  return out;
}

interface Indicator {
  id: string;
  name: string;
  re: RegExp;
  figure: (d: Disclosure) => Figure | undefined;
}

const total = (t: CodedTable | undefined) => t?.rows.find((r) => r.isTotal);
const t01 = (d: Disclosure) => d.tables.T01 as BalanceTable | undefined;
const t04 = (d: Disclosure) => d.tables.T04 as BalanceTable | undefined;
const line = (b: BalanceTable | undefined, side: "income" | "expense", key: RegExp, col?: string) => {
  const block = b?.[side];
  const l = block?.lines.find((x) => key.test(x.key));
  return l ? l.figures[col ?? block!.columns[0]!] : undefined;
};
const coded = (d: Disclosure, id: "T02" | "T03" | "T05", key: string) => total(d.tables[id] as CodedTable | undefined)?.figures[key];
const sangong = (d: Disclosure, key: string) => (d.tables.T07 as SangongTable | undefined)?.figures[key];
const fund = (d: Disclosure, id: "T08" | "T09", key: string) => total(d.tables[id] as CodedTable | undefined)?.figures[key];

// the most specific labels first: "财政拨款收入支出总计" before "收入支出总计"
const INDICATORS: Indicator[] = [
  { id: "fiscal-total", name: "财政拨款收入支出总计", re: /财政拨款收入支出总计$|财政拨款收支总计$/, figure: (d) => line(t04(d), "income", /^总计$/) },
  { id: "general-expense", name: "一般公共预算财政拨款支出", re: /一般公共预算财政拨款支出$/, figure: (d) => coded(d, "T05", "小计") },
  { id: "basic", name: "一般公共预算财政拨款基本支出", re: /一般公共预算财政拨款基本支出$/, figure: (d) => coded(d, "T05", "基本支出") },
  { id: "personnel", name: "人员经费", re: /人员经费$/, figure: (d) => (d.tables.T06 as EconomicTable | undefined)?.totals.personnel },
  { id: "public", name: "公用经费", re: /公用经费$/, figure: (d) => (d.tables.T06 as EconomicTable | undefined)?.totals.public },
  { id: "total", name: "收入支出总计", re: /(收入支出总计|收入总计|支出总计)$/, figure: (d) => line(t01(d), "income", /^总计$/) },
  { id: "income-total", name: "本年收入合计", re: /本年收入合计$/, figure: (d) => coded(d, "T02", "本年收入合计") },
  { id: "expense-total", name: "本年支出合计", re: /本年支出合计$/, figure: (d) => coded(d, "T03", "本年支出合计") },
  { id: "fiscal-income", name: "财政拨款收入", re: /^财政拨款收入$/, figure: (d) => coded(d, "T02", "财政拨款收入") },
  ...["上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入"].map((k) => ({ id: k, name: k, re: new RegExp(`^${k}$`), figure: (d: Disclosure) => coded(d, "T02", k) })),
  ...["基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出"].map((k) => ({ id: k, name: k, re: new RegExp(`^${k}$`), figure: (d: Disclosure) => coded(d, "T03", k) })),
  { id: "fund-income", name: "政府性基金预算财政拨款收入", re: /政府性基金预算财政拨款收入$/, figure: (d) => fund(d, "T08", "本年收入") },
  { id: "fund-expense", name: "政府性基金预算财政拨款支出", re: /政府性基金预算财政拨款支出$/, figure: (d) => fund(d, "T08", "本年支出") },
  { id: "capital-income", name: "国有资本经营预算财政拨款收入", re: /国有资本经营预算财政拨款收入$/, figure: (d) => fund(d, "T09", "本年收入") },
  { id: "capital-expense", name: "国有资本经营预算财政拨款支出", re: /国有资本经营预算财政拨款支出$/, figure: (d) => fund(d, "T09", "本年支出") },
  // 机关运行经费 is 公用经费 of administrative units: a difference is worth a look, not an error (see below)
  { id: "admin-running", name: "机关运行经费", re: /机关运行经费(支出)?$/, figure: (d) => (d.tables.T06 as EconomicTable | undefined)?.totals.public },
  { id: "sangong-total", name: "“三公”经费财政拨款支出决算", re: /三公.{0,3}经费(财政拨款)?支出(决算)?$/, figure: (d) => sangong(d, "决算.合计") },
  { id: "sangong-abroad", name: "因公出国（境）费", re: /因公出国.{0,3}费(支出)?(决算)?$/, figure: (d) => sangong(d, "决算.出国") },
  { id: "sangong-cars", name: "公务用车购置及运行维护费", re: /公务用车购置及运行(维护)?费(支出)?(决算)?$/, figure: (d) => sangong(d, "决算.公车小计") },
  { id: "sangong-buy", name: "公务用车购置费", re: /公务用车购置(费|支出)(为)?$/, figure: (d) => sangong(d, "决算.购置") },
  { id: "sangong-run", name: "公务用车运行维护费", re: /公务用车运行(维护)?(费|支出)(为)?$/, figure: (d) => sangong(d, "决算.运行") },
  { id: "sangong-hosting", name: "公务接待费", re: /公务接待费(支出)?(决算)?$/, figure: (d) => sangong(d, "决算.接待") },
];

export interface TieContext {
  prose: Prose;
  claims: Claim[];
  figures: TieFigure[];
  /** every money figure stated as a 决算 amount, in order (a 项's 决算 follows its path) */
  actuals: Fact[];
  disclosure: Disclosure;
  out: Findings;
}

export interface Coverage {
  /** figures that can be tied to a table cell */
  found: number;
  tied: number;
}

const fmt = (d: Decimal) => d.toFixed(Math.max(d.scale, 2));

/** A cell's figure in 万元, exactly (a table may state 元 or 亿元: 1 万元 = 10,000 元). */
const inWan = (cell: Figure): Decimal => convertAmount(cell.value, cell.unit ?? DEFAULT_UNIT, "万元");
const cellText = (cell: Figure) => `${fmt(cell.value)} ${cell.unit ?? DEFAULT_UNIT}${cell.unit && cell.unit !== "万元" ? `（合 ${inWan(cell).toString()} 万元）` : ""}`;

/**
 * Compares a stated figure with its cell, across units: equal, equal up to the text's rounding (info: the text
 * shows fewer decimals than the table holds), or an error.
 */
function compare(ctx: TieContext, c: { start: number; end: number }, fact: Fact, cell: Figure, what: string): void {
  const where = { line: ctx.prose.lineOf(c.start), excerpt: ctx.prose.excerpt(c.start, c.end) };
  const stated = fact.fig.value;
  const table = inWan(cell);
  if (stated.eq(table)) return;
  const rounding = overlaps(fact.fig.iv, point(table));
  ctx.out.add({
    rule: TIE_RULES.figure,
    severity: rounding ? "info" : "error",
    message: rounding
      ? `${what}文中写 ${fmt(stated)} 万元，表中为 ${cellText(cell)}（文中少写了小数位）`
      : `${what}文中写 ${fmt(stated)} 万元，表中（${cell.at.sheet}!${cell.at.cell}）为 ${cellText(cell)}`,
    where,
    related: [cell.at],
    expected: fmt(table),
    actual: fmt(stated),
  });
}

function classRow(d: Disclosure, name: string): CodedRow | undefined {
  return (d.tables.T05 as CodedTable | undefined)?.rows.find((r) => r.level === "类" && nameKey(r.name) === nameKey(name));
}

function itemRow(d: Disclosure, names: [string, string, string]): CodedRow | undefined {
  const rows = (d.tables.T05 as CodedTable | undefined)?.rows ?? [];
  const key = names.map(nameKey);
  const cls = rows.find((r) => r.level === "类" && nameKey(r.name) === key[0]);
  const kuan = rows.find((r) => r.level === "款" && nameKey(r.name) === key[1] && (!cls?.code || r.code?.startsWith(cls.code)));
  return rows.find((r) => r.level === "项" && nameKey(r.name) === key[2] && (!kuan?.code || r.code?.startsWith(kuan.code)));
}

export function tieToTables(ctx: TieContext): Coverage & { tiedFacts: Set<Fact> } {
  const d = ctx.disclosure;
  const figures = ctx.figures;
  const tied = new Set<Fact>();
  const values = new Map<string, { value: Decimal; claim: TieFigure }[]>();

  for (const c of figures) {
    const label = c.label.replace(/^.*?\d{4}年度?/, "").replace(/^(与上年相比|其中)[，,:：]?/, "");
    const marker = /[（(]类[）)]$/.test(label);
    if (marker) {
      const row = classRow(d, label.replace(/[（(]类[）)]$/, ""));
      if (row?.figures.小计) {
        tied.add(c.fact);
        compare(ctx, c, c.fact, row.figures.小计, `“${row.name}（类）”支出`);
      }
      continue;
    }
    const ind = INDICATORS.find((i) => i.re.test(label));
    if (!ind) continue;
    const cell = ind.figure(d);
    if (!cell) continue;
    tied.add(c.fact);
    if (ind.id === "admin-running") {
      if (!c.value.eq(inWan(cell))) {
        ctx.out.add({
          rule: TIE_RULES.adminRunning,
          severity: "warning",
          message: `机关运行经费文中为 ${fmt(c.value)} 万元，${tableName("T06")}公用经费合计为 ${cellText(cell)}；行政单位二者通常一致，请核对`,
          where: { line: ctx.prose.lineOf(c.start), excerpt: ctx.prose.excerpt(c.start, c.end) },
          related: [cell.at],
          expected: fmt(inWan(cell)),
          actual: fmt(c.value),
        });
      }
      continue;
    }
    compare(ctx, c, c.fact, cell, `“${ind.name}”`);
    values.get(ind.id)?.push({ value: c.value, claim: c }) ?? values.set(ind.id, [{ value: c.value, claim: c }]);
  }

  // each explained 项: its path, then its 决算
  const explained = new Set<CodedRow>();
  const paths = ctx.claims.filter((c): c is Extract<Claim, { kind: "path" }> => c.kind === "path");
  paths.forEach((c, i) => {
    const row = itemRow(d, c.names);
    if (!row) return;
    explained.add(row);
    const stop = Math.min(paths[i + 1]?.start ?? Number.MAX_SAFE_INTEGER, c.end + 200);
    const next = ctx.actuals[after(ctx.actuals, c.end, (f) => f.fig.start)];
    const actual = next && next.fig.start < stop ? next : undefined;
    if (actual && row.figures.小计) {
      compare(ctx, actual.fig, actual, row.figures.小计, `${c.names[2]}（项）决算`);
      tied.add(actual);
    }
  });
  const t05 = d.tables.T05 as CodedTable | undefined;
  for (const row of t05?.rows ?? []) {
    if (row.level !== "项" || !row.figures.小计 || row.figures.小计.value.isZero() || explained.has(row)) continue;
    ctx.out.add({
      rule: TIE_RULES.unexplained,
      severity: "warning",
      message: `${tableName("T05")}的“${row.name}”（${row.code ?? "无编码"}）${cellText(row.figures.小计)}，情况说明中没有说明`,
      where: row.nameAt,
      related: [],
    });
  }

  for (const [id, list] of values) {
    const distinct = [...new Set(list.map((v) => v.value.toFixed(2)))];
    if (distinct.length > 1) {
      const ind = INDICATORS.find((i) => i.id === id)!;
      const c = list[1]!.claim;
      ctx.out.add({
        rule: TIE_RULES.oneValue,
        severity: "error",
        message: `“${ind.name}”在文中有不同的数值：${distinct.join("、")} 万元`,
        where: { line: ctx.prose.lineOf(c.start), excerpt: ctx.prose.excerpt(c.start, c.end) },
        related: [],
        expected: distinct[0],
        actual: distinct[1],
      });
    }
  }

  const untied = figures.filter((c) => !tied.has(c.fact));
  for (const c of untied) ctx.out.skip("narrative.untied", `第 ${ctx.prose.lineOf(c.start)} 行“${ctx.prose.excerpt(c.start, c.end)}”未能对应到表中数字`);
  return { found: figures.length, tied: figures.filter((c) => tied.has(c.fact)).length, tiedFacts: tied };
}
