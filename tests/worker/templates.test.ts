import { describe, expect, it } from "vitest";
import shanghai from "../../data/templates/shanghai-2024.json";
import { TOKEN, call, errorOf, put } from "./helpers.ts";

const template = (id: string, name = "测试市部门决算公开模板（2025 年度）") => ({
  id,
  name,
  region: "测试市",
  year: 2025,
  tables: [
    { id: "T01", title: "收入支出决算总表", required: true },
    { id: "T05", title: "一般公共预算财政拨款支出决算表", aliases: ["一般公共预算财政拨款支出决算明细表"], required: true },
  ],
  rules: { "cross.T06-T07": "off" },
});

describe("GET /v1/templates", () => {
  it("lists the built-in templates with region, year, version, published-at and hash", async () => {
    const { templates } = (await (await call("/v1/templates")).json()) as { templates: Record<string, unknown>[] };
    const sh = templates.find((t) => t.id === "shanghai-2024")!;
    expect(sh).toMatchObject({ region: "上海市", year: 2024, version: 1, origin: "built-in" });
    expect(sh.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(typeof sh.publishedAt).toBe("string");
    expect(templates.some((t) => t.id === "central-2021")).toBe(true);
  });

  it("filters by region and year; a bad year is 400", async () => {
    const { templates } = (await (await call(`/v1/templates?region=${encodeURIComponent("上海市")}`)).json()) as { templates: { id: string }[] };
    expect(templates.map((t) => t.id)).toEqual(["shanghai-2024"]);
    expect((await call("/v1/templates?year=24")).status).toBe(400);
  });

  it("serves one template with its ETag; If-None-Match gives 304", async () => {
    const res = await call("/v1/templates/shanghai-2024");
    const body = (await res.json()) as { template: { tables: unknown[] }; hash: string; versions: number[] };
    expect(body.template.tables).toHaveLength(9);
    expect(body.versions).toEqual([1]);
    expect(res.headers.get("ETag")).toBe(`"${body.hash}"`);
    expect((await call("/v1/templates/shanghai-2024", { headers: { "If-None-Match": res.headers.get("ETag")! } })).status).toBe(304);
  });

  it("unknown template or version is 404, malformed ones 400", async () => {
    expect(await errorOf(await call("/v1/templates/nope-2020"))).toMatchObject({ status: 404, error: "template_not_found" });
    expect(await errorOf(await call("/v1/templates/shanghai-2024/versions/9"))).toMatchObject({ status: 404, error: "version_not_found" });
    expect((await call("/v1/templates/Bad_Id")).status).toBe(400);
    expect((await call("/v1/templates/shanghai-2024/versions/x")).status).toBe(400);
  });
});

describe("PUT /v1/templates/{id}", () => {
  it("publish → fetch round trip: version 1, then 2 with If-Match; old versions stay as they were", async () => {
    const created = await put("/v1/templates/test-city-2025", template("test-city-2025"), { "If-None-Match": "*" });
    expect(created.status).toBe(201);
    const etag1 = created.headers.get("ETag")!;
    expect(await created.json()).toMatchObject({ id: "test-city-2025", version: 1 });
    const fetched = await call("/v1/templates/test-city-2025");
    expect(fetched.headers.get("ETag")).toBe(etag1);
    expect(((await fetched.json()) as { template: { name: string } }).template.name).toBe("测试市部门决算公开模板（2025 年度）");

    const v2 = await put("/v1/templates/test-city-2025", template("test-city-2025", "测试市模板（修订）"), { "If-Match": etag1 });
    expect(v2.status).toBe(200);
    expect(v2.headers.get("Location")).toBe("/v1/templates/test-city-2025/versions/2");
    const latest = (await (await call("/v1/templates/test-city-2025")).json()) as { version: number; versions: number[]; template: { name: string } };
    expect(latest).toMatchObject({ version: 2, versions: [1, 2], template: { name: "测试市模板（修订）" } });
    const v1 = await call("/v1/templates/test-city-2025/versions/1");
    expect(((await v1.json()) as { template: { name: string } }).template.name).toBe("测试市部门决算公开模板（2025 年度）");
    expect(v1.headers.get("Cache-Control")).toContain("immutable");
  });

  it("a stale If-Match is 412; a missing one 428; If-None-Match on an existing template 412", async () => {
    await put("/v1/templates/test-stale-2025", template("test-stale-2025"), { "If-None-Match": "*" });
    expect(await errorOf(await put("/v1/templates/test-stale-2025", template("test-stale-2025"), { "If-Match": '"0000"' }))).toMatchObject({
      status: 412,
      error: "precondition_failed",
    });
    expect((await put("/v1/templates/test-stale-2025", template("test-stale-2025"))).status).toBe(428);
    expect((await put("/v1/templates/test-stale-2025", template("test-stale-2025"), { "If-None-Match": "*" })).status).toBe(412);
    expect((await put("/v1/templates/test-new-2025", template("test-new-2025"))).status).toBe(428);
  });

  it("two editors with the same If-Match: exactly one wins, the other gets 412", async () => {
    const first = await put("/v1/templates/test-race-2025", template("test-race-2025"), { "If-None-Match": "*" });
    const etag = first.headers.get("ETag")!;
    const results = await Promise.all(
      ["甲", "乙", "丙"].map((who) => put("/v1/templates/test-race-2025", template("test-race-2025", `${who}的修订`), { "If-Match": etag })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 412, 412]);
    const latest = (await (await call("/v1/templates/test-race-2025")).json()) as { versions: number[] };
    expect(latest.versions).toEqual([1, 2]);
  });

  it("a template that fails the schema names the path that is wrong, and nothing is stored", async () => {
    const bad = { ...template("test-bad-2025"), tables: [{ id: "T99", title: "", required: "yes" }] };
    const res = await put("/v1/templates/test-bad-2025", bad, { "If-None-Match": "*" });
    const body = (await res.json()) as { error: string; message: string; errors: { path: string; message: string }[] };
    expect(res.status).toBe(400);
    expect(body.error).toBe("invalid_template");
    expect(body.errors.map((e) => e.path)).toEqual(["/tables/0/id", "/tables/0/title", "/tables/0/required"]);
    expect(body.message).toContain("/tables/0/id");
    expect((await call("/v1/templates/test-bad-2025")).status).toBe(404);
  });

  it("the id in the document must match the address", async () => {
    expect((await put("/v1/templates/test-a-2025", template("test-b-2025"), { "If-None-Match": "*" })).status).toBe(400);
  });

  it("authorisation: none is 401, a close but wrong token 403, and nothing is stored", async () => {
    const noAuth = await call("/v1/templates/test-auth-2025", {
      method: "PUT",
      headers: { "Content-Type": "application/json", "If-None-Match": "*", "CF-Connecting-IP": "203.0.113.7" },
      body: JSON.stringify(template("test-auth-2025")),
    });
    expect(noAuth.status).toBe(401);
    expect(noAuth.headers.get("WWW-Authenticate")).toContain("Bearer");
    const close = await put("/v1/templates/test-auth-2025", template("test-auth-2025"), {
      "If-None-Match": "*",
      Authorization: `Bearer ${TOKEN.slice(0, -1)}b`,
      "CF-Connecting-IP": "203.0.113.7",
    });
    expect(await errorOf(close)).toMatchObject({ status: 403, error: "forbidden", message: "发布令牌不正确" });
    expect((await call("/v1/templates/test-auth-2025")).status).toBe(404);
  });

  it("ten wrong tokens from a shared address, then the right one: published", async () => {
    const from = { "If-None-Match": "*", "CF-Connecting-IP": "198.51.100.20" };
    for (let i = 0; i < 10; i++) {
      expect((await put("/v1/templates/test-office-2025", template("test-office-2025"), { ...from, Authorization: `Bearer guess-${i}` })).status).toBe(403);
    }
    expect((await put("/v1/templates/test-office-2025", template("test-office-2025"), from)).status).toBe(201);
  });

  it("wrong tokens past the limit get JSON 429 with Retry-After; the right token from there still publishes", async () => {
    const from = { "If-None-Match": "*", "CF-Connecting-IP": "198.51.100.9" };
    const guess = () => put("/v1/templates/test-brute-2025", template("test-brute-2025"), { ...from, Authorization: "Bearer guess" });
    // the binding counts in fixed minutes: 21 tries put more than 10 into one of at most two windows
    let limited: Response | null = null;
    for (let i = 0; i < 21 && !limited; i++) {
      const res = await guess();
      if (res.status === 429) limited = res;
      else expect(res.status).toBe(403);
    }
    expect(limited).not.toBeNull();
    expect(Number(limited!.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(await errorOf(limited!)).toMatchObject({ status: 429, error: "too_many_attempts", message: expect.stringContaining("次数过多") });
    expect((await put("/v1/templates/test-brute-2025", template("test-brute-2025"), from)).status).toBe(201);
  });

  it("republishing the same content is no new version: 200 with the version that has it", async () => {
    const first = await put("/v1/templates/test-same-2025", template("test-same-2025"), { "If-None-Match": "*" });
    const etag = first.headers.get("ETag")!;
    // the same document with its keys in another order is the same content
    const { tables, ...rest } = template("test-same-2025");
    const again = await put("/v1/templates/test-same-2025", { tables, ...rest }, { "If-Match": etag });
    expect(again.status).toBe(200);
    expect(again.headers.get("ETag")).toBe(etag);
    expect(await again.json()).toMatchObject({ version: 1, unchanged: true, message: "内容与第 1 版相同，未建立新版本" });
    expect(((await (await call("/v1/templates/test-same-2025")).json()) as { versions: number[] }).versions).toEqual([1]);
    // a built-in template's own file, as the README's example publishes it
    const builtIn = await call("/v1/templates/shanghai-2024");
    const republished = await put("/v1/templates/shanghai-2024", shanghai, { "If-Match": builtIn.headers.get("ETag")! });
    expect(await republished.json()).toMatchObject({ version: 1, unchanged: true });
  });

  it("a body of the wrong shape is a JSON 400 naming what is wrong", async () => {
    for (const body of ["[]", '"shanghai"', "{}"]) {
      const res = await put("/v1/templates/test-shape-2025", body, { "If-None-Match": "*" });
      expect(res.headers.get("Content-Type")).toContain("application/json");
      expect(await errorOf(res)).toMatchObject({ status: 400, error: "invalid_template", message: expect.stringMatching(/^模板不符合格式：\/\S* /) });
    }
  });

  it("a body that is not JSON is 415, malformed JSON 400", async () => {
    expect((await put("/v1/templates/test-x-2025", "x", { "Content-Type": "text/plain", "If-None-Match": "*" })).status).toBe(415);
    expect(await errorOf(await put("/v1/templates/test-x-2025", "{oops", { "If-None-Match": "*" }))).toMatchObject({ status: 400, message: "请求体不是有效的 JSON" });
  });
});
