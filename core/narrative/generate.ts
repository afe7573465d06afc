// Writes the 情况说明 from the tables and the supplementary figures, section by section in the template's
// outline: amounts, shares, rates and changes computed by core, 持平/新增 wording where a rate cannot say it,
// zero items left out, and every reason left as a marked blank (【待填写：…】) for the clerk — never invented.
// The sentences are the shapes the checker reads, so a written text checks clean against its own tables.

import { completionRate, share } from "../derived.ts";
import { Decimal } from "../decimal.ts";
import { DEFAULT_UNIT, convertAmount } from "../tables/amount-unit.ts";
import type { BalanceTable, CodedRow, CodedTable, Disclosure, EconomicTable, Figure, SangongTable } from "../tables/model.ts";
import type { Template } from "../templates/template.ts";
import { yoy } from "../yoy.ts";
import { blank, budgetSentence, changeSentence, pct, shareSentence, wan } from "./sentences.ts";
import type { Supplementary } from "./supplementary.ts";

const NUMERALS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"];

export interface WriteInput {
  disclosure: Disclosure;
  supplementary: Supplementary;
  template: Template | null;
  unit?: string | null;
}

interface Ctx extends WriteInput {
  year: number;
  unit: string;
}

/** A table's figure in 万元, the unit the 情况说明 is written in, whatever unit its table states. */
const wanOf = (f: Figure | undefined): Decimal | undefined => (f ? convertAmount(f.value, f.unit ?? DEFAULT_UNIT, "万元") : undefined);
const totalRow = (t: CodedTable | undefined) => t?.rows.find((r) => r.isTotal);
const isZero = (d: Decimal | undefined) => !d || d.isZero();

// how a clerk knows the supplementary figures a template does not label itself
const FIELD_LABELS: Record<string, string> = {
  "prior.收支总计": "上年收入支出总计",
  "prior.财政拨款收支总计": "上年财政拨款收入支出总计",
  "prior.一般公共预算财政拨款支出": "上年一般公共预算财政拨款支出",
  "prior.三公.合计": "上年“三公”经费决算",
};

/** The supplementary figure's name as the clerk sees it in 补充资料, never its internal key. */
function fieldLabel(ctx: Ctx, key: string): string {
  return ctx.template?.supplementary?.fields.find((f) => f.key === key)?.label ?? FIELD_LABELS[key] ?? key.replace(/^prior\./, "上年").replace(/^budget\./, "年初预算").replace(/\./g, "");
}

/** "与2023年度相比，X增加…" — or a marked blank when the prior figure is not given. */
function change(ctx: Ctx, subject: string, current: Decimal, priorKey: string): string {
  const prior = ctx.supplementary.get(priorKey);
  if (!prior) return `与${ctx.year - 1}年度相比，${subject}${blank(`与上年比较（请在补充资料中填写“${fieldLabel(ctx, priorKey)}”）`)}。`;
  return changeSentence(subject, current, prior, `${ctx.year - 1}年度`);
}

/** "其中：A x万元，占p%；B …" over the non-zero parts. */
function parts(total: Decimal, items: [string, Decimal | undefined][]): string {
  const shown = items.filter(([, v]) => !isZero(v)) as [string, Decimal][];
  if (total.isZero() || !shown.length) return "";
  return `其中：${shown.map(([label, v]) => shareSentence(label, v, total)).join("；")}。`;
}

/** A sentence of the template (`{placeholder}` shapes) filled in; a value not at hand stays a marked blank. */
function fromTemplate(ctx: Ctx, section: string, key: string, values: Record<string, string | undefined>): string | null {
  const shape = ctx.template?.narrative?.sections.find((s) => s.id === section)?.sentences?.[key];
  if (!shape) return null;
  return shape.replace(/\{([^{}]+)\}/g, (_, name: string) => values[name] ?? blank(BLANK_NAMES[name] ?? name));
}

const BLANK_NAMES: Record<string, string> = { reason: "主要原因", budget: "年初预算数", rate: "完成率", use: "主要用途", compare: "大于/小于/等于", yoy: "与上年比较" };

