// Templates held in the isolate's memory (IsolateMemo), as editions are: one by id, and all of them for a check
// that must detect which template's table set a workbook follows.

import type { Template } from "../core/templates/template.ts";
import { IsolateMemo } from "./isolate-memo.ts";
import { TemplatesStore } from "./templates-store.ts";

type Found = NonNullable<Awaited<ReturnType<TemplatesStore["get"]>>>;

const templates = new IsolateMemo<string, Found>();
const everyTemplate = new IsolateMemo<"all", Template[]>();

/** The newest version of template `id` (null when there is none), from memory when fresh. */
export function cachedTemplate(db: D1Database, id: string): Promise<Found | null> {
  return templates.get(id, () => new TemplatesStore(db).get(id));
}

/** The newest version of every template, for detecting a workbook's table set when none is chosen. */
export async function cachedTemplates(db: D1Database): Promise<Template[]> {
  const all = await everyTemplate.get("all", async () => {
    const metas = await new TemplatesStore(db).list();
    const found = await Promise.all(metas.map((m) => cachedTemplate(db, m.id)));
    return found.flatMap((f) => (f ? [f.template] : []));
  });
  return all ?? [];
}

export function forgetTemplate(id: string): void {
  templates.forget(id);
  everyTemplate.forget();
}
