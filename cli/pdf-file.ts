// A published disclosure PDF for the command line: read by the PDF host (pdfjs, its CMaps from the package for
// PDFs with predefined Chinese encodings) and checked, in the main thread or a worker thread of a folder check.

import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { basename, dirname, join } from "node:path";
import type { CodesRegistry } from "../core/codes/codes-registry.ts";
import { type PdfReport, UnreadablePdf, checkPdf } from "../hosts/pdf/index.ts";
import type { Outcome, ReportOptions } from "./check-file.ts";

const CMAPS = join(dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json")), "cmaps") + "/";

export async function checkPdfFile(path: string, options: ReportOptions, codes: CodesRegistry): Promise<Outcome> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(path));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return { error: code === "ENOENT" ? `找不到文件：${path}` : `无法读取 ${path}（${code}）` };
  }
  try {
    const { report, disclosure } = await checkPdf(bytes, { name: basename(path), year: options.year ?? null, codes, template: options.template, cMapUrl: CMAPS });
    return { report, disclosure, note: null };
  } catch (err) {
    if (err instanceof UnreadablePdf) return { error: err.message };
    throw err;
  }
}

/** For the text report of a PDF: the tables found, by page, and what could not be read. */
export function pdfLines(pdf: PdfReport["pdf"]): string[] {
  const found = pdf.tables.map((t) => `  第 ${t.pages.join("、")} 页  ${t.title || "（无标题的表格）"}`);
  const unread = pdf.unread.map((u) => `  第 ${u.page} 页  ${u.what}：${u.why}`);
  return ["", `PDF 共 ${pdf.pages} 页，找到 ${pdf.tables.length} 张表：`, ...found, ...(unread.length ? ["未能读取：", ...unread] : [])];
}
