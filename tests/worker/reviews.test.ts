// The shared review board inside workerd with real D1: saving under the token, versions, If-Match, the board
// by year with dated status changes, and bad input answered in Chinese.
import { describe, expect, it } from "vitest";
import type { Report } from "../../core/rules/finding.ts";
import { makeLedger, seeded } from "../fixtures/disclosure-model.ts";
import { renderDisclosure } from "../fixtures/disclosure-sheets.ts";
import { narrativeOf } from "../fixtures/narrative-text.ts";
import { call, errorOf, put } from "./helpers.ts";

const review = (status: string, extra: Record<string, unknown> = {}) => ({
  status,
  summary: { error: status === "有错误" ? 2 : 0, warning: 1, info: 3, notChecked: 1 },
  rules: status === "有错误" ? [{ rule: "table.row-sum", severity: "error", count: 2 }] : [],
  score: { total: 86.5, items: [{ id: "glossary", label: "名词解释", status: "fail", weight: 3, where: { section: "名词解释", line: null }, note: "没有名词解释" }] },
  files: ["示范局决算公开.xlsx", "示范局情况说明.docx"],
  reviewer: "张三",
  ...extra,
});
const at = (year: number, unit: string) => `/v1/reviews/${year}/${encodeURIComponent(unit)}`;

describe("PUT /v1/reviews/{year}/{unit}", () => {
  it("needs the token: none is 401, a wrong one 403, and nothing is saved", async () => {
    const anon = await call(at(2031, "甲单位"), { method: "PUT", headers: { "Content-Type": "application/json", "If-None-Match": "*" }, body: JSON.stringify(review("未提交")) });
    expect(await errorOf(anon)).toMatchObject({ status: 401, error: "unauthorized" });
    const wrong = await call(at(2031, "甲单位"), {
      method: "PUT",
      headers: { "Content-Type": "application/json", "If-None-Match": "*", Authorization: "Bearer not-the-token" },
      body: JSON.stringify(review("未提交")),
    });
    expect(await errorOf(wrong)).toMatchObject({ status: 403, error: "forbidden" });
    expect((await call(at(2031, "甲单位"))).status).toBe(404);
  });

  it("creates with If-None-Match: *, then each save with If-Match is a new version; old versions stay as saved", async () => {
    const created = await put(at(2031, "乙单位"), review("有错误"), { "If-None-Match": "*" });
    expect(created.status).toBe(201);
    const etag1 = created.headers.get("ETag")!;
    expect(await created.json()).toMatchObject({ year: 2031, unit: "乙单位", version: 1, status: "有错误", score: 86.5, errors: 2, warnings: 1 });
    expect(created.headers.get("Location")).toBe(`${at(2031, "乙单位")}/versions/1`);

    const current = await call(at(2031, "乙单位"));
    expect(current.headers.get("ETag")).toBe(etag1);
    const body = (await current.json()) as { versions: number[]; review: { reviewer: string; files: string[] } };
    expect(body.versions).toEqual([1]);
    expect(body.review).toMatchObject({ reviewer: "张三", files: ["示范局决算公开.xlsx", "示范局情况说明.docx"] });
    expect((await call(at(2031, "乙单位"), { headers: { "If-None-Match": etag1 } })).status).toBe(304);

    const v2 = await put(at(2031, "乙单位"), review("已通过", { comment: "已改正" }), { "If-Match": etag1 });
    expect(v2.status).toBe(200);
    expect(v2.headers.get("ETag")).not.toBe(etag1);
    const latest = (await (await call(at(2031, "乙单位"))).json()) as { version: number; versions: number[]; status: string; review: { comment: string } };
    expect(latest).toMatchObject({ version: 2, versions: [1, 2], status: "已通过", review: { comment: "已改正" } });
    const old = await call(`${at(2031, "乙单位")}/versions/1`);
    expect(old.headers.get("Cache-Control")).toContain("immutable");
    expect(await old.json()).toMatchObject({ version: 1, status: "有错误", versions: [1, 2] });
    expect(await errorOf(await call(`${at(2031, "乙单位")}/versions/7`))).toMatchObject({ status: 404, error: "version_not_found" });
  });

  it("a stale ETag is 412 and a missing precondition 428; nothing is written by either", async () => {
    const created = await put(at(2031, "丙单位"), review("未提交"), { "If-None-Match": "*" });
    const etag1 = created.headers.get("ETag")!;
    const v2 = await put(at(2031, "丙单位"), review("有错误"), { "If-Match": etag1 });
    expect(v2.status).toBe(200);
    expect(await errorOf(await put(at(2031, "丙单位"), review("已通过"), { "If-Match": etag1 }))).toMatchObject({ status: 412, error: "precondition_failed" });
    expect(await errorOf(await put(at(2031, "丙单位"), review("已通过")))).toMatchObject({ status: 428, error: "precondition_required" });
    expect(await errorOf(await put(at(2031, "丙单位"), review("已通过"), { "If-None-Match": "*" }))).toMatchObject({ status: 412 });
    expect(await errorOf(await put(at(2031, "丁单位"), review("未提交")))).toMatchObject({ status: 428, error: "precondition_required" });
    expect(await errorOf(await put(at(2031, "丁单位"), review("未提交"), { "If-Match": etag1 }))).toMatchObject({ status: 412 });
    const now = (await (await call(at(2031, "丙单位"))).json()) as { version: number; status: string };
    expect(now).toMatchObject({ version: 2, status: "有错误" });
    expect((await call(at(2031, "丁单位"))).status).toBe(404);
  });

  it("bad bodies are JSON 400 with a Chinese message and the JSON path; nothing is saved", async () => {
    const cases: [unknown, string][] = [
      [review("已审核"), "/status"],
      [{ ...review("已通过"), summary: { error: -1, warning: 0, info: 0 } }, "/summary/error"],
      [{ ...review("已通过"), score: { total: 120, items: [] } }, "/score/total"],
      [{ ...review("已通过"), workbook: "UEsDBBQ…" }, "/"],
      [{ status: "已通过" }, "/summary"],
    ];
    for (const [body, path] of cases) {
      const res = await put(at(2031, "戊单位"), body, { "If-None-Match": "*" });
      const err = (await res.json()) as { error: string; message: string; errors: { path: string }[] };
      expect(res.status).toBe(400);
      expect(err.error).toBe("invalid_review");
      expect(err.message).toMatch(/^复核结果不符合格式：/);
      expect(err.message).toMatch(/[\u4e00-\u9fff]/);
      expect(err.errors.map((e) => e.path)).toContain(path);
    }
    expect(await errorOf(await put(at(2031, "戊单位"), "{not json", { "If-None-Match": "*" }))).toMatchObject({ status: 400, message: "请求体不是有效的 JSON" });
    expect((await put("/v1/reviews/31/戊单位", review("未提交"), { "If-None-Match": "*" })).status).toBe(400);
    expect((await put(`/v1/reviews/2031/${"长".repeat(101)}`, review("未提交"), { "If-None-Match": "*" })).status).toBe(400);
    expect((await call(at(2031, "戊单位"))).status).toBe(404);
  });
});

