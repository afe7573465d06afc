import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { Miniflare } from "miniflare";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readPdf } from "../../hosts/pdf/index.ts";
import { makeLedger, seeded } from "../fixtures/disclosure-model.ts";
import { renderDisclosure } from "../fixtures/disclosure-sheets.ts";
import { narrativeOf } from "../fixtures/narrative-text.ts";
import { renderPdf } from "../fixtures/render-pdf.ts";

// the PDF host bundled as a Worker is (wrangler bundles with esbuild too) and run by workerd itself
let mf: Miniflare;
let bytes: Uint8Array;

beforeAll(async () => {
  const out = join(mkdtempSync(join(tmpdir(), "juesuan-pdf-workerd-")), "worker.mjs");
  await build({ entryPoints: [join(dirname(fileURLToPath(import.meta.url)), "workerd-entry.ts")], bundle: true, format: "esm", platform: "neutral", mainFields: ["module", "main"], conditions: ["workerd", "worker", "browser"], outfile: out, logLevel: "error" });
  mf = new Miniflare({ modules: [{ type: "ESModule", path: "worker.mjs", contents: readFileSync(out, "utf8") }], compatibilityDate: "2026-04-01", compatibilityFlags: ["nodejs_compat"] });
  const book = renderDisclosure(makeLedger(seeded(5), { exact: true }), "export");
  const figures = new Set(Object.values(book.where).map((w) => `${w.sheet}!${w.cell}`));
  bytes = (await renderPdf(book.sheets, { ruled: true, repeatHeader: true, header: "示范单位部门决算", narrative: narrativeOf(book.sheets), figures })).bytes;
}, 60_000);

afterAll(async () => {
  await mf?.dispose();
});

describe("the PDF host inside workerd", () => {
  it("reads the same tables, grids and prose as in Node", async () => {
    const res = await mf.dispatchFetch("http://juesuan/", { method: "POST", body: bytes });
    expect(res.status).toBe(200);
    const inWorkerd = (await res.json()) as Pick<Awaited<ReturnType<typeof readPdf>>, "tables" | "sheets" | "text">;
    const inNode = await readPdf(bytes, { name: "公开.pdf" });
    expect(inWorkerd.tables).toHaveLength(9);
    expect(inWorkerd).toEqual({ tables: inNode.tables, sheets: inNode.sheets, text: inNode.text });
  });

  it("says a broken file is not a PDF, in Chinese", async () => {
    const res = await mf.dispatchFetch("http://juesuan/", { method: "POST", body: "%PDF-1.7 not really" });
    expect(res.status).toBe(422);
    expect(((await res.json()) as { error: string }).error).toMatch(/^公开\.pdf 不是有效的 PDF 文件/);
  });
});
