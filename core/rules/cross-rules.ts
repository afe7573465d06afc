// The rules across tables (rules.md "Across tables"): the same figure in two tables is one figure, T05 lies
// inside T03, and the 三公-related 款 of T06 do not exceed T07. A rule whose table is missing or unreadable
// is not checked, with why.

import { nameKey } from "../codes/name-key.ts";
import type { BalanceLine, BalanceTable, CodedRow, CodedTable, EconomicTable, Figure, SangongTable, Table } from "../tables/model.ts";
import { type TableId, tableName } from "../tables/table-ids.ts";
import type { Findings } from "./finding.ts";
import { atMostFinding, equalFinding, shown, sumFinding } from "./judge.ts";
import { topRows } from "./hierarchy.ts";

type Tables = Partial<Record<TableId, Table>>;

export const CROSS_RULES = {
  "T01-T02": "cross.T01-T02",
  "T01-T03": "cross.T01-T03",
  "T01-T04": "cross.T01-T04",
  "T02-T04": "cross.T02-T04",
  "T04-T05": "cross.T04-T05",
  "T05-T06": "cross.T05-T06",
  "T04-T08": "cross.T04-T08",
  "T04-T09": "cross.T04-T09",
  "T05-T03": "cross.T05-T03",
  "T06-T07": "cross.T06-T07",
} as const;

const totalRow = (t: CodedTable) => t.rows.find((r) => r.isTotal);
const line = (lines: BalanceLine[], re: RegExp) => lines.find((l) => re.test(l.key));

/** Runs `body` when both tables were read, else lists the rule as not checked. */
function pair<A extends Table, B extends Table>(
  tables: Tables,
  why: (id: TableId) => string,
  out: Findings,
  rule: string,
  a: TableId,
  b: TableId,
  body: (a: A, b: B) => void,
): void {
  const ta = tables[a];
  const tb = tables[b];
  // a workbook of one table lists the ties of that table only; its info line says the others were not checked
  if (!ta && !tb && Object.keys(tables).length === 1) return;
  if (!ta) return out.skip(rule, why(a));
  if (!tb) return out.skip(rule, why(b));
  const blind = [[a, ta], [b, tb]].find(([, t]) => halfWithoutAmounts(t as Table));
  if (blind) return out.skip(rule, `${tableName(blind[0] as TableId)}的${halfWithoutAmounts(blind[1] as Table)}栏找不到金额列`);
  body(ta as A, tb as B);
}

/** A two-block table (收入 | 支出) whose block has no amount column cannot be tied: which block, or null. */
function halfWithoutAmounts(t: Table): string | null {
  if (!("income" in t) || !("expense" in t)) return null;
  const balance = t as BalanceTable;
  if (!balance.income.columns.length) return "收入";
  if (!balance.expense.columns.length) return "支出";
  return null;
}

