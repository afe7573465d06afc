// The score where hosts meet it: in checkDisclosure's report (not for a few ranges), in the CLI's text report as
// one line with the failed items, and in a template's optional scoreWeights, validated like the rest.
import { describe, expect, it } from "vitest";
import { loadBuiltinTemplates } from "../../cli/builtin-data.ts";
import { reportText } from "../../cli/report-text.ts";
import { checkDisclosure } from "../../core/check-disclosure.ts";
import { validateTemplate } from "../../core/templates/template.ts";
import { fullDisclosure } from "./full-disclosure.ts";

const central = loadBuiltinTemplates().find((t) => t.id === "central-2021")!;
const full = fullDisclosure();

describe("the score in reports", () => {
  it("a whole disclosure's report carries {total, items}; JSON.stringify keeps every field", () => {
    const { report } = checkDisclosure({ sheets: full.sheets, text: full.text.replace(/十一、名词解释[\s\S]*$/, "十一、名词解释"), template: central });
    const json = JSON.parse(JSON.stringify(report)) as typeof report;
    expect(json.score!.items.find((i) => i.id === "glossary")).toEqual({ id: "glossary", label: "名词解释", status: "fail", weight: 3, where: { section: "名词解释", line: expect.any(Number) }, note: "名词解释部分没有内容（或仍待填写）" });
    expect(json.score!.total).toBe(97);
  });

  it("a few ranges (JS.CHECK, expectComplete false) are not scored", () => {
    const { report } = checkDisclosure({ sheets: full.sheets.slice(0, 2), expectComplete: false });
    expect(report.score).toBeUndefined();
  });

  it("a narrative alone is scored too: its tables fail as not provided", () => {
    const { report } = checkDisclosure({ text: full.text, template: central });
    expect(report.score!.items.find((i) => i.id === "tables.T01")).toMatchObject({ status: "fail", note: "未提供公开表" });
    expect(report.score!.items.find((i) => i.id === "glossary")!.status).toBe("pass");
  });

  it("the CLI text report shows one score line and each failed item with where it stands", () => {
    const { report, disclosure } = checkDisclosure({ sheets: full.sheets, text: full.text.replace("共有车辆6辆；", ""), template: central });
    const text = reportText(report, disclosure);
    expect(text).toMatch(/公开评分 97 分（满分 100）：33 项通过，1 项未通过，0 项不适用/);
    expect(text).toMatch(/未通过 {2}国有资产：车辆（3 分） {2}第 \d+ 行（国有资产占有使用情况） {2}国有资产部分没有写明车辆数（辆）/);
  });
});

describe("scoreWeights in a template", () => {
  it("accepts weights of 0–100 with up to two decimals and names what is wrong otherwise", () => {
    expect(validateTemplate({ ...central, scoreWeights: { glossary: 10, "tables.T01": 2.5 } }).errors).toEqual([]);
    expect(validateTemplate({ ...central, scoreWeights: { glossary: 101 } }).errors).toEqual([{ path: "/scoreWeights/glossary", message: "应为 0–100 的分值（最多两位小数）" }]);
    expect(validateTemplate({ ...central, scoreWeights: { glossary: "10" } }).errors[0]!.path).toBe("/scoreWeights/glossary");
    expect(validateTemplate({ ...central, scoreWeights: { glossary: 0.125 } }).errors[0]!.path).toBe("/scoreWeights/glossary");
    expect(validateTemplate({ ...central, scoreWeights: { "名词": 1 } }).errors[0]!.message).toBe("名称格式不对");
  });
});
