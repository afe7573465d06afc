// The publication score item by item: a disclosure that publishes everything scores 100, and each item fails
// (or does not apply) on its own when the disclosure is broken in the one place that item looks at.
import { describe, expect, it } from "vitest";
import { loadBuiltinTemplates } from "../../cli/builtin-data.ts";
import { checkDisclosure } from "../../core/check-disclosure.ts";
import type { PublicationScore, ScoreItem } from "../../core/score/items.ts";
import type { SheetGrid } from "../../core/tables/grid.ts";
import type { Template } from "../../core/templates/template.ts";
import { makeLedger, seeded } from "../fixtures/disclosure-model.ts";
import { renderDisclosure } from "../fixtures/disclosure-sheets.ts";
import { copySheets, dropSheet, setCell } from "../fixtures/mutate.ts";
import { asPdfText, narrativeOf } from "../fixtures/narrative-text.ts";
import { fullDisclosure } from "./full-disclosure.ts";

const central = loadBuiltinTemplates().find((t) => t.id === "central-2021")!;
const full = fullDisclosure();

function score(sheets: SheetGrid[] | null, text: string | null, template: Template | null = central): PublicationScore {
  return checkDisclosure({ sheets, text, template }).report.score!;
}
const item = (s: PublicationScore, id: string): ScoreItem => s.items.find((i) => i.id === id)!;
const failed = (s: PublicationScore) => s.items.filter((i) => i.status === "fail").map((i) => i.id);

/** The text with one passage replaced; a passage that is not there is a broken test, not a pass. */
function edit(text: string, from: string | RegExp, to: string): string {
  const out = text.replace(from, to);
  if (out === text) throw new Error(`没有找到要改的文字：${from}`);
  return out;
}

/** Blanks every cell of the rows a predicate picks (the reader skips empty rows). */
function blankRows(sheets: SheetGrid[], sheet: string, pick: (row: SheetGrid["cells"][number]) => boolean): SheetGrid[] {
  const out = copySheets(sheets);
  const s = out.find((x) => x.name === sheet)!;
  let n = 0;
  s.cells = s.cells.map((row) => (pick(row) ? (n++, row.map(() => null)) : row));
  if (!n) throw new Error("没有选中任何行");
  return out;
}

function cellOf(sheets: SheetGrid[], sheet: string, test: (v: unknown) => boolean): { row: number; col: number } {
  const cells = sheets.find((s) => s.name === sheet)!.cells;
  for (let row = 0; row < cells.length; row++) {
    const col = cells[row]!.findIndex(test);
    if (col >= 0) return { row, col };
  }
  throw new Error("没有这个单元格");
}

describe("a disclosure that publishes everything", () => {
  it("scores 100 with every item passed, each pointing where it stands; the weights add up to 100", () => {
    const s = score(full.sheets, full.text);
    expect(failed(s)).toEqual([]);
    expect(s.total).toBe(100);
    expect(s.items.every((i) => i.status === "pass")).toBe(true);
    expect(s.items.reduce((n, i) => n + i.weight, 0)).toBe(100);
    expect(new Set(s.items.map((i) => i.id)).size).toBe(s.items.length);
    expect(item(s, "tables.T05").where).toEqual({ sheet: "公开05表", cell: "A1" });
    expect(item(s, "performance.tables").where).toEqual({ sheet: "绩效自评表", cell: "A1" });
    expect(item(s, "procurement.sme").where).toMatchObject({ excerpt: expect.stringContaining("中小企业") });
    expect(item(s, "section.glossary").where).toMatchObject({ section: "名词解释", line: expect.any(Number) });
    for (const i of s.items) expect(i.label).toMatch(/[\u4e00-\u9fff]/);
  });

  it("reads the same from the text as a PDF extraction gives it, and from the hand-typed layout", () => {
    expect(failed(score(full.sheets, asPdfText(full.text)))).toEqual([]);
    const hand = fullDisclosure("hand");
    expect(failed(score(hand.sheets, hand.text))).toEqual([]);
  });
});

