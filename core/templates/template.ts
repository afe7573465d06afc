// A template: what a finance bureau prescribes for a region and year — which tables and titles, which rules at
// which severity, the narrative's sections and the supplementary inputs. One JSON document; this module is
// its schema (zod), used alike by the Worker (publishing, and its OpenAPI description), the add-in and the CLI.
// Publishing is stricter than reading: no text may start like a formula (hosts still write any text as text).

import * as z from "zod/mini";
import { isFormulaLike } from "../cell-text.ts";
import { TABLE_IDS, type TableId } from "../tables/table-ids.ts";
import { type SchemaError, boundedRecord, described, ownKey, schemaErrors, zhIssue } from "./schema-kit.ts";

export type { SchemaError } from "./schema-kit.ts";

export const TEMPLATE_ID = /^[a-z0-9][a-z0-9-]{1,62}$/;

const SLUG = /^[a-z0-9-]+$/;
const SLUG_MESSAGE = "只能用小写字母、数字和连字符";

/** Text the add-in writes into cells (titles, labels, sentences): non-blank and bounded; `what` names the field. */
function text(max: number, what: string) {
  return z.string({ error: (iss) => (iss.input === undefined ? "缺少此项" : `${what}应为文本`) }).check(
    z.refine((v) => v.trim() !== "", { message: `${what}应为非空文本`, abort: true }),
    z.refine((v) => v.length <= max, { message: `${what}过长（最多 ${max} 个字符）`, abort: true }),
    z.meta({ maxLength: max }),
  );
}

const YEAR_MESSAGE = "应为四位年度（2000–2100）";
const year = z.int({ error: (iss) => (iss.input === undefined ? "缺少此项" : YEAR_MESSAGE) }).check(z.gte(2000, YEAR_MESSAGE), z.lte(2100, YEAR_MESSAGE));

const WEIGHT_MESSAGE = "应为 0–100 的分值（最多两位小数）";
const isWeight = (v: number) => Number.isFinite(v) && v >= 0 && v <= 100 && /^\d+(\.\d{1,2})?$/.test(String(v));

const severity = z.enum(["error", "warning", "info", "off"], "应为严重程度之一：error、warning、info、off");

const tableShape = {
  title: text(60, "表名"),
  aliases: z.optional(described(z.array(text(60, "表的别名"), "应为数组").check(z.maxLength(20, "最多 20 个别名")), "本地区对同一张表的其他叫法")),
  required: z.boolean("应为 true 或 false"),
};
const table = z.strictObject({ id: z.enum(TABLE_IDS as [TableId, ...TableId[]], `应为表号之一：${TABLE_IDS.join("、")}`), ...tableShape });

const section = z.strictObject({
  id: z.string("应为文本").check(z.minLength(1, "应为非空文本"), z.maxLength(40, "过长（最多 40 个字符）"), z.regex(SLUG, SLUG_MESSAGE)),
  title: text(60, "情况说明章节标题"),
  sentences: z.optional(described(boundedRecord(ownKey(SLUG, SLUG_MESSAGE), text(2000, "情况说明句式"), 100, "句式"), "按键给出句式，{占位符} 由生成和核对情况说明时填入")),
});

const field = z.strictObject({
  key: ownKey(/^[\p{L}\p{N}._-]{1,60}$/u, "只能用文字、数字、点和连字符（最多 60 个字符）"),
  label: text(60, "补充资料项名称"),
  unit: z.optional(text(10, "补充资料项单位")),
});

const tables = z
  .array(table, "应为数组")
  .check(
    z.minLength(1, "至少应有 1 张表"),
    z.maxLength(20, "最多 20 张表"),
    z.superRefine((list, ctx) => {
      list.forEach((t, i) => {
        if (list.findIndex((x) => x.id === t.id) !== i) ctx.addIssue({ code: "custom", path: [i, "id"], input: t.id, message: `${t.id} 重复` });
      });
    }),
  );

