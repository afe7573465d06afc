// A narrative file the clerk picks in the pane: .txt (UTF-8, or GB18030 as Chinese Windows saves it) or .docx,
// read a paragraph a line by mammoth — whose browser build is fetched from this origin only when needed.

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

export async function readNarrativeFile(file: File): Promise<string> {
  const bytes = await file.arrayBuffer();
  if (/\.docx$/i.test(file.name)) {
    try {
      const { value } = await (await loadMammoth()).extractRawText({ arrayBuffer: bytes });
      return value.split(/\n{2,}/).join("\n");
    } catch (err) {
      throw new Error(`${file.name} 不是有效的 .docx 文件（${(err as Error).message}）`);
    }
  }
  if (!/\.txt$/i.test(file.name)) throw new Error(`${file.name} 不是 .txt 或 .docx 文件`);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    return new TextDecoder("gb18030").decode(bytes);
  }
}
