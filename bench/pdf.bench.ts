// PDFs: a ~30-page rendered disclosure read and checked on one core, in pages per second, beside what pdfjs
// alone takes to extract its text (and its drawing operators, which the rulings come from); then juesuan's
// rebuild of tables and prose alone, from the extracted pages.

import { checkPdf, fromPages, readPdf } from "../hosts/pdf/index.ts";
import { type PageContent, readPage } from "../hosts/pdf/page-content.ts";
import { loadPdfjs, openPdf } from "../hosts/pdf/pdfjs.ts";
import { narrativeOf } from "../tests/fixtures/narrative-text.ts";
import { renderPdf } from "../tests/fixtures/render-pdf.ts";
import { largeUnit } from "./bench-disclosure.ts";
import { line, ratio, time } from "./measure.ts";

export async function benchPdf(): Promise<void> {
  console.log("\n== pdf ==");
  // a large unit, 90 项 under six 类: its coded tables run over five pages each, ~30 pages in all
  const { codes, book } = largeUnit(90);
  const figures = new Set(Object.values(book.where).map((w) => `${w.sheet}!${w.cell}`));
  const { bytes, pages } = await renderPdf(book.sheets, { ruled: true, repeatHeader: true, header: "示范市示范局2021年度部门决算公开", narrative: narrativeOf(book.sheets), figures });
  const first = await checkPdf(bytes, { codes });
  console.log(`  document: ${pages} pages, ${(bytes.length / 1024).toFixed(0)} KB; ${first.pdf.tables.length} tables found, ${first.report.summary.error} errors, ${first.pdf.text.length} characters of prose`);

  const pdfjs = await loadPdfjs();
  const extractText = async () => {
    const doc = await pdfjs.getDocument({ data: bytes.slice(), isEvalSupported: false, disableFontFace: true, verbosity: 0 }).promise;
    for (let p = 1; p <= doc.numPages; p++) await (await doc.getPage(p)).getTextContent();
    await doc.destroy();
  };
  const extractAll = async () => {
    const doc = await openPdf(bytes, "bench.pdf");
    const contents: PageContent[] = [];
    for (let p = 1; p <= doc.numPages; p++) contents.push(await readPage(await doc.getPage(p), p));
    await doc.destroy();
    return contents;
  };
  const contents = await extractAll();
  const runs = 5;
  const text = await time("pdfjs: text of every page", runs, extractText);
  const extraction = await time("pdfjs: text and drawing operators (what juesuan reads)", runs, extractAll);
  const rebuild = await time("juesuan: rebuild tables and prose from them", runs * 20, () => fromPages(contents, "bench.pdf"));
  const read = await time("readPdf (extraction + rebuild)", runs, () => readPdf(bytes));
  const check = await time("checkPdf (read + tables and narrative checked)", runs, () => checkPdf(bytes, { codes }));
  for (const t of [text, extraction, rebuild, read, check]) console.log(`${line(t)}  ${(pages / (t.nsPerOp / 1e9)).toFixed(1)} pages/s`);
  console.log(`  rebuild / pdfjs text extraction: ${ratio(rebuild, text)}; checkPdf / pdfjs text extraction: ${ratio(check, text)}`);
}
