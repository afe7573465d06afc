// What core reads out of the grids: each table as rows of figures that remember their cells, so every rule
// can point back at the cell a clerk must fix.

import type { Decimal } from "../decimal.ts";
import type { AmountUnit } from "./amount-unit.ts";
import type { CodeLevel } from "../codes/code-format.ts";
import type { CellRef } from "./grid.ts";
import type { TableId } from "./table-ids.ts";

/** A figure as the table shows it, with its cell; `blank` when the cell was empty (read as 0). */
export interface Figure {
  value: Decimal;
  at: CellRef;
  blank: boolean;
  /** the cell held text that is not a number; rules leave identities with such a figure to that finding */
  invalid?: boolean;
  /** the unit of `value` — its table's `amountUnit`; absent means 万元 */
  unit?: AmountUnit;
}

/** A row of a table listed by 功能分类 (T02, T03, T05, T08, T09) or 经济分类 (T06). */
export interface CodedRow {
  /** digits when the table gives or implies them */
  code: string | null;
  name: string;
  /** 合计 rows have no level */
  level: CodeLevel | null;
  isTotal: boolean;
  figures: Record<string, Figure>;
  nameAt: CellRef;
  codeAt: CellRef | null;
}

/** A line of a balance table (T01, T04): 一、… lines, 本年…合计, adjustments, 总计. */
export interface BalanceLine {
  label: string;
  /** the label without numbering ("一、", "（一）", "其中：") */
  key: string;
  numbered: boolean;
  /** a “其中：” line, part of the line above */
  sub: boolean;
  figures: Record<string, Figure>;
  labelAt: CellRef;
}

export interface BalanceBlock {
  side: "income" | "expense";
  lines: BalanceLine[];
  columns: string[];
}

interface TableBase {
  id: TableId;
  sheet: string;
  titleAt: CellRef;
  /** the columns found, by key, with the header text they were found by */
  columns: Record<string, { header: string; at: CellRef }>;
  /** notes below the table (注：…, 说明：…, 本表为空表) */
  notes: string[];
  year: number | null;
  /** the reporting body (编制单位) */
  unit: string | null;
  /**
   * The money unit the table states (title block, a header cell, or 单位 line; 万元 when none). Every figure
   * of the table is in it and carries it; identities inside the table are judged in it, and figures of two
   * tables are compared after exact conversion (amount-unit.ts `convertAmount`).
   */
  amountUnit: AmountUnit;
}

export interface CodedTable extends TableBase {
  kind: "coded";
  rows: CodedRow[];
  /** why the 类/款/项 of the rows could not be told (names only, no markers or indentation); rows then have no level */
  levelsUnknown?: string;
}

export interface EconomicTable extends TableBase {
  kind: "economic";
  rows: CodedRow[];
  /** 人员经费合计 and 公用经费合计 rows, when the table has them */
  totals: { personnel?: Figure; public?: Figure };
}

export interface BalanceTable extends TableBase {
  kind: "balance";
  income: BalanceBlock;
  expense: BalanceBlock;
}

export interface SangongTable extends TableBase {
  kind: "sangong";
  /** key "决算.合计", "预算.出国", "上年.接待", … (measure.item), read from either orientation */
  figures: Record<string, Figure>;
  /** the measures the table shows: 预算, 决算, and 上年 (上年决算) when present */
  measures: string[];
}

export type Table = CodedTable | EconomicTable | BalanceTable | SangongTable;

/** Something about the input that stopped a table (or part of it) from being read. */
export interface ReadProblem {
  table: TableId | null;
  sheet: string;
  message: string;
  /** rules that cannot run because of it */
  rules?: string[];
}

/** A table of the template's set that juesuan finds by its title but does not check inside (政府采购情况表, …). */
export interface OtherTable {
  title: string;
  sheet: string;
  titleAt: CellRef;
}

export interface Disclosure {
  year: number | null;
  unit: string | null;
  tables: Partial<Record<TableId, Table>>;
  problems: ReadProblem[];
  /** the template the tables were read by (chosen, or detected from the titles), if any */
  template?: { id: string; name: string } | null;
  /** tables of that template beyond T01–T09, found by title */
  others?: OtherTable[];
}
