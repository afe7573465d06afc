// `juesuan new`: a blank standard workbook written by a real writer, read back by the same reader the checker
// uses — every table found by its title, nothing overwritten without --force, bad arguments one line; and the
// other side of templates on the command line: `juesuan check` detecting a workbook's set from its titles.

import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { beforeEach, describe, expect, it } from "vitest";
import { readGrids } from "../../cli/read-grid.ts";
import { blankSheets } from "../../core/tables/blank-sheets.ts";
import { readDisclosure } from "../../core/tables/read-disclosure.ts";
import { loadBuiltinTemplates } from "../../cli/builtin-data.ts";
import { runCli } from "./run-cli.ts";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "juesuan-new-"));
});

describe("juesuan new", () => {
  it("writes the pane's sheets, and the reader finds every table in them", async () => {
    const out = join(dir, "公开表.xlsx");
    const r = await runCli("new", "--template", "shanghai-2024", "--year", "2024", "--out", out);
    expect(r).toMatchObject({ code: 0, err: "" });
    expect(r.out).toContain("已按模板");
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    const template = loadBuiltinTemplates().find((t) => t.id === "shanghai-2024")!;
    const plans = blankSheets(template, "（编制单位）", 2024);
    expect(book.worksheets.map((w) => w.name)).toEqual(plans.map((p) => p.name));
    const t5 = book.getWorksheet("公开05表")!;
    expect(String(t5.getCell("A1").value)).toBe("2024年度一般公共预算财政拨款支出决算表");
    expect(t5.getCell("B1").isMerged).toBe(true);
    const { disclosure } = readDisclosure(await readGrids(out));
    expect(Object.keys(disclosure.tables).sort()).toEqual(["T01", "T02", "T03", "T04", "T05", "T06", "T07", "T08", "T09"]);
    expect(disclosure.year).toBe(2024);
  });

  it("never overwrites a file without --force", async () => {
    const out = join(dir, "mine.xlsx");
    writeFileSync(out, "my own work");
    const r = await runCli("new", "--template", "central-2021", "--year", "2021", "--out", out);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`juesuan：${out} 已存在；确认要替换时加 --force`);
    expect(readFileSync(out, "utf8")).toBe("my own work");
    expect((await runCli("new", "--template", "central-2021", "--year", "2021", "--out", out, "--force")).code).toBe(0);
  });

  it("bad arguments get one Chinese line and exit 2", async () => {
    const cases: [string[], RegExp][] = [
      [["new", "--template", "nowhere-2020", "--year", "2024", "--out", join(dir, "a.xlsx")], /没有模板“nowhere-2020”/],
      [["new", "--template", "central-2021", "--out", join(dir, "a.xlsx")], /缺少 --year/],
      [["new", "--template", "central-2021", "--year", "2024"], /用法：juesuan new/],
      [["new", "--template", "central-2021", "--year", "2024", "--out", join(dir, "a.csv")], /应为 \.xlsx/],
    ];
    for (const [argv, message] of cases) {
      const r = await runCli(...argv);
      expect(r.code, argv.join(" ")).toBe(2);
      expect(r.err).toMatch(message);
      expect(r.err.split("\n")).toHaveLength(1);
    }
  });
});

describe("juesuan check detects the template set from the titles", () => {
  it("a provincial 13-table workbook checks clean without --template", async () => {
    const { renderDisclosure } = await import("../fixtures/disclosure-sheets.ts");
    const { makeLedger, seeded } = await import("../fixtures/disclosure-model.ts");
    const { writeXlsx } = await import("../fixtures/write-xlsx.ts");
    const titles = { T01: "部门收支总表", T02: "部门收入总表", T03: "部门支出总表", T04: "财政拨款收支总表", T05: "一般公共预算财政拨款支出表", T06: "一般公共预算财政拨款基本支出表", T07: "一般公共预算财政拨款“三公”经费支出表", T08: "政府性基金预算财政拨款支出表", T09: "国有资本经营预算财政拨款支出表" };
    const { sheets } = renderDisclosure(makeLedger(seeded(13), { exact: true }), "export", { titles });
    const path = join(dir, "province.xlsx");
    await writeXlsx(path, sheets);
    const r = await runCli("check", path, "--format", "json");
    const report = JSON.parse(r.out) as { summary: { error: number; warning: number }; notChecked: unknown[] };
    expect(report.summary).toMatchObject({ error: 0, warning: 0 });
    // a whole-disclosure check also looks for a 绩效 table, which this workbook does not have
    expect(report.notChecked).toEqual([{ rule: "performance.score-cap", why: "没有绩效自评表" }]);
    expect(r.code).toBe(0);
  });
});
