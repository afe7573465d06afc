import { describe, expect, it } from "vitest";
import { checkDisclosure } from "../../core/check-disclosure.ts";
import type { Cell, SheetGrid } from "../../core/tables/grid.ts";
import { setCell } from "../fixtures/mutate.ts";

// a project's self-evaluation as units attach it: the budget-execution row, then indicators by group
const rows: Cell[][] = [
  ["2021年度项目支出绩效自评表"],
  ["项目名称", "示范培训项目"],
  [null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
  ["年度资金总额", 100, 100, 95, 10, "95.00%", 9.5],
  ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
  ["产出指标（50分）", "数量指标", "培训人次", "≥500", "520", 25, 25],
  [null, "质量指标", "合格率", "≥95%", "98%", 25, 24],
  ["效益指标（30分）", "社会效益指标", "技能提升", "明显", "明显", 30, 28],
  ["满意度指标（10分）", "服务对象满意度指标", "满意度", "≥90%", "93%", 10, 10],
  ["总分", null, null, null, null, 100, 96.5],
];
const sheets: SheetGrid[] = [{ name: "绩效自评", cells: rows }];
const rules = (s: SheetGrid[]) => checkDisclosure({ sheets: s, expectComplete: false }).report.findings.filter((f) => f.rule.startsWith("performance."));

describe("performance self-evaluation tables", () => {
  it("a consistent table passes", () => {
    expect(rules(sheets)).toEqual([]);
  });

  it("a score above its weight is an error at the score", () => {
    const f = rules(setCell(sheets, { sheet: "绩效自评", cell: "G7" }, 26));
    expect(f.find((x) => x.rule === "performance.score-cap")).toMatchObject({ severity: "error", where: { cell: "G7" }, expected: "≤ 25.0", actual: "26.0" });
  });

  it("a group's weights must add up to the weight it states", () => {
    const f = rules(setCell(sheets, { sheet: "绩效自评", cell: "F7" }, 20));
    expect(f.find((x) => x.rule === "performance.weights")).toMatchObject({ where: { cell: "A6" }, expected: "50.0", actual: "45.0" });
    expect(f.some((x) => x.rule === "performance.total" && x.severity === "warning")).toBe(true);
  });

  it("执行率 = 执行数 ÷ 预算数, and its score = 分值 × 执行率", () => {
    expect(rules(setCell(sheets, { sheet: "绩效自评", cell: "F4" }, "96.00%")).find((x) => x.rule === "performance.execution")).toMatchObject({ expected: "95.00%", actual: "96.00%" });
    expect(rules(setCell(sheets, { sheet: "绩效自评", cell: "F4" }, 0.95))).toEqual([]);
    expect(rules(setCell(sheets, { sheet: "绩效自评", cell: "G4" }, 9))).toContainEqual(expect.objectContaining({ rule: "performance.execution", expected: "9.5", actual: "9.0" }));
  });

  it("without a self-evaluation table the rules are listed as not checked", () => {
    const r = checkDisclosure({ sheets: [{ name: "x", cells: [["a"]] }], expectComplete: false }).report;
    expect(r.notChecked).toContainEqual({ rule: "performance.score-cap", why: "没有绩效自评表" });
  });
});