/** "增加 7.87 万元，增长 2.19%" (or 持平 / 新增), for a template's {yoy}. */
function yoyPhrase(ctx: Ctx, current: Decimal, priorKey: string): string | undefined {
  const prior = ctx.supplementary.get(priorKey);
  return prior ? yoy(current, prior).phrase : undefined;
}

function section1(ctx: Ctx): string[] {
  const t01 = ctx.disclosure.tables.T01 as BalanceTable | undefined;
  const total = wanOf(t01?.income.lines.find((l) => l.key === "总计")?.figures[t01.income.columns[0]!]);
  if (!total) return [blank("收入支出决算总表未读到")];
  const own = fromTemplate(ctx, "total", "summary", {
    unit: ctx.unit,
    year: String(ctx.year),
    prior_year: String(ctx.year - 1),
    total: total.toFixed(2),
    yoy: yoyPhrase(ctx, total, "prior.收支总计"),
  });
  return [own ?? `${ctx.unit}${ctx.year}年度收入支出总计${wan(total)}。${change(ctx, "收入支出总计", total, "prior.收支总计")}`];
}

function section2(ctx: Ctx): string[] {
  const row = totalRow(ctx.disclosure.tables.T02 as CodedTable | undefined);
  if (!row) return [blank("收入决算表未读到")];
  const f = (k: string) => wanOf(row.figures[k]);
  const total = f("本年收入合计")!;
  const list: [string, Decimal | undefined][] = ["财政拨款收入", "上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入"].map((k) => [k, f(k)]);
  return [`本年收入合计${wan(total)}，${parts(total, list)}`];
}

function section3(ctx: Ctx): string[] {
  const row = totalRow(ctx.disclosure.tables.T03 as CodedTable | undefined);
  if (!row) return [blank("支出决算表未读到")];
  const f = (k: string) => wanOf(row.figures[k]);
  const total = f("本年支出合计")!;
  const list: [string, Decimal | undefined][] = ["基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出"].map((k) => [k, f(k)]);
  return [`本年支出合计${wan(total)}，${parts(total, list)}`];
}

function section4(ctx: Ctx): string[] {
  const t04 = ctx.disclosure.tables.T04 as BalanceTable | undefined;
  const total = wanOf(t04?.income.lines.find((l) => l.key === "总计")?.figures[t04.income.columns[0]!]);
  if (!total) return [blank("财政拨款收入支出决算总表未读到")];
  return [`${ctx.unit}${ctx.year}年度财政拨款收入支出总计${wan(total)}。${change(ctx, "财政拨款收入支出总计", total, "prior.财政拨款收支总计")}`];
}

function section5(ctx: Ctx): string[] {
  const t05 = ctx.disclosure.tables.T05 as CodedTable | undefined;
  const total = wanOf(totalRow(t05)?.figures.小计);
  const all = wanOf(totalRow(ctx.disclosure.tables.T03 as CodedTable | undefined)?.figures.本年支出合计);
  if (!t05 || !total) return [blank("一般公共预算财政拨款支出决算表未读到")];
  const lines: string[] = [];
  const ofAll = all && !all.isZero() ? `，占本年支出合计的${pct(share(total, all))}` : "";
  lines.push("（一）一般公共预算财政拨款支出决算总体情况");
  lines.push(`一般公共预算财政拨款支出${wan(total)}${ofAll}。${change(ctx, "一般公共预算财政拨款支出", total, "prior.一般公共预算财政拨款支出")}`);
  lines.push("（二）一般公共预算财政拨款支出决算结构情况");
  const classes = t05.rows.filter((r) => r.level === "类" && !isZero(wanOf(r.figures.小计)));
  if (classes.length && !total.isZero()) {
    lines.push(`一般公共预算财政拨款支出${wan(total)}，主要用于以下方面：${classes.map((r) => shareSentence(`${r.name}（类）`, wanOf(r.figures.小计)!, total)).join("；")}。`);
  }
  lines.push("（三）一般公共预算财政拨款支出决算具体情况");
  lines.push(`${budgetSentence("一般公共预算财政拨款支出", ctx.supplementary.get("budget.一般公共预算财政拨款支出"), total)}其中：`);
  const items = t05.rows.filter((r) => r.level === "项" && !isZero(wanOf(r.figures.小计)));
  items.forEach((item, i) => {
    const actual = wanOf(item.figures.小计)!;
    const budget = ctx.supplementary.get(`年初预算.${item.code}`);
    const own = fromTemplate(ctx, "general-budget", "item", {
      path: pathOf(t05.rows, item),
      actual: actual.toFixed(2),
      budget: budget?.toFixed(2),
      rate: budget && !budget.isZero() ? completionRate(actual, budget).toFixed(2) : undefined,
      compare: budget ? (actual.cmp(budget) > 0 ? "大于" : actual.cmp(budget) < 0 ? "小于" : "等于") : undefined,
    });
    lines.push(`${i + 1}.${own ?? `${pathOf(t05.rows, item)}。${budgetSentence("", budget, actual)}`}`);
  });
  return lines;
}

