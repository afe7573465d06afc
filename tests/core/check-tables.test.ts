import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadBuiltinEditions } from "../../cli/builtin-data.ts";
import { CodesRegistry } from "../../core/codes/codes-registry.ts";
import { checkTables } from "../../core/rules/check-tables.ts";
import type { Finding } from "../../core/rules/finding.ts";
import { parseA1 } from "../../core/tables/grid.ts";
import { makeLedger, seeded } from "../fixtures/disclosure-model.ts";
import { type Layout, renderDisclosure } from "../fixtures/disclosure-sheets.ts";
import { bump, dropSheet, inYuan, setCell, shiftRowRight } from "../fixtures/mutate.ts";

const codes = new CodesRegistry(loadBuiltinEditions());
const LAYOUTS: Layout[] = ["export", "hand"];
const errors = (fs: Finding[]) => fs.filter((f) => f.severity === "error");
/** the cell a finding points at (table findings always point at cells) */
const cellOf = (f: Finding) => ("cell" in f.where ? f.where.cell : "");
const check = (sheets: Parameters<typeof checkTables>[0]) => checkTables(sheets, { codes }).report;

describe.each(LAYOUTS)("a clean disclosure (%s layout)", (layout) => {
  const { sheets } = renderDisclosure(makeLedger(seeded(7)), layout);
  const report = check(sheets);

  it("reads all nine tables, the year and (export) the unit", () => {
    expect(report.year).toBe(2021);
    if (layout === "export") expect(report.unit).toBe("示范市示范局");
    expect(report.notChecked).toEqual([]);
  });

  it("has no error and no warning; rounding differences are info only", () => {
    expect(report.summary.error).toBe(0);
    expect(report.summary.warning).toBe(0);
    for (const f of report.findings) expect(f.message).toContain("尾差");
  });
});

