import { beforeAll, describe, expect, it } from "vitest";
import { CodesClient } from "../../functions/codes-client.ts";
import { useCodesClient } from "../../functions/default-client.ts";
import { makeLedger, seeded } from "../fixtures/disclosure-model.ts";
import { renderDisclosure } from "../fixtures/disclosure-sheets.ts";
import { narrativeOf } from "../fixtures/narrative-text.ts";
import { cell } from "./call.ts";

beforeAll(() => useCodesClient(new CodesClient({ baseUrl: "http://127.0.0.1:9", fetch, timeoutMs: 300 })));

describe("=JS.TEXTCHECK", () => {
  it("checks a narrative in a cell, alone or against the tables' ranges", async () => {
    const { sheets } = renderDisclosure(makeLedger(seeded(61)), "export");
    const text = narrativeOf(sheets).replace(/增长|下降/, (w) => (w === "增长" ? "下降" : "增长"));
    const alone = (await cell("TEXTCHECK", text, [], null)).value as string[][];
    expect(alone[0]).toEqual(["严重程度", "规则", "说明", "位置", "应为", "实为"]);
    expect(alone.some((r) => r[0] === "错误" && r[1] === "narrative.yoy" && /^第 \d+ 行$/.test(r[3]!))).toBe(true);
    const ranges = sheets.map((s) => s.cells.map((row) => row.map((v) => v ?? "")));
    const withTables = (await cell("TEXTCHECK", narrativeOf(sheets), ranges, { parameterAddresses: ["Sheet1!A1", ...sheets.map((s) => `'${s.name}'!A1:M40`)] })).value as string[][];
    expect(withTables.filter((r) => r[0] === "错误")).toEqual([]);
    expect(withTables.some((r) => r[1] === "narrative.unfilled")).toBe(true);
  });

  it("an empty cell is #VALUE!", async () => {
    expect(await cell("TEXTCHECK", "", [], null)).toMatchObject({ error: "#VALUE!" });
  });
});

describe("=JS.SENTENCE", () => {
  it("gives one sentence in the narrative's wording", async () => {
    expect(await cell("SENTENCE", "yoy", "一般公共预算财政拨款支出", 367.87, 360)).toEqual({
      value: "与上年相比，一般公共预算财政拨款支出增加 7.87 万元，增长 2.19%。主要原因：【待填写：增减原因】。",
    });
    expect(await cell("SENTENCE", "yoy", "机关运行经费", 12, 12)).toEqual({ value: "与上年相比，机关运行经费持平。" });
    expect(await cell("SENTENCE", "share", "财政拨款收入", 16.13, 34.12)).toEqual({ value: "财政拨款收入16.13万元，占47.27%" });
    expect((await cell("SENTENCE", "budget", "“三公”经费财政拨款支出", 11.13, 14.11)).value).toBe(
      "“三公”经费财政拨款支出年初预算为14.11万元，支出决算为11.13万元，完成年初预算的78.88%。决算数小于预算数的主要原因是：【待填写：主要原因】。",
    );
    expect(await cell("SENTENCE", "poem", "x", 1, 2)).toMatchObject({ error: "#VALUE!" });
  });
});
