// An .xlsx file's bytes as cell grids, with its merged areas — through exceljs, the same in the command line
// (Node) and in the Worker (workerd with nodejs_compat). Unusable files throw UnreadableFile with one sentence.

import ExcelJS from "exceljs";
import type { Cell, SheetGrid } from "../core/tables/grid.ts";

export class UnreadableFile extends Error {}

const startsWith = (bytes: Uint8Array, prefix: number[]) => prefix.every((b, i) => bytes[i] === b);

export async function readXlsxGrids(bytes: Uint8Array, name: string): Promise<SheetGrid[]> {
  // a password-protected workbook is an OLE container, not a zip
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) throw new UnreadableFile(`${name} 已加密或是旧版 .xls 格式，请去掉密码并另存为 .xlsx`);
  if (!startsWith(bytes, [0x50, 0x4b])) throw new UnreadableFile(`${name} 不是有效的 .xlsx 文件（文件可能已损坏）`);
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  } catch (err) {
    throw new UnreadableFile(`${name} 不是有效的 .xlsx 文件（${(err as Error).message}）`);
  }
  const grids: SheetGrid[] = [];
  book.eachSheet((sheet) => {
    const rows: Cell[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row, r) => {
      const cells: Cell[] = [];
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        cells[c - 1] = cell.isMerged && cell.master !== cell ? null : cellValue(cell.value);
      });
      rows[r - 1] = Array.from(cells, (v) => v ?? null);
    });
    const merges = (sheet.model as { merges?: string[] }).merges ?? [];
    grids.push({ name: sheet.name, cells: Array.from(rows, (row) => row ?? []), merges });
  });
  return grids;
}

function cellValue(v: ExcelJS.CellValue): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === "object") {
    if ("richText" in v) return v.richText.map((t) => t.text).join("");
    if ("result" in v) return cellValue(v.result as ExcelJS.CellValue);
    if ("text" in v) return String(v.text);
    if ("error" in v) return null;
  }
  return String(v);
}
