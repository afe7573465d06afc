// The SQL that loads the built-in editions and templates into D1: used by `npm start` (through `wrangler d1
// execute --file`) and by the Worker's tests (through the D1 binding), so both start from the same rows.
// It never touches what a finance bureau published: built-in rows are replaced, published ones left alone.

import { type Edition, contentHash } from "../core/index.ts";
import type { Template } from "../core/templates/template.ts";

const q = (v: string | number | null | undefined) =>
  v === null || v === undefined ? "NULL" : typeof v === "number" ? String(v) : `'${v.replace(/'/g, "''")}'`;

export async function editionStatements(edition: Edition, loadedAt = new Date().toISOString()): Promise<string[]> {
  const json = edition.toJSON();
  const hash = await contentHash(JSON.stringify(json));
  const y = edition.year;
  const builtIn = `(SELECT origin FROM editions WHERE year = ${y}) = 'built-in'`;
  const statements = [
    `INSERT INTO editions (year, function_status, economic_status, source, hash, entry_count, loaded_at, version, origin) VALUES (${[
      y,
      q(json.status.function),
      q(json.status.economic),
      q(json.source),
      q(hash),
      json.entries.length,
      q(loadedAt),
    ].join(", ")}, 1, 'built-in') ON CONFLICT (year) DO UPDATE SET function_status = excluded.function_status, economic_status = excluded.economic_status, source = excluded.source, hash = excluded.hash, entry_count = excluded.entry_count, loaded_at = excluded.loaded_at WHERE editions.origin = 'built-in';`,
    `DELETE FROM codes WHERE year = ${y} AND ${builtIn};`,
  ];
  // D1 limits a statement's size, so codes go in chunks
  for (let i = 0; i < json.entries.length; i += 50) {
    const values = json.entries.slice(i, i + 50).map(
      (e) => `(${[y, q(e.code), q(e.name), q(e.kind), q(e.level), q(e.provenance), q(e.source), q(e.formerNames ? JSON.stringify(e.formerNames) : null)].join(", ")})`,
    );
    statements.push(
      `INSERT INTO codes (year, code, name, kind, level, provenance, source, former_names) SELECT * FROM (VALUES ${values.join(", ")}) WHERE ${builtIn};`,
    );
  }
  return statements;
}

export async function templateStatement(template: Template, loadedAt = new Date().toISOString()): Promise<string> {
  const content = JSON.stringify(template);
  const hash = await contentHash(content);
  // version 1 of a built-in template is written once and, like every version, never replaced
  return `INSERT OR IGNORE INTO templates (id, version, name, region, year, content, hash, published_at, origin) VALUES (${[
    q(template.id),
    1,
    q(template.name),
    q(template.region),
    template.year,
    q(content),
    q(hash),
    q(loadedAt),
  ].join(", ")}, 'built-in');`;
}

export async function seedStatements(editions: Edition[], templates: Template[] = []): Promise<string[]> {
  const codes = (await Promise.all(editions.map((e) => editionStatements(e)))).flat();
  return [...codes, ...(await Promise.all(templates.map((t) => templateStatement(t))))];
}
