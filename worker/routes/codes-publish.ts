// PUT /v1/codes/{year}: a finance bureau publishes the authoritative edition of a year. Validated entry by
// entry, written as a new version in one D1 batch (all or nothing); racing publishers: exactly one wins;
// the same edition again is no new version.

import { Hono } from "hono";
import { Edition, contentHash } from "../../core/index.ts";
import { validateEditionInput } from "../../core/codes/edition-input.ts";
import { MAX_SCHEMA_ERRORS, type SchemaError, firstError } from "../../core/templates/schema-kit.ts";
import { publisherOnly } from "../auth.ts";
import { CodesStore } from "../codes-store.ts";
import { forgetEditions } from "../edition-cache.ts";
import { editionBodySchema } from "../edition-body.ts";
import { HttpError, badRequest } from "../http-errors.ts";
import { checkPreconditions } from "../preconditions.ts";
import { jsonBody, validJson } from "../validation.ts";

export const codesPublish = new Hono<{ Bindings: Env }>();

const COLUMNS = "(year, code, name, kind, level, provenance, source, former_names)";
// D1 binds at most 100 parameters a statement: 12 rows of 8
const ROWS_PER_INSERT = 12;

const invalidEdition = (errors: SchemaError[], more = 0) =>
  new HttpError(400, "invalid_edition", `科目表不符合格式：${firstError({ errors, more })}`, { errors });

codesPublish.put("/codes/:year", publisherOnly, jsonBody, validJson(editionBodySchema, (invalid) => invalidEdition(invalid.errors, invalid.more)), async (c) => {
  const raw = c.req.param("year");
  if (!/^\d{4}$/.test(raw)) throw badRequest(`“${raw}”不是年度（应为四位数字）`);
  const year = Number(raw);
  const doc = c.req.valid("json" as never) as unknown;
  const store = new CodesStore(c.env.DB);
  const meta = await store.edition(year);
  const previous = meta ? new Edition(meta.year, meta.status, await store.entries(year), meta.source ?? undefined) : null;
  const { edition, errors } = validateEditionInput(doc, year, previous);
  if (!edition) throw invalidEdition(errors.slice(0, MAX_SCHEMA_ERRORS), Math.max(0, errors.length - MAX_SCHEMA_ERRORS));
  const hash = await contentHash(JSON.stringify(new Edition(year, edition.status, edition.entries, edition.source).toJSON()));
  checkPreconditions(c, meta ? `"${meta.hash}"` : null, `${year} 年科目表`);
  if (meta && meta.hash === hash) {
    c.header("ETag", `"${hash}"`);
    return c.json({ year, version: meta.version, hash, entries: meta.entries, status: meta.status, publishedAt: meta.loadedAt, unchanged: true, message: `内容与第 ${meta.version} 版相同，未建立新版本` }, 200);
  }

  const version = (meta?.version ?? 0) + 1;
  const now = new Date().toISOString();
  const db = c.env.DB;
  const statements = [
    db.prepare("INSERT INTO edition_versions (year, version, hash, source, published_at) VALUES (?, ?, ?, ?, ?)").bind(year, version, hash, edition.source ?? null, now),
    db
      .prepare(
        `INSERT INTO editions (year, function_status, economic_status, source, hash, entry_count, loaded_at, version, origin) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'published')
         ON CONFLICT (year) DO UPDATE SET function_status = excluded.function_status, economic_status = excluded.economic_status, source = excluded.source,
         hash = excluded.hash, entry_count = excluded.entry_count, loaded_at = excluded.loaded_at, version = excluded.version, origin = 'published'`,
      )
      .bind(year, edition.status.function, edition.status.economic, edition.source ?? null, hash, edition.entries.length, now, version),
    db.prepare("DELETE FROM codes WHERE year = ?").bind(year),
  ];
  for (let i = 0; i < edition.entries.length; i += ROWS_PER_INSERT) {
    const chunk = edition.entries.slice(i, i + ROWS_PER_INSERT);
    statements.push(
      db
        .prepare(`INSERT INTO codes ${COLUMNS} VALUES ${chunk.map(() => "(?, ?, ?, ?, ?, ?, ?, ?)").join(", ")}`)
        .bind(...chunk.flatMap((e) => [year, e.code, e.name, e.kind, e.level, e.provenance, e.source, e.formerNames ? JSON.stringify(e.formerNames) : null])),
    );
  }
  try {
    await db.batch(statements);
  } catch (err) {
    if (/UNIQUE|PRIMARY KEY|constraint/i.test(String(err))) {
      throw new HttpError(412, "precondition_failed", `${year} 年科目表刚被他人发布了第 ${version} 版，请重新获取后再发布`);
    }
    throw err;
  }
  forgetEditions();
  c.header("ETag", `"${hash}"`);
  return c.json({ year, version, hash, entries: edition.entries.length, status: edition.status, publishedAt: now }, meta ? 200 : 201);
});
