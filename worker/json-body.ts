// Reads a JSON request body: the right media type (415 otherwise) and well-formed JSON (400 otherwise), in
// Chinese. Hono keeps the parse, so a validator after it reads the same value.

import type { Context, MiddlewareHandler } from "hono";
import { HttpError, badRequest } from "./http-errors.ts";

export const isJsonType = (type: string | undefined) => /^application\/json\s*(;|$)/i.test(type ?? "");

export async function readJson(c: Context): Promise<unknown> {
  const type = c.req.header("Content-Type") ?? "";
  if (!isJsonType(type)) throw new HttpError(415, "unsupported_media_type", `请求体应为 application/json，而不是“${type || "（未注明）"}”`);
  try {
    return await c.req.json();
  } catch {
    throw badRequest("请求体不是有效的 JSON");
  }
}

/** readJson as a middleware, before a route's validator. */
export const jsonBody: MiddlewareHandler = async (c, next) => {
  await readJson(c);
  await next();
};
