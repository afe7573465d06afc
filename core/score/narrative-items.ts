// The score's narrative items: 三公 counts and reasons, 机关运行经费, 政府采购 with its split and 中小/小微 lines,
// 国有资产 vehicles and large equipment, 绩效 self-evaluation and its tables, 名词解释 and the template's
// sections — each read from the window of the text it concerns, through core's claims and outline.

import { type Decimal, sum } from "../decimal.ts";
import type { Claim } from "../narrative/claims.ts";
import { bounds } from "../narrative/intervals.ts";
import { type SheetGrid, addressOf, labelText } from "../tables/grid.ts";
import type { Disclosure, SangongTable } from "../tables/model.ts";
import type { Judged, ScoreWhere } from "./items.ts";
import { type Outline, type Window, claimsIn, piecesOf, sectionWindow, textAt, topicWindow } from "./outline.ts";
import { countsIn, glossaryEntries, reasonsIn, statesNone } from "./text-presence.ts";

const SANGONG_SECTION = "财政拨款“三公”经费支出决算情况";
const fmt = (d: Decimal) => d.toFixed(Math.max(d.scale, 2));

const near = (w: Window, section: string): ScoreWhere => ({ section, line: w.line });
const noText = (section: string): Judged => ({ status: "fail", where: { section, line: null }, note: "未提供情况说明" });
const missing = (section: string, note: string): Judged => ({ status: "fail", where: { section, line: null }, note });

/** A T07 figure that the table shows as 0 (false when T07 was not read: then the item applies). */
function zeroIn(d: Disclosure | null, ...keys: string[]): boolean {
  const t = d?.tables.T07 as SangongTable | undefined;
  return !!t && keys.every((k) => t.figures[k]?.value.isZero() ?? false);
}

interface Need {
  what: string;
  unit: RegExp;
  context?: RegExp;
  /** the T07 figure that, when 0, makes this count unnecessary */
  unlessZero?: string;
  /** a statement of none that counts as stating it ("未购置公务用车") */
  none?: string;
}

const COUNT_ITEMS: Record<string, { topic: RegExp; figure: string; what: string; subject: string; needs: Need[] }> = {
  "sangong.abroad-counts": {
    topic: /出国|出境|团组/,
    figure: "决算.出国",
    what: "因公出国（境）费",
    subject: "因公出国（境）",
    needs: [
      { what: "团组数", unit: /^(个|批|次)$/, context: /团/ },
      { what: "人次", unit: /^(人次|人)$/ },
    ],
  },
  "sangong.vehicle-counts": {
    topic: /公务用车|公车|车辆|购置|保有/,
    figure: "决算.公车小计",
    what: "公务用车购置及运行维护费",
    subject: "公务用车",
    needs: [
      { what: "购置数", unit: /^辆$/, context: /购置|新购|购买|更新/, unlessZero: "决算.购置", none: "购置" },
      { what: "保有量", unit: /^辆$/, context: /保有/ },
    ],
  },
  "sangong.reception-counts": {
    topic: /接待/,
    figure: "决算.接待",
    what: "公务接待费",
    subject: "国内公务接待",
    needs: [
      { what: "批次", unit: /^(批次|批)$/ },
      { what: "人次", unit: /^(人次|人)$/ },
    ],
  },
};

const TOPICS = Object.entries(COUNT_ITEMS).map(([id, item]) => ({ id, re: new RegExp(item.topic.source, "g") }));

/** Where each 三公 topic is named in the window, in text order. */
function topicMarks(o: Outline, w: Window): { ids: string[]; at: number[] } {
  const marks: { id: string; index: number }[] = [];
  for (const { text, offset } of piecesOf(o, w)) for (const { id, re } of TOPICS) for (const m of text.matchAll(re)) marks.push({ id, index: offset + m.index });
  marks.sort((a, b) => a.index - b.index);
  return { ids: marks.map((m) => m.id), at: marks.map((m) => m.index) };
}

