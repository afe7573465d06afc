// `juesuan new --template ID --year N --out FILE.xlsx [--force]`: a blank standard workbook for people without
// the add-in — the same sheets the task pane creates (core/tables/blank-sheets.ts), written with exceljs.

import { existsSync } from "node:fs";
import ExcelJS from "exceljs";
import { type SheetPlan, blankSheets } from "../../core/tables/blank-sheets.ts";
import { parseA1 } from "../../core/tables/grid.ts";
import type { Template } from "../../core/templates/template.ts";
import { UsageError } from "../usage.ts";

export interface NewOptions {
  template: Template;
  year: number;
  out: string;
  force?: boolean;
  /** 编制单位, as the title block shows it */
  unit?: string;
}

export async function newWorkbook(opts: NewOptions, log: (line: string) => void): Promise<number> {
  if (!/\.xlsx$/i.test(opts.out)) throw new UsageError(`--out 应为 .xlsx 文件：${opts.out}`);
  if (existsSync(opts.out) && !opts.force) throw new UsageError(`${opts.out} 已存在；确认要替换时加 --force`);
  const plans = blankSheets(opts.template, opts.unit ?? "（编制单位）", opts.year);
  const book = new ExcelJS.Workbook();
  for (const plan of plans) writeSheet(book.addWorksheet(plan.name), plan);
  try {
    await book.xlsx.writeFile(opts.out);
  } catch (err) {
    throw new UsageError(`无法写入 ${opts.out}：${(err as NodeJS.ErrnoException).code ?? "写入失败"}`);
  }
  log(`已按模板“${opts.template.name}”生成 ${opts.year} 年度空白公开表（${plans.map((p) => p.name).join("、")}）→ ${opts.out}`);
  return 0;
}

function writeSheet(ws: ExcelJS.Worksheet, plan: SheetPlan): void {
  plan.cells.forEach((row, r) =>
    row.forEach((v, c) => {
      // plan text is written as a string value, never as a formula, whatever it starts with
      if (v !== null && v !== "") ws.getCell(r + 1, c + 1).value = v;
    }),
  );
  for (const m of plan.merges) ws.mergeCells(m);
  if (plan.figures) {
    const [from, to = from] = plan.figures.split(":") as [string, string?];
    const a = parseA1(from);
    const b = parseA1(to);
    for (let r = a.row; r <= b.row; r++) for (let c = a.col; c <= b.col; c++) ws.getCell(r + 1, c + 1).numFmt = "#,##0.00";
  }
  for (const r of [0, ...plan.headerRows]) ws.getRow(r + 1).font = { bold: true };
  // the narrative's derived figures, as the pane writes them: =JS.… needs the add-in to compute
  for (const [cell, formula] of Object.entries(plan.formulas)) ws.getCell(cell).value = { formula: formula.replace(/^=/, "") };
}
