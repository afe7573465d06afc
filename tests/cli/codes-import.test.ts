import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { beforeEach, describe, expect, it } from "vitest";
import { CODES_DIR } from "../../cli/builtin-data.ts";
import { runCli } from "./run-cli.ts";
import { buildEditions, parseCodeRows, parseEditionPlan, type EditionJSON } from "../../core/index.ts";
import { CodesRegistry } from "../../core/codes/codes-registry.ts";
import { checkTables } from "../../core/rules/check-tables.ts";
import { makeLedger, seeded } from "../fixtures/disclosure-model.ts";
import { renderDisclosure } from "../fixtures/disclosure-sheets.ts";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "juesuan-import-"));
});

const run = runCli;

async function officialXlsx(path: string) {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("2026年支出功能分类科目");
  sheet.addRow(["2026年政府收支分类科目（支出功能分类）"]);
  sheet.mergeCells("A1:C1");
  sheet.addRow(["科目编码", "科目名称", "说明"]);
  sheet.addRow([204, "公共安全支出", "反映政府维护社会公共安全方面的支出"]);
  sheet.addRow(["20402", "公安", ""]);
  sheet.addRow(["2040201", "行政运行", ""]);
  sheet.addRow([2040250, "事业运行", ""]);
  sheet.addRow(["20805", "行政事业单位养老支出", ""]);
  sheet.addRow(["208", "社会保障和就业支出", ""]);
  sheet.addRow(["204-99", "其他公共安全支出", ""]);
  sheet.addRow(["合计", "", ""]);
  sheet.addRow(["2049901", "", ""]);
  await book.xlsx.writeFile(path);
}

