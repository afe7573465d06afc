// Takes the clerk to a finding's cell: activates its sheet and selects the cell, in one sync.

import { excelRun } from "./excel-run.ts";

export function selectCell(sheet: string, cell: string): Promise<void> {
  return excelRun(async (context, sync) => {
    const ws = context.workbook.worksheets.getItem(sheet);
    ws.activate();
    ws.getRange(cell).select();
    await sync();
  });
}
