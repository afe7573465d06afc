// pdfjs (legacy build: Node, workerd and browsers alike) loaded on first use, its worker run in this thread — no
// worker file, no canvas, no fonts fetched — and a document opened with PDF failures said in one Chinese sentence.

import type { PDFDocumentProxy } from "pdfjs-dist/types/src/display/api";
import { ensureDomMatrix } from "./dom-matrix.ts";

export class UnreadablePdf extends Error {}

type Pdfjs = typeof import("pdfjs-dist/legacy/build/pdf.mjs");

let loading: Promise<Pdfjs> | null = null;

/** pdfjs itself, imported once; its worker's message handler is set on globalThis, where pdfjs looks for it first. */
export function loadPdfjs(): Promise<Pdfjs> {
  ensureDomMatrix();
  loading ??= Promise.all([import("pdfjs-dist/legacy/build/pdf.mjs"), import("pdfjs-dist/legacy/build/pdf.worker.mjs")]).then(([pdfjs, worker]) => {
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
    return pdfjs;
  });
  return loading;
}

export interface OpenOptions {
  /** where pdfjs's packed CMaps are (a folder path in Node, a URL in a browser); only PDFs with predefined CJK encodings need them */
  cMapUrl?: string;
}

export async function openPdf(bytes: Uint8Array, name: string, options: OpenOptions = {}): Promise<PDFDocumentProxy> {
  if (!startsWithPdfHeader(bytes)) throw new UnreadablePdf(`${name} 不是有效的 PDF 文件`);
  const pdfjs = await loadPdfjs();
  const task = pdfjs.getDocument({
    // pdfjs takes ownership of (detaches) the buffer it is given
    data: bytes.slice(),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
    ...(options.cMapUrl ? { cMapUrl: options.cMapUrl, cMapPacked: true } : {}),
  });
  try {
    return await task.promise;
  } catch (err) {
    const kind = (err as Error)?.name;
    if (kind === "PasswordException") throw new UnreadablePdf(`${name} 已加密（需要密码才能打开），无法读取；请提供未加密的 PDF`);
    throw new UnreadablePdf(`${name} 不是有效的 PDF 文件（文件可能已损坏）`);
  }
}

function startsWithPdfHeader(bytes: Uint8Array): boolean {
  // the header may follow some junk bytes, within the first kilobyte
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 1024));
  return head.includes("%PDF-");
}
