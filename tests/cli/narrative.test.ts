import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli } from "./run-cli.ts";
import { readNarrative } from "../../cli/text-files.ts";
import type { Report } from "../../core/rules/finding.ts";
import { makeLedger, seeded } from "../fixtures/disclosure-model.ts";
import { renderDisclosure } from "../fixtures/disclosure-sheets.ts";
import { asPdfText } from "../fixtures/narrative-text.ts";
import { writeXlsx } from "../fixtures/write-xlsx.ts";

let dir: string;
const book = () => join(dir, "book.xlsx");

const run = runCli;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "juesuan-narrative-"));
  const { sheets } = renderDisclosure(makeLedger(seeded(51)), "export");
  // the supplementary inputs a template defines, on their own sheet
  const supplementary = { name: "补充资料", cells: [["项目", "数值"], ["上年收入支出总计", 1500.25], ["一般公共预算财政拨款支出年初预算", 1700], ["上年“三公”经费决算", 12.5]] };
  await writeXlsx(book(), [...sheets, supplementary]);
});

describe("juesuan narrative", () => {
  it("writes the 情况说明 as .txt from the tables and the 补充资料 sheet", async () => {
    const out = join(dir, "说明.txt");
    const r = await run("narrative", book(), "--template", "central-2021", "--out", out);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/已写入 .*处【待填写】需补充/);
    const text = readFileSync(out, "utf8");
    expect(text).toContain("一、收入支出决算总体情况");
    expect(text).toMatch(/与2020年度相比，收入、支出总计各(增加|减少) [\d.]+ 万元/);
    expect(text).toContain("年初预算为1700.00万元");
  });

  it("writes a Word document that reads back paragraph by paragraph", async () => {
    const out = join(dir, "说明.docx");
    expect((await run("narrative", book(), "--out", out)).code).toBe(0);
    const text = await readNarrative(out);
    expect(text.split("\n")[0]).toContain("年度部门决算情况说明");
    expect(text).toContain("九、国有资本经营预算财政拨款收入支出决算情况");
  });

  it("what it writes checks clean against the workbook, as .txt, .docx and PDF-extraction text", async () => {
    for (const name of ["说明.txt", "说明.docx"]) {
      expect((await run("narrative", book(), "--out", join(dir, name), "--force")).code).toBe(0);
      const r = await run("check", book(), "--text", join(dir, name), "--format", "json");
      const report = JSON.parse(r.out) as Report;
      expect(report.summary.error, name).toBe(0);
      expect(report.source).toEqual({ workbook: "book.xlsx", text: name });
      expect(report.coverage!.tied).toBe(report.coverage!.claims);
    }
    const pdf = join(dir, "extracted.txt");
    writeFileSync(pdf, asPdfText(readFileSync(join(dir, "说明.txt"), "utf8")));
    const r = JSON.parse((await run("check", book(), "--text", pdf, "--format", "json")).out) as Report;
    expect(r.summary.error).toBe(0);
  });

  it("checks a text alone; a finding's where is its line and the words", async () => {
    const path = join(dir, "alone.txt");
    writeFileSync(path, "2021年度部门决算情况说明\n一、收入支出决算总体情况\n收入支出总计120.00万元。与2020年度相比，收入支出总计增加20.00万元，增长25.00%。\n");
    const r = await run("check", "--text", path, "--format", "json");
    const report = JSON.parse(r.out) as Report;
    const f = report.findings.find((x) => x.rule === "narrative.yoy")!;
    expect(f).toMatchObject({ severity: "error", where: { line: 3, excerpt: expect.stringContaining("增长25.00%") }, expected: "20.00%", actual: "25.00%" });
    expect(r.code).toBe(1);
    expect(report.notChecked.some((n) => n.rule === "narrative.table-figure")).toBe(true);
  });

  it("unusable text input and unknown templates are one line and exit 2", async () => {
    expect((await run("check", "--text", join(dir, "none.txt"))).err).toContain("找不到文件");
    const doc = join(dir, "x.doc");
    writeFileSync(doc, "x");
    expect((await run("check", "--text", doc)).code).toBe(2);
    expect((await run("narrative", book(), "--template", "nope")).err).toContain("没有模板“nope”");
  });
});
