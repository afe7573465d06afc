// The pdf part of `npm run corpus` (see scripts/corpus.ts): reads every published PDF in the corpus, lists the
// tables it found with their pages and what it could not read, and compares the hand-written grids of a few tables.

import { readFile, readdir } from "node:fs/promises";
import { join } from "node:path";
import { type PdfDisclosure, readPdf } from "../../hosts/pdf/index.ts";
import { EXPECTED, type ExpectedTable } from "./pdf-expected.ts";

function compare(pdf: PdfDisclosure, expected: ExpectedTable): string[] {
  const table = pdf.tables.find((t) => t.title === expected.title && t.pages[0] === expected.pages[0]);
  if (!table) return [`没有找到第 ${expected.pages[0]} 页的“${expected.title}”`];
  const problems: string[] = [];
  if (table.pages.join(",") !== expected.pages.join(",")) problems.push(`页码为 ${table.pages.join("、")}，应为 ${expected.pages.join("、")}`);
  const place = pdf.places.sheets[table.sheet]!;
  const grid = pdf.sheets.find((s) => s.name === table.sheet)!;
  const rows = grid.cells.filter((_, r) => r >= place.titleRows && place.rows[r]?.line === undefined);
  const text = (row: (string | number | boolean | null)[], width: number) => Array.from({ length: width }, (_, c) => String(row[c] ?? "")).join("|");
  const width = expected.rows[0]!.split("|").length;
  if (rows.length !== expected.rows.length) problems.push(`读出 ${rows.length} 行，应为 ${expected.rows.length} 行`);
  expected.rows.forEach((want, r) => {
    const got = rows[r] ? text(rows[r]!, width) : "（缺）";
    if (got !== want) problems.push(`第 ${r + 1} 行：读出“${got}”，应为“${want}”`);
  });
  return problems;
}

export async function runPdfCorpus(dir: string): Promise<boolean> {
  const files = (await readdir(dir)).filter((f) => /\.pdf$/i.test(f)).sort();
  let ok = true;
  let pages = 0;
  const started = performance.now();
  const read = new Map<string, PdfDisclosure>();
  for (const file of files) {
    try {
      const pdf = await readPdf(new Uint8Array(await readFile(join(dir, file))), { name: file });
      read.set(file, pdf);
      pages += pdf.pages;
      console.log(`${file}：${pdf.pages} 页，${pdf.tables.length} 张表，说明文字 ${pdf.text.length} 字`);
      for (const t of pdf.tables) console.log(`  第 ${t.pages.join("、")} 页  ${t.title || "（无标题）"}  ${pdf.sheets.find((s) => s.name === t.sheet)!.cells.length} 行`);
      for (const u of pdf.unread) console.log(`  未能读取：第 ${u.page} 页 ${u.what}：${u.why}`);
    } catch (err) {
      ok = false;
      console.log(`${file}：读取失败：${(err as Error).message}`);
    }
  }
  console.log(`共 ${files.length} 个 PDF、${pages} 页，用时 ${((performance.now() - started) / 1000).toFixed(1)} 秒`);
  for (const expected of EXPECTED) {
    const pdf = read.get(expected.file);
    const problems = pdf ? compare(pdf, expected) : [`${expected.file} 未能读取`];
    console.log(`${problems.length ? "✗" : "✓"} ${expected.file} 第 ${expected.pages.join("、")} 页“${expected.title}”与手写的表格${problems.length ? "不符" : "一致"}`);
    for (const p of problems) console.log(`    ${p}`);
    if (problems.length) ok = false;
  }
  return ok;
}
