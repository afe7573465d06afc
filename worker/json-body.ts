// Reads a JSON request body: the right media type (415 otherwise) and well-formed JSON (400 otherwise).

import type { Context } from "hono";
import { HttpError, badRequest } from "./http-errors.ts";

export async function readJson(c: Context): Promise<unknown> {
  const type = c.req.header("Content-Type") ?? "";
  if (!/^application\/json\b/i.test(type)) throw new HttpError(415, "unsupported_media_type", `请求体应为 application/json，而不是“${type || "（未注明）"}”`);
  try {
    return await c.req.json();
  } catch {
    throw badRequest("请求体不是有效的 JSON");
  }
}
