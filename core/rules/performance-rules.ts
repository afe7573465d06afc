// Performance self-evaluation tables (项目支出绩效自评表) published with the narrative: every indicator's 得分 at
// most its 分值, each first-level group's 分值 adding up to the weight it states (产出指标（50分）), the whole to
// 100, and the budget-execution row's 执行率 = 执行数 ÷ 预算数 with its score = 分值 × 执行率.

import { Decimal, sum } from "../decimal.ts";
import { tryReadFigure } from "../figure-input.ts";
import { judgeSum } from "../rounding.ts";
import { judgeRate, bounds } from "../narrative/intervals.ts";
import { type Cell, type SheetGrid, addressOf, isBlank, labelText, unmerged } from "../tables/grid.ts";
import type { Findings } from "./finding.ts";

export const PERFORMANCE_RULES = {
  cap: "performance.score-cap",
  weights: "performance.weights",
  total: "performance.total",
  execution: "performance.execution",
} as const;

const TITLE = /绩效自评表/;
const fmt = (d: Decimal) => d.toFixed(Math.max(d.scale, 1));
const num = (v: Cell | undefined) => {
  const d = tryReadFigure(v);
  return d instanceof Decimal ? d : null;
};

/** A rate as a percentage: "95.00%" as written, a cell formatted as percent (0.95) times 100. */
function percentOf(v: Cell | undefined): Decimal | null {
  if (typeof v === "string" && /%\s*$/.test(v)) return num(v.replace(/%\s*$/, ""));
  const d = num(v);
  return d && typeof v === "number" && d.cmp(Decimal.fromInt(1)) <= 0 ? d.mul(Decimal.fromInt(100)) : d;
}

/** Runs the rules over every sheet titled …绩效自评表; says so when there is none. */
export function performanceRules(sheets: SheetGrid[], out: Findings): void {
  const found = sheets.filter((s) => s.cells.slice(0, 4).some((row) => row.some((c) => TITLE.test(labelText(c)))));
  if (!found.length) return out.skip(PERFORMANCE_RULES.cap, "没有绩效自评表");
  for (const sheet of found) checkSheet(sheet, unmerged(sheet), out);
}

function findColumns(row: Cell[], labels: Record<string, RegExp>): Record<string, number> | null {
  const cols: Record<string, number> = {};
  for (const [key, re] of Object.entries(labels)) {
    const c = row.findIndex((v) => re.test(labelText(v)));
    if (c < 0) return null;
    cols[key] = c;
  }
  return cols;
}

