import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { makeLedger, seeded } from "../fixtures/disclosure-model.ts";
import { renderDisclosure } from "../fixtures/disclosure-sheets.ts";
import { bump } from "../fixtures/mutate.ts";
import { narrativeOf } from "../fixtures/narrative-text.ts";
import { ARTIFACTS, launch } from "./browser.ts";
import { installMockExcel } from "./mock-excel.ts";

const origin = inject("origin");
let browser: Browser;
let context: BrowserContext;
let page: Page;
const cspViolations: string[] = [];
const pageErrors: string[] = [];

type Mock = {
  load(sheets: { name: string; cells: unknown[][] }[]): void;
  cell(sheet: string, a1: string): { v: unknown; f?: string; fill?: string | null; fmt?: string } | null;
  setFill(sheet: string, a1: string, fill: string): void;
  edit(sheet: string, a1: string, value: unknown): Promise<void>;
  names(): string[];
  persist(): void;
  book: { active: string; selection: { sheet: string; cell: string } | null; settings: Map<string, string>; syncs: number };
};
const mock = <T>(fn: (m: Mock, arg: any) => T, arg?: unknown) =>
  page.evaluate(([src, a]) => new Function("m", "a", `return (${src})(m, a)`)((window as unknown as { __excel: Mock }).__excel, a), [fn.toString(), arg] as const) as Promise<Awaited<T>>;

const status = () => page.locator("#status").textContent();
async function waitStatus(re: RegExp): Promise<string> {
  await page.waitForFunction((src) => new RegExp(src).test(document.getElementById("status")?.textContent ?? ""), re.source, { timeout: 20_000 });
  return (await status())!;
}
const shot = (name: string) => page.screenshot({ path: join(ARTIFACTS, `pane-${name}.png`), fullPage: true });
const syncs = () => mock((m) => m.book.syncs);

beforeAll(async () => {
  browser = await launch();
  context = await browser.newContext({ viewport: { width: 350, height: 900 } });
  await context.addInitScript(installMockExcel);
  page = await context.newPage();
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to/.test(m.text())) cspViolations.push(m.text());
  });
  page.on("pageerror", (e) => pageErrors.push(e.message));
});

afterAll(async () => {
  await browser?.close();
});

const book = renderDisclosure(makeLedger(seeded(71), { exact: true }), "export");
const plain = (sheets: typeof book.sheets) => sheets.map(({ name, cells }) => ({ name, cells }));

