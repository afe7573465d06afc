import ExcelJS from "exceljs";
import mammoth from "mammoth";
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Report } from "../../core/rules/finding.ts";
import { runCli } from "../cli/run-cli.ts";
import { makeLedger, seeded } from "../fixtures/disclosure-model.ts";
import { renderDisclosure } from "../fixtures/disclosure-sheets.ts";
import { bump } from "../fixtures/mutate.ts";
import { writeXlsx } from "../fixtures/write-xlsx.ts";

let dir: string;
let bad: string;
const book = renderDisclosure(makeLedger(seeded(51), { exact: true }), "export");
const target = book.where["T05.合计.基本支出"]!;

async function load(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "juesuan-cli-report-"));
  bad = join(dir, "bad.xlsx");
  await writeXlsx(bad, bump(book.sheets, target, "0.05"));
});

describe("juesuan check BOOK --report / --mark", () => {
  it("writes the .docx report and the marked copy from the same report it prints", async () => {
    const report = join(dir, "报告.docx");
    const mark = join(dir, "标出.xlsx");
    const r = await runCli("check", bad, "--format", "json", "--report", report, "--mark", mark);
    expect(r.code).toBe(1);
    const printed = JSON.parse(r.out) as Report;
    const { value } = await mammoth.extractRawText({ path: report });
    expect(value).toContain("部门决算公开核对报告");
    for (const f of printed.findings.filter((x) => x.severity === "error")) expect(value).toContain(f.message);
    const marked = await load(mark);
    expect(marked.getWorksheet(target.sheet)!.getCell(target.cell).note).toBeTruthy();
    expect(marked.getWorksheet("审核结果")!.rowCount).toBe(1 + printed.findings.length + printed.notChecked.length);
  });

  it("writes the report as a 审核结果 workbook for --report FILE.xlsx", async () => {
    const path = join(dir, "报告.xlsx");
    expect((await runCli("check", bad, "--report", path)).code).toBe(1);
    const wb = await load(path);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["审核结果"]);
    expect(JSON.stringify(wb.getWorksheet("审核结果")!.getColumn(4).values)).toContain(`${target.sheet}!${target.cell}`);
  });

  it("never overwrites a file without --force, nor the checked workbook at all", async () => {
    const existing = join(dir, "已有.docx");
    writeFileSync(existing, "keep");
    const r = await runCli("check", bad, "--report", existing);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`juesuan：${existing} 已存在；确需覆盖请加 --force`);
    expect(readFileSync(existing, "utf8")).toBe("keep");
    expect((await runCli("check", bad, "--report", existing, "--force")).code).toBe(1);
    expect(statSync(existing).size).toBeGreaterThan(1000);

    const before = readFileSync(bad);
    const self = await runCli("check", bad, "--mark", bad, "--force");
    expect(self.code).toBe(2);
    expect(self.err).toContain("不能写到被核对的工作簿本身");
    expect(readFileSync(bad).equals(before)).toBe(true);
  });

  it("says which file types it writes, and writes nothing when one target is wrong", async () => {
    const ok = join(dir, "ok.docx");
    const r = await runCli("check", bad, "--report", ok, "--mark", join(dir, "x.pdf"));
    expect(r.code).toBe(2);
    expect(r.err).toContain("--mark 应为 .xlsx 文件");
    expect(existsSync(ok)).toBe(false);
  });
});