describe.each(LAYOUTS)("mutations (%s layout)", (layout) => {
  // shown figures exact, so a change of 0.02 is a difference of exactly 0.02
  const r = renderDisclosure(makeLedger(seeded(11), { exact: true }), layout);
  const { sheets, where } = r;
  const at = (key: string) => {
    const ref = where[key];
    if (!ref) throw new Error(`no cell for ${key}`);
    return ref;
  };

  it("a figure off by 0.02 is an error at the total it breaks, naming both figures and the related cells", () => {
    const report = check(bump(sheets, at("T05.合计.基本支出"), "0.02"));
    const row = errors(report.findings).find((f) => f.rule === "table.row-sum")!;
    expect(row.where).toEqual(at("T05.合计.小计"));
    expect(row.related).toContainEqual(at("T05.合计.基本支出"));
    expect(row.message).toMatch(/合计行“小计”为 [\d.]+，基本支出、项目支出之和为 [\d.]+，相差 0\.02$/);
    expect(Number(row.expected) - Number(row.actual)).toBeCloseTo(0.02, 5);
    // across tables the mutated figure is itself the total: T06 人员 + 公用 no longer add up to it
    const cross = errors(report.findings).find((f) => f.rule === "cross.T05-T06")!;
    expect(cross.where).toEqual(at("T05.合计.基本支出"));
  });

  it("a figure off by 0.01 on a three-figure identity is 尾差 (info), never an error", () => {
    const report = check(bump(sheets, at("T05.2050205.基本支出"), "0.01"));
    const f = report.findings.filter((x) => cellOf(x) === at("T05.2050205.小计").cell);
    expect(f.map((x) => x.severity)).toEqual(["info"]);
    expect(f[0]!.message).toContain("尾差");
  });

  it("two figures that should be one and differ by 0.01 are an error (no rounding makes them equal)", () => {
    const report = check(bump(sheets, at("T04.收入.本年收入合计"), "0.01"));
    expect(errors(report.findings).find((f) => f.rule === "cross.T02-T04")).toMatchObject({ where: at("T04.收入.本年收入合计") });
  });

  it("a figure typed in 元 (10⁴ off) is an error with the 元/万元 hint", () => {
    const report = check(inYuan(sheets, at("T01.收入.本年收入合计")));
    const f = errors(report.findings).find((x) => cellOf(x) === at("T01.收入.本年收入合计").cell && x.message.includes("10⁴"));
    expect(f, JSON.stringify(errors(report.findings).slice(0, 3))).toBeDefined();
  });

  it("T01 balance: 收入总计 ≠ 支出总计", () => {
    const report = check(bump(sheets, at("T01.支出.总计.决算数"), "1"));
    expect(errors(report.findings).some((f) => f.rule === "table.balance")).toBe(true);
  });

  it("T04 row: 合计 ≠ sum of the fund columns", () => {
    const report = check(bump(sheets, at("T04.支出.本年支出合计.合计"), "3.00"));
    expect(errors(report.findings).some((f) => f.rule === "table.row-sum" && f.message.includes("T04"))).toBe(true);
  });

  it("T08 carry-over: 年末 ≠ 年初 + 收入 − 支出", () => {
    const report = check(bump(sheets, at("T08.2296002.年末结转和结余"), "0.05"));
    expect(errors(report.findings).some((f) => f.rule === "table.carry-over")).toBe(true);
  });

  it("T07: 合计 ≠ items, 小计 ≠ 购置 + 运行", () => {
    const a = check(bump(sheets, at("T07.决算.合计"), "0.03"));
    expect(errors(a.findings).some((f) => f.rule === "table.sangong" && cellOf(f) === at("T07.决算.合计").cell)).toBe(true);
    const b = check(bump(sheets, at("T07.预算.运行"), "0.03"));
    expect(errors(b.findings).some((f) => f.rule === "table.sangong" && f.message.includes("小计"))).toBe(true);
  });

  it("T06: 人员经费合计 ≠ 301 + 303", () => {
    const report = check(bump(sheets, at("T06.人员经费合计"), "0.04"));
    expect(errors(report.findings).some((f) => f.rule === "table.basic-totals" && cellOf(f) === at("T06.人员经费合计").cell)).toBe(true);
  });

  it("T01 ↔ T02 and T02 ↔ T04 income figures", () => {
    const report = check(bump(sheets, at("T01.收入.五、事业收入"), "0.50"));
    expect(errors(report.findings).some((f) => f.rule === "cross.T01-T02")).toBe(true);
    const r2 = check(bump(sheets, at("T04.收入.本年收入合计"), "0.50"));
    expect(errors(r2.findings).some((f) => f.rule === "cross.T02-T04")).toBe(true);
  });

  it("T01 ↔ T03 class lines, T01 ↔ T04 fund lines", () => {
    const r = check(bump(sheets, at("T01.支出.一、一般公共服务支出.决算数"), "0.50"));
    expect(errors(r.findings).some((f) => f.rule === "cross.T01-T03")).toBe(true);
    const r2 = check(bump(sheets, at("T01.收入.一、一般公共预算财政拨款收入"), "0.50"));
    expect(errors(r2.findings).some((f) => f.rule === "cross.T01-T04")).toBe(true);
  });

  it("T04 ↔ T05 and T04 ↔ T08", () => {
    const r = check(bump(sheets, at("T05.205.小计"), "0.50"));
    expect(errors(r.findings).some((f) => f.rule === "cross.T04-T05")).toBe(true);
    const r2 = check(bump(sheets, at("T08.合计.本年支出"), "0.50"));
    expect(errors(r2.findings).some((f) => f.rule === "cross.T04-T08")).toBe(true);
  });

  it("T05 ⊆ T03 with values ≤", () => {
    const r = check(setCell(sheets, at("T03.2050205.基本支出"), 0));
    expect(errors(r.findings).some((f) => f.rule === "cross.T05-T03")).toBe(true);
  });

  it("T06 三公-related 款 ≤ T07 (warning)", () => {
    const r = check(setCell(sheets, at("T07.决算.接待"), 0));
    expect(r.findings.some((f) => f.rule === "cross.T06-T07" && f.severity === "warning")).toBe(true);
  });

  it("a stale 科目 name is a warning naming the current one; another code's name an error", () => {
    const nameCell = (key: string) => {
      const ref = at(key);
      const { row } = parseA1(ref.cell);
      return { sheet: ref.sheet, cell: `${layout === "export" ? "D" : "B"}${row + 1}` };
    };
    const stale = check(setCell(sheets, nameCell("T03.20805.本年支出合计"), "行政事业单位离退休"));
    const w = stale.findings.find((f) => f.rule === "table.code-name")!;
    expect(w).toMatchObject({ severity: "warning", expected: "行政事业单位养老支出" });
    const other = check(setCell(sheets, nameCell("T03.2010301.本年支出合计"), "一般行政管理事务"));
    expect(other.findings.find((f) => f.rule === "table.code-name")).toMatchObject({ severity: "error" });
  });

  it("a missing table is an error, and the rules that need it are not checked", () => {
    const name = layout === "export" ? "公开05表" : "一般公共预算支出";
    const r = check(dropSheet(sheets, name));
    expect(errors(r.findings).some((f) => f.rule === "complete.tables" && f.message.includes("T05"))).toBe(true);
    const skipped = r.notChecked.map((n) => n.rule);
    expect(skipped).toEqual(expect.arrayContaining(["cross.T04-T05", "cross.T05-T06", "cross.T05-T03"]));
    expect(r.notChecked.find((n) => n.rule === "cross.T04-T05")!.why).toContain("没有找到一般公共预算财政拨款支出决算表（T05）");
  });

  it("an empty table without its statement is a warning; with it, nothing", () => {
    const ok = check(sheets);
    expect(ok.findings.some((f) => f.rule === "table.empty-statement")).toBe(false);
    const t9 = layout === "export" ? "公开09表" : "基金和国资";
    const sheet = sheets.find((s) => s.name === t9)!;
    const row = sheet.cells.findIndex((r) => typeof r[0] === "string" && r[0].includes("故本表无数据"));
    const r = check(setCell(sheets, { sheet: t9, cell: `A${row + 1}` }, "注：本表反映国有资本经营预算财政拨款收支情况。"));
    expect(r.findings.find((f) => f.rule === "table.empty-statement")).toMatchObject({ severity: "warning" });
  });

  it("text in a number cell is an error at that cell, not a crash", () => {
    const r = check(setCell(sheets, at("T05.2050205.基本支出"), "见附件"));
    const f = r.findings.find((x) => x.rule === "read.not-a-number")!;
    expect(f).toMatchObject({ severity: "error", where: at("T05.2050205.基本支出") });
    expect(f.message).toContain("“见附件”不是数字");
  });

  it("a row shifted one cell to the right is caught", () => {
    const ref = at("T03.2050205.本年支出合计");
    const { row, col } = parseA1(ref.cell);
    const r = check(shiftRowRight(sheets, ref.sheet, row, col));
    expect(errors(r.findings).some((f) => f.rule === "table.row-sum" && cellOf(f).endsWith(String(row + 1)))).toBe(true);
  });
});