export function crossRules(tables: Tables, why: (id: TableId) => string, out: Findings): void {
  const run = <A extends Table, B extends Table>(key: keyof typeof CROSS_RULES, a: TableId, b: TableId, body: (a: A, b: B) => void) =>
    pair<A, B>(tables, why, out, CROSS_RULES[key], a, b, body);

  run<BalanceTable, CodedTable>("T01-T02", "T01", "T02", (t1, t2) => {
    const rule = CROSS_RULES["T01-T02"];
    const total = totalRow(t2);
    if (!total) return out.skip(rule, `${tableName("T02")}没有合计行`);
    const fiscal = t1.income.lines.filter((l) => /财政拨款(收入)?$/.test(l.key) && !l.sub);
    const col = t1.income.columns[0]!;
    if (fiscal.length && total.figures.财政拨款收入) {
      const [first, ...rest] = fiscal;
      const figure = (l: BalanceLine) => l.figures[col]!;
      // one 财政拨款收入 line, or three (一般公共预算 / 政府性基金 / 国有资本经营) that add up to T02's column
      out.add(
        rest.length
          ? sumFinding(rule, total.figures.财政拨款收入, fiscal.map((l) => ({ figure: figure(l) })), `${tableName("T02")}合计行“财政拨款收入”`, `${tableName("T01")}各项财政拨款收入之和`)
          : equalFinding(rule, figure(first!), total.figures.财政拨款收入, `${tableName("T01")}“${first!.key}”`, `${tableName("T02")}合计行“财政拨款收入”`),
      );
    }
    for (const key of ["上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入", "本年收入合计"]) {
      const l = line(t1.income.lines, new RegExp(`^${key}$`));
      const f = total.figures[key];
      if (l && f) out.add(equalFinding(rule, l.figures[col]!, f, `${tableName("T01")}“${key}”`, `${tableName("T02")}合计行“${key}”`));
    }
  });

  run<BalanceTable, CodedTable>("T01-T03", "T01", "T03", (t1, t3) => {
    const rule = CROSS_RULES["T01-T03"];
    const col = t1.expense.columns[0]!;
    const total = totalRow(t3);
    const sub = line(t1.expense.lines, /^本年支出合计$/);
    if (total?.figures.本年支出合计 && sub) {
      out.add(equalFinding(rule, sub.figures[col]!, total.figures.本年支出合计, `${tableName("T01")}“本年支出合计”`, `${tableName("T03")}合计行`));
    }
    classLines(t1.expense.lines, col, t3, "本年支出合计", rule, "T01", "T03", out);
  });

  run<BalanceTable, BalanceTable>("T01-T04", "T01", "T04", (t1, t4) => {
    const rule = CROSS_RULES["T01-T04"];
    const c1 = t1.income.columns[0]!;
    const c4 = t4.income.columns[0]!;
    const sub4 = t4.income.lines.findIndex((l) => /^本年收入合计$/.test(l.key));
    for (const fund of ["一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款"]) {
      const l1 = line(t1.income.lines, new RegExp(`^${fund}(收入)?$`));
      const l4 = t4.income.lines.slice(0, sub4 < 0 ? undefined : sub4).find((l) => new RegExp(`^${fund}(收入)?$`).test(l.key));
      if (l1 && l4) out.add(equalFinding(rule, l1.figures[c1]!, l4.figures[c4]!, `${tableName("T01")}“${l1.key}”`, `${tableName("T04")}“${l4.key}”`));
    }
  });

  run<CodedTable, BalanceTable>("T02-T04", "T02", "T04", (t2, t4) => {
    const rule = CROSS_RULES["T02-T04"];
    const total = totalRow(t2)?.figures.财政拨款收入;
    const sub = line(t4.income.lines, /^本年收入合计$/);
    if (!total || !sub) return out.skip(rule, `${tableName("T02")}合计行或${tableName("T04")}“本年收入合计”行找不到`);
    out.add(equalFinding(rule, sub.figures[t4.income.columns[0]!]!, total, `${tableName("T04")}“本年收入合计”`, `${tableName("T02")}合计行“财政拨款收入”`));
  });

  run<BalanceTable, CodedTable>("T04-T05", "T04", "T05", (t4, t5) => {
    const rule = CROSS_RULES["T04-T05"];
    if (!t4.expense.columns.includes("一般公共预算")) return out.skip(rule, `${tableName("T04")}支出栏找不到“一般公共预算财政拨款”列`);
    const total = totalRow(t5)?.figures.小计;
    const sub = line(t4.expense.lines, /^本年支出合计$/);
    if (total && sub) out.add(equalFinding(rule, sub.figures.一般公共预算!, total, `${tableName("T04")}“本年支出合计”（一般公共预算）`, `${tableName("T05")}合计`));
    classLines(t4.expense.lines, "一般公共预算", t5, "小计", rule, "T04", "T05", out);
  });

  run<CodedTable, EconomicTable>("T05-T06", "T05", "T06", (t5, t6) => {
    const rule = CROSS_RULES["T05-T06"];
    const basic = totalRow(t5)?.figures.基本支出;
    if (!basic) return out.skip(rule, `${tableName("T05")}合计行没有“基本支出”`);
    const parts: Figure[] =
      t6.totals.personnel && t6.totals.public
        ? [t6.totals.personnel, t6.totals.public]
        : topRows(t6.rows).map((i) => t6.rows[i]!.figures.决算数!);
    out.add(sumFinding(rule, basic, parts.map((figure) => ({ figure })), `${tableName("T05")}合计行“基本支出”`, `${tableName("T06")}人员经费与公用经费之和`));
  });

  for (const [key, id, column] of [
    ["T04-T08", "T08", "政府性基金"],
    ["T04-T09", "T09", "国有资本经营"],
  ] as const) {
    run<BalanceTable, CodedTable>(key, "T04", id, (t4, tf) => {
      const rule = CROSS_RULES[key];
      const sub = line(t4.expense.lines, /^本年支出合计$/);
      const f = sub?.figures[column];
      const total = totalRow(tf)?.figures.本年支出;
      if (!f) {
        // a unit without this money leaves the column out of T04: consistent as long as the table is empty too
        if (!sub || !t4.expense.columns.includes("合计")) return out.skip(rule, `${tableName("T04")}支出栏找不到“${column}”列`);
        if (total && !total.value.isZero()) {
          out.add({ rule, severity: "error", message: `${tableName(id)}合计行“本年支出”为 ${shown(total.value, total.unit)}，${tableName("T04")}却没有“${column}”列`, where: total.at, related: [t4.titleAt], expected: "0.00", actual: shown(total.value) });
        }
        return;
      }
      if (total) out.add(equalFinding(rule, f, total, `${tableName("T04")}“本年支出合计”（${column}）`, `${tableName(id)}合计行“本年支出”`));
      else if (!f.value.isZero()) {
        out.add({
          rule,
          severity: "error",
          message: `${tableName("T04")}“本年支出合计”（${column}）为 ${shown(f.value, f.unit)}，${tableName(id)}却没有合计数`,
          where: f.at,
          related: [tf.titleAt],
          expected: "0.00",
          actual: shown(f.value),
        });
      }
    });
  }

  run<CodedTable, CodedTable>("T05-T03", "T05", "T03", (t5, t3) => {
    const rule = CROSS_RULES["T05-T03"];
    if (t3.rows.every((r) => r.isTotal || !r.code)) return out.skip(rule, `${tableName("T03")}只有科目名称、没有编码，未按科目对应核对`);
    const byCode = new Map(t3.rows.filter((r) => r.code).map((r) => [r.code!, r]));
    for (const row of t5.rows) {
      if (!row.code) continue;
      const other = byCode.get(row.code);
      const pairs: [string, string][] = [
        ["小计", "本年支出合计"],
        ["基本支出", "基本支出"],
        ["项目支出", "项目支出"],
      ];
      if (!other) {
        if (!row.figures.小计?.value.isZero()) {
          out.add({
            rule,
            severity: "error",
            message: `${tableName("T05")}有科目 ${row.code} ${row.name}，${tableName("T03")}却没有这一行`,
            where: row.nameAt,
            related: [],
          });
        }
        continue;
      }
      for (const [k5, k3] of pairs) {
        const a = row.figures[k5];
        const b = other.figures[k3];
        if (a && b) out.add(atMostFinding(rule, a, b, `${tableName("T05")} ${row.name}（${row.code}）“${k5}”`, `${tableName("T03")}同一科目的“${k3}”`));
      }
    }
  });

  run<EconomicTable, SangongTable>("T06-T07", "T06", "T07", (t6, t7) => {
    const rule = CROSS_RULES["T06-T07"];
    const items: [string[], string, string][] = [
      [["30212"], "出国", "因公出国（境）费"],
      [["30217"], "接待", "公务接待费"],
      [["30231"], "运行", "公务用车运行维护费"],
      [["31013", "30913"], "购置", "公务用车购置费"],
    ];
    for (const [codes, item, label] of items) {
      const limit = t7.figures[`决算.${item}`];
      if (!limit) continue;
      for (const row of t6.rows.filter((r) => codes.includes(r.code ?? ""))) {
        out.add(
          atMostFinding(
            rule,
            row.figures.决算数!,
            limit,
            `${tableName("T06")} ${row.name}（${row.code}）`,
            `${tableName("T07")}决算数“${label}”（三公经费含项目支出，基本支出部分不应更多）`,
            "warning",
          ),
        );
      }
    }
  });
}

