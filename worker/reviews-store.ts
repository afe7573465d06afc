// Review results in D1: each save is a new row (year, unit, version) never updated; the newest version is the
// unit's review. Two reviewers saving the same version race on the primary key and exactly one gets in.

export const REVIEW_STATUSES = ["未提交", "有错误", "已通过", "已公开"] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

export interface ReviewMeta {
  year: number;
  unit: string;
  version: number;
  status: ReviewStatus;
  /** when the unit was given its current status (kept across saves that leave the status as it was) */
  statusSince: string;
  score: number | null;
  errors: number;
  warnings: number;
  hash: string;
  savedAt: string;
}

export interface NewReview extends ReviewMeta {
  content: string;
}

const META = "year, unit, version, status, status_since AS statusSince, score, errors, warnings, hash, saved_at AS savedAt";

export class ReviewsStore {
  constructor(private readonly db: D1Database) {}

  /** The newest version of every unit's review for a year, by unit. */
  async list(year: number): Promise<ReviewMeta[]> {
    const { results } = await this.db
      .prepare(`SELECT ${META} FROM reviews r WHERE year = ?1 AND version = (SELECT max(version) FROM reviews WHERE year = ?1 AND unit = r.unit) ORDER BY unit`)
      .bind(year)
      .all<ReviewMeta>();
    return results;
  }

  async get(year: number, unit: string, version?: number): Promise<{ meta: ReviewMeta; review: unknown; versions: number[] } | null> {
    const row = version
      ? await this.db.prepare(`SELECT ${META}, content FROM reviews WHERE year = ? AND unit = ? AND version = ?`).bind(year, unit, version).first<ReviewMeta & { content: string }>()
      : await this.db.prepare(`SELECT ${META}, content FROM reviews WHERE year = ? AND unit = ? ORDER BY version DESC LIMIT 1`).bind(year, unit).first<ReviewMeta & { content: string }>();
    if (!row) return null;
    const { content, ...meta } = row;
    const { results } = await this.db.prepare("SELECT version FROM reviews WHERE year = ? AND unit = ? ORDER BY version").bind(year, unit).all<{ version: number }>();
    return { meta, review: JSON.parse(content), versions: results.map((r) => r.version) };
  }

  /** Inserts the version; false when it already exists (someone else saved first). */
  async insert(r: NewReview): Promise<boolean> {
    const res = await this.db
      .prepare("INSERT OR IGNORE INTO reviews (year, unit, version, status, status_since, score, errors, warnings, content, hash, saved_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
      .bind(r.year, r.unit, r.version, r.status, r.statusSince, r.score, r.errors, r.warnings, r.content, r.hash, r.savedAt)
      .run();
    return res.meta.changes === 1;
  }
}
