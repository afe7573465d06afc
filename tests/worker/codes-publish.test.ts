import { describe, expect, it } from "vitest";
import { call, errorOf, put } from "./helpers.ts";

const entries = [
  { code: "204", name: "公共安全支出" },
  { code: "20402", name: "公安" },
  { code: "2040201", name: "行政运行" },
  { code: "2040250", name: "公安事业运行" },
  { code: "2049999", name: "其他公共安全支出" },
];

describe("PUT /v1/codes/{year}", () => {
  it("publishes a new year's edition (If-None-Match: *), served at once", async () => {
    const res = await put("/v1/codes/2026", { source: "测试财政局 2026 年科目表", entries }, { "If-None-Match": "*" });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ year: 2026, version: 1, entries: 5, status: { function: "complete", economic: "partial" } });
    const code = (await (await call("/v1/codes/2026/2040250")).json()) as { name: string; provenance: { status: string; source: string } };
    expect(code).toMatchObject({ name: "公安事业运行", provenance: { status: "imported", source: "测试财政局 2026 年科目表" } });
    const editions = (await (await call("/v1/editions")).json()) as { editions: { year: number; origin: string; version: number }[] };
    expect(editions.editions.find((e) => e.year === 2026)).toMatchObject({ origin: "published", version: 1 });
  });

  it("replaces an existing year with If-Match, keeps the other classification and records former names", async () => {
    const current = await call("/v1/codes/2023");
    const etag = current.headers.get("ETag")!;
    expect(etag).toMatch(/^"[0-9a-f]{64}"$/);
    const res = await put("/v1/codes/2023", { entries }, { "If-Match": etag });
    expect(res.status).toBe(200);
    const renamed = (await (await call("/v1/codes/2023/2040250")).json()) as { name: string; formerNames: string[] };
    expect(renamed).toMatchObject({ name: "公安事业运行", formerNames: ["事业运行"] });
    expect(((await (await call("/v1/codes/2023/30201")).json()) as { name: string }).name).toBe("办公费");
    expect((await call("/v1/codes/2023/2050205")).status).toBe(404);
    // the old ETag is stale now
    expect((await put("/v1/codes/2023", { entries }, { "If-Match": etag })).status).toBe(412);
  });

  it("the same edition again is no new version", async () => {
    const first = await put("/v1/codes/2028", { source: "测试", entries }, { "If-None-Match": "*" });
    const etag = first.headers.get("ETag")!;
    const again = await put("/v1/codes/2028", { source: "测试", entries }, { "If-Match": etag });
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ year: 2028, version: 1, unchanged: true });
    expect((await call("/v1/codes/2028")).headers.get("ETag")).toBe(etag);
  });

  it("racing publishers with the same If-Match: exactly one wins, and the edition is whole", async () => {
    const etag = (await call("/v1/codes/2022")).headers.get("ETag")!;
    const results = await Promise.all(
      [entries, entries.map((e) => ({ ...e, name: `${e.name}（乙）` }))].map((list) => put("/v1/codes/2022", { entries: list }, { "If-Match": etag })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 412]);
    const edition = (await (await call("/v1/codes/2022?kind=function")).json()) as { entries: { name: string }[] };
    const names = edition.entries.map((e) => e.name);
    // all of one publish, none of the other
    expect(names.every((n) => n.endsWith("（乙）")) || names.every((n) => !n.endsWith("（乙）"))).toBe(true);
    expect(names).toHaveLength(5);
  });

  it("invalid entries name their path, and nothing is written", async () => {
    const before = (await call("/v1/codes/2024")).headers.get("ETag")!;
    const res = await put("/v1/codes/2024", { entries: [{ code: "204", name: "公共安全支出" }, { code: "abc", name: "x" }, { code: "204", name: "重复" }] }, { "If-Match": before });
    const body = (await res.json()) as { errors: { path: string; message: string }[] };
    expect(res.status).toBe(400);
    expect(body.errors).toEqual([
      { path: "/entries/1/code", message: "“abc”不是科目编码" },
      { path: "/entries/2/code", message: "科目 204 重复" },
    ]);
    expect((await call("/v1/codes/2024")).headers.get("ETag")).toBe(before);
  });

  it("needs authorisation and a four-digit year", async () => {
    const res = await call("/v1/codes/2027", { method: "PUT", headers: { "Content-Type": "application/json", "If-None-Match": "*" }, body: JSON.stringify({ entries }) });
    expect(res.status).toBe(401);
    expect((await put("/v1/codes/latest", { entries }, { "If-None-Match": "*" })).status).toBe(400);
    expect((await call("/v1/codes/2027")).status).toBe(404);
  });

  it("a publish is never undone by the built-in seed", async () => {
    // the seed's SQL runs again (as every `npm start` does) and leaves the published year alone
    const { env } = await import("cloudflare:test");
    await env.DB.batch(env.TEST_SEED.map((sql: string) => env.DB.prepare(sql)));
    expect(((await (await call("/v1/codes/2023/2040250")).json()) as { name: string }).name).toBe("公安事业运行");
    expect(((await (await call("/v1/codes/2021/2040250")).json()) as { name: string }).name).toBe("事业运行");
    expect(await errorOf(await call("/v1/templates/shanghai-2024/versions/2"))).toMatchObject({ status: 404 });
  });
});
