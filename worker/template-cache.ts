// Templates held in the isolate's memory for a short while, as editions are: a template changes only when
// published, clients cache it for 5 minutes anyway, and a publish through this isolate forgets it at once.

import { TemplatesStore } from "./templates-store.ts";

const TTL_MS = 60_000;
type Found = Awaited<ReturnType<TemplatesStore["get"]>>;

const held = new Map<string, { loading: Promise<Found>; at: number }>();

/** The newest version of template `id` (null when there is none), from memory when fresh. */
export function cachedTemplate(db: D1Database, id: string): Promise<Found> {
  const hit = held.get(id);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.loading;
  const loading = new TemplatesStore(db).get(id);
  held.set(id, { loading, at: Date.now() });
  loading.then(
    (found) => found ?? held.delete(id),
    () => held.delete(id),
  );
  return loading;
}

export function forgetTemplate(id: string): void {
  held.delete(id);
}
