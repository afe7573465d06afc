import { describe, expect, it } from "vitest";
import { checkDisclosure } from "../../core/check-disclosure.ts";
import { checkNarrative } from "../../core/narrative/check-narrative.ts";
import { type Finding, Findings, type Report } from "../../core/rules/finding.ts";
import { HOSTILE_TEXTS } from "../fixtures/hostile-texts.ts";

// Sentences written for these tests, one per wording a 情况说明 uses; each is checked as typed and as a PDF
// extraction gives it back (figures torn from their units, spaces inside numbers, full-width digits, a figure
// alone on the next line).

const FULL = "０１２３４５６７８９";

/** The same words as a PDF extraction renders them. */
function pdfForm(text: string): string {
  return text
    .split("\n")
    .map((line) =>
      line
        // a unit torn onto the next line, a space inside the number, every other digit full-width
        .replace(/(\d[\d,]*(?:\.\d+)?)(万元|元|%)/g, (_m, n: string, u: string) => `${n.length > 3 ? `${n.slice(0, 2)} ${n.slice(2)}` : n}\n${u}`)
        .replace(/\d/g, (d, i: number) => (i % 2 ? FULL[Number(d)]! : d))
        // "的⏎⏎98.50%": the figure alone after a blank line
        .replace(/的(?=\d)/g, "的\n\n"),
    )
    .join("\n");
}

const check = (text: string, year = 2023): Report => checkDisclosure({ text, year }).report;
const flagged = (r: Report, rule?: string) => r.findings.filter((f) => f.severity !== "info" && (!rule || f.rule === rule));
const lineOf = (f: Finding) => ("line" in f.where ? f.where.line : 0);

/** Runs a case as typed and in PDF form: `expect` sees the report of each. */
function both(text: string, assert: (r: Report, form: string) => void, year = 2023): void {
  assert(check(text, year), "clean");
  assert(check(pdfForm(text), year), "pdf");
}

describe("the current, the budget and the completion rate in other provinces' wordings", () => {
  const cases = [
    "“三公”经费支出决算为 45.20 万元，预算为 60.00 万元，完成预算的 75.33%。",
    "“三公”经费决算数 45.20 万元，年初预算数为 60.00 万元，完成年初预算的 75.33%。",
    "“三公”经费实际支出 45.20 万元，全年预算 60.00 万元，完成预算的 75.33%。",
    "“三公”经费支出决算为 45.20 万元，完成全年预算 60.00 万元的 75.33%。",
    "“三公”经费支出 45.20 万元，为年初预算数 60.00 万元的 75.33%。",
  ];
  for (const text of cases) {
    it(text, () => {
      both(text, (r, form) => {
        expect(flagged(r), form).toEqual([]);
        expect(r.coverage!.checked, form).toBe(r.coverage!.found);
      });
      both(text.replace("75.33%", "75.83%"), (r, form) => expect(flagged(r, "narrative.completion").map((f) => f.severity), form).toEqual(["error"]));
    });
  }

  it("a 0 budget: 0 of 0 printed as 0% or --% is the convention; a rate over 0 is a warning", () => {
    both("因公出国（境）费支出决算为 0 万元，完成全年预算 0 万元的 0%。", (r, form) => expect(flagged(r), form).toEqual([]));
    both("公务用车购置费支出决算为 0 万元，完成预算 0 万元的--%。", (r, form) => expect(flagged(r), form).toEqual([]));
    both("公务接待费支出决算为 3.00 万元，完成全年预算 0 万元的 100%。", (r, form) => expect(flagged(r, "narrative.completion").map((f) => f.severity), form).toEqual(["warning"]));
  });

  it("预决算差异率: signed, and cut instead of rounded is a warning", () => {
    both("“三公”经费财政拨款支出预算数 5,000.00 万元，决算数 4,863.70 万元，预决算差异率-2.73%。", (r, form) => expect(flagged(r), form).toEqual([]));
    both("“三公”经费财政拨款支出预算数 5,000.00 万元，决算数 4,863.70 万元，预决算差异率-2.72%。", (r, form) => expect(flagged(r, "narrative.completion").map((f) => f.severity), form).toEqual(["warning"]));
  });
});

