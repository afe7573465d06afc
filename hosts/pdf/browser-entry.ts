// The PDF host for a page, built on its own (dist/addin/vendor/pdf-text.js) so pdfjs loads only when a clerk picks
// a PDF: sets `juesuanPdf` on the page — readPdfText (the pane's narrative: prose, a paragraph a line) and
// readPdfDisclosure (the web checker: tables as grids, prose, and what could not be read).

import { type PdfDisclosure, readPdf } from "./read-pdf.ts";

// pdfjs's CMaps sit beside this script (vendor/cmaps/), fetched one by one for PDFs with predefined Chinese encodings
const script = typeof document === "undefined" ? null : (document.currentScript as HTMLScriptElement | null);
const cMapUrl = script?.src ? new URL("cmaps/", script.src).href : undefined;

export async function readPdfText(bytes: Uint8Array, name: string): Promise<string> {
  return (await readPdf(bytes, { name, cMapUrl })).text;
}

export function readPdfDisclosure(bytes: Uint8Array, name: string): Promise<PdfDisclosure> {
  return readPdf(bytes, { name, cMapUrl });
}
