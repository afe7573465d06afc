// A narrative file the clerk picks in the pane: .txt (UTF-8, or GB18030 as Chinese Windows saves it), .docx read a
// paragraph a line by mammoth, or a PDF's prose by hosts/pdf — each reader fetched from this origin only when needed.

interface Mammoth {
  extractRawText(input: { arrayBuffer: ArrayBuffer }): Promise<{ value: string }>;
}

/** juesuan's PDF reader with pdfjs (hosts/pdf/browser-entry.ts). */
export interface PdfReader {
  readPdfText(bytes: Uint8Array, name: string): Promise<string>;
  readPdfDisclosure(bytes: Uint8Array, name: string): Promise<import("../../hosts/pdf/read-pdf.ts").PdfDisclosure>;
}

const scripts = new Map<string, Promise<unknown>>();

/** A reader's script from this origin, loaded once (again after a failure), and the global it sets. */
function loadReader<T>(src: string, global: string, failure: string): Promise<T> {
  let loading = scripts.get(src);
  if (!loading) {
    loading = new Promise<unknown>((resolve, reject) => {
      const script = document.createElement("script");
      script.src = src;
      script.onload = () => resolve((window as unknown as Record<string, unknown>)[global]);
      script.onerror = () => {
        scripts.delete(src);
        reject(new Error(failure));
      };
      document.head.append(script);
    });
    scripts.set(src, loading);
  }
  return loading as Promise<T>;
}

const loadMammoth = () => loadReader<Mammoth>("vendor/mammoth.browser.min.js", "mammoth", "无法载入 .docx 读取组件");
export const loadPdfReader = () => loadReader<PdfReader>("vendor/pdf-text.js", "juesuanPdf", "无法载入 PDF 读取组件");

export async function readNarrativeFile(file: File): Promise<string> {
  const bytes = await file.arrayBuffer();
  if (/\.pdf$/i.test(file.name)) return (await loadPdfReader()).readPdfText(new Uint8Array(bytes), file.name);
  if (/\.docx$/i.test(file.name)) {
    try {
      const { value } = await (await loadMammoth()).extractRawText({ arrayBuffer: bytes });
      return value.split(/\n{2,}/).join("\n");
    } catch (err) {
      throw new Error(`${file.name} 不是有效的 .docx 文件（${(err as Error).message}）`);
    }
  }
  if (!/\.txt$/i.test(file.name)) throw new Error(`${file.name} 不是 .txt、.docx 或 .pdf 文件`);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    return new TextDecoder("gb18030").decode(bytes);
  }
}
