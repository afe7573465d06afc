// The PDF host for a page, built on its own (dist/addin/vendor/pdf-text.js) so pdfjs loads only when a clerk picks
// a PDF: sets `juesuanPdf` on the page, whose readPdfText gives the prose of a disclosure PDF, a paragraph a line.

import { readPdf } from "./read-pdf.ts";

export async function readPdfText(bytes: Uint8Array, name: string): Promise<string> {
  return (await readPdf(bytes, { name })).text;
}
