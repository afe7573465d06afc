// Reads each kind of table from its region of a sheet (title row to the next title): coded tables by 功能分类,
// the 经济分类 table T06 in side-by-side blocks, the balance tables T01/T04 split into their halves, and T07.

import { label } from "./labels.ts";
import { type AmountUnit, DEFAULT_UNIT, UNIT_SCALE } from "./amount-unit.ts";
import { type Cell, type SheetGrid, addressOf } from "./grid.ts";
import { bodyRows, findHeader, stripNumbering, type Header } from "./header.ts";
import { CODED_COLUMNS, CODE_COLUMN, NAME_COLUMN, SPLIT_CODE_COLUMN, mapColumns } from "./columns.ts";
import type { BalanceBlock, BalanceLine, CodedTable, EconomicTable, Figure, BalanceTable, SangongTable, Table } from "./model.ts";
import { type CellProblem, type RowLayout, readCodedRows, readFigureCell } from "./read-rows.ts";
import { type TableId, tableName } from "./table-ids.ts";

export interface Region {
  id: TableId;
  grid: SheetGrid;
  cells: Cell[][];
  titleRow: number;
  titleCol: number;
  end: number;
  year: number | null;
  unit: string | null;
  /** the money unit the title block states, if it does */
  amountUnit: AmountUnit | null;
}

export interface TableRead {
  table: Table | null;
  /** why the table (or a part) could not be read */
  problems: string[];
  cellProblems: CellProblem[];
}

export function readTable(region: Region): TableRead {
  const header = findHeader(region.cells, region.titleRow + 1, region.end, region.grid.merges === undefined);
  if (!header) return { table: null, problems: [`${tableName(region.id)}：标题下没有表头`], cellProblems: [] };
  // a unit a header cell or a unit column states is the table's own; else the title block's; else 万元
  region = { ...region, amountUnit: header.unit ?? unitColumn(region, header) ?? region.amountUnit ?? DEFAULT_UNIT };
  switch (region.id) {
    case "T01":
    case "T04":
      return readBalance(region, header);
    case "T06":
      return readEconomic(region, header);
    case "T07":
      return readSangong(region, header);
    default:
      return readCoded(region, header);
  }
}

function base(region: Region, header: Header, columns: Map<string, number>) {
  return {
    id: region.id,
    sheet: region.grid.name,
    titleAt: addressOf(region.grid, region.titleRow, region.titleCol),
    columns: Object.fromEntries(
      [...columns].map(([key, c]) => [key, { header: header.labels[c]!, at: addressOf(region.grid, header.bottom, c) }]),
    ),
    year: region.year,
    unit: region.unit,
    amountUnit: unitOf(region),
  };
}

const unitOf = (region: Region): AmountUnit => region.amountUnit ?? DEFAULT_UNIT;

const UNIT_COLUMN = /^(计量|金额)?单位$/;

/** A column headed 单位 whose cells name the money unit (项目 | 单位 | 预算数 | 决算数): the unit when all agree. */
function unitColumn(region: Region, header: Header): AmountUnit | null {
  const c = header.labels.findIndex((l) => UNIT_COLUMN.test(l));
  if (c < 0) return null;
  const units = new Set<string>();
  for (let r = header.firstDataRow; r < region.end; r++) {
    const text = label(region.cells[r]?.[c]);
    if (text) units.add(text);
  }
  const [only] = units;
  return units.size === 1 && only && only in UNIT_SCALE ? (only as AmountUnit) : null;
}

/** Columns with a header the reader gave no meaning to: named with the text seen, never silently dropped. */
function unplaced(region: Region, header: Header, used: Iterable<number>): string[] {
  const taken = new Set(used);
  return header.labels.flatMap((label, c) =>
    label && !taken.has(c) && !/^(行次|栏次)$|\/(行次|栏次)$/.test(label) && !UNIT_COLUMN.test(label)
      ? [`${tableName(region.id)}：不认识的列“${label}”（${addressOf(region.grid, header.bottom, c).cell}），此列的数字未核对`]
      : [],
  );
}

