// A code edition a finance bureau publishes (PUT /v1/codes/{year}): validated entry by entry with the path of
// anything wrong, then merged with the edition it replaces — the classification it does not carry is kept,
// and names that change become former names, so stale names are still recognised.

import type { SchemaError } from "../templates/template.ts";
import { normalizeCode } from "./code-format.ts";
import { type CodeEntry, type Edition, type EditionJSON, entryFor } from "./edition.ts";

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

export function validateEditionInput(
  doc: unknown,
  year: number,
  previous: Edition | null,
): { edition: EditionJSON; errors: [] } | { edition: null; errors: SchemaError[] } {
  const errors: SchemaError[] = [];
  if (!isObject(doc)) return { edition: null, errors: [{ path: "", message: "应为对象 {source, entries}" }] };
  for (const key of Object.keys(doc)) if (!["source", "entries"].includes(key)) errors.push({ path: `/${key}`, message: "不认识的字段" });
  const source = doc.source === undefined ? "财政部门发布" : doc.source;
  if (typeof source !== "string" || source.length > 200) errors.push({ path: "/source", message: "应为不超过 200 字的文本" });
  if (!Array.isArray(doc.entries) || doc.entries.length === 0) {
    errors.push({ path: "/entries", message: "应为非空数组" });
    return { edition: null, errors };
  }
  if (doc.entries.length > 20_000) errors.push({ path: "/entries", message: "最多 20000 个科目" });
  const entries = new Map<string, CodeEntry>();
  doc.entries.forEach((e, i) => {
    const path = `/entries/${i}`;
    if (!isObject(e)) return void errors.push({ path, message: "应为 {code, name}" });
    const code = normalizeCode(e.code);
    if (!code) return void errors.push({ path: `${path}/code`, message: `“${String(e.code ?? "")}”不是科目编码` });
    if (typeof e.name !== "string" || e.name.trim() === "" || e.name.length > 100) {
      return void errors.push({ path: `${path}/name`, message: "应为不超过 100 字的科目名称" });
    }
    if (entries.has(code)) return void errors.push({ path: `${path}/code`, message: `科目 ${code} 重复` });
    entries.set(code, entryFor(code, e.name.trim(), "imported", String(source)));
  });
  if (errors.length) return { edition: null, errors };

  const kinds = new Set([...entries.values()].map((e) => e.kind));
  const kept = previous ? previous.entries().filter((e) => !kinds.has(e.kind)) : [];
  const renamed = [...entries.values()].map((e) => {
    const before = previous?.get(e.code);
    if (!before) return e;
    const names = [...(before.name !== e.name ? [before.name] : []), ...(before.formerNames ?? [])].filter((n) => n !== e.name);
    return names.length ? { ...e, formerNames: [...new Set(names)] } : e;
  });
  const status: EditionJSON["status"] = { ...(previous?.status ?? { function: "partial", economic: "partial" }) };
  for (const k of kinds) status[k] = "complete";
  return { edition: { year, status, source: String(source), entries: [...kept, ...renamed] }, errors: [] };
}