describe("each item fails on its own", () => {
  const cases: [string, () => { sheets?: SheetGrid[]; text?: string }, Partial<ScoreItem>][] = [
    ["tables.T08", () => ({ sheets: dropSheet(full.sheets, "公开08表") }), { where: { table: "T08", sheet: null } }],
    [
      "tables.T09",
      () => {
        const at = cellOf(full.sheets, "公开09表", (v) => typeof v === "string" && v.startsWith("说明："));
        return { sheets: blankRows(full.sheets, "公开09表", (row) => row[at.col] === full.sheets.find((s) => s.name === "公开09表")!.cells[at.row]![at.col]) };
      },
      { where: { sheet: "公开09表", cell: "A1" }, note: expect.stringContaining("空表说明") },
    ],
    ["detail.T05", () => ({ sheets: blankRows(full.sheets, "公开05表", (row) => typeof row[2] === "string" && /^\d{2}$/.test(row[2])) }), { note: expect.stringContaining("未细化到项") }],
    [
      "detail.T06",
      () => {
        const at = cellOf(full.sheets, "公开06表", (v) => v === "30302");
        const sheets = setCell(full.sheets, { sheet: "公开06表", cell: `A${at.row + 1}` }, "303");
        return { sheets: setCell(sheets, { sheet: "公开06表", cell: `B${at.row + 1}` }, "对个人和家庭的补助") };
      },
      { note: expect.stringContaining("未细化到款") },
    ],
    ["sangong.abroad-counts", () => ({ text: edit(full.text, "全年因公出国（境）团组2个、累计8人次；", "") }), { note: expect.stringContaining("团组数、人次") }],
    ["sangong.vehicle-counts", () => ({ text: edit(full.text, "公务用车保有量5辆", "公务用车运行正常") }), { note: expect.stringContaining("保有量") }],
    ["sangong.reception-counts", () => ({ text: edit(full.text, "国内公务接待14批次、96人次", "国内公务接待若干") }), { where: { section: "财政拨款“三公”经费支出决算情况", line: expect.any(Number) } }],
    [
      "sangong.reasons",
      () => ({ text: edit(full.text, /(“三公”经费财政拨款支出减少[^。]*。)主要原因：人员调整和压减一般性支出/, "$1主要原因：【待填写：增减原因】") }),
      { where: { line: expect.any(Number), excerpt: expect.stringContaining("减少") } },
    ],
    ["running-costs", () => ({ text: edit(full.text, /机关运行经费支出85\.20万元。[^\n]*/, "机关运行经费支出情况见附表。") }), { note: "写了机关运行经费，但没有金额" }],
    ["procurement.split", () => ({ text: edit(full.text, "、工程采购金额20.00万元", "") }), { note: expect.stringContaining("工程") }],
    ["procurement.sme", () => ({ text: edit(full.text, "其中授予小微企业合同金额40.50万元", "其中授予小微企业合同金额96.02万元") }), { note: expect.stringContaining("超过授予中小企业") }],
    ["assets.vehicles", () => ({ text: edit(full.text, "共有车辆6辆；", "") }), { note: expect.stringContaining("车辆数") }],
    ["assets.equipment", () => ({ text: edit(full.text, /；单价100万元（含）以上设备（不含车辆）2台（套）/, "") }), { note: expect.stringContaining("设备数") }],
    ["performance.self-evaluation", () => ({ text: edit(full.text, "绩效自评项目4个，涉及预算金额314.36万元。", "") }), { note: expect.stringContaining("项目数或金额") }],
    ["performance.tables", () => ({ sheets: dropSheet(full.sheets, "绩效自评表") }), { note: expect.stringContaining("绩效自评表") }],
    ["glossary", () => ({ text: edit(full.text, /十一、名词解释[\s\S]*$/, "十一、名词解释\n【待填写：名词解释】") }), { note: expect.stringContaining("没有内容") }],
    ["section.fund", () => ({ text: edit(full.text, "八、政府性基金预算财政拨款收入支出决算情况\n", "") }), { where: { section: "政府性基金预算财政拨款收入支出决算情况", line: null } }],
  ];

  for (const [id, broken, expected] of cases) {
    it(`${id}`, () => {
      const b = broken();
      const s = score(b.sheets ?? full.sheets, b.text ?? full.text);
      expect(failed(s)).toEqual([id]);
      expect(item(s, id)).toMatchObject({ status: "fail", ...expected });
      const w = item(s, id).weight;
      const all = s.items.reduce((n, i) => n + i.weight, 0);
      expect(s.total).toBe(Math.round((1000 * (all - w)) / all) / 10);
    });
  }
});

