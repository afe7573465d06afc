// The Worker's error contract: every error is JSON {error, message} with a Chinese message and the right
// status, and nothing internal (stack, SQL) ever leaves the Worker.

import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";

export class HttpError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export const badRequest = (message: string) => new HttpError(400, "bad_request", message);
export const notFound = (code: string, message: string) => new HttpError(404, code, message);

export function errorResponse(c: Context, err: unknown): Response {
  if (err instanceof HttpError) return c.json({ error: err.code, message: err.message }, err.status);
  console.error("unhandled", err);
  return c.json({ error: "internal", message: "服务内部错误，请稍后再试" }, 500);
}
