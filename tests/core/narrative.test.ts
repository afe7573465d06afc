import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadBuiltinEditions, loadBuiltinTemplates } from "../../cli/builtin-data.ts";
import { checkDisclosure } from "../../core/check-disclosure.ts";
import { CodesRegistry } from "../../core/codes/codes-registry.ts";
import type { Finding, Report } from "../../core/rules/finding.ts";
import { makeLedger, seeded } from "../fixtures/disclosure-model.ts";
import { renderDisclosure } from "../fixtures/disclosure-sheets.ts";
import { SUPPLEMENTARY, asPdfText, narrativeOf } from "../fixtures/narrative-text.ts";
import { writeNarrative } from "../../core/narrative/generate.ts";

const codes = new CodesRegistry(loadBuiltinEditions());
const { sheets } = renderDisclosure(makeLedger(seeded(41)), "export");
const clean = narrativeOf(sheets);

const check = (text: string, withTables = true, year: number | null = null): Report =>
  checkDisclosure({ sheets: withTables ? sheets : null, text, codes, year }).report;
const narrativeErrors = (r: Report) => r.findings.filter((f) => f.severity === "error" && f.rule.startsWith("narrative."));
const lineOf = (f: Finding) => ("line" in f.where ? f.where.line : 0);

/** Replaces the first occurrence, failing loudly when the fixture no longer has the words. */
function mutate(text: string, from: string | RegExp, to: string | ((match: string, ...groups: string[]) => string)): string {
  const next = typeof to === "string" ? text.replace(from, to) : text.replace(from, to as (m: string, ...g: string[]) => string);
  if (next === text) throw new Error(`fixture has no ${String(from)}`);
  return next;
}

describe("a written narrative", () => {
  it("checks clean against its own tables: no error, every figure tied", () => {
    const r = check(clean);
    expect(narrativeErrors(r)).toEqual([]);
    expect(r.summary.error).toBe(0);
    expect(r.coverage!.claims).toBeGreaterThan(20);
    expect(r.coverage!.tied).toBe(r.coverage!.claims);
  });

  it("leaves reasons as marked blanks (warnings), never invented", () => {
    const r = check(clean);
    const blanks = r.findings.filter((f) => f.rule === "narrative.unfilled");
    expect(blanks.length).toBeGreaterThan(3);
    expect(blanks.every((f) => f.severity === "warning")).toBe(true);
  });

  it("the same words in PDF-extraction form give the same result", () => {
    const pdf = asPdfText(clean);
    expect(pdf).toContain(" .");
    expect(pdf).toMatch(/[０-９]/);
    const r = check(pdf);
    expect(narrativeErrors(r)).toEqual([]);
    expect(r.coverage).toEqual(check(clean).coverage);
  });

  it("writes in each template's wording, and each checks clean", () => {
    const texts = loadBuiltinTemplates().map((template) => {
      const text = writeNarrative({ disclosure: checkDisclosure({ sheets, codes }).disclosure!, supplementary: SUPPLEMENTARY, template }).join("\n");
      const r = checkDisclosure({ sheets, text, codes, template }).report;
      expect(r.summary.error, template.id).toBe(0);
      expect(r.findings.some((f) => f.rule === "narrative.sections"), template.id).toBe(false);
      return [template.id, text.split("\n")[2]!] as const;
    });
    const byId = Object.fromEntries(texts);
    expect(byId["central-2021"]).toMatch(/^2021年度收入总计[\d.]+万元，支出总计[\d.]+万元。与2020年度相比，收入、支出总计各/);
    expect(byId["shanghai-2024"]).toMatch(/收入支出总计[\d.]+万元。与2020年度相比，收入支出总计/);
  });

  it("a mutation in PDF-extraction form is found, at the line of the extracted text", () => {
    const flipped = clean.replace(/(增加|减少) ?([\d.]+) ?万元，(增长|下降)/, (_m, more: string, d: string) => `${more}${d}万元，${more === "增加" ? "下降" : "增长"}`);
    const pdf = asPdfText(flipped);
    const f = narrativeErrors(check(pdf, false)).find((x) => x.rule === "narrative.yoy")!;
    const line = pdf.split("\n")[lineOf(f) - 1]!;
    expect(f.message).toContain("方向");
    expect(line.length).toBeGreaterThan(0);
    expect(pdf.split("\n").slice(lineOf(f) - 2, lineOf(f) + 1).join("")).toMatch(/增长|下降|增加|减少/);
  });

  it("names a missing supplementary figure by its Chinese label, never its internal key", () => {
    const text = writeNarrative({ disclosure: checkDisclosure({ sheets, codes }).disclosure!, supplementary: new Map(), template: null }).join("\n");
    expect(text).not.toMatch(/prior\.|budget\.|[a-z]{3,}/);
    expect(text).toContain("【待填写：与上年比较（请在补充资料中填写“上年收入支出总计”）】");
    expect(checkDisclosure({ sheets, text, codes }).report.summary.error).toBe(0);
  });

  it("tables in 元, or some in 元: the text is written in 万元 and tied to them exactly across units", () => {
    for (const unit of ["元", { T05: "元", T07: "元" }] as const) {
      const book = renderDisclosure(makeLedger(seeded(43)), "export", { unit }).sheets;
      const text = narrativeOf(book);
      const r = checkDisclosure({ sheets: book, text, codes }).report;
      expect(narrativeErrors(r), JSON.stringify(unit)).toEqual([]);
      expect(r.coverage!.tied, JSON.stringify(unit)).toBe(r.coverage!.claims);
      const m = /本年收入合计(\d+)\.(\d)(\d)万元/.exec(text)!;
      const changed = text.replace(m[0], `本年收入合计${m[1]}.${m[2]}${(Number(m[3]) + 2) % 10}万元`);
      const f = narrativeErrors(checkDisclosure({ sheets: book, text: changed, codes }).report).find((x) => x.rule === "narrative.table-figure");
      if (unit === "元") expect(f?.message).toMatch(/元（合 [\d.]+ 万元）/);
    }
  });

  it("property: for random consistent disclosures, write → check yields no error", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.constantFrom("export" as const, "hand" as const), (seed, layout) => {
        const book = renderDisclosure(makeLedger(seeded(seed)), layout).sheets;
        const r = checkDisclosure({ sheets: book, text: narrativeOf(book), codes }).report;
        return r.summary.error === 0 && r.coverage!.tied === r.coverage!.claims;
      }),
      { numRuns: 40 },
    );
  });
});