describe("juesuan codes import", () => {
  it("merges a short official list into the year's edition, partial, and reports rows it could not read", async () => {
    const xlsx = join(dir, "list.xlsx");
    await officialXlsx(xlsx);
    const out = join(dir, "2026.json");
    const r = await run("codes", "import", xlsx, "--year", "2026", "--out", out);
    expect(r.code).toBe(0);
    expect(r.out).toContain("已并入 7 个科目（支出功能分类，新增 ");
    expect(r.out).toContain("2026 年科目表：支出功能分类不完整（只补充已列出的科目）");
    expect(r.out).toContain("第 10 行：编码“合计”不是");
    expect(r.out).toContain("第 11 行：科目 2049901 没有名称");
    const edition = JSON.parse(readFileSync(out, "utf8")) as EditionJSON;
    expect(edition).toMatchObject({ year: 2026, status: { function: "partial" } });
    expect(edition.replace).toBeUndefined();
    expect(edition.entries.find((e) => e.code === "20499")).toMatchObject({ name: "其他公共安全支出", provenance: "imported" });
    expect(edition.entries.find((e) => e.code === "204")?.source).toContain("反映政府维护社会公共安全方面的支出");
  });

  const shipped = () => {
    const read = (n: string) => readFileSync(join(CODES_DIR, n), "utf8");
    return { rows: [...parseCodeRows(read("function.tsv")), ...parseCodeRows(read("economic.tsv"))], plan: parseEditionPlan(read("editions.tsv")) };
  };

  it("merged: the shipped codes stay, the list's names win, the edition stays partial", async () => {
    const xlsx = join(dir, "list.xlsx");
    await officialXlsx(xlsx);
    const out = join(dir, "2024.json");
    await run("codes", "import", xlsx, "--year", "2024", "--out", out);
    const { rows, plan } = shipped();
    const y2024 = buildEditions(rows, plan, [JSON.parse(readFileSync(out, "utf8"))]).find((e) => e.year === 2024)!;
    expect(y2024.status).toEqual({ function: "partial", economic: "complete" });
    expect(y2024.get("2040250")?.provenance).toBe("imported");
    expect(y2024.get("2050205")?.name).toBe("高等教育");
    expect(y2024.get("20139")?.name).toBe("社会工作事务");
  });

  it("--replace: the list stands alone for its classification, and what it removed is said", async () => {
    const xlsx = join(dir, "list.xlsx");
    await officialXlsx(xlsx);
    const out = join(dir, "2026.json");
    const r = await run("codes", "import", xlsx, "--year", "2026", "--out", out, "--replace");
    expect(r.code).toBe(0);
    expect(r.out).toContain("已用 7 个科目（支出功能分类）替换该年度科目表");
    expect(r.out).toMatch(/替换后不再包含原有的 \d+ 个科目：201 一般公共服务支出、/);
    const { rows, plan } = shipped();
    const y2026 = buildEditions(rows, plan, [JSON.parse(readFileSync(out, "utf8"))]).find((e) => e.year === 2026)!;
    expect(y2026.status).toEqual({ function: "complete", economic: "complete" });
    expect(y2026.get("2040250")?.provenance).toBe("imported");
    expect(y2026.get("2050205")).toBeUndefined();
    expect(y2026.get("30201")?.name).toBe("办公费");
    expect(y2026.get("20805")?.formerNames).toContain("行政事业单位离退休");
  });

  it("a second import of the same year merges into the first", async () => {
    const out = join(dir, "2026.json");
    const a = join(dir, "a.csv");
    const b = join(dir, "b.csv");
    writeFileSync(a, "科目编码,科目名称\n204,公共安全支出\n");
    writeFileSync(b, "科目编码,科目名称\n20402,公安\n");
    await run("codes", "import", a, "--year", "2026", "--out", out);
    await run("codes", "import", b, "--year", "2026", "--out", out);
    const edition = JSON.parse(readFileSync(out, "utf8")) as EditionJSON;
    expect(edition.entries.map((e) => e.code)).toEqual(["204", "20402"]);
    expect(edition.source).toBe("a.csv；b.csv");
  });

  it("nine rows imported for 2021 leave a clean workbook clean (no false errors)", async () => {
    const csv = join(dir, "nine.csv");
    writeFileSync(csv, "科目编码,科目名称\n201,一般公共服务支出\n20103,政府办公厅（室）及相关机构事务\n2010301,行政运行\n205,教育支出\n20502,普通教育\n2050205,高等教育\n208,社会保障和就业支出\n20805,行政事业单位养老支出\n2080505,机关事业单位基本养老保险缴费支出\n");
    const out = join(dir, "2021.json");
    expect((await run("codes", "import", csv, "--year", "2021", "--out", out)).code).toBe(0);
    const { rows, plan } = shipped();
    const codes = new CodesRegistry(buildEditions(rows, plan, [JSON.parse(readFileSync(out, "utf8"))]));
    const { sheets } = renderDisclosure(makeLedger(seeded(7)), "export");
    const report = checkTables(sheets, { codes }).report;
    expect(report.summary).toMatchObject({ error: 0, warning: 0 });
  });

  it("reads a GB18030 CSV as official lists are often saved", async () => {
    const csv = join(dir, "list.csv");
    const text = "科目代码,科目名称\r\n301,工资福利支出\r\n30101,基本工资\r\n\"30102\",\"津贴补贴\"\r\n";
    // Node cannot encode GB18030 itself; iconv is part of every Debian system
    writeFileSync(csv, execFileSync("iconv", ["-f", "UTF-8", "-t", "GB18030"], { input: text }));
    const out = join(dir, "e.json");
    const r = await run("codes", "import", csv, "--year", "2026", "--out", out);
    expect(r.code).toBe(0);
    const edition = JSON.parse(readFileSync(out, "utf8")) as EditionJSON;
    expect(edition.entries.map((e) => e.name)).toEqual(["工资福利支出", "基本工资", "津贴补贴"]);
    expect(edition.status.economic).toBe("partial");
  });

  it("refuses to overwrite a file that is not an edition of that year without --force", async () => {
    const csv = join(dir, "l.csv");
    writeFileSync(csv, "科目编码,科目名称\n204,公共安全支出\n");
    const out = join(dir, "e.json");
    writeFileSync(out, "{}");
    const r = await run("codes", "import", csv, "--year", "2026", "--out", out);
    expect(r).toMatchObject({ code: 2 });
    expect(r.err).toContain("已存在，且不是 2026 年的科目表");
    expect(readFileSync(out, "utf8")).toBe("{}");
    expect((await run("codes", "import", csv, "--year", "2026", "--out", out, "--force")).code).toBe(0);
  });

  it("bad input gets one clear line and exit 2", async () => {
    const broken = join(dir, "broken.xlsx");
    writeFileSync(broken, "PK\u0003\u0004 not really a zip");
    const encrypted = join(dir, "locked.xlsx");
    writeFileSync(encrypted, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]));
    const noHeader = join(dir, "x.csv");
    writeFileSync(noHeader, "a,b\n1,2\n");
    const cases: [string[], RegExp][] = [
      [["codes", "import", broken, "--year", "2026"], /不是有效的 \.xlsx 文件/],
      [["codes", "import", encrypted, "--year", "2026"], /已加密/],
      [["codes", "import", noHeader, "--year", "2026", "--out", join(dir, "o.json")], /找不到表头/],
      [["codes", "import", join(dir, "missing.csv"), "--year", "2026", "--out", join(dir, "o.json")], /找不到文件/],
      [["codes", "import", noHeader], /缺少 --year/],
      [["codes", "import", noHeader, "--year", "26"], /不是有效年度/],
      [["frobnicate"], /不认识的命令/],
    ];
    for (const [argv, message] of cases) {
      const r = await run(...argv);
      expect(r.code, argv.join(" ")).toBe(2);
      expect(r.err).toMatch(message);
      expect(r.err.split("\n").length).toBe(1);
      expect(r.err).not.toMatch(/at .*\.ts:\d+/);
    }
  });

  it("runs as `npx juesuan` from the repository root", () => {
    const r = spawnSync("npx", ["--no-install", "juesuan", "--version"], { encoding: "utf8" });
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe("0.1.0");
  });
});
