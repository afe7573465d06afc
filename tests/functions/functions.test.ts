import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { associated, cell } from "./call.ts";

describe("registration", () => {
  it("every id in the generated functions.json is associated, and nothing else", () => {
    const out = join(mkdtempSync(join(tmpdir(), "juesuan-")), "functions.json");
    const cli = createRequire(import.meta.url).resolve("custom-functions-metadata/cli.js");
    execFileSync(process.execPath, [cli, "generate", "functions/functions.ts", out]);
    const ids = (JSON.parse(readFileSync(out, "utf8")) as { functions: { id: string }[] }).functions.map((f) => f.id);
    expect(ids.sort()).toEqual([...associated().keys()].sort());
    expect(ids).toEqual(expect.arrayContaining(["PCT", "RATE", "CHANGE", "GROWTH", "YOY", "WAN", "NAME", "PATH", "LEVEL", "CODECHECK", "ROLLUP", "CONSISTENT"]));
    for (const id of ids) expect(id).toMatch(/^[A-Z][A-Z0-9.]*$/);
  });
});

describe("=JS.PCT / RATE / GROWTH / CHANGE / WAN", () => {
  it("compute exactly, rounding half-up", async () => {
    expect(await cell("PCT", 16.13, 34.12)).toEqual({ value: 47.27 });
    expect(await cell("PCT", 0.125, 100)).toEqual({ value: 0.13 });
    expect(await cell("PCT", 0.1 + 0.2, 0.3)).toEqual({ value: 100 });
    expect(await cell("RATE", 95.457, 100)).toEqual({ value: 95.46 });
    expect(await cell("GROWTH", 367.87, 360)).toEqual({ value: 2.19 });
    expect(await cell("GROWTH", 300, 400)).toEqual({ value: -25 });
    expect(await cell("CHANGE", 0.3, 0.1)).toEqual({ value: 0.2 });
    expect(await cell("WAN", 123456)).toEqual({ value: 12.35 });
    expect(await cell("WAN", 125)).toEqual({ value: 0.01 });
  });

  it("take numeric text, full-width digits and blanks as Excel hands them", async () => {
    expect(await cell("PCT", "1,234.50", "2,469.00")).toEqual({ value: 50 });
    expect(await cell("PCT", "１６．１３", "３４．１２")).toEqual({ value: 47.27 });
    expect(await cell("PCT", null, 10)).toEqual({ value: 0 });
    expect(await cell("CHANGE", "", 5)).toEqual({ value: -5 });
  });

  it("0/0 and x/0 are #DIV/0!", async () => {
    expect(await cell("PCT", 0, 0)).toMatchObject({ error: "#DIV/0!" });
    expect(await cell("PCT", 5, null)).toMatchObject({ error: "#DIV/0!" });
    expect(await cell("RATE", 10, 0)).toMatchObject({ error: "#DIV/0!" });
    expect(await cell("GROWTH", 10, 0)).toMatchObject({ error: "#DIV/0!" });
  });

  it("anything else is #VALUE! with a message", async () => {
    const r = await cell("PCT", "十二", 10);
    expect(r.error).toBe("#VALUE!");
    expect(r.message).toContain("“十二”不是数字");
    expect(await cell("WAN", true)).toMatchObject({ error: "#VALUE!" });
  });
});

describe("=JS.YOY", () => {
  it("gives the narrative's phrase", async () => {
    expect(await cell("YOY", 367.87, 360)).toEqual({ value: "增加 7.87 万元，增长 2.19%" });
    expect(await cell("YOY", 300, 400)).toEqual({ value: "减少 100.00 万元，下降 25.00%" });
    expect(await cell("YOY", 12.3, "12.30")).toEqual({ value: "持平" });
    expect(await cell("YOY", 12.5, 0)).toEqual({ value: "新增 12.50 万元（上年为 0，不计算增长率）" });
    expect(await cell("YOY", 12.5, null)).toEqual({ value: "新增 12.50 万元（上年为 0，不计算增长率）" });
  });
});

describe("=JS.LEVEL", () => {
  it("names the level from the digits", async () => {
    expect(await cell("LEVEL", 204)).toEqual({ value: "类" });
    expect(await cell("LEVEL", "20402")).toEqual({ value: "款" });
    expect(await cell("LEVEL", 2040250)).toEqual({ value: "项" });
    expect(await cell("LEVEL", "30201")).toEqual({ value: "款" });
    expect(await cell("LEVEL", "abc")).toMatchObject({ error: "#VALUE!" });
  });
});

describe("=JS.ROLLUP", () => {
  const codes = [["204"], ["20402"], [2040201], ["2040250"], ["208"], ["20805"], ["合计"], [null]];
  const amounts = [[30], [30], [10], ["20.00"], [5.5], [5.5], [35.5], [null]];

  it("sums leaves without double counting subtotal rows", async () => {
    expect(await cell("ROLLUP", codes, amounts, 204)).toEqual({ value: 30 });
    expect(await cell("ROLLUP", codes, amounts, "20402")).toEqual({ value: 30 });
    expect(await cell("ROLLUP", codes, amounts, "208")).toEqual({ value: 5.5 });
  });

  it("mismatched ranges are #VALUE!, a code with no rows #N/A", async () => {
    expect(await cell("ROLLUP", codes, amounts.slice(1), 204)).toMatchObject({ error: "#VALUE!" });
    expect(await cell("ROLLUP", codes, amounts, 205)).toMatchObject({ error: "#N/A", message: "区域中没有科目 205 或其下级科目" });
  });
});

describe("=JS.CONSISTENT", () => {
  it("accepts 尾差 and rejects a 0.02 gap", async () => {
    expect(await cell("CONSISTENT", 34.12, [[16.13], [17.99]])).toEqual({ value: true });
    expect(await cell("CONSISTENT", 2.01, [[1], [1]])).toEqual({ value: true });
    expect(await cell("CONSISTENT", 2.02, [[1], [1]])).toEqual({ value: false });
    expect(await cell("CONSISTENT", 100.01, [[100]])).toEqual({ value: false });
    expect(await cell("CONSISTENT", "2,000.00", [["1,000.00", null], ["１０００", ""]])).toEqual({ value: true });
  });

  it("an empty total is #VALUE!", async () => {
    expect(await cell("CONSISTENT", null, [[1]])).toMatchObject({ error: "#VALUE!" });
  });
});