describe("changes on the prior year and on the budget", () => {
  it("the current stated, the change and its rate: right, wrong rate, wrong direction", () => {
    const text = "公务接待费支出 33.00 万元，比上年减少 7.00 万元，下降 17.5%。";
    both(text, (r, form) => expect(flagged(r), form).toEqual([]));
    both(text.replace("17.5%", "21.2%"), (r, form) => expect(flagged(r, "narrative.yoy")[0]?.expected, form).toBe("17.50%"));
    both(text.replace("下降", "增长"), (r, form) => expect(flagged(r, "narrative.yoy")[0]?.message, form).toContain("方向"));
  });

  it("the base stated before the change: “较上年 A 万元减少 Δ 万元” is checked as A − current", () => {
    const text = "公务用车运行维护费为 120 万元，较上年 150 万元减少 30 万元，下降 20%，较预算数 100 万元增加 20 万元，增长 20%。";
    both(text, (r, form) => expect(flagged(r), form).toEqual([]));
    both(text.replace("减少 30", "减少 40"), (r, form) => expect(flagged(r, "narrative.yoy").length, form).toBe(1));
  });

  it("a change with no direction word is a warning", () => {
    both("公务接待费决算数为 60.00 万元，较 2022 年决算数 50.00 万元 10.00 万元，增长 20.00%。", (r, form) => expect(flagged(r).map((f) => f.rule), form).toEqual(["narrative.direction-missing"]));
  });

  it("a zero change worded 增加 is a warning; 持平 / 无增减 / 无变化 are checked both ways", () => {
    both("因公出国（境）费支出 0 万元，比上年决算数增加 0 万元，增长 0%。", (r, form) => expect(flagged(r, "narrative.yoy").map((f) => f.severity), form).toEqual(["warning"]));
    for (const word of ["持平", "无增减", "无变化"]) {
      both(`公务用车购置费为 20 万元，较上年 20 万元${word}。`, (r, form) => expect(flagged(r), `${word} ${form}`).toEqual([]));
      both(`公务用车购置费为 20 万元，较上年 25 万元${word}。`, (r, form) => expect(flagged(r, "narrative.yoy").map((f) => f.severity), `${word} ${form}`).toEqual(["error"]));
    }
  });

  it("a rate on a zero base is a warning; “--（基数为0）” is right", () => {
    both("公务接待费支出 5.00 万元，比上年增加 5.00 万元，增长 100%。", (r, form) => expect(flagged(r, "narrative.yoy").map((f) => f.severity), form).toEqual(["warning"]));
    both("公务接待费支出 5.00 万元，比上年增加 5.00 万元，增长--（基数为0，不可比）。", (r, form) => expect(flagged(r), form).toEqual([]));
  });

  it("a comparison named once holds for the change after it; the rate is on the base, not on a budget printed before", () => {
    const text = "公务用车购置及运行维护费支出决算为 27.46 万元，完成预算 29.60 万元的 92.8%，比上年决算数增加 6.32 万元，增长 29.9%。";
    both(text, (r, form) => expect(flagged(r), form).toEqual([]));
  });

  it("direction words of a change and its rate that disagree are an error", () => {
    both("商品和服务支出较上年减 0.04 万元，增 0.01%。", (r, form) => expect(flagged(r, "narrative.yoy").map((f) => f.severity), form).toEqual(["error"]));
  });
});

