import ExcelJS from "exceljs";
import mammoth from "mammoth";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, BrowserContext, Download, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type Finding, type Report, placeText } from "../../core/rules/finding.ts";
import { scoreLines } from "../../core/score/score.ts";
import { runCli } from "../cli/run-cli.ts";
import { makeLedger, seeded } from "../fixtures/disclosure-model.ts";
import { renderDisclosure } from "../fixtures/disclosure-sheets.ts";
import { bump, setCell } from "../fixtures/mutate.ts";
import { narrativeOf } from "../fixtures/narrative-text.ts";
import { renderPdf } from "../fixtures/render-pdf.ts";
import { writeXlsx } from "../fixtures/write-xlsx.ts";
import { ARTIFACTS, launch } from "./browser.ts";

const origin = inject("origin");
const HOSTILE = ['=HYPERLINK("http://evil.example/x","点我")', "+cmd|' /C calc'!A0"];

let browser: Browser;
let context: BrowserContext;
let page: Page;
let dir: string;
let book: string;
let text: string;
let cli: Report;
const problems: string[] = [];

const book0 = renderDisclosure(makeLedger(seeded(41), { exact: true }), "export");
const planted = [book0.where["T05.合计.基本支出"]!, book0.where["T06.合计"] ?? book0.where["T05.合计.项目支出"]!];

async function loadXlsx(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

async function download(id: string): Promise<string> {
  const [d] = (await Promise.all([page.waitForEvent("download"), page.click(`#${id}`)])) as [Download, unknown];
  const path = join(dir, d.suggestedFilename());
  await d.saveAs(path);
  return path;
}

const errorPlaces = (findings: Finding[]) => findings.filter((f) => f.severity === "error").map((f) => placeText(f.where)).sort();

/** An HTTP relay to the Worker on its own port (its own origin), closed to take that origin offline. */
async function startRelay(target: string): Promise<{ origin: string; close(): Promise<void> }> {
  const sockets = new Set<import("node:net").Socket>();
  const server = createServer(async (req, res) => {
    const body = req.method === "GET" || req.method === "HEAD" ? undefined : await new Response(req as unknown as ReadableStream).arrayBuffer();
    const upstream = await fetch(`${target}${req.url}`, { method: req.method, headers: req.headers as Record<string, string>, body });
    res.writeHead(upstream.status, Object.fromEntries([...upstream.headers].filter(([k]) => k !== "content-encoding" && k !== "content-length")));
    res.end(Buffer.from(await upstream.arrayBuffer()));
  });
  server.on("connection", (s) => (sockets.add(s), s.on("close", () => sockets.delete(s))));
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as { port: number };
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((r) => (sockets.forEach((s) => s.destroy()), server.close(() => r()))),
  };
}

async function pick(...paths: string[]): Promise<void> {
  await page.setInputFiles("#files", paths);
  await page.waitForFunction(() => /核对完成|失败/.test(document.getElementById("status")?.textContent ?? ""), null, { timeout: 30_000 });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "juesuan-web-"));
  let sheets = book0.sheets;
  for (const ref of planted) sheets = bump(sheets, ref, "0.37");
  sheets = setCell(sheets, { sheet: "公开01表", cell: "A60" }, HOSTILE[0]!);
  sheets = setCell(sheets, { sheet: "公开01表", cell: "B60" }, HOSTILE[1]!);
  book = join(dir, "示范局决算.xlsx");
  await writeXlsx(book, sheets);
  // the narrative from the clean tables, so where the tables were changed it no longer agrees
  text = join(dir, "情况说明.txt");
  writeFileSync(text, narrativeOf(book0.sheets));
  const r = await runCli("check", book, "--text", text, "--format", "json");
  cli = JSON.parse(r.out) as Report;
  browser = await launch();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  page = await context.newPage();
  page.on("console", (m) => /Content Security Policy|Refused to/.test(m.text()) && problems.push(m.text()));
  page.on("pageerror", (e) => problems.push(e.message));
  page.on("request", (req) => !req.url().startsWith("http://127.0.0.1:") && !/^(blob|data):/.test(req.url()) && problems.push(`request to ${req.url()}`));
});

