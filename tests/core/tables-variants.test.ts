// Tables laid out as units really publish them: 元 and mixed units, the 三公 table either way round, codes
// split and typed as numbers or joined to their names, columns a unit leaves out, headers with breaks and
// unknown columns, other regions' titles and single tables. Each variant checks clean (no error, no warning,
// every notChecked entry asserted) and a planted defect is found at its cell.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadBuiltinEditions, loadBuiltinTemplates } from "../../cli/builtin-data.ts";
import { CodesRegistry } from "../../core/codes/codes-registry.ts";
import { checkTables } from "../../core/rules/check-tables.ts";
import type { Finding, Report } from "../../core/rules/finding.ts";
import type { SheetGrid } from "../../core/tables/grid.ts";
import { readDisclosure } from "../../core/tables/read-disclosure.ts";
import { makeLedger, seeded } from "../fixtures/disclosure-model.ts";
import { type Layout, type RenderOptions, renderDisclosure } from "../fixtures/disclosure-sheets.ts";
import { bump, cellAt, copySheets, setCell } from "../fixtures/mutate.ts";

const codes = new CodesRegistry(loadBuiltinEditions());
const templates = loadBuiltinTemplates();
const template = (id: string) => templates.find((t) => t.id === id)!;
const errors = (fs: Finding[]) => fs.filter((f) => f.severity === "error");
const problems = (r: Report) => r.findings.filter((f) => f.severity !== "info");
const check = (sheets: SheetGrid[], more: Parameters<typeof checkTables>[1] = {}) => checkTables(sheets, { codes, ...more }).report;

function clean(r: Report, notChecked: Report["notChecked"] = []): void {
  expect(problems(r), JSON.stringify(problems(r).slice(0, 3))).toEqual([]);
  expect(r.notChecked).toEqual(notChecked);
}

const VARIANTS: [string, Layout, RenderOptions][] = [
  ["元, export", "export", { unit: "元" }],
  ["元, hand", "hand", { unit: "元" }],
  ["T05 and T07 in 元, the rest in 万元", "export", { unit: { T05: "元", T07: "元" } }],
  ["三公 down the rows", "export", { sangong: "down" }],
  ["三公 down the rows in 元", "hand", { sangong: "down", unit: "元" }],
  ["split codes typed as numbers (export)", "export", { codes: "split-number" }],
  ["split codes typed as numbers (hand)", "hand", { codes: "split-number" }],
  ["code and name in one cell", "hand", { codes: "code-name" }],
  ["only the columns a unit has", "export", { lean: true }],
];

describe.each(VARIANTS)("%s", (_, layout, options) => {
  const { sheets, where } = renderDisclosure(makeLedger(seeded(17), { exact: true }), layout, options);

  it("checks clean, with nothing left unchecked", () => {
    const r = check(sheets);
    clean(r);
    expect(r.findings).toEqual([]);
  });

  it("a figure off by 0.02 of its own unit is an error at the total it breaks", () => {
    const r = check(bump(sheets, where["T05.合计.基本支出"]!, "0.02"));
    const f = errors(r.findings).find((x) => x.rule === "table.row-sum")!;
    expect(f.where).toEqual(where["T05.合计.小计"]);
    const unit = typeof options.unit === "string" ? options.unit : options.unit?.T05;
    expect(f.message).toMatch(unit === "元" ? /相差 0\.02 元$/ : /相差 0\.02$/);
  });

  it("the 三公 sums are checked: a wrong 决算 合计 is an error at its cell", () => {
    const r = check(bump(sheets, where["T07.决算.合计"]!, "0.03"));
    expect(errors(r.findings).find((x) => x.rule === "table.sangong")?.where).toEqual(where["T07.决算.合计"]);
  });
});

