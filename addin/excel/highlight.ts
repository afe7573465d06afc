// Marks the cells with errors by their fill, and takes the mark away again: the former fill of each cell is
// kept in the workbook, and a cell the clerk has recoloured since is left as the clerk made it.

import { excelRun } from "./excel-run.ts";
import { loadSettings, saveSetting } from "./workbook-settings.ts";

export const HIGHLIGHT = "#FDE7E9";

interface Marked {
  sheet: string;
  cell: string;
  /** the fill before, or null for none */
  fill: string | null;
}

const isNone = (color: string) => !color || /^#?FFFFFF$/i.test(color);

export function highlightCells(cells: { sheet: string; cell: string }[]): Promise<number> {
  return excelRun(async (context, sync) => {
    const settings = loadSettings(context, ["juesuan.highlight"]);
    const unique = [...new Map(cells.map((c) => [`${c.sheet}!${c.cell}`, c])).values()];
    const ranges = unique.map((c) => {
      const range = context.workbook.worksheets.getItem(c.sheet).getRange(c.cell);
      range.format.fill.load("color");
      return { ...c, range };
    });
    await sync();
    const already = (settings()["juesuan.highlight"] as Marked[] | undefined) ?? [];
    const kept = new Set(already.map((m) => `${m.sheet}!${m.cell}`));
    const marked: Marked[] = [...already];
    for (const r of ranges) {
      if (kept.has(`${r.sheet}!${r.cell}`)) continue;
      marked.push({ sheet: r.sheet, cell: r.cell, fill: isNone(r.range.format.fill.color) ? null : r.range.format.fill.color });
      r.range.format.fill.color = HIGHLIGHT;
    }
    saveSetting(context, "juesuan.highlight", marked);
    await sync();
    return marked.length;
  });
}

export function clearHighlights(): Promise<number> {
  return excelRun(async (context, sync) => {
    const settings = loadSettings(context, ["juesuan.highlight"]);
    await sync();
    const marked = (settings()["juesuan.highlight"] as Marked[] | undefined) ?? [];
    const ranges = marked.map((m) => {
      const range = context.workbook.worksheets.getItem(m.sheet).getRange(m.cell);
      range.format.fill.load("color");
      return { m, range };
    });
    await sync();
    for (const { m, range } of ranges) {
      if (range.format.fill.color.toUpperCase() !== HIGHLIGHT) continue;
      if (m.fill) range.format.fill.color = m.fill;
      else range.format.fill.clear();
    }
    saveSetting(context, "juesuan.highlight", []);
    await sync();
    return ranges.length;
  });
}
