// The web checker: what its first load costs (the page and the scripts it loads before a file is picked, raw
// and gzip, and what the service worker fetches afterwards in the background), and in Chromium the time from
// picking the bench workbook to the findings shown — the first pick (the workbook reader still to load) and
// the median of 5 after it.

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { launch } from "../tests/e2e/browser.ts";
import { makeLedger, seeded } from "../tests/fixtures/disclosure-model.ts";
import { renderDisclosure } from "../tests/fixtures/disclosure-sheets.ts";
import { bump } from "../tests/fixtures/mutate.ts";
import { writeXlsx } from "../tests/fixtures/write-xlsx.ts";

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

export async function benchWeb(origin: string): Promise<void> {
  console.log("\n== web checker (/) ==");
  const dir = mkdtempSync(join(tmpdir(), "juesuan-web-bench-"));
  const book = renderDisclosure(makeLedger(seeded(1)), "export");
  const path = join(dir, "bench.xlsx");
  await writeXlsx(path, bump(book.sheets, book.where["T05.合计.基本支出"]!, "0.50"));
  const browser = await launch();
  try {
    // the page alone, as a first visit sees it, with the service worker kept out of the count
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: "block" });
    const page = await context.newPage();
    const loaded: { url: string; raw: number; gzip: number }[] = [];
    page.on("response", async (res) => {
      const body = await res.body().catch(() => null);
      if (body) loaded.push({ url: new URL(res.url()).pathname, raw: body.length, gzip: gzipSync(body).length });
    });
    await page.goto(`${origin}/`, { waitUntil: "networkidle" });
    await page.waitForSelector("body[data-ready]");
    const first = loaded.filter((r) => !r.url.startsWith("/v1/") && r.url !== "/health");
    for (const r of first) console.log(`  ${r.url.padEnd(44)} ${kb(r.raw).padStart(10)}, gzip ${kb(r.gzip).padStart(9)}`);
    const sum = (rs: typeof first, k: "raw" | "gzip") => rs.reduce((n, r) => n + r[k], 0);
    console.log(`  first load, page and scripts: ${kb(sum(first, "raw"))}, gzip ${kb(sum(first, "gzip"))} (${first.length} files)`);

    const pick = async () => {
      await page.evaluate(() => (document.getElementById("status")!.textContent = ""));
      const t = performance.now();
      await page.setInputFiles("#files", path);
      await page.waitForFunction(() => /核对完成/.test(document.getElementById("status")?.textContent ?? ""));
      await page.waitForSelector("#summary");
      return performance.now() - t;
    };
    const before = loaded.length;
    const cold = await pick();
    const reader = loaded.slice(before).filter((r) => r.url.startsWith("/web/"));
    console.log(`  loaded on the first pick (workbook reader): ${kb(sum(reader, "raw"))}, gzip ${kb(sum(reader, "gzip"))}`);
    const runs: number[] = [];
    for (let i = 0; i < 5; i++) runs.push(await pick());
    runs.sort((a, b) => a - b);
    console.log(`  pick → findings shown: first ${cold.toFixed(0)} ms; then median of 5 ${runs[2]!.toFixed(0)} ms (min ${runs[0]!.toFixed(0)}, max ${runs[4]!.toFixed(0)})`);
    await context.close();

    // what the service worker keeps for offline use, fetched after the page is up
    const sw = await browser.newContext();
    const swPage = await sw.newPage();
    await swPage.goto(`${origin}/`);
    const kept = await swPage.evaluate(async () => {
      await navigator.serviceWorker.ready;
      let total = 0;
      for (const key of await caches.keys()) {
        const cache = await caches.open(key);
        for (const req of await cache.keys()) total += (await (await cache.match(req))!.arrayBuffer()).byteLength;
      }
      return total;
    });
    console.log(`  kept by the service worker for offline use: ${kb(kept)} (raw)`);
    await sw.close();
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
