// /v1/templates: the templates by region and year (built-in and published), each version immutable; publishing
// needs the token and the current ETag, and republishing what is already the newest version changes nothing.

import { Hono } from "hono";
import { contentHash } from "../../core/index.ts";
import { firstError } from "../../core/templates/schema-kit.ts";
import { TEMPLATE_ID, type Template, publishableTemplateSchema } from "../../core/templates/template.ts";
import { publisherOnly } from "../auth.ts";
import { HttpError, badRequest, notFound } from "../http-errors.ts";
import { checkPreconditions } from "../preconditions.ts";
import { cachedTemplate, forgetTemplate } from "../template-cache.ts";
import { TemplatesStore } from "../templates-store.ts";
import { jsonBody, validJson } from "../validation.ts";

export const templates = new Hono<{ Bindings: Env }>();

const etagOf = (hash: string) => `"${hash}"`;

function templateId(raw: string): string {
  if (!TEMPLATE_ID.test(raw)) throw badRequest(`“${raw}”不是模板编号（小写字母、数字和连字符）`);
  return raw;
}

templates.get("/templates", async (c) => {
  const region = c.req.query("region");
  const year = c.req.query("year");
  if (year !== undefined && !/^\d{4}$/.test(year)) throw badRequest(`year “${year}”不是四位年度`);
  const list = (await new TemplatesStore(c.env.DB).list()).filter((t) => (!region || t.region === region) && (!year || t.year === Number(year)));
  return c.json({ templates: list });
});

templates.get("/templates/:id", async (c) => {
  const found = await cachedTemplate(c.env.DB, templateId(c.req.param("id")));
  if (!found) throw notFound("template_not_found", `没有模板“${c.req.param("id")}”`);
  c.header("ETag", etagOf(found.meta.hash));
  return c.json({ ...found.meta, versions: found.versions, template: found.template });
});

templates.get("/templates/:id/versions/:version", async (c) => {
  const id = templateId(c.req.param("id"));
  const raw = c.req.param("version");
  if (!/^[1-9]\d{0,5}$/.test(raw)) throw badRequest(`“${raw}”不是版本号`);
  const found = await new TemplatesStore(c.env.DB).get(id, Number(raw));
  if (!found) throw notFound("version_not_found", `模板“${id}”没有第 ${raw} 版`);
  c.header("ETag", etagOf(found.meta.hash));
  // a version never changes, so it may be cached for good
  c.header("Cache-Control", "public, max-age=31536000, immutable");
  return c.json({ ...found.meta, versions: found.versions, template: found.template });
});

const validTemplate = validJson(
  publishableTemplateSchema,
  (invalid) => new HttpError(invalid.tooLarge ? 413 : 400, "invalid_template", `模板不符合格式：${firstError(invalid)}`, { errors: invalid.errors }),
);

templates.put("/templates/:id", publisherOnly, jsonBody, validTemplate, async (c) => {
  const id = templateId(c.req.param("id"));
  const template = c.req.valid("json" as never) as Template;
  if (template.id !== id) throw badRequest(`文档中的 id “${template.id}”与地址中的“${id}”不一致`);
  const store = new TemplatesStore(c.env.DB);
  const current = await store.get(id);
  const hash = await contentHash(JSON.stringify(template));
  checkPreconditions(c, current ? etagOf(current.meta.hash) : null, `模板“${id}”`);
  if (current && current.meta.hash === hash) {
    // the same content again (its publisher had seen the current version): no new version
    const { version, publishedAt } = current.meta;
    c.header("ETag", etagOf(hash));
    c.header("Location", `/v1/templates/${id}/versions/${version}`);
    return c.json({ id, version, hash, publishedAt, unchanged: true, message: `内容与第 ${version} 版相同，未建立新版本` }, 200);
  }
  const version = (current?.meta.version ?? 0) + 1;
  const publishedAt = new Date().toISOString();
  if (!(await store.insert(template, version, hash, publishedAt))) {
    throw new HttpError(412, "precondition_failed", `模板“${id}”刚被他人发布了第 ${version} 版，请重新获取后再发布`);
  }
  forgetTemplate(id);
  c.header("ETag", etagOf(hash));
  c.header("Location", `/v1/templates/${id}/versions/${version}`);
  return c.json({ id, version, hash, publishedAt }, current ? 200 : 201);
});