describe("task pane with a mocked Excel", () => {
  it("creates the standard sheets, never replacing a sheet of the same name", async () => {
    await page.goto(`${origin}/taskpane.html`);
    await mock((m) => m.load([{ name: "公开05表", cells: [["我自己的数据"]] }]));
    await page.fill("#unit", "测试市测试局");
    const before = await syncs();
    await page.click("#create");
    const done = await waitStatus(/新建 \d+ 张工作表/);
    expect(done).toContain("已有同名工作表未改动：公开05表");
    expect(await mock((m) => m.cell("公开05表", "A1"))).toMatchObject({ v: "我自己的数据" });
    const names = await mock((m) => m.names());
    expect(names).toEqual(expect.arrayContaining(["公开01表", "公开09表", "补充资料"]));
    expect(await mock((m) => m.cell("公开02表", "A1"))).toMatchObject({ v: "2021年度收入决算表" });
    expect((await mock((m) => m.cell("补充资料", "B29")))?.f).toMatch(/^=JS\.PCT\(/);
    // creation and binding together: a handful of syncs, not one per cell
    expect((await syncs()) - before).toBeLessThanOrEqual(8);
    await shot("created");
  });

  it("binds an odd layout, lets the clerk correct a pick, and keeps the binding in the workbook", async () => {
    const odd = plain(book.sheets).map((s) => (s.name === "公开07表" ? { name: "Sheet7", cells: s.cells.slice(1) } : s));
    await page.goto(`${origin}/taskpane.html`);
    await mock((m, s) => m.load(s), odd);
    await page.click("#bind");
    expect(await waitStatus(/找到 \d+ 张表/)).toMatch(/找到 8 张表，缺 1 张/);
    const select = page.locator('select[data-table="T07"]');
    expect(await select.inputValue()).toBe("");
    await select.selectOption("Sheet7");
    await waitStatus(/财政拨款“三公”经费支出决算表（T07）：Sheet7/);
    const saved = JSON.parse((await mock((m) => m.book.settings.get("juesuan.binding")))!) as { tables: Record<string, string> };
    expect(saved.tables.T07).toBe("Sheet7");
    await shot("bound");
  });

  it("reopening the workbook needs nothing: the binding is read back from it", async () => {
    await mock((m) => m.persist());
    await page.reload();
    await page.waitForSelector('select[data-table="T07"]');
    expect(await page.locator('select[data-table="T07"]').inputValue()).toBe("Sheet7");
    expect(await page.locator('select[data-table="T01"]').inputValue()).toBe("公开01表");
  });

  it("checks, groups findings with counts, and a click selects the cell on its sheet", async () => {
    const target = book.where["T05.合计.基本支出"]!;
    await page.goto(`${origin}/taskpane.html`);
    await mock((m, s) => m.load(s), plain(bump(book.sheets, target, "0.50")));
    await page.click("#bind");
    await waitStatus(/找到 9 张表/);
    const before = await syncs();
    await page.click("#check");
    expect(await waitStatus(/核对完成：错误 (\d+) 条/)).not.toContain("错误 0 条");
    expect((await syncs()) - before).toBeLessThanOrEqual(3);
    expect(await page.locator(".counts").textContent()).toMatch(/^错误 \d+ · 警告 \d+ · 提示 \d+ · 未核对 \d+$/);
    expect(await page.locator("h3").first().textContent()).toMatch(/（\d+）$/);
    const finding = page.locator(".finding.error .go", { hasText: `${target.sheet}!${target.cell}` }).first();
    await finding.click();
    await page.waitForFunction(([s, c]) => {
      const sel = (window as unknown as { __excel: Mock }).__excel.book.selection;
      return sel?.sheet === s && sel.cell === c;
    }, [target.sheet, target.cell] as const);
    expect(await mock((m) => m.book.active)).toBe(target.sheet);
    await shot("checked");
  });

  it("highlights error cells and restores exactly the formatting it changed", async () => {
    const target = book.where["T05.合计.基本支出"]!;
    await mock((m, t) => m.setFill(t.sheet, t.cell, "#FFFF00"), target);
    await page.click("#highlight");
    await waitStatus(/已标记 \d+ 个有错误的单元格/);
    expect((await mock((m, t) => m.cell(t.sheet, t.cell), target))?.fill).toBe("#FDE7E9");
    await shot("highlighted");
    await page.click("#highlight");
    await waitStatus(/已恢复 \d+ 个单元格的原格式/);
    expect((await mock((m, t) => m.cell(t.sheet, t.cell), target))?.fill).toBe("#FFFF00");
    const others = await mock((m) => [...m.book.settings.entries()].find(([k]) => k === "juesuan.highlight")?.[1]);
    expect(JSON.parse(others!)).toEqual([]);
  });

  it("silences a finding with a reason kept in the workbook", async () => {
    const before = await page.locator(".finding").count();
    await page.locator(".finding button.link").first().click();
    await page.fill('.silence input[aria-label="忽略原因"]', "经财政局确认");
    await page.locator(".silence button").click();
    await waitStatus(/已忽略/);
    expect(await page.locator(".finding").count()).toBe(before - 1);
    const saved = JSON.parse((await mock((m) => m.book.settings.get("juesuan.silenced")))!) as Record<string, string>;
    expect(Object.values(saved)).toEqual(["经财政局确认"]);
  });

  it("re-checks by itself when a bound cell changes", async () => {
    const target = book.where["T05.合计.基本支出"]!;
    const original = book.sheets.find((s) => s.name === target.sheet)!.cells;
    const row = Number(target.cell.replace(/\D/g, "")) - 1;
    const col = target.cell.replace(/\d/g, "").charCodeAt(0) - 65;
    await mock((m, a) => m.edit(a.sheet, a.cell, a.value), { sheet: target.sheet, cell: target.cell, value: original[row]![col] });
    expect(await waitStatus(/核对完成/)).toBeTruthy();
    await page.waitForFunction(() => !document.querySelector(".finding.error"));
  });

  it("writes the narrative into a new sheet and a results sheet with links, beside a clerk's own 审核结果", async () => {
    // a clerk's slip, caught by the automatic re-check, so the results sheet has something to link to
    const target = book.where["T07.决算.合计"]!;
    await mock((m, t) => m.edit(t.sheet, t.cell, 999), target);
    await waitStatus(/核对完成：错误 [1-9]/);
    await page.evaluate(() => {
      const w = window as unknown as { __excel: Mock & { book: { sheets: { name: string; cells: Map<string, unknown>; handlers: [] }[] } } };
      w.__excel.book.sheets.push({ name: "审核结果", cells: new Map([["0,0", { v: "上次的记录" }]]), handlers: [] });
    });
    await page.click("#write");
    expect(await waitStatus(/情况说明已写入工作表“情况说明（生成）”/)).toMatch(/\d+ 处【待填写】/);
    expect(String((await mock((m) => m.cell("情况说明（生成）", "A1")))?.v)).toContain("年度部门决算情况说明");
    await page.click("#results");
    expect(await waitStatus(/审核结果已写入工作表“审核结果 2”/)).toBeTruthy();
    expect(await mock((m) => m.cell("审核结果", "A1"))).toMatchObject({ v: "上次的记录" });
    const links = await mock((m) => Array.from({ length: 60 }, (_, i) => m.cell("审核结果 2", `D${i + 2}`)?.f ?? ""));
    expect(links.some((f) => /^=HYPERLINK\("#'[^']+'![A-Z]+\d+","/.test(f))).toBe(true);
    await shot("written");
  });

  it("writes a clerk's reason that looks like a formula into 审核结果 as text; only its own links are formulas", async () => {
    await page.locator(".finding button.link").first().click();
    await page.fill('.silence input[aria-label="忽略原因"]', "-1+2");
    await page.locator(".silence button").click();
    await waitStatus(/已忽略/);
    await page.click("#results");
    expect(await waitStatus(/审核结果已写入工作表“审核结果 3”/)).toBeTruthy();
    const reasons = await mock((m) => Array.from({ length: 80 }, (_, i) => m.cell("审核结果 3", `G${i + 2}`)).filter((c) => c && (c.v || c.f)));
    expect(reasons).toEqual([expect.objectContaining({ v: "-1+2", fmt: "@" })]);
    expect(reasons[0]!.f).toBeUndefined();
    const links = await mock((m) => Array.from({ length: 80 }, (_, i) => m.cell("审核结果 3", `D${i + 2}`)?.f ?? ""));
    expect(links.some((f) => f.startsWith("=HYPERLINK("))).toBe(true);
  });

  it("reads a .docx narrative the clerk picks and checks it with the tables", async () => {
    const { Document, Packer, Paragraph } = await import("docx");
    const lines = narrativeOf(book.sheets).replace(/(增加|减少) ([\d.]+) 万元，(增长|下降)/, (_m, more: string, d: string) => `${more} ${d} 万元，${more === "增加" ? "下降" : "增长"}`).split("\n");
    const docx = await Packer.toBuffer(new Document({ sections: [{ children: lines.map((text) => new Paragraph({ text })) }] }));
    await page.goto(`${origin}/taskpane.html`);
    await mock((m, s) => m.load(s), plain(book.sheets));
    await page.click("#bind");
    await waitStatus(/找到 9 张表/);
    await page.setInputFiles("#text-file", { name: "情况说明.docx", mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", buffer: docx });
    expect(await waitStatus(/已读入 情况说明\.docx（\d+ 段）/)).toBeTruthy();
    await page.click("#check");
    await waitStatus(/核对完成/);
    expect(await page.locator("h3", { hasText: "情况说明" }).count()).toBe(1);
    expect(await page.locator(".finding.error", { hasText: "增减方向不一致" }).count()).toBe(1);
  });

  it("keeps working offline: built-in and cached templates, local checking", async () => {
    await page.route("**/v1/**", (r) => r.abort("connectionrefused"));
    await page.route("**/health", (r) => r.abort("connectionrefused"));
    await page.goto(`${origin}/taskpane.html`);
    await mock((m, s) => m.load(s), plain(book.sheets));
    await page.waitForSelector("#offline");
    expect(await page.locator("#template option").count()).toBeGreaterThanOrEqual(2);
    await page.click("#bind");
    await waitStatus(/找到 9 张表/);
    await page.click("#check");
    expect(await waitStatus(/核对完成：错误 0 条/)).toBeTruthy();
    await shot("offline");
    await page.unroute("**/v1/**");
    await page.unroute("**/health");
  });

  it("writes a template label that looks like a formula into 补充资料 as text", async () => {
    // a template published before publishing refused such labels, as the API still serves it
    const label = '=HYPERLINK("http://x","y")';
    const legacy = { id: "legacy-2021", name: "旧模板", region: "旧地区", year: 2021, tables: [{ id: "T01", title: "收入支出决算总表", required: true }], supplementary: { fields: [{ key: "link", label }] } };
    await page.route("**/v1/templates", (r) => r.fulfill({ json: { templates: [{ id: legacy.id, name: legacy.name, region: legacy.region, year: 2021 }] } }));
    await page.route("**/v1/templates/legacy-2021", (r) => r.fulfill({ json: { template: legacy } }));
    try {
      await page.goto(`${origin}/taskpane.html`);
      await mock((m) => m.load([]));
      await page.waitForSelector('#template option[value="legacy-2021"]', { state: "attached" });
      await page.selectOption("#template", "legacy-2021");
      await page.click("#create");
      await waitStatus(/新建 \d+ 张工作表/);
      const cells = await mock((m, l) => Array.from({ length: 60 }, (_, i) => [m.cell("补充资料", `A${i + 1}`), m.cell("补充资料", `B${i + 1}`)]).flat().filter((c) => c?.v === l || c?.f === l), label);
      expect(cells).toEqual([expect.objectContaining({ v: label, fmt: "@" })]);
      expect(cells[0]!.f).toBeUndefined();
    } finally {
      await page.unroute("**/v1/templates");
      await page.unroute("**/v1/templates/legacy-2021");
    }
  });

  it("renders text only, obeys its Content-Security-Policy, fits 350 px and is keyboard reachable", async () => {
    // Office.js frames its telemetry page some seconds after load: give it the time to, so a CSP it needs shows
    await page.waitForTimeout(3000);
    expect(cspViolations).toEqual([]);
    expect(pageErrors.join(" | ")).toBe("");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
    expect(overflow).toBe(false);
    const unlabeled = await page.evaluate(() =>
      [...document.querySelectorAll("input, select, textarea")].filter((el) => !el.getAttribute("aria-label") && !document.querySelector(`label[for="${el.id}"]`)).length,
    );
    expect(unlabeled).toBe(0);
    await page.focus("#template");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("create");
  });
});
