import { describe, expect, it } from "vitest";
import type { Report } from "../../core/rules/finding.ts";
import type { SheetGrid } from "../../core/tables/grid.ts";
import { makeLedger, seeded } from "../fixtures/disclosure-model.ts";
import { renderDisclosure } from "../fixtures/disclosure-sheets.ts";
import { bump } from "../fixtures/mutate.ts";
import { narrativeOf } from "../fixtures/narrative-text.ts";
import { call, errorOf, put } from "./helpers.ts";
import { xlsxBytes } from "./xlsx-bytes.ts";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const rendered = renderDisclosure(makeLedger(seeded(31), { exact: true }), "export");
const target = rendered.where["T05.合计.基本支出"]!;

const asJson = (sheets: SheetGrid[]) => ({
  grids: Object.fromEntries(sheets.map((s) => [s.name, s.cells])),
  merges: Object.fromEntries(sheets.map((s) => [s.name, s.merges ?? []])),
});

const post = (body: unknown, query = "") =>
  call(`/v1/check${query}`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });

describe("POST /v1/check", () => {
  it("JSON grids: the report format of the command line", async () => {
    const res = await post({ ...asJson(rendered.sheets), name: "示范局.xlsx" });
    expect(res.status).toBe(200);
    const report = (await res.json()) as Report;
    expect(Object.keys(report)).toEqual(["year", "unit", "source", "findings", "notChecked", "summary", "score"]);
    expect(report).toMatchObject({ year: 2021, unit: "示范市示范局", source: { workbook: "示范局.xlsx", text: null }, summary: { error: 0, warning: 0 } });
    expect(report.notChecked).toEqual([{ rule: "performance.score-cap", why: "没有绩效自评表" }]);
  });

  it("finds the error of a mutated figure at its cell", async () => {
    const report = (await (await post(asJson(bump(rendered.sheets, target, "0.02")))).json()) as Report;
    expect(report.findings.find((f) => f.rule === "cross.T05-T06")).toMatchObject({ severity: "error", where: target });
  });

  it("an .xlsx body is read inside workerd, with ?year=", async () => {
    const bytes = xlsxBytes(bump(rendered.sheets, target, "0.02"));
    const res = await call("/v1/check?year=2021&name=book.xlsx", { method: "POST", headers: { "Content-Type": XLSX }, body: bytes });
    const report = (await res.json()) as Report;
    expect(res.status).toBe(200);
    expect(report.source.workbook).toBe("book.xlsx");
    expect(report.findings.find((f) => f.rule === "cross.T05-T06")).toMatchObject({ where: target });
  });

  it("a template sets severities and switches rules off (listed as not checked)", async () => {
    const sheets = bump(rendered.sheets, rendered.where["T07.决算.接待"]!, "-5");
    const plain = (await (await post(asJson(sheets))).json()) as Report;
    expect(plain.findings.some((f) => f.rule === "cross.T06-T07")).toBe(true);
    // central-2021 keeps cross.T06-T07 a warning; a template with it off lists it as not checked
    const withTemplate = (await (await post({ ...asJson(sheets), template: "central-2021" })).json()) as Report;
    expect(withTemplate.findings.filter((f) => f.rule === "cross.T06-T07").every((f) => f.severity === "warning")).toBe(true);
    expect(await errorOf(await post({ ...asJson(sheets), template: "no-such-1" }))).toMatchObject({ status: 404 });
    const off = { id: "test-off-2021", name: "不核对三公关系的模板", region: "测试", year: 2021, tables: [{ id: "T07", title: "财政拨款“三公”经费支出决算表", required: true }], rules: { "cross.T06-T07": "off", "table.sangong": "info" } };
    expect((await put("/v1/templates/test-off-2021", off, { "If-None-Match": "*" })).status).toBe(201);
    const switched = (await (await post({ ...asJson(sheets), template: "test-off-2021" })).json()) as Report;
    expect(switched.findings.some((f) => f.rule === "cross.T06-T07")).toBe(false);
    expect(switched.notChecked).toContainEqual({ rule: "cross.T06-T07", why: "模板“不核对三公关系的模板”不要求此项核对" });
  });

  it("a narrative is checked with the tables, or alone", async () => {
    const text = narrativeOf(rendered.sheets);
    const both = (await (await post({ ...asJson(rendered.sheets), text })).json()) as Report;
    expect(both.summary.error).toBe(0);
    expect(both.coverage!.tied).toBe(both.coverage!.claims);
    const flipped = text.replace(/增长|下降/, (w) => (w === "增长" ? "下降" : "增长"));
    const alone = (await (await post({ text: flipped, year: 2021 })).json()) as Report;
    expect(alone.findings.find((f) => f.rule === "narrative.yoy")).toMatchObject({ severity: "error", where: { line: expect.any(Number) } });
  });

  it("malformed requests: 400 with the path, 415 for other media types", async () => {
    expect(await errorOf(await post({ grids: {} }))).toMatchObject({ status: 400, message: expect.stringContaining("/grids") });
    expect(await errorOf(await post({ grids: { a: [[{}]] } }))).toMatchObject({ status: 400, message: expect.stringContaining("/grids/a/0/0") });
    expect(await errorOf(await post({ grids: { a: [[1]] }, year: "2021" }))).toMatchObject({ status: 400, message: "/year：应为四位年度" });
    expect(await errorOf(await post({ grids: { a: [[1]] }, extra: 1 }))).toMatchObject({ status: 400 });
    const text = await call("/v1/check", { method: "POST", headers: { "Content-Type": "text/csv" }, body: "a,b" });
    expect(await errorOf(text)).toMatchObject({ status: 415, error: "unsupported_media_type" });
    const broken = await call("/v1/check", { method: "POST", headers: { "Content-Type": XLSX }, body: "PK broken" });
    expect(await errorOf(broken)).toMatchObject({ status: 400, message: expect.stringMatching(/^上传的文件 不是/) });
  });
});
