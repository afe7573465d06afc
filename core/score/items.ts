// The items of the publication score — what provincial and ministry inspections look for in a published
// disclosure — with their stable ids, Chinese labels and the 100-point default weights a template may override.

import type { CellRef } from "../tables/grid.ts";
import type { TextLocation } from "../rules/finding.ts";
import type { TableId } from "../tables/table-ids.ts";

export type ScoreStatus = "pass" | "fail" | "na";

/** A cell, a text line, a whole table, or a narrative section (line null when the section was not found). */
export type ScoreWhere = CellRef | TextLocation | { table: TableId; sheet: string | null } | { section: string; line: number | null };

export interface ScoreItem {
  id: string;
  label: string;
  status: ScoreStatus;
  weight: number;
  where: ScoreWhere;
  /** why the item passed, failed or does not apply, for the clerk */
  note: string;
}

export interface PublicationScore {
  /** points out of 100 over the items that apply: 100 × passed weight ÷ (passed + failed weight), 1 decimal */
  total: number;
  items: ScoreItem[];
}

/** What a judge of one item finds; the catalogue adds id, label and weight. */
export interface Judged {
  status: ScoreStatus;
  where: ScoreWhere;
  note: string;
}

/** The fixed items, in report order, with their default weights (tables and sections are added per template). */
export const FIXED_ITEMS = {
  "detail.T05": { label: "一般公共预算财政拨款支出决算表细化到项", weight: 6 },
  "detail.T06": { label: "一般公共预算财政拨款基本支出决算表细化到款", weight: 6 },
  "sangong.abroad-counts": { label: "因公出国（境）团组数和人次", weight: 4 },
  "sangong.vehicle-counts": { label: "公务用车购置数和保有量", weight: 4 },
  "sangong.reception-counts": { label: "国内公务接待批次和人次", weight: 4 },
  "sangong.reasons": { label: "“三公”经费增减变化的原因", weight: 6 },
  "running-costs": { label: "机关运行经费", weight: 5 },
  "procurement.split": { label: "政府采购分货物、工程、服务", weight: 5 },
  "procurement.sme": { label: "政府采购授予中小企业、小微企业金额（小微 ≤ 中小 ≤ 合计）", weight: 5 },
  "assets.vehicles": { label: "国有资产：车辆", weight: 3 },
  "assets.equipment": { label: "国有资产：单价 50 万元（或 100 万元）以上大型设备", weight: 3 },
  "performance.self-evaluation": { label: "预算绩效：绩效自评情况", weight: 3 },
  "performance.tables": { label: "预算绩效：绩效自评表", weight: 3 },
  glossary: { label: "名词解释", weight: 3 },
} as const satisfies Record<string, { label: string; weight: number }>;

export type FixedItemId = keyof typeof FIXED_ITEMS;

/** Each table of the template, present or stated empty: `tables.T05`. */
export const TABLE_ITEM_WEIGHT = 2;
/** Each narrative section of the template: `section.<section id>`. */
export const SECTION_ITEM_WEIGHT = 2;

export const tableItemId = (id: TableId) => `tables.${id}`;
export const sectionItemId = (id: string) => `section.${id}`;