/** The 类 lines of a balance table (T01/T04 支出) against the 类 rows of a coded table, matched by name. */
function classLines(lines: BalanceLine[], col: string, t: CodedTable, key: string, rule: string, a: TableId, b: TableId, out: Findings): void {
  if (t.levelsUnknown) return out.skip(rule, `${t.levelsUnknown}，未按类核对${tableName(a)}的各类`);
  const sub = lines.findIndex((l) => /^本年支出合计$/.test(l.key));
  const classRows = t.rows.filter((r) => r.level === "类");
  const byName = new Map(classRows.map((r) => [nameKey(r.name), r] as [string, CodedRow]));
  const seen = new Set<CodedRow>();
  for (const l of lines.slice(0, sub < 0 ? undefined : sub).filter((x) => !x.sub)) {
    const row = byName.get(nameKey(l.key));
    const f = l.figures[col];
    if (!f) continue;
    if (!row) {
      if (!f.value.isZero()) {
        out.add({ rule, severity: "error", message: `${tableName(a)}“${l.key}”为 ${shown(f.value, f.unit)}，${tableName(b)}却没有这一类`, where: f.at, related: [], actual: shown(f.value), expected: "0.00" });
      }
      continue;
    }
    seen.add(row);
    const g = row.figures[key];
    if (!g) {
      out.skip(rule, `${tableName(b)}找不到“${key}”列，未按类核对`);
      continue;
    }
    out.add(equalFinding(rule, f, g, `${tableName(a)}“${l.key}”`, `${tableName(b)}同名类的“${key}”`));
  }
  for (const row of classRows) {
    const f = row.figures[key];
    if (!seen.has(row) && f && !f.value.isZero()) {
      out.add({ rule, severity: "error", message: `${tableName(b)}有“${row.name}”${shown(f.value, f.unit)}，${tableName(a)}却没有这一类`, where: f.at, related: [], actual: "0.00", expected: shown(f.value) });
    }
  }
}
