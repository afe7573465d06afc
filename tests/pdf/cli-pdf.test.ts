import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { PdfReport } from "../../hosts/pdf/index.ts";
import { runCli } from "../cli/run-cli.ts";
import { makeLedger, seeded } from "../fixtures/disclosure-model.ts";
import { renderDisclosure } from "../fixtures/disclosure-sheets.ts";
import { bump } from "../fixtures/mutate.ts";
import { narrativeOf } from "../fixtures/narrative-text.ts";
import { renderPdf } from "../fixtures/render-pdf.ts";
import { writeXlsx } from "../fixtures/write-xlsx.ts";

let dir: string;
const book = renderDisclosure(makeLedger(seeded(31), { exact: true }), "export");
const target = book.where["T05.合计.基本支出"]!;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "juesuan-pdf-cli-"));
  const figures = new Set(Object.values(book.where).map((w) => `${w.sheet}!${w.cell}`));
  const broken = bump(book.sheets, target, "0.02");
  const pdf = await renderPdf(broken, { ruled: true, repeatHeader: true, header: "示范市示范局部门决算", narrative: narrativeOf(book.sheets), figures });
  writeFileSync(join(dir, "公开.pdf"), pdf.bytes);
  writeFileSync(join(dir, "坏.pdf"), "%PDF-1.7 truncated");
  await writeXlsx(join(dir, "book.xlsx"), book.sheets);
});

describe("juesuan check FILE.pdf", () => {
  it("prints the findings at page, table, row and column, and the tables found by page", async () => {
    const r = await runCli("check", join(dir, "公开.pdf"));
    expect(r.code, r.err).toBe(1);
    expect(r.out).toContain("2021 年度核对结果（公开.pdf）");
    expect(r.out).toMatch(/一般公共预算财政拨款支出决算表（\d+ 条）\n {2}错误 {2}第 \d+ 页 一般公共预算财政拨款支出决算表 第 \d+ 行第 \d+ 列/);
    expect(r.out).toMatch(/PDF 共 \d+ 页，找到 9 张表：/);
    expect(r.out).toMatch(/第 \d+(、\d+)? 页 {2}一般公共预算财政拨款支出决算表/);
  });

  it("--format json gives the report with PDF locations and the tables by page; --year is used", async () => {
    const r = await runCli("check", join(dir, "公开.pdf"), "--format", "json", "--year", "2021");
    const report = JSON.parse(r.out) as PdfReport;
    expect(report.year).toBe(2021);
    const f = report.findings.find((x) => x.rule === "cross.T05-T06")!;
    expect(f.where).toMatchObject({ table: "一般公共预算财政拨款支出决算表" });
    expect(report.pdf.tables.map((t) => t.title)).toContain("收入决算表");
  });

  it("a folder mixing workbooks and PDFs gives one JSON line each; an unreadable PDF its one-line error (exit 1)", async () => {
    const r = await runCli("check", dir);
    const lines = r.out.split("\n").map((l) => JSON.parse(l) as { source: { workbook: string }; error?: string; findings?: unknown[] });
    expect(lines.map((l) => l.source.workbook)).toEqual(["book.xlsx", "公开.pdf", "坏.pdf"]);
    expect(lines[1]!.findings!.length).toBeGreaterThan(0);
    expect(lines[2]!.error).toMatch(/^坏\.pdf 不是有效的 PDF 文件/);
    expect(r.code).toBe(1);
  });

  it("--text takes a PDF as the narrative: its prose checked against the workbook's tables", async () => {
    const r = await runCli("check", join(dir, "book.xlsx"), "--text", join(dir, "公开.pdf"), "--format", "json");
    const report = JSON.parse(r.out) as PdfReport;
    expect(report.coverage!.claims).toBeGreaterThan(10);
    expect(report.coverage!.tied).toBe(report.coverage!.claims);
    expect(report.findings.some((f) => f.rule.startsWith("narrative.") && "excerpt" in f.where)).toBe(true);
  });

  it("a PDF that cannot be read: one line on stderr and exit 2", async () => {
    const r = await runCli("check", join(dir, "坏.pdf"));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/坏\.pdf 不是有效的 PDF 文件/);
    expect(r.err.split("\n")).toHaveLength(1);
  });
});
