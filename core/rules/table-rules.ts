// The rules inside one table (rules.md "Inside one table"): row identities, hierarchy sums, the balances of
// T01/T04, carry-over of T08/T09, the 三公 sums of T07, the 人员/公用 totals of T06, empty-table statements.

import type { BalanceBlock, BalanceTable, CodedRow, CodedTable, EconomicTable, Figure, SangongTable, Table } from "../tables/model.ts";
import { type TableId, tableName } from "../tables/table-ids.ts";
import { childrenOf, topRows } from "./hierarchy.ts";
import type { Findings } from "./finding.ts";
import { sumFinding } from "./judge.ts";

export const RULES = {
  rowSum: "table.row-sum",
  hierarchy: "table.hierarchy",
  balance: "table.balance",
  carryOver: "table.carry-over",
  sangong: "table.sangong",
  basicTotals: "table.basic-totals",
  emptyStatement: "table.empty-statement",
} as const;

/** total, its parts, and how many of the first parts every table has (the others a unit may leave out) */
const ROW_SUMS: Partial<Record<TableId, [string, string[], number]>> = {
  T02: ["本年收入合计", ["财政拨款收入", "上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入"], 1],
  T03: ["本年支出合计", ["基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出"], 2],
  T05: ["小计", ["基本支出", "项目支出"], 2],
  T08: ["本年支出", ["基本支出", "项目支出"], 2],
  T09: ["本年支出", ["基本支出", "项目支出"], 2],
};

const rowName = (row: CodedRow) => (row.isTotal ? "合计行" : `${row.name}${row.code ? `（${row.code}）` : ""}`);

function missing(t: Table, keys: string[]): string[] {
  return keys.filter((k) => !t.columns[k]);
}

export function tableRules(t: Table, out: Findings): void {
  if (t.kind === "coded") {
    codedRowSums(t, out);
    hierarchy(t, Object.keys(t.columns), out);
    if (t.id === "T08" || t.id === "T09") carryOver(t, out);
  } else if (t.kind === "economic") {
    hierarchy(t, ["决算数"], out);
    basicTotals(t, out);
  } else if (t.kind === "balance") {
    balance(t, out);
  } else {
    sangong(t, out);
  }
  emptyStatement(t, out);
}

function codedRowSums(t: CodedTable, out: Findings): void {
  const spec = ROW_SUMS[t.id];
  if (!spec) return;
  const [total, all, always] = spec;
  const gone = missing(t, [total, ...all.slice(0, always)]);
  if (gone.length) return out.skip(RULES.rowSum, `${tableName(t.id)}找不到“${gone.join("”“")}”列`);
  // optional columns a table leaves out count as zero
  const parts = all.filter((p) => t.columns[p]);
  const partsWords = parts.join("、") + "之和";
  for (const row of t.rows) {
    out.add(
      sumFinding(
        RULES.rowSum,
        row.figures[total]!,
        parts.map((p) => ({ figure: row.figures[p]! })),
        () => `${tableName(t.id)} ${rowName(row)}“${total}”`,
        partsWords,
      ),
    );
  }
}

function hierarchy(t: CodedTable | EconomicTable, keys: string[], out: Findings): void {
  const rows = t.rows;
  if (!rows.some((r) => !r.isTotal)) return;
  if (t.kind === "coded" && t.levelsUnknown) return out.skip(RULES.hierarchy, `${t.levelsUnknown}，未核对合计与类、款、项之和`);
  const children = childrenOf(rows);
  const tops = topRows(rows);
  const sumOf = (key: string, idx: number[]) => idx.map((i) => ({ figure: rows[i]!.figures[key]! }));
  for (const key of keys) {
    if (!rows[0]?.figures[key]) continue;
    for (const [parent, kids] of children) {
      const row = rows[parent]!;
      out.add(sumFinding(RULES.hierarchy, row.figures[key]!, sumOf(key, kids), () => `${tableName(t.id)} ${rowName(row)}“${key}”`, () => `所属各${rows[kids[0]!]!.level}之和`));
    }
    for (const total of rows.filter((r) => r.isTotal)) {
      const level = tops.length ? rows[tops[0]!]!.level : "类";
      out.add(sumFinding(RULES.hierarchy, total.figures[key]!, sumOf(key, tops), `${tableName(t.id)} 合计行“${key}”`, `各${level}之和`));
    }
  }
}