function readCoded(region: Region, header: Header): TableRead {
  const specs = CODED_COLUMNS[region.id]!;
  const { labels } = header;
  const problems: string[] = [];
  const splitCol = (level: string) => {
    const i = labels.findIndex((l) => SPLIT_CODE_COLUMN.test(l) && l.endsWith(level));
    return i >= 0 ? i : null;
  };
  const [l, k, x] = [splitCol("类"), splitCol("款"), splitCol("项")];
  // 类 with 款 and/or 项 beside it; a split header lacking 款 still reads (项 cells then carry 款 and 项 together)
  const split = l !== null && (k !== null || x !== null) ? { 类: l, 款: k, 项: x } : null;
  const codeCol = split ? null : firstIndex(labels, CODE_COLUMN);
  const nameCol = firstIndex(labels, NAME_COLUMN, new Set([codeCol ?? -1, l ?? -1, k ?? -1, x ?? -1]));
  const skip = new Set([codeCol, nameCol, split?.类, split?.款, split?.项].filter((c): c is number => c !== null && c !== undefined));
  const { found, missing } = mapColumns(labels, specs, skip);
  if (nameCol === null && codeCol === null && !split) problems.push(`${tableName(region.id)}：找不到“科目编码”或“科目名称”列`);
  for (const m of missing) problems.push(`${tableName(region.id)}：找不到“${m.key}”列`);
  if (found.size === 0) return { table: null, problems, cellProblems: [] };
  problems.push(...unplaced(region, header, [...skip, ...found.values()]));
  const cellProblems: CellProblem[] = [];
  const layout: RowLayout = { code: codeCol, split, name: nameCol, amounts: found, unit: unitOf(region) };
  const { rows, notes, levelsUnknown } = readCodedRows(region.grid, region.cells, layout, header.firstDataRow, region.end, cellProblems);
  const table: CodedTable = { kind: "coded", ...base(region, header, found), rows, notes };
  if (levelsUnknown) table.levelsUnknown = `${tableName(region.id)}只有科目名称，没有编码、（类）（款）（项）标记或缩进，看不出层级`;
  return { table, problems, cellProblems };
}

function firstIndex(labels: string[], re: RegExp, skip = new Set<number>()): number | null {
  const i = labels.findIndex((l, c) => !skip.has(c) && l !== "" && re.test(l));
  return i >= 0 ? i : null;
}

const PERSONNEL_TOTAL = /人员经费(合计)?$/;
const PUBLIC_TOTAL = /公用经费(合计)?$/;

function readEconomic(region: Region, header: Header): TableRead {
  const { labels } = header;
  const codeCols = labels.flatMap((l, i) => (/(编码|代码)$/.test(l) ? [i] : []));
  if (!codeCols.length) return { table: null, problems: [`${tableName(region.id)}：找不到“经济分类科目编码”列`], cellProblems: [] };
  const blocks = codeCols.map((code, b) => {
    const end = codeCols[b + 1] ?? labels.length;
    const inBlock = (re: RegExp) => {
      for (let c = code + 1; c < end; c++) if (re.test(labels[c]!)) return c;
      return null;
    };
    return { code, name: inBlock(/名称$/), amount: inBlock(/决算数|金额|合计$|支出$/) };
  });
  const problems: string[] = [];
  const cellProblems: CellProblem[] = [];
  const rows: EconomicTable["rows"] = [];
  const totals: EconomicTable["totals"] = {};
  const notes: string[] = [];
  const columns = new Map<string, number>();
  blocks.forEach((b, i) => {
    if (b.amount === null) problems.push(`${tableName(region.id)}：第 ${i + 1} 组找不到“决算数”列`);
    else columns.set(i === 0 ? "决算数" : `决算数${i + 1}`, b.amount);
  });
  for (const [r, row] of bodyRows(region.cells, header.firstDataRow, region.end, notes)) {
    for (const b of blocks) {
      if (b.amount === null) continue;
      const codeText = label(row[b.code]);
      const nameText = b.name !== null ? label(row[b.name]) : "";
      const shownLabel = nameText || codeText;
      const figure = (): Figure => readFigureCell(region.grid, region.cells, r, b.amount!, cellProblems, unitOf(region));
      if (PERSONNEL_TOTAL.test(shownLabel) && !/^3/.test(codeText)) totals.personnel = figure();
      else if (PUBLIC_TOTAL.test(shownLabel) && !/^3/.test(codeText)) totals.public = figure();
      else {
        // the code has its own column, or leads the name ("30101基本工资")
        const m = /^(3\d{2}(?:\d{2})?)(.*)$/.exec(codeText || nameText);
        if (!m) continue;
        const code = m[1]!;
        rows.push({
          code,
          name: codeText && nameText ? nameText : m[2]!,
          level: code.length === 3 ? "类" : "款",
          isTotal: false,
          figures: { 决算数: figure() },
          nameAt: addressOf(region.grid, r, b.name ?? b.code),
          codeAt: addressOf(region.grid, r, b.code),
        });
      }
    }
  }
  problems.push(...unplaced(region, header, blocks.flatMap((b) => [b.code, b.name, b.amount].filter((c): c is number => c !== null))));
  const table: EconomicTable = { kind: "economic", ...base(region, header, columns), rows, totals, notes };
  return { table, problems, cellProblems };
}