describe("units", () => {
  it("a 元 table reads as 元: no false 万元 ties, and findings quote 元", () => {
    const { sheets } = renderDisclosure(makeLedger(seeded(4)), "export", { unit: "元" });
    const { disclosure } = readDisclosure(sheets);
    expect(Object.values(disclosure.tables).map((t) => t.amountUnit)).toEqual(Array(9).fill("元"));
    const t5 = disclosure.tables.T05!;
    expect(t5.kind === "coded" && t5.rows[0]!.figures.小计!.unit).toBe("元");
  });

  it("a 万元 figure typed into a 元 table gets the hint for that table's unit", () => {
    const { sheets, where } = renderDisclosure(makeLedger(seeded(4), { exact: true }), "export", { unit: "元" });
    const ref = where["T04.支出.本年支出合计.一般公共预算"]!;
    const r = check(setCell(sheets, ref, Number(cellAt(sheets, ref)) / 10000));
    const f = errors(r.findings).find((x) => x.rule === "cross.T04-T05" && x.message.includes("10⁴"))!;
    expect(f.where).toEqual(ref);
    expect(f.message).toContain("可能把“万元”数填进了以“元”为单位的表");
  });

  it("across units an identity is judged exactly: 0.02 万元 off against a 元 table is an error quoting both units", () => {
    const { sheets, where } = renderDisclosure(makeLedger(seeded(9), { exact: true }), "export", { unit: { T05: "元" } });
    const r = check(bump(sheets, where["T04.支出.本年支出合计.一般公共预算"]!, "0.02"));
    const f = errors(r.findings).find((x) => x.rule === "cross.T04-T05")!;
    expect(f.where).toEqual(where["T04.支出.本年支出合计.一般公共预算"]);
    expect(f.message).toMatch(/为 [\d.]+ 万元，.*合计为 [\d.]+ 元（合 [\d.]+ 万元），相差 0\.02 万元$/);
  });

  it("the unit may stand in a header cell (决算数（元）) instead of the title block", () => {
    const sheet: SheetGrid = {
      name: "三公",
      cells: [
        ["财政拨款“三公”经费支出决算表"],
        ["项目", "预算数（元）", "决算数（元）"],
        ["合计", 3000.5, 2000.25],
        ["因公出国（境）费", 1000.5, null],
        ["公务用车购置及运行维护费", 1000, 1000.25],
        ["其中：公务用车购置费", null, null],
        ["公务用车运行维护费", 1000, 1000.25],
        ["公务接待费", 1000, 1000],
      ],
    };
    const { disclosure } = readDisclosure([sheet]);
    expect(disclosure.tables.T07!.amountUnit).toBe("元");
    const r = check([sheet]);
    expect(problems(r)).toEqual([]);
    expect(r.findings.map((f) => f.rule)).toEqual(["complete.tables"]);
  });

  it("or in a unit column beside the items (项目 | 单位 | 预算数 | 决算数), which is not reported as unknown", () => {
    const sheet: SheetGrid = {
      name: "三公",
      cells: [
        ["“三公”经费支出决算表"],
        ["项目", "单位", "预算数", "决算数"],
        ["合计", "元", 3000.5, 2000.25],
        ["因公出国（境）费", "元", 1000.5, 0],
        ["公务用车购置及运行维护费", "元", 1000, 1000.25],
        ["其中：公务用车购置费", "元", null, null],
        ["公务用车运行维护费", "元", 1000, 1000.25],
        ["公务接待费", "元", 1000, 1000],
      ],
    };
    expect(readDisclosure([sheet]).disclosure.tables.T07!.amountUnit).toBe("元");
    const r = check([sheet]);
    expect(problems(r)).toEqual([]);
    expect(r.notChecked).toEqual([{ rule: "cross.T06-T07", why: "没有找到一般公共预算财政拨款基本支出决算表（T06）" }]);
  });
});

