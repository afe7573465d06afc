// Reads code editions out of D1: the list of editions, one edition's metadata, one edition's entries —
// each a single query.

import type { CodeEntry, CodeKind } from "../core/index.ts";

export interface EditionMeta {
  year: number;
  status: Record<CodeKind, "complete" | "partial">;
  source: string | null;
  hash: string;
  entries: number;
  loadedAt: string;
  version: number;
  origin: "built-in" | "published";
}

interface EditionRow {
  year: number;
  function_status: "complete" | "partial";
  economic_status: "complete" | "partial";
  source: string | null;
  hash: string;
  entry_count: number;
  loaded_at: string;
  version: number;
  origin: "built-in" | "published";
}

interface CodeRow {
  code: string;
  name: string;
  kind: CodeKind;
  level: CodeEntry["level"];
  provenance: CodeEntry["provenance"];
  source: string;
  former_names: string | null;
}

const toMeta = (r: EditionRow): EditionMeta => ({
  year: r.year,
  status: { function: r.function_status, economic: r.economic_status },
  source: r.source,
  hash: r.hash,
  entries: r.entry_count,
  loadedAt: r.loaded_at,
  version: r.version,
  origin: r.origin,
});

const toEntry = (r: CodeRow): CodeEntry => {
  const e: CodeEntry = { code: r.code, name: r.name, kind: r.kind, level: r.level, provenance: r.provenance, source: r.source };
  if (r.former_names) e.formerNames = JSON.parse(r.former_names) as string[];
  return e;
};

export class CodesStore {
  constructor(private readonly db: D1Database) {}

  async editions(): Promise<EditionMeta[]> {
    const { results } = await this.db.prepare("SELECT * FROM editions ORDER BY year").all<EditionRow>();
    return results.map(toMeta);
  }

  /** The edition of `year`, or the newest for "latest"; null when there is none. */
  async edition(year: number | "latest"): Promise<EditionMeta | null> {
    const row =
      year === "latest"
        ? await this.db.prepare("SELECT * FROM editions ORDER BY year DESC LIMIT 1").first<EditionRow>()
        : await this.db.prepare("SELECT * FROM editions WHERE year = ?").bind(year).first<EditionRow>();
    return row ? toMeta(row) : null;
  }

  async entries(year: number): Promise<CodeEntry[]> {
    const { results } = await this.db
      .prepare("SELECT code, name, kind, level, provenance, source, former_names FROM codes WHERE year = ? ORDER BY code")
      .bind(year)
      .all<CodeRow>();
    return results.map(toEntry);
  }
}
