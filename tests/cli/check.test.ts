import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli } from "./run-cli.ts";
import type { Report } from "../../core/rules/finding.ts";
import { makeLedger, seeded } from "../fixtures/disclosure-model.ts";
import { renderDisclosure } from "../fixtures/disclosure-sheets.ts";
import { bump } from "../fixtures/mutate.ts";
import { writeXlsx } from "../fixtures/write-xlsx.ts";

let dir: string;
const exportBook = renderDisclosure(makeLedger(seeded(21), { exact: true }), "export");
const target = exportBook.where["T05.合计.基本支出"]!;

const run = runCli;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "juesuan-check-"));
  await writeXlsx(join(dir, "export.xlsx"), exportBook.sheets);
  await writeXlsx(join(dir, "hand.xlsx"), renderDisclosure(makeLedger(seeded(22)), "hand").sheets);
  await writeXlsx(join(dir, "bad.xlsx"), bump(exportBook.sheets, target, "0.02"));
});

describe("juesuan check BOOK.xlsx", () => {
  it("a clean workbook in either layout: exit 0 and a Chinese summary", async () => {
    for (const name of ["export.xlsx", "hand.xlsx"]) {
      const r = await run("check", join(dir, name));
      expect(r.code, r.out).toBe(0);
      expect(r.out).toContain("2021 年度核对结果");
      expect(r.out).toMatch(/错误 0 条 · 警告 0 条/);
    }
  });

  it("a workbook with an error: exit 1, the finding grouped under its table with the cell", async () => {
    const r = await run("check", join(dir, "bad.xlsx"));
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/一般公共预算财政拨款支出决算表（T05）（\d+ 条）\n  错误/);
    expect(r.out).toContain(`${target.sheet}!${target.cell}`);
  });

  it("--format json prints the report format", async () => {
    const r = await run("check", join(dir, "bad.xlsx"), "--format", "json");
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out) as Report;
    expect(Object.keys(report)).toEqual(["year", "unit", "source", "findings", "notChecked", "summary", "score"]);
    expect(report).toMatchObject({ year: 2021, unit: "示范市示范局", source: { workbook: "bad.xlsx", text: null } });
    const f = report.findings.find((x) => x.rule === "cross.T05-T06")!;
    expect(f).toMatchObject({ severity: "error", where: target });
    expect(typeof f.expected).toBe("string");
    expect(typeof f.actual).toBe("string");
    expect(Array.isArray(f.related)).toBe(true);
    expect(report.summary.error).toBe(report.findings.filter((x) => x.severity === "error").length);
  });

  it("--year sets the edition the names are checked against", async () => {
    const r = await run("check", join(dir, "hand.xlsx"), "--format", "json", "--year", "2019");
    const report = JSON.parse(r.out) as Report;
    expect(report.year).toBe(2019);
    expect(report.notChecked.find((n) => n.rule === "table.code-name")?.why).toContain("没有 2019 年的科目表");
  });

  it("a directory gives one JSON line per workbook and the worst exit status", async () => {
    const r = await run("check", dir);
    const lines = r.out.split("\n").map((l) => JSON.parse(l) as Report);
    expect(lines.map((l) => l.source.workbook)).toEqual(["bad.xlsx", "export.xlsx", "hand.xlsx"]);
    expect(r.code).toBe(1);
  });

  it("unusable input: one line on stderr and exit 2, never a stack trace", async () => {
    const bad = mkdtempSync(join(tmpdir(), "juesuan-bad-"));
    writeFileSync(join(bad, "broken.xlsx"), "PK\u0003\u0004 broken");
    writeFileSync(join(bad, "locked.xlsx"), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
    writeFileSync(join(bad, "notes.txt"), "hello");
    const empty = new ExcelJS.Workbook();
    empty.addWorksheet("Sheet1");
    await empty.xlsx.writeFile(join(bad, "empty.xlsx"));
    const cases: [string, RegExp][] = [
      ["broken.xlsx", /不是有效的 \.xlsx 文件/],
      ["locked.xlsx", /已加密/],
      ["notes.txt", /不是 \.xlsx 或 \.csv 文件/],
      ["empty.xlsx", /空工作簿/],
      ["missing.xlsx", /找不到文件/],
    ];
    for (const [name, message] of cases) {
      const r = await run("check", join(bad, name));
      expect(r.code, name).toBe(2);
      expect(r.err).toMatch(message);
      expect(r.err.split("\n")).toHaveLength(1);
    }
    expect((await run("check", join(dir, "bad.xlsx"), "--format", "xml")).code).toBe(2);
    const emptyDir = join(bad, "nothing");
    mkdirSync(emptyDir);
    expect((await run("check", emptyDir)).err).toContain("没有可核对的工作簿");
  });

  it("a sheet of 100,000 rows is read up to the limit and said so, without hanging", async () => {
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet("明细");
    ws.addRow(["2021年度支出决算表"]);
    ws.addRow(["科目编码", "科目名称", "本年支出合计", "基本支出", "项目支出"]);
    for (let i = 0; i < 100_000; i++) ws.addRow(["2010301", "行政运行", 3, 1, 2]);
    const path = join(dir, "..", `big-${Date.now()}.xlsx`);
    await book.xlsx.writeFile(path);
    const r = await run("check", path, "--format", "json");
    const report = JSON.parse(r.out) as Report;
    expect(report.notChecked.some((n) => n.why.includes("有 100002 行，只读取前 5000 行"))).toBe(true);
    // one table alone is checked as that table: one info line, no error per absent table (issue 10)
    expect(report.findings.filter((f) => f.rule === "complete.tables").map((f) => f.severity)).toEqual(["info"]);
    expect(r.code).toBe(0);
  }, 60_000);

  it("runs as `npx juesuan check` with its exit status", () => {
    const r = spawnSync("npx", ["--no-install", "juesuan", "check", join(dir, "bad.xlsx"), "--format", "json"], { encoding: "utf8" });
    expect(r.status).toBe(1);
    expect((JSON.parse(r.stdout) as Report).summary.error).toBeGreaterThan(0);
  });
});
