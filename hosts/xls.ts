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
  const stream = (XLSX.CFB.find(container, "Workbook") ?? XLSX.CFB.find(container, "Book")) as { content?: ArrayLike<number> } | null;
  if (!stream?.content?.length) throw corrupt();
  const biff = withoutFormulas(Uint8Array.from(stream.content));
  if (biff === "locked") throw locked();
  let book: ReturnType<typeof XLSX.read>;
  // SheetJS writes unknown BIFF records to console.error in English: nothing of that may reach a clerk
  const error = console.error;
  console.error = () => {};
  try {
    book = XLSX.read(biff, { type: "array", dense: true, sheetRows: LIMITS.sheetRows + 1, cellNF: true, cellText: false, cellHTML: false, cellFormula: false, bookVBA: false });
  } catch (err) {
    throw /password|encrypt/i.test(String((err as Error)?.message)) ? locked() : corrupt();
  } finally {
    console.error = error;
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
      // BIFF8 has 256 columns: a longer row comes from a corrupt record, and is not walked past the limit
      for (let c = 0; c < Math.min(row.length, LIMITS.sheetColumns + 1); c++) {
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

const FORMULA = 0x0006;
/**
 * The records juesuan needs from a BIFF5/8 stream: substream bounds, sheet list, code page and 1904 dates,
 * number formats and cell styles (for dates), strings, cell values, cached formula results, merged areas.
 */
const NEEDED = new Set([
  0x0809, 0x000a, 0x0085, 0x0042, 0x0022, 0x041e, 0x00e0, 0x0031, 0x00fc, 0x003c, 0x0200,
  0x00fd, 0x0204, 0x00d6, 0x027e, 0x00bd, 0x0203, 0x0205, 0x0207, 0x0201, 0x00be, 0x00e5, FORMULA,
]);
/** A record id SheetJS does not know: it skips the record by its length. */
const SKIPPED = 0x0fff;

/**
 * The workbook stream with every record juesuan does not need turned into one SheetJS skips, and every
 * parsed formula emptied (cached results kept). On corrupt input SheetJS's parsers of formulas, external
 * sheets and the like loop forever or allocate by a count read from the file; juesuan needs only values.
 * An encrypted stream (FILEPASS) is reported as such.
 */
function withoutFormulas(biff: Uint8Array): Uint8Array | "locked" {
  const view = new DataView(biff.buffer, biff.byteOffset, biff.byteLength);
  for (let at = 0; at + 4 <= biff.length; ) {
    const type = view.getUint16(at, true);
    const size = view.getUint16(at + 2, true);
    if (type === 0x002f) return "locked";
    if (type === FORMULA && size >= 22 && at + 4 + 22 <= biff.length) view.setUint16(at + 4 + 20, 0, true);
    else if (type === FORMULA || !NEEDED.has(type)) view.setUint16(at, SKIPPED, true);
    at += 4 + size;
  }
  return biff;
}
