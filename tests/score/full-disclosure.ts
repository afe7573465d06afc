// A disclosure that publishes everything the score looks for: the fixture workbook's nine tables, a performance
// self-evaluation sheet, and the narrative juesuan writes from them with every supplementary figure given and
// every 【待填写】 filled in with our own words — the starting point each score test breaks in one place.

import { Decimal } from "../../core/decimal.ts";
import { writeNarrative } from "../../core/narrative/generate.ts";
import type { SheetGrid } from "../../core/tables/grid.ts";
import { readDisclosure } from "../../core/tables/read-disclosure.ts";
import { makeLedger, seeded } from "../fixtures/disclosure-model.ts";
import { renderDisclosure } from "../fixtures/disclosure-sheets.ts";
import { SUPPLEMENTARY } from "../fixtures/narrative-text.ts";

const d = (text: string) => Decimal.parse(text)!;

export const FULL_SUPPLEMENTARY = new Map([
  ...SUPPLEMENTARY,
  ["机关运行经费.决算", d("85.20")],
  ["机关运行经费.上年", d("80.00")],
  ["政府采购.合计", d("120.00")],
  ["政府采购.货物", d("70.00")],
  ["政府采购.工程", d("20.00")],
  ["政府采购.服务", d("30.00")],
  ["政府采购.中小企业", d("96.00")],
  ["政府采购.小微企业", d("40.50")],
  ["资产.车辆", d("6")],
  ["资产.大型设备", d("2")],
  ["绩效.自评项目数", d("4")],
  ["绩效.自评金额", d("314.36")],
  ["三公.出国团组", d("2")],
  ["三公.出国人次", d("8")],
  ["三公.保有量", d("5")],
  ["三公.接待批次", d("14")],
  ["三公.接待人次", d("96")],
]);

const GLOSSARY = [
  "1.财政拨款收入：指本级财政当年拨付的资金。",
  "2.基本支出：指为保障机构正常运转、完成日常工作任务而发生的人员支出和公用支出。",
  "3.“三公”经费：指用财政拨款安排的因公出国（境）费、公务用车购置及运行维护费和公务接待费。",
].join("\n");

/** The narrative with every blank juesuan leaves filled in by a clerk. */
export function filledNarrative(sheets: SheetGrid[]): string {
  const lines = writeNarrative({ disclosure: readDisclosure(sheets).disclosure, supplementary: FULL_SUPPLEMENTARY, template: null });
  return lines
    .join("\n")
    .replace(/【待填写：(增减原因|主要原因)】/g, "人员调整和压减一般性支出")
    .replace(/【待填写：绩效管理工作开展情况】/, "组织对项目支出开展绩效自评，自评结果均为优。")
    .replace(/【待填写：名词解释[^】]*】/, GLOSSARY)
    .replace("公务用车保有量", "本年度未购置公务用车，公务用车保有量");
}

/** A 项目支出绩效自评表 as its own sheet (our figures). */
export const PERFORMANCE_SHEET: SheetGrid = {
  name: "绩效自评表",
  cells: [
    ["2021年度项目支出绩效自评表"],
    ["项目名称", "示范项目"],
    ["一级指标", "二级指标", "三级指标", "分值", "得分"],
    ["产出指标（50分）", "数量指标", "培训人次", 25, 25],
    [null, "质量指标", "合格率", 25, 24],
    ["效益指标（40分）", "社会效益", "满意度", 40, 38],
    ["满意度指标（10分）", "服务对象满意度", "满意度", 10, 9],
    ["总分", null, null, 100, 96],
  ],
  merges: [],
};

export function fullDisclosure(layout: "export" | "hand" = "export") {
  const rendered = renderDisclosure(makeLedger(seeded(41)), layout);
  return { sheets: [...rendered.sheets, PERFORMANCE_SHEET], where: rendered.where, text: filledNarrative(rendered.sheets) };
}