describe("from the Worker's check to the board", () => {
  it("a check's summary and publication score are saved as they come and read back", async () => {
    const { sheets } = renderDisclosure(makeLedger(seeded(7)), "export");
    const checked = await call("/v1/check", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ grids: Object.fromEntries(sheets.map((s) => [s.name, s.cells])), merges: Object.fromEntries(sheets.map((s) => [s.name, s.merges ?? []])), text: narrativeOf(sheets), template: "central-2021" }),
    });
    const report = (await checked.json()) as Report;
    expect(report.score!.items.find((i) => i.id === "section.glossary")).toMatchObject({ status: "pass", label: "情况说明：名词解释" });
    expect(report.score!.items.find((i) => i.id === "glossary")).toMatchObject({ status: "fail" });
    const body = { status: report.summary.error ? "有错误" : "已通过", summary: { ...report.summary, notChecked: report.notChecked.length }, score: report.score, files: ["示范局.xlsx"] };
    const saved = await put(at(2034, report.unit!), body, { "If-None-Match": "*" });
    expect(saved.status).toBe(201);
    const back = (await (await call(at(2034, report.unit!))).json()) as { score: number; review: { score: unknown } };
    expect(back.score).toBe(report.score!.total);
    expect(back.review.score).toEqual(report.score);
  });
});

describe("GET /v1/reviews?year=", () => {
  it("lists each unit of the year once, at its current version, with the date its status last changed", async () => {
    const a = await put(at(2032, "一号单位"), review("未提交"), { "If-None-Match": "*" });
    const first = (await a.json()) as { savedAt: string; statusSince: string };
    expect(first.statusSince).toBe(first.savedAt);
    await new Promise((r) => setTimeout(r, 5));
    // the same status saved again keeps its date; a new status is dated anew
    const same = await put(at(2032, "一号单位"), review("未提交", { comment: "补充了文件名" }), { "If-Match": a.headers.get("ETag")! });
    const kept = (await same.json()) as { version: number; statusSince: string; savedAt: string };
    expect(kept.version).toBe(2);
    expect(kept.statusSince).toBe(first.statusSince);
    expect(kept.savedAt).not.toBe(first.savedAt);
    await new Promise((r) => setTimeout(r, 5));
    const changed = await put(at(2032, "一号单位"), review("已公开"), { "If-Match": same.headers.get("ETag")! });
    const moved = (await changed.json()) as { statusSince: string; savedAt: string };
    expect(moved.statusSince).toBe(moved.savedAt);
    expect(moved.statusSince > first.statusSince).toBe(true);

    await put(at(2032, "二号单位"), review("有错误"), { "If-None-Match": "*" });
    await put(at(2033, "三号单位"), review("已通过"), { "If-None-Match": "*" });

    const res = await call("/v1/reviews?year=2032");
    expect(res.headers.get("Cache-Control")).toContain("no-cache");
    const board = (await res.json()) as { year: number; units: { unit: string; version: number; status: string; statusSince: string; score: number; errors: number }[] };
    expect(board.year).toBe(2032);
    expect(board.units.map((u) => u.unit)).toEqual(["一号单位", "二号单位"]);
    expect(board.units[0]).toMatchObject({ version: 3, status: "已公开", statusSince: moved.statusSince, score: 86.5 });
    expect(board.units[1]).toMatchObject({ version: 1, status: "有错误", errors: 2 });
    const other = (await (await call("/v1/reviews?year=2033")).json()) as { units: { unit: string }[] };
    expect(other.units.map((u) => u.unit)).toEqual(["三号单位"]);
  });

  it("a missing or malformed year is JSON 400 in Chinese", async () => {
    for (const q of ["", "?year=", "?year=24", "?year=abcd"]) {
      const err = await errorOf(await call(`/v1/reviews${q}`));
      expect(err).toMatchObject({ status: 400, error: "bad_request" });
      expect(err.message).toMatch(/年度/);
    }
  });
});
