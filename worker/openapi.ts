// The API described for other systems (OpenAPI 3.1), served at /v1/openapi.json; request bodies come from the
// same zod schemas the routes validate with, and a test keeps the paths and the routes the same.

import * as z from "zod/mini";
import { publishableTemplateSchema } from "../core/templates/template.ts";
import { checkBodySchema } from "./check-input.ts";
import { FILE_TYPES } from "./routes/check.ts";
import { editionBodySchema } from "./edition-body.ts";

/** A zod schema as the JSON Schema (2020-12, which OpenAPI 3.1 uses) of what a client sends. */
function bodySchema(schema: z.ZodMiniType): Record<string, unknown> {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" });
  return rest;
}

import { REVIEW_PATHS } from "./routes/reviews.ts";

const error = { $ref: "#/components/responses/Error" };
const json = (schema: object, description = "成功") => ({ description, content: { "application/json": { schema } } });
const year = { name: "year", in: "path", required: true, schema: { type: "string", pattern: "^(\\d{4}|latest)$" }, description: "科目表年度，或 latest" };
const id = { name: "id", in: "path", required: true, schema: { type: "string", pattern: "^[a-z0-9][a-z0-9-]{1,62}$" } };
const bearer = [{ bearer: [] }];
const publishHeaders = [
  { name: "If-Match", in: "header", schema: { type: "string" }, description: "发布新版本时：当前 ETag" },
  { name: "If-None-Match", in: "header", schema: { type: "string", enum: ["*"] }, description: "新建时：*" },
];
const publishErrors = { 400: error, 401: error, 403: error, 412: error, 413: error, 415: error, 428: error, 429: error };

export const OPENAPI = {
  openapi: "3.1.0",
  info: { title: "juesuan 决算公开助手 API", version: "0.1.0", description: "政府收支分类科目（按年度）、部门决算公开模板的查询与发布，以及公开表核对。所有错误均为 {error, message}，message 为中文。" },
  components: {
    schemas: { Template: bodySchema(publishableTemplateSchema) },
    securitySchemes: { bearer: { type: "http", scheme: "bearer" } },
    responses: {
      Error: json({ type: "object", required: ["error", "message"], properties: { error: { type: "string" }, message: { type: "string" } } }, "错误"),
    },
  },
  paths: {
    "/health": { get: { summary: "服务状态", responses: { 200: json({ type: "object" }) } } },
    "/": { get: { summary: "网页核对（文件在浏览器中核对，不上传）", responses: { 200: { description: "HTML" } } } },
    "/manifest.xml": { get: { summary: "Office 加载项清单（地址指向本服务）", responses: { 200: { description: "XML" } } } },
    "/v1/openapi.json": { get: { summary: "本说明", responses: { 200: json({ type: "object" }) } } },
    "/v1/editions": { get: { summary: "科目表年度列表", responses: { 200: json({ type: "object" }) } } },
    "/v1/codes/{year}": {
      get: {
        summary: "某年度科目表（可按 q、kind 筛选）",
        parameters: [year, { name: "q", in: "query", schema: { type: "string", maxLength: 50 } }, { name: "kind", in: "query", schema: { enum: ["function", "economic"] } }],
        responses: { 200: json({ type: "object" }), 304: { description: "未变化" }, 400: error, 404: error },
      },
      put: {
        summary: "发布某年度的科目表（新版本）",
        security: bearer,
        parameters: [year, ...publishHeaders],
        requestBody: { required: true, content: { "application/json": { schema: bodySchema(editionBodySchema) } } },
        responses: { 200: json({ type: "object" }), 201: json({ type: "object" }), ...publishErrors },
      },
    },
    "/v1/codes/{year}/{code}": {
      get: {
        summary: "一个科目：名称、级次、路径、来源",
        parameters: [year, { name: "code", in: "path", required: true, schema: { type: "string" } }],
        responses: { 200: json({ type: "object" }), 304: { description: "未变化" }, 400: error, 404: error },
      },
    },
    "/v1/templates": {
      get: {
        summary: "模板列表（每个模板的最新版本）",
        parameters: [{ name: "region", in: "query", schema: { type: "string" } }, { name: "year", in: "query", schema: { type: "string" } }],
        responses: { 200: json({ type: "object" }), 400: error },
      },
    },
    "/v1/templates/{id}": {
      get: { summary: "模板的最新版本", parameters: [id], responses: { 200: json({ type: "object" }), 304: { description: "未变化" }, 400: error, 404: error } },
      put: {
        summary: "发布模板（新的不可更改版本）",
        security: bearer,
        parameters: [id, ...publishHeaders],
        requestBody: { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/Template" } } } },
        responses: { 200: json({ type: "object" }), 201: json({ type: "object" }), ...publishErrors },
      },
    },
    "/v1/templates/{id}/versions/{version}": {
      get: {
        summary: "模板的某个版本",
        parameters: [id, { name: "version", in: "path", required: true, schema: { type: "integer", minimum: 1 } }],
        responses: { 200: json({ type: "object" }), 304: { description: "未变化" }, 400: error, 404: error },
      },
    },
    "/v1/check": {
      post: {
        summary: "核对公开表：JSON {year, grids, text}，或 Excel/WPS 表格文件（.xlsx、.xls、.et）、公开的 PDF（?year=&template=&name=）",
        parameters: [{ name: "year", in: "query", schema: { type: "string" } }, { name: "template", in: "query", schema: { type: "string" } }],
        requestBody: {
          required: true,
          content: {
            "application/json": { schema: bodySchema(checkBodySchema) },
            ...Object.fromEntries(FILE_TYPES.map((type) => [type, { schema: { type: "string", format: "binary" } }])),
          },
        },
        responses: { 200: json({ type: "object" }), 400: error, 404: error, 413: error, 415: error },
      },
    },
    ...REVIEW_PATHS,
  },
} as const;