/** The index of the first value at or after `at` in ascending values. */
function firstAtOrAfter(values: number[], at: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid]! < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function judgeSangongCounts(id: string, o: Outline | null, d: Disclosure | null): Judged {
  const item = COUNT_ITEMS[id]!;
  if (zeroIn(d, item.figure)) return { status: "na", where: { table: "T07", sheet: d!.tables.T07!.sheet }, note: `“三公”经费表中${item.what}为 0，无需说明数量` };
  if (!o) return noText(SANGONG_SECTION);
  const w = topicWindow(o, /三公/);
  if (!w.ranges.length) return missing(SANGONG_SECTION, "情况说明中没有“三公”经费部分");
  const marks = topicMarks(o, w);
  // a count belongs to the topic named last before it (团组 after 出国, 人次 after 接待 …)
  const counts = countsIn(o, w).filter((c) => marks.ids[firstAtOrAfter(marks.at, c.start + 1) - 1] === id);
  const found: { start: number; end: number }[] = [];
  const lacking: string[] = [];
  for (const need of item.needs) {
    const c = counts.find((x) => need.unit.test(x.unit) && (!need.context || need.context.test(x.context)));
    const none = need.none ? statesNone(o, w, need.none) : null;
    if (c ?? none) found.push(c ?? none!);
    else if (!(need.unlessZero && zeroIn(d, need.unlessZero))) lacking.push(need.what);
  }
  if (lacking.length) return { status: "fail", where: near(w, SANGONG_SECTION), note: `“三公”经费部分未写明${item.subject}的${lacking.join("、")}` };
  const first = found.sort((a, b) => a.start - b.start)[0];
  return { status: "pass", where: first ? textAt(o, first.start, first.end) : near(w, SANGONG_SECTION), note: `写明了${item.needs.map((n) => n.what).join("、")}` };
}

/** Every change the 三公 part states (on the prior year, or 决算 against 预算) has its reason. */
export function judgeSangongReasons(o: Outline | null, d: Disclosure | null): Judged {
  if (zeroIn(d, "决算.合计", "预算.合计")) return { status: "na", where: { table: "T07", sheet: d!.tables.T07!.sheet }, note: "没有“三公”经费预算和支出" };
  if (!o) return noText(SANGONG_SECTION);
  const w = topicWindow(o, /三公/);
  if (!w.ranges.length) return missing(SANGONG_SECTION, "情况说明中没有“三公”经费部分");
  const changes = claimsIn(o, w, "yoy", "compare", "flat");
  if (!changes.length) return { status: "fail", where: near(w, SANGONG_SECTION), note: "“三公”经费部分没有写明与上年或预算相比的增减" };
  // changes on the prior year stated one after another (a total and its items) may be followed by their reasons
  // together: a run of n needs a reason each but for the total, which its items' reasons explain
  const reasons = reasonsIn(o, w);
  const between = (a: number, b: number) => firstAtOrAfter(reasons, b) - firstAtOrAfter(reasons, a + 1);
  const stated = changes.filter((c) => !(c.kind === "flat" || (c.kind === "yoy" && c.delta.isZero()) || (c.kind === "compare" && c.word === "等于")));
  for (let i = 0; i < stated.length; ) {
    let j = i + 1;
    while (j < stated.length && stated[j]!.kind === stated[i]!.kind && between(stated[j - 1]!.start, stated[j]!.start) === 0) j++;
    const given = between(stated[j - 1]!.start, stated[j]?.start ?? Number.MAX_SAFE_INTEGER);
    if (given < Math.max(1, j - i - 1)) {
      return { status: "fail", where: textAt(o, stated[i]!.start, stated[j - 1]!.end), note: `“三公”经费的增减变化没有说明原因（${j - i} 处增减，${given} 处原因）` };
    }
    i = j;
  }
  return { status: "pass", where: near(w, SANGONG_SECTION), note: "“三公”经费的增减变化都说明了原因" };
}

