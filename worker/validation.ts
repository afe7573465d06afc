// Request bodies through zod (Hono's zod validator): JSON of the right media type first (415 / 400 in Chinese),
// then the route's schema; a body that fails becomes an HttpError naming its first problems.

import { zValidator } from "@hono/zod-validator";
import type { MiddlewareHandler } from "hono";
import type * as z from "zod/mini";
import { type SchemaError, schemaErrors, zhIssue } from "../core/templates/schema-kit.ts";
import { HttpError, badRequest } from "./http-errors.ts";

export const isJsonType = (type: string | undefined) => /^application\/json\s*(;|$)/i.test(type ?? "");

/** The body must be JSON (415 otherwise) and well-formed (400 otherwise); Hono keeps the parse for the validator. */
export const jsonBody: MiddlewareHandler = async (c, next) => {
  const type = c.req.header("Content-Type") ?? "";
  if (!isJsonType(type)) throw new HttpError(415, "unsupported_media_type", `请求体应为 application/json，而不是“${type || "（未注明）"}”`);
  try {
    await c.req.json();
  } catch (err) {
    if (err instanceof HttpError) throw err;
    throw badRequest("请求体不是有效的 JSON");
  }
  await next();
};

export interface Invalid {
  errors: SchemaError[];
  more: number;
  /** some problem is a size over a limit (413 rather than 400) */
  tooLarge: boolean;
}

/** Validates the JSON body with `schema`; `fail` turns its problems into the route's error. */
export function validJson(schema: z.ZodMiniType, fail: (invalid: Invalid) => HttpError) {
  return zValidator(
    "json",
    schema,
    (result) => {
      if (!result.success) {
        const tooLarge = result.error.issues.some((i) => i.code === "too_big");
        throw fail({ ...schemaErrors(result.error), tooLarge });
      }
    },
    // synchronous, as everywhere else: an async parse orders an object's keys by when they finish, and the
    // content hash of a template depends on that order. zod/mini's result has the shape the validator reads.
    { validationFunction: (s: z.ZodMiniType, value) => s.safeParse(value, { error: zhIssue }) as never },
  );
}
