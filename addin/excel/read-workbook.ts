// The open workbook's sheets as cell grids, in two syncs: the sheet names, then every used range's values and
// address (a custom function sees values too; merged headers are inferred by core's reader).

import type { Cell, SheetGrid } from "../../core/tables/grid.ts";
import { parseRangeAddress } from "../../core/tables/grid.ts";
import { excelRun } from "./excel-run.ts";

export function readWorkbook(only?: string[]): Promise<SheetGrid[]> {
  return excelRun(async (context, sync) => {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    await sync();
    const wanted = sheets.items.filter((ws) => !only || only.includes(ws.name));
    const used = wanted.map((ws) => {
      const range = ws.getUsedRangeOrNullObject(true);
      range.load("values,address");
      return { name: ws.name, range };
    });
    await sync();
    return used
      .filter((u) => !u.range.isNullObject)
      .map((u) => {
        const at = parseRangeAddress(u.range.address);
        const cells = (u.range.values as unknown[][]).map((row) => row.map((v) => (v === "" ? null : (v as Cell))));
        return { name: u.name, cells, origin: { row: at.row, col: at.col } };
      });
  });
}