/** 机关运行经费 stated with its amount, or said not to apply (事业单位). */
export function judgeRunningCosts(o: Outline | null): Judged {
  const section = "机关运行经费支出情况";
  if (!o) return noText(section);
  const w = topicWindow(o, /机关运行经费/);
  const amount = o.claims.find((c): c is Extract<Claim, { kind: "amount" | "share" }> => (c.kind === "amount" || c.kind === "share") && c.label.includes("机关运行经费"));
  if (amount) return { status: "pass", where: textAt(o, amount.start, amount.end), note: `机关运行经费 ${fmt(amount.value)} 万元` };
  const none = statesNone(o, w, "机关运行经费");
  if (none) return { status: "pass", where: textAt(o, none.start, none.end), note: "说明了不涉及机关运行经费" };
  return { status: "fail", where: near(w, section), note: w.ranges.length ? "写了机关运行经费，但没有金额" : "情况说明中没有机关运行经费" };
}

function procurementFigures(o: Outline) {
  const w = topicWindow(o, /政府采购|中小企业|小微企业/);
  const amounts = claimsIn(o, w, "amount", "share");
  const find = (re: RegExp, not?: RegExp) => amounts.find((c) => re.test(c.label) && !not?.test(c.label));
  return {
    w,
    amounts,
    none: amounts.length ? null : statesNone(o, w, "采购"),
    total: find(/政府采购/, /货物|工程|服务|中小|小微/),
    parts: { 货物: find(/货物/), 工程: find(/工程/), 服务: find(/服务/) },
    sme: find(/中小企业/, /小微/),
    micro: find(/小微/),
  };
}

export function judgeProcurementSplit(o: Outline | null): Judged {
  const section = "政府采购支出情况";
  if (!o) return noText(section);
  const p = procurementFigures(o);
  if (p.none) return { status: "na", where: textAt(o, p.none.start, p.none.end), note: "说明了本年度没有政府采购" };
  const lacking = Object.entries(p.parts).filter(([, c]) => !c).map(([k]) => k);
  if (lacking.length) return { status: "fail", where: near(p.w, section), note: p.w.ranges.length ? `政府采购未写明${lacking.join("、")}采购金额` : "情况说明中没有政府采购" };
  const first = p.parts.货物!;
  return { status: "pass", where: textAt(o, first.start, first.end), note: "政府采购分货物、工程、服务列明" };
}

export function judgeProcurementSme(o: Outline | null): Judged {
  const section = "政府采购支出情况";
  if (!o) return noText(section);
  const p = procurementFigures(o);
  if (p.none) return { status: "na", where: textAt(o, p.none.start, p.none.end), note: "说明了本年度没有政府采购" };
  if (!p.sme || !p.micro) {
    const lacking = [!p.sme && "授予中小企业", !p.micro && "授予小微企业"].filter(Boolean).join("、");
    return { status: "fail", where: near(p.w, section), note: p.w.ranges.length ? `政府采购未写明${lacking}合同金额` : "情况说明中没有政府采购" };
  }
  // a part larger than its whole by more than rounding allows: every true value of one above every of the other
  const above = (a: Decimal, b: Decimal) => bounds(a).lo.v.cmp(bounds(b).hi.v) >= 0 && !a.eq(b);
  if (above(p.micro.value, p.sme.value)) {
    return { status: "fail", where: textAt(o, p.micro.start, p.micro.end), note: `授予小微企业 ${fmt(p.micro.value)} 万元，超过授予中小企业的 ${fmt(p.sme.value)} 万元` };
  }
  const parts = Object.values(p.parts);
  const whole = p.total?.value ?? (parts.every(Boolean) ? sum(parts.map((c) => c!.value)) : null);
  if (whole && above(p.sme.value, whole)) {
    return { status: "fail", where: textAt(o, p.sme.start, p.sme.end), note: `授予中小企业 ${fmt(p.sme.value)} 万元，超过政府采购合计 ${fmt(whole)} 万元` };
  }
  return { status: "pass", where: textAt(o, p.sme.start, p.sme.end), note: whole ? "列明中小企业、小微企业金额，且小微 ≤ 中小 ≤ 合计" : "列明中小企业、小微企业金额（没有政府采购合计可比）" };
}

const ASSETS = /国有资产|资产占[用有]/;

