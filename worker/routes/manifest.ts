// /manifest.xml: the add-in manifest with every URL pointing at the origin that serves it, so the same build
// sideloads from http://127.0.0.1:8787, https://localhost:8787 or a deployment.

import { Hono } from "hono";

/** The origin the build writes into dist/addin/manifest.xml, replaced per request. */
export const MANIFEST_BUILD_ORIGIN = "https://localhost:8787";

export const manifest = new Hono<{ Bindings: Env }>();

manifest.get("/manifest.xml", async (c) => {
  const origin = new URL(c.req.url).origin;
  const res = await c.env.ASSETS.fetch(new Request(`${origin}/manifest.template.xml`));
  if (!res.ok) return c.json({ error: "not_built", message: "加载项文件尚未生成，请先运行 npm run build" }, 503);
  const xml = (await res.text()).replaceAll(MANIFEST_BUILD_ORIGIN, origin);
  return c.body(xml, 200, { "Content-Type": "application/xml; charset=utf-8", "Cache-Control": "no-cache" });
});
