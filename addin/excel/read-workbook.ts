// The open workbook's sheets as cell grids, in two syncs: the sheet names, then every used range's values and
// address (a custom function sees values too; merged headers are inferred by core's reader).

import type { Cell, SheetGrid } from "../../core/tables/grid.ts";
import { parseRangeAddress } from "../../core/tables/grid.ts";
import { excelRun } from "./excel-run.ts";

/** `only` picks the sheets worth loading (a workbook may hold big sheets of raw data the check never needs). */
export function readWorkbook(only?: (name: string) => boolean): Promise<{ sheets: SheetGrid[]; names: string[] }> {
  return excelRun(async (context, sync) => {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    await sync();
    const names = sheets.items.map((ws) => ws.name);
    const wanted = sheets.items.filter((ws) => !only || only(ws.name));
    const used = wanted.map((ws) => {
      const range = ws.getUsedRangeOrNullObject(true);
      range.load("values,address");
      return { name: ws.name, range };
    });
    await sync();
    const grids = used
      .filter((u) => !u.range.isNullObject)
      .map((u) => {
        const at = parseRangeAddress(u.range.address);
        const cells = (u.range.values as unknown[][]).map((row) => row.map((v) => (v === "" ? null : (v as Cell))));
        return { name: u.name, cells, origin: { row: at.row, col: at.col } };
      });
    return { sheets: grids, names };
  });
}