function pathOf(rows: CodedRow[], item: CodedRow): string {
  const up = (level: "类" | "款") => rows.find((r) => r.level === level && r.code && item.code?.startsWith(r.code));
  return `${up("类")?.name ?? blank("类")}（类）${up("款")?.name ?? blank("款")}（款）${item.name}（项）`;
}

function section6(ctx: Ctx): string[] {
  const t06 = ctx.disclosure.tables.T06 as EconomicTable | undefined;
  const basic = wanOf(totalRow(ctx.disclosure.tables.T05 as CodedTable | undefined)?.figures.基本支出);
  if (!t06 || !basic) return [blank("一般公共预算财政拨款基本支出决算表未读到")];
  const names = (personnel: boolean) =>
    t06.rows
      .filter((r) => r.level === "款" && /^30[13]/.test(r.code ?? "") === personnel && !r.figures.决算数?.value.isZero())
      .map((r) => r.name)
      .join("、");
  const p = wanOf(t06.totals.personnel) ?? Decimal.ZERO;
  const q = wanOf(t06.totals.public) ?? Decimal.ZERO;
  return [`一般公共预算财政拨款基本支出${wan(basic)}。其中：人员经费${wan(p)}，主要包括：${names(true) || "无"}；公用经费${wan(q)}，主要包括：${names(false) || "无"}。`];
}

function section7(ctx: Ctx): string[] {
  const t07 = ctx.disclosure.tables.T07 as SangongTable | undefined;
  const f = (k: string) => wanOf(t07?.figures[k]) ?? Decimal.ZERO;
  const actual = f("决算.合计");
  if (!t07 || (actual.isZero() && f("预算.合计").isZero())) return [`${ctx.unit}${ctx.year}年度无“三公”经费财政拨款支出。`];
  const lines = [`“三公”经费财政拨款支出${wan(actual)}。${change(ctx, "“三公”经费财政拨款支出", actual, "prior.三公.合计")}`];
  lines.push(budgetSentence("“三公”经费财政拨款支出", f("预算.合计"), actual));
  lines.push(`“三公”经费财政拨款支出决算${wan(actual)}，${parts(actual, [["因公出国（境）费支出", f("决算.出国")], ["公务用车购置及运行维护费支出", f("决算.公车小计")], ["公务接待费支出", f("决算.接待")]])}`);
  const counts = (key: string, what: string) => ctx.supplementary.get(key)?.toString() ?? blank(what);
  lines.push(`全年因公出国（境）团组${counts("三公.出国团组", "团组数")}个、累计${counts("三公.出国人次", "人次")}人次；公务用车保有量${counts("三公.保有量", "保有量")}辆；国内公务接待${counts("三公.接待批次", "批次")}批次、${counts("三公.接待人次", "人次")}人次。`);
  return lines;
}

