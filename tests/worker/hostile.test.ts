import { env } from "cloudflare:test";
import { Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import { describe, expect, it } from "vitest";
import { InputTooLarge, LIMITS } from "../../core/limits.ts";
import { errorResponse } from "../../worker/http-errors.ts";
import type { Report } from "../../core/rules/finding.ts";
import { call, errorOf, put } from "./helpers.ts";

const post = (body: unknown) =>
  call("/v1/check", { method: "POST", headers: { "Content-Type": "application/json" }, body: typeof body === "string" ? body : JSON.stringify(body) });

const template = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  name: "测试市模板",
  region: "测试市",
  year: 2025,
  tables: [{ id: "T01", title: "收入支出决算总表", required: true }],
  ...extra,
});

type Invalid = { error: string; message: string; errors: { path: string; message: string }[] };

describe("merged areas are checked against their grid", () => {
  it("the few-byte body with a merge of 10^14 rows is answered at once", async () => {
    const body = '{"grids":{"s":[["x"]]},"merges":{"s":["A1:A99999999999999"]}}';
    expect(await errorOf(await post(body))).toMatchObject({ status: 400, message: "/merges/s/0：应为 A1:B2 形式的区域" });
  });

  it("an area reaching past the grid is clipped to it; one wholly outside is dropped", async () => {
    const res = await post({ grids: { s: [["x", null], [null, null]] }, merges: { s: ["A1:XFD1048576", "C5:D9"] } });
    expect(res.status).toBe(200);
  });

  it("more areas than LIMITS.merges, or one area over LIMITS.mergeCells, is 413", async () => {
    const many = Array.from({ length: LIMITS.merges + 1 }, (_, i) => `A${i + 1}`);
    expect(await errorOf(await post({ grids: { s: [["x"]] }, merges: { s: many } }))).toMatchObject({ status: 413, error: "payload_too_large" });
    const side = Math.ceil(Math.sqrt(LIMITS.mergeCells + 1));
    const grid = Array.from({ length: side }, () => Array<null>(side).fill(null));
    const big = await errorOf(await post({ grids: { s: grid }, merges: { s: ["A1:ZZ9999"] } }));
    expect(big).toMatchObject({ status: 413, message: expect.stringContaining("过大") });
  });
});

describe("own keys only", () => {
  it("sheets named constructor and toString are read as sheets, not as prototype members", async () => {
    const res = await post({ grids: { constructor: [["收入支出决算总表"]], toString: [["x"]] } });
    expect(res.status).toBe(200);
    const report = (await res.json()) as Report;
    expect(report.summary).toBeDefined();
    const withMerges = await post({ grids: { constructor: [["a", null]] }, merges: { constructor: ["A1:B1"] } });
    expect(withMerges.status).toBe(200);
  });

  it("a sheet named __proto__ and prototype names in a template are refused with their paths", async () => {
    expect(await errorOf(await post('{"grids":{"__proto__":[["x"]]}}'))).toMatchObject({ status: 400, message: expect.stringContaining("/grids/__proto__") });
    const doc = JSON.stringify(
      template("test-proto-2025", { rules: { toString: "off" }, supplementary: { fields: [{ key: "constructor", label: "收入合计" }] } }),
    ).replace(/}$/, ',"constructor":1}');
    const res = await put("/v1/templates/test-proto-2025", doc, { "If-None-Match": "*" });
    const body = (await res.json()) as Invalid;
    expect(res.status).toBe(400);
    expect(body.errors.map((e) => e.path).sort()).toEqual(["/constructor", "/rules/toString", "/supplementary/fields/0/key"]);
    expect(body.errors.every((e) => /[\u4e00-\u9fff]/.test(e.message))).toBe(true);
  });
});

