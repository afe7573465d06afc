// Who may publish: the bearer of the token set with `wrangler secret put PUBLISH_TOKEN`, compared in constant
// time; repeated wrong tokens from one address are slowed to 429, so the token cannot be guessed quickly.

import type { Context } from "hono";
import { HttpError } from "./http-errors.ts";

const WINDOW_MS = 60_000;
const MAX_FAILURES = 10;
const failures = new Map<string, { count: number; since: number }>();

function client(c: Context): string {
  return c.req.header("CF-Connecting-IP") ?? c.req.header("X-Forwarded-For")?.split(",")[0]?.trim() ?? "local";
}

async function digest(text: string): Promise<ArrayBuffer> {
  return crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
}

/** Throws the right HttpError unless the request carries the publishing token. */
export async function requirePublisher(c: Context<{ Bindings: Env }>): Promise<void> {
  const who = client(c);
  const record = failures.get(who);
  if (record && Date.now() - record.since < WINDOW_MS && record.count >= MAX_FAILURES) {
    c.header("Retry-After", String(Math.ceil((record.since + WINDOW_MS - Date.now()) / 1000)));
    throw new HttpError(429, "too_many_attempts", "令牌错误次数过多，请一分钟后再试");
  }
  const secret = c.env.PUBLISH_TOKEN;
  if (!secret) throw new HttpError(403, "publishing_disabled", "本服务未配置发布令牌（wrangler secret put PUBLISH_TOKEN），不能发布");
  const header = c.req.header("Authorization") ?? "";
  const m = /^Bearer\s+(\S+)$/i.exec(header);
  if (!m) {
    c.header("WWW-Authenticate", 'Bearer realm="juesuan"');
    throw new HttpError(401, "unauthorized", "发布需要授权：请求头 Authorization: Bearer <令牌>");
  }
  // hashing both sides gives equal lengths, which timingSafeEqual needs
  const ok = crypto.subtle.timingSafeEqual(await digest(m[1]!), await digest(secret));
  if (!ok) {
    const now = Date.now();
    const r = failures.get(who);
    failures.set(who, r && now - r.since < WINDOW_MS ? { count: r.count + 1, since: r.since } : { count: 1, since: now });
    throw new HttpError(403, "forbidden", "发布令牌不正确");
  }
}
