// The clerk's own workbook handed back marked: every error cell filled and given a comment saying what is
// wrong, plus a 审核结果 sheet whose 位置 links jump to the cells. Nothing else in the workbook is changed.
// The same sheet alone is the report as a workbook.

import ExcelJS from "exceljs";
import { isFormulaLike } from "../../core/cell-text.ts";
import type { Report } from "../../core/rules/finding.ts";
import { REPORT_HEADER, findingRow, notCheckedRow } from "../../core/rules/report-rows.ts";

export const RESULT_SHEET = "审核结果";
/** Excel's light red "bad" fill */
export const ERROR_FILL = "FFFFC7CE";

const A1 = /^[A-Z]{1,3}[1-9]\d{0,6}$/;

/** Text into a cell so that it stays text: a formula-like string is kept as text with the text number format. */
function setText(cell: ExcelJS.Cell, text: string): void {
  cell.value = text;
  if (isFormulaLike(text)) cell.numFmt = "@";
}

/** `=HYPERLINK("#'Sheet'!A1","Sheet!A1")` from escaped parts: the only formula juesuan writes. */
export function cellLink(sheet: string, cell: string, label: string): ExcelJS.CellFormulaValue {
  const str = (s: string) => `"${s.replace(/"/g, '""')}"`;
  const target = `#'${sheet.replace(/'/g, "''")}'!${cell}`;
  return { formula: `HYPERLINK(${str(target)},${str(label)})`, result: label, date1904: false };
}

function freeName(book: ExcelJS.Workbook, wanted: string): string {
  let name = wanted;
  for (let i = 2; book.getWorksheet(name); i++) name = `${wanted}（${i}）`;
  return name;
}

export async function markWorkbook(bytes: Uint8Array, report: Report): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);

  const notes = new Map<string, { sheet: ExcelJS.Worksheet; cell: string; lines: string[] }>();
  for (const f of report.findings) {
    if (f.severity !== "error" || !("cell" in f.where) || !A1.test(f.where.cell)) continue;
    const sheet = book.getWorksheet(f.where.sheet);
    if (!sheet) continue;
    const key = `${f.where.sheet}!${f.where.cell}`;
    const figures = [f.expected && `应为 ${f.expected}`, f.actual && `实为 ${f.actual}`].filter(Boolean).join("，");
    const entry = notes.get(key) ?? { sheet, cell: f.where.cell, lines: [] };
    entry.lines.push(figures ? `${f.message}（${figures}）` : f.message);
    notes.set(key, entry);
  }
  for (const { sheet, cell, lines } of notes.values()) {
    const c = sheet.getCell(cell);
    // a new style object: exceljs shares one among the cells that had the same style, and would fill them all
    c.style = { ...c.style, fill: { type: "pattern", pattern: "solid", fgColor: { argb: ERROR_FILL } } };
    // a comment the clerk already had stays, ours follows it
    const prior = typeof c.note === "string" ? c.note : (c.note?.texts ?? []).map((t) => t.text).join("");
    c.note = `${prior ? `${prior}\n\n` : ""}决算公开助手：\n${lines.join("\n")}`;
  }

  addResultSheet(book, report);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

/** The 审核结果 sheet: a row per finding, 位置 linking to the cell when that sheet is in `book`, then 未核对. */
function addResultSheet(book: ExcelJS.Workbook, report: Report): void {
  const out = book.addWorksheet(freeName(book, RESULT_SHEET));
  out.columns = [{ width: 8 }, { width: 22 }, { width: 60 }, { width: 18 }, { width: 14 }, { width: 14 }];
  out.addRow(REPORT_HEADER).font = { bold: true };
  for (const f of report.findings) {
    const row = out.addRow([]);
    findingRow(f).forEach((text, i) => setText(row.getCell(i + 1), text));
    if ("cell" in f.where && book.getWorksheet(f.where.sheet) && A1.test(f.where.cell)) {
      row.getCell(4).value = cellLink(f.where.sheet, f.where.cell, `${f.where.sheet}!${f.where.cell}`);
      row.getCell(4).font = { color: { argb: "FF0563C1" }, underline: true };
    }
  }
  for (const n of report.notChecked) {
    const row = out.addRow([]);
    notCheckedRow(n).forEach((text, i) => text && setText(row.getCell(i + 1), text));
  }
}

/** The report alone as a workbook (`juesuan check --report FILE.xlsx`): the 审核结果 sheet, places as text. */
export async function resultsWorkbook(report: Report): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  addResultSheet(book, report);
  return new Uint8Array(await book.xlsx.writeBuffer());
}
