// `juesuan check FILE.pdf`: a published disclosure PDF read by the PDF host (pdfjs, its CMaps from the package for
// PDFs with predefined Chinese encodings) and checked, with the tables found by page and what could not be read.

import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { basename, dirname, join } from "node:path";
import type { CodesRegistry } from "../core/codes/codes-registry.ts";
import type { Template } from "../core/templates/template.ts";
import { UnreadablePdf, checkPdf } from "../hosts/pdf/index.ts";
import type { Outcome } from "./check-pool.ts";
import { reportText } from "./report-text.ts";

const CMAPS = join(dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json")), "cmaps") + "/";

export async function checkPdfFile(
  path: string,
  options: { year?: number; codes: CodesRegistry; template?: Template | null; format: "text" | "json"; all?: boolean },
): Promise<Outcome> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(path));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return { error: code === "ENOENT" ? `找不到文件：${path}` : `无法读取 ${path}（${code}）` };
  }
  try {
    const { report, disclosure, pdf } = await checkPdf(bytes, { name: basename(path), year: options.year ?? null, codes: options.codes, template: options.template ?? null, cMapUrl: CMAPS });
    if (options.format !== "text") return { report, text: "" };
    const found = pdf.tables.map((t) => `  第 ${t.pages.join("、")} 页  ${t.title || "（无标题的表格）"}`);
    const unread = pdf.unread.map((u) => `  第 ${u.page} 页  ${u.what}：${u.why}`);
    const text = [reportText(report, disclosure, options.all), "", `PDF 共 ${pdf.pages} 页，找到 ${pdf.tables.length} 张表：`, ...found, ...(unread.length ? ["未能读取：", ...unread] : [])].join("\n");
    return { report, text };
  } catch (err) {
    if (err instanceof UnreadablePdf) return { error: err.message };
    throw err;
  }
}