// the 三公 items, most specific first: 公务用车购置及运行(维护)费 is the car subtotal, not its 运行 part
const SANGONG_ITEMS: [string, RegExp][] = [
  // "“三公”经费合计" where the table also lists 会议费 and 培训费 under a grand 合计
  ["三公合计", /^"?三公"?经费(支出)?(合计|小计)?$/],
  ["合计", /合计$|总计$/],
  ["出国", /出国|出境/],
  ["公车小计", /小计$|购置及运行(维护)?费?$/],
  ["购置", /购置费?$/],
  ["运行", /运行(维护)?费?$/],
  ["接待", /接待/],
  ["会议费", /会议费/],
  ["培训费", /培训费/],
];
const SANGONG_CHECKED = ["合计", "出国", "公车小计", "购置", "运行", "接待"];

// what a column (or, transposed, a row) measures; 上年决算 before 决算
const SANGONG_MEASURES: [string, RegExp][] = [
  ["上年", /^上年(决算)?(数)?$|^上年/],
  ["增减", /^增减(额|数)?$|^比上年增减/],
  ["预算", /预算(数)?$/],
  ["决算", /决算(数)?$|^实际(支出)?(数)?$/],
];

const itemOf = (text: string) => {
  const leaf = stripNumbering(text.replace(/[“”]/g, '"')).key;
  return SANGONG_ITEMS.find(([, re]) => re.test(leaf))?.[0] ?? null;
};
const measureOf = (text: string) => SANGONG_MEASURES.find(([, re]) => re.test(text))?.[0] ?? null;

/**
 * T07 either way round: items across with 预算数/决算数 under each (one row of figures), or items down the
 * rows (合计, 因公出国（境）费, …, 其中 rows) with the measures across. A blank 其中 cell reads as 0.
 */
function readSangong(region: Region, header: Header): TableRead {
  const across = new Map<string, number>();
  const measures = new Map<string, number>();
  header.labels.forEach((label, c) => {
    const parts = label.split("/");
    const mi = parts.findIndex((p) => measureOf(p));
    if (mi < 0) return;
    const measure = measureOf(parts[mi]!)!;
    const rest = parts.filter((p, i) => i !== mi && !/^"?三公"?经费$|^项目$/.test(p.replace(/[“”]/g, '"')));
    if (!rest.length) {
      if (!measures.has(measure)) measures.set(measure, c);
      return;
    }
    const item = itemOf(rest[rest.length - 1]!);
    if (item && !across.has(`${measure}.${item}`)) across.set(`${measure}.${item}`, c);
  });
  const itemsAcross = new Set([...across.keys()].map((k) => k.split(".")[1]));
  const cellProblems: CellProblem[] = [];
  const notes: string[] = [];
  const figures: Record<string, Figure> = {};
  const columns = new Map<string, number>();
  const unit = unitOf(region);
  const used: number[] = [];
  if (itemsAcross.size >= 2 || !measures.size) {
    // one row of figures under the header; columns with a measure alone are the 合计
    for (const [m, c] of measures) if (!across.has(`${m}.合计`)) across.set(`${m}.合计`, c);
    let dataRow: number | null = null;
    for (const [r] of bodyRows(region.cells, header.firstDataRow, region.end, notes, across.values())) dataRow ??= r;
    const r = dataRow ?? header.firstDataRow;
    for (const [key, c] of across) {
      figures[key] = readFigureCell(region.grid, region.cells, r, c, cellProblems, unit);
      columns.set(key, c);
      used.push(c);
    }
  } else {
    const labelCol = labelColumn(header.labels, new Set(measures.values()));
    used.push(labelCol, ...measures.values());
    for (const [m, c] of measures) columns.set(m, c);
    for (const [r, row] of bodyRows(region.cells, header.firstDataRow, region.end, notes, measures.values())) {
      const item = itemOf(label(row[labelCol]));
      if (!item || figures[`${[...measures.keys()][0]}.${item}`]) continue;
      for (const [m, c] of measures) figures[`${m}.${item}`] = readFigureCell(region.grid, region.cells, r, c, cellProblems, unit);
    }
  }
  settleTotals(figures);
  const shown = [...new Set(Object.keys(figures).map((k) => k.split(".")[0]!))];
  const problems: string[] = [];
  for (const which of ["预算", "决算"]) {
    if (!shown.includes(which)) {
      problems.push(`${tableName(region.id)}：找不到“${which}数”`);
      continue;
    }
    for (const item of SANGONG_CHECKED) if (!figures[`${which}.${item}`]) problems.push(`${tableName(region.id)}：找不到“${which}数 ${item}”`);
  }
  if (!Object.keys(figures).length) return { table: null, problems, cellProblems };
  problems.push(...unplaced(region, header, used));
  const table: SangongTable = { kind: "sangong", ...base(region, header, columns), figures, measures: shown, notes };
  return { table, problems, cellProblems };
}

