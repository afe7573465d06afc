// The task pane: bundle sizes (gzip), first paint, and — against the mocked Excel host in Chromium — the time
// from clicking 核对 to the findings shown for a full disclosure, and context.sync() calls per action.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { REPO_ROOT } from "../cli/builtin-data.ts";
import { launch } from "../tests/e2e/browser.ts";
import { installMockExcel } from "../tests/e2e/mock-excel.ts";
import { makeLedger, seeded } from "../tests/fixtures/disclosure-model.ts";
import { renderDisclosure } from "../tests/fixtures/disclosure-sheets.ts";
import { bump } from "../tests/fixtures/mutate.ts";

export async function benchPane(origin: string): Promise<void> {
  console.log("\n== task pane ==");
  const dist = join(REPO_ROOT, "dist/addin");
  for (const f of ["functions.js", "taskpane.css", "taskpane.html"]) {
    const bytes = readFileSync(join(dist, f));
    console.log(`  ${f.padEnd(16)} ${(bytes.length / 1024).toFixed(1).padStart(7)} KB, gzip ${(gzipSync(bytes).length / 1024).toFixed(1).padStart(6)} KB`);
  }
  const browser = await launch();
  try {
    const context = await browser.newContext({ viewport: { width: 350, height: 900 } });
    // tsx keeps function names with a __name helper that the page does not have
    await context.addInitScript({ content: `var __name = (f) => f; (${installMockExcel.toString()})();` });
    const page = await context.newPage();
    const paints: number[] = [];
    for (let i = 0; i < 5; i++) {
      await page.goto(`${origin}/taskpane.html`, { waitUntil: "load" });
      await page.waitForSelector("#create");
      paints.push(await page.evaluate(() => performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? NaN));
    }
    console.log(`  first contentful paint: ${paints.map((p) => p.toFixed(0)).join(", ")} ms`);

    // a full disclosure with one slip, so there is a finding to go to and a cell to mark
    const book = renderDisclosure(makeLedger(seeded(1)), "export");
    const sheets = bump(book.sheets, book.where["T05.合计.基本支出"]!, "0.50").map(({ name, cells }) => ({ name, cells }));
    const syncs = () => page.evaluate(() => (window as unknown as { __excel: { book: { syncs: number } } }).__excel.book.syncs);
    const status = (re: RegExp) => page.waitForFunction((src) => new RegExp(src).test(document.getElementById("status")?.textContent ?? ""), re.source);
    await page.evaluate((s) => (window as unknown as { __excel: { load(x: unknown): void } }).__excel.load(s), sheets);
    const count = async (label: string, action: () => Promise<unknown>) => {
      const before = await syncs();
      await action();
      console.log(`  syncs for ${label}: ${(await syncs()) - before}`);
    };
    await count("识别已有的表 (bind)", async () => {
      await page.click("#bind");
      await status(/找到 9 张表/);
    });
    const rounds: number[] = [];
    for (let i = 0; i < 10; i++) {
      await page.evaluate(() => (document.getElementById("status")!.textContent = ""));
      const t = Date.now();
      await page.click("#check");
      await status(/核对完成/);
      await page.waitForSelector(".counts");
      rounds.push(Date.now() - t);
    }
    rounds.sort((a, b) => a - b);
    console.log(`  check round trip (click → findings shown), full disclosure: median ${rounds[5]} ms, min ${rounds[0]} ms, max ${rounds[9]} ms`);
    await count("核对 (check)", async () => {
      await page.click("#check");
      await status(/核对完成/);
    });
    await count("定位 (select a finding)", async () => {
      await page.locator(".finding.error .go").first().click();
      await page.waitForTimeout(100);
    });
    await count("标记错误单元格 (highlight), then 恢复", async () => {
      await page.click("#highlight");
      await status(/已标记|没有需要标记/);
    });
    await count("新建公开表 (create, into a workbook that has them)", async () => {
      await page.click("#create");
      await status(/新建 \d+ 张工作表/);
    });
  } finally {
    await browser.close();
  }
}
