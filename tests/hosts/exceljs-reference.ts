// The .xlsx reading juesuan did before the lean reader, through exceljs's object model: kept for tests and the
// read bench only, as the reference the lean reader's grids must equal (cached formula errors read as their
// text, as the lean reader now does, instead of the old blank; a formula never calculated is blank, where the
// old reader wrote "[object Object]").

import ExcelJS from "exceljs";
import type { Cell, SheetGrid } from "../../core/tables/grid.ts";

export async function readWithExceljs(bytes: Uint8Array): Promise<SheetGrid[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
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
    if ("result" in v || "formula" in v || "sharedFormula" in v) return cellValue((v as { result?: ExcelJS.CellValue }).result);
    if ("text" in v) return String(v.text);
    if ("error" in v) return v.error;
  }
  return String(v);
}
