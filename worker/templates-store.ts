// Templates in D1: each publish is a new row (id, version) that is never updated; the newest version is the
// template. Two publishers racing for the same version: the primary key lets exactly one in.

import type { Template } from "../core/templates/template.ts";

export interface TemplateMeta {
  id: string;
  version: number;
  name: string;
  region: string;
  year: number;
  hash: string;
  publishedAt: string;
  origin: "built-in" | "published";
}

// the columns under the names the API uses, so rows are metadata as they come
const META = "id, version, name, region, year, hash, published_at AS publishedAt, origin";

export class TemplatesStore {
  constructor(private readonly db: D1Database) {}

  /** The newest version of every template. */
  async list(): Promise<TemplateMeta[]> {
    const { results } = await this.db
      .prepare(`SELECT ${META} FROM templates t WHERE version = (SELECT max(version) FROM templates WHERE id = t.id) ORDER BY year DESC, id`)
      .all<TemplateMeta>();
    return results;
  }

  async get(id: string, version?: number): Promise<{ meta: TemplateMeta; template: Template; versions: number[] } | null> {
    const row = version
      ? await this.db.prepare(`SELECT ${META}, content FROM templates WHERE id = ? AND version = ?`).bind(id, version).first<TemplateMeta & { content: string }>()
      : await this.db.prepare(`SELECT ${META}, content FROM templates WHERE id = ? ORDER BY version DESC LIMIT 1`).bind(id).first<TemplateMeta & { content: string }>();
    if (!row) return null;
    const { content, ...meta } = row;
    const { results } = await this.db.prepare("SELECT version FROM templates WHERE id = ? ORDER BY version").bind(id).all<{ version: number }>();
    return { meta, template: JSON.parse(content) as Template, versions: results.map((r) => r.version) };
  }

  /** Inserts `version`; false when that version already exists (someone else published first). */
  async insert(template: Template, version: number, hash: string, publishedAt: string): Promise<boolean> {
    const res = await this.db
      .prepare("INSERT OR IGNORE INTO templates (id, version, name, region, year, content, hash, published_at, origin) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'published')")
      .bind(template.id, version, template.name, template.region, template.year, JSON.stringify(template), hash, publishedAt)
      .run();
    return res.meta.changes === 1;
  }
}