function carryOver(t: CodedTable, out: Findings): void {
  const keys = ["年末结转和结余", "年初结转和结余", "本年收入", "本年支出"];
  const gone = missing(t, keys);
  if (gone.length) return out.skip(RULES.carryOver, `${tableName(t.id)}找不到“${gone.join("”“")}”列`);
  for (const row of t.rows) {
    const f = row.figures;
    out.add(
      sumFinding(
        RULES.carryOver,
        f.年末结转和结余!,
        [{ figure: f.年初结转和结余! }, { figure: f.本年收入! }, { figure: f.本年支出!, sign: -1 }],
        () => `${tableName(t.id)} ${rowName(row)}“年末结转和结余”`,
        "年初结转和结余 + 本年收入 − 本年支出",
      ),
    );
  }
}

function basicTotals(t: EconomicTable, out: Findings): void {
  const tops = topRows(t.rows).map((i) => t.rows[i]!);
  const personnel = tops.filter((r) => /^30[13]/.test(r.code ?? ""));
  const others = tops.filter((r) => !/^30[13]/.test(r.code ?? ""));
  const check = (total: Figure | undefined, rows: CodedRow[], what: string, parts: string) => {
    if (!total) return out.skip(RULES.basicTotals, `${tableName(t.id)}没有“${what}”行`);
    out.add(sumFinding(RULES.basicTotals, total, rows.map((r) => ({ figure: r.figures.决算数! })), `${tableName(t.id)}“${what}”`, parts));
  };
  check(t.totals.personnel, personnel, "人员经费合计", "工资福利支出（301）与对个人和家庭的补助（303）之和");
  check(t.totals.public, others, "公用经费合计", "商品和服务支出（302）、资本性支出（310）等公用经费各类之和");
}

const SUBTOTAL = /^本年(收入|支出)合计$/;

function balance(t: BalanceTable, out: Findings): void {
  for (const block of [t.income, t.expense]) balanceBlock(t, block, out);
  const income = t.income.lines.find((l) => l.key === "总计");
  const expense = t.expense.lines.find((l) => l.key === "总计");
  const incomeCol = t.income.columns[0];
  const expenseCol = t.expense.columns.includes("合计") ? "合计" : t.expense.columns[0];
  if (income && expense && incomeCol && expenseCol) {
    out.add(sumFinding(RULES.balance, income.figures[incomeCol]!, [{ figure: expense.figures[expenseCol]! }], `${tableName(t.id)}收入总计`, "支出总计"));
  } else out.skip(RULES.balance, `${tableName(t.id)}找不到收入或支出的“总计”行`);
  if (t.id === "T04") {
    // a unit without 政府性基金 or 国有资本经营 money often leaves that column out: the row sums run over those present
    const funds = ["一般公共预算", "政府性基金", "国有资本经营"].filter((k) => t.expense.columns.includes(k));
    if (!t.expense.columns.includes("合计") || !funds.length) {
      out.skip(RULES.rowSum, `${tableName(t.id)}支出栏找不到“合计”或各类财政拨款列`);
      return;
    }
    for (const line of t.expense.lines) {
      out.add(sumFinding(RULES.rowSum, line.figures.合计!, funds.map((k) => ({ figure: line.figures[k]! })), `${tableName(t.id)}“${line.key}”合计`, `${funds.join("、")}${funds.length > 1 ? `${funds.length === 3 ? "三" : "两"}列之和` : "列"}`));
    }
  }
}

function balanceBlock(t: BalanceTable, block: BalanceBlock, out: Findings): void {
  const side = block.side === "income" ? "收入" : "支出";
  const lines = block.lines;
  const sub = lines.findIndex((l) => SUBTOTAL.test(l.key));
  const total = lines.findIndex((l) => l.key === "总计");
  if (sub < 0 || total < 0 || total < sub) {
    out.skip(RULES.balance, `${tableName(t.id)}${side}栏找不到“本年${side}合计”或“总计”行`);
    return;
  }
  const before = lines.slice(0, sub).filter((l) => !l.sub);
  const tops = before.some((l) => l.numbered) ? before.filter((l) => l.numbered) : before;
  const adjustments: { line: (typeof lines)[number]; children: typeof lines }[] = [];
  for (const line of lines.slice(sub + 1, total)) {
    if (line.sub) continue;
    if (!line.numbered || !adjustments.length) adjustments.push({ line, children: [] });
    else adjustments[adjustments.length - 1]!.children.push(line);
  }
  for (const col of block.columns) {
    const subtotal = lines[sub]!;
    out.add(sumFinding(RULES.balance, subtotal.figures[col]!, tops.map((l) => ({ figure: l.figures[col]! })), `${tableName(t.id)}“${subtotal.key}”${colName(col)}`, `${side}各项之和`));
    out.add(
      sumFinding(
        RULES.balance,
        lines[total]!.figures[col]!,
        [subtotal, ...adjustments.map((a) => a.line)].map((l) => ({ figure: l.figures[col]! })),
        `${tableName(t.id)}${side}“总计”${colName(col)}`,
        [subtotal, ...adjustments.map((a) => a.line)].map((l) => l.key).join(" + "),
      ),
    );
    for (const a of adjustments) {
      if (!a.children.length) continue;
      out.add(sumFinding(RULES.balance, a.line.figures[col]!, a.children.map((l) => ({ figure: l.figures[col]! })), `${tableName(t.id)}“${a.line.key}”${colName(col)}`, "其下各项之和"));
    }
  }
}

