// The body of POST /v1/check as JSON: {year?, grids: {sheet: cell[][]}, merges?: {sheet: ["A1:B2"]}, text?,
// template?, name?} — its zod schema. Sizes are counted before anything is walked, and merged areas are
// checked against their grid (clipped to it, capped in number and size), so no body of a few bytes can make
// core walk an area of billions of cells.

import * as z from "zod/mini";
import { LIMITS } from "../core/limits.ts";
import { type Cell, type SheetGrid, columnLetters, parseA1 } from "../core/tables/grid.ts";
import { boundedRecord, described, prechecked } from "../core/templates/schema-kit.ts";

export interface CheckInput {
  grids: SheetGrid[];
  year: number | null;
  text: string | null;
  template: string | null;
  name: string | null;
}

const AREA = /^[A-Z]{1,3}[1-9]\d{0,6}(:[A-Z]{1,3}[1-9]\d{0,6})?$/i;

const cell = z.union([z.null(), z.string(), z.number(), z.boolean()], "单元格应为文本、数字、布尔值或 null");
const cellText = (v: Cell) => typeof v !== "string" || v.length <= LIMITS.cellText;

/** Every cell of every grid, counted before zod walks them. */
function countCells(grids: unknown): number {
  if (typeof grids !== "object" || grids === null) return 0;
  let n = 0;
  for (const rows of Object.values(grids)) if (Array.isArray(rows)) for (const row of rows) n += Array.isArray(row) ? row.length : 0;
  return n;
}

const grids = prechecked(
  (v) => (countCells(v) > LIMITS.cells ? { code: "too_big", origin: "array", maximum: LIMITS.cells, message: `单元格过多（最多 ${LIMITS.cells} 个）` } : null),
  boundedRecord(
    z.string().check(z.minLength(1, "工作表名不能为空"), z.maxLength(100, "工作表名过长")),
    z.array(
      z.array(cell, "应为数组").check(z.refine((row) => row.every(cellText), `单元格文本过长（最多 ${LIMITS.cellText} 个字符）`)),
      "应为二维数组",
    ),
    1_000,
    "工作表",
  ),
);

const merges = boundedRecord(
  z.string(),
  z.array(z.string().check(z.regex(AREA, "应为 A1:B2 形式的区域")), "应为 A1:B2 形式的区域列表").check(
    z.maxLength(LIMITS.merges, `合并区域过多（每张表最多 ${LIMITS.merges} 个）`),
  ),
  1_000,
  "工作表",
);

const YEAR_MESSAGE = "应为四位年度";

export const checkBodySchema = z.pipe(
  z.strictObject({
    year: z.nullish(described(z.int(YEAR_MESSAGE).check(z.gte(2000, YEAR_MESSAGE), z.lte(2100, YEAR_MESSAGE)), "决算年度；不给则从表中读出")),
    grids: z.optional(described(grids, "{工作表名: 单元格二维数组}，单元格为文本、数字、布尔值或 null")),
    merges: z.optional(described(merges, '{工作表名: ["A1:B2", …]}，合并区域')),
    text: z.nullish(described(z.string("应为文本").check(z.maxLength(LIMITS.textChars, `情况说明文本过长（最多 ${LIMITS.textChars / 10_000} 万字）`)), "情况说明全文")),
    template: z.nullish(described(z.string("应为模板编号").check(z.maxLength(63)), "模板编号")),
    name: z.nullish(described(z.string("应为文本").check(z.maxLength(260)), "工作簿文件名，报告中显示")),
  }),
  z.transform((body, ctx): CheckInput => {
    const hasText = typeof body.text === "string" && body.text.trim() !== "";
    const sheets = Object.entries(body.grids ?? {});
    if (sheets.length === 0 && !hasText) {
      ctx.issues.push({ code: "custom", path: ["grids"], input: body.grids, message: "应为 {工作表名: 单元格二维数组}，至少一张（或只给 text 核对情况说明）" });
      return z.NEVER;
    }
    let merged = 0;
    const out = sheets.map(([name, cells]): SheetGrid => {
      const own = body.merges !== undefined && Object.hasOwn(body.merges, name);
      const clipped = (own ? body.merges![name]! : []).flatMap((area) => clipArea(area, cells));
      for (const [i, a] of clipped.entries()) {
        if (a.cells > LIMITS.mergeCells) {
          ctx.issues.push({ code: "too_big", origin: "array", maximum: LIMITS.mergeCells, path: ["merges", name, i], input: a.area, message: `合并区域 ${a.area} 过大（最多 ${LIMITS.mergeCells} 个单元格）` });
        }
        merged += a.cells;
      }
      return { name, cells: cells as Cell[][], ...(own ? { merges: clipped.map((a) => a.area) } : {}) };
    });
    // areas of one grid should not overlap: together they cover at most the grid
    if (merged > LIMITS.cells) {
      ctx.issues.push({ code: "too_big", origin: "array", maximum: LIMITS.cells, path: ["merges"], input: merged, message: `合并区域合计覆盖的单元格过多（最多 ${LIMITS.cells} 个）` });
    }
    return { grids: out, year: body.year ?? null, text: body.text ?? null, template: body.template ?? null, name: body.name ?? null };
  }),
);

/** A merged area clipped to the cells the grid has; nothing when it lies wholly outside them. */
function clipArea(area: string, cells: Cell[][]): { area: string; cells: number }[] {
  const [a, b = a] = area.split(":") as [string, string?];
  const p = parseA1(a);
  const q = parseA1(b);
  const top = Math.min(p.row, q.row);
  const left = Math.min(p.col, q.col);
  const width = cells.reduce((w, row) => Math.max(w, row.length), 0);
  const bottom = Math.min(Math.max(p.row, q.row), cells.length - 1);
  const right = Math.min(Math.max(p.col, q.col), width - 1);
  if (top > bottom || left > right) return [];
  const at = (row: number, col: number) => `${columnLetters(col)}${row + 1}`;
  return [{ area: `${at(top, left)}:${at(bottom, right)}`, cells: (bottom - top + 1) * (right - left + 1) }];
}
