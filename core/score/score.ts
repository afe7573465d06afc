// The publication score of a disclosure: every item judged pass / fail / not applicable with where it stands,
// weighted (100 points by default, a template's `scoreWeights` over them), and the total over the items that
// apply. checkDisclosure puts it in every report; hosts show it as they are.

import { Decimal } from "../decimal.ts";
import type { Claim } from "../narrative/claims.ts";
import type { Prose } from "../narrative/prose.ts";
import type { Finding } from "../rules/finding.ts";
import type { SheetGrid } from "../tables/grid.ts";
import type { Disclosure } from "../tables/model.ts";
import { TABLE_IDS, TABLE_TITLES, tableName } from "../tables/table-ids.ts";
import type { Template } from "../templates/template.ts";
import { FIXED_ITEMS, type FixedItemId, type Judged, type PublicationScore, SECTION_ITEM_WEIGHT, type ScoreItem, type ScoreWhere, TABLE_ITEM_WEIGHT, sectionItemId, tableItemId } from "./items.ts";
import {
  judgeAssets,
  judgeGlossary,
  judgePerformanceTables,
  judgeProcurementSme,
  judgeProcurementSplit,
  judgeRunningCosts,
  judgeSangongCounts,
  judgeSangongReasons,
  judgeSection,
  judgeSelfEvaluation,
} from "./narrative-items.ts";
import { type Outline, readOutline } from "./outline.ts";
import { type TableSpec, judgeDetail, judgeTable } from "./table-items.ts";

export interface ScoreInput {
  disclosure: Disclosure | null;
  sheets: SheetGrid[] | null;
  text: string | null;
  template: Template | null;
  /** the findings of the check, before the template's severities (an empty table's missing statement) */
  findings: Finding[];
  /** the narrative as the narrative check read it */
  read?: { prose: Prose; claims: Claim[] };
}

const FIXED: Record<FixedItemId, (o: Outline | null, i: ScoreInput) => Judged> = {
  "detail.T05": (_, i) => judgeDetail("T05", i.disclosure),
  "detail.T06": (_, i) => judgeDetail("T06", i.disclosure),
  "sangong.abroad-counts": (o, i) => judgeSangongCounts("sangong.abroad-counts", o, i.disclosure),
  "sangong.vehicle-counts": (o, i) => judgeSangongCounts("sangong.vehicle-counts", o, i.disclosure),
  "sangong.reception-counts": (o, i) => judgeSangongCounts("sangong.reception-counts", o, i.disclosure),
  "sangong.reasons": (o, i) => judgeSangongReasons(o, i.disclosure),
  "running-costs": (o) => judgeRunningCosts(o),
  "procurement.split": (o) => judgeProcurementSplit(o),
  "procurement.sme": (o) => judgeProcurementSme(o),
  "assets.vehicles": (o) => judgeAssets("vehicles", o),
  "assets.equipment": (o) => judgeAssets("equipment", o),
  "performance.self-evaluation": (o) => judgeSelfEvaluation(o),
  "performance.tables": (o, i) => judgePerformanceTables(o, i.sheets),
  glossary: (o) => judgeGlossary(o),
};

const HUNDRED = Decimal.fromInt(100);

export function scoreDisclosure(input: ScoreInput): PublicationScore {
  const o = input.text != null ? readOutline(input.text, input.read) : null;
  const t = input.template;
  const weight = (id: string, fallback: number) => t?.scoreWeights?.[id] ?? fallback;
  const items: ScoreItem[] = [];
  const add = (id: string, label: string, w: number, j: Judged) => items.push({ id, label, status: j.status, weight: weight(id, w), where: j.where, note: j.note });

  const tables: TableSpec[] = t ? t.tables : TABLE_IDS.map((id) => ({ id, title: TABLE_TITLES[id], required: true }));
  for (const spec of tables) add(tableItemId(spec.id), `公开表：${tableName(spec.id)}`, TABLE_ITEM_WEIGHT, judgeTable(spec, input.disclosure, input.findings, o));
  for (const [id, judge] of Object.entries(FIXED) as [FixedItemId, (typeof FIXED)[FixedItemId]][]) add(id, FIXED_ITEMS[id].label, FIXED_ITEMS[id].weight, judge(o, input));
  const sections = t?.narrative?.sections;
  if (sections) for (const s of sections) add(sectionItemId(s.id), `情况说明：${s.title}`, SECTION_ITEM_WEIGHT, judgeSection(s.title, o));
  else add("sections", "情况说明各部分（按模板）", 0, { status: "na", where: { section: "情况说明", line: null }, note: "未指定模板，未评各部分是否齐全" });

  return { total: totalOf(items), items };
}

/** 100 × passed ÷ (passed + failed), half-up to 1 decimal; items that do not apply count neither way. */
function totalOf(items: ScoreItem[]): number {
  const of = (s: ScoreItem["status"]) => items.filter((i) => i.status === s).reduce((n, i) => n.add(Decimal.fromNumber(i.weight)), Decimal.ZERO);
  const passed = of("pass");
  const applicable = passed.add(of("fail"));
  return applicable.isZero() ? 0 : passed.mul(HUNDRED).div(applicable, 1).toNumber();
}

/** Where an item stands, as a clerk reads it. */
export function scoreWhereText(w: ScoreWhere): string {
  if ("cell" in w) return w.sheet ? `${w.sheet}!${w.cell}` : "（工作簿）";
  if ("excerpt" in w) return `第 ${w.line} 行`;
  if ("table" in w) return w.sheet ? `工作表“${w.sheet}”` : tableName(w.table);
  return w.line ? `第 ${w.line} 行（${w.section}）` : `“${w.section}”`;
}

/** The score for a text report: one line, then each failed item. */
export function scoreLines(score: PublicationScore): string[] {
  const failed = score.items.filter((i) => i.status === "fail");
  const na = score.items.filter((i) => i.status === "na").length;
  const lines = [`公开评分 ${score.total} 分（满分 100）：${score.items.length - failed.length - na} 项通过，${failed.length} 项未通过，${na} 项不适用`];
  for (const i of failed) lines.push(`  未通过  ${i.label}（${i.weight} 分）  ${scoreWhereText(i.where)}  ${i.note}`);
  return lines;
}
