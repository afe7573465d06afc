// Reading: the bench workbook (the large unit of tables.bench.ts) as .xlsx through the lean reader against
// exceljs's object model, and as .xls (BIFF8) through SheetJS — each from bytes in memory to cell grids.

import * as XLSX from "@e965/xlsx";
import { loadBuiltinEditions } from "../cli/builtin-data.ts";
import { CodesRegistry } from "../core/codes/codes-registry.ts";
import type { SheetGrid } from "../core/tables/grid.ts";
import { readWorkbook } from "../hosts/workbook.ts";
import { readXlsxGrids } from "../hosts/xlsx.ts";
import { makeLedger, seeded } from "../tests/fixtures/disclosure-model.ts";
import { renderDisclosure } from "../tests/fixtures/disclosure-sheets.ts";
import { xlsxBytes } from "../tests/fixtures/write-xlsx.ts";
import { readWithExceljs } from "../tests/hosts/exceljs-reference.ts";
import { line, ratio, time } from "./measure.ts";

/** The bench disclosure: every 项 of the 2021 edition under six 类, up to 80 (as tables.bench.ts builds it). */
export function benchSheets(): SheetGrid[] {
  const edition = new CodesRegistry(loadBuiltinEditions()).edition(2021);
  const entries = edition.entries();
  const codes = entries.filter((e) => e.kind === "function" && e.level === "项" && /^(201|204|205|208|210|213)/.test(e.code)).map((e) => e.code).slice(0, 80);
  return renderDisclosure(makeLedger(seeded(1), { items: { codes, names: Object.fromEntries(entries.map((e) => [e.code, e.name])) } }), "export").sheets;
}

export async function benchRead(): Promise<void> {
  console.log("\n== reading files ==");
  const sheets = benchSheets();
  const xlsx = await xlsxBytes(sheets);
  const book = XLSX.utils.book_new();
  for (const s of sheets) {
    const ws = XLSX.utils.aoa_to_sheet(s.cells);
    ws["!merges"] = (s.merges ?? []).map((m) => XLSX.utils.decode_range(m));
    XLSX.utils.book_append_sheet(book, ws, s.name);
  }
  const xls = new Uint8Array(XLSX.write(book, { type: "array", bookType: "xls" }) as ArrayBuffer);
  console.log(`  bench workbook: ${sheets.reduce((n, s) => n + s.cells.length, 0)} rows; .xlsx ${(xlsx.length / 1024).toFixed(0)} KB, .xls ${(xls.length / 1024).toFixed(0)} KB`);
  const lean = await time("read .xlsx, lean reader (target ≤ 2 ms)", 500, () => readXlsxGrids(xlsx, "bench.xlsx"));
  const exceljs = await time("read .xlsx, exceljs (before)", 30, () => readWithExceljs(xlsx));
  const sheetjs = await time("read .xls, SheetJS through readWorkbook", 100, () => readWorkbook(xls, "bench.xls"));
  for (const t of [lean, exceljs, sheetjs]) console.log(`${line(t)}  ${(t.nsPerOp / 1e6).toFixed(2)} ms`);
  console.log(`  exceljs / lean: ${ratio(exceljs, lean)}; .xls / lean .xlsx: ${ratio(sheetjs, lean)}`);
}

if (import.meta.url === `file://${process.argv[1]}`) await benchRead();
