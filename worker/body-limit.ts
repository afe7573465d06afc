// Request bodies read through LIMITS.fileBytes: a declared Content-Length over it is refused before reading;
// a body without one (chunked) is counted while it streams and kept no further than the limit. What follows
// is read and dropped for up to as much again, so the client's connection stays usable for its next request
// (workerd closes a connection whose request body was left unread); past that the stream is cancelled.

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
      await discard(reader, MAX_BODY_BYTES);
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

/** Reads the rest of a body without keeping it, up to `budget` bytes; cancels it if there is more. */
async function discard(reader: ReadableStreamDefaultReader<Uint8Array>, budget: number): Promise<void> {
  for (let read = 0; read <= budget; ) {
    const { done, value } = await reader.read();
    if (done) return;
    read += value.byteLength;
  }
  await reader.cancel().catch(() => {});
}
