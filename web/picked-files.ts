// What the clerk picked or dropped, sorted into the workbook and the narrative and read in the browser: the
// workbook readers (SheetJS only for .xls/.et), mammoth (.docx) and pdfjs (a published PDF) load only when needed.

import { LIMITS } from "../core/limits.ts";
import type { SheetGrid } from "../core/tables/grid.ts";
import type { NotChecked } from "../core/rules/finding.ts";
import { loadPdfReader, readNarrativeFile } from "../addin/pane/narrative-file.ts";

export type FileKind = "workbook" | "narrative" | "pdf";

export interface PickedWorkbook {
  name: string;
  bytes: Uint8Array;
  sheets: SheetGrid[];
}

export interface PickedNarrative {
  name: string;
  text: string;
}

export function kindOf(name: string): FileKind | null {
  if (/\.(xlsx|xlsm|xls|et)$/i.test(name)) return "workbook";
  if (/\.(docx|txt)$/i.test(name)) return "narrative";
  if (/\.pdf$/i.test(name)) return "pdf";
  return null;
}

/** A file over the size every reader accepts is refused before it is read. */
function checkSize(file: File): void {
  if (file.size > LIMITS.fileBytes) throw new Error(`${file.name} 有 ${(file.size / 1024 / 1024).toFixed(1)} MB，超过 ${LIMITS.fileBytes / 1024 / 1024} MB 的上限`);
}

export async function readWorkbookFile(file: File): Promise<PickedWorkbook> {
  checkSize(file);
  const bytes = new Uint8Array(await file.arrayBuffer());
  // the lean .xlsx reader; SheetJS for .xls/.et is loaded by it only when the bytes are such a file
  const { readWorkbook } = await import("../hosts/workbook.ts");
  const sheets = await readWorkbook(bytes, file.name);
  if (!sheets.some((s) => s.cells.some((row) => row.some((c) => c !== null && c !== "")))) throw new Error(`${file.name} 是空工作簿，没有可核对的内容`);
  return { name: file.name, bytes, sheets };
}

export async function readNarrative(file: File): Promise<PickedNarrative> {
  checkSize(file);
  const text = await readNarrativeFile(file);
  if (text.length > LIMITS.textChars) throw new Error(`${file.name} 有 ${text.length} 个字符，超过情况说明 ${LIMITS.textChars} 字符的上限`);
  return { name: file.name, text };
}

/** A published PDF: its tables as the workbook (grids named by page and table), its prose as the narrative. */
export interface PickedPdf {
  workbook: PickedWorkbook | null;
  narrative: PickedNarrative | null;
  /** tables that could not be rebuilt, as 未核对 lines */
  unread: NotChecked[];
}

export async function readPdfFile(file: File): Promise<PickedPdf> {
  checkSize(file);
  const bytes = new Uint8Array(await file.arrayBuffer());
  const pdf = await (await loadPdfReader()).readPdfDisclosure(bytes, file.name);
  if (!pdf.sheets.length && !pdf.text.trim()) throw new Error(`${file.name} 中没有读到表格或文字`);
  return {
    workbook: pdf.sheets.length ? { name: file.name, bytes, sheets: pdf.sheets } : null,
    narrative: pdf.text.trim() ? { name: file.name, text: pdf.text } : null,
    unread: pdf.unread.map((u) => ({ rule: "pdf.table", why: `第 ${u.page} 页 ${u.what}：${u.why}` })),
  };
}