describe("what else passes, and what does not apply", () => {
  const passes = (text: string, id: string) => {
    const s = score(full.sheets, text);
    expect(item(s, id).status).toBe("pass");
    expect(failed(s)).toEqual([]);
  };

  it("a missing table the narrative says is empty passes; so do counts and statements written other ways", () => {
    const s = score(dropSheet(full.sheets, "公开08表"), edit(full.text, /政府性基金预算财政拨款收入29\.87万元[^\n]*/, "本单位2021年度无政府性基金预算财政拨款收入、支出，故《政府性基金预算财政拨款收入支出决算表》为空表。"));
    expect(item(s, "tables.T08")).toMatchObject({ status: "pass", where: { line: expect.any(Number), excerpt: expect.stringContaining("空表") } });
    passes(edit(full.text, "全年因公出国（境）团组2个、累计8人次", "组织因公出国（境）3个团组，共12人次"), "sangong.abroad-counts");
    passes(edit(full.text, /机关运行经费支出85\.20万元。[^\n]*/, "本单位为事业单位，不涉及机关运行经费。"), "running-costs");
    passes(edit(full.text, /；单价100万元（含）以上设备（不含车辆）2台（套）/, "；无单价100万元以上设备"), "assets.equipment");
  });

  it("a list of 三公 changes may be followed by their reasons; one reason short of the items fails", () => {
    const SANGONG_YOY = /与2020年度相比，“三公”经费财政拨款支出[^\n]*?主要原因：[^。]*。/;
    const listed =
      "与2020年度相比，“三公”经费财政拨款支出减少1.39万元，下降11.12%，其中：因公出国（境）费减少0.50万元，下降15.92%；公务用车购置及运行维护费减少0.40万元，下降8.83%；公务接待费减少0.49万元，下降10.12%。" +
      "因公出国（境）费减少的主要原因是出访任务减少。公务用车购置及运行维护费减少的主要原因是车辆老旧报废。公务接待费减少的主要原因是严格控制接待标准。";
    passes(edit(full.text, SANGONG_YOY, listed), "sangong.reasons");
    const short = score(full.sheets, edit(full.text, SANGONG_YOY, listed.replace("公务接待费减少的主要原因是严格控制接待标准。", "")));
    expect(item(short, "sangong.reasons")).toMatchObject({ status: "fail", note: expect.stringContaining("4 处增减，2 处原因") });
  });

  it("“无…设备（不含车辆）” says nothing about vehicles", () => {
    const s = score(full.sheets, edit(full.text, /共有车辆6辆；单价100万元（含）以上设备（不含车辆）2台（套）/, "无单价100万元（含）以上设备（不含车辆）"));
    expect(item(s, "assets.equipment").status).toBe("pass");
    expect(item(s, "assets.vehicles").status).toBe("fail");
  });

  it("three 公 counts do not apply to an item the 三公 table shows as 0; a purchase needs its count", () => {
    const noAbroad = setCell(full.sheets, full.where["T07.决算.出国"]!, 0);
    const s = score(noAbroad, edit(full.text, "全年因公出国（境）团组2个、累计8人次；", ""));
    expect(item(s, "sangong.abroad-counts")).toMatchObject({ status: "na", where: { table: "T07", sheet: "公开07表" } });
    expect(failed(s)).toEqual([]);

    const bought = setCell(full.sheets, full.where["T07.决算.购置"]!, 25.5);
    const withoutCount = edit(full.text, "本年度未购置公务用车，", "");
    expect(item(score(bought, withoutCount), "sangong.vehicle-counts")).toMatchObject({ status: "fail", note: expect.stringContaining("购置数") });
    expect(item(score(bought, edit(full.text, "本年度未购置公务用车，", "本年度购置公务用车1辆，")), "sangong.vehicle-counts").status).toBe("pass");
    expect(item(score(bought, full.text), "sangong.vehicle-counts").status).toBe("pass");
  });

  it("中小企业 above the procurement total fails, and a unit without procurement is not applicable", () => {
    const s = score(full.sheets, edit(full.text, "授予中小企业合同金额96.00万元，其中授予小微企业合同金额40.50万元", "授予中小企业合同金额120.02万元，其中授予小微企业合同金额40.50万元"));
    expect(item(s, "procurement.sme")).toMatchObject({ status: "fail", note: expect.stringContaining("超过政府采购合计 120.00") });
    // equal to the total, or 小微 equal to 中小, is allowed
    passes(edit(full.text, "授予中小企业合同金额96.00万元，其中授予小微企业合同金额40.50万元", "授予中小企业合同金额120.00万元，其中授予小微企业合同金额120.00万元"), "procurement.sme");
    const none = score(full.sheets, edit(full.text, /示范市示范局2021年度政府采购金额[^\n]*/, "本单位2021年度未发生政府采购。"));
    expect(item(none, "procurement.split").status).toBe("na");
    expect(item(none, "procurement.sme").status).toBe("na");
    expect(none.total).toBe(100);
  });

  it("self-evaluation tables: in the text they pass, and none are needed when the text says none was done", () => {
    const noSheet = dropSheet(full.sheets, "绩效自评表");
    const inText = score(noSheet, `${full.text}\n附：项目支出绩效自评表\n一级指标 分值 得分\n产出指标 50 48`);
    expect(item(inText, "performance.tables")).toMatchObject({ status: "pass", note: "情况说明中附有绩效自评表" });
    const none = score(noSheet, edit(full.text, /绩效自评项目4个[^\n]*/, "本单位2021年度未开展绩效自评。"));
    expect(item(none, "performance.tables")).toMatchObject({ status: "na", where: { excerpt: expect.stringContaining("未开展绩效自评") } });
    expect(item(none, "performance.self-evaluation").status).toBe("pass");
    expect(failed(none)).toEqual([]);
  });

  it("without a narrative every narrative item fails as not provided; without a template the nine tables are expected", () => {
    const s = score(full.sheets, null);
    const textItems = s.items.filter((i) => i.status === "fail");
    expect(textItems.length).toBeGreaterThan(10);
    expect(textItems.filter((i) => i.id !== "performance.tables").every((i) => i.note === "未提供情况说明")).toBe(true);
    expect(item(s, "performance.tables").status).toBe("pass");

    const bare = score(full.sheets, full.text, null);
    expect(bare.items.filter((i) => i.id.startsWith("tables.")).map((i) => i.id)).toEqual(["T01", "T02", "T03", "T04", "T05", "T06", "T07", "T08", "T09"].map((t) => `tables.${t}`));
    expect(item(bare, "sections")).toMatchObject({ status: "na", note: expect.stringContaining("未指定模板") });
    expect(bare.total).toBe(100);
  });

  it("a template's scoreWeights replace the defaults; the total is over the items that apply", () => {
    const weighted: Template = { ...central, scoreWeights: { glossary: 22, "tables.T01": 0 } };
    const s = score(full.sheets, edit(full.text, /十一、名词解释[\s\S]*$/, "十一、名词解释"), weighted);
    expect(item(s, "glossary")).toMatchObject({ status: "fail", weight: 22 });
    expect(item(s, "tables.T01").weight).toBe(0);
    // 100 − 3 + 22 − 2 = 117 points in all; the failed 22 leave 95 of them: 81.2
    const all = s.items.reduce((n, i) => n + i.weight, 0);
    expect(all).toBe(117);
    expect(s.total).toBe(81.2);
  });
});

describe("the clean fixture disclosure (tests/fixtures) as juesuan writes its narrative", () => {
  it("passes the tables and sections and fails what its writer leaves 【待填写】 or never writes", () => {
    const { sheets } = renderDisclosure(makeLedger(seeded(41)), "export");
    const s = score(sheets, narrativeOf(sheets));
    expect(failed(s).sort()).toEqual(
      [
        "sangong.abroad-counts",
        "sangong.vehicle-counts",
        "sangong.reception-counts",
        "sangong.reasons",
        "running-costs",
        "procurement.split",
        "procurement.sme",
        "assets.vehicles",
        "assets.equipment",
        "performance.self-evaluation",
        "performance.tables",
        "glossary",
      ].sort(),
    );
    expect(s.total).toBe(52);
    expect(s.items.filter((i) => i.id.startsWith("tables.") || i.id.startsWith("section.") || i.id.startsWith("detail.")).every((i) => i.status === "pass")).toBe(true);
  });
});