describe("shares, lists and identities", () => {
  it("shares whose base is the total named before “中，”", () => {
    const text = "“三公”经费财政拨款支出 80.00 万元。\n“三公”经费财政拨款支出决算中，公务接待费 20.00 万元，占 25%；公务用车购置及运行维护费 60.00 万元，占 75%。";
    both(text, (r, form) => expect(flagged(r), form).toEqual([]));
    both(text.replace("占 25%", "占 35%"), (r, form) => expect(flagged(r, "narrative.share").map((f) => lineOf(f)), form).toEqual([2]));
  });

  it("a share of a named base: “占收入合计的 x%”", () => {
    both("本年收入合计 400.00 万元，其中：财政拨款收入 300.00 万元，占收入合计的 75.00%。", (r, form) => expect(flagged(r), form).toEqual([]));
    both("本年收入合计 400.00 万元，其中：财政拨款收入 300.00 万元，占收入合计的 70.00%。", (r, form) => expect(flagged(r, "narrative.share").length, form).toBe(1));
  });

  it("paired lists: 收、支总计各为 A、B 万元，较上年各减少 C、D 万元，各下降 x%、y%", () => {
    const text = "收、支总计各为 500.00、480.00 万元，较上年各减少 100.00、120.00 万元，各下降 16.67%、20.00%。";
    both(text, (r, form) => expect(flagged(r).map((f) => f.rule), form).toEqual(["narrative.totals-equal"]));
    const equal = "收、支总计各为 500.00、500.00 万元，较上年各减少 100.00、100.00 万元，各下降 16.67%、16.67%。";
    both(equal, (r, form) => expect(flagged(r), form).toEqual([]));
    both(equal.replace("16.67%。", "20.00%。"), (r, form) => expect(flagged(r, "narrative.yoy").length, form).toBe(1));
  });

  it("收入总计 = 支出总计 and 财政拨款收入总计 = 财政拨款支出总计", () => {
    both("本年度收入总计 1,000.00 万元，支出总计 1,000.50 万元。", (r, form) => expect(flagged(r, "narrative.totals-equal").length, form).toBe(1));
    both("财政拨款收入总计 800.00 万元，财政拨款支出总计 800.00 万元。", (r, form) => expect(flagged(r), form).toEqual([]));
  });

  it("基本支出 = 人员经费 + 公用经费, across sentences", () => {
    const text = "基本支出 300.00 万元。人员经费 200.00 万元，主要包括工资福利支出。公用经费 100.00 万元。";
    both(text, (r, form) => expect(flagged(r), form).toEqual([]));
    both(text.replace("公用经费 100.00", "公用经费 110.00"), (r, form) => expect(flagged(r, "narrative.parts").map((f) => lineOf(f)), form).toEqual([1]));
  });

  it("the 三公 items add up to the 三公 total, 用车 = 购置 + 运行, in every measure", () => {
    const text = "“三公”经费预算为 90 万元，其中：因公出国（境）费 10 万元，公务接待费 30 万元，公务用车购置费 20 万元，公务用车运行维护费 30 万元。";
    both(text, (r, form) => expect(flagged(r), form).toEqual([]));
    both(text.replace("预算为 90", "预算为 95"), (r, form) => expect(flagged(r, "narrative.parts").length, form).toBe(1));
  });

  it("counts with parts: “公务用车 N 辆，其中：轿车 a 辆、…”", () => {
    const text = "年末公务用车保有量 12 辆，其中：轿车 5 辆、越野车 4 辆、执法执勤用车 3 辆。";
    both(text, (r, form) => expect(flagged(r), form).toEqual([]));
    both(text.replace("3 辆", "6 辆"), (r, form) => expect(flagged(r, "narrative.parts").map((f) => f.severity), form).toEqual(["error"]));
  });

  it("“全部为” makes a list of one that is the whole; a list naming each part of a known whole is complete", () => {
    both("公务用车购置及运行维护费 11.90 万元，全部为公务用车运行维护费 11.90 万元。", (r, form) => expect(flagged(r), form).toEqual([]));
    both("公务用车购置及运行维护费 15.90 万元，全部为公务用车运行维护费 11.90 万元。", (r, form) => expect(flagged(r, "narrative.parts").map((f) => f.severity), form).toEqual(["warning"]));
    both("“三公”经费预算总计 31.80 万元，其中：因公出国（境）费 0 万元，公务接待费 11.80 万元，公务用车运行费用 10.00 万元。", (r, form) => expect(flagged(r, "narrative.parts").length, form).toBe(1));
  });

  it("a 其中 list ends with its sentence: the next sentence's figures are not summed into it", () => {
    both("会议费 50.00 万元，其中：场租 20.00 万元、资料费 30.00 万元。培训费 15.00 万元，较上年减少 5.00 万元。", (r, form) => expect(flagged(r), form).toEqual([]));
  });

  it("amounts in 元 and 亿元 are converted exactly", () => {
    both("公务接待费支出 12,000.00 元，较上年减少 3,000.00 元，下降 20.00%。", (r, form) => expect(flagged(r), form).toEqual([]));
    both("基本支出 1.2 亿元，其中：人员经费 8,000.00 万元，公用经费 4,000.00 万元。", (r, form) => expect(flagged(r), form).toEqual([]));
    both("基本支出 1.2 亿元，其中：人员经费 8,000.00 万元，公用经费 5,000.00 万元。", (r, form) => expect(flagged(r, "narrative.parts").length, form).toBe(1));
  });

  it("an integer 万元 stands for ±0.5 and “47%” for ±0.5 pp: rounding is never an error", () => {
    both("公务用车运行维护费 803 万元，较上年 773 万元增加 30 万元，增长 4%。", (r, form) => expect(flagged(r), form).toEqual([]));
  });
});