afterAll(async () => {
  await browser?.close();
});

describe("the web checker at /", () => {
  it("is served at / in Chinese with a strict Content-Security-Policy", async () => {
    const res = await page.goto(`${origin}/`);
    expect(res!.status()).toBe(200);
    const csp = res!.headers()["content-security-policy"]!;
    expect(csp).toContain("script-src 'self';");
    expect(csp).not.toMatch(/unsafe|https?:/);
    await page.waitForSelector("body[data-ready]");
    expect(await page.locator("html").getAttribute("lang")).toBe("zh-CN");
    expect(await page.locator(".privacy").textContent()).toContain("文件不会离开您的电脑");
    expect(await page.locator("#template option").count()).toBeGreaterThanOrEqual(3);
    // every control has a name a screen reader can read
    for (const id of ["files", "template", "year"]) expect(await page.locator(`label[for="${id}"]`).count()).toBe(1);
  });

  it("shows every error the command line reports for the same files, at the same cells", async () => {
    expect(cli.summary.error).toBeGreaterThanOrEqual(3);
    expect(errorPlaces(cli.findings)).toEqual(expect.arrayContaining(planted.map((p) => `${p.sheet}!${p.cell}`)));
    await pick(book, text);
    expect(await page.locator("#status").textContent()).toBe(`核对完成：错误 ${cli.summary.error} 条，警告 ${cli.summary.warning} 条`);
    const shown = await page.locator("li.finding.error").evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.place!).sort());
    expect(shown).toEqual(errorPlaces(cli.findings));
    expect(await page.locator("#summary").textContent()).toContain(`错误 ${cli.summary.error} 条`);
    expect(await page.locator("#score .score-line").textContent()).toBe(scoreLines(cli.score!)[0]);
    // findings are grouped by table and by 情况说明; 提示 folded away
    const groups = await page.locator(".unit > h3").allTextContents();
    expect(groups.some((g) => g.startsWith("一般公共预算财政拨款支出决算表（T05）"))).toBe(true);
    if (cli.findings.some((f) => "line" in f.where && f.severity !== "info")) expect(groups.some((g) => g.startsWith("情况说明"))).toBe(true);
    if (cli.summary.info) expect(await page.locator("details.infos").getAttribute("open")).toBeNull();
    expect(groups.at(-1)).toBe(`未核对 ${cli.notChecked.length} 项`);
  });

  it("opens a finding onto its table with the cell marked, by keyboard, and filters by severity", async () => {
    const target = `${planted[0]!.sheet}!${planted[0]!.cell}`;
    const item = page.locator(`li.finding.error[data-place="${target}"]`).first();
    await item.locator("button.go").focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => item.locator("button.go").getAttribute("aria-expanded")).toBe("true");
    const marked = item.locator("td.marked");
    expect(await marked.getAttribute("data-cell")).toBe(planted[0]!.cell);
    expect(await item.locator("td.related").count()).toBeGreaterThan(0);
    expect(await item.textContent()).toMatch(/应为.*实为/);
    await item.screenshot({ path: join(ARTIFACTS, "web-1280-finding.png") });

    // the narrative's figure that no longer agrees with the changed table: its words marked in the paragraph
    const said = cli.findings.find((f) => f.severity === "error" && "line" in f.where)!;
    expect(said).toBeTruthy();
    const line = page.locator(`li.finding.error[data-place="${placeText(said.where)}"][data-rule="${said.rule}"]`).first();
    await line.locator("button.go").click();
    const words = (await line.locator(".paragraph mark").textContent())!.replace(/\s/g, "");
    expect(words).toBe((said.where as { excerpt: string }).excerpt);
    // a cross-table finding draws the other table too, its cells outlined
    const cross = cli.findings.find((f) => f.severity === "error" && f.related.some((r) => "cell" in r && "cell" in f.where && r.sheet !== f.where.sheet))!;
    const crossItem = page.locator(`li.finding.error[data-place="${placeText(cross.where)}"][data-rule="${cross.rule}"]`).first();
    await crossItem.locator("button.go").click();
    expect(await crossItem.locator(".grid-wrap").count()).toBeGreaterThanOrEqual(2);
    await crossItem.screenshot({ path: join(ARTIFACTS, "web-1280-cross.png") });
    await page.uncheck('input[name="severity"][value="error"]');
    expect(await page.locator("li.finding.error").count()).toBe(0);
    await page.check('input[name="severity"][value="error"]');
    expect(await page.locator("li.finding.error").count()).toBe(cli.summary.error);
  });

  it("downloads a marked copy: values unchanged, only error cells filled and commented, links resolving, no formula from text", async () => {
    const marked = await loadXlsx(await download("dl-marked"));
    const original = await loadXlsx(book);
    const errors = new Set(errorPlaces(cli.findings).filter((p) => p.includes("!")));
    const marks = new Set<string>();
    original.eachSheet((ws) => {
      const copy = marked.getWorksheet(ws.name)!;
      ws.eachRow((row, r) => row.eachCell((c, col) => expect(copy.getCell(r, col).value, `${ws.name}!${c.address}`).toEqual(c.value)));
      copy.eachRow((row) =>
        row.eachCell((c) => {
          expect(c.formula, `${ws.name}!${c.address}`).toBeFalsy();
          const filled = !!(c.fill as ExcelJS.FillPattern | undefined)?.fgColor;
          expect(filled, c.address).toBe(!!c.note);
          if (filled) marks.add(`${ws.name}!${c.address}`);
        }),
      );
    });
    expect(marks).toEqual(errors);
    expect(marked.getWorksheet("公开01表")!.getCell("A60").value).toBe(HOSTILE[0]);
    expect(marked.getWorksheet("公开01表")!.getCell("B60").value).toBe(HOSTILE[1]);
    const results = marked.getWorksheet("审核结果")!;
    let links = 0;
    results.eachRow((row, r) => {
      if (r === 1) return;
      row.eachCell((c) => {
        if (!c.formula) return;
        const m = /^HYPERLINK\("#'((?:[^']|'')+)'!([A-Z]+\d+)","[^"]*"\)$/.exec(c.formula)!;
        expect(m, c.formula).not.toBeNull();
        expect(marked.getWorksheet(m[1]!.replace(/''/g, "'")), m[1]).toBeTruthy();
        links++;
      });
    });
    expect(links).toBe(cli.findings.filter((f) => "cell" in f.where && f.where.sheet).length);
  });

  it("downloads the printable report, the JSON report and the narrative written from the tables", async () => {
    const { value: report } = await mammoth.extractRawText({ path: await download("dl-report") });
    expect(report).toContain("示范市示范局2021年度部门决算公开核对报告");
    expect(report).toContain(`错误 ${cli.summary.error} 条`);
    for (const f of cli.findings.filter((x) => x.severity === "error")) expect(report).toContain(f.message);
    expect(report).toContain("三、未核对事项");
    expect(report).toContain(scoreLines(cli.score!)[0]);

    const json = JSON.parse(readFileSync(await download("dl-json"), "utf8")) as Report;
    expect(json.findings).toEqual(cli.findings);
    expect(json.summary).toEqual(cli.summary);

    const { value: narrative } = await mammoth.extractRawText({ path: await download("dl-narrative") });
    expect(narrative).toContain("示范市示范局2021年度部门决算情况说明");
    expect(narrative).toContain("一、");
    expect(problems).toEqual([]);
  });

  it("reads at 390 px without sideways scrolling", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: join(ARTIFACTS, "web-390-results.png"), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.screenshot({ path: join(ARTIFACTS, "web-1280-results.png"), fullPage: true });
  });

  it("checks a narrative alone once the workbook is removed, offering only the downloads that make sense", async () => {
    await page.click('button[aria-label^="移除工作簿"]');
    await page.waitForFunction(() => /核对完成/.test(document.getElementById("status")?.textContent ?? ""));
    expect(await page.locator("#picked li").allTextContents()).toEqual(["情况说明：情况说明.txt移除"]);
    expect(await page.locator("#dl-marked").count()).toBe(0);
    expect(await page.locator("#dl-narrative").count()).toBe(0);
    expect(await page.locator("#dl-report").count()).toBe(1);
    const alone = (await runCli("check", "--text", text, "--format", "json")).out;
    const expected = JSON.parse(alone) as Report;
    expect(await page.locator("#status").textContent()).toBe(`核对完成：错误 ${expected.summary.error} 条，警告 ${expected.summary.warning} 条`);
  });

  it("checks a published PDF — its tables and its narrative — with the errors the command line finds in it", async () => {
    const sheets = bump(book0.sheets, planted[0]!, "0.37");
    const figures = new Set(Object.values(book0.where).map((w) => `${w.sheet}!${w.cell}`));
    const printed = await renderPdf(sheets, { ruled: true, repeatHeader: true, header: "示范局 2021 年度部门决算", narrative: narrativeOf(book0.sheets), figures });
    const file = join(dir, "示范局决算公开.pdf");
    writeFileSync(file, printed.bytes);
    const fromCli = JSON.parse((await runCli("check", file, "--format", "json")).out) as Report;
    expect(fromCli.summary.error).toBeGreaterThan(0);
    await page.goto(`${origin}/`);
    await page.waitForSelector("body[data-ready]");
    await pick(file);
    expect(await page.locator("#status").textContent()).toBe(`核对完成：错误 ${fromCli.summary.error} 条，警告 ${fromCli.summary.warning} 条`);
    expect(await page.locator("#picked li").allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining("PDF 中的表：示范局决算公开.pdf"), expect.stringContaining("情况说明：示范局决算公开.pdf")]));
    // the planted figure's finding opens onto the table rebuilt from the PDF, the cell marked
    const item = page.locator("li.finding.error").first();
    await item.locator("button.go").click();
    await expect.poll(() => item.locator("td.marked").count()).toBe(1);
  });

  it("says in one Chinese line what is wrong with a file it cannot use", async () => {
    const fake = join(dir, "坏文件.xlsx");
    writeFileSync(fake, "这不是工作簿");
    await pick(fake);
    expect(await page.locator("#status").textContent()).toMatch(/^读取并核对失败：坏文件\.xlsx 不是[^\n]*$/);
  });

  it("checks offline after a first visit that only opened the page", async () => {
    // the page through a relay we can switch off: Chromium's offline emulation does not reach service workers
    const relay = await startRelay(origin);
    await page.goto(`${relay.origin}/`);
    await page.waitForSelector("body[data-ready]");
    await page.evaluate(() => navigator.serviceWorker.ready);
    await relay.close();
    await page.reload();
    await page.waitForSelector("body[data-ready]");
    expect(await page.locator("#offline").isVisible()).toBe(true);
    await pick(book);
    const alone = JSON.parse((await runCli("check", book, "--format", "json")).out) as Report;
    expect(await page.locator("#status").textContent()).toBe(`核对完成：错误 ${alone.summary.error} 条，警告 ${alone.summary.warning} 条`);
    // names were checked against the code edition the service worker kept at install
    expect(await page.locator(".not-checked").textContent()).not.toContain("科目名称未核对");
    await page.screenshot({ path: join(ARTIFACTS, "web-1280-offline.png") });
  });
});