export function judgeAssets(kind: "vehicles" | "equipment", o: Outline | null): Judged {
  const section = "国有资产占有使用情况";
  if (!o) return noText(section);
  const w = topicWindow(o, ASSETS);
  if (!w.ranges.length) return missing(section, "情况说明中没有国有资产占有使用情况");
  const counts = countsIn(o, w);
  const c = kind === "vehicles" ? counts.find((x) => x.unit === "辆") : counts.find((x) => /^(台|套)/.test(x.unit) && /设备/.test(x.context));
  // "无车辆", but not "无单价 100 万元以上设备（不含车辆）"
  const none = kind === "vehicles" ? statesNone(o, w, "车", 4) : statesNone(o, w, "设备");
  const hit = c ?? none;
  if (hit) return { status: "pass", where: textAt(o, hit.start, hit.end), note: kind === "vehicles" ? "写明了车辆数" : "写明了大型设备数" };
  return { status: "fail", where: near(w, section), note: kind === "vehicles" ? "国有资产部分没有写明车辆数（辆）" : "国有资产部分没有写明单价 50 万元（或 100 万元）以上设备数（台、套）" };
}

const PERFORMANCE_SECTION = "预算绩效管理情况";

/** The self-evaluation stated: 自评 with the number of projects (or their amount), or that none was done. */
export function judgeSelfEvaluation(o: Outline | null): Judged {
  if (!o) return noText(PERFORMANCE_SECTION);
  const w = topicWindow(o, /绩效/);
  if (!w.ranges.length) return missing(PERFORMANCE_SECTION, "情况说明中没有预算绩效管理情况");
  const says = piecesOf(o, w).some((p) => p.text.includes("自评"));
  const count = countsIn(o, w).find((c) => /^(个|项)$/.test(c.unit));
  const amount = claimsIn(o, w, "amount")[0];
  const hit = count ?? amount;
  if (says && hit) return { status: "pass", where: textAt(o, hit.start, hit.end), note: "写明了绩效自评的项目数或金额" };
  const none = statesNone(o, w, "自评") ?? statesNone(o, w, "绩效");
  if (none) return { status: "pass", where: textAt(o, none.start, none.end), note: "说明了本年度未开展绩效自评" };
  return { status: "fail", where: near(w, PERFORMANCE_SECTION), note: says ? "提到绩效自评，但没有项目数或金额" : "没有写明绩效自评情况" };
}

const SELF_TABLE = /绩效自评表/;

/** The self-evaluation tables published: a sheet titled …绩效自评表, or such a table in the text. */
export function judgePerformanceTables(o: Outline | null, sheets: SheetGrid[] | null): Judged {
  for (const grid of sheets ?? []) {
    for (let r = 0; r < Math.min(grid.cells.length, 4); r++) {
      const c = grid.cells[r]!.findIndex((v) => SELF_TABLE.test(labelText(v)));
      if (c >= 0) return { status: "pass", where: addressOf(grid, r, c), note: `工作表“${grid.name}”是绩效自评表` };
    }
  }
  if (o) {
    const w = topicWindow(o, SELF_TABLE);
    if (piecesOf(o, w).some((p) => /一级指标|分值|得分/.test(p.text))) return { status: "pass", where: near(w, PERFORMANCE_SECTION), note: "情况说明中附有绩效自评表" };
    const none = statesNone(o, topicWindow(o, /绩效/), "自评");
    if (none) return { status: "na", where: textAt(o, none.start, none.end), note: "说明了本年度未开展绩效自评" };
  }
  return { status: "fail", where: { section: PERFORMANCE_SECTION, line: null }, note: sheets?.length ? "没有找到绩效自评表（标题含“绩效自评表”的工作表）" : "未提供绩效自评表" };
}

export function judgeGlossary(o: Outline | null): Judged {
  const section = "名词解释";
  if (!o) return noText(section);
  const w = sectionWindow(o, section);
  if (!w) return missing(section, "情况说明中没有名词解释");
  const n = glossaryEntries(o, w);
  if (!n) return { status: "fail", where: near(w, section), note: "名词解释部分没有内容（或仍待填写）" };
  return { status: "pass", where: near(w, section), note: `名词解释列出 ${n} 个名词` };
}

export function judgeSection(title: string, o: Outline | null): Judged {
  if (!o) return noText(title);
  const w = sectionWindow(o, title);
  if (!w) return missing(title, `缺少“${title}”部分`);
  return { status: "pass", where: near(w, title), note: `有“${title}”部分` };
}