export const templateSchema = described(
  z.strictObject({
    id: z.string("应为文本").check(z.regex(TEMPLATE_ID, "只能用小写字母、数字和连字符，如 shanghai-2024")),
    name: text(100, "模板名称"),
    region: text(50, "地区"),
    year: described(year, "模板适用的决算年度"),
    codeEdition: z.optional(described(year, "核对科目名称所用的科目表年度（默认同 year）")),
    tables,
    otherTables: z.optional(
      described(z.array(z.strictObject(tableShape), "应为数组").check(z.maxLength(20, "最多 20 张表")), "T01–T09 以外的表（政府采购情况表等）：按标题找到并计数，不核对表内"),
    ),
    rules: z.optional(described(boundedRecord(ownKey(/^[a-zA-Z][a-zA-Z0-9.-]{1,60}$/), severity, 200, "规则"), "按规则编号：与默认不同的严重程度，或 off")),
    narrative: z.optional(z.strictObject({ sections: z.array(section, "应为数组").check(z.maxLength(40, "最多 40 节")) })),
    supplementary: z.optional(z.strictObject({ fields: z.array(field, "应为数组").check(z.maxLength(300, "最多 300 项")) })),
    scoreWeights: z.optional(
      described(
        boundedRecord(ownKey(/^[a-zA-Z][a-zA-Z0-9.-]{1,60}$/), z.number(WEIGHT_MESSAGE).check(z.refine(isWeight, WEIGHT_MESSAGE)), 200, "评分项"),
        "发布评分的权重：按评分项编号（core/score/items.ts），0–100 分",
      ),
    ),
  }),
  "部门决算公开模板",
);

export type Template = z.output<typeof templateSchema>;
export type TemplateTable = Template["tables"][number];
export type TemplateSection = NonNullable<Template["narrative"]>["sections"][number];

/** Every text of a template a host writes into a cell, with its JSON path and the name of its field. */
function texts(t: Template): { path: (string | number)[]; what: string; value: string }[] {
  const out: { path: (string | number)[]; what: string; value: string }[] = [
    { path: ["name"], what: "模板名称", value: t.name },
    { path: ["region"], what: "地区", value: t.region },
  ];
  for (const list of ["tables", "otherTables"] as const) {
    t[list]?.forEach((table, i) => {
      out.push({ path: [list, i, "title"], what: "表名", value: table.title });
      table.aliases?.forEach((a, j) => out.push({ path: [list, i, "aliases", j], what: "表的别名", value: a }));
    });
  }
  t.narrative?.sections.forEach((section, i) => {
    out.push({ path: ["narrative", "sections", i, "title"], what: "情况说明章节标题", value: section.title });
    for (const [key, sentence] of Object.entries(section.sentences ?? {})) out.push({ path: ["narrative", "sections", i, "sentences", key], what: "情况说明句式", value: sentence });
  });
  t.supplementary?.fields.forEach((field, i) => {
    out.push({ path: ["supplementary", "fields", i, "label"], what: "补充资料项名称", value: field.label });
    if (field.unit !== undefined) out.push({ path: ["supplementary", "fields", i, "unit"], what: "补充资料项单位", value: field.unit });
  });
  return out;
}

/** The template a finance bureau may publish: as `templateSchema`, and no text that a spreadsheet would run as a formula. */
export const publishableTemplateSchema = templateSchema.check(
  z.superRefine((t, ctx) => {
    for (const { path, what, value } of texts(t)) {
      if (isFormulaLike(value)) ctx.addIssue({ code: "custom", path, input: value, message: `${what}不能以 =、+、-、@、制表符或回车开头（表格软件会把它当作公式）` });
    }
  }),
);

/** Validates a template document: the template, or its first problems (each a JSON Pointer and a Chinese sentence). */
export function validateTemplate(
  doc: unknown,
  schema: z.ZodMiniType<Template> = templateSchema,
): { template: Template; errors: []; more: 0 } | { template: null; errors: SchemaError[]; more: number } {
  const parsed = schema.safeParse(doc, { error: zhIssue });
  return parsed.success ? { template: parsed.data, errors: [], more: 0 } : { template: null, ...schemaErrors(parsed.error) };
}
