// The SQL that loads editions into D1: used by `npm start` (through `wrangler d1 execute --file`) and by the
// Worker's tests (through the D1 binding), so both start from the same rows.

import { type Edition, contentHash } from "../core/index.ts";

const q = (v: string | number | null | undefined) =>
  v === null || v === undefined ? "NULL" : typeof v === "number" ? String(v) : `'${v.replace(/'/g, "''")}'`;

export async function editionStatements(edition: Edition, loadedAt = new Date().toISOString()): Promise<string[]> {
  const json = edition.toJSON();
  const hash = await contentHash(JSON.stringify(json));
  const statements = [
    `DELETE FROM codes WHERE year = ${edition.year};`,
    `INSERT OR REPLACE INTO editions (year, function_status, economic_status, source, hash, entry_count, loaded_at) VALUES (${[
      edition.year,
      q(json.status.function),
      q(json.status.economic),
      q(json.source),
      q(hash),
      json.entries.length,
      q(loadedAt),
    ].join(", ")});`,
  ];
  // D1 limits a statement's size, so codes go in chunks
  for (let i = 0; i < json.entries.length; i += 50) {
    const values = json.entries.slice(i, i + 50).map(
      (e) =>
        `(${[edition.year, q(e.code), q(e.name), q(e.kind), q(e.level), q(e.provenance), q(e.source), q(e.formerNames ? JSON.stringify(e.formerNames) : null)].join(", ")})`,
    );
    statements.push(
      `INSERT INTO codes (year, code, name, kind, level, provenance, source, former_names) VALUES ${values.join(", ")};`,
    );
  }
  return statements;
}

export async function seedStatements(editions: Edition[]): Promise<string[]> {
  return (await Promise.all(editions.map((e) => editionStatements(e)))).flat();
}
