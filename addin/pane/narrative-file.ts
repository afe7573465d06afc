// A narrative file the clerk picks in the pane: .txt (UTF-8, or GB18030 as Chinese Windows saves it), .docx read a
// paragraph a line by mammoth, or a PDF's prose by hosts/pdf — each reader fetched from this origin only when needed.

interface Mammoth {
  extractRawText(input: { arrayBuffer: ArrayBuffer }): Promise<{ value: string }>;
}

let mammoth: Promise<Mammoth> | null = null;

function loadMammoth(): Promise<Mammoth> {
  mammoth ??= new Promise<Mammoth>((resolve, reject) => {
    const script = document.createElement("script");
    script.src = "vendor/mammoth.browser.min.js";
    script.onload = () => resolve((window as unknown as { mammoth: Mammoth }).mammoth);
    script.onerror = () => {
      mammoth = null;
      reject(new Error("无法载入 .docx 读取组件"));
    };
    document.head.append(script);
  });
  return mammoth;
}

interface PdfText {
  readPdfText(bytes: Uint8Array, name: string): Promise<string>;
}

let pdfText: Promise<PdfText> | null = null;

/** juesuan's PDF reader with pdfjs (hosts/pdf), fetched from this origin only when a PDF is picked. */
function loadPdfText(): Promise<PdfText> {
  pdfText ??= new Promise<PdfText>((resolve, reject) => {
    const script = document.createElement("script");
    script.src = "vendor/pdf-text.js";
    script.onload = () => resolve((window as unknown as { juesuanPdf: PdfText }).juesuanPdf);
    script.onerror = () => {
      pdfText = null;
      reject(new Error("无法载入 PDF 读取组件"));
    };
    document.head.append(script);
  });
  return pdfText;
}

export async function readNarrativeFile(file: File): Promise<string> {
  const bytes = await file.arrayBuffer();
  if (/\.pdf$/i.test(file.name)) return (await loadPdfText()).readPdfText(new Uint8Array(bytes), file.name);
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
