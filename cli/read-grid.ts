// Turns a file a user hands the command line (.xlsx through exceljs, .csv in UTF-8 or GB18030) into cell grids,
// one per sheet — the shape core reads. A file that cannot be read gives one clear Chinese sentence.

import { readFile } from "node:fs/promises";
import { extname } from "node:path";
import ExcelJS from "exceljs";
import type { Cell, SheetGrid } from "../core/tables/grid.ts";

export type Grid = Cell[][];

export class UnreadableFile extends Error {}

export async function readGrids(path: string): Promise<SheetGrid[]> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new UnreadableFile(code === "ENOENT" ? `找不到文件：${path}` : code === "EISDIR" ? `${path} 是文件夹，不是文件` : `无法读取 ${path}（${code}）`);
  }
  const ext = extname(path).toLowerCase();
  if (ext === ".csv") return [{ name: "csv", cells: parseCsv(decodeText(bytes)) }];
  if (ext === ".xlsx" || ext === ".xlsm") return readXlsx(bytes, path);
  if (ext === ".xls" || ext === ".et") throw new UnreadableFile(`${path} 是旧版 Excel/WPS 格式，请另存为 .xlsx 后再试`);
  throw new UnreadableFile(`${path} 不是 .xlsx 或 .csv 文件`);
}

async function readXlsx(bytes: Buffer, path: string): Promise<SheetGrid[]> {
  // a password-protected workbook is an OLE container, not a zip
  if (bytes.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))) {
    throw new UnreadableFile(`${path} 已加密或是旧版 .xls 格式，请去掉密码并另存为 .xlsx`);
  }
  if (!bytes.subarray(0, 2).equals(Buffer.from("PK"))) throw new UnreadableFile(`${path} 不是有效的 .xlsx 文件（文件可能已损坏）`);
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (err) {
    throw new UnreadableFile(`${path} 不是有效的 .xlsx 文件（${(err as Error).message}）`);
  }
  const grids: SheetGrid[] = [];
  book.eachSheet((sheet) => {
    const grid: Grid = [];
    sheet.eachRow({ includeEmpty: true }, (row, r) => {
      const cells: Cell[] = [];
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        cells[c - 1] = cell.isMerged && cell.master !== cell ? null : cellValue(cell.value);
      });
      grid[r - 1] = Array.from(cells, (v) => v ?? null);
    });
    const merges = (sheet.model as { merges?: string[] }).merges ?? [];
    grids.push({ name: sheet.name, cells: Array.from(grid, (row) => row ?? []), merges });
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

function decodeText(bytes: Buffer): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    return new TextDecoder("gb18030").decode(bytes);
  }
}

/** RFC 4180 CSV: quoted fields, doubled quotes, CRLF or LF. */
export function parseCsv(text: string): Grid {
  const rows: Grid = [];
  let row: Cell[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