describe("mutations of the narrative", () => {
  it("a digit changed in a figure: an error at that line naming the cell", () => {
    const m = /本年收入合计(\d+)\.(\d)(\d)万元/.exec(clean)!;
    const text = mutate(clean, m[0], `本年收入合计${m[1]}.${m[2]}${(Number(m[3]) + 1) % 10}万元`);
    const f = narrativeErrors(check(text)).find((x) => x.rule === "narrative.table-figure")!;
    expect(f.message).toContain("本年收入合计");
    expect(lineOf(f)).toBe(clean.split("\n").findIndex((l) => l.includes("本年收入合计")) + 1);
    expect(f.related[0]).toMatchObject({ sheet: "公开02表" });
  });

  it("a direction word flipped is an error", () => {
    const text = mutate(clean, /(增加|减少) ?([\d.]+) ?万元，(增长|下降)/, (_m, more: string, d: string) => `${more}${d}万元，${more === "增加" ? "下降" : "增长"}`);
    expect(narrativeErrors(check(text, false)).some((f) => f.rule === "narrative.yoy" && f.message.includes("方向"))).toBe(true);
  });

  it("a rate re-derived: 0.02 off is an error with the expected value", () => {
    const m = /(增长|下降) ?(\d+)\.(\d{2})%/.exec(clean)!;
    const cents = Number(m[2]) * 100 + Number(m[3]) + 2;
    const off = `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, "0")}`;
    const text = mutate(clean, m[0], `${m[1]} ${off}%`);
    const f = narrativeErrors(check(text, false)).find((x) => x.rule === "narrative.yoy")!;
    expect(f).toMatchObject({ expected: `${m[2]}.${m[3]}%`, actual: `${off}%` });
  });

  it("a share off by 0.01 and by 0.02 is found", () => {
    const m = /占(\d+)\.(\d{2})%/.exec(clean)!;
    for (const d of [1, 2]) {
      const changed = `${m[1]}.${String((Number(m[2]) + d) % 100).padStart(2, "0")}`;
      const r = check(mutate(clean, m[0], `占${changed}%`), false);
      const f = r.findings.find((x) => x.rule === "narrative.share" && x.actual === `${changed}%`);
      expect(f, `+0.0${d}`).toBeDefined();
      expect(f!.severity).not.toBe("info");
    }
  });

  it("a 0/0 completion rate written as 100% is a warning", () => {
    const text = `${clean}\n某项目年初预算为0.00万元，支出决算为0.00万元，完成年初预算的100%。决算数等于预算数。`;
    expect(check(text, false).findings.some((f) => f.rule === "narrative.completion" && f.severity === "warning" && f.message.includes("年初预算为 0"))).toBe(true);
  });

  it("the wrong comparison word and a missing reason", () => {
    const text = mutate(clean, /决算数(大于|小于)预算数的主要原因是：【待填写：主要原因】/, (m) => (m.includes("小于") ? "决算数大于预算数的主要原因是：" : "决算数小于预算数的主要原因是："));
    const r = check(text, false);
    expect(narrativeErrors(r).some((f) => f.rule === "narrative.compare")).toBe(true);
    expect(r.findings.some((f) => f.rule === "narrative.reason")).toBe(true);
  });

  it("a stale 款 name is a warning naming the current one", () => {
    const text = `${clean}\n社会保障和就业支出（类）行政事业单位离退休（款）事业单位离退休（项）。`;
    const f = check(text, false, 2021).findings.find((x) => x.rule === "narrative.path" && x.severity === "warning")!;
    expect(f.message).toContain("行政事业单位养老支出");
  });

  it("a 项 under the wrong 款 is an error naming the right code", () => {
    const text = `${clean}\n公共安全支出（类）公安（款）高等教育（项）。`;
    const f = narrativeErrors(check(text, false, 2021)).find((x) => x.rule === "narrative.path")!;
    expect(f.message).toContain("2050205");
  });

  it("a year off by one in a caption is an error; the prior year in a comparison is fine", () => {
    const text = mutate(clean, /2021年度部门决算情况说明/, "2022年度部门决算情况说明");
    const r = check(text, false, 2021);
    expect(narrativeErrors(r).find((f) => f.rule === "narrative.year")).toMatchObject({ expected: "2021", actual: "2022" });
    expect(check(clean, false, 2021).findings.some((f) => f.rule === "narrative.year")).toBe(false);
  });

  it("template residue is an error", () => {
    const text = mutate(clean, /主要原因：【待填写：增减原因】/, "主要原因：XXXXXXXX（如持平作持平表述）");
    const hits = narrativeErrors(check(text, false)).filter((f) => f.rule === "narrative.residue");
    expect(hits.map((f) => ("excerpt" in f.where ? f.where.excerpt : ""))).toEqual(["XXXXXXXX", "（如持平作持平表述）"]);
  });

  it("增加 0 万元，增长 100% is an error; a share without % a warning", () => {
    const r = check(`${clean}\n机关运行经费支出12.00万元，与上年相比增加0.00万元，增长100%。`, false);
    expect(narrativeErrors(r).some((f) => f.rule === "narrative.yoy" && f.message.includes("持平"))).toBe(true);
    const r2 = check(mutate(clean, /占(\d+\.\d{2})%/, "占$1"), false);
    expect(r2.findings.some((f) => f.rule === "narrative.percent-sign")).toBe(true);
  });

  it("the same indicator with two values is an error; an untied figure is counted, not an error", () => {
    const total = /本年收入合计(\d+\.\d{2})万元/.exec(clean)![1]!;
    const r = check(`${clean}\n本年收入合计${(Number(total) + 1).toFixed(2)}万元。\n其他事项支出3.00万元。`);
    expect(narrativeErrors(r).some((f) => f.rule === "narrative.one-value")).toBe(true);
    expect(r.notChecked.some((n) => n.rule === "narrative.untied" && n.why.includes("其他事项支出3.00万元"))).toBe(true);
    expect(r.coverage!.tied).toBeLessThan(r.coverage!.claims);
  });

  it("an unexplained T05 项 is a warning at its cell", () => {
    const text = clean.replace(/\n\d\.教育支出（类）普通教育（款）高等教育（项）[^\n]*/, "");
    expect(check(text).findings.some((f) => f.rule === "narrative.unexplained-item" && f.message.includes("高等教育"))).toBe(true);
  });

  it("parts named after a whole: more than the whole is an error, 人员 + 公用 = 基本 passes", () => {
    expect(check(clean).findings.some((f) => f.rule === "narrative.parts")).toBe(false);
    const m = /其中：人员经费(\d+\.\d{2})万元/.exec(clean)!;
    const text = mutate(clean, m[0], `其中：人员经费${(Number(m[1]) + 5).toFixed(2)}万元`);
    expect(narrativeErrors(check(text, false)).find((f) => f.rule === "narrative.parts")?.message).toContain("超过了总数");
    const purchase = `${clean}\n政府采购金额100.00万元，其中：货物采购金额30.00万元、工程采购金额50.00万元、服务采购金额30.00万元。`;
    expect(narrativeErrors(check(purchase, false)).some((f) => f.rule === "narrative.parts")).toBe(true);
  });

  it("机关运行经费 that differs from T06 公用经费 is a warning", () => {
    const text = `${clean}\n十、其他重要事项的情况说明\n机关运行经费支出1.00万元。`;
    expect(check(text).findings.find((f) => f.rule === "narrative.admin-running")).toMatchObject({ severity: "warning", related: [{ sheet: "公开06表" }] });
  });

  it("with a template, missing sections are warnings", () => {
    const template = loadBuiltinTemplates().find((t) => t.id === "central-2021")!;
    const text = clean.replace(/六、一般公共预算财政拨款基本支出决算情况/, "六、（略）");
    const r = checkDisclosure({ sheets, text, codes, template }).report;
    expect(r.findings.some((f) => f.rule === "narrative.sections" && f.message.includes("基本支出"))).toBe(true);
  });
});
