// An .xls (BIFF8, what 部门决算 software exports) or WPS .et file as cell grids, through SheetJS (@e965/xlsx),
// loaded only when such a file arrives. Also recognises an encrypted .xlsx, which is an OLE container too.
// Every library error becomes one Chinese sentence; the same LIMITS apply through GridBuilder.

import { LIMITS } from "../core/limits.ts";
import type { Cell, SheetGrid } from "../core/tables/grid.ts";
import { GridBuilder, WorkbookBudget } from "./grid-builder.ts";
import { UnreadableFile } from "./unreadable-file.ts";
import { dateText } from "./xlsx-sheet.ts";
import { isDateFormat } from "./xlsx-styles.ts";

/** BIFF error codes as Excel shows them. */
const ERRORS: Record<number, string> = { 0x00: "#NULL!", 0x07: "#DIV/0!", 0x0f: "#VALUE!", 0x17: "#REF!", 0x1d: "#NAME?", 0x24: "#NUM!", 0x2a: "#N/A", 0x2b: "#GETTING_DATA" };

interface SheetCell {
  t: string;
  v?: unknown;
  z?: string | number;
}

export async function readXlsGrids(bytes: Uint8Array, name: string): Promise<SheetGrid[]> {
  const XLSX = await import("@e965/xlsx");
  const locked = () => new UnreadableFile(`${name} 设有打开密码，请在 Excel 或 WPS 中去掉密码后另存再试`);
  const corrupt = () => new UnreadableFile(`${name} 不是有效的 Excel/WPS 表格文件（文件可能已损坏或已加密）`);
  let container: unknown;
  try {
    container = XLSX.CFB.read(bytes, { type: "array" });
  } catch {
    throw corrupt();
  }
  if (XLSX.CFB.find(container, "EncryptionInfo") || XLSX.CFB.find(container, "EncryptedPackage")) throw locked();
  if (!XLSX.CFB.find(container, "Workbook") && !XLSX.CFB.find(container, "Book")) throw corrupt();
  let book: ReturnType<typeof XLSX.read>;
  try {
    book = XLSX.read(bytes, { type: "array", dense: true, sheetRows: LIMITS.sheetRows + 1, cellNF: true, cellText: false, cellHTML: false, cellFormula: false, bookVBA: false });
  } catch (err) {
    throw /password|encrypt/i.test(String((err as Error)?.message)) ? locked() : corrupt();
  }
  const date1904 = Boolean(book.Workbook?.WBProps?.date1904);
  const budget = new WorkbookBudget();
  const grids: SheetGrid[] = [];
  for (const sheetName of book.SheetNames) {
    const sheet = book.Sheets[sheetName] as { "!data"?: (SheetCell[] | undefined)[]; "!merges"?: { s: { r: number; c: number }; e: { r: number; c: number } }[]; "!fullref"?: string } | undefined;
    if (!sheet?.["!data"]) continue;
    const grid = new GridBuilder(sheetName, budget);
    const data = sheet["!data"];
    for (let r = 0; r < data.length && grid.open; r++) {
      const row = data[r];
      if (!row) continue;
      grid.row(r);
      for (let c = 0; c < row.length; c++) {
        const cell = row[c];
        if (cell) grid.set(r, c, cellValue(cell, date1904));
      }
    }
    const full = sheet["!fullref"] ? XLSX.utils.decode_range(sheet["!fullref"]) : null;
    if (full) grid.lastRow = full.e.r + 1;
    for (const m of sheet["!merges"] ?? []) grid.merge(`${XLSX.utils.encode_cell(m.s)}:${XLSX.utils.encode_cell(m.e)}`);
    grids.push(grid.finish());
  }
  if (!grids.length) throw corrupt();
  return grids;
}

function cellValue(cell: SheetCell, date1904: boolean): Cell {
  const v = cell.v;
  switch (cell.t) {
    case "n":
      if (typeof v !== "number") return null;
      return typeof cell.z === "string" && isDateFormat(cell.z) ? (dateText(v, date1904) ?? v) : v;
    case "s":
      return typeof v === "string" ? v : null;
    case "b":
      return Boolean(v);
    case "e":
      return ERRORS[v as number] ?? "#VALUE!";
    case "d":
      return v instanceof Date && !Number.isNaN(v.getTime()) ? v.toISOString().slice(0, 10) : null;
    default:
      return null;
  }
}
