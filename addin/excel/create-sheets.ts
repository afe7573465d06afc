// Creates the standard sheets from core's plans in one batch — never replacing a sheet that exists: a name
// already taken is skipped and reported, so nothing the clerk owns is touched.

import type { SheetPlan } from "../../core/tables/blank-sheets.ts";
import { excelRun } from "./excel-run.ts";
import { writeCells } from "./write-cells.ts";

const end = (rows: number, cols: number) => `${String.fromCharCode(64 + cols)}${rows}`;

export function createSheets(plans: SheetPlan[]): Promise<{ created: string[]; skipped: string[] }> {
  return excelRun(async (context, sync) => {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    await sync();
    const taken = new Set(sheets.items.map((s) => s.name));
    const created: string[] = [];
    const skipped: string[] = [];
    for (const plan of plans) {
      if (taken.has(plan.name)) {
        skipped.push(plan.name);
        continue;
      }
      const ws = sheets.add(plan.name);
      // template labels land here: text that looks like a formula is written as text
      const width = writeCells(ws, plan.cells, plan.formulas);
      for (const m of plan.merges) ws.getRange(m).merge(false);
      if (plan.figures) ws.getRange(plan.figures).numberFormat = [["#,##0.00"]];
      for (const r of plan.headerRows) ws.getRange(`A${r + 1}:${end(r + 1, width)}`).format.font.bold = true;
      ws.getRange("A1").format.font.bold = true;
      created.push(plan.name);
    }
    await sync();
    return { created, skipped };
  });
}
