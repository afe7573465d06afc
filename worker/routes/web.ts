// `/`: the web checker's page (dist/addin/web/index.html). The assets binding serves files by exact name
// (html_handling = "none", which Office needs for taskpane.html), so the Worker answers `/` itself and adds
// the page's security headers, which a <meta> cannot carry (frame-ancestors).

import { Hono } from "hono";

export const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export const web = new Hono<{ Bindings: Env }>();

web.get("/", async (c) => {
  const res = await c.env.ASSETS.fetch(new Request(new URL("/web/index.html", c.req.url)));
  if (!res.ok) return c.json({ error: "not_built", message: "网页文件尚未生成，请先运行 npm run build" }, 503);
  return c.body(await res.text(), 200, {
    "Content-Type": "text/html; charset=utf-8",
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-cache",
  });
});
