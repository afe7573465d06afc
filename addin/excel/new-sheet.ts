// Writes rows into a new sheet of the pane's own (the narrative, the 审核结果): a name already taken by a sheet
// the clerk made is never replaced — the next free name is used ("审核结果 2"). Every text is written as text;
// only `formulas` (A1 → formula the pane built from escaped parts) are formulas.

import { columnLetters } from "../../core/tables/grid.ts";
import { excelRun } from "./excel-run.ts";
import { type CellValue, writeCells } from "./write-cells.ts";

export type SheetRow = CellValue[];

export function writeNewSheet(
  base: string,
  rows: SheetRow[],
  options: { formulas?: Record<string, string>; wrapFirstColumn?: boolean } = {},
): Promise<string> {
  return excelRun(async (context, sync) => {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    await sync();
    const taken = new Set(sheets.items.map((s) => s.name));
    let name = base;
    for (let i = 2; taken.has(name); i++) name = `${base} ${i}`;
    const ws = sheets.add(name);
    const width = writeCells(ws, rows, options.formulas);
    ws.getRange(`A1:${columnLetters(width - 1)}1`).format.font.bold = true;
    if (options.wrapFirstColumn) ws.getRange(`A1:A${rows.length}`).format.wrapText = true;
    ws.activate();
    await sync();
    return name;
  });
}