describe("the 三公 table", () => {
  const down = (rows: (string | number | null)[][], header = ["项目", "预算数", "决算数"]): SheetGrid => ({
    name: "三公经费",
    cells: [["2024年度财政拨款“三公”经费支出决算表"], ["编制单位：示范局", null, "单位：万元"], header, ...rows],
  });
  const rows = [
    ["合计", 30.5, 20.25],
    ["1.因公出国（境）费", 10.5, 0],
    ["2.公务用车购置及运行费", 10, 10.25],
    ["（1）公务用车购置费", null, null],
    ["（2）公务用车运行费", 10, 10.25],
    ["3.公务接待费", 10, 10],
  ];

  it("items down the rows with header variants and numbering read clean; blank 其中 cells are 0", () => {
    const r = check([down(rows)]);
    expect(problems(r)).toEqual([]);
    expect(r.notChecked.map((n) => n.rule)).toEqual(expect.arrayContaining(["cross.T06-T07"]));
    expect(r.notChecked.filter((n) => n.rule.startsWith("read.") || n.rule === "table.sangong")).toEqual([]);
  });

  it("a wrong 小计 down the rows is an error at its cell", () => {
    const broken = rows.map((r) => (r[0] === "2.公务用车购置及运行费" ? [r[0], 10, 10.27] : r));
    const r = check([down(broken)]);
    const f = errors(r.findings).filter((x) => x.rule === "table.sangong");
    // the 小计 row breaks both sums it takes part in: 合计 above it and its own 购置 + 运行
    expect(f.map((x) => ("cell" in x.where ? x.where.cell : ""))).toEqual(["C4", "C6"]);
  });

  it("上年决算 and 增减 columns are read and 增减 = 决算 − 上年 is checked", () => {
    const withPrior = rows.map((r, i) => [...r, i === 0 ? 25 : i === 1 ? 5 : i === 3 ? null : i === 5 ? 10 : 5, null]);
    for (const r of withPrior) r[4] = Number(r[2] ?? 0) - Number(r[3] ?? 0);
    withPrior[0]![4] = 999;
    const r = check([down(withPrior, ["项目", "预算数", "决算数", "上年决算数", "增减"])]);
    const f = errors(r.findings);
    expect(f.map((x) => x.rule)).toContain("table.sangong");
    expect(f.find((x) => x.message.includes("增减"))!.where).toEqual({ sheet: "三公经费", cell: "E4" });
  });

  it("the national “三公”经费及会议费、培训费 table: its 三公 total is checked against the items, the grand total against all", () => {
    const table = (grand: number): SheetGrid => ({
      name: "三公会议培训",
      cells: [
        ["“三公”经费及会议费、培训费支出决算表"],
        ["项目", "预算数", "决算数"],
        ["合计", 40, grand],
        ["“三公”经费合计", 30.5, 20.25],
        ["因公出国（境）费", 10.5, 0],
        ["公务用车购置及运行维护费", 10, 10.25],
        ["其中：公务用车购置费", null, null],
        ["公务用车运行维护费", 10, 10.25],
        ["公务接待费", 10, 10],
        ["会议费", 5, 4],
        ["培训费", 4.5, 3],
      ],
    });
    const ok = check([table(27.25)]);
    expect(problems(ok)).toEqual([]);
    expect(ok.notChecked).toEqual([{ rule: "cross.T06-T07", why: "没有找到一般公共预算财政拨款基本支出决算表（T06）" }]);
    const bad = errors(check([table(27.27)]).findings);
    expect(bad).toEqual([expect.objectContaining({ rule: "table.sangong", where: { sheet: "三公会议培训", cell: "C3" } })]);
    expect(bad[0]!.message).toContain("决算数总计为 27.27，“三公”经费合计与会议费、培训费之和为 27.25");
  });

  it("a column it cannot place is reported with the header text it saw", () => {
    const r = check([down(rows.map((x) => [...x, "说明"]), ["项目", "预算数", "决算数", "备 注"])]);
    expect(r.notChecked).toContainEqual({ rule: "read.T07", why: "财政拨款“三公”经费支出决算表（T07）：不认识的列“备注”（D3），此列的数字未核对" });
  });
});

describe("headers", () => {
  it("line breaks and spaces inside header cells are read as the words", () => {
    const { sheets } = renderDisclosure(makeLedger(seeded(5)), "hand");
    const broken = copySheets(sheets).map((s) => ({
      ...s,
      cells: s.cells.map((row) => row.map((c) => (typeof c === "string" && /^(基本支出|项目支出|本年支出合计)$/.test(c) ? c.split("").join(" ").replace("支 ", "支\n") : c))),
    }));
    clean(check(broken));
  });

  it("a column no table knows is named in notChecked, never silently dropped", () => {
    const { sheets } = renderDisclosure(makeLedger(seeded(5)), "hand");
    const out = copySheets(sheets);
    const t3 = out.find((s) => s.name === "支出")!;
    const header = t3.cells.findIndex((r) => r[0] === "科目编码");
    t3.cells[header]!.push("资金来源备注");
    const r = check(out);
    expect(r.notChecked).toEqual([{ rule: "read.T03", why: expect.stringMatching(/^支出决算表（T03）：不认识的列“资金来源备注”（I\d+），此列的数字未核对$/) }]);
  });
});

