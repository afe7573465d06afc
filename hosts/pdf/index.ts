// The PDF host: readPdf (a PDF → table grids, prose, tables by page, what could not be read) and checkPdf (the
// same checked by core, findings at page/table/row/column or page/line). pdfjs loads on the first call.

export { readPdf, fromPages, type PdfDisclosure, type PdfTable, type SheetPlace, type ReadPdfOptions } from "./read-pdf.ts";
export { checkPdf, checkRead, locator, type CheckPdfOptions, type PdfReport } from "./check-pdf.ts";
export { UnreadablePdf } from "./pdfjs.ts";
export type { Unread } from "./assemble.ts";
