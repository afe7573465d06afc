// /v1/reviews: the bureau's shared review board — per year and unit, the findings summary, the publication score
// and the reviewer's status (never the files), each save an immutable version under the publishing token and
// the current ETag, and the board listing every unit's current status with the date it changed.

import { type Context, Hono } from "hono";
import { z } from "zod";
import zhCN from "zod/v4/locales/zh-CN.js";
import { contentHash } from "../../core/index.ts";
import { requirePublisher } from "../auth.ts";
import { HttpError, badRequest, notFound } from "../http-errors.ts";
import { readJson } from "../json-body.ts";
import { checkPreconditions } from "../preconditions.ts";
import { REVIEW_STATUSES, ReviewsStore } from "../reviews-store.ts";

const count = z.int({ error: "应为不小于 0 的整数" }).min(0, { error: "应为不小于 0 的整数" });

/** What a desk saves for one unit: its results, not its files. */
export const ReviewBody = z.strictObject({
  status: z.enum(REVIEW_STATUSES, { error: `状态应为${REVIEW_STATUSES.join("、")}之一` }),
  summary: z.strictObject({ error: count, warning: count, info: count, notChecked: count.optional() }),
  /** findings counted by rule */
  rules: z.array(z.strictObject({ rule: z.string().min(1).max(80), severity: z.enum(["error", "warning", "info"]), count: z.int().min(1) })).max(500).optional(),
  score: z
    .strictObject({
      total: z.number().min(0).max(100),
      items: z
        .array(z.object({ id: z.string().min(1).max(80), label: z.string().max(120), status: z.enum(["pass", "fail", "na"]), weight: z.number().min(0).max(100), where: z.unknown().optional(), note: z.string().max(500).optional() }))
        .max(200),
    })
    .nullable()
    .optional(),
  /** names of the files the results came from */
  files: z.array(z.string().min(1).max(260)).max(500).optional(),
  reviewer: z.string().max(50).optional(),
  comment: z.string().max(2000).optional(),
});

export type Review = z.infer<typeof ReviewBody>;

export const reviews = new Hono<{ Bindings: Env }>();

const etagOf = (hash: string) => `"${hash}"`;

function yearOf(raw: string | undefined): number {
  if (raw === undefined || raw === "") throw badRequest("请用 ?year= 指定年度，如 ?year=2024");
  const y = Number(raw);
  if (!/^\d{4}$/.test(raw) || y < 2000 || y > 2100) throw badRequest(`“${raw}”不是四位年度（2000–2100）`);
  return y;
}

function unitOf(raw: string): string {
  const unit = raw.trim();
  if (!unit || unit.length > 100 || /[\u0000-\u001f/\\]/.test(unit)) throw badRequest(`“${raw.slice(0, 40)}”不是单位名称（1–100 个字符，不含斜杠和控制字符）`);
  return unit;
}

function versionOf(raw: string): number {
  if (!/^[1-9]\d{0,5}$/.test(raw)) throw badRequest(`“${raw}”不是版本号`);
  return Number(raw);
}

// a board holds findings before they are published: colleagues read it with the same token they save with
reviews.get("/reviews", async (c) => {
  await requirePublisher(c);
  const year = yearOf(c.req.query("year"));
  const units = await new ReviewsStore(c.env.DB).list(year);
  // the board changes whenever a colleague saves: always revalidate
  c.header("Cache-Control", "private, no-cache");
  return c.json({ year, units });
});

/** One unit's saved review: the current one (which a later save replaces) or a given version (never changed). */
async function savedReview(c: Context<{ Bindings: Env }>) {
  await requirePublisher(c);
  const year = yearOf(c.req.param("year"));
  const unit = unitOf(c.req.param("unit") ?? "");
  const raw = c.req.param("version");
  const version = raw === undefined ? undefined : versionOf(raw);
  const found = await new ReviewsStore(c.env.DB).get(year, unit, version);
  if (!found) {
    throw version === undefined
      ? notFound("review_not_found", `${year} 年度没有“${unit}”的复核结果`)
      : notFound("version_not_found", `${year} 年度“${unit}”的复核结果没有第 ${version} 版`);
  }
  c.header("ETag", etagOf(found.meta.hash));
  c.header("Cache-Control", version === undefined ? "private, no-cache" : "private, max-age=31536000, immutable");
  return c.json({ ...found.meta, versions: found.versions, review: found.review });
}

