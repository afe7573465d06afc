// Who may publish: the bearer of the token set with `wrangler secret put PUBLISH_TOKEN`, compared in constant
// time and checked before anything else, so a correct token is never refused for others' failures. Failures
// are limited per client address by Cloudflare's rate-limiting binding (PUBLISH_FAILURES in wrangler.toml,
// simulated by wrangler dev and the tests): past the limit, a wrong token gets 429 instead of 403.

import type { Context, MiddlewareHandler } from "hono";
import { HttpError } from "./http-errors.ts";

/** The binding's period (wrangler.toml [ratelimits.simple] period): how long a client waits once limited. */
const FAILURE_PERIOD_S = 60;

async function digest(text: string): Promise<ArrayBuffer> {
  return crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
}

/** Throws the right HttpError unless the request carries the publishing token. */
export async function requirePublisher(c: Context<{ Bindings: Env }>): Promise<void> {
  const secret = c.env.PUBLISH_TOKEN;
  if (!secret) throw new HttpError(403, "publishing_disabled", "本服务未配置发布令牌（wrangler secret put PUBLISH_TOKEN），不能发布");
  const m = /^Bearer\s+(\S+)$/i.exec(c.req.header("Authorization") ?? "");
  // hashing both sides gives equal lengths, which timingSafeEqual needs
  if (m && crypto.subtle.timingSafeEqual(await digest(m[1]!), await digest(secret))) return;

  // Cloudflare sets CF-Connecting-IP; other headers a client could choose to escape the limit
  const { success } = await c.env.PUBLISH_FAILURES.limit({ key: c.req.header("CF-Connecting-IP") ?? "local" });
  if (!success) {
    c.header("Retry-After", String(FAILURE_PERIOD_S));
    throw new HttpError(429, "too_many_attempts", "此地址令牌错误次数过多，请一分钟后再试");
  }
  if (!m) {
    c.header("WWW-Authenticate", 'Bearer realm="juesuan"');
    throw new HttpError(401, "unauthorized", "发布需要授权：请求头 Authorization: Bearer <令牌>");
  }
  throw new HttpError(403, "forbidden", "发布令牌不正确");
}

/** requirePublisher as a route's first middleware, so nothing else is read before the token. */
export const publisherOnly: MiddlewareHandler<{ Bindings: Env }> = async (c, next) => {
  await requirePublisher(c);
  await next();
};