describe("codes in any form", () => {
  it("a header with 类 and 项 but no 款 is read, not a crash", () => {
    const sheet: SheetGrid = {
      name: "支出",
      cells: [
        ["支出决算表"],
        ["类", "项", "科目名称", "本年支出合计", "基本支出", "项目支出"],
        ["合计", null, null, 3, 2, 1],
        [208, null, "社会保障和就业支出", 3, 2, 1],
        [208, "0505", "机关事业单位基本养老保险缴费支出", 3, 2, 1],
      ],
    };
    const r = check([sheet]);
    const { disclosure } = readDisclosure([sheet]);
    const t3 = disclosure.tables.T03!;
    expect(t3.kind === "coded" && t3.rows.map((x) => x.code)).toEqual([null, "208", "2080505"]);
    expect(r.findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  it("split codes typed as numbers keep their levels (204 | 2 | 50 is 2040250)", () => {
    const { sheets } = renderDisclosure(makeLedger(seeded(6)), "export", { codes: "split-number" });
    const t5 = readDisclosure(sheets).disclosure.tables.T05!;
    expect(t5.kind === "coded" && t5.rows.filter((r) => r.code).map((r) => r.level)).toContain("项");
    expect(t5.kind === "coded" && t5.rows.find((r) => r.code === "2050205")).toBeTruthy();
  });

  it("names only, all at one indentation: the hierarchy and the class ties are said to be unchecked", () => {
    const { sheets } = renderDisclosure(makeLedger(seeded(6)), "hand");
    const out = copySheets(sheets).map((s) =>
      s.name === "支出" ? { ...s, cells: s.cells.map((row, i) => (i >= 3 && typeof row[0] === "string" && /^\d+$/.test(row[0]) ? [null, ...row.slice(1)] : row)) } : s,
    );
    const r = check(out);
    expect(problems(r)).toEqual([]);
    const why = "支出决算表（T03）只有科目名称，没有编码、（类）（款）（项）标记或缩进，看不出层级";
    expect(r.notChecked).toEqual([
      { rule: "table.hierarchy", why: `${why}，未核对合计与类、款、项之和` },
      { rule: "cross.T01-T03", why: `${why}，未按类核对收入支出决算总表（T01）的各类` },
      { rule: "cross.T05-T03", why: "支出决算表（T03）只有科目名称、没有编码，未按科目对应核对" },
      { rule: "table.code-name", why: "支出决算表（T03）只有科目名称、没有编码，无法逐项核对" },
    ]);
  });
});

describe("only the columns a unit has", () => {
  it("T04 without the 国有资本经营 column still has its row sums checked over the columns present", () => {
    const { sheets, where } = renderDisclosure(makeLedger(seeded(8), { exact: true }), "export", { lean: true });
    const r = check(bump(sheets, where["T04.支出.本年支出合计.合计"]!, "0.05"));
    const f = errors(r.findings).find((x) => x.rule === "table.row-sum" && x.message.includes("T04"))!;
    expect(f.where).toEqual(where["T04.支出.本年支出合计.合计"]);
    expect(f.message).toContain("一般公共预算、政府性基金两列之和");
  });
});

describe("templates drive reading", () => {
  const NATIONAL = { T01: "收入支出决算表", T04: "财政拨款收入支出决算表", T07: "“三公”经费及会议费、培训费支出决算表" };
  const PROVINCIAL = {
    T01: "部门收支总表",
    T02: "部门收入总表",
    T03: "部门支出总表",
    T04: "财政拨款收支总表",
    T05: "一般公共预算财政拨款支出表",
    T06: "一般公共预算财政拨款基本支出表",
    T07: "一般公共预算财政拨款“三公”经费支出表",
    T08: "政府性基金预算财政拨款支出表",
    T09: "国有资本经营预算财政拨款支出表",
  };
  const extra = (title: string): SheetGrid => ({ name: title.slice(0, 10), cells: [[title], ["项目", "金额"], ["货物", 1]] });

  it("the newer national titles are read without a template", () => {
    const { sheets } = renderDisclosure(makeLedger(seeded(12)), "export", { titles: NATIONAL });
    clean(check(sheets));
  });

  it("a 13-table provincial set is detected from its titles; its own extra tables are counted, not checked", () => {
    const { sheets } = renderDisclosure(makeLedger(seeded(12)), "hand", { titles: PROVINCIAL });
    const all = [...sheets, extra("一般公共预算财政拨款项目支出表"), extra("政府采购情况表"), extra("机关运行经费支出表")];
    const r = check(all, { templates });
    clean(r, [
      { rule: "read.other", why: "“一般公共预算财政拨款项目支出表”（一般公共预算财政拨款）已找到，此表内容不在核对之列" },
      { rule: "read.other", why: "“政府采购情况表”（政府采购情况表）已找到，此表内容不在核对之列" },
      { rule: "read.other", why: "“机关运行经费支出表”（机关运行经费支出表）已找到，此表内容不在核对之列" },
    ]);
    expect(readDisclosure(all, {}, { templates }).disclosure.template?.id).toBe("province-13-2024");
  });

  it("complete.tables follows the template: a missing required extra table is an error, an optional T09 is not", () => {
    const { sheets } = renderDisclosure(makeLedger(seeded(12)), "hand", { titles: PROVINCIAL });
    const province = template("province-13-2024");
    clean(check(sheets, { template: province }));
    // a bureau that requires its extra tables: each missing one is an error naming it
    const strict = { ...province, name: "某省模板", otherTables: province.otherTables!.map((o, i) => ({ ...o, required: i < 2 })) };
    expect(errors(check(sheets, { template: strict }).findings).map((f) => f.message)).toEqual([
      "缺少“一般公共预算财政拨款项目支出表”（模板“某省模板”要求的表，按标题查找，未找到）",
      "缺少“政府采购情况表”（模板“某省模板”要求的表，按标题查找，未找到）",
    ]);
    // and a required T01–T09 table it lacks is an error; T09, optional in this set, is not required
    const noT09 = sheets.map((s) => ({ ...s, cells: s.cells.map((row) => row.map((c) => (typeof c === "string" && c.endsWith("国有资本经营预算财政拨款支出表") ? "（空）" : c))) }));
    expect(readDisclosure(noT09, {}, { template: province }).disclosure.tables.T09).toBeUndefined();
    expect(errors(check(noT09, { template: province }).findings).filter((f) => f.rule === "complete.tables")).toEqual([]);
  });

  it("without the template the provincial titles are not all found, and what is missing is named", () => {
    const { sheets } = renderDisclosure(makeLedger(seeded(12)), "hand", { titles: PROVINCIAL });
    const r = check(sheets);
    expect(errors(r.findings).filter((f) => f.rule === "complete.tables").length).toBeGreaterThan(0);
  });

  it("a workbook with the 三公 table alone gets one info line, not an error per absent table", () => {
    const { sheets } = renderDisclosure(makeLedger(seeded(12)), "export", { sangong: "down" });
    const r = check(sheets.filter((s) => s.name === "公开07表"));
    expect(errors(r.findings)).toEqual([]);
    const info = r.findings.filter((f) => f.rule === "complete.tables");
    expect(info).toEqual([expect.objectContaining({ severity: "info", message: "工作簿中只有财政拨款“三公”经费支出决算表（T07）一张表，按单表核对；九张公开表的其余 8 张表及表间关系未核对" })]);
    expect(r.notChecked).toEqual([{ rule: "cross.T06-T07", why: "没有找到一般公共预算财政拨款基本支出决算表（T06）" }]);
  });
});

describe("property: a random consistent disclosure in every layout and unit checks clean", () => {
  const options = fc.record({
    layout: fc.constantFrom<Layout>("export", "hand"),
    unit: fc.constantFrom<RenderOptions["unit"]>("万元", "元", { T05: "元", T07: "元" }, { T01: "元", T02: "元", T03: "元" }),
    sangong: fc.constantFrom<RenderOptions["sangong"]>("across", "down"),
    codes: fc.constantFrom<RenderOptions["codes"]>("split-text", "split-number", "one", "code-name"),
    lean: fc.boolean(),
  });
  it("no error, no warning, nothing left unchecked", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), options, (seed, { layout, ...o }) => {
        const { sheets } = renderDisclosure(makeLedger(seeded(seed)), layout, o);
        const r = check(sheets);
        return problems(r).length === 0 && r.notChecked.length === 0;
      }),
      { numRuns: 60 },
    );
  });
});