const colName = (col: string) => (col === "决算数" ? "" : `（${col}）`);

function sangong(t: SangongTable, out: Findings): void {
  for (const which of t.measures.filter((m) => m !== "增减")) {
    const f = (item: string) => t.figures[`${which}.${item}`];
    const [total, abroad, cars, buy, run, hosting] = ["合计", "出国", "公车小计", "购置", "运行", "接待"].map(f);
    const name = which === "上年" ? "上年决算数" : `${which}数`;
    if (total && abroad && cars && hosting) {
      out.add(sumFinding(RULES.sangong, total, [abroad, cars, hosting].map((figure) => ({ figure })), `${tableName(t.id)}${name}合计`, "因公出国（境）费、公务用车购置及运行维护费、公务接待费之和"));
    } else out.skip(RULES.sangong, `${tableName(t.id)}缺少${name}的合计或分项`);
    if (cars && buy && run) {
      out.add(sumFinding(RULES.sangong, cars, [buy, run].map((figure) => ({ figure })), `${tableName(t.id)}${name}“公务用车购置及运行维护费”小计`, "购置费与运行维护费之和"));
    } else out.skip(RULES.sangong, `${tableName(t.id)}缺少${name}的公务用车小计、购置费或运行维护费`);
    const [grand, meetings, training] = ["总计", "会议费", "培训费"].map(f);
    if (grand && total) {
      const parts = [total, meetings, training].filter((x): x is Figure => !!x);
      out.add(sumFinding(RULES.sangong, grand, parts.map((figure) => ({ figure })), `${tableName(t.id)}${name}总计`, "“三公”经费合计与会议费、培训费之和"));
    }
  }
  // 增减 = 决算 − 上年, item by item, where the table shows all three
  if (t.measures.includes("增减") && t.measures.includes("上年")) {
    for (const [key, change] of Object.entries(t.figures)) {
      const [m, item] = key.split(".");
      const now = t.figures[`决算.${item}`];
      const before = t.figures[`上年.${item}`];
      if (m !== "增减" || !now || !before) continue;
      out.add(sumFinding(RULES.sangong, change, [{ figure: now }, { figure: before, sign: -1 }], `${tableName(t.id)}“${item}”增减`, "决算数减上年决算数"));
    }
  }
}

/** The words that say a table is empty on purpose (本表为空表 / 无…收入支出 / 故本表无数据). */
const EMPTY_STATEMENT = /空表|无数据|没有.*(收入|支出|经费)|无.*(收入|支出|经费)|不涉及/;

function isEmpty(t: Table): boolean {
  const zero = (figures: Record<string, Figure>) => {
    for (const k in figures) if (!figures[k]!.value.isZero()) return false;
    return true;
  };
  if (t.kind === "coded" || t.kind === "economic") return t.rows.every((r) => zero(r.figures));
  if (t.kind === "sangong") return zero(t.figures);
  return [...t.income.lines, ...t.expense.lines].every((l) => zero(l.figures));
}

function emptyStatement(t: Table, out: Findings): void {
  if (!isEmpty(t) || t.notes.some((n) => EMPTY_STATEMENT.test(n))) return;
  out.add({
    rule: RULES.emptyStatement,
    severity: "warning",
    message: `${tableName(t.id)}没有数据，但表下没有“本单位本年度无…，故本表为空表”之类的说明`,
    where: t.titleAt,
    related: [],
  });
}