describe("templates refuse what a spreadsheet would run as a formula", () => {
  it("a label, a sentence or a title starting with = + - @ names the field in Chinese", async () => {
    const doc = template("test-formula-2025", {
      supplementary: { fields: [{ key: "link", label: '=HYPERLINK("http://x","y")' }] },
      narrative: { sections: [{ id: "summary", title: "概况", sentences: { total: "-1+2" } }] },
    });
    const res = await put("/v1/templates/test-formula-2025", doc, { "If-None-Match": "*" });
    const body = (await res.json()) as Invalid;
    expect(res.status).toBe(400);
    expect(body.errors).toEqual([
      { path: "/narrative/sections/0/sentences/total", message: expect.stringMatching(/^情况说明句式不能以 =/) },
      { path: "/supplementary/fields/0/label", message: expect.stringMatching(/^补充资料项名称不能以 =/) },
    ]);
    expect((await call("/v1/templates/test-formula-2025")).status).toBe(404);
  });
});

describe("a huge broken template gets a short answer", () => {
  it("9 MB of bad labels: the first 20 problems and how many more", async () => {
    const fields = Array.from({ length: 300 }, (_, i) => ({ key: `k${i}`, label: "x".repeat(30_000) }));
    const doc = JSON.stringify(template("test-huge-2025", { supplementary: { fields } }));
    expect(doc.length).toBeGreaterThan(9_000_000);
    const res = await put("/v1/templates/test-huge-2025", doc, { "If-None-Match": "*" });
    const text = await res.text();
    expect(res.status).toBe(400);
    expect(text.length).toBeLessThan(5_000);
    const body = JSON.parse(text) as Invalid;
    expect(body.errors).toHaveLength(20);
    expect(body.message).toContain("还有 280 处");
  });
});

describe("every failure is JSON with a Chinese message", () => {
  it("a runtime failure (a stored document that no longer parses) is a JSON 500 without internals", async () => {
    await env.DB.prepare(
      "INSERT INTO templates (id, version, name, region, year, content, hash, published_at, origin) VALUES ('test-broken-2025', 1, 'x', 'x', 2025, '{broken', 'h', '2025-01-01', 'published')",
    ).run();
    const res = await call("/v1/templates/test-broken-2025");
    expect(res.headers.get("Content-Type")).toContain("application/json");
    const body = await errorOf(res);
    expect(body).toEqual({ status: 500, error: "internal", message: "服务内部错误，请稍后再试" });
  });

  it("unknown paths, methods and media types answer JSON in Chinese", async () => {
    for (const res of [
      await call("/v1/nothing"),
      await call("/v1/check", { method: "DELETE" }),
      await call("/v1/check", { method: "POST", headers: { "Content-Type": "text/plain" }, body: "x" }),
      await post("{"),
    ]) {
      expect(res.headers.get("Content-Type")).toContain("application/json");
      const { message } = (await res.json()) as { message: string };
      expect(message).toMatch(/[\u4e00-\u9fff]/);
      expect(message).not.toContain("\n");
    }
  });

  it("the error contract maps what Hono, core and the runtime throw to one Chinese line", async () => {
    const app = new Hono();
    const throwing: Record<string, unknown> = {
      "/oom": new RangeError("Invalid array length"),
      "/stack": new RangeError("Maximum call stack size exceeded"),
      "/limit": new InputTooLarge("cells", "单元格过多（最多 500000 个）"),
      "/hono": new HTTPException(400, { message: "Malformed JSON in request body" }),
      "/lines": Object.assign(new TypeError("boom\n    at somewhere (file.js:1:1)"), {}),
    };
    for (const [path, err] of Object.entries(throwing)) app.get(path, () => { throw err; });
    app.onError((err, c) => errorResponse(c, err));
    const answers = await Promise.all(Object.keys(throwing).map(async (p) => [p, await errorOf(await app.request(p))] as const));
    expect(Object.fromEntries(answers)).toEqual({
      "/oom": { status: 413, error: "too_large_to_process", message: expect.stringMatching(/^请求的内容过大/) },
      "/stack": { status: 413, error: "too_large_to_process", message: expect.stringMatching(/^请求的内容过大/) },
      "/limit": { status: 413, error: "payload_too_large", message: "单元格过多（最多 500000 个）" },
      "/hono": { status: 400, error: "bad_request", message: "请求格式不对" },
      "/lines": { status: 500, error: "internal", message: "服务内部错误，请稍后再试" },
    });
  });
});
