import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Report } from "../../core/rules/finding.ts";
import { makeLedger, seeded } from "../fixtures/disclosure-model.ts";
import { renderDisclosure } from "../fixtures/disclosure-sheets.ts";
import { writeXlsx } from "../fixtures/write-xlsx.ts";
import { runCli as run } from "./run-cli.ts";

let dir: string;
const book = () => join(dir, "book.xlsx");
const english = /ENOENT|Error|no such file/i;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "juesuan-args-"));
  const { sheets } = renderDisclosure(makeLedger(seeded(71), { exact: true }), "export");
  const supplementary = { name: "补充资料", cells: [["项目", "数值"], ["上年收入支出总计", 1500.25], ["一般公共预算财政拨款支出年初预算", 1700], ["上年“三公”经费决算", 12.5]] };
  await writeXlsx(book(), [...sheets, supplementary]);
});

describe("arguments", () => {
  it("an unknown flag: a Chinese line and the command's own usage, not Node's message or the whole help", async () => {
    const r = await run("check", book(), "--colour");
    expect(r.code).toBe(2);
    const [first, ...rest] = r.err.split("\n");
    expect(first).toBe("juesuan：不认识的选项“--colour”");
    expect(rest.join("\n")).toContain("用法：juesuan check");
    expect(r.err).not.toContain("juesuan narrative");
    expect(r.err).not.toMatch(/Unknown option|positional/);
    expect((await run("narrative", book(), "--year")).err.split("\n")[0]).toBe("juesuan：选项“--year”需要一个值");
  });

  it("check --help prints the check usage, exit 0", async () => {
    const r = await run("check", "--help");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^用法：juesuan check/);
    expect(r.out).not.toContain("codes import");
    expect((await run("narrative", "-h")).out).toMatch(/^用法：juesuan narrative/);
  });

  it("--version prints package.json's version", async () => {
    const r = await run("--version");
    expect(r.out).toBe((JSON.parse(readFileSync(join(import.meta.dirname, "../../package.json"), "utf8")) as { version: string }).version);
  });

  it("--year outside 2000–2100 says the range", async () => {
    const r = await run("check", book(), "--year", "1999");
    expect(r.code).toBe(2);
    expect(r.err).toContain("2000–2100");
  });

  it("a --year other than the workbook's own is applied and said, not silent", async () => {
    const r = await run("check", book(), "--year", "2020", "--format", "json");
    expect((JSON.parse(r.out) as Report).year).toBe(2020);
    expect(r.err).toMatch(/book\.xlsx 写明的年度是 2021 年，按 --year 指定的 2020 年核对/);
    expect((await run("check", book(), "--year", "2021")).err).toBe("");
  });

  it("a clean workbook hears 未发现错误或警告", async () => {
    const r = await run("check", book());
    expect(r.code).toBe(0);
    expect(r.out).toContain("未发现错误或警告");
  });

  it("narrative findings are listed under 情况说明 in line order with their words", async () => {
    const path = join(dir, "说明.txt");
    writeFileSync(path, "2021年度部门决算情况说明\n一、收入支出决算总体情况\n收入支出总计120.00万元。与2020年度相比，收入支出总计增加20.00万元，增长25.00%。\n支出总计90.00万元，与2020年度相比，增加10.00万元，增长20.00%。\n");
    const r = await run("check", "--text", path);
    const section = r.out.slice(r.out.indexOf("\n情况说明（"));
    expect(section).toMatch(/^\n情况说明（\d+ 条）\n  错误  第 3 行 “[^”]*增长25\.00%[^”]*”/);
    const lines = [...section.matchAll(/第 (\d+) 行/g)].map((m) => Number(m[1]));
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
    expect(r.out).not.toContain("整个工作簿");
  });
});

describe("narrative", () => {
  it("reads the 补充资料 sheet without --template", async () => {
    const r = await run("narrative", book());
    expect(r.code).toBe(0);
    expect(r.out).toContain("年初预算为1700.00万元");
    expect(r.out).toMatch(/与2020年度相比，收入、支出总计各(增加|减少) [\d.]+ 万元/);
  });

  it("--year writes the year asked for, and says it differs from the workbook's", async () => {
    const r = await run("narrative", book(), "--year", "2022");
    expect(r.out.split("\n")[0]).toContain("2022年度部门决算情况说明");
    expect(r.err).toContain("写明的年度是 2021 年");
  });

  it("refuses to overwrite without --force, and overwrites with it", async () => {
    const out = join(dir, "exists.txt");
    writeFileSync(out, "原有内容");
    const r = await run("narrative", book(), "--out", out);
    expect(r.code).toBe(2);
    expect(r.err).toContain("已存在；确认要覆盖时加 --force");
    expect(readFileSync(out, "utf8")).toBe("原有内容");
    expect((await run("narrative", book(), "--out", out, "--force")).code).toBe(0);
    expect(readFileSync(out, "utf8")).toContain("年度部门决算情况说明");
  });

  it("refuses --out x.pdf and writes nothing", async () => {
    const out = join(dir, "说明.pdf");
    const r = await run("narrative", book(), "--out", out);
    expect(r.code).toBe(2);
    expect(r.err.split("\n")[0]).toContain("只能是 .txt 或 .docx");
    expect(existsSync(out)).toBe(false);
  });

  it("a missing folder or workbook is one Chinese line, no ENOENT", async () => {
    for (const args of [["narrative", book(), "--out", join(dir, "no-such-folder", "说明.txt")], ["narrative", join(dir, "missing.xlsx")]]) {
      const r = await run(...args);
      expect(r.code).toBe(2);
      expect(r.err.split("\n")).toHaveLength(1);
      expect(r.err).not.toMatch(english);
      expect(r.err).toMatch(/找不到/);
    }
  });
});

describe("unreadable workbooks", () => {
  it("a corrupt zip's message ends in Chinese, in check and in narrative", async () => {
    const broken = join(dir, "broken.xlsx");
    writeFileSync(broken, "PK\u0003\u0004 broken");
    for (const command of ["check", "narrative"]) {
      const r = await run(command, broken);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/（[^（）]*[\u4e00-\u9fff][^（）]*）$/);
    }
  });
});