function checkSheet(grid: SheetGrid, cells: Cell[][], out: Findings): void {
  const at = (r: number, c: number) => addressOf(grid, r, c);

  const execWeight = checkExecution(cells, at, out);

  // the indicator rows: 一级指标 (carried down over merged cells), 分值, 得分
  const head = cells.findIndex((row) => row.some((c) => /^一级指标$/.test(labelText(c))) && row.some((c) => /^分值$/.test(labelText(c))));
  if (head < 0) return out.skip(PERFORMANCE_RULES.weights, `${grid.name}：找不到“一级指标”“分值”列`);
  const cols = findColumns(cells[head]!, { group: /^一级指标$/, weight: /^分值$/, score: /^得分$/ });
  if (!cols) return out.skip(PERFORMANCE_RULES.weights, `${grid.name}：找不到“得分”列`);
  const groups = new Map<string, { stated: Decimal | null; row: number; weights: { value: Decimal; r: number }[] }>();
  let group = "";
  const weights: Decimal[] = [];
  for (let r = head + 1; r < cells.length; r++) {
    const row = cells[r]!;
    if (row.every(isBlank)) continue;
    const label = labelText(row[cols.group!]);
    if (/^(总分|合计|总计)$/.test(label)) break;
    if (label) group = label;
    const weight = num(row[cols.weight!]);
    const score = num(row[cols.score!]);
    if (!weight || !group) continue;
    if (score && score.cmp(weight) > 0) {
      out.add({ rule: PERFORMANCE_RULES.cap, severity: "error", message: `得分 ${fmt(score)} 超过分值 ${fmt(weight)}`, where: at(r, cols.score!), related: [at(r, cols.weight!)], expected: `≤ ${fmt(weight)}`, actual: fmt(score) });
    }
    // the weight a group states in its label: 产出指标（50分）
    const stated = /(\d+(?:\.\d+)?)分/.exec(group)?.[1];
    const g = groups.get(group) ?? { stated: stated ? Decimal.parse(stated)! : null, row: r, weights: [] };
    g.weights.push({ value: weight, r });
    groups.set(group, g);
    weights.push(weight);
  }
  for (const [name, g] of groups) {
    if (!g.stated) continue;
    const total = sum(g.weights.map((w) => w.value));
    if (!total.eq(g.stated)) {
      out.add({ rule: PERFORMANCE_RULES.weights, severity: "error", message: `“${name}”标明 ${fmt(g.stated)} 分，其下各指标分值之和为 ${fmt(total)} 分`, where: at(g.row, cols.group!), related: g.weights.map((w) => at(w.r, cols.weight!)), expected: fmt(g.stated), actual: fmt(total) });
    }
  }
  const all = sum([...weights, ...(execWeight ? [execWeight] : [])]);
  if (weights.length && !all.eq(Decimal.fromInt(100))) {
    out.add({ rule: PERFORMANCE_RULES.total, severity: "warning", message: `各项分值合计 ${fmt(all)} 分，不是 100 分`, where: at(head, cols.weight!), related: [], expected: "100", actual: fmt(all) });
  }
}

/** The budget-execution row: 执行率 = 执行数 ÷ 预算数, its score = 分值 × 执行率 (at most 分值). Returns its 分值. */
function checkExecution(cells: Cell[][], at: (r: number, c: number) => ReturnType<typeof addressOf>, out: Findings): Decimal | null {
  const head = cells.findIndex((row) => row.some((c) => /^执行率$/.test(labelText(c))));
  if (head < 0) return null;
  const cols = findColumns(cells[head]!, { budget: /^全年预算数/, spent: /^全年执行数/, weight: /^分值$/, rate: /^执行率$/, score: /^得分$/ });
  const row = cells[head + 1];
  if (!cols || !row) return null;
  const [budget, spent, weight, score] = [cols.budget, cols.spent, cols.weight, cols.score].map((c) => num(row[c!]));
  const stated = percentOf(row[cols.rate!]);
  if (!budget || !spent || budget.sign <= 0) return weight ?? null;
  const r = head + 1;
  if (stated) {
    const j = judgeRate(stated, bounds(spent), bounds(budget));
    if (j.verdict === "wrong") {
      out.add({ rule: PERFORMANCE_RULES.execution, severity: "error", message: `执行率写作 ${fmt(stated)}%，全年执行数 ${fmt(spent)} ÷ 全年预算数 ${fmt(budget)} 应为 ${fmt(j.expected)}%`, where: at(r, cols.rate!), related: [at(r, cols.spent!), at(r, cols.budget!)], expected: `${fmt(j.expected)}%`, actual: `${fmt(stated)}%` });
    }
  }
  if (weight && score) {
    const share = Decimal.fromInt(1).cmp(spent.div(budget, 10)) < 0 ? Decimal.fromInt(1) : spent.div(budget, 10);
    const exact = weight.mul(share);
    if (judgeSum(score, [{ value: exact, sign: 1 }], Math.max(score.scale, 1)).verdict === "mismatch") {
      const expected = exact.round(Math.max(score.scale, 1));
      out.add({ rule: PERFORMANCE_RULES.execution, severity: "error", message: `预算执行率得分写作 ${fmt(score)}，按分值 ${fmt(weight)} × 执行率应为 ${fmt(expected)}`, where: at(r, cols.score!), related: [at(r, cols.weight!)], expected: fmt(expected), actual: fmt(score) });
    }
  }
  return weight ?? null;
}
