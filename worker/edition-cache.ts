// Editions held in the isolate's memory for a short while, so a code lookup is a Map read instead of D1 round
// trips. Clients already cache these responses for 5 minutes (Cache-Control), so a 60-second memo adds no
// staleness a client would not already see.

import { Edition } from "../core/index.ts";
import { CodesStore, type EditionMeta } from "./codes-store.ts";

const TTL_MS = 60_000;

export interface HeldEdition {
  meta: EditionMeta;
  edition: Edition;
}

const held = new Map<number | "latest", { loading: Promise<HeldEdition | null>; at: number }>();

/** The edition of `year` (or the newest), from memory when fresh, else from D1; null when there is none. */
export function cachedEdition(db: D1Database, year: number | "latest"): Promise<HeldEdition | null> {
  const hit = held.get(year);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.loading;
  const loading = load(db, year);
  held.set(year, { loading, at: Date.now() });
  // a failed or empty load is not kept: the next request asks D1 again
  loading.then(
    (h) => h ?? held.delete(year),
    () => held.delete(year),
  );
  return loading;
}

async function load(db: D1Database, year: number | "latest"): Promise<HeldEdition | null> {
  const store = new CodesStore(db);
  const meta = await store.edition(year);
  if (!meta) return null;
  const entries = await store.entries(meta.year);
  return { meta, edition: new Edition(meta.year, meta.status, entries, meta.source ?? undefined) };
}

/** Every edition, for checks that learn the report year only from the tables. */
export async function allEditions(db: D1Database): Promise<Edition[]> {
  const years = (await new CodesStore(db).editions()).map((e) => e.year);
  const held = await Promise.all(years.map((y) => cachedEdition(db, y)));
  return held.flatMap((h) => (h ? [h.edition] : []));
}

/** Forgets what this isolate holds (after a publish, so its next answer is the new edition). */
export function forgetEditions(): void {
  held.clear();
}
