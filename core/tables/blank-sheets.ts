// The standard disclosure sheets a clerk starts from, as plans of cells: title, 编制单位/单位 row, headers, the
// fixed rows of T01/T04/T07, room for 科目 rows, a 补充资料 sheet for the inputs the tables do not carry, and the
// narrative's derived figures as =JS.… formulas. The task pane writes the plans; the reader finds them again.

import type { Template } from "../templates/template.ts";
import { TABLE_IDS, TABLE_TITLES, type TableId } from "./table-ids.ts";

export type PlanCell = string | number | null;

export interface SheetPlan {
  name: string;
  table: TableId | "supplementary";
  cells: PlanCell[][];
  /** merged areas, A1 notation */
  merges: string[];
  /** the area of figures (万元, 2 decimals), A1 notation */
  figures: string | null;
  /** header rows (bold), 0-based */
  headerRows: number[];
  /** cells holding formulas (=JS.…), A1 → formula */
  formulas: Record<string, string>;
}

const ITEM_ROWS = 12;

const INCOME_LINES = ["一、一般公共预算财政拨款收入", "二、政府性基金预算财政拨款收入", "三、国有资本经营预算财政拨款收入", "四、上级补助收入", "五、事业收入", "六、经营收入", "七、附属单位上缴收入", "八、其他收入"];
const T01_INCOME_TAIL = ["本年收入合计", "使用非财政拨款结余", "年初结转和结余", "总计"];
const T01_EXPENSE_TAIL = ["本年支出合计", "结余分配", "年末结转和结余", "总计"];
const FUND_LINES = ["一、一般公共预算财政拨款", "二、政府性基金预算财政拨款", "三、国有资本经营预算财政拨款"];

const letter = (c: number) => String.fromCharCode(65 + c);

export const sheetName = (id: TableId) => `公开${id.slice(1)}表`;

function head(title: string, unit: string, year: number, width: number): { cells: PlanCell[][]; merges: string[] } {
  const last = letter(width - 1);
  return {
    cells: [[`${year}年度${title}`], [`编制单位：${unit}`, ...Array(width - 2).fill(null), "单位：万元"]],
    merges: [`A1:${last}1`],
  };
}

function coded(id: TableId, title: string, unit: string, year: number, columns: string[], totalLast = false): SheetPlan {
  const width = 2 + columns.length;
  const h = head(title, unit, year, width);
  const header: PlanCell[] = ["科目编码", "科目名称", ...columns];
  const total: PlanCell[] = [null, "合计", ...columns.map(() => null)];
  const blanks: PlanCell[][] = Array.from({ length: ITEM_ROWS }, () => Array(width).fill(null));
  const body = totalLast ? [...blanks, total] : [total, ...blanks];
  const first = 4;
  return {
    name: sheetName(id),
    table: id,
    cells: [...h.cells, header, ...body],
    merges: h.merges,
    figures: `C${first}:${letter(width - 1)}${first + body.length - 1}`,
    headerRows: [2],
    formulas: {},
  };
}

function balance(id: "T01" | "T04", title: string, unit: string, year: number): SheetPlan {
  const expenseCols = id === "T01" ? ["决算数"] : ["合计", "一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款"];
  const width = 3 + expenseCols.length;
  const h = head(title, unit, year, width);
  const income = id === "T01" ? [...INCOME_LINES, ...T01_INCOME_TAIL.slice(0, -1)] : [...FUND_LINES, "本年收入合计", "年初财政拨款结转和结余", ...FUND_LINES];
  // room for one line per 类 of expenditure, then the closing lines; 总计 on the last row of both halves
  const expenseTail = id === "T01" ? T01_EXPENSE_TAIL.slice(0, -1) : ["本年支出合计", "年末财政拨款结转和结余", ...FUND_LINES];
  const rows = balanceRows(id);
  const body: PlanCell[][] = Array.from({ length: rows }, (_, i) => {
    const row: PlanCell[] = Array(width).fill(null);
    row[0] = i === rows - 1 ? "总计" : (income[i] ?? null);
    const tailAt = i - ITEM_ROWS;
    row[2] = i === rows - 1 ? "总计" : tailAt >= 0 ? (expenseTail[tailAt] ?? null) : null;
    return row;
  });
  return {
    name: sheetName(id),
    table: id,
    cells: [...h.cells, ["项目", "决算数", "项目", ...expenseCols], ...body],
    merges: h.merges,
    figures: `B4:${letter(width - 1)}${3 + rows}`,
    headerRows: [2],
    formulas: {},
  };
}

