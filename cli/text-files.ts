// Narrative files for the command line: .txt (UTF-8, or GB18030 as Chinese Windows saves it), .docx read as one
// line per paragraph (mammoth) and a PDF's prose (hosts/pdf); written back as .txt or a Word document (docx).

import { readFile, writeFile } from "node:fs/promises";
import { extname } from "node:path";
import { Document, Packer, Paragraph, HeadingLevel } from "docx";
import mammoth from "mammoth";
import { UnreadablePdf, readPdf } from "../hosts/pdf/index.ts";
import { UnreadableFile } from "./read-grid.ts";

export async function readNarrative(path: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new UnreadableFile(code === "ENOENT" ? `找不到文件：${path}` : `无法读取 ${path}（${code}）`);
  }
  const ext = extname(path).toLowerCase();
  if (ext === ".docx") {
    try {
      const { value } = await mammoth.extractRawText({ buffer: bytes });
      return value.split(/\n{2,}/).join("\n");
    } catch (err) {
      throw new UnreadableFile(`${path} 不是有效的 .docx 文件（${(err as Error).message}）`);
    }
  }
  if (ext === ".pdf") {
    try {
      return (await readPdf(new Uint8Array(bytes), { name: path })).text;
    } catch (err) {
      throw err instanceof UnreadablePdf ? new UnreadableFile(err.message) : err;
    }
  }
  if (ext !== ".txt" && ext !== "") throw new UnreadableFile(`${path} 不是 .txt、.docx 或 .pdf 文件（.doc 请另存为 .docx）`);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    return new TextDecoder("gb18030").decode(bytes);
  }
}

const HEADING = /^([一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）])/;

export async function writeNarrativeFile(path: string, lines: string[]): Promise<void> {
  if (extname(path).toLowerCase() === ".docx") {
    const doc = new Document({
      sections: [
        {
          children: lines.map((text, i) =>
            i === 0
              ? new Paragraph({ text, heading: HeadingLevel.TITLE })
              : HEADING.test(text)
                ? new Paragraph({ text, heading: /^[一二三四五六七八九十]+、/.test(text) ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2 })
                : new Paragraph({ text }),
          ),
        },
      ],
    });
    await writeFile(path, await Packer.toBuffer(doc));
  } else await writeFile(path, lines.join("\n") + "\n");
}
