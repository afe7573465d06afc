// Editions held in the isolate's memory (IsolateMemo), so a code lookup is a Map read instead of D1 round trips.

import { Edition } from "../core/index.ts";
import { CodesStore, type EditionMeta } from "./codes-store.ts";
import { IsolateMemo } from "./isolate-memo.ts";

export interface HeldEdition {
  meta: EditionMeta;
  edition: Edition;
}

const editions = new IsolateMemo<number | "latest", HeldEdition>();
const years = new IsolateMemo<"all", number[]>();

/** The edition of `year` (or the newest), from memory when fresh, else from D1; null when there is none. */
export function cachedEdition(db: D1Database, year: number | "latest"): Promise<HeldEdition | null> {
  return editions.get(year, async () => {
    const store = new CodesStore(db);
    const meta = await store.edition(year);
    if (!meta) return null;
    const entries = await store.entries(meta.year);
    return { meta, edition: new Edition(meta.year, meta.status, entries, meta.source ?? undefined) };
  });
}

/** Every edition, for checks that learn the report year only from the tables. */
export async function allEditions(db: D1Database): Promise<Edition[]> {
  const list = (await years.get("all", async () => (await new CodesStore(db).editions()).map((e) => e.year))) ?? [];
  const held = await Promise.all(list.map((y) => cachedEdition(db, y)));
  return held.flatMap((h) => (h ? [h.edition] : []));
}

/** Forgets what this isolate holds (after a publish, so its next answer is the new edition). */
export function forgetEditions(): void {
  editions.forget();
  years.forget();
}