reviews.get("/reviews/:year/:unit", savedReview);
reviews.get("/reviews/:year/:unit/versions/:version", savedReview);

reviews.put("/reviews/:year/:unit", async (c) => {
  await requirePublisher(c);
  const year = yearOf(c.req.param("year"));
  const unit = unitOf(c.req.param("unit"));
  const parsed = ReviewBody.safeParse(await readJson(c), { error: zhCN().localeError });
  if (!parsed.success) {
    const errors = parsed.error.issues.map((i) => ({ path: i.path.length ? `/${i.path.join("/")}` : "/", message: i.message }));
    return c.json({ error: "invalid_review", message: `复核结果不符合格式：${errors[0]!.path} ${errors[0]!.message}`, errors }, 400);
  }
  const review = parsed.data;
  const store = new ReviewsStore(c.env.DB);
  const current = await store.get(year, unit);
  checkPreconditions(c, current ? etagOf(current.meta.hash) : null, `${year} 年度“${unit}”的复核结果`);
  const version = (current?.meta.version ?? 0) + 1;
  const savedAt = new Date().toISOString();
  const statusSince = current && current.meta.status === review.status ? current.meta.statusSince : savedAt;
  const content = JSON.stringify(review);
  // the version is part of what is hashed, so re-saving the same results still changes the ETag
  const hash = await contentHash(JSON.stringify([year, unit, version, content]));
  const meta = { year, unit, version, status: review.status, statusSince, score: review.score?.total ?? null, errors: review.summary.error, warnings: review.summary.warning, hash, savedAt };
  if (!(await store.insert({ ...meta, content }))) {
    throw new HttpError(412, "precondition_failed", `${year} 年度“${unit}”的复核结果刚被他人保存了第 ${version} 版，请重新获取后再保存`);
  }
  c.header("ETag", etagOf(hash));
  c.header("Location", `/v1/reviews/${year}/${encodeURIComponent(unit)}/versions/${version}`);
  return c.json(meta, current ? 200 : 201);
});

const path = (name: string, schema: object, description?: string) => ({ name, in: "path", required: true, schema, ...(description ? { description } : {}) });
const yearParam = path("year", { type: "string", pattern: "^\\d{4}$" }, "年度");
const unitParam = path("unit", { type: "string", maxLength: 100 }, "单位名称（URL 编码）");
const ok = { description: "成功", content: { "application/json": { schema: { type: "object" } } } };
const error = { $ref: "#/components/responses/Error" };

/** The board's paths for the OpenAPI document; the request body's schema is generated from the zod schema. */
export const REVIEW_PATHS = {
  "/v1/reviews": {
    get: { summary: "复核看板：某年度各单位的当前状态及状态变更日期", parameters: [{ name: "year", in: "query", required: true, schema: { type: "string", pattern: "^\\d{4}$" } }], security: [{ bearer: [] }], responses: { 200: ok, 400: error, 401: error, 403: error, 429: error } },
  },
  "/v1/reviews/{year}/{unit}": {
    get: { summary: "某单位的当前复核结果", security: [{ bearer: [] }], parameters: [yearParam, unitParam], responses: { 200: ok, 304: { description: "未变化" }, 400: error, 401: error, 403: error, 404: error } },
    put: {
      summary: "保存某单位的复核结果（新的不可更改版本；新建 If-None-Match: *，更新 If-Match）",
      security: [{ bearer: [] }],
      parameters: [
        yearParam,
        unitParam,
        { name: "If-Match", in: "header", schema: { type: "string" }, description: "保存新版本时：当前 ETag" },
        { name: "If-None-Match", in: "header", schema: { type: "string", enum: ["*"] }, description: "新建时：*" },
      ],
      requestBody: { required: true, content: { "application/json": { schema: z.toJSONSchema(ReviewBody, { io: "input" }) } } },
      responses: { 200: ok, 201: ok, 400: error, 401: error, 403: error, 412: error, 413: error, 415: error, 428: error, 429: error },
    },
  },
  "/v1/reviews/{year}/{unit}/versions/{version}": {
    get: { summary: "某单位复核结果的某个版本", parameters: [yearParam, unitParam, path("version", { type: "integer", minimum: 1 })], security: [{ bearer: [] }], responses: { 200: ok, 304: { description: "未变化" }, 400: error, 401: error, 403: error, 404: error } },
  },
};