describe("values without merge information (what a custom function sees)", () => {
  it("reads the export layout's merged multi-row headers all the same", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), (seed) => {
        const { sheets } = renderDisclosure(makeLedger(seeded(seed)), "export");
        const report = check(sheets.map(({ name, cells }) => ({ name, cells })));
        return report.summary.error === 0 && report.summary.warning === 0 && report.notChecked.length === 0;
      }),
      { numRuns: 20 },
    );
  });
});

describe("reading problems", () => {
  it("a table whose header cannot be found is named, with its rules not checked", () => {
    const { sheets } = renderDisclosure(makeLedger(seeded(3)), "hand");
    const t = sheets.find((s) => s.name === "收入")!;
    const broken = sheets.map((s) => (s === t ? { ...s, cells: s.cells.map((row, i) => (i === 2 ? row.map(() => "？") : row)) } : s));
    const r = check(broken);
    expect(r.notChecked.some((n) => n.why.includes("收入决算表（T02）"))).toBe(true);
  });

  it("no year and no --year: the code/name rule is not checked, with why", () => {
    const { sheets } = renderDisclosure(makeLedger(seeded(3)), "hand");
    const noYear = sheets.map((s) => ({ ...s, cells: s.cells.map((row) => row.map((c) => (typeof c === "string" ? c.replace(/2021年度/, "") : c))) }));
    const r = checkTables(noYear, { codes }).report;
    expect(r.year).toBeNull();
    expect(r.notChecked.find((n) => n.rule === "table.code-name")?.why).toContain("--year");
    expect(checkTables(noYear, { codes, year: 2021 }).report.notChecked).toEqual([]);
  });

  it("a 100,000-row sheet is cut with a message, quickly", () => {
    const rows = Array.from({ length: 100_000 }, (_, i) => [`行${i}`, i]);
    const r = check([{ name: "大表", cells: rows }]);
    expect(r.notChecked.some((n) => n.why.includes("只读取前 5000 行"))).toBe(true);
    expect(r.findings.filter((f) => f.rule === "complete.tables")).toHaveLength(9);
  });
});

describe("property: any consistent disclosure rounded to 2 decimals yields no error", () => {
  it.each(LAYOUTS)("%s layout", (layout) => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), (seed) => {
        const { sheets } = renderDisclosure(makeLedger(seeded(seed)), layout);
        const report = check(sheets);
        return report.summary.error === 0 && report.summary.warning === 0;
      }),
      { numRuns: 60 },
    );
  });
});
