// Templates held in the isolate's memory (IsolateMemo), as editions are.

import { IsolateMemo } from "./isolate-memo.ts";
import { TemplatesStore } from "./templates-store.ts";

type Found = NonNullable<Awaited<ReturnType<TemplatesStore["get"]>>>;

const templates = new IsolateMemo<string, Found>();

/** The newest version of template `id` (null when there is none), from memory when fresh. */
export function cachedTemplate(db: D1Database, id: string): Promise<Found | null> {
  return templates.get(id, () => new TemplatesStore(db).get(id));
}

export function forgetTemplate(id: string): void {
  templates.forget(id);
}
