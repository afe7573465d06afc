// The Worker: wires routes to their handlers; the add-in's static files are served by the assets binding for
// every path not routed here (wrangler.toml run_worker_first).

import { Hono } from "hono";
import { cors } from "hono/cors";
import { etag } from "hono/etag";
import { codes } from "./routes/codes.ts";
import { manifest } from "./routes/manifest.ts";
import { errorResponse } from "./http-errors.ts";
import { VERSION } from "./version.ts";

const app = new Hono<{ Bindings: Env }>();

app.use("/v1/*", cors({ origin: "*", allowMethods: ["GET", "HEAD", "OPTIONS"], maxAge: 600 }));
app.use("/v1/*", etag());
app.use("/v1/*", async (c, next) => {
  await next();
  if (c.req.method === "GET" && (c.res.status === 200 || c.res.status === 304)) {
    c.header("Cache-Control", "public, max-age=300, must-revalidate");
  }
});

app.get("/health", (c) => c.json({ ok: true, service: "juesuan", version: VERSION }));
app.route("/v1", codes);
app.route("/", manifest);

app.notFound((c) => c.json({ error: "not_found", message: `没有这个地址：${new URL(c.req.url).pathname}` }, 404));
app.onError((err, c) => errorResponse(c, err));

export default app;
