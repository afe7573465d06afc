import { describe, expect, it } from "vitest";
import app from "../../worker/index.ts";
import { MAX_BODY_BYTES } from "../../worker/body-limit.ts";
import { OPENAPI } from "../../worker/openapi.ts";
import { ORIGIN, call, errorOf } from "./helpers.ts";

describe("contract", () => {
  it("the OpenAPI description matches the routes, both ways", async () => {
    const served = (await (await call("/v1/openapi.json")).json()) as typeof OPENAPI;
    const documented = new Set(Object.entries(served.paths).flatMap(([p, ms]) => Object.keys(ms).map((m) => `${m.toUpperCase()} ${p}`)));
    const routed = new Set(
      app.routes
        .filter((r) => r.method !== "ALL")
        .map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, "{$1}")}`),
    );
    expect([...routed].sort()).toEqual([...documented].sort());
  });

  it("a known path with another method is 405 with Allow", async () => {
    const res = await call("/v1/codes/2021/204", { method: "DELETE" });
    expect(await errorOf(res.clone())).toMatchObject({ status: 405, error: "method_not_allowed" });
    expect(res.headers.get("Allow")).toContain("GET");
    expect((await call("/v1/check")).status).toBe(405);
  });

  it("an unknown path is JSON 404, and no stack trace ever leaves", async () => {
    const res = await call("/v1/nothing/here");
    expect(await errorOf(res)).toMatchObject({ status: 404, error: "not_found" });
  });

  it("CORS admits the Worker's own origin and configured ones, and the preflight works", async () => {
    const pre = await call("/v1/templates/shanghai-2024", {
      method: "OPTIONS",
      headers: { Origin: ORIGIN, "Access-Control-Request-Method": "PUT", "Access-Control-Request-Headers": "authorization, if-match, content-type" },
    });
    expect(pre.status).toBe(204);
    expect(pre.headers.get("Access-Control-Allow-Origin")).toBe(ORIGIN);
    expect(pre.headers.get("Access-Control-Allow-Methods")).toContain("PUT");
    expect(pre.headers.get("Access-Control-Allow-Headers")?.toLowerCase()).toContain("if-match");
    const get = await call("/v1/editions", { headers: { Origin: ORIGIN } });
    expect(get.headers.get("Access-Control-Allow-Origin")).toBe(ORIGIN);
    expect(get.headers.get("Access-Control-Expose-Headers")).toContain("ETag");
    const foreign = await call("/v1/editions", { headers: { Origin: "https://evil.example" } });
    expect(foreign.headers.get("Access-Control-Allow-Origin")).toBeNull();
  });

  it("a body at the limit is read; one byte over is 413", async () => {
    const atLimit = new Uint8Array(MAX_BODY_BYTES).fill(0x20);
    const ok = await call("/v1/check", { method: "POST", headers: { "Content-Type": "application/json" }, body: atLimit });
    expect(ok.status).toBe(400); // read in full: whitespace is not a JSON document
    const over = new Uint8Array(MAX_BODY_BYTES + 1).fill(0x20);
    const res = await call("/v1/check", { method: "POST", headers: { "Content-Type": "application/json" }, body: over });
    expect(await errorOf(res)).toMatchObject({ status: 413, error: "payload_too_large" });
  });
});