describe("words that must not be published, and what must not be flagged", () => {
  it("residue of other templates", () => {
    for (const residue of ["决算数大小于预算数", "（或与预算数持平）", "增加（减少）0万元", "主要原因是XX"]) {
      both(`公务接待费${residue}。`, (r, form) => expect(flagged(r, "narrative.residue").length, `${residue} ${form}`).toBe(1));
    }
  });

  it("a year in a comparison slot is checked; a year named in a reason is not", () => {
    both("2023年度收入合计 300.00 万元，比2022年增加 30.00 万元，增长 11.11%，主要原因是2022年一次性拨付了专项资金。", (r, form) => expect(flagged(r), form).toEqual([]));
    both("2023年度收入合计 300.00 万元，比2023年增加 30.00 万元，增长 11.11%。", (r, form) => expect(flagged(r, "narrative.year").length, form).toBe(1));
    both("与2019年相比，2023年度公务接待费 30.00 万元。", (r, form) => expect(flagged(r), form).toEqual([]));
  });

  it("list numbering is never a figure nor part of a name", () => {
    const text = "2.教育支出（类）普通教育（款）小学教育（项）。\n3、公务接待费 6.00 万元，比上年减少 2.00 万元，下降 25.00%。";
    both(text, (r, form) => {
      expect(flagged(r), form).toEqual([]);
      expect(r.coverage!.found, form).toBe(3);
      expect(r.coverage!.checked, form).toBe(3);
    });
  });

  it("changes of parts add up to the change of their whole, in a budget statement too", () => {
    const text = "一、部门预算收支增减情况\n基本支出预算较上年增 12.00 万元。\n工资福利支出较上年增 10.00 万元；商品和服务支出较上年增 1.50 万元；对个人和家庭的补助较上年增 0.50 万元。";
    both(text, (r, form) => expect(flagged(r), form).toEqual([]), 2018);
    both(text.replace("增 1.50", "增 3.50"), (r, form) => expect(flagged(r, "narrative.parts").map((f) => lineOf(f)), form).toEqual([2]), 2018);
  });

  it("another town's government named in a town's report, drafting slips and a drafting tool's words are warnings", () => {
    const text = "示范镇人民政府2023年度部门决算情况说明\n示范镇人民政府下设党政办。单位构成：行政单位1个：样板镇人民政府（本级）。";
    expect(flagged(check(text), "narrative.unit-name").map((f) => f.actual)).toEqual(["样板镇"]);
    expect(flagged(check("2023“三公”经费决支出情况说明")).map((f) => f.rule)).toEqual(["narrative.typo", "narrative.typo"]);
    expect(flagged(check("根据提供的数据，2023年度公务接待费有所下降。")).map((f) => f.rule)).toEqual(["narrative.draft-leftover"]);
    expect(flagged(check("主要是解决情况复杂的问题。"))).toEqual([]);
  });

  it("a heading's year must be the report's", () => {
    both("示范县2022年度“三公”经费决算情况说明\n公务接待费 6.00 万元。", (r, form) => expect(flagged(r, "narrative.year").length, form).toBe(1));
  });

  it("every figure is checked or listed as not checked, with its line; coverage is over amounts and rates", () => {
    const r = check("辖 14 个村。\n会议费 50.00 万元。");
    expect(r.coverage).toMatchObject({ found: 1, checked: 0 });
    expect(r.notChecked.filter((n) => n.rule === "narrative.unchecked").map((n) => n.why)).toEqual([expect.stringMatching(/^第 1 行/), expect.stringMatching(/^第 2 行/)]);
  });
});

describe("hostile text", () => {
  for (const [name, make] of HOSTILE_TEXTS) {
    // no time is asserted (the bench prints the 1 MB / 10 KB ratio); the limit only stops a runaway
    it(`1 MB of “${name}” is read to the end`, { timeout: 120_000 }, () => {
      const out = new Findings();
      const { coverage } = checkNarrative(make(1_000_000), out, { year: 2023 });
      expect(coverage.figures).toBeGreaterThanOrEqual(0);
      expect(out.notChecked.length).toBeLessThanOrEqual(400);
    });
  }
});
