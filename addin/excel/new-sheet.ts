// Writes rows into a new sheet of the pane's own (the narrative, the 审核结果): a name already taken by a sheet
// the clerk made is never replaced — the next free name is used ("审核结果 2").

import { excelRun } from "./excel-run.ts";

export type SheetRow = (string | number)[];

export function writeNewSheet(base: string, rows: SheetRow[], options: { formulas?: boolean; wrapFirstColumn?: boolean } = {}): Promise<string> {
  return excelRun(async (context, sync) => {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    await sync();
    const taken = new Set(sheets.items.map((s) => s.name));
    let name = base;
    for (let i = 2; taken.has(name); i++) name = `${base} ${i}`;
    const ws = sheets.add(name);
    const width = Math.max(1, ...rows.map((r) => r.length));
    const values = rows.map((r) => Array.from({ length: width }, (_, c) => r[c] ?? ""));
    const range = ws.getRange(`A1:${String.fromCharCode(64 + width)}${values.length}`);
    if (options.formulas) range.formulas = values;
    else range.values = values;
    ws.getRange(`A1:${String.fromCharCode(64 + width)}1`).format.font.bold = true;
    if (options.wrapFirstColumn) ws.getRange(`A1:A${values.length}`).format.wrapText = true;
    ws.activate();
    await sync();
    return name;
  });
}
