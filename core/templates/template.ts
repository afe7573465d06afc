// A template: what a finance bureau prescribes for a region and year — which tables and titles, which rules at
// which severity, the narrative's sections and the supplementary inputs. One JSON document; this module is
// its schema, used alike by the Worker (publishing), the add-in and the command line.

import type { Severity } from "../rules/finding.ts";
import { TABLE_IDS, type TableId } from "../tables/table-ids.ts";

export interface TemplateTable {
  id: TableId;
  title: string;
  /** other titles the same table goes by in this region */
  aliases?: string[];
  required: boolean;
}

export interface TemplateSection {
  id: string;
  title: string;
  /** sentence shapes by key, with {placeholders}; the narrative issue fills and reads them */
  sentences?: Record<string, string>;
}

export interface Template {
  id: string;
  name: string;
  region: string;
  /** the report year the template is for */
  year: number;
  /** the code edition names are checked against (defaults to `year`) */
  codeEdition?: number;
  tables: TemplateTable[];
  /** tables of the set beyond T01–T09 (政府采购情况表, …): found by title and counted, not checked inside */
  otherTables?: Omit<TemplateTable, "id">[];
  /** per rule id: a severity other than the default, or "off" */
  rules?: Record<string, Severity | "off">;
  narrative?: { sections: TemplateSection[] };
  supplementary?: { fields: { key: string; label: string; unit?: string }[] };
  /** publication score weights by item id (core/score/items.ts), over the 100-point default */
  scoreWeights?: Record<string, number>;
}

export interface SchemaError {
  /** JSON Pointer into the document ("/tables/2/id") */
  path: string;
  message: string;
}

export const TEMPLATE_ID = /^[a-z0-9][a-z0-9-]{1,62}$/;
const SEVERITIES = ["error", "warning", "info", "off"];

type Check = (value: unknown, path: string, errors: SchemaError[]) => void;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function text(max: number, pattern?: RegExp, patternMessage?: string): Check {
  return (v, path, errors) => {
    if (typeof v !== "string" || v.trim() === "") errors.push({ path, message: "应为非空文本" });
    else if (v.length > max) errors.push({ path, message: `过长（最多 ${max} 个字符）` });
    else if (pattern && !pattern.test(v)) errors.push({ path, message: patternMessage ?? "格式不对" });
  };
}

const year: Check = (v, path, errors) => {
  if (typeof v !== "number" || !Number.isInteger(v) || v < 2000 || v > 2100) errors.push({ path, message: "应为四位年度（2000–2100）" });
};

function object(fields: Record<string, { check: Check; required: boolean }>, open = false): Check {
  return (v, path, errors) => {
    if (!isObject(v)) return void errors.push({ path, message: "应为对象" });
    for (const [key, { check, required }] of Object.entries(fields)) {
      if (v[key] === undefined) {
        if (required) errors.push({ path: `${path}/${key}`, message: "缺少此项" });
      } else check(v[key], `${path}/${key}`, errors);
    }
    if (!open) for (const key of Object.keys(v)) if (!(key in fields)) errors.push({ path: `${path}/${key}`, message: "不认识的字段" });
  };
}

function array(item: Check, max: number, min = 0): Check {
  return (v, path, errors) => {
    if (!Array.isArray(v)) return void errors.push({ path, message: "应为数组" });
    if (v.length < min) errors.push({ path, message: `至少应有 ${min} 项` });
    if (v.length > max) errors.push({ path, message: `最多 ${max} 项` });
    v.forEach((x, i) => item(x, `${path}/${i}`, errors));
  };
}

function record(value: Check, keyPattern: RegExp, max: number): Check {
  return (v, path, errors) => {
    if (!isObject(v)) return void errors.push({ path, message: "应为对象" });
    const keys = Object.keys(v);
    if (keys.length > max) errors.push({ path, message: `最多 ${max} 项` });
    for (const k of keys) {
      if (!keyPattern.test(k)) errors.push({ path: `${path}/${k}`, message: "名称格式不对" });
      else value(v[k], `${path}/${k}`, errors);
    }
  };
}

const oneOf =
  (options: readonly string[], what: string): Check =>
  (v, path, errors) => {
    if (typeof v !== "string" || !options.includes(v)) errors.push({ path, message: `应为${what}之一：${options.join("、")}` });
  };

const weight: Check = (v, path, errors) => {
  if (typeof v !== "number" || !Number.isFinite(v) || v < 0 || v > 100 || !/^\d+(\.\d{1,2})?$/.test(String(v))) errors.push({ path, message: "应为 0–100 的分值（最多两位小数）" });
};

const req = (check: Check) => ({ check, required: true });
const opt = (check: Check) => ({ check, required: false });

const schema = object({
  id: req(text(63, TEMPLATE_ID, "只能用小写字母、数字和连字符，如 shanghai-2024")),
  name: req(text(100)),
  region: req(text(50)),
  year: req(year),
  codeEdition: opt(year),
  tables: req(
    array(
      object({
        id: req(oneOf(TABLE_IDS, "表号")),
        title: req(text(60)),
        aliases: opt(array(text(60), 20)),
        required: req((v, path, errors) => {
          if (typeof v !== "boolean") errors.push({ path, message: "应为 true 或 false" });
        }),
      }),
      20,
      1,
    ),
  ),
  otherTables: opt(array(object({ title: req(text(60)), aliases: opt(array(text(60), 20)), required: req((v, path, errors) => void (typeof v !== "boolean" && errors.push({ path, message: "应为 true 或 false" }))) }), 20)),
  rules: opt(record(oneOf(SEVERITIES, "严重程度"), /^[a-zA-Z][a-zA-Z0-9.-]{1,60}$/, 200)),
  narrative: opt(
    object({
      sections: req(array(object({ id: req(text(40, /^[a-z0-9-]+$/, "只能用小写字母、数字和连字符")), title: req(text(60)), sentences: opt(record(text(2000), /^[a-z0-9-]+$/, 100)) }), 40)),
    }),
  ),
  supplementary: opt(object({ fields: req(array(object({ key: req(text(60, /^[\p{L}\p{N}._-]+$/u, "只能用文字、数字、点和连字符")), label: req(text(60)), unit: opt(text(10)) }), 300)) })),
  scoreWeights: opt(record(weight, /^[a-zA-Z][a-zA-Z0-9.-]{1,60}$/, 200)),
});

/** Validates a template document; errors name the JSON Pointer of what is wrong. */
export function validateTemplate(doc: unknown): { template: Template; errors: [] } | { template: null; errors: SchemaError[] } {
  const errors: SchemaError[] = [];
  schema(doc, "", errors);
  if (!errors.length) {
    const t = doc as Template;
    t.tables.forEach((table, i) => {
      if (t.tables.findIndex((x) => x.id === table.id) !== i) errors.push({ path: `/tables/${i}/id`, message: `${table.id} 重复` });
    });
  }
  return errors.length ? { template: null, errors } : { template: doc as Template, errors: [] };
}
