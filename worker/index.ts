// The Worker: wires routes to their handlers; the add-in's static files are served by the assets binding for
// every path not routed here (wrangler.toml run_worker_first).

import { Hono } from "hono";
import { cors } from "hono/cors";
import { etag } from "hono/etag";
import { bodyLimit } from "./body-limit.ts";
import { errorResponse, HttpError } from "./http-errors.ts";
import { OPENAPI } from "./openapi.ts";
import { check } from "./routes/check.ts";
import { codes } from "./routes/codes.ts";
import { codesPublish } from "./routes/codes-publish.ts";
import { manifest } from "./routes/manifest.ts";
import { reviews } from "./routes/reviews.ts";
import { templates } from "./routes/templates.ts";
import { web } from "./routes/web.ts";
import { VERSION } from "./version.ts";

const app = new Hono<{ Bindings: Env }>();

app.use(
  "/v1/*",
  cors({
    // the Worker's own origin (the add-in) and those a deployment lists in ALLOWED_ORIGINS
    origin: (origin, c) => {
      const allowed = [new URL(c.req.url).origin, ...(c.env.ALLOWED_ORIGINS ?? "").split(",").map((o: string) => o.trim())];
      return allowed.includes(origin) ? origin : null;
    },
    allowMethods: ["GET", "HEAD", "PUT", "POST", "OPTIONS"],
    allowHeaders: ["Content-Type", "Authorization", "If-Match", "If-None-Match"],
    exposeHeaders: ["ETag", "Location", "Retry-After"],
    maxAge: 600,
  }),
);
app.use("/v1/*", bodyLimit);
app.use("/v1/*", etag());
app.use("/v1/*", async (c, next) => {
  await next();
  if (c.req.method === "GET" && (c.res.status === 200 || c.res.status === 304) && !c.res.headers.has("Cache-Control")) {
    c.header("Cache-Control", "public, max-age=300, must-revalidate");
  }
});

app.get("/health", (c) => c.json({ ok: true, service: "juesuan", version: VERSION }));
app.get("/v1/openapi.json", (c) => c.json(OPENAPI));
app.route("/v1", codes);
app.route("/v1", codesPublish);
app.route("/v1", templates);
app.route("/v1", check);
app.route("/v1", reviews);
app.route("/", manifest);
app.route("/", web);

// a known path asked with another method: 405 with what it allows
for (const [path, methods] of Object.entries(OPENAPI.paths)) {
  const allow = [...Object.keys(methods).map((m) => m.toUpperCase()), "OPTIONS"].join(", ");
  app.all(path.replace(/\{(\w+)\}/g, ":$1"), (c) => {
    c.header("Allow", allow);
    throw new HttpError(405, "method_not_allowed", `此地址不支持 ${c.req.method}，可用：${allow}`);
  });
}

app.notFound((c) => c.json({ error: "not_found", message: `没有这个地址：${new URL(c.req.url).pathname}` }, 404));
app.onError((err, c) => errorResponse(c, err));

export default app;
