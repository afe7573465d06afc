import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readPdf } from "../../hosts/pdf/index.ts";
import { launch } from "../e2e/browser.ts";
import { makeLedger, seeded } from "../fixtures/disclosure-model.ts";
import { renderDisclosure } from "../fixtures/disclosure-sheets.ts";
import { narrativeOf } from "../fixtures/narrative-text.ts";
import { renderPdf } from "../fixtures/render-pdf.ts";

// the pane's narrative file pick and its PDF reader bundled as the build bundles them, on a page under the pane's
// Content-Security-Policy
let browser: Browser;
let page: string;
let bytes: Uint8Array;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), "juesuan-pdf-browser-"));
  const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
  await build({ entryPoints: { "pdf-text": join(root, "hosts/pdf/browser-entry.ts") }, outdir: join(dir, "vendor"), bundle: true, format: "iife", globalName: "juesuanPdf", target: ["es2020"], minify: true, logLevel: "error" });
  await build({ entryPoints: { "pane-file": join(root, "addin/pane/narrative-file.ts") }, outdir: dir, bundle: true, format: "iife", globalName: "paneFile", target: ["es2020"], logLevel: "error" });
  const csp = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(readFileSync(join(root, "addin/taskpane.html"), "utf8"))![1]!;
  page = join(dir, "index.html");
  writeFileSync(page, `<!doctype html><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${csp}"><script src="pane-file.js"></script>`);
  const book = renderDisclosure(makeLedger(seeded(9)), "hand");
  const figures = new Set(Object.values(book.where).map((w) => `${w.sheet}!${w.cell}`));
  bytes = (await renderPdf(book.sheets, { ruled: false, repeatHeader: false, header: "示范单位部门决算", narrative: narrativeOf(book.sheets), figures })).bytes;
  browser = await launch();
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

type PaneFile = { paneFile: { readNarrativeFile(file: File): Promise<string> } };
const pick = ([b64, name]: [string, string]) =>
  (window as unknown as PaneFile).paneFile.readNarrativeFile(new File([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], name)).catch((e: Error) => `失败：${e.message}`);
const pdfjsLoaded = () => "juesuanPdf" in window || document.querySelector('script[src$="pdf-text.js"]') !== null;

describe("a PDF picked as the narrative in the pane", () => {
  it("gives the PDF's prose as in Node, pdfjs fetched only once a PDF is picked, without a worker file or a CSP violation", async () => {
    const tab = await browser.newPage();
    const problems: string[] = [];
    tab.on("pageerror", (e) => problems.push(e.message));
    tab.on("console", (m) => m.type() === "error" && problems.push(m.text()));
    await tab.goto(`file://${page}`);
    expect(await tab.evaluate(pdfjsLoaded)).toBe(false);
    const text = await tab.evaluate(pick, [Buffer.from(bytes).toString("base64"), "情况说明.pdf"] as [string, string]);
    expect(text).toBe((await readPdf(bytes)).text);
    expect(text).toContain("一般公共预算财政拨款");
    expect(await tab.evaluate(pdfjsLoaded)).toBe(true);
    expect(problems).toEqual([]);
    await tab.close();
  });

  it("a broken PDF is refused with the same Chinese sentence", async () => {
    const tab = await browser.newPage();
    await tab.goto(`file://${page}`);
    const message = await tab.evaluate(pick, [Buffer.from("%PDF-1.4 nothing").toString("base64"), "坏.pdf"] as [string, string]);
    expect(message).toMatch(/^失败：坏\.pdf 不是有效的 PDF 文件/);
    await tab.close();
  });
});