/**
 * A table that adds 会议费 and 培训费 has a 三公 total and a grand total: the 三公 one is what the 三公 sums
 * check (key 合计), the grand one becomes 总计.
 */
function settleTotals(figures: Record<string, Figure>): void {
  for (const key of Object.keys(figures)) {
    if (!key.endsWith(".三公合计")) continue;
    const m = key.slice(0, -".三公合计".length);
    if (figures[`${m}.合计`]) figures[`${m}.总计`] = figures[`${m}.合计`]!;
    figures[`${m}.合计`] = figures[key]!;
    delete figures[key];
  }
}

/** The column of row labels: headed 项目/名称, else the first column that is not a figure column. */
function labelColumn(labels: string[], figures: Set<number>): number {
  const named = labels.findIndex((l, c) => !figures.has(c) && /项目|名称|科目/.test(l));
  if (named >= 0) return named;
  const first = labels.findIndex((_, c) => !figures.has(c));
  return first >= 0 ? first : 0;
}

const T04_FUNDS: [string, RegExp][] = [
  ["一般公共预算", /一般公共预算/],
  ["政府性基金", /政府性基金/],
  ["国有资本经营", /国有资本经营/],
  ["合计", /合计$|决算数$|金额$/],
];

function readBalance(region: Region, header: Header): TableRead {
  const { labels } = header;
  const labelCols = labels.flatMap((l, i) => (/项目$/.test(l) ? [i] : []));
  if (labelCols.length < 2) {
    return { table: null, problems: [`${tableName(region.id)}：找不到收入、支出两栏的“项目”列`], cellProblems: [] };
  }
  const problems: string[] = [];
  const cellProblems: CellProblem[] = [];
  const columns = new Map<string, number>();
  const blocks = labelCols.slice(0, 2).map((labelCol, b) => {
    const end = labelCols[b + 1] ?? labels.length;
    const side = b === 0 ? ("income" as const) : ("expense" as const);
    const amounts = new Map<string, number>();
    const candidates: number[] = [];
    for (let c = labelCol + 1; c < end; c++) if (labels[c] && !/行次|栏次/.test(labels[c]!)) candidates.push(c);
    if (candidates.length === 1) amounts.set("决算数", candidates[0]!);
    else {
      for (const c of candidates) {
        const fund = T04_FUNDS.find(([, re]) => re.test(labels[c]!))?.[0];
        if (fund && !amounts.has(fund)) amounts.set(fund, c);
      }
    }
    if (!amounts.size) problems.push(`${tableName(region.id)}：${side === "income" ? "收入" : "支出"}栏找不到金额列`);
    problems.push(...unplaced(region, { ...header, labels: labels.map((l, c) => (candidates.includes(c) ? l : "")) }, amounts.values()));
    for (const [k, c] of amounts) columns.set(`${side === "income" ? "收入" : "支出"}.${k}`, c);
    return { side, labelCol, amounts };
  });
  const notes: string[] = [];
  const lines: Record<"income" | "expense", BalanceLine[]> = { income: [], expense: [] };
  for (const [r, row] of bodyRows(region.cells, header.firstDataRow, region.end, notes)) {
    for (const b of blocks) {
      const text = label(row[b.labelCol]);
      if (!text) continue;
      const { key, numbered, sub } = stripNumbering(text);
      const figures: Record<string, Figure> = {};
      for (const [k, c] of b.amounts) figures[k] = readFigureCell(region.grid, region.cells, r, c, cellProblems, unitOf(region));
      lines[b.side].push({ label: text, key, numbered, sub, figures, labelAt: addressOf(region.grid, r, b.labelCol) });
    }
  }
  const block = (side: "income" | "expense"): BalanceBlock => ({
    side,
    lines: lines[side],
    columns: [...blocks.find((b) => b.side === side)!.amounts.keys()],
  });
  const table: BalanceTable = { kind: "balance", ...base(region, header, columns), income: block("income"), expense: block("expense"), notes };
  return { table, problems, cellProblems };
}
