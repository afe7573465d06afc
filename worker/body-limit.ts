// Request bodies read through LIMITS.fileBytes: a declared Content-Length over it is refused before reading;
// a body without one (chunked) is counted while it streams, and the stream is cancelled at the first byte over,
// so the connection is released rather than left with an unread body.

import type { MiddlewareHandler } from "hono";
import { LIMITS } from "../core/limits.ts";
import { tooLarge } from "./http-errors.ts";

export const MAX_BODY_BYTES = LIMITS.fileBytes;

const overLimit = () => tooLarge(`请求体超过 ${MAX_BODY_BYTES / 1024 / 1024} MB`);

export const bodyLimit: MiddlewareHandler = async (c, next) => {
  const body = c.req.raw.body;
  if (!body) return next();
  const declared = c.req.header("Content-Length");
  if (declared !== undefined && !c.req.header("Transfer-Encoding")) {
    if (Number(declared) > MAX_BODY_BYTES) {
      await body.cancel().catch(() => {});
      throw overLimit();
    }
    return next();
  }
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel().catch(() => {});
      throw overLimit();
    }
    chunks.push(value);
  }
  const whole = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    whole.set(chunk, at);
    at += chunk.byteLength;
  }
  c.req.raw = new Request(c.req.raw, { body: whole });
  return next();
};
