// The Worker's error contract: every error is JSON {error, message} with a Chinese message and the right
// status — runtime failures too — and nothing internal (stack, SQL, English runtime text) ever leaves the Worker.

import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { InputTooLarge } from "../core/limits.ts";

export class HttpError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    /** further fields of the answer (a schema's problem list) */
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export const badRequest = (message: string) => new HttpError(400, "bad_request", message);
export const notFound = (code: string, message: string) => new HttpError(404, code, message);
export const tooLarge = (message: string) => new HttpError(413, "payload_too_large", message);

// what Hono itself may throw, by status, said in Chinese
const HONO_MESSAGES: Record<number, string> = { 400: "请求格式不对", 401: "需要授权", 413: "请求体过大", 415: "不支持的请求体类型" };

function asHttpError(err: unknown): HttpError | null {
  if (err instanceof HttpError) return err;
  if (err instanceof InputTooLarge) return tooLarge(err.message);
  if (err instanceof HTTPException) {
    const code = err.status === 413 ? "payload_too_large" : err.status === 415 ? "unsupported_media_type" : "bad_request";
    return new HttpError(err.status as ContentfulStatusCode, code, HONO_MESSAGES[err.status] ?? "请求无法处理");
  }
  // out of memory, an array or string past V8's size, too deep a recursion: the input was too big to handle
  if (err instanceof RangeError) return new HttpError(413, "too_large_to_process", "请求的内容过大或过于复杂，无法处理；请拆分后再试");
  return null;
}

// a message is one line, whatever a reader's error carried
const oneLine = (message: string) => message.replace(/\s*[\r\n]+\s*/g, " ").trim();

export function errorResponse(c: Context, err: unknown): Response {
  const known = asHttpError(err);
  if (known) return c.json({ error: known.code, message: oneLine(known.message), ...known.extra }, known.status);
  console.error("unhandled", err);
  return c.json({ error: "internal", message: "服务内部错误，请稍后再试" }, 500);
}