function fundSection(ctx: Ctx, id: "T08" | "T09", name: string): string[] {
  const row = totalRow(ctx.disclosure.tables[id] as CodedTable | undefined);
  const income = wanOf(row?.figures.本年收入) ?? Decimal.ZERO;
  const spent = wanOf(row?.figures.本年支出) ?? Decimal.ZERO;
  if (income.isZero() && spent.isZero()) return [`${ctx.unit}${ctx.year}年度无${name}收入和支出。`];
  return [`${name}收入${wan(income)}，${name}支出${wan(spent)}。`];
}

function otherMatters(ctx: Ctx): string[] {
  const v = (key: string) => ctx.supplementary.get(key);
  const lines = ["（一）机关运行经费支出情况"];
  const running = v("机关运行经费.决算");
  const prior = v("机关运行经费.上年");
  lines.push(running ? `机关运行经费支出${wan(running)}。${prior ? changeSentence("机关运行经费支出", running, prior, `${ctx.year - 1}年度`) : ""}` : `机关运行经费支出${blank("机关运行经费")}万元。`);
  lines.push("（二）政府采购支出情况");
  const total = v("政府采购.合计");
  const amount = (key: string, what: string) => (v(key) ? wan(v(key)!) : `${blank(what)}万元`);
  lines.push(
    `${ctx.unit}${ctx.year}年度政府采购金额${total ? wan(total) : `${blank("政府采购金额")}万元`}，其中：货物采购金额${amount("政府采购.货物", "货物")}、工程采购金额${amount("政府采购.工程", "工程")}、服务采购金额${amount("政府采购.服务", "服务")}。授予中小企业合同金额${amount("政府采购.中小企业", "中小企业")}，其中授予小微企业合同金额${amount("政府采购.小微企业", "小微企业")}。`,
  );
  lines.push("（三）国有资产占有使用情况");
  const count = (key: string, what: string) => v(key)?.toString() ?? blank(what);
  lines.push(`截至${ctx.year}年12月31日，共有车辆${count("资产.车辆", "车辆数")}辆；单价100万元（含）以上设备（不含车辆）${count("资产.大型设备", "设备数")}台（套）。`);
  lines.push("（四）预算绩效管理情况");
  lines.push(`绩效自评项目${count("绩效.自评项目数", "项目数")}个，涉及预算金额${amount("绩效.自评金额", "金额")}。${blank("绩效管理工作开展情况")}`);
  return lines;
}

const SECTIONS: [string, (ctx: Ctx) => string[]][] = [
  ["收入支出决算总体情况", section1],
  ["收入决算情况", section2],
  ["支出决算情况", section3],
  ["财政拨款收入支出决算总体情况", section4],
  ["一般公共预算财政拨款支出决算情况", section5],
  ["一般公共预算财政拨款基本支出决算情况", section6],
  ["财政拨款“三公”经费支出决算情况", section7],
  ["政府性基金预算财政拨款收入支出决算情况", (c) => fundSection(c, "T08", "政府性基金预算财政拨款")],
  ["国有资本经营预算财政拨款收入支出决算情况", (c) => fundSection(c, "T09", "国有资本经营预算财政拨款")],
  ["其他重要事项的情况说明", otherMatters],
  ["名词解释", () => [blank("名词解释（按模板列出财政拨款收入、事业收入、基本支出、项目支出、“三公”经费、机关运行经费等）")]],
];

/** The 情况说明 as lines of text (headings and paragraphs). */
export function writeNarrative(input: WriteInput): string[] {
  const year = input.disclosure.year ?? input.template?.year;
  if (!year) throw new Error("表中没有报告年度，无法生成情况说明（请在标题或编制单位行写明年度）");
  const ctx: Ctx = { ...input, year, unit: input.unit ?? input.disclosure.unit ?? "本单位" };
  const lines = [`${ctx.unit}${year}年度部门决算情况说明`];
  SECTIONS.forEach(([title, write], i) => {
    lines.push(`${NUMERALS[i]}、${title}`);
    lines.push(...write(ctx));
  });
  return lines;
}
