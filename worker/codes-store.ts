// Reads code editions out of D1: the edition list, one edition's entries (optionally filtered), one code with
// its 类/款 ancestors — each a single query.

import { type CodeEntry, type CodeKind, type EditionJSON, ancestorCodes } from "../core/index.ts";

export interface EditionMeta {
  year: number;
  status: Record<CodeKind, "complete" | "partial">;
  source: string | null;
  hash: string;
  entries: number;
  loadedAt: string;
}

interface EditionRow {
  year: number;
  function_status: "complete" | "partial";
  economic_status: "complete" | "partial";
  source: string | null;
  hash: string;
  entry_count: number;
  loaded_at: string;
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

  async entries(year: number, filter: { q?: string; kind?: CodeKind } = {}): Promise<CodeEntry[]> {
    let sql = "SELECT code, name, kind, level, provenance, source, former_names FROM codes WHERE year = ?";
    const args: (string | number)[] = [year];
    if (filter.kind) {
      sql += " AND kind = ?";
      args.push(filter.kind);
    }
    if (filter.q) {
      sql += " AND (code LIKE ? ESCAPE '\\' OR name LIKE ? ESCAPE '\\')";
      const like = filter.q.replace(/[\\%_]/g, (m) => "\\" + m);
      args.push(`${like}%`, `%${like}%`);
    }
    const { results } = await this.db.prepare(sql + " ORDER BY code").bind(...args).all<CodeRow>();
    return results.map(toEntry);
  }

  /** The code and its ancestors, outermost first; the code itself is last when present. */
  async chain(year: number, code: string): Promise<CodeEntry[]> {
    const codes = [...ancestorCodes(code), code];
    const { results } = await this.db
      .prepare(
        `SELECT code, name, kind, level, provenance, source, former_names FROM codes WHERE year = ? AND code IN (${codes.map(() => "?").join(", ")}) ORDER BY length(code)`,
      )
      .bind(year, ...codes)
      .all<CodeRow>();
    return results.map(toEntry);
  }

  async editionJSON(meta: EditionMeta, filter: { q?: string; kind?: CodeKind } = {}): Promise<EditionJSON & { hash: string; count: number }> {
    const entries = await this.entries(meta.year, filter);
    const json: EditionJSON & { hash: string; count: number } = {
      year: meta.year,
      status: meta.status,
      hash: meta.hash,
      count: entries.length,
      entries,
    };
    if (meta.source) json.source = meta.source;
    return json;
  }
}
