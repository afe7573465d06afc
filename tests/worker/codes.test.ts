import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";

const get = (path: string, headers: Record<string, string> = {}) =>
  exports.default.fetch(new Request(`http://juesuan.test${path}`, { headers }));

describe("GET /health", () => {
  it("answers ok with the version", async () => {
    const res = await get("/health");
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, service: "juesuan" });
  });
});

describe("GET /v1/editions", () => {
  it("lists the seeded editions with their status and hash", async () => {
    const res = await get("/v1/editions");
    const { editions } = (await res.json()) as { editions: { year: number; status: object; hash: string; entries: number }[] };
    expect(editions.map((e) => e.year)).toEqual(expect.arrayContaining([2020, 2021, 2022, 2023, 2024, 2025]));
    expect(editions[1]).toMatchObject({ status: { function: "partial", economic: "complete" } });
    expect(editions[1]!.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(editions[1]!.entries).toBeGreaterThan(400);
  });
});

describe("GET /v1/codes/{year}/{code}", () => {
  it("names 2040250 事业运行 with its path, level and provenance", async () => {
    const res = await get("/v1/codes/2021/2040250");
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toMatch(/application\/json/);
    expect(await res.json()).toMatchObject({
      code: "2040250",
      name: "事业运行",
      kind: "function",
      level: "项",
      path: [
        { code: "204", name: "公共安全支出" },
        { code: "20402", name: "公安" },
        { code: "2040250", name: "事业运行" },
      ],
      edition: { year: 2021, status: "partial" },
      provenance: { status: "published" },
    });
  });

  it("serves economic codes and former names", async () => {
    expect(await (await get("/v1/codes/2021/30217")).json()).toMatchObject({ name: "公务接待费", kind: "economic", level: "款" });
    expect(await (await get("/v1/codes/2021/21305")).json()).toMatchObject({ name: "巩固脱贫衔接乡村振兴", formerNames: ["扶贫"] });
    expect(await (await get("/v1/codes/2020/21305")).json()).toMatchObject({ name: "扶贫" });
  });

  it("accepts full-width digits and latest", async () => {
    expect(await (await get(`/v1/codes/2021/${encodeURIComponent("２０４０２５０")}`)).json()).toMatchObject({ code: "2040250" });
    const { editions } = (await (await get("/v1/editions")).json()) as { editions: { year: number }[] };
    expect(await (await get("/v1/codes/latest/204")).json()).toMatchObject({ edition: { year: Math.max(...editions.map((e) => e.year)) } });
  });

  it("an unknown code is 404 with a Chinese message that says the edition is partial", async () => {
    const res = await get("/v1/codes/2021/2049998");
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({
      error: "code_not_found",
      message: "科目 2049998 不在已载入的 2021 年支出功能分类科目表中（该科目表不完整）",
    });
    const econ = await get("/v1/codes/2021/30298");
    expect(((await econ.json()) as { message: string }).message).toBe("科目 30298 不在 2021 年部门预算支出经济分类科目表中");
  });

  it("an unknown year is 404, a malformed one 400", async () => {
    const missing = await get("/v1/codes/2019/204");
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: "edition_not_found", message: "没有 2019 年的科目表" });
    const bad = await get("/v1/codes/21/204");
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: "bad_request" });
  });

  it("a malformed code is 400", async () => {
    for (const code of ["abc", "1234", "3020101", "1010101"]) {
      const res = await get(`/v1/codes/2021/${code}`);
      expect(res.status, code).toBe(400);
      expect(((await res.json()) as { message: string }).message).toContain("不是科目编码");
    }
  });
});

describe("GET /v1/codes/{year}", () => {
  it("without filters returns the whole edition in one response", async () => {
    const body = (await (await get("/v1/codes/2021")).json()) as { year: number; count: number; entries: { code: string }[] };
    expect(body.year).toBe(2021);
    expect(body.count).toBe(body.entries.length);
    expect(body.entries.map((e) => e.code)).toContain("2040250");
  });

  it("filters by q (code prefix or name) and kind", async () => {
    const byName = (await (await get(`/v1/codes/2021?q=${encodeURIComponent("公安")}`)).json()) as { entries: { code: string }[] };
    expect(byName.entries.map((e) => e.code)).toEqual(["20402", "2040299"]);
    const byCode = (await (await get("/v1/codes/2021?q=30217")).json()) as { entries: { code: string }[] };
    expect(byCode.entries.map((e) => e.code)).toEqual(["30217"]);
    const econ = (await (await get("/v1/codes/2021?kind=economic")).json()) as { entries: { kind: string }[] };
    expect(econ.entries.length).toBeGreaterThan(100);
    expect(new Set(econ.entries.map((e) => e.kind))).toEqual(new Set(["economic"]));
  });

  it("treats LIKE wildcards in q literally", async () => {
    const body = (await (await get("/v1/codes/2021?q=%25")).json()) as { count: number };
    expect(body.count).toBe(0);
  });

  it("rejects a bad kind or an overlong q with 400", async () => {
    expect((await get("/v1/codes/2021?kind=income")).status).toBe(400);
    expect((await get(`/v1/codes/2021?q=${"x".repeat(51)}`)).status).toBe(400);
  });
});

describe("caching", () => {
  it("GET responses carry an ETag and Cache-Control, and If-None-Match gives 304", async () => {
    const first = await get("/v1/codes/2021/2040250");
    const etag = first.headers.get("ETag");
    expect(etag).toBeTruthy();
    expect(first.headers.get("Cache-Control")).toContain("max-age");
    const again = await get("/v1/codes/2021/2040250", { "If-None-Match": etag! });
    expect(again.status).toBe(304);
    const other = await get("/v1/codes/2021/2040201", { "If-None-Match": etag! });
    expect(other.status).toBe(200);
  });
});

describe("errors", () => {
  it("an unknown path is JSON 404", async () => {
    const res = await get("/v1/nothing");
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: "not_found" });
  });
});

describe("manifest", () => {
  it("serves manifest.xml rewritten to the requesting origin", async () => {
    const res = await get("/manifest.xml");
    expect(res.status).toBe(200);
    const xml = await res.text();
    expect(xml).toContain('<bt:Url id="Taskpane.Url" DefaultValue="http://juesuan.test/taskpane.html"/>');
    expect(xml).not.toContain("localhost:8787");
  });
});