function balanceRows(id: "T01" | "T04"): number {
  return id === "T01" ? Math.max(INCOME_LINES.length + 3, ITEM_ROWS + 3) + 1 : Math.max(8, ITEM_ROWS + 5) + 1;
}

function economic(unit: string, year: number, title: string): SheetPlan {
  const h = head(title, unit, year, 6);
  const labels = ["经济分类科目编码", "科目名称", "决算数"];
  const blanks = Array.from({ length: ITEM_ROWS * 2 }, () => Array(6).fill(null) as PlanCell[]);
  return {
    name: sheetName("T06"),
    table: "T06",
    cells: [...h.cells, [...labels, ...labels], ...blanks, ["人员经费合计", null, null, "公用经费合计", null, null]],
    merges: h.merges,
    figures: `C4:C${4 + blanks.length}`,
    headerRows: [2],
    formulas: {},
  };
}

function sangong(unit: string, year: number, title: string): SheetPlan {
  const items = ["合计", "因公出国（境）费", "公务用车购置及运行费小计", "公务用车购置费", "公务用车运行维护费", "公务接待费"];
  const h = head(title, unit, year, 12);
  return {
    name: sheetName("T07"),
    table: "T07",
    cells: [...h.cells, ["预算数", null, null, null, null, null, "决算数"], [...items, ...items], Array(12).fill(null)],
    merges: [...h.merges, "A3:F3", "G3:L3"],
    figures: "A5:L5",
    headerRows: [2, 3],
    formulas: {},
  };
}

/** The 补充资料 sheet: one row per input the template asks for, and the derived figures as =JS.… formulas. */
function supplementary(template: Template | null): SheetPlan {
  const fields = template?.supplementary?.fields ?? [];
  const cells: PlanCell[][] = [["补充资料（情况说明所需、公开表中没有的数据）"], ["项目", "数值", "单位"]];
  for (const f of fields) cells.push([f.label, null, f.unit ?? ""]);
  const formulas: Record<string, string> = {};
  const rowOf = (key: string) => 3 + Math.max(fields.findIndex((f) => f.key === key), 0);
  const t02 = `'${sheetName("T02")}'`;
  const t05 = `'${sheetName("T05")}'`;
  const t01 = `'${sheetName("T01")}'`;
  cells.push([], ["情况说明用数（自动计算）", null, null]);
  const start = cells.length + 1;
  const derived: [string, string, string][] = [
    ["财政拨款收入占本年收入合计", `=JS.PCT(${t02}!D4,${t02}!C4)`, "%"],
    ["事业收入占本年收入合计", `=JS.PCT(${t02}!F4,${t02}!C4)`, "%"],
    ["一般公共预算财政拨款支出完成年初预算", `=JS.RATE(${t05}!C${4 + ITEM_ROWS},B${rowOf("budget.一般公共预算财政拨款支出")})`, "%"],
    ["收入支出总计与上年相比", `=JS.YOY(${t01}!B${3 + balanceRows("T01")},B${rowOf("prior.收支总计")})`, ""],
  ];
  derived.forEach(([label, formula, unitText], i) => {
    cells.push([label, null, unitText]);
    formulas[`B${start + i}`] = formula;
  });
  return { name: "补充资料", table: "supplementary", cells, merges: ["A1:C1"], figures: `B3:B${2 + fields.length}`, headerRows: [1], formulas };
}

export function blankSheets(template: Template | null, unit: string, year: number): SheetPlan[] {
  const title = (id: TableId) => template?.tables.find((t) => t.id === id)?.title ?? TABLE_TITLES[id];
  const plans = TABLE_IDS.filter((id) => !template || template.tables.some((t) => t.id === id)).map((id): SheetPlan => {
    switch (id) {
      case "T01":
      case "T04":
        return balance(id, title(id), unit, year);
      case "T02":
        return coded(id, title(id), unit, year, ["本年收入合计", "财政拨款收入", "上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入"]);
      case "T03":
        return coded(id, title(id), unit, year, ["本年支出合计", "基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出"]);
      case "T05":
        return coded(id, title(id), unit, year, ["合计", "基本支出", "项目支出"], true);
      case "T06":
        return economic(unit, year, title(id));
      case "T07":
        return sangong(unit, year, title(id));
      default:
        return coded(id, title(id), unit, year, ["年初结转和结余", "本年收入", "本年支出小计", "基本支出", "项目支出", "年末结转和结余"]);
    }
  });
  return [...plans, supplementary(template)];
}
