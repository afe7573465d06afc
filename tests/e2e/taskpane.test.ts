import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ARTIFACTS, launch } from "./browser.ts";
import { makeLedger, seeded } from "../fixtures/disclosure-model.ts";
import { renderDisclosure } from "../fixtures/disclosure-sheets.ts";
import { setCell } from "../fixtures/mutate.ts";

const origin = inject("origin");
let browser: Browser;
let context: BrowserContext;
let page: Page;

// Office.js (the real, packaged one) supplies CustomFunctions.associate and records the association; Excel's
// custom-functions runtime would add Error and ErrorCode, so only those two are installed before any page script.
const installExcelErrorTypes = () => {
  class ExcelError extends Error {
    constructor(
      public code: string,
      message?: string,
    ) {
      super(message ?? "");
    }
  }
  const w = window as unknown as Record<string, any>;
  w.CustomFunctions = { Error: ExcelError, ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", divisionByZero: "#DIV/0!" } };
  w.__associated = () => w.CustomFunctions._association.mappings as Record<string, (...args: unknown[]) => unknown>;
  w.__call = async (id: string, ...args: unknown[]) => {
    try {
      return { value: await w.__associated()[id](...args) };
    } catch (e) {
      const err = e as { code?: string; message: string };
      return { error: err.code ?? "thrown", message: err.message };
    }
  };
};

type Call = (id: string, ...args: unknown[]) => Promise<{ value?: unknown; error?: string; message?: string }>;
const call = (id: string, ...args: unknown[]) =>
  page.evaluate(([i, a]) => (window as unknown as { __call: Call }).__call(i as string, ...(a as unknown[])), [id, args] as const);

beforeAll(async () => {
  browser = await launch();
  context = await browser.newContext({ viewport: { width: 350, height: 700 } });
  await context.addInitScript(installExcelErrorTypes);
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
});

describe("task pane in Chromium", () => {
  it("loads with its title, a connected service and the function list", async () => {
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${origin}/taskpane.html`);
    await expect(page.title()).resolves.toBe("决算公开助手");
    await expect(page.locator("h1").textContent()).resolves.toBe("决算公开助手");
    await page.waitForSelector("#service-status.ok");
    expect(await page.locator("#service-status").textContent()).toContain("已连接");
    await page.waitForSelector("#function-list dt", { state: "attached" });
    expect(await page.locator("#function-list dt").count()).toBe(16);
    expect(await page.locator("#function-list").textContent()).toContain("=JS.PATH(code, [year])");
    expect(errors).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, "taskpane-start.png"), fullPage: true });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
    expect(overflow).toBe(false);
  });

  it("functions.js associates every id of functions.json", async () => {
    const ids = (await (await fetch(`${origin}/functions.json`)).json()) as { functions: { id: string }[] };
    const associated = await page.evaluate(() => Object.keys((window as unknown as { __associated: () => object }).__associated()));
    expect(associated.sort()).toEqual(ids.functions.map((f) => f.id).sort());
  });

  it("=JS.NAME, PATH and CODECHECK fetch the edition from the Worker once, then serve from memory", async () => {
    const requests: string[] = [];
    page.on("request", (r) => {
      if (r.url().includes("/v1/codes/")) requests.push(r.url());
    });
    expect(await call("NAME", 2040250, 2021)).toEqual({ value: "事业运行" });
    expect(await call("PATH", "2040250", 2021)).toEqual({ value: "公共安全支出（类）公安（款）事业运行（项）" });
    expect(await call("CODECHECK", "20805", "行政事业单位离退休", 2021)).toEqual({
      value: "“行政事业单位离退休”是 20805 的旧名称，2021 年科目表为“行政事业单位养老支出”",
    });
    const many = await page.evaluate(async () => {
      const c = (window as unknown as { __call: Call }).__call;
      const results = await Promise.all(Array.from({ length: 2000 }, () => c("NAME", "30201", 2021)));
      return new Set(results.map((r) => r.value)).size === 1 ? results[0]!.value : "mixed";
    });
    expect(many).toBe("办公费");
    expect(requests).toEqual([`${origin}/v1/codes/2021`]);
  });

  it("a stored edition is served at once and revalidated once with its ETag (304)", async () => {
    const revalidations: { status: number; ifNoneMatch: string | null }[] = [];
    page.on("response", (r) => {
      if (r.url().endsWith("/v1/codes/2021")) revalidations.push({ status: r.status(), ifNoneMatch: r.request().headers()["if-none-match"] ?? null });
    });
    await page.reload();
    expect(await call("NAME", "2040250", 2021)).toEqual({ value: "事业运行" });
    await page.waitForFunction(() => performance.getEntriesByType("resource").some((e) => e.name.endsWith("/v1/codes/2021")));
    await expect.poll(() => revalidations.length).toBe(1);
    expect(revalidations[0]!.ifNoneMatch).toMatch(/^"[0-9a-f]{64}"$/);
    expect(revalidations[0]!.status).toBe(304);
  });

  it("keeps editions across a reload and works when the service is gone", async () => {
    await page.route("**/v1/**", (route) => route.abort("connectionrefused"));
    await page.route("**/health", (route) => route.abort("connectionrefused"));
    await page.reload();
    expect(await call("NAME", "2040250", 2021)).toEqual({ value: "事业运行" });
    await page.waitForSelector("#service-status.offline");
    expect(await page.locator("#service-status").textContent()).toContain("离线");
    await page.screenshot({ path: join(ARTIFACTS, "taskpane-offline.png"), fullPage: true });
    // an edition never fetched cannot be served: a clear #N/A, not #BUSY!
    const r = await call("NAME", "2040250", 2023);
    expect(r.error).toBe("#N/A");
    expect(r.message).toContain("无法取得 2023 年科目表");
    await page.unroute("**/v1/**");
    await page.unroute("**/health");
  });

  it("an unknown code is #N/A with a message, a malformed one #VALUE!", async () => {
    expect(await call("NAME", "2049998", 2021)).toEqual({
      error: "#N/A",
      message: "科目 2049998 不在已载入的 2021 年科目表中（该科目表不完整，请以财政部科目表核对）",
    });
    expect(await call("NAME", "12", 2021)).toMatchObject({ error: "#VALUE!" });
    expect(await call("NAME", "2040250", 2019)).toMatchObject({ error: "#N/A", message: expect.stringContaining("没有 2019 年的科目表") });
  });

  it("=JS.CHECK checks ranges in the page, with the 2021 edition from the Worker for 科目 names", async () => {
    const { sheets, where } = renderDisclosure(makeLedger(seeded(9)), "hand");
    const ref = where["T03.20805.本年支出合计"]!;
    const row = Number(ref.cell.replace(/\D/g, ""));
    const stale = setCell(sheets, { sheet: ref.sheet, cell: `B${row}` }, "行政事业单位离退休");
    const ranges = stale.map((s) => s.cells.map((r) => r.map((v) => v ?? "")));
    const addresses = stale.map((s) => `'${s.name}'!A1:M${s.cells.length}`);
    const rows = await page.evaluate(
      async ([r, a]) => {
        const w = window as unknown as { __associated: () => Record<string, (...x: unknown[]) => Promise<unknown>> };
        return (await w.__associated().CHECK!(r, { parameterAddresses: a })) as string[][];
      },
      [ranges, addresses] as const,
    );
    expect(rows[0]).toEqual(["严重程度", "规则", "说明", "位置", "应为", "实为"]);
    const warning = rows.find((r) => r[1] === "table.code-name")!;
    expect(warning.slice(0, 1)).toEqual(["警告"]);
    expect(warning[2]).toContain("行政事业单位养老支出");
    expect(warning[3]).toBe(`${ref.sheet}!B${row}`);
    expect(rows.filter((r) => r[0] === "错误")).toEqual([]);
  });

  it("an omitted year uses the newest edition", async () => {
    expect(await call("NAME", "21305", null)).toEqual({ value: "巩固脱贫攻坚成果衔接乡村振兴" });
  });
});
